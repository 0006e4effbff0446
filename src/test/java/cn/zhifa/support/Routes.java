package cn.zhifa.support;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the running application, for tests that must cover a new route without being told:
 * the Spring MVC routes from the {@link RequestMappingHandlerMapping} (one entry per method and
 * pattern; a mapping without methods counts as GET, POST, PUT and DELETE), and the root resources of
 * the engine's REST API from the JAX-RS resources Camunda registers.
 */
public final class Routes {

	private static final Set<RequestMethod> READS = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);
	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
	private static final Pattern PERSONAL = Pattern.compile("^/api/notifications/(\\{id}/read|read-all|subscriptions/\\{agency})$");

	private Routes() {
	}

	/** One method on one pattern, with its handler. */
	public record Route(HttpMethod method, String pattern, HandlerMethod handler, boolean multipart) {

		public boolean write() {
			return !READS.contains(RequestMethod.valueOf(method.name()));
		}

		/**
		 * A write of the user's own reading state, not of enforcement data (marking notifications read,
		 * issue 17): allowed to supervisors and to a webapp session ({@code EngineRequests.PERSONAL}).
		 */
		public boolean personal() {
			return PERSONAL.matcher(pattern).matches();
		}

		/** The names of the pattern's path variables, in order. */
		public List<String> pathVariables() {
			List<String> names = new ArrayList<>();
			Matcher m = VARIABLE.matcher(pattern);
			while (m.find()) {
				names.add(m.group(1));
			}
			return names;
		}

		/** The pattern with each path variable replaced by what {@code value} gives for its name. */
		public String path(java.util.function.Function<String, String> value) {
			Matcher m = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (m.find()) {
				m.appendReplacement(path, Matcher.quoteReplacement(value.apply(m.group(1))));
			}
			m.appendTail(path);
			return path.toString();
		}

		/** The type of the handler's {@code @RequestBody}, if it takes one. */
		public Optional<Class<?>> bodyType() {
			for (Parameter p : handler.getMethod().getParameters()) {
				if (p.isAnnotationPresent(RequestBody.class)) {
					return Optional.of(p.getType());
				}
			}
			return Optional.empty();
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	/** The MVC routes whose pattern starts with one of {@code prefixes}, sorted. */
	public static List<Route> of(RequestMappingHandlerMapping mappings, String... prefixes) {
		List<Route> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
			Set<RequestMethod> methods = declared.isEmpty()
					? Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE) : declared;
			boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
			for (String pattern : info.getPatternValues()) {
				if (List.of(prefixes).stream().anyMatch(pattern::startsWith)) {
					for (RequestMethod method : methods) {
						routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, handler, multipart));
					}
				}
			}
		});
		routes.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
		return routes;
	}

	/** The write routes (not GET, HEAD, OPTIONS) among {@link #of}. */
	public static List<Route> writes(RequestMappingHandlerMapping mappings, String... prefixes) {
		return of(mappings, prefixes).stream().filter(Route::write).toList();
	}

	/**
	 * The root resources of the engine's REST API ({@code /task}, {@code /process-instance}, …, and
	 * {@code /engine} for the named engines), relative to {@code /engine-rest}: the JAX-RS resources
	 * Camunda registers, and for the default engine's resource its sub-resource locators.
	 */
	public static Set<String> engineRestRoots() {
		Set<String> roots = new TreeSet<>();
		for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
			jakarta.ws.rs.Path path = resource.getAnnotation(jakarta.ws.rs.Path.class);
			if (path == null) {
				continue;
			}
			String root = path.value().replaceAll("/+$", "");
			if (!root.isEmpty()) {
				roots.add(root.startsWith("/") ? root : "/" + root);
				continue;
			}
			for (Method method : resource.getMethods()) {
				jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
				if (sub != null) {
					roots.add(sub.value().startsWith("/") ? sub.value() : "/" + sub.value());
				}
			}
		}
		return roots;
	}
}

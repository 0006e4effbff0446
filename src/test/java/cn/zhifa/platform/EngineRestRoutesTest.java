package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.rest.ProcessDefinitionRestService;
import org.junit.jupiter.api.Test;

import cn.zhifa.platform.EngineRestRoutes.Rule;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * Route-completeness of the guard (ADR-0015): every state-changing route of the engine's REST API, as
 * the REST library on the class path declares them (JAX-RS resources and their sub-resources), is
 * classified by {@link EngineRestRoutes}. A Camunda upgrade that adds a route fails here until the
 * route is classified.
 */
class EngineRestRoutesTest {

	@Test
	void everyWriteRouteOfTheEngineRestApiIsClassified() throws Exception {
		Set<String> routes = writeRoutes();
		assertThat(routes).as("routes found in the REST library").hasSizeGreaterThan(150);
		List<String> unclassified = new ArrayList<>();
		for (String route : routes) {
			String[] methodAndPath = route.split(" ", 2);
			// the library declares each route at the root and under /engine/{name}; the webapps serve the latter
			List<String> roots = methodAndPath[1].startsWith("/engine/") ? List.of("/engine-rest", "/camunda/api/engine")
					: List.of("/engine-rest");
			for (String root : roots) {
				String path = EngineRestRoutes.enginePath(root + methodAndPath[1]);
				if (EngineRestRoutes.match(methodAndPath[0], path).isEmpty()) {
					unclassified.add(methodAndPath[0] + " " + root + methodAndPath[1]);
				}
			}
		}
		assertThat(unclassified).as("write routes of the engine REST API that EngineRestRoutes does not classify").isEmpty();
	}

	@Test
	void routesThatCarryVariablesAreCheckedAndTheRestChangeNone() {
		assertThat(rule("POST", "/engine-rest/process-definition/key/enforcement-case/start")).isEqualTo(Rule.START);
		assertThat(rule("POST", "/engine-rest/process-definition/key/enforcement-case/tenant-id/QLSCJ/start"))
			.isEqualTo(Rule.START);
		assertThat(rule("POST", "/engine-rest/process-definition/abc:1:2/submit-form")).isEqualTo(Rule.START_FORM);
		assertThat(rule("POST", "/camunda/api/engine/engine/default/process-definition/abc/submit-form"))
			.isEqualTo(Rule.START_FORM);
		assertThat(rule("POST", "/engine-rest/process-definition/abc/restart-async")).isEqualTo(Rule.RESTART);
		assertThat(rule("POST", "/engine-rest/task/1/complete")).isEqualTo(Rule.TASK_COMPLETE);
		assertThat(rule("POST", "/engine-rest/task/1/resolve")).isEqualTo(Rule.TASK_COMPLETE);
		assertThat(rule("POST", "/camunda/api/engine/engine/default/task/1/submit-form")).isEqualTo(Rule.TASK_FORM);
		assertThat(rule("POST", "/engine-rest/task/1/bpmnError")).isEqualTo(Rule.TASK_ERROR);
		for (String scope : List.of("process-instance", "execution", "task")) {
			for (String kind : List.of("variables", "localVariables")) {
				if (!scope.equals("execution") || kind.equals("localVariables")) {
					assertThat(rule("PUT", "/engine-rest/" + scope + "/1/" + kind + "/caseId")).isEqualTo(Rule.NAMED_VARIABLE);
					assertThat(rule("DELETE", "/engine-rest/" + scope + "/1/" + kind + "/caseId"))
						.isEqualTo(Rule.NAMED_VARIABLE);
					assertThat(rule("POST", "/engine-rest/" + scope + "/1/" + kind + "/caseId/data"))
						.isEqualTo(Rule.NAMED_VARIABLE);
					assertThat(rule("POST", "/engine-rest/" + scope + "/1/" + kind)).isEqualTo(Rule.VARIABLE_PATCH);
				}
			}
		}
		assertThat(rule("POST", "/engine-rest/message")).isEqualTo(Rule.MESSAGE);
		assertThat(rule("POST", "/engine-rest/execution/1/messageSubscriptions/m/trigger")).isEqualTo(Rule.MESSAGE);
		assertThat(rule("POST", "/engine-rest/signal")).isEqualTo(Rule.VARIABLES);
		assertThat(rule("POST", "/engine-rest/process-instance/variables-async")).isEqualTo(Rule.VARIABLES);
		assertThat(rule("POST", "/engine-rest/process-instance/1/modification")).isEqualTo(Rule.MODIFICATION);
		assertThat(rule("POST", "/engine-rest/modification/executeAsync")).isEqualTo(Rule.MODIFICATION);
		assertThat(rule("POST", "/engine-rest/task/1/claim")).isEqualTo(Rule.NONE);
		assertThat(rule("POST", "/engine-rest/deployment/create")).isEqualTo(Rule.NONE);
		assertThat(EngineRestRoutes.enginePath("/api/cases")).isNull();
		assertThat(EngineRestRoutes.enginePath("/engine-rest/task/1/complete/")).isEqualTo("/task/1/complete");
	}

	private static Rule rule(String method, String path) {
		return EngineRestRoutes.match(method, EngineRestRoutes.enginePath(path)).orElseThrow().rule();
	}

	/** "METHOD /path" of every POST, PUT and DELETE of the REST library, path parameters as "x". */
	private static Set<String> writeRoutes() throws IOException, URISyntaxException {
		Set<String> routes = new TreeSet<>();
		Path jar = Path.of(ProcessDefinitionRestService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (JarFile file = new JarFile(jar.toFile())) {
			for (var entry : Collections.list(file.entries())) {
				String name = entry.getName();
				if (!name.endsWith(".class") || !name.startsWith("org/camunda/bpm/engine/rest/")
						|| name.contains("/history/")) {
					continue; // history resources are reached through HistoryRestService's path
				}
				Class<?> type;
				try {
					type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
							EngineRestRoutesTest.class.getClassLoader());
				}
				catch (Throwable notLoadable) {
					continue;
				}
				jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
				if (root != null) {
					walk(type, root.value(), 0, routes);
				}
			}
		}
		return routes;
	}

	private static void walk(Class<?> type, String prefix, int depth, Set<String> routes) {
		if (depth > 6) {
			return;
		}
		for (Method m : type.getMethods()) {
			jakarta.ws.rs.Path p = annotation(m, jakarta.ws.rs.Path.class);
			String path = prefix + (p == null ? "" : (p.value().startsWith("/") ? "" : "/") + p.value());
			String verb = annotation(m, POST.class) != null ? "POST" : annotation(m, PUT.class) != null ? "PUT"
					: annotation(m, DELETE.class) != null ? "DELETE" : null;
			if (verb != null) {
				routes.add(verb + " " + path.replaceAll("\\{[^}]*\\}", "x"));
			}
			else if (p != null && isResourceMethodFree(m)) {
				walk(m.getReturnType(), path, depth + 1, routes);
			}
		}
	}

	private static boolean isResourceMethodFree(Method m) {
		return annotation(m, jakarta.ws.rs.GET.class) == null && annotation(m, jakarta.ws.rs.OPTIONS.class) == null;
	}

	private static <A extends java.lang.annotation.Annotation> A annotation(Method m, Class<A> type) {
		A found = m.getAnnotation(type);
		if (found != null) {
			return found;
		}
		for (Class<?> i : interfaces(m.getDeclaringClass())) {
			try {
				found = i.getMethod(m.getName(), m.getParameterTypes()).getAnnotation(type);
				if (found != null) {
					return found;
				}
			}
			catch (NoSuchMethodException notThere) {
				// next
			}
		}
		return null;
	}

	private static Set<Class<?>> interfaces(Class<?> type) {
		Set<Class<?>> all = new LinkedHashSet<>();
		for (Class<?> k = type; k != null; k = k.getSuperclass()) {
			for (Class<?> i : k.getInterfaces()) {
				all.add(i);
				all.addAll(interfaces(i));
			}
		}
		return all;
	}
}

package cn.zhifa.platform;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests as the guards see them: the decoded, normalised path (as Spring MVC and the JAX-RS
 * servlets route it, never the raw URI), the path within the engine's REST API whichever way it is
 * reached ({@code /engine-rest/…}, {@code /engine-rest/engine/default/…}, the webapps'
 * {@code /camunda/api/engine/engine/default/…}), and which requests only read. The engine's REST
 * API answers some queries to POST (a query too long for a URL, e.g. Cockpit's variable list);
 * those read and are listed here by path, everything else that is not GET/HEAD/OPTIONS writes.
 */
final class EngineRequests {

	private static final UrlPathHelper PATHS = new UrlPathHelper();
	static {
		PATHS.setUrlDecode(true);
		PATHS.setRemoveSemicolonContent(true);
	}

	static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+(?=/))?(/.*)?$");
	private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");
	private static final Pattern COCKPIT_PLUGIN = Pattern.compile("^/camunda/api/cockpit/plugin/base/[^/]+(/.*)?$");

	/** POST queries of the engine's REST API (paths within the engine): they read, whatever their method. */
	private static final List<Pattern> ENGINE_QUERIES = List.of(
			Pattern.compile("^/(process-instance|task|variable-instance|execution|external-task|job|job-definition"
					+ "|case-instance|case-execution|group)(/count)?/?$"),
			Pattern.compile("^/history/(activity-instance|case-instance|external-task-log|job-log|process-instance|task"
					+ "|variable-instance)(/count)?/?$"),
			Pattern.compile("^/history/detail/?$"),
			Pattern.compile("^/filter/[^/]+/(list|count|singleResult)/?$"),
			Pattern.compile("^/schema/log/?$"));

	/** POST queries of Cockpit's own plugin API (paths within /camunda/api/cockpit/plugin/base/{engine}). */
	private static final List<Pattern> COCKPIT_QUERIES = List.of(
			Pattern.compile("^/(process-instance|incident)(/count)?/?$"),
			Pattern.compile("^/process-instance/[^/]+/called-process-instances/?$"),
			Pattern.compile("^/process-definition/[^/]+/called-process-definitions/?$"));

	/** Logging in to and out of the webapps. */
	private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/(login/[^/]+|logout)/?$");

	/**
	 * A user's own reading state, not enforcement data: marking one's notifications read, subscribing to an agency's
	 * notifications (issue 17 §3). Supervisors may, and a webapp session may send them (with Spring's CSRF token,
	 * {@link WebappSessionAuthenticationFilter}).
	 */
	static final Pattern PERSONAL = Pattern.compile("^/api/notifications/([0-9]+/read|read-all|subscriptions/[A-Za-z0-9_-]+)/?$");

	/**
	 * The writes a page of the webapps sends with its session (and Spring's CSRF token,
	 * {@link WebappSessionAuthenticationFilter}): the {@link #PERSONAL} ones, and an administrator's change of a
	 * deadline on Cockpit's SLA board (the controller allows administrators only; issue 17 §5).
	 */
	static final Pattern WEBAPP_SESSION_WRITES = Pattern
		.compile("^/api/(notifications/([0-9]+/read|read-all|subscriptions/[A-Za-z0-9_-]+)|sla/due-date-changes)/?$");

	private EngineRequests() {
	}

	/** The decoded path within the application, path parameters ({@code ;jsessionid=…}) and repeated slashes removed. */
	static String path(HttpServletRequest request) {
		String path = PATHS.getPathWithinApplication(request).replaceAll("/{2,}", "/");
		return path.isEmpty() ? "/" : path;
	}

	/** The path within the engine's REST API ({@code /task/1/complete}), or null if the path is not the engine's REST API. */
	static String enginePath(String path) {
		var rest = ENGINE_REST.matcher(path);
		if (rest.matches()) {
			return rest.group(1) == null ? "/" : rest.group(1);
		}
		var webapp = WEBAPP_ENGINE.matcher(path);
		if (webapp.matches()) {
			return webapp.group(1) == null ? "/" : webapp.group(1);
		}
		return null;
	}

	/** The path within Cockpit's base plugin API, or null. */
	static String cockpitPath(String path) {
		var cockpit = COCKPIT_PLUGIN.matcher(path);
		return cockpit.matches() ? (cockpit.group(1) == null ? "/" : cockpit.group(1)) : null;
	}

	/** Whether the request only reads: a safe method, a POST query of the engine or Cockpit, or logging in/out. */
	static boolean readsOnly(String method, String path) {
		if (SAFE_METHODS.contains(method)) {
			return true;
		}
		if (PERSONAL.matcher(path).matches()) {
			return true;
		}
		if (!"POST".equals(method)) {
			return false;
		}
		return isQuery(method, path) || WEBAPP_LOGIN.matcher(path).matches();
	}

	/** Whether the request is a POST query of the engine's or Cockpit's REST API. */
	static boolean isQuery(String method, String path) {
		if (!"POST".equals(method)) {
			return false;
		}
		String engine = enginePath(path);
		if (engine != null) {
			return ENGINE_QUERIES.stream().anyMatch(p -> p.matcher(engine).matches());
		}
		String cockpit = cockpitPath(path);
		return cockpit != null && COCKPIT_QUERIES.stream().anyMatch(p -> p.matcher(cockpit).matches());
	}
}

package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every state-changing route of Camunda's REST API (the same resources serve {@code /engine-rest}
 * and the webapps' {@code /camunda/api/engine/engine/{name}}), classified by what it can do to a
 * case's variables. {@link EngineRestGuard} applies the rule; {@code EngineRestRoutesTest} lists the
 * API's resources and fails when a route is missing here, so a Camunda upgrade cannot add an
 * unchecked way in. Paths are relative to the API root, without {@code /engine/{name}}.
 */
final class EngineRestRoutes {

	/** What a route can do to variables, and so how the guard checks it. */
	enum Rule {
		/** {@code start}: the start form's fields only, typed by it; no business key, instructions or skips. */
		START,
		/** {@code submit-form} of a start form: declared variables only through this form; no business key. */
		START_FORM,
		/** {@code complete}, {@code resolve}: held to the task's form (its fields only, typed). */
		TASK_COMPLETE,
		/** {@code submit-form} of a task: declared variables only through this task's form. */
		TASK_FORM,
		/** A task is finished through its form, never by throwing a BPMN error or escalation. */
		TASK_ERROR,
		/** One variable named in the path (PUT, DELETE, binary {@code /data}). */
		NAMED_VARIABLE,
		/** {@code modifications} and {@code deletions} of a variable scope. */
		VARIABLE_PATCH,
		/** Variables in the body's fields listed with the route. */
		VARIABLES,
		/** A message: only the variables the contract declares for it ({@code messageName} or path). */
		MESSAGE,
		/** Instance modification: the variables of each instruction. */
		MODIFICATION,
		/** Creates instances with a business key and variables (conditional start, CMMN). */
		CREATE,
		/** Restarting an instance rebuilds a case's process with its old identity: refused. */
		RESTART,
		/** A stored Tasklist filter: its query's expressions only from the filter grammar (issue 14 §1). */
		FILTER,
		/**
		 * {@code PUT /task/{id}}: only the follow-up date, assignee, owner and delegation may change; the
		 * due date, name, description, priority and links are the system's (issue 17 §5).
		 */
		TASK_UPDATE,
		/** A timer's due date by hand: refused, it carries no reason (the SLA board's change does). */
		DUE_DATE,
		/** Cannot touch a process variable. */
		NONE
	}

	record Route(String method, Pattern path, Rule rule, List<String> fields) {

		Optional<Matcher> match(String method, String path) {
			if (!this.method.equals(method)) {
				return Optional.empty();
			}
			Matcher m = this.path.matcher(path);
			return m.matches() ? Optional.of(m) : Optional.empty();
		}
	}

	record Match(Route route, Matcher matcher) {

		Rule rule() {
			return route.rule();
		}

		String group(String name) {
			return matcher.group(name);
		}

		Optional<String> optionalGroup(String name) {
			try {
				return Optional.ofNullable(matcher.group(name));
			}
			catch (IllegalArgumentException noSuchGroup) {
				return Optional.empty();
			}
		}
	}

	static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");

	private static final String ID = "[^/]+";
	private static final String SCOPES = "(?:process-instance|execution|task|case-instance|case-execution)";
	private static final String DEFINITION = "/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?|(?<id>[^/]+))";
	private static final List<Route> ROUTES = new ArrayList<>();

	static {
		// starting instances
		add("POST", DEFINITION + "/start", Rule.START);
		add("POST", DEFINITION + "/submit-form", Rule.START_FORM);
		add("POST", DEFINITION + "/restart(?:-async)?", Rule.RESTART);
		add("POST", "/condition", Rule.CREATE, "variables");
		add("POST", "/case-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/create", Rule.CREATE, "variables");
		// tasks
		add("POST", "/task/(?<id>[^/]+)/submit-form", Rule.TASK_FORM);
		add("POST", "/task/(?<id>[^/]+)/(?:complete|resolve)", Rule.TASK_COMPLETE);
		add("POST", "/task/(?<id>[^/]+)/(?:bpmnError|bpmnEscalation)", Rule.TASK_ERROR);
		// variables of instances, executions, tasks
		for (String method : List.of("PUT", "DELETE")) {
			add(method, "/" + SCOPES + "/" + ID + "/(?:variables|localVariables)/(?<name>[^/]+)", Rule.NAMED_VARIABLE);
		}
		add("POST", "/" + SCOPES + "/" + ID + "/(?:variables|localVariables)/(?<name>[^/]+)/data", Rule.NAMED_VARIABLE);
		add("POST", "/" + SCOPES + "/" + ID + "/(?:variables|localVariables)", Rule.VARIABLE_PATCH);
		add("POST", "/process-instance/variables-async", Rule.VARIABLES, "variables");
		add("POST", "/case-execution/" + ID + "/(?:complete|disable|manual-start|reenable|terminate)", Rule.VARIABLES,
				"variables", "deletions");
		add("POST", "/case-instance/" + ID + "/(?:close|complete|terminate)", Rule.VARIABLES, "variables", "deletions");
		// events and external work
		add("POST", "/message", Rule.MESSAGE, "processVariables", "processVariablesLocal",
				"processVariablesToTriggeredScope");
		add("POST", "/process-instance/message-async", Rule.MESSAGE, "variables");
		add("POST", "/execution/" + ID + "/messageSubscriptions/(?<message>[^/]+)/trigger", Rule.MESSAGE, "variables");
		add("POST", "/signal", Rule.VARIABLES, "variables");
		add("POST", "/execution/" + ID + "/signal", Rule.VARIABLES, "variables");
		add("POST", "/external-task/" + ID + "/complete", Rule.VARIABLES, "variables", "localVariables");
		add("POST", "/external-task/" + ID + "/bpmnError", Rule.VARIABLES, "variables");
		// modification of running instances
		add("POST", "/process-instance/" + ID + "/modification(?:-async)?", Rule.MODIFICATION, "instructions");
		add("POST", "/modification/execute(?:Async)?", Rule.MODIFICATION, "instructions");

		// everything else changes no process variable
		none("PUT", DEFINITION + "/(?:suspended|history-time-to-live)");
		none("PUT", "/(?:process-definition|process-instance|job|job-definition)/suspended");
		none("DELETE", DEFINITION + "(?:/delete)?");
		none("PUT", "/(?:decision-definition|case-definition)/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/history-time-to-live");
		none("POST", "/decision-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/evaluate");
		none("POST", "/process-instance(?:/count)?");
		none("POST", "/process-instance/(?:delete|delete-historic-query-based|job-retries|job-retries-historic-query-based|suspended-async)");
		none("PUT", "/process-instance/" + ID + "/(?:suspended|comment)");
		none("DELETE", "/process-instance/" + ID + "(?:/comment(?:/[^/]+)?)?");
		none("POST", "/task(?:/count|/create)?");
		add("PUT", "/task/(?<id>[^/]+)", Rule.TASK_UPDATE);
		none("PUT", "/task/" + ID + "/comment");
		none("DELETE", "/task/" + ID + "(?:/comment(?:/[^/]+)?|/attachment/[^/]+)?");
		none("POST", "/task/" + ID + "/(?:assignee|claim|unclaim|delegate|identity-links|identity-links/delete"
				+ "|comment/create|attachment/create)");
		none("POST", "/(?:execution|variable-instance|incident|job|job-definition|deployment|decision-definition"
				+ "|case-definition|case-instance|case-execution|external-task|batch|authorization|filter|group|user"
				+ "|tenant|process-definition|event-subscription|signal|message|migration|modification)(?:/count)?");
		none("POST", "/execution/" + ID + "/create-incident");
		none("POST", "/external-task/(?:fetchAndLock|retries-async)");
		none("POST", "/external-task/" + ID + "/(?:extendLock|failure|lock|unlock)");
		none("PUT", "/external-task/(?:retries|" + ID + "/(?:priority|retries))");
		add("POST", "/job/" + ID + "/duedate/recalculate", Rule.DUE_DATE);
		add("PUT", "/job/" + ID + "/duedate", Rule.DUE_DATE);
		none("POST", "/job/(?:retries|" + ID + "/execute)");
		none("PUT", "/job/" + ID + "/(?:priority|retries|suspended)");
		none("DELETE", "/job/" + ID);
		none("PUT", "/job-definition/" + ID + "/(?:jobPriority|retries|suspended)");
		none("POST", "/migration/(?:execute|executeAsync|generate|validate)");
		none("POST", "/deployment/(?:create|" + ID + "/redeploy)");
		none("DELETE", "/deployment/" + ID);
		none("PUT", "/incident/" + ID + "/annotation");
		none("DELETE", "/incident/" + ID + "(?:/annotation)?");
		add("POST", "/filter/create", Rule.FILTER);
		add("PUT", "/filter/" + ID, Rule.FILTER);
		none("POST", "/(?:authorization|group|user|tenant)/create");
		none("PUT", "/(?:authorization|group|tenant)/" + ID);
		none("DELETE", "/(?:authorization|filter|group|user|tenant|batch)/" + ID);
		none("POST", "/filter/" + ID + "/(?:list|singleResult|count)");
		none("PUT", "/group/" + ID + "/members/" + ID);
		none("DELETE", "/group/" + ID + "/members/" + ID);
		none("PUT", "/tenant/" + ID + "/(?:user-members|group-members)/" + ID);
		none("DELETE", "/tenant/" + ID + "/(?:user-members|group-members)/" + ID);
		none("PUT", "/user/" + ID + "/(?:credentials|profile)");
		none("POST", "/user/" + ID + "/unlock");
		none("POST", "/identity/(?:password-policy|verify)");
		none("PUT", "/batch/" + ID + "/suspended");
		none("DELETE", "/metrics/task-worker");
		none("POST", "/telemetry/configuration");
		none("POST", "/schema/log");
		none("POST", "/history/[^/]+(?:/[^/]+)?");
		none("PUT", "/history/user-operation/" + ID + "/(?:set|clear)-annotation");
		none("DELETE", "/history/(?:batch|process-instance|variable-instance)/" + ID + "(?:/variable-instances)?");
	}

	private EngineRestRoutes() {
	}

	private static void add(String method, String path, Rule rule, String... fields) {
		ROUTES.add(new Route(method, Pattern.compile(path), rule, List.of(fields)));
	}

	private static void none(String method, String path) {
		add(method, path, Rule.NONE);
	}

	/** The route of a request, if it is one the table knows. */
	static Optional<Match> match(String method, String path) {
		for (Route route : ROUTES) {
			Optional<Matcher> m = route.match(method, path);
			if (m.isPresent()) {
				return Optional.of(new Match(route, m.get()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The path inside the engine's API: {@code /engine-rest/task/1/complete} and
	 * {@code /camunda/api/engine/engine/default/task/1/complete} are both {@code /task/1/complete};
	 * {@code null} for other paths.
	 */
	static String enginePath(String path) {
		String rest;
		if (path.startsWith("/engine-rest/")) {
			rest = path.substring("/engine-rest".length());
		}
		else if (path.startsWith("/camunda/api/engine/")) {
			rest = path.substring("/camunda/api/engine".length());
		}
		else {
			return null;
		}
		if (rest.startsWith("/engine/")) {
			int next = rest.indexOf('/', "/engine/".length());
			rest = next < 0 ? "/" : rest.substring(next);
		}
		while (rest.length() > 1 && rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return rest;
	}
}

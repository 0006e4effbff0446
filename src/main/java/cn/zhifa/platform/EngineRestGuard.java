package cn.zhifa.platform;

import static cn.zhifa.platform.EngineVariableRules.forbidden;

import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.zhifa.platform.EngineRestRoutes.Match;
import cn.zhifa.platform.EngineRestRoutes.Rule;
import cn.zhifa.platform.form.DeployedForm;
import cn.zhifa.platform.form.DeployedForms;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Case variables belong to the system (ADR-0015): on every state-changing route of the engine's REST
 * API ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}, which Tasklist and Cockpit
 * call) a caller sets a variable of the case contract ({@link CaseVariables}) or a field of a
 * deployed form only the way the contract allows:
 * <ul>
 * <li>a step's variables through that step's form: {@code submit-form} (typed by the form, see
 * {@code cn.zhifa.platform.form}); {@code complete}, {@code resolve} and {@code start} are held to the same
 * form — their variables are converted by it here, so a key the form does not have is refused and
 * values are stored typed; a declared variable only through the forms the contract names;</li>
 * <li>a message's variables only as the contract declares them for that message;</li>
 * <li>no business key, start instructions or skipped listeners at a start, no restart, no task ended
 * by a BPMN error or escalation;</li>
 * <li>everywhere else (variable PUT/POST/DELETE and binary data, executions, signals, modification,
 * external tasks, CMMN) a declared variable or a form's field is refused.</li>
 * </ul>
 * The routes and their rules are listed in {@link EngineRestRoutes}; an unknown write route is
 * searched for such names anywhere in its body; the rules themselves are {@link EngineVariableRules}. Refusals are
 * problem details in Chinese naming the variable (403 for the system's variables, 400 for a value a form refuses);
 * nothing reaches the engine. A task's {@code submit-form} is checked by the same rules inside the engine's own
 * command for it, before the engine applies anything ({@link TaskFormSubmissions}, ADR-0065). Java inside the
 * application (delegates, listeners, {@code /api}) is not affected.
 */
final class EngineRestGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineRestGuard.class);
	private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.build();
	/** A start or a step carries a few kilobytes; this is far above any real body of a checked route. */
	private static final int MAX_BODY = 8 * 1024 * 1024;
	/** The REST API's date format (Camunda's JacksonConfigurator). */
	private static final String REST_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

	private final IdentityService identity;
	private final TaskService tasks;
	private final FormService forms;
	private final RepositoryService repository;
	private final ProcessEngineConfigurationImpl configuration;
	private final EngineVariableRules rules;

	EngineRestGuard(ProcessEngine engine, EngineVariableRules rules) {
		this.rules = rules;
		this.identity = engine.getIdentityService();
		this.tasks = engine.getTaskService();
		this.forms = engine.getFormService();
		this.repository = engine.getRepositoryService();
		this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !EngineRestRoutes.WRITE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = EngineRestRoutes.enginePath(path(request));
		CurrentUser caller = path == null ? null : RequestUsers.of(request);
		if (caller == null) {
			chain.doFilter(request, response); // not the engine's API, or not logged in: the API answers 401
			return;
		}
		Optional<Match> match = EngineRestRoutes.match(request.getMethod(), path);
		if (match.isPresent() && match.get().rule() == Rule.NONE) {
			chain.doFilter(request, response);
			return;
		}
		try {
			byte[] body = needsBody(match) ? body(request) : null;
			JsonNode json = body == null || body.length == 0 ? null : parse(body);
			if (json != null && json.isNull()) {
				json = null; // "null": no body, as the API reads it
			}
			if (json != null && !json.isObject() && match.isPresent()) {
				throw Problem.unreadable("请求内容应为 JSON 对象");
			}
			JsonNode checked = match.isPresent() ? check(match.get(), caller, json)
					: checkUnknown(request.getMethod(), path, json);
			byte[] forward = checked != json ? JSON.writeValueAsBytes(checked) : body;
			chain.doFilter(forward == null ? request : new ReplayedBody(request, forward), response);
		}
		catch (Problem refused) {
			log.warn("Refused {} {} by {}: {}", request.getMethod(), path, caller.id(), refused.detail());
			ProblemResponses.write(response, refused);
		}
		finally {
			TaskFormSubmissions.clear();
		}
	}

	private static boolean needsBody(Optional<Match> match) {
		return match.isEmpty() || match.get().rule() != Rule.NAMED_VARIABLE && match.get().rule() != Rule.RESTART
				&& match.get().rule() != Rule.TASK_ERROR && match.get().rule() != Rule.DUE_DATE;
	}

	/** The decoded path within the application, as the servlet mapping saw it. */
	private static String path(HttpServletRequest request) {
		String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
		String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
		return servletPath + pathInfo;
	}

	// ---------------------------------------------------------------- the rules

	/** @return the body to pass on: the same node, or a rewritten one (variables typed by the form) */
	private JsonNode check(Match match, CurrentUser caller, JsonNode body) {
		return switch (match.rule()) {
			case START -> start(match, caller, body, true);
			case START_FORM -> start(match, caller, body, false);
			case TASK_COMPLETE -> completeTask(match.group("id"), caller, body);
			case TASK_FORM -> {
				submitTaskForm(match.group("id"), body);
				yield body;
			}
			case TASK_ERROR -> throw forbidden(null, "任务须通过其表单办理，不能以 BPMN 错误或升级事件结束任务");
			case RESTART -> throw forbidden(null, "不能重新启动已结束的流程实例：新实例会沿用原案件的案号和变量");
			case NAMED_VARIABLE -> {
				rules.refuseProtected(List.of(match.group("name")), null, this::formFields);
				yield body;
			}
			case VARIABLE_PATCH -> {
				rules.refuseProtected(names(body, List.of("modifications", "deletions")), null, this::formFields);
				yield body;
			}
			case VARIABLES -> {
				rules.refuseProtected(names(body, match.route().fields()), null, this::formFields);
				yield body;
			}
			case CREATE -> {
				refuseBusinessKey(body);
				rules.refuseProtected(names(body, match.route().fields()), null, this::formFields);
				yield body;
			}
			case MESSAGE -> {
				String message = match.optionalGroup("message").orElse(text(body, "messageName"));
				rules.refuseProtected(names(body, match.route().fields()), message, this::formFields);
				yield body;
			}
			case MODIFICATION -> {
				List<String> names = new ArrayList<>();
				if (body != null) {
					for (JsonNode instruction : body.path("instructions")) {
						names.addAll(names(instruction, List.of("variables")));
					}
				}
				rules.refuseProtected(names, null, this::formFields);
				yield body;
			}
			case FILTER -> {
				filterExpressions(body);
				yield body;
			}
			case TASK_UPDATE -> taskUpdate(match.group("id"), body);
			case DUE_DATE -> throw forbidden("duedate", DUE_DATE_BY_BOARD);
			case NONE -> body;
		};
	}

	/**
	 * A task's update carries the whole task (the REST API sets every field, an absent one to null):
	 * what the system owns must come back as it is — the due date (changed only by an administrator on
	 * the SLA board, with a reason), the name, description, priority (set by the SLA warnings) and links.
	 * The follow-up date, assignee, owner and delegation are the user's (Tasklist's own controls).
	 * Tasklist sends the task as it read it, with its form reference, which the API cannot read back
	 * (400 for every task with a Camunda Form); that read-only field is left out.
	 */
	private JsonNode taskUpdate(String taskId, JsonNode body) {
		org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return body; // the API answers 404 (or 403 where the caller may not read it)
		}
		JsonNode b = body == null ? JSON.createObjectNode() : body;
		if (!sameInstant(restDate("due", b.path("due")), task.getDueDate())) {
			throw forbidden("due", DUE_DATE_BY_BOARD);
		}
		if (b.path("priority").asInt(0) != task.getPriority()) {
			throw forbidden("priority", "任务的优先级（priority）由期限预警自动设定，不能手工修改");
		}
		unchanged(b, "name", task.getName(), "任务名称（name）");
		unchanged(b, "description", task.getDescription(), "任务说明（description）");
		unchanged(b, "parentTaskId", task.getParentTaskId(), "上级任务（parentTaskId）");
		unchanged(b, "caseInstanceId", task.getCaseInstanceId(), "案例实例（caseInstanceId）");
		unchanged(b, "tenantId", task.getTenantId(), "执法主体（tenantId）");
		if (b.has("camundaFormRef")) {
			ObjectNode forward = ((ObjectNode) b).deepCopy();
			forward.remove("camundaFormRef");
			return forward;
		}
		return body;
	}

	private static final String DUE_DATE_BY_BOARD = "办理期限只能由系统管理员在期限监督看板中调整，并须写明理由";

	private static void unchanged(JsonNode body, String field, String current, String label) {
		JsonNode sent = body.path(field);
		String value = sent.isMissingNode() || sent.isNull() ? null : sent.asText();
		if (!java.util.Objects.equals(value, current)) {
			throw forbidden(field, label + "由系统设定，不能修改");
		}
	}

	private static boolean sameInstant(Date sent, Date current) {
		return sent == null ? current == null : current != null && sent.getTime() == current.getTime();
	}

	/** A date in the REST API's format (as Tasklist sends it), null when absent. */
	private static Date restDate(String field, JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		try {
			return new SimpleDateFormat(REST_DATE).parse(value.asText());
		}
		catch (java.text.ParseException e) {
			throw Problem.invalid(field, "日期（" + field + "）应为 yyyy-MM-dd'T'HH:mm:ss.SSSZ 格式，例如 2026-12-08T17:00:00.000+0800");
		}
	}

	/** Every expression in a filter's query is one Tasklist offers (current user, groups, dates), nothing else. */
	private static void filterExpressions(JsonNode node) {
		if (node == null) {
			return;
		}
		if (node.isTextual()) {
			String refused = cn.zhifa.platform.Expressions.filterProblem(node.asText());
			if (refused != null) {
				throw Problem.invalid("query", refused);
			}
			return;
		}
		node.forEach(EngineRestGuard::filterExpressions);
	}

	/** A route the table does not know (a newer Camunda): no declared variable or form field anywhere in it. */
	private JsonNode checkUnknown(String method, String path, JsonNode body) {
		log.warn("Engine REST route not classified by EngineRestRoutes: {} {}", method, path);
		List<String> keys = new ArrayList<>();
		collectKeys(body, keys);
		rules.refuseProtected(keys, null, this::formFields);
		return body;
	}

	private JsonNode start(Match match, CurrentUser caller, JsonNode body, boolean plainStart) {
		refuseBusinessKey(body);
		if (body != null && hasText(body.get("caseInstanceId"))) {
			throw forbidden("caseInstanceId", "发起流程不能关联其他案例实例");
		}
		if (plainStart && body != null && (body.path("startInstructions").size() > 0
				|| body.path("skipCustomListeners").asBoolean(false) || body.path("skipIoMappings").asBoolean(false))) {
			throw forbidden("startInstructions", "发起流程须从开始事件开始，不能指定开始位置，也不能跳过监听器或输入输出映射");
		}
		Map<String, JsonNode> given = fields(body == null ? null : body.get("variables"));
		JsonNode agency = null;
		if (plainStart && caller.inGroup(Roles.ADMIN) && given.containsKey(CaseVariables.AGENCY_CODE)) {
			// an administrator may start for any agency (AgencyTenantIdProvider logs it)
			agency = given.remove(CaseVariables.AGENCY_CODE);
		}
		Optional<DeployedForm> form = startForm(match);
		rules.checkAgainstForm(given.keySet(), form, this::formFields);
		if (!plainStart || form.isEmpty()) {
			return body; // submit-form: the engine's form handler types and limits what the form has
		}
		Map<String, JsonNode> typed = new LinkedHashMap<>();
		if (agency != null) {
			typed.put(CaseVariables.AGENCY_CODE, agency);
		}
		typed.putAll(typedByForm(form.get(), given, name -> null));
		return withVariables(body, typed);
	}

	private JsonNode completeTask(String taskId, CurrentUser caller, JsonNode body) {
		Optional<DeployedForm> form = visibleTaskForm(caller, taskId);
		Map<String, JsonNode> given = fields(body == null ? null : body.get("variables"));
		rules.checkAgainstForm(given.keySet(), form, this::formFields);
		if (form.isEmpty()) {
			return body;
		}
		Map<String, JsonNode> typed = typedByForm(form.get(), given, name -> asSystem(() -> tasks.getVariable(taskId, name)));
		return body == null ? null : withVariables(body, typed);
	}

	/**
	 * A task's form submission (what Tasklist sends) is checked by the same rules inside the engine's own command for it,
	 * which looks the task up anyway ({@link TaskFormSubmissions}, ADR-0065): no command of the guard's own.
	 */
	private static void submitTaskForm(String taskId, JsonNode body) {
		TaskFormSubmissions.expect(taskId, fields(body == null ? null : body.get("variables")).keySet());
	}

	private static void refuseBusinessKey(JsonNode body) {
		if (body != null && hasText(body.get("businessKey"))) {
			throw forbidden("businessKey", "业务键（案号）由系统设置，发起流程时不能指定");
		}
	}

	// ---------------------------------------------------------------- forms

	private Map<String, JsonNode> typedByForm(DeployedForm form, Map<String, JsonNode> given,
			java.util.function.Function<String, Object> variables) {
		VariableMap submitted = Variables.createVariables();
		given.forEach((name, dto) -> submitted.putValue(name, rawValue(dto)));
		VariableMap typed;
		try {
			typed = form.typed(submitted, variables);
		}
		catch (FormFieldValidationException refused) {
			Object field = refused.getDetail();
			throw Problem.invalid(field == null ? null : field.toString(), refused.getMessage());
		}
		Map<String, JsonNode> result = new LinkedHashMap<>();
		for (String name : typed.keySet()) {
			result.put(name, dto(typed.getValueTyped(name)));
		}
		return result;
	}

	private Optional<DeployedForm> startForm(Match match) {
		return asSystem(() -> {
			ProcessDefinition definition;
			if (match.group("id") != null) {
				definition = repository.createProcessDefinitionQuery().processDefinitionId(match.group("id")).singleResult();
			}
			else {
				ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(match.group("key"))
					.latestVersion();
				List<ProcessDefinition> found = (match.group("tenant") == null ? query : query.tenantIdIn(match.group("tenant")))
					.list();
				definition = found.size() == 1 ? found.get(0) : null;
			}
			if (definition == null) {
				return Optional.<DeployedForm>empty(); // unknown: the API answers 404
			}
			return DeployedForms.of(configuration, forms.getStartFormData(definition.getId()));
		});
	}

	// ---------------------------------------------------------------- the caller and the engine

	/**
	 * The form of the task if the caller reads the task or works on it: then its form's rules apply; for anyone else a
	 * step has no form here (nothing about it is told), and the engine refuses the step itself. One command: the task
	 * is looked up once for both questions.
	 */
	private Optional<DeployedForm> visibleTaskForm(CurrentUser caller, String taskId) {
		Authentication before = identity.getCurrentAuthentication();
		identity.setAuthentication(caller.id(), caller.groupList(), caller.agencyList());
		try {
			return EngineTaskReadAuthorization.readsOrWorksOn(configuration, taskId, (command, task) -> {
				try {
					return DeployedForms.of(command, new GetTaskFormCmd(taskId).execute(command)).orElse(null);
				}
				catch (ProcessEngineException noForm) {
					return null; // the engine's own step answers
				}
			});
		}
		finally {
			restore(before);
		}
	}

	/** Keys and labels of every deployed form's fields, read as the system. */
	private Map<String, String> formFields() {
		return asSystem(() -> rules.formFields(repository));
	}

	/** Reads the guard needs whatever the caller may read (forms, option lists); never returned to the caller. */
	private <T> T asSystem(Supplier<T> read) {
		Authentication before = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return read.get();
		}
		finally {
			restore(before);
		}
	}

	private void restore(Authentication before) {
		if (before == null) {
			identity.clearAuthentication();
		}
		else {
			identity.setAuthentication(before);
		}
	}

	// ---------------------------------------------------------------- JSON

	private static byte[] body(HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			throw Problem.tooLarge(null, "请求内容过大");
		}
		return body;
	}

	private static JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException unreadable) {
			throw Problem.unreadable("请求内容不是有效的 JSON");
		}
	}

	/** A variables object's entries by name (the engine's {@code {"name": {"value": …, "type": …}}}). */
	private static Map<String, JsonNode> fields(JsonNode variables) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (variables != null && variables.isObject()) {
			variables.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
		}
		return fields;
	}

	/** Variable names in these fields of a body: object keys, or the texts of a list (deletions). */
	private static List<String> names(JsonNode body, List<String> fieldNames) {
		List<String> names = new ArrayList<>();
		if (body == null) {
			return names;
		}
		for (String field : fieldNames) {
			JsonNode node = body.get(field);
			if (node == null) {
				continue;
			}
			if (node.isObject()) {
				node.properties().forEach(e -> names.add(e.getKey()));
			}
			else if (node.isArray()) {
				node.forEach(item -> names.add(item.isTextual() ? item.asText() : item.toString()));
			}
		}
		return names;
	}

	private static void collectKeys(JsonNode node, List<String> keys) {
		if (node == null) {
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				keys.add(field.getKey());
				collectKeys(field.getValue(), keys);
			}
		}
		else if (node.isArray()) {
			node.forEach(item -> collectKeys(item, keys));
		}
	}

	private static boolean hasText(JsonNode node) {
		return node != null && !node.isNull() && !node.asText("").isBlank();
	}

	private static String text(JsonNode body, String field) {
		return body == null || !body.path(field).isTextual() ? null : body.path(field).asText();
	}

	/** The value of a variable as sent: {@code {"value": …}}, or a bare value. */
	private static Object rawValue(JsonNode dto) {
		JsonNode value = dto != null && dto.isObject() ? dto.get("value") : dto;
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return JSON.treeToValue(value, Object.class);
		}
		catch (IOException e) {
			throw Problem.unreadable("请求内容不是有效的 JSON");
		}
	}

	/** A typed value as the REST API reads it: {@code {"type": "Long", "value": 12000}}. */
	private static JsonNode dto(TypedValue typed) {
		ObjectNode dto = JSON.createObjectNode();
		Object value = typed == null ? null : typed.getValue();
		if (value == null) {
			dto.put("type", "Null");
			dto.putNull("value");
		}
		else if (typed instanceof JsonValue json) {
			dto.put("type", "Json");
			dto.put("value", json.getValueSerialized());
		}
		else if (value instanceof Date date) {
			dto.put("type", "Date");
			dto.put("value", new SimpleDateFormat(REST_DATE).format(date));
		}
		else if (value instanceof Long n) {
			dto.put("type", "Long");
			dto.put("value", n);
		}
		else if (value instanceof Double n) {
			dto.put("type", "Double");
			dto.put("value", n);
		}
		else if (value instanceof Boolean b) {
			dto.put("type", "Boolean");
			dto.put("value", b);
		}
		else {
			dto.put("type", "String");
			dto.put("value", value.toString());
		}
		return dto;
	}

	private static JsonNode withVariables(JsonNode body, Map<String, JsonNode> variables) {
		ObjectNode copy = body.deepCopy();
		ObjectNode vars = JSON.createObjectNode();
		variables.forEach(vars::set);
		copy.set("variables", vars);
		return copy;
	}
}

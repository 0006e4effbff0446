package cn.zhifa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A supervisor looking at one of our cases in Cockpit — or through {@code /engine-rest} — reads the
 * case's process data (variables, history, tasks), which is a retrieval (调阅, R-REC-5) like reading the
 * record through {@code /api}: this filter appends a RETRIEVAL entry to the case's record, at most once
 * per supervisor, case, purpose and channel an hour ({@link CaseRetrievals#recordOnce}). The purpose is
 * the {@value CaseRetrievals#PURPOSE_HEADER} header if given, else {@value #DEFAULT_PURPOSE}.
 * <p>
 * The requests Cockpit makes when a process instance is opened (7.24): {@code GET process-instance/{id}}
 * and {@code …/activity-instances}, {@code POST variable-instance} and {@code …/count} with
 * {@code processInstanceIdIn} in the body (variables tab), {@code GET task?processInstanceId=} (user
 * tasks), {@code POST …/cockpit/plugin/base/default/process-instance/{id}/called-process-instances}; a
 * finished instance: {@code GET history/process-instance/{id}}. Recognised here by the instance in the
 * path (also variables, details and task variables read by id) or in the {@code processInstanceId} /
 * {@code processInstanceIdIn} parameter or JSON body field of the variable, history and task queries.
 * A supervisor's variable query must name its process instances (at most {@value #MAX_INSTANCES}):
 * a query over every case's variables would be a retrieval nobody records.
 */
class EngineRetrievalFilter extends OncePerRequestFilter {

	static final String DEFAULT_PURPOSE = "执法监督（流程监控查看）";
	static final int MAX_INSTANCES = 50;
	static final int MAX_BODY = 256 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern INSTANCE = Pattern.compile("^/(?:history/)?process-instance/([^/]+)(?:/.*)?$");
	private static final Set<String> NOT_AN_INSTANCE = Set.of("count", "report", "duration-report", "delete",
			"suspended", "job-retries", "set-removal-time", "variables-async", "message-async", "statistics");
	private static final Pattern VARIABLE = Pattern.compile("^/variable-instance/([^/]+)(?:/data)?/?$");
	private static final Pattern HISTORIC_VARIABLE = Pattern.compile("^/history/variable-instance/([^/]+)(?:/data)?/?$");
	private static final Pattern DETAIL = Pattern.compile("^/history/detail/([^/]+)(?:/data)?/?$");
	private static final Pattern TASK_VARIABLES = Pattern.compile("^/task/([^/]+)/(?:variables|localVariables|form-variables)(?:/.*)?$");
	private static final Pattern EXECUTION_VARIABLES = Pattern.compile("^/execution/([^/]+)/localVariables(?:/.*)?$");
	private static final Pattern CALLED = Pattern.compile("^/process-instance/([^/]+)/called-process-instances/?$");
	/** Queries whose processInstanceId(In) names the instances read. */
	private static final Pattern INSTANCE_QUERIES = Pattern.compile("^/(variable-instance|task|incident|job"
			+ "|history/(variable-instance|detail|activity-instance|task|user-operation|incident|job-log))(/count)?/?$");
	/** Variable queries: a supervisor must name the instances. */
	private static final Pattern VARIABLE_QUERIES = Pattern.compile("^/(variable-instance|history/variable-instance|history/detail)(/count)?/?$");
	private static final List<String> INSTANCE_FIELDS = List.of("processInstanceId", "processInstanceIdIn");

	private final HistoryService history;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final CaseRetrievals retrievals;

	EngineRetrievalFilter(HistoryService history, RuntimeService runtime, TaskService tasks, CaseRetrievals retrievals) {
		this.history = history;
		this.runtime = runtime;
		this.tasks = tasks;
		this.retrievals = retrievals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
			return true;
		}
		String path = EngineRequests.path(request);
		return EngineRequests.enginePath(path) == null && EngineRequests.cockpitPath(path) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = RequestUsers.of(request);
		String path = EngineRequests.path(request);
		boolean post = "POST".equals(request.getMethod());
		if (user == null || !user.isSupervisor() || (post && !EngineRequests.isQuery("POST", path))) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletRequest forwarded = request;
		try {
			JsonNode body = null;
			if (post) {
				byte[] bytes = readBody(request);
				forwarded = new ReplayedBody(request, bytes);
				body = json(bytes);
			}
			String enginePath = EngineRequests.enginePath(path);
			Set<String> instances = enginePath != null ? instancesOf(enginePath, request, body)
					: instancesOfCockpit(EngineRequests.cockpitPath(path));
			if (enginePath != null && VARIABLE_QUERIES.matcher(enginePath).matches() && instances.isEmpty()) {
				throw Problem.invalid("processInstanceIdIn",
						"执法监督人员查看流程变量须指明流程实例（processInstanceId 或 processInstanceIdIn），每次调阅都会记入案件的执法记录");
			}
			if (instances.size() > MAX_INSTANCES) {
				throw Problem.invalid("processInstanceIdIn", "一次最多调阅 " + MAX_INSTANCES + " 个流程实例");
			}
			if (!instances.isEmpty()) {
				String purpose = CaseRetrievals.purpose(null, request.getHeader(CaseRetrievals.PURPOSE_HEADER));
				String channel = path.startsWith("/camunda/") ? "cockpit" : "engine-rest";
				for (String instance : instances) {
					String caseNo = caseOf(instance);
					if (caseNo != null) {
						retrievals.recordOnce(caseNo, user, purpose == null ? DEFAULT_PURPOSE : purpose,
								"流程实例 " + instance + "（" + channel + "）", channel);
					}
				}
			}
		}
		catch (Problem problem) {
			ProblemResponses.write(response, problem);
			return;
		}
		chain.doFilter(forwarded, response);
	}

	/** The process instances an engine request reads, by its path, parameters and JSON body. */
	private Set<String> instancesOf(String path, HttpServletRequest request, JsonNode body) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher m;
		if ((m = INSTANCE.matcher(path)).matches() && "GET".equals(request.getMethod())
				&& !NOT_AN_INSTANCE.contains(m.group(1))) {
			ids.add(m.group(1));
		}
		else if ((m = VARIABLE.matcher(path)).matches() && !"count".equals(m.group(1))) {
			VariableInstance v = runtime.createVariableInstanceQuery().variableId(m.group(1)).disableBinaryFetching()
				.disableCustomObjectDeserialization().singleResult();
			add(ids, v == null ? null : v.getProcessInstanceId());
		}
		else if ((m = HISTORIC_VARIABLE.matcher(path)).matches() && !"count".equals(m.group(1))) {
			HistoricVariableInstance v = history.createHistoricVariableInstanceQuery().variableId(m.group(1))
				.disableBinaryFetching().disableCustomObjectDeserialization().singleResult();
			add(ids, v == null ? null : v.getProcessInstanceId());
		}
		else if ((m = DETAIL.matcher(path)).matches() && !"count".equals(m.group(1))) {
			HistoricDetail d = history.createHistoricDetailQuery().detailId(m.group(1)).disableBinaryFetching()
				.disableCustomObjectDeserialization().singleResult();
			add(ids, d == null ? null : d.getProcessInstanceId());
		}
		else if ((m = TASK_VARIABLES.matcher(path)).matches()) {
			var task = tasks.createTaskQuery().taskId(m.group(1)).singleResult();
			if (task != null) {
				add(ids, task.getProcessInstanceId());
			}
			else {
				HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(m.group(1)).singleResult();
				add(ids, done == null ? null : done.getProcessInstanceId());
			}
		}
		else if ((m = EXECUTION_VARIABLES.matcher(path)).matches()) {
			Execution e = runtime.createExecutionQuery().executionId(m.group(1)).singleResult();
			add(ids, e == null ? null : e.getProcessInstanceId());
		}
		if (INSTANCE_QUERIES.matcher(path).matches()) {
			for (String field : INSTANCE_FIELDS) {
				String[] values = request.getParameterValues(field);
				if (values != null) {
					for (String value : values) {
						for (String id : value.split(",")) {
							add(ids, id.strip());
						}
					}
				}
				JsonNode node = body == null ? null : body.get(field);
				if (node != null && node.isArray()) {
					node.forEach(n -> add(ids, n.asText()));
				}
				else if (node != null && node.isValueNode()) {
					add(ids, node.asText());
				}
			}
		}
		return ids;
	}

	private static Set<String> instancesOfCockpit(String path) {
		Matcher m = CALLED.matcher(path);
		return m.matches() ? Set.of(m.group(1)) : Set.of();
	}

	private static void add(Set<String> ids, String id) {
		if (id != null && !id.isBlank()) {
			ids.add(id);
		}
	}

	/**
	 * The case of a process instance, as the record names it: the business key, else the {@code caseId}
	 * variable, else the case of the calling instance. Null for an unknown instance.
	 */
	private String caseOf(String processInstanceId) {
		String id = processInstanceId;
		for (int depth = 0; id != null && depth < 10; depth++) {
			HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
				.singleResult();
			if (instance == null) {
				return null;
			}
			if (instance.getBusinessKey() != null && !instance.getBusinessKey().isBlank()) {
				return instance.getBusinessKey();
			}
			HistoricVariableInstance caseId = history.createHistoricVariableInstanceQuery().processInstanceIdIn(id)
				.variableName("caseId").disableCustomObjectDeserialization().list().stream().findFirst().orElse(null);
			if (caseId != null && caseId.getValue() != null && !caseId.getValue().toString().isBlank()) {
				return caseId.getValue().toString();
			}
			id = instance.getSuperProcessInstanceId();
		}
		return null;
	}

	private static byte[] readBody(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY + 1);
			if (bytes.length > MAX_BODY) {
				throw Problem.tooLarge(null, "查询条件过长（超过 " + MAX_BODY / 1024 + " KB）");
			}
			return bytes;
		}
	}

	private static JsonNode json(byte[] bytes) {
		if (bytes.length == 0) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(bytes);
			return node != null && node.isObject() ? node : null;
		}
		catch (IOException e) {
			return null; // the engine answers a malformed query itself
		}
	}
}

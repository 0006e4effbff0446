package cn.zhifa.platform;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Supervisors (司法局 执法监督) read every agency and change nothing (issue 13 §3): one rule for every
 * route — {@code /api/**}, {@code /engine-rest/**}, the webapps' {@code /camunda/api/**} and anything
 * added later — instead of a check in each controller. A supervisor's request that is not a read
 * ({@link EngineRequests#readsOnly}: GET/HEAD/OPTIONS, the engine's and Cockpit's POST queries,
 * logging in and out) is refused with 403 before it reaches a controller, the engine or the webapps.
 * Runs after the login (HTTP Basic, the webapps' session), so an anonymous request is still 401.
 * <p>
 * One exception, by engine route and looked up in the engine (ADR-0025, {@link SupervisorSteps}): starting a process
 * of {@link SupervisorSteps#STARTABLE} — a supervision notice, a case-file review —
 * ({@code POST …/process-definition/{id}/start|submit-form}, or {@code …/key/<key>/…}), and claiming, unclaiming,
 * submitting or completing a task offered to the supervisors' group of a process of {@link SupervisorSteps#WORKABLE}
 * (also disputes between agencies and guiding cases, ADR-0026–0028). What such a request may set is still held to the
 * form's contract ({@link EngineRestGuard}, ADR-0012/0015).
 */
class SupervisorReadOnlyFilter extends OncePerRequestFilter {

	static final String MESSAGE = "执法监督人员只能查阅，不能新增、修改或删除数据";
	private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(start|submit-form)/?$");
	private static final Pattern START_BY_KEY = Pattern
		.compile("^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(start|submit-form)/?$");
	private static final Pattern TASK_WORK = Pattern.compile("^/task/([^/]+)/(claim|unclaim|complete|submit-form)/?$");

	private final RepositoryService repository;
	private final TaskService tasks;

	SupervisorReadOnlyFilter(RepositoryService repository, TaskService tasks) {
		this.repository = repository;
		this.tasks = tasks;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return EngineRequests.SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = RequestUsers.of(request);
		String path = EngineRequests.path(request);
		if (user != null && user.isSupervisor() && !EngineRequests.readsOnly(request.getMethod(), path)
				&& !supervisorStep(request.getMethod(), path)) {
			ProblemResponses.write(response, Problem.forbidden(MESSAGE));
			return;
		}
		chain.doFilter(request, response);
	}

	/** A POST that starts a process a supervisor may start or works a supervisors' task of one ({@link SupervisorSteps}). */
	boolean supervisorStep(String method, String path) {
		String engine = EngineRequests.enginePath(path);
		if (!"POST".equals(method) || engine == null || repository == null) {
			return false;
		}
		Matcher byKey = START_BY_KEY.matcher(engine);
		if (byKey.matches()) {
			return SupervisorSteps.STARTABLE.contains(byKey.group(1));
		}
		Matcher byId = START_BY_ID.matcher(engine);
		if (byId.matches() && !"key".equals(byId.group(1))) {
			ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(byId.group(1))
				.singleResult();
			return definition != null && SupervisorSteps.STARTABLE.contains(definition.getKey());
		}
		Matcher task = TASK_WORK.matcher(engine);
		if (task.matches()) {
			Task t = tasks.createTaskQuery().taskId(task.group(1)).singleResult();
			if (t == null || t.getProcessDefinitionId() == null) {
				return false;
			}
			ProcessDefinition definition = repository.getProcessDefinition(t.getProcessDefinitionId());
			return SupervisorSteps.WORKABLE.contains(definition.getKey())
					&& tasks.getIdentityLinksForTask(t.getId()).stream().anyMatch(link -> IdentityLinkType.CANDIDATE
						.equals(link.getType()) && Roles.SUPERVISOR.equals(link.getGroupId()));
		}
		return false;
	}
}

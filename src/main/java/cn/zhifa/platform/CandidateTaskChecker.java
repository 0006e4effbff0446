package cn.zhifa.platform;

import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Who may work on a task (ADR-0044): its assignee, its owner, its candidate users and the members of its
 * candidate groups — the people Camunda used to grant per-task authorization rows to. Every claim, completion,
 * form submission, resolution, assignment, delegation, identity-link change and variable write of a logged-in
 * user is held to those people, on every door (REST, Tasklist, Java API): a non-candidate is refused, a
 * candidate is allowed without asking the authorization table, exactly as the per-task rows allowed them (one
 * authorization query less per claim and completion, issue 15). The tenant check (Camunda's
 * {@code TenantCommandChecker}) runs beside this one and keeps every task to its agency. Administrators and the
 * system (no login, or authorization checks switched off for the command) get Camunda's own checks (the super
 * methods), which grant task work at the process-definition level.
 */
final class CandidateTaskChecker extends AuthorizationCommandChecker {

	static final String NOT_A_CANDIDATE = "此任务不是交给您办理的：只有任务的承办人或候选岗位的人员才能领取、办理或转交";
	static final String NOT_A_CANDIDATE_READ = "此任务不是交给您办理的，不能查看其表单数据";

	@Override
	public void checkTaskWork(TaskEntity task) {
		candidateOr(task, super::checkTaskWork);
	}

	@Override
	public void checkTaskAssign(TaskEntity task) {
		candidateOr(task, super::checkTaskAssign);
	}

	@Override
	public void checkUpdateTaskVariable(TaskEntity task) {
		candidateOr(task, super::checkUpdateTaskVariable);
	}

	/**
	 * The variables of a task are those of its case: readable by its own people and by whoever reads the process
	 * instance anyway (staff roles with READ_INSTANCE), not by everyone who may see the task in a list
	 * (auxiliaries).
	 */
	@Override
	public void checkReadTaskVariable(TaskEntity task) {
		super.checkReadTaskVariable(task);
		Authentication login = narrowed();
		if (login != null && !isCandidate(task, login) && !readsProcessInstance(task)) {
			throw new AuthorizationException(NOT_A_CANDIDATE_READ);
		}
	}

	/** A logged-in user must be one of the task's people (and then needs no authorization row); others: Camunda's check. */
	private void candidateOr(TaskEntity task, Consumer<TaskEntity> camundaCheck) {
		Authentication login = narrowed();
		if (login == null) {
			camundaCheck.accept(task);
		}
		else if (!isCandidate(task, login)) {
			throw new AuthorizationException(NOT_A_CANDIDATE);
		}
	}

	/** The login to hold to the task's people; null for the system and administrators. */
	private Authentication narrowed() {
		CommandContext command = Context.getCommandContext();
		Authentication login = command.getAuthentication();
		if (!command.getProcessEngineConfiguration().isAuthorizationEnabled() || !command.isAuthorizationCheckEnabled()
				|| login == null || login.getUserId() == null || getAuthorizationManager().isCamundaAdmin(login)) {
			return null;
		}
		return login;
	}

	private boolean readsProcessInstance(TaskEntity task) {
		ProcessDefinitionEntity definition = task.getProcessDefinition();
		return getAuthorizationManager().isAuthorized(Permissions.READ, Resources.PROCESS_INSTANCE, task.getProcessInstanceId())
				|| definition != null && getAuthorizationManager().isAuthorized(Permissions.READ_INSTANCE,
						Resources.PROCESS_DEFINITION, definition.getKey());
	}

	private static boolean isCandidate(TaskEntity task, Authentication login) {
		return isCandidate(task, login.getUserId(), login.getGroupIds() == null ? List.of() : login.getGroupIds());
	}

	/** Whether the user is the task's assignee, owner, a candidate user or in a candidate group. */
	static boolean isCandidate(TaskEntity task, String userId, List<String> groupIds) {
		if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
			return true;
		}
		for (IdentityLink link : task.getCandidates()) {
			if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groupIds.contains(link.getGroupId()))) {
				return true;
			}
		}
		return false;
	}
}

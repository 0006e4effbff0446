package cn.zhifa.platform;

import java.util.List;

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
 * candidate groups — the people Camunda used to grant per-task authorization rows to. Camunda's own checks
 * (the super methods) grant task work at the process-definition level to the staff roles; this narrows every
 * claim, completion, form submission, resolution, assignment, delegation, identity-link change and variable
 * write of a logged-in user to those people, on every door (REST, Tasklist, Java API). Administrators and
 * the system (no login, or authorization checks switched off for the command) are not narrowed.
 */
final class CandidateTaskChecker extends AuthorizationCommandChecker {

	static final String NOT_A_CANDIDATE = "此任务不是交给您办理的：只有任务的承办人或候选岗位的人员才能领取、办理或转交";
	static final String NOT_A_CANDIDATE_READ = "此任务不是交给您办理的，不能查看其表单数据";

	@Override
	public void checkTaskWork(TaskEntity task) {
		super.checkTaskWork(task);
		requireCandidate(task);
	}

	@Override
	public void checkTaskAssign(TaskEntity task) {
		super.checkTaskAssign(task);
		requireCandidate(task);
	}

	@Override
	public void checkUpdateTaskVariable(TaskEntity task) {
		super.checkUpdateTaskVariable(task);
		requireCandidate(task);
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

	private void requireCandidate(TaskEntity task) {
		Authentication login = narrowed();
		if (login != null && !isCandidate(task, login)) {
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

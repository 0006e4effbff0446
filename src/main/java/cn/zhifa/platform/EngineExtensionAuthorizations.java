package cn.zhifa.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations with the changes of the {@link EngineAuthorizationDefaults}, and none
 * per task (ADR-0044): a task's assignee, owner and candidates are not given authorization rows of their
 * own — the staff roles read and work tasks at the process-definition level within their agency (tenant),
 * and {@link CandidateTaskChecker} narrows the work to the task's own people.
 */
final class EngineExtensionAuthorizations extends DefaultAuthorizationProvider {

	private final List<EngineAuthorizationDefaults> defaults;

	EngineExtensionAuthorizations(List<EngineAuthorizationDefaults> defaults) {
		this.defaults = List.copyOf(defaults);
	}

	@Override
	public AuthorizationEntity[] newTask(Task task) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newGroup(Group group) {
		return defaults.stream().allMatch(d -> d.membersReadNewGroup(group.getId())) ? super.newGroup(group) : null;
	}

	@Override
	public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, User user) {
		List<AuthorizationEntity> authorizations = new ArrayList<>(List.of(super.tenantMembershipCreated(tenant, user)));
		AuthorizationManager manager = Context.getCommandContext().getAuthorizationManager();
		for (EngineAuthorizationDefaults extension : defaults) {
			for (EngineAuthorizationDefaults.Grant grant : extension.tenantMembershipCreated(tenant.getId(), user.getId())) {
				AuthorizationEntity existing = manager.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT,
						grant.groupId(), grant.resource(), grant.resourceId());
				if (existing == null) {
					authorizations.add(createGrantAuthorization(null, grant.groupId(), grant.resource(), grant.resourceId(),
							grant.permission()));
				}
				else if (!existing.isPermissionGranted(grant.permission())) {
					existing.addPermission(grant.permission());
					authorizations.add(existing);
				}
			}
		}
		return authorizations.toArray(AuthorizationEntity[]::new);
	}
}

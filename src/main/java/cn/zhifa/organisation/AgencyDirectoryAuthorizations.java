package cn.zhifa.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Staff directories per agency (issue 13 §4), with Camunda's own authorizations: a user's profile
 * (name, e-mail) is readable by the staff of the user's agency — the agency's role groups
 * ({@code LIAOKUO-officer}, {@code LIAOKUO-head}, …) — not by everyone. When a user joins an agency
 * (tenant membership, created by {@link CamundaIdentitySetup} or by an administrator in Admin), this
 * grants READ on the user to each of the agency's role groups, in the same command. Supervisors and
 * administrators read every user through their own grants. {@link CamundaIdentitySetup#ensureAgency}
 * brings existing data in line at every start (and revokes what a departed member left behind).
 */
class AgencyDirectoryAuthorizations extends DefaultAuthorizationProvider {

	/** Installs the provider into the engine. */
	@Component
	static class Plugin extends AbstractProcessEnginePlugin {
		@Override
		public void preInit(ProcessEngineConfigurationImpl config) {
			config.setResourceAuthorizationProvider(new AgencyDirectoryAuthorizations());
		}
	}

	/** The groups of an agency's staff: one per role except the supervisors' (who belong to no agency). */
	static List<String> staffGroups(String agencyCode) {
		List<String> groups = new ArrayList<>();
		for (StaffRole role : StaffRole.values()) {
			if (role != StaffRole.SUPERVISOR) {
				groups.add(role.groupOf(agencyCode));
			}
		}
		return groups;
	}

	/**
	 * Camunda lets the members of a new group read it. For the role groups spanning agencies
	 * ({@code officer}, {@code head}, …) that would let anyone ask which role a user of another agency
	 * has ({@code /group?member=officer4}); members read their agency's groups instead
	 * ({@link CamundaIdentitySetup#ensureDirectory}).
	 */
	@Override
	public AuthorizationEntity[] newGroup(Group group) {
		return isAgencyWideRoleGroup(group.getId()) ? null : super.newGroup(group);
	}

	/** A role group spanning agencies, except the supervisors' (who read every group anyway). */
	static boolean isAgencyWideRoleGroup(String groupId) {
		for (StaffRole role : StaffRole.values()) {
			if (role != StaffRole.SUPERVISOR && role.groupId().equals(groupId)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, User user) {
		List<AuthorizationEntity> authorizations = new ArrayList<>(List.of(super.tenantMembershipCreated(tenant, user)));
		AuthorizationManager manager = Context.getCommandContext().getAuthorizationManager();
		for (String group : staffGroups(tenant.getId())) {
			AuthorizationEntity existing = manager.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, group,
					Resources.USER, user.getId());
			if (existing == null) {
				authorizations.add(createGrantAuthorization(null, group, Resources.USER, user.getId(), Permissions.READ));
			}
			else if (!existing.isPermissionGranted(Permissions.READ)) {
				existing.addPermission(Permissions.READ);
				authorizations.add(existing);
			}
		}
		return authorizations.toArray(AuthorizationEntity[]::new);
	}
}

package cn.zhifa.organisation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.EngineAuthorizationDefaults;

/**
 * Staff directories per agency (issue 13 §4), with Camunda's own authorizations: a user's profile
 * (name, e-mail) is readable by the staff of the user's agency — the agency's role groups
 * ({@code LIAOKUO-officer}, {@code LIAOKUO-head}, …) — not by everyone. When a user joins an agency
 * (tenant membership, created by {@link CamundaIdentitySetup} or by an administrator in Admin), this
 * grants READ on the user to each of the agency's role groups, in the same command. Supervisors and
 * administrators read every user through their own grants. {@link CamundaIdentitySetup#ensureAgency}
 * brings existing data in line at every start (and revokes what a departed member left behind).
 * The engine's default authorizations are changed through the platform's extension point (ADR-0039).
 */
@Component
class AgencyDirectoryAuthorizations implements EngineAuthorizationDefaults {

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
	public boolean membersReadNewGroup(String groupId) {
		return !isAgencyWideRoleGroup(groupId);
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

	/** Each of the agency's role groups reads the new member's profile (a grant of READ on the user). */
	@Override
	public List<Grant> tenantMembershipCreated(String tenantId, String userId) {
		List<Grant> grants = new ArrayList<>();
		for (String group : staffGroups(tenantId)) {
			grants.add(new Grant(group, Resources.USER, userId, Permissions.READ));
		}
		return grants;
	}
}

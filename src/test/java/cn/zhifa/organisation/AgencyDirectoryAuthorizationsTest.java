package cn.zhifa.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import cn.zhifa.platform.EngineAuthorizationDefaults.Grant;
import cn.zhifa.platform.Roles;

/** The engine's default authorizations as the staff directories change them (issue 13 §4, ADR-0039). */
class AgencyDirectoryAuthorizationsTest {

	private final AgencyDirectoryAuthorizations authorizations = new AgencyDirectoryAuthorizations();

	@Test
	void aNewMemberIsReadByEachRoleGroupOfTheAgencyButNotBySupervisors() {
		assertThat(authorizations.tenantMembershipCreated("LIAOKUO", "officer1")).containsExactly(
				new Grant("LIAOKUO-" + Roles.OFFICER, Resources.USER, "officer1", Permissions.READ),
				new Grant("LIAOKUO-" + Roles.AUXILIARY, Resources.USER, "officer1", Permissions.READ),
				new Grant("LIAOKUO-" + Roles.REVIEWER, Resources.USER, "officer1", Permissions.READ),
				new Grant("LIAOKUO-" + Roles.HEAD, Resources.USER, "officer1", Permissions.READ),
				new Grant("LIAOKUO-" + Roles.GENERAL_OFFICE, Resources.USER, "officer1", Permissions.READ));
	}

	@Test
	void membersOfARoleGroupSpanningAgenciesDoNotReadIt() {
		assertThat(authorizations.membersReadNewGroup(Roles.OFFICER)).isFalse();
		assertThat(authorizations.membersReadNewGroup(Roles.HEAD)).isFalse();
		assertThat(authorizations.membersReadNewGroup(Roles.SUPERVISOR)).isTrue();
		assertThat(authorizations.membersReadNewGroup("LIAOKUO-" + Roles.OFFICER)).isTrue();
	}
}

package cn.zhifa.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 12 §3: the webapps show a person as "firstName lastName" (header, task assignee, profile); a
 * Chinese reader expects 姓 then 名 without a space (ADR-0011).
 */
@ZhifaIntegrationTest
class PersonNamesIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identityService;
	@Autowired
	CamundaIdentitySetup identity;

	@Test
	void webappsShowSurnameThenGivenNameWithoutSpace() {
		assertThat(shownName("head1")).isEqualTo("张伟");
		assertThat(shownName("officer1")).isEqualTo("李明");
		// staff read only their own agency's directory (issue 13 §4): the administrator as he sees himself
		assertThat(shownName("admin", "admin")).isEqualTo("系统管理员");
	}

	@Test
	void administratorsGroupHasAChineseName() {
		assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getName()).isEqualTo("系统管理员");
	}

	@Test
	void namesStoredTheWesternWayAreCorrected() {
		String id = "legacy" + UUID.randomUUID().toString().substring(0, 8);
		User user = identityService.newUser(id);
		user.setFirstName("明");
		user.setLastName("王");
		identityService.saveUser(user);

		identity.ensureDisplayName(id, "王明");

		User corrected = identityService.createUserQuery().userId(id).singleResult();
		assertThat(corrected.getFirstName()).isEqualTo("王明");
		assertThat(corrected.getLastName()).isEmpty();
		identityService.deleteUser(id);
	}

	/** The profile as Tasklist reads it, rendered as Tasklist renders it: firstName + ' ' + lastName. */
	private String shownName(String userId) {
		return shownName("officer1", userId);
	}

	private String shownName(String viewer, String userId) {
		Map<String, Object> profile = http.withBasicAuth(viewer, "demo")
			.exchange("/engine-rest/user/" + userId + "/profile", HttpMethod.GET, null, MAP).getBody();
		return (profile.get("firstName") + " " + profile.get("lastName")).strip();
	}
}

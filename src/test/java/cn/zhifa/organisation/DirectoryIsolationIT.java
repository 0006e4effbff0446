package cn.zhifa.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.WebappSession;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13 §4: the staff directories of the engine's REST API — users, groups, a user's groups and
 * colleagues, the user operation log — show a user only their own agency's staff, through
 * {@code /engine-rest} and through the webapps' API; supervisors and the administrator see everyone.
 * Tasklist still names its user's colleagues. A user an administrator adds to an agency later is in
 * that agency's directory at once (Camunda authorizations, granted when the user joins the tenant).
 */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryIsolationIT {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};
	private static final List<String> LIAOKUO = List.of("officer1", "officer2", "officer3", "aux1", "reviewer1", "head1",
			"office1");
	private static final List<String> QLSCJ = List.of("officer4", "reviewer2", "head2");

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	/** A QLSCJ officer the administrator adds through the REST API, as in Admin. */
	final String newcomer = "dir" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void administratorAddsAQlscjOfficer() {
		Map<String, Object> user = Map.of("profile", Map.of("id", newcomer, "firstName", "周新", "lastName", "", "email",
				newcomer + "@zhifa.example"), "credentials", Map.of("password", "demo"));
		assertThat(admin().postForEntity("/engine-rest/user/create", user, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(admin().exchange("/engine-rest/tenant/QLSCJ/user-members/" + newcomer, HttpMethod.PUT, null,
				String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(admin().exchange("/engine-rest/group/QLSCJ-officer/members/" + newcomer, HttpMethod.PUT, null,
				String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(admin().exchange("/engine-rest/group/officer/members/" + newcomer, HttpMethod.PUT, null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@AfterAll
	void removeTheNewcomer() {
		engine.getIdentityService().deleteUser(newcomer);
	}

	@Test
	void usersAreListedForTheirOwnAgencyOnly() {
		assertThat(userIds("officer1", "/engine-rest/user")).containsAll(LIAOKUO)
			.doesNotContainAnyElementsOf(QLSCJ).doesNotContain(newcomer, "supervisor1", "admin");
		assertThat(userIds("officer4", "/engine-rest/user")).containsAll(QLSCJ).contains(newcomer)
			.doesNotContainAnyElementsOf(LIAOKUO).doesNotContain("supervisor1", "admin");
		assertThat(userIds("officer1", "/engine-rest/user?memberOfTenant=QLSCJ")).isEmpty();
		assertThat(userIds("officer1", "/engine-rest/user?memberOfGroup=officer")).contains("officer1", "officer2")
			.doesNotContain("officer4", newcomer);
		assertThat(count("officer1", "/engine-rest/user/count?memberOfGroup=officer"))
			.isEqualTo(userIds("officer1", "/engine-rest/user?memberOfGroup=officer").size());

		ResponseEntity<String> profile = as("officer1").getForEntity("/engine-rest/user/officer4/profile", String.class);
		assertThat(profile.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(profile.getBody()).doesNotContain("孙磊");

		// supervisors and the administrator: everyone
		assertThat(userIds("supervisor1", "/engine-rest/user")).containsAll(LIAOKUO).containsAll(QLSCJ).contains(newcomer);
		assertThat(userIds("admin", "/engine-rest/user")).containsAll(LIAOKUO).containsAll(QLSCJ).contains("supervisor1");
	}

	@Test
	void groupsAndColleaguesAreTheOwnAgencysOnly() {
		List<Object> groups = ids(as("officer1").exchange("/engine-rest/group", HttpMethod.GET, null, LIST).getBody());
		assertThat(groups).contains("LIAOKUO-officer", "LIAOKUO-head", "LIAOKUO-reviewer")
			.allSatisfy(g -> assertThat(g.toString()).startsWith("LIAOKUO-"));
		assertThat(ids(as("officer1").exchange("/engine-rest/group?member=officer4", HttpMethod.GET, null, LIST)
			.getBody())).isEmpty();

		Map<String, Object> own = as("officer1").exchange("/engine-rest/identity/groups?userId=officer1", HttpMethod.GET,
				null, MAP).getBody();
		assertThat(ids(list(own.get("groups")))).contains("LIAOKUO-officer");
		assertThat(ids(list(own.get("groupUsers")))).contains("officer2", "officer3").doesNotContain("officer4", newcomer);
		Map<String, Object> foreign = as("officer1").exchange("/engine-rest/identity/groups?userId=officer4",
				HttpMethod.GET, null, MAP).getBody();
		assertThat(list(foreign.get("groups"))).isEmpty();
		assertThat(list(foreign.get("groupUsers"))).isEmpty();

		assertThat(ids(as("supervisor1").exchange("/engine-rest/group", HttpMethod.GET, null, LIST).getBody()))
			.contains("LIAOKUO-officer", "QLSCJ-officer", "officer", "supervisor");
	}

	@Test
	void theOperationLogShowsTheOwnAgencysEntriesOnly() {
		String key = "DIR-" + UUID.randomUUID();
		engine.getRepositoryService().createDeployment().name("test-agency-isolation").enableDuplicateFiltering(true)
			.addClasspathResource("models/agency-isolation.bpmn").addClasspathResource("models/test-form.form").deploy();
		String qlscj = engine.getRuntimeService().startProcessInstanceByKey("test-agency-isolation", key,
				Map.of("agencyCode", "QLSCJ")).getId();
		String task = engine.getTaskService().createTaskQuery().processInstanceId(qlscj)
			.taskDefinitionKey("userTask_officerWork").singleResult().getId();
		assertThat(as("officer4").postForEntity("/engine-rest/task/" + task + "/claim", Map.of("userId", "officer4"),
				String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// the administrator's identity operations on the newcomer (no tenant) and officer4's claim (QLSCJ)
		List<Map<String, Object>> officer1 = as("officer1").exchange("/engine-rest/history/user-operation?maxResults=10000",
				HttpMethod.GET, null, LIST).getBody();
		assertThat(officer1.toString()).doesNotContain(newcomer, task);
		assertThat(officer1).extracting(e -> e.get("entityType")).doesNotContain("User", "Group", "Tenant",
				"GroupMembership", "TenantMembership", "Authorization");
		assertThat(count("officer1", "/engine-rest/history/user-operation/count?entityType=User")).isZero();
		assertThat(as("officer4").exchange("/engine-rest/history/user-operation?taskId=" + task, HttpMethod.GET, null, LIST)
			.getBody()).extracting(e -> e.get("operationType")).contains("Claim");
		assertThat(as("officer4").exchange("/engine-rest/history/user-operation?entityType=User", HttpMethod.GET, null, LIST)
			.getBody()).isEmpty();

		assertThat(as("supervisor1").exchange("/engine-rest/history/user-operation?entityType=User&maxResults=10000",
				HttpMethod.GET, null, LIST).getBody().toString()).contains(newcomer);
		assertThat(as("admin").exchange("/engine-rest/history/user-operation?taskId=" + task, HttpMethod.GET, null, LIST)
			.getBody()).isNotEmpty();
	}

	@Test
	void tasklistNamesColleaguesAndNobodyElse() {
		WebappSession tasklist = WebappSession.login(http, "officer1", "tasklist");
		String engineApi = "/camunda/api/engine/engine/default";
		ResponseEntity<Map> colleague = tasklist.exchange(http, HttpMethod.GET, engineApi + "/user/head1/profile", null,
				Map.class);
		assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(colleague.getBody().get("firstName")).isEqualTo("张伟");
		ResponseEntity<List> named = tasklist.exchange(http, HttpMethod.GET, engineApi + "/user?idIn=head1,officer2,officer4,"
				+ newcomer, null, List.class);
		assertThat(ids(named.getBody())).containsExactlyInAnyOrder("head1", "officer2");
		assertThat(tasklist.exchange(http, HttpMethod.GET, engineApi + "/user/officer4/profile", null, String.class)
			.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(tasklist.exchange(http, HttpMethod.GET, engineApi + "/history/user-operation?entityType=User", null,
				String.class).getBody()).doesNotContain(newcomer);
		Map<?, ?> groups = tasklist.exchange(http, HttpMethod.GET, engineApi + "/identity/groups?userId=officer1", null,
				Map.class).getBody();
		assertThat(ids(list(groups.get("groupUsers")))).containsAll(List.of("officer2", "officer3"))
			.doesNotContain("officer4");
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "demo");
	}

	private TestRestTemplate admin() {
		return as("admin");
	}

	private List<Object> userIds(String user, String path) {
		ResponseEntity<List<Map<String, Object>>> response = as(user).exchange(path, HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ids(response.getBody());
	}

	private long count(String user, String path) {
		return ((Number) as(user).exchange(path, HttpMethod.GET, null, MAP).getBody().get("count")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	private static List<Object> ids(List<? extends Map> list) {
		return list.stream().map(m -> m.get("id")).map(Object.class::cast).toList();
	}
}

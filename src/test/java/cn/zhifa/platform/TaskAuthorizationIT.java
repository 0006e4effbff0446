package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * ADR-0044: tasks are authorized at the process-definition level within the agency (tenant), not by one
 * authorization row per task; only the task's own people (assignee, owner, candidate users and groups) may
 * claim, complete, assign or change it, through every door.
 */
@ZhifaIntegrationTest
class TaskAuthorizationIT {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;
	@Autowired
	DataSource dataSource;

	String processInstanceId;
	String taskId;

	@BeforeEach
	void aReviewTaskOfferedToTheAgencysReviewers() {
		processInstanceId = Fixtures.startLegalReview(http);
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("LIAOKUO-reviewer"));
		taskId = task.getId();
	}

	@Test
	void noAuthorizationRowIsWrittenPerTask() {
		assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
			.resourceId(taskId).count()).isZero();
		assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).list())
			.as("only grants on every task (heads and supervisors read all tasks of their agencies)")
			.allSatisfy(auth -> assertThat(auth.getResourceId()).isEqualTo("*"));
	}

	@Test
	void theAgencysStaffReadItsTasksOtherAgenciesDoNot() {
		assertThat(count("officer1")).as("a colleague of the same agency reads the task").isEqualTo(1);
		assertThat(get("officer1").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(count("reviewer2")).as("a reviewer of another agency does not").isZero();
		assertThat(get("reviewer2").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void headsAndSupervisorsReadTasksThroughOneGrant() {
		// Camunda's task queries join each task to every grant that lets the user read it: one grant, one row per task
		for (String user : new String[] { "head1", "supervisor1", "officer1", "reviewer1" }) {
			List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
				.map(Group::getId).toList();
			long taskGrants = engine.getAuthorizationService().createAuthorizationQuery()
				.groupIdIn(groups.toArray(String[]::new)).resourceType(Resources.TASK).resourceId("*").list().stream()
				.filter(auth -> auth.isPermissionGranted(Permissions.READ)).count()
					+ engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new))
						.resourceType(Resources.PROCESS_DEFINITION).resourceId("*").list().stream()
						.filter(auth -> auth.isPermissionGranted(Permissions.READ_TASK)).count();
			assertThat(taskGrants).as(user + "'s grants to read every task").isEqualTo(1);
		}
		assertThat(count("head1")).as("the head reads the agency's task").isEqualTo(1);
		assertThat(count("supervisor1")).as("the supervisor reads every agency's task").isEqualTo(1);
		assertThat(count("head2")).as("another agency's head does not").isZero();
	}

	@Test
	void theTasksDataStaysWithThoseWhoReadTheCaseOrAreOfferedTheTask() {
		String variables = "/engine-rest/task/" + taskId + "/variables";
		assertThat(http.withBasicAuth("officer1", "demo").getForEntity(variables, Map.class).getStatusCode())
			.as("officers read the agency's cases anyway").isEqualTo(HttpStatus.OK);
		assertThat(count("aux1")).as("an auxiliary sees the agency's task in a list").isEqualTo(1);
		ResponseEntity<Map> auxiliary = http.withBasicAuth("aux1", "demo").getForEntity(variables, Map.class);
		assertThat(auxiliary.getStatusCode()).as("but not the case's data of a task not offered to him")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auxiliary.getBody().get("detail")).isEqualTo(CandidateTaskChecker.NOT_A_CANDIDATE_READ);
	}

	@Test
	void onlyTheCandidatesWorkOnIt() {
		for (String notACandidate : new String[] { "officer1", "head1" }) {
			ResponseEntity<Map> claim = post(notACandidate, "/claim", Map.of("userId", notACandidate));
			assertThat(claim.getStatusCode()).as(notACandidate + " claims").isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(claim.getBody().get("detail")).isEqualTo(CandidateTaskChecker.NOT_A_CANDIDATE);
			assertThat(post(notACandidate, "/assignee", Map.of("userId", notACandidate)).getStatusCode())
				.as(notACandidate + " assigns it to himself").isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(post("reviewer2", "/claim", Map.of("userId", "reviewer2")).getStatusCode())
			.as("another agency's reviewer").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(assignee()).isNull();

		assertThat(post("reviewer1", "/claim", Map.of("userId", "reviewer1")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(assignee()).isEqualTo("reviewer1");
		assertThat(post("officer1", "/complete", Map.of()).getStatusCode()).as("completed by a colleague")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("reviewer1", "/unclaim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(assignee()).isNull();
	}

	/**
	 * A candidate needs no authorization row (as with Camunda's rows per task), but stays within the agency and is
	 * held to the step's own rules.
	 */
	@Test
	void aCandidateUserPassesTheCheckWithinTheAgencyOnly() {
		engine.getTaskService().addCandidateUser(taskId, "officer2");
		engine.getTaskService().addCandidateUser(taskId, "reviewer2");
		assertThat(post("reviewer2", "/claim", Map.of("userId", "reviewer2")).getStatusCode())
			.as("a candidate of another agency does not even see the task").isEqualTo(HttpStatus.NOT_FOUND);
		// a candidate user of the agency passes the authorization check; the review's own rule then answers
		ResponseEntity<Map> claim = post("officer2", "/claim", Map.of("userId", "officer2"));
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody().get("detail").toString()).as("not a candidate? no: not a qualified reviewer")
			.startsWith("R-REV-9").isNotEqualTo(CandidateTaskChecker.NOT_A_CANDIDATE);
		assertThat(assignee()).isNull();
	}

	@Test
	void theMigrationRemovesLegacyRowsPerTaskAndKeepsGrantsOnEveryTask() throws Exception {
		Authorization legacy = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		legacy.setGroupId("LIAOKUO-reviewer");
		legacy.setResource(Resources.TASK);
		legacy.setResourceId(taskId);
		legacy.addPermission(Permissions.UPDATE);
		engine.getAuthorizationService().saveAuthorization(legacy);
		long everyTask = engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
			.resourceId("*").count();
		assertThat(everyTask).isPositive();

		try (Connection connection = dataSource.getConnection()) {
			new TaskAuthorizationRowsMigration().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}
		assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
			.resourceId(taskId).count()).isZero();
		assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
			.resourceId("*").count()).isEqualTo(everyTask);
	}

	private String assignee() {
		return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
	}

	private int count(String user) {
		return (int) http.withBasicAuth(user, "demo")
			.getForObject("/engine-rest/task/count?processInstanceId=" + processInstanceId, Map.class).get("count");
	}

	private ResponseEntity<Map> get(String user) {
		return http.withBasicAuth(user, "demo").getForEntity("/engine-rest/task/" + taskId, Map.class);
	}

	private ResponseEntity<Map> post(String user, String action, Map<String, Object> body) {
		return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + action, HttpMethod.POST,
				new HttpEntity<>(body), Map.class);
	}
}

package cn.zhifa.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * R-QUAL-2/3 through {@code /engine-rest}: on a task marked {@code enforcementAction}, a valid officer
 * (officer1) may claim and complete (204); an officer whose certificate expired on 2025-06-30
 * (officer3) and auxiliary staff (aux1) are refused with 403 and the reason; investigation needs two
 * qualified officers recorded (the officers are a case variable only the investigation form sets over
 * REST, ADR-0015; the guard is also checked through the engine's Java API). Every step of the test model is open to officers and auxiliary staff,
 * so only the guard can be what refuses.
 */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class QualificationGuardIT extends EngineTestSupport {

	@Autowired
	TestRestTemplate http;

	@BeforeAll
	void deployTestModel() {
		engine.getRepositoryService().createDeployment().name("test-qualification").enableDuplicateFiltering(true)
			.addClasspathResource("qualification/enforcement-steps.bpmn").addClasspathResource("models/test-form.form").deploy();
	}

	private String startCase() {
		return engine.getRuntimeService()
			.startProcessInstanceByKey("test-enforcement-steps", "QUAL-" + UUID.randomUUID(),
					Map.of("agencyCode", "LIAOKUO"))
			.getId();
	}

	private Task task(String processInstanceId, String taskDefinitionKey) {
		return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
			.taskDefinitionKey(taskDefinitionKey).singleResult();
	}

	private ResponseEntity<String> claim(String user, Task task) {
		return http.withBasicAuth(user, "demo")
			.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user), String.class);
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
		return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
				Map.of("variables", variables), String.class);
	}

	@Test
	void validOfficerClaimsAndCompletesAnEnforcementStep() {
		String pid = startCase();
		Task penalty = task(pid, "userTask_decidePenalty");

		assertThat(claim("officer1", penalty).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(task(pid, "userTask_decidePenalty").getAssignee()).isEqualTo("officer1");
		assertThat(complete("officer1", penalty, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(task(pid, "userTask_decidePenalty")).isNull();
	}

	@Test
	void expiredCertificateIsRefusedOnClaim() {
		String pid = startCase();

		ResponseEntity<String> response = claim("officer3", task(pid, "userTask_decidePenalty"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains("证件过期", "2025-06-30");
		assertThat(task(pid, "userTask_decidePenalty").getAssignee()).as("claim rolled back").isNull();
	}

	@Test
	void expiredCertificateIsRefusedOnComplete() {
		String pid = startCase();

		ResponseEntity<String> response = complete("officer3", task(pid, "userTask_decidePenalty"), Map.of());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains("证件过期");
		assertThat(task(pid, "userTask_decidePenalty")).as("still open").isNotNull();
	}

	@Test
	void auxiliaryStaffIsRefusedOnClaimAndOnCompleteAndTheRefusalIsLogged(CapturedOutput log) {
		String pid = startCase();
		Task penalty = task(pid, "userTask_decidePenalty");

		ResponseEntity<String> claim = claim("aux1", penalty);
		ResponseEntity<String> complete = complete("aux1", penalty, Map.of());

		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody()).contains("辅助人员不得实施");
		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(complete.getBody()).contains("辅助人员不得实施");
		assertThat(task(pid, "userTask_decidePenalty")).isNotNull();
		assertThat(log.getOut()).contains("Refused assignment of enforcement step userTask_decidePenalty (PENALTY) in process instance " + pid)
			.contains("Refused complete of enforcement step userTask_decidePenalty (PENALTY) in process instance " + pid);
	}

	@Test
	void auxiliaryStaffMayStillDoStepsThatAreNotEnforcement() {
		String pid = startCase();
		Task materials = task(pid, "userTask_prepareMaterials");

		assertThat(claim("aux1", materials).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("aux1", materials, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void assigningAnOfficerOfAnotherAgencyIsRefused() {
		String pid = startCase();

		ResponseEntity<String> response = http.withBasicAuth("admin", "demo").postForEntity(
				"/engine-rest/task/" + task(pid, "userTask_decidePenalty").getId() + "/assignee",
				Map.of("userId", "officer4"), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains("非本机构执法人员");
		assertThat(task(pid, "userTask_decidePenalty").getAssignee()).isNull();
	}

	@Test
	void certificateIsCheckedOnTheEngineDayInChinaStandardTime() {
		String pid = startCase();
		Task penalty = task(pid, "userTask_decidePenalty");

		// 2025-07-01 00:30 in Beijing is still 2025-06-30 in UTC: the certificate has expired
		clockAt(Date.from(OffsetDateTime.parse("2025-07-01T00:30:00+08:00").toInstant()));
		assertThat(claim("officer3", penalty).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		// the last day of validity, late evening in Beijing: still valid
		clockAt(Date.from(OffsetDateTime.parse("2025-06-30T23:30:00+08:00").toInstant()));
		assertThat(claim("officer3", penalty).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(task(pid, "userTask_decidePenalty").getAssignee()).isEqualTo("officer3");
	}

	@Test
	void investigationNeedsTwoQualifiedOfficersRecorded() {
		String pid = startCase();
		Task investigation = task(pid, "userTask_investigate");
		assertThat(claim("officer1", investigation).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<String> none = complete("officer1", investigation, Map.of());
		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(none.getBody()).contains("两名以上");
		// the investigating officers are a case variable (ADR-0015): over REST only the investigation form
		// sets them, and this test step has none; the guard below the form is the engine's
		ResponseEntity<String> outsideTheForm = complete("officer1", investigation, json("[\"officer1\",\"officer2\"]"));
		assertThat(outsideTheForm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(outsideTheForm.getBody()).contains("调查人员（investigatingOfficers）");

		as("officer1");
		assertThatThrownBy(() -> completeAsIs(investigation, "[\"officer1\"]")).hasMessageContaining("两名以上");
		assertThatThrownBy(() -> completeAsIs(investigation, "[\"officer1\",\"officer3\"]")).hasMessageContaining("证件过期");
		assertThatThrownBy(() -> engine.getTaskService().complete(investigation.getId(),
				Map.of("investigatingOfficers", "officer1,aux1"))).hasMessageContaining("辅助人员不得实施");
		assertThat(task(pid, "userTask_investigate")).isNotNull();

		completeAsIs(investigation, "[\"officer1\",\"officer2\"]");
		engine.getIdentityService().clearAuthentication();
		assertThat(task(pid, "userTask_investigate")).isNull();
	}

	/** Completes through the Java API as the current user (the way a form handler stores a checklist). */
	private void completeAsIs(Task task, String officers) {
		engine.getTaskService().complete(task.getId(),
				Map.of("investigatingOfficers", org.camunda.spin.plugin.variable.SpinValues.jsonValue(officers).create()));
	}

	private static Map<String, Object> json(String array) {
		return Map.of("investigatingOfficers", Map.of("value", array, "type", "Json"));
	}
}

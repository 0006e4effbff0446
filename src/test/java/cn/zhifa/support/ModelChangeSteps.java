package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.models.ModelVersions;

/**
 * Steps of the reviewed model change (issue 14 §6) as the people do them: the approver decides in
 * Tasklist's way ({@code submit-form} with their login), time passes to the effective date and the
 * engine's jobs run as the job executor does (no user).
 */
public final class ModelChangeSteps {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private ModelChangeSteps() {
	}

	/** The open approval task of change {@code changeNo}. */
	public static Task approvalTask(ProcessEngine engine, String changeNo) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(changeNo).singleResult();
	}

	/** {@code user} decides change {@code changeNo} through the engine's REST API, as Tasklist submits the form. */
	public static ResponseEntity<Map<String, Object>> decide(TestRestTemplate http, ProcessEngine engine, String user,
			String changeNo, String decision, String opinion) {
		Task task = approvalTask(engine, changeNo);
		assertThat(task).as("approval task of %s", changeNo).isNotNull();
		Map<String, Object> body = Map.of("variables", Map.of("approvalDecision", Map.of("value", decision),
				"approvalOpinion", Map.of("value", opinion)));
		return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/submit-form", HttpMethod.POST,
				new HttpEntity<>(body), MAP);
	}

	public static void approve(TestRestTemplate http, ProcessEngine engine, String user, String changeNo) {
		ResponseEntity<Map<String, Object>> decided = decide(http, engine, user, changeNo, "APPROVE", "同意，按期生效");
		assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** Runs the due jobs of change {@code changeNo} (effective-date timer, deployment) until none is left. */
	public static int runDueJobs(ProcessEngine engine, String changeNo) {
		engine.getIdentityService().clearAuthentication();
		int executed = 0;
		for (int round = 0; round < 5; round++) {
			var jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId(engine, changeNo))
				.executable().list();
			if (jobs.isEmpty()) {
				break;
			}
			for (Job job : jobs) {
				engine.getManagementService().executeJob(job.getId());
				executed++;
			}
		}
		return executed;
	}

	static String processInstanceId(ProcessEngine engine, String changeNo) {
		var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(changeNo)
			.processDefinitionKey("model-change").singleResult();
		return instance == null ? "none" : instance.getId();
	}

	/** The change as its submitter sees it. */
	public static Map<String, Object> change(TestRestTemplate http, String user, String changeNo) {
		ResponseEntity<Map<String, Object>> got = http.withBasicAuth(user, "demo").exchange("/api/models/changes/" + changeNo,
				HttpMethod.GET, null, MAP);
		assertThat(got.getStatusCode()).as("%s", got.getBody()).isEqualTo(HttpStatus.OK);
		return got.getBody();
	}

	/** {@code officer} registers a case of {@code agency} over {@code /api/cases}: its process instance. */
	public static ProcessInstance registerCase(TestRestTemplate http, ProcessEngine engine, String officer, String agency) {
		Map<String, Object> body = Fixtures.validCase();
		body.put("agencyCode", agency);
		ResponseEntity<Map<String, Object>> created = http.withBasicAuth(officer, "demo").exchange("/api/cases", HttpMethod.POST,
				new HttpEntity<>(body), MAP);
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) created.getBody().get("caseNo");
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.processDefinitionKey("enforcement-case").singleResult();
	}

	/** Whether a ¥20,000 fine on a person is major by the catalogue the given process version is pinned to. */
	public static boolean twentyThousandIsMajor(ProcessEngine engine, String processDefinitionId, String tenant) {
		return ModelVersions.evaluate(engine, "major-decision-catalogue", processDefinitionId, tenant,
				Variables.createVariables().putValue("decisionType", "PENALTY").putValue("partyType", "PERSON")
					.putValue("fineAmount", 20000).putValue("hearingHeld", false))
			.getResultList().stream().anyMatch(r -> Boolean.TRUE.equals(r.get("isMajor")));
	}
}

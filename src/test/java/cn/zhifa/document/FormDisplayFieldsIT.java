package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * ADR-0046: a task's form gets the Chinese texts of its coded values and the names of its people with the form's
 * variables, as Tasklist reads them ({@code GET /task/{id}/form-variables?deserializeValues=false}), and nothing of
 * them is stored: no task variable, no history.
 */
@ZhifaIntegrationTest
class FormDisplayFieldsIT {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	String processInstanceId;
	String taskId;

	@BeforeEach
	void aReviewOfAPenalty() {
		processInstanceId = Fixtures.startLegalReview(http);
		taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
	}

	@Test
	void tasklistReadsTheTextsWithTheFormsVariables() {
		ResponseEntity<Map> read = http.withBasicAuth("reviewer1", "demo")
			.getForEntity("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", Map.class);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read.getBody()).containsKeys("caseId", "decisionType", "decisionTypeLabel");
		assertThat((Map<String, Object>) read.getBody().get("decisionTypeLabel")).containsEntry("type", "String")
			.containsEntry("value", "行政处罚");

		// object values stay serialized: Tasklist parses a JSON variable's value as text
		engine.getRuntimeService().setVariable(processInstanceId, "zzListed", Variables.objectValue(List.of("甲", "乙"))
			.serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
		Map<String, Object> listed = (Map<String, Object>) http.withBasicAuth("reviewer1", "demo")
			.getForEntity("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", Map.class).getBody()
			.get("zzListed");
		assertThat(listed.get("value")).isInstanceOf(String.class).asString().contains("甲", "乙");

		ResponseEntity<Map> named = http.withBasicAuth("reviewer1", "demo")
			.getForEntity("/engine-rest/task/" + taskId + "/form-variables?variableNames=decisionTypeLabel", Map.class);
		assertThat(named.getBody()).containsOnlyKeys("decisionTypeLabel");
	}

	@Test
	void theFormStaysACamundaForm() {
		// a task with form fields is a generated form to the REST API (key …/rendered-form): the texts are no fields there
		ResponseEntity<Map> form = http.withBasicAuth("reviewer1", "demo").getForEntity("/engine-rest/task/" + taskId + "/form",
				Map.class);
		assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(form.getBody().get("key")).isNull();
		assertThat(form.getBody().get("camundaFormRef")).isNotNull();
	}

	@Test
	void theTextsAreStoredNowhere() {
		assertThat(engine.getFormService().getTaskFormVariables(taskId)).containsEntry("decisionTypeLabel", "行政处罚");
		assertThat(engine.getTaskService().getVariables(taskId)).doesNotContainKey("decisionTypeLabel");
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
			.variableName("decisionTypeLabel").count()).isZero();
	}

	@Test
	void anotherAgencyReadsNothing() {
		assertThat(http.withBasicAuth("reviewer2", "demo")
			.getForEntity("/engine-rest/task/" + taskId + "/form-variables", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import cn.zhifa.support.ZhifaIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13 §1: what a user starts belongs to the user's own agency, from the login; naming an agency
 * at a start is refused (ADR-0015), and the engine refuses another agency below the REST guard too
 * ({@link CaseVariablesProtectionIT}).
 */
@ZhifaIntegrationTest
class AgencyFromLoginIT {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	@Test
	void aStartWithoutAgencyBelongsToTheUsersAgency() {
		String caseId = "区市监罚〔2026〕A" + UUID.randomUUID().toString().substring(0, 6) + "号";
		ResponseEntity<Map> started = start("officer4", caseId, null);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(started.getBody().get("businessKey")).as("the business key is the case number, set by the system")
			.isEqualTo(caseId);
		String pid = started.getBody().get("id").toString();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult().getTenantId())
			.isEqualTo("QLSCJ");
		assertThat(engine.getRuntimeService().getVariable(pid, "agencyCode")).isEqualTo("QLSCJ");
	}

	@Test
	void aStartForAnotherAgencyIsRefusedAndNothingStarts() {
		String caseId = "寥街罚〔2026〕A" + UUID.randomUUID().toString().substring(0, 6) + "号";
		ResponseEntity<Map> refused = start("officer4", caseId, "LIAOKUO");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("detail").toString()).contains("执法机构（agencyCode）由系统设置");
		assertThat(started(caseId)).isZero();
	}

	@Test
	void aSupervisorStartsNothing() {
		String caseId = "寥街罚〔2026〕S" + UUID.randomUUID().toString().substring(0, 6) + "号";
		ResponseEntity<Map> refused = start("supervisor1", caseId, null);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// refused before the engine by the rule that supervisors never write (issue 13 §3), a problem detail
		assertThat(refused.getBody().get("detail")).isEqualTo("执法监督人员只能查阅，不能新增、修改或删除数据");
		assertThat(started(caseId)).isZero();
	}

	@Test
	void aStartMissingItsVariablesIsABadRequestInChinese() {
		ResponseEntity<Map> refused = http.withBasicAuth("officer1", "demo").postForEntity(
				"/engine-rest/process-definition/key/legal-review/start", Map.of("variables", Map.of()), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().toString()).matches("(?s).*[\\u4e00-\\u9fff].*").doesNotContain("Cannot instantiate");
	}

	private long started(String caseId) {
		return engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("caseId", caseId).count();
	}

	/** The start form's fields (the handler is who starts it, the agency the login's, the business key the case number). */
	private ResponseEntity<Map> start(String user, String caseId, String agency) {
		Map<String, Object> variables = new java.util.LinkedHashMap<>(Map.of("caseId", Map.of("value", caseId),
				"decisionType", Map.of("value", "PENALTY"), "majorReasons", Map.of("value", "拟吊销许可证"),
				"materials", Map.of("value", "处罚决定书（草稿）")));
		if (agency != null) {
			variables.put("agencyCode", Map.of("value", agency));
		}
		return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/legal-review/start",
				Map.of("variables", variables), Map.class);
	}
}

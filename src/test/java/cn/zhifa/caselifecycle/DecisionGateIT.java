package cn.zhifa.caselifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * R-REV-1 against an edited model: the model skips the catalogue and the legal review, yet a major
 * decision cannot be reached; a minor one, or a major one whose review passed or was ruled on by
 * the head, can.
 */
@ZhifaIntegrationTest
class DecisionGateIT extends EngineTestSupport {

	@BeforeEach
	void deployEditedModel() {
		engine.getRepositoryService().createDeployment().name("test-decision-gate").enableDuplicateFiltering(true)
			.addClasspathResource("caselifecycle/decision-without-review.bpmn").deploy();
	}

	@Test
	void majorDecisionWithoutReviewCannotBeReached() {
		// 责令停产停业: major by the deployed catalogue, though the model never asked it
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true))).isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-REV-1");
		assertThatThrownBy(() -> start(Map.of("partyType", "PERSON", "fineAmount", 50000)))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> start(Map.of("flaggedMajor", true))).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true, "legalReviewResult", "NOT_PASSED")))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true, "legalReviewResult", "NOT_PASSED", "headRuling",
				"ADOPT_REVIEW"))).isInstanceOf(AuthorizationException.class);
	}

	@Test
	void minorOrReviewedDecisionsPass() {
		assertThat(start(Map.of("partyType", "PERSON", "fineAmount", 500))).isNotNull();
		assertThat(start(Map.of("ordersSuspension", true, "legalReviewResult", "PASSED"))).isNotNull();
		assertThat(start(Map.of("ordersSuspension", true, "legalReviewResult", "NOT_PASSED", "headRuling", "ADOPT_HANDLER")))
			.isNotNull();
	}

	@Test
	void completingTheDecisionIsCheckedAgain() {
		ProcessInstance pi = start(Map.of("partyType", "PERSON", "fineAmount", 500));
		// the facts change after the task was created: now it is major and unreviewed
		engine.getRuntimeService().setVariable(pi.getId(), "ordersSuspension", true);
		String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
		assertThatThrownBy(() -> engine.getTaskService().complete(task)).isInstanceOf(AuthorizationException.class);
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
	}

	private ProcessInstance start(Map<String, Object> facts) {
		Map<String, Object> vars = new HashMap<>(facts);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("caseId", "GATE-" + UUID.randomUUID());
		return engine.getRuntimeService().startProcessInstanceByKey("test-decision-without-review", vars.get("caseId").toString(),
				vars);
	}
}

package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.models.ModelProblem;
import cn.zhifa.models.ModelRejectedException;
import cn.zhifa.models.UnguardedDeployments;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * R-REV-1 against an edited model that goes straight to a renamed decision step: the model guard
 * refuses it at deploy; deployed past the guard, a major decision still cannot be made unless the
 * stored review record passed (or the head ruled after a disagreement) — process variables claiming a
 * review are not enough.
 */
@ZhifaIntegrationTest
class DecisionGateIT extends EngineTestSupport {

	private static final String MODEL = "enforcementcase/decision-without-review.bpmn";

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void deployEditedModelPastTheGuard() {
		UnguardedDeployments.deploy(() -> engine.getRepositoryService().createDeployment().name("test-decision-gate")
			.enableDuplicateFiltering(true).addClasspathResource(MODEL).deploy());
	}

	@Test
	void theGuardRefusesTheModel() {
		assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().name("test-decision-gate-guarded")
			.addClasspathResource(MODEL).deploy()).isInstanceOfSatisfying(ModelRejectedException.class,
					e -> assertThat(e.problems()).extracting(ModelProblem::message)
						.anyMatch(m -> m.contains("不经法制审核")).anyMatch(m -> m.contains("须有表单")));
	}

	@Test
	void majorDecisionWithoutAStoredReviewCannotBeReached() {
		// 责令停产停业: major by the deployed catalogue, though the model never asked it
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true), null, null)).isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-REV-1");
		assertThatThrownBy(() -> start(Map.of("partyType", "PERSON", "fineAmount", 50000), null, null))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> start(Map.of("flaggedMajor", true), null, null)).isInstanceOf(AuthorizationException.class);
		// variables claiming a review are not a review
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true, "legalReviewResult", "PASSED"), null, null))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true, "legalReviewResult", "NOT_PASSED", "headRuling",
				"ADOPT_HANDLER"), null, null)).isInstanceOf(AuthorizationException.class);
		// stored reviews that do not allow it
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true), "NOT_PASSED", null))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> start(Map.of("ordersSuspension", true), "NOT_PASSED", "ADOPT_REVIEW"))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void minorOrReviewedDecisionsPass() {
		assertThat(start(Map.of("partyType", "PERSON", "fineAmount", 500), null, null)).isNotNull();
		assertThat(start(Map.of("ordersSuspension", true), "PASSED", null)).isNotNull();
		assertThat(start(Map.of("ordersSuspension", true), "NOT_PASSED", "ADOPT_HANDLER")).isNotNull();
	}

	@Test
	void completingTheDecisionIsCheckedAgain() {
		ProcessInstance pi = start(Map.of("partyType", "PERSON", "fineAmount", 500), null, null);
		// the facts change after the task was created: now it is major and unreviewed
		engine.getRuntimeService().setVariable(pi.getId(), "ordersSuspension", true);
		String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
		assertThatThrownBy(() -> engine.getTaskService().complete(task)).isInstanceOf(AuthorizationException.class);
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
	}

	@Test
	void theCataloguePinnedToTheProcessVersionIsAskedOncePerInputs() throws Exception {
		String bpmn;
		try (var in = getClass().getClassLoader().getResourceAsStream(MODEL)) {
			bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id=\"test-decision-without-review\"",
					"id=\"test-decision-pinned\"");
		}
		byte[] catalogue = Files.readAllBytes(Path.of("dmn", DecisionGate.CATALOGUE + ".dmn"));
		UnguardedDeployments.deploy(() -> engine.getRepositoryService().createDeployment().name("test-decision-gate-pinned")
			.enableDuplicateFiltering(true).addString("decision-pinned.bpmn", bpmn)
			.addInputStream(DecisionGate.CATALOGUE + ".dmn", new java.io.ByteArrayInputStream(catalogue)).deploy());
		Map<String, Object> minor = Map.of("partyType", "PERSON", "fineAmount", 512);
		long before = catalogueEvaluations();
		assertThat(start("test-decision-pinned", minor, null, null)).isNotNull();
		assertThat(catalogueEvaluations()).as("asked when the decision task is created").isEqualTo(before + 1);
		assertThat(start("test-decision-pinned", minor, null, null)).isNotNull();
		assertThat(catalogueEvaluations()).as("the same version and facts: the answer is known").isEqualTo(before + 1);
		assertThat(start("test-decision-pinned", Map.of("partyType", "PERSON", "fineAmount", 513), null, null)).isNotNull();
		assertThat(catalogueEvaluations()).as("other facts are asked").isEqualTo(before + 2);
		assertThatThrownBy(() -> start("test-decision-pinned", Map.of("ordersSuspension", true), null, null))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("R-REV-1");
		assertThatThrownBy(() -> start("test-decision-pinned", Map.of("ordersSuspension", true), null, null))
			.as("a remembered major answer refuses just the same").isInstanceOf(AuthorizationException.class);
	}

	private long catalogueEvaluations() {
		return engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(DecisionGate.CATALOGUE)
			.count();
	}

	private ProcessInstance start(Map<String, Object> facts, String result, String headRuling) {
		return start("test-decision-without-review", facts, result, headRuling);
	}

	/** Starts the edited model for a new case, after storing a concluded review of it when {@code result} is given. */
	private ProcessInstance start(String process, Map<String, Object> facts, String result, String headRuling) {
		String caseId = "GATE-" + UUID.randomUUID();
		if (result != null) {
			jdbc.update("INSERT INTO zf_legal_review (id, case_id, agency_code, decision_type, major_reasons, handler_id, status,"
					+ " result, head_ruling, current_round, requested_at, concluded_at) VALUES (?, ?, 'LIAOKUO', 'PENALTY', '责令停产停业',"
					+ " 'officer1', 'CONCLUDED', ?, ?, 1, ?, ?)", UUID.randomUUID().toString(), caseId, result, headRuling,
					Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		}
		Map<String, Object> vars = new HashMap<>(facts);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("caseId", caseId);
		return engine.getRuntimeService().startProcessInstanceByKey(process, caseId, vars);
	}
}

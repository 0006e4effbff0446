package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/disclosure-withdrawal.bpmn} (R-DISC-5, ADR-0072): started from Tasklist's start form
 * with the case, the kind, the day and the public reason of the revocation, its one step sends the revocation to the
 * case's disclosure; engine only, the delegate a stand-in ({@code DisclosureServiceTest} has the rules,
 * path 07e the whole of it in the browser).
 */
class DisclosureWithdrawalPathsTest extends ModelPathTestSupport {

	@Test
	void theRevocationIsSentAndTheProcessEnds() throws Exception {
		deploy("disclosure-withdrawal.bpmn");
		delegate("requestDisclosureWithdrawal");

		ProcessInstance instance = start("disclosure-withdrawal", "寥街罚〔2026〕1号", Map.of("caseId", "寥街罚〔2026〕1号",
				"agencyCode", "LIAOKUO", "revocationKind", "REVOKED", "revocationReason", "经行政复议撤销", "revokedOn", "2026-11-02"));

		assertThat(instance).hasPassedInOrder("startEvent_decisionRevoked", "serviceTask_requestWithdrawal", "endEvent_withdrawn")
			.isEnded();
		assertThat(calls()).containsExactly("requestDisclosureWithdrawal");
	}
}

package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/case-recusal.bpmn} (R-CASE: a party's request that an officer of a case under
 * investigation recuse himself is registered and passed to the case, where the agency head decides; the
 * investigation does not stop meanwhile), engine only: the service that tells the case is a stand-in.
 */
class CaseRecusalPathsTest extends ModelPathTestSupport {

	@Test
	void aRecusalRequestIsPassedToTheCaseForTheHeadAndEnds() throws Exception {
		deploy("case-recusal.bpmn");
		delegate("requestRecusal");

		ProcessInstance instance = start("case-recusal", null,
				Map.of("caseId", "case-1", "agencyCode", "LIAOKUO", "recusedOfficerId", "officer2"));

		assertThat(instance).hasPassedInOrder("startEvent_recusalRequested", "serviceTask_requestRecusal",
				"endEvent_requested").isEnded();
		assertThat(calls()).containsExactly("requestRecusal");
	}
}

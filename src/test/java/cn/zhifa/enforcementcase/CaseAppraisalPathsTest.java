package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/case-appraisal.bpmn} (R-CASE: an appraisal, inspection or test commissioned for a
 * case under investigation suspends the handling period until its result is recorded), engine only: the service
 * that tells the case is a stand-in.
 */
class CaseAppraisalPathsTest extends ModelPathTestSupport {

	@Test
	void aCommissionedAppraisalIsPassedToTheCaseAndEnds() throws Exception {
		deploy("case-appraisal.bpmn");
		delegate("requestAppraisal");

		ProcessInstance instance = start("case-appraisal", null, Map.of("caseId", "case-1", "agencyCode", "LIAOKUO"));

		assertThat(instance).hasPassedInOrder("startEvent_appraisalRequested", "serviceTask_requestAppraisal",
				"endEvent_requested").isEnded();
		assertThat(calls()).containsExactly("requestAppraisal");
	}
}

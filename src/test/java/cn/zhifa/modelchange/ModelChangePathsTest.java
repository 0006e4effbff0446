package cn.zhifa.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/model-change.bpmn} (ADR-0016, docs/model-governance.md: a checked model change is
 * approved by the agency head, or by the justice bureau for a county-wide model, and deployed on its effective date; a
 * returned change ends; a rollback is deployed at once; a change the full model check refuses at deployment is recorded
 * as failed), engine only: the services behind the delegates are stand-ins.
 */
class ModelChangePathsTest extends ModelPathTestSupport {

	static final Date EFFECTIVE = Date.from(Instant.parse("2027-01-01T00:00:00Z"));

	/** The change events {@code recordModelChange} was called with, in order. */
	final List<Object> recorded = new ArrayList<>();

	@BeforeEach
	void deployModel() throws Exception {
		deploy("model-change.bpmn");
		bean("recordModelChange", (JavaDelegate) execution -> recorded.add(execution.getVariableLocal("changeEvent")));
		delegate("deployModelChange");
		taskChecks("modelChangeTaskChecks");
	}

	@Test
	void anApprovedAgencyChangeIsDeployedOnItsEffectiveDate() {
		ProcessInstance instance = startChange(false, false);

		assertThat(instance).isWaitingAt("userTask_approveAgency");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task(instance), Map.of("approvalDecision", "APPROVE"));

		assertThat(instance).hasPassed("serviceTask_recordDecision").isWaitingAt("timerEvent_effectiveDate");
		assertThat(job("timerEvent_effectiveDate", instance)).hasDueDate(EFFECTIVE);
		execute(job("timerEvent_effectiveDate", instance));
		assertThat(instance).isWaitingAt("serviceTask_deployChange");
		execute(job("serviceTask_deployChange", instance));

		assertThat(instance).hasPassedInOrder("userTask_approveAgency", "serviceTask_recordDecision",
				"timerEvent_effectiveDate", "serviceTask_deployChange", "serviceTask_recordDeployed", "endEvent_effective")
			.hasNotPassed("userTask_approveShared").isEnded();
		assertThat(recorded).containsExactly("APPROVED", "DEPLOYED");
		assertThat(calls()).containsExactly("modelChangeTaskChecks:complete:userTask_approveAgency", "deployModelChange");
	}

	@Test
	void aSharedChangeIsApprovedByTheJusticeBureau() {
		ProcessInstance instance = startChange(false, true);

		assertThat(instance).isWaitingAt("userTask_approveShared");
		assertThat(task(instance)).hasCandidateGroup("justice-bureau");
		complete(task(instance), Map.of("approvalDecision", "APPROVE"));

		assertThat(instance).hasNotPassed("userTask_approveAgency").isWaitingAt("timerEvent_effectiveDate");
		execute(job("timerEvent_effectiveDate", instance));
		execute(job("serviceTask_deployChange", instance));
		assertThat(instance).hasPassed("endEvent_effective").isEnded();
		assertThat(recorded).containsExactly("APPROVED", "DEPLOYED");
	}

	@Test
	void aReturnedChangeEndsWithoutDeployment() {
		ProcessInstance instance = startChange(false, false);
		complete(task(instance), Map.of("approvalDecision", "RETURN"));

		assertThat(instance).hasPassedInOrder("serviceTask_recordDecision", "endEvent_returned")
			.hasNotPassed("timerEvent_effectiveDate", "serviceTask_deployChange").isEnded();
		assertThat(recorded).containsExactly("RETURNED");
		assertThat(calls()).doesNotContain("deployModelChange");
	}

	@Test
	void aRollbackIsDeployedWithoutApproval() {
		ProcessInstance instance = startChange(true, false);

		assertThat(instance).isWaitingAt("serviceTask_deployChange");
		execute(job("serviceTask_deployChange", instance));

		assertThat(instance).hasPassedInOrder("serviceTask_deployChange", "serviceTask_recordDeployed", "endEvent_effective")
			.hasNotPassed("userTask_approveAgency", "userTask_approveShared", "timerEvent_effectiveDate").isEnded();
		assertThat(recorded).containsExactly("ROLLED_BACK");
		assertThat(calls()).containsExactly("deployModelChange");
	}

	@Test
	void aChangeTheModelCheckRefusesAtDeploymentIsRecordedAsFailed() {
		bean("deployModelChange", (JavaDelegate) execution -> {
			throw new BpmnError("MODEL_CHANGE_REFUSED");
		});
		ProcessInstance instance = startChange(true, false);

		execute(job("serviceTask_deployChange", instance));

		assertThat(instance).hasPassedInOrder("errorEvent_refused", "serviceTask_recordFailed", "endEvent_failed")
			.hasNotPassed("serviceTask_recordDeployed", "endEvent_effective").isEnded();
		assertThat(recorded).containsExactly("FAILED");
	}

	private ProcessInstance startChange(boolean rollback, boolean shared) {
		return start("model-change", "model-change-1", Map.of("agencyCode", "LIAOKUO", "rollback", rollback, "shared",
				shared, "effectiveFrom", EFFECTIVE));
	}
}

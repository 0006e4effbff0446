package cn.zhifa.guidingcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/guiding-case.bpmn} (seed 002 (十一), ADR-0028: an agency proposes a guiding case, the
 * supervisor reviews it and publishes it, rejects it, or returns it for revision and a desensitised resubmission),
 * engine only: the services behind the delegates are stand-ins.
 */
class GuidingCasePathsTest extends ModelPathTestSupport {

	static final Date REVIEW_DUE = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
	static final Date REVISION_DUE = Date.from(Instant.parse("2026-11-30T09:00:00Z"));

	ProcessInstance instance;

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("guiding-case.bpmn");
		delegate("proposeGuidingCase", Map.of("guidingReviewDueAt", REVIEW_DUE));
		delegate("concludeGuidingCase");
		delegate("returnGuidingCase", Map.of("guidingRevisionDueAt", REVISION_DUE));
		delegate("resubmitGuidingCase");
		taskChecks("guidingCaseTaskChecks");
		instance = start("guiding-case", "GC-2026-1", Map.of("agencyCode", "LIAOKUO"));
	}

	@Test
	void anApprovedCaseIsConcludedAfterOneReview() {
		assertThat(instance).isWaitingAt("userTask_review");
		assertThat(task(instance)).hasCandidateGroup("supervisor").hasDueDate(REVIEW_DUE);

		complete(task(instance), Map.of("guidingReviewOutcome", "PUBLISH"));

		assertThat(instance).hasPassedInOrder("serviceTask_propose", "userTask_review", "serviceTask_conclude",
				"endEvent_concluded").hasNotPassed("serviceTask_return", "userTask_revise").isEnded();
		assertThat(calls()).containsExactly("proposeGuidingCase", "guidingCaseTaskChecks:complete:userTask_review",
				"concludeGuidingCase");
	}

	@Test
	void aRejectedCaseIsAlsoConcluded() {
		complete(task(instance), Map.of("guidingReviewOutcome", "REJECT"));

		assertThat(instance).hasPassed("serviceTask_conclude", "endEvent_concluded").hasNotPassed("userTask_revise")
			.isEnded();
	}

	@Test
	void aReturnedCaseIsRevisedByTheAgencyHeadAndReviewedAgain() {
		complete(task(instance), Map.of("guidingReviewOutcome", "REVISE"));

		assertThat(instance).hasPassed("serviceTask_return").isWaitingAt("userTask_revise");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(REVISION_DUE);
		complete(task(instance));

		assertThat(instance).hasPassed("serviceTask_resubmit").isWaitingAt("userTask_review");
		assertThat(task(instance)).hasCandidateGroup("supervisor");
		complete(task(instance), Map.of("guidingReviewOutcome", "PUBLISH"));

		assertThat(instance).hasPassed("endEvent_concluded").isEnded();
		assertThat(calls()).containsExactly("proposeGuidingCase", "guidingCaseTaskChecks:complete:userTask_review",
				"returnGuidingCase", "guidingCaseTaskChecks:complete:userTask_revise", "resubmitGuidingCase",
				"guidingCaseTaskChecks:complete:userTask_review", "concludeGuidingCase");
	}
}

package cn.zhifa.officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/officer-annual-review.bpmn} (R-QUAL-2: the yearly review of an officer's enforcement
 * certificate; the reviewer passes it, or fails it and the officer's qualification is suspended; a review not decided
 * in time is reported to the head and the supervisor), engine only: the services behind the delegates are stand-ins.
 */
class OfficerAnnualReviewPathsTest extends ModelPathTestSupport {

	static final Date DUE = Date.from(Instant.parse("2026-12-01T09:00:00Z"));

	ProcessInstance instance;
	final Map<String, Object> breach = new HashMap<>();

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("officer-annual-review.bpmn");
		delegate("openOfficerAnnualReview", Map.of("annualReviewDueAt", DUE));
		delegate("passOfficerAnnualReview");
		delegate("suspendOfficer");
		slaBreachInto(breach);
		taskChecks("officerAnnualReviewTaskChecks");
		instance = start("officer-annual-review", "officer7-2026", Map.of("agencyCode", "LIAOKUO", "officerId", "officer7"));
	}

	@Test
	void aPassedReviewEndsAsPassed() {
		assertThat(instance).isWaitingAt("userTask_decide");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-reviewer").hasDueDate(DUE);

		complete(task(instance), Map.of("annualReviewOutcome", "PASS"));

		assertThat(instance).hasPassedInOrder("serviceTask_open", "userTask_decide", "serviceTask_pass", "endEvent_passed")
			.hasNotPassed("serviceTask_suspend").isEnded();
		assertThat(calls()).containsExactly("openOfficerAnnualReview",
				"officerAnnualReviewTaskChecks:create:userTask_decide",
				"officerAnnualReviewTaskChecks:complete:userTask_decide", "passOfficerAnnualReview");
	}

	@Test
	void aFailedReviewSuspendsTheOfficer() {
		complete(task(instance), Map.of("annualReviewOutcome", "FAIL"));

		assertThat(instance).hasPassedInOrder("userTask_decide", "serviceTask_suspend", "endEvent_suspended")
			.hasNotPassed("serviceTask_pass").isEnded();
		assertThat(calls()).endsWith("suspendOfficer");
	}

	@Test
	void aReviewNotDecidedInTimeIsReportedAndStillWaitsForTheReviewer() {
		assertBreachRecorded(instance, "timerEvent_decideBreach", DUE, breach,
				"userTask_decide", "LIAOKUO-head,supervisor", "serviceTask_recordBreach", "endEvent_breachRecorded");

		complete(task(instance), Map.of("annualReviewOutcome", "PASS"));
		assertThat(instance).hasPassed("endEvent_passed").isEnded();
	}
}

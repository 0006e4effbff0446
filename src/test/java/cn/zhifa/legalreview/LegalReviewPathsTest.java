package cn.zhifa.legalreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/legal-review.bpmn} (R-REV: the legal review of a major enforcement decision —
 * materials checked and supplemented, review rounds within the review period, extended once by three working days,
 * with a reminder and supervision; the opinion approves, finds a suspected crime, asks for correction or rejects;
 * the handler revises, resubmits, accepts or contests, and a contested opinion goes to the disagreement process),
 * engine only: the services behind the delegates and the called {@code review-disagreement} are stand-ins.
 */
class LegalReviewPathsTest extends ModelPathTestSupport {

	static final Instant DUE = Instant.parse("2026-11-10T01:00:00Z");

	ProcessInstance instance;
	/** what the model gives the stand-ins: the conclusions' results, the SLA steps' groups */
	List<Map<String, Object>> conclusions, warnings, breaches;

	@BeforeEach
	void deployAndStart() throws Exception {
		// the model binds the called process to its own deployment: both in one
		deployTogether("legal-review.bpmn", List.of("legal-review-participation"), List.of("review-disagreement"));
		delegate("openLegalReview");
		delegate("startReviewRound", Map.of("reviewDueAt", Date.from(DUE)));
		delegate("generateDocument");
		delegate("extendReview");
		delegate("recordReviewOpinion");
		conclusions = delegateGiven("concludeLegalReview");
		warnings = delegateGiven("slaWarning");
		breaches = delegateGiven("slaBreach");
		taskChecks("legalReviewTaskChecks");
		bean("deadlines", new CalendarDayReminders());
		engine.getIdentityService().setAuthenticatedUserId("officer1");
		try {
			instance = start("legal-review", "寥街罚〔2026〕1号",
					Map.of("caseId", "case-1", "agencyCode", "LIAOKUO", "reviewDueAt", Date.from(DUE)));
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	void materialsComplete() {
		assertThat(task(instance)).hasDefinitionKey("userTask_checkMaterials").hasCandidateGroup("LIAOKUO-reviewer");
		// dmn/legal-review-participation.dmn, evaluated when the request is registered: LIAOKUO's plan (seed 000)
		assertThat(instance).variables().containsEntry("counselRequired", true);
		complete(task(instance), Map.of("materialsComplete", true));
		assertThat(instance).isWaitingAt("userTask_reviewDecision");
	}

	void opinion(String outcome) {
		materialsComplete();
		complete(task(instance), Map.of("reviewAction", "OPINION", "reviewOutcome", outcome));
	}

	@Test
	void incompleteMaterialsAreSupplementedByTheHandlerAndCheckedAgain() {
		complete(task(instance), Map.of("materialsComplete", false));

		assertThat(task(instance)).hasDefinitionKey("userTask_supplementMaterials").isAssignedTo("officer1");
		// while the materials are out no review period runs (was LegalReviewProcessTests.incompleteMaterials…)
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
		complete(task(instance));

		assertThat(instance).hasNotPassed("serviceTask_startRound").isWaitingAt("userTask_checkMaterials");
		materialsComplete();
	}

	@Test
	void anApprovedDecisionPassesTheReview() {
		materialsComplete();
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-reviewer").hasDueDate(Date.from(DUE));

		complete(task(instance), Map.of("reviewAction", "OPINION", "reviewOutcome", "APPROVED"));

		assertThat(instance).hasPassedInOrder("serviceTask_openReview", "userTask_checkMaterials", "serviceTask_startRound",
				"serviceTask_generateSubmission", "userTask_reviewDecision", "serviceTask_generateOpinion",
				"serviceTask_recordOpinion", "serviceTask_concludePassed", "endEvent_passed").isEnded();
		assertThat(calls()).containsExactly("openLegalReview", "legalReviewTaskChecks:complete:userTask_checkMaterials",
				"startReviewRound", "generateDocument", "legalReviewTaskChecks:complete:userTask_reviewDecision",
				"generateDocument", "recordReviewOpinion", "concludeLegalReview");
		assertThat(conclusions).singleElement().satisfies(given -> assertThat(given).containsEntry("result", "PASSED"));
	}

	/** Started from Tasklist's start form (no handler field): whoever starts the review is its handler. */
	@Test
	void whoeverStartsTheReviewIsItsHandler() {
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "handlerId")).isEqualTo("officer1");
	}

	@Test
	void theReviewerMayExtendTheReviewPeriodAndThenGivesTheOpinion() {
		materialsComplete();

		Instant extended = DUE.plus(3, ChronoUnit.DAYS);
		delegate("extendReview", Map.of("reviewDueAt", Date.from(extended)));

		complete(task(instance), Map.of("reviewAction", "EXTEND"));
		assertThat(instance).hasPassed("serviceTask_extendReview").hasNotPassed("serviceTask_generateOpinion")
			.isWaitingAt("userTask_reviewDecision");
		// the task and both timers move to the extended deadline (was LegalReviewProcessTests.extensionOncePerRound…)
		assertThat(task(instance)).hasDueDate(Date.from(extended));
		assertThat(job("timerEvent_reviewBreach", instance)).hasDueDate(Date.from(extended));
		assertThat(job("timerEvent_reviewWarning", instance)).hasDueDate(Date.from(extended.minus(1, ChronoUnit.DAYS)));
		complete(task(instance), Map.of("reviewAction", "OPINION", "reviewOutcome", "APPROVED"));

		assertThat(instance).hasPassed("endEvent_passed").isEnded();
		assertThat(calls()).containsSubsequence("extendReview", "legalReviewTaskChecks:complete:userTask_reviewDecision",
				"generateDocument", "recordReviewOpinion");
	}

	@Test
	void oneWorkingDayBeforeTheReviewPeriodEndsTheReviewerIsRemindedAndAtItsEndSupervised() {
		materialsComplete();

		assertThat(job("timerEvent_reviewWarning", instance)).hasDueDate(Date.from(DUE.minus(1, ChronoUnit.DAYS)));
		assertThat(job("timerEvent_reviewBreach", instance)).hasDueDate(Date.from(DUE));
		execute(job("timerEvent_reviewWarning", instance));
		execute(job("timerEvent_reviewBreach", instance));

		assertThat(instance).hasPassed("serviceTask_warnReviewer", "endEvent_reviewerWarned", "serviceTask_escalateBreach",
				"endEvent_breachEscalated").isWaitingAt("userTask_reviewDecision");
		assertThat(calls()).endsWith("slaWarning", "slaBreach");
		// the reviewers are reminded; at the end the head and the supervisors are told too (the task's own groups by
		// SlaService; was LegalReviewProcessTests.warningOneWorkingDayBeforeAndBreach…)
		assertThat(warnings).singleElement().satisfies(given -> assertThat(given).containsEntry("notifyGroups", "LIAOKUO-reviewer"));
		assertThat(breaches).singleElement()
			.satisfies(given -> assertThat(given).containsEntry("notifyGroups", "LIAOKUO-head,supervisor"));
	}

	@Test
	void aSuspectedCrimeEndsTheReviewForTransfer() {
		opinion("SUSPECTED_CRIME");

		assertThat(instance).hasPassedInOrder("serviceTask_recordOpinion", "serviceTask_concludeSuspectedCrime",
				"endEvent_suspectedCrime").hasNotPassed("serviceTask_concludePassed").isEnded();
		assertThat(conclusions).singleElement().satisfies(given -> assertThat(given).containsEntry("result", "SUSPECTED_CRIME"));
	}

	@Test
	void aDecisionNeedingCorrectionIsRevisedAndResubmittedForANewRound() {
		opinion("NEEDS_CORRECTION");

		assertThat(task(instance)).hasDefinitionKey("userTask_reviseDecision").isAssignedTo("officer1");
		complete(task(instance), Map.of("revisionAction", "RESUBMIT"));

		assertThat(instance).hasPassedInOrder("userTask_reviseDecision", "serviceTask_startRound")
			.isWaitingAt("userTask_reviewDecision");
		complete(task(instance), Map.of("reviewAction", "OPINION", "reviewOutcome", "APPROVED"));
		assertThat(instance).hasPassed("endEvent_passed").isEnded();
	}

	@Test
	void aCorrectionContestedAndThenAcceptedGoesBackToRevision() {
		opinion("NEEDS_CORRECTION");
		complete(task(instance), Map.of("revisionAction", "CONTEST"));

		assertThat(task(instance)).hasDefinitionKey("userTask_respondToOpinion").isAssignedTo("officer1");
		complete(task(instance), Map.of("handlerResponse", "ACCEPT"));

		assertThat(instance).hasNotPassed("callActivity_disagreement").isWaitingAt("userTask_reviseDecision");
	}

	@Test
	void aRejectionTheHandlerAcceptsEndsTheReviewNotPassed() {
		opinion("REJECTED");

		assertThat(task(instance)).hasDefinitionKey("userTask_respondToOpinion");
		complete(task(instance), Map.of("handlerResponse", "ACCEPT"));

		assertThat(instance).hasPassedInOrder("userTask_respondToOpinion", "serviceTask_concludeNotPassed", "endEvent_notPassed")
			.hasNotPassed("userTask_reviseDecision").isEnded();
	}

	ProcessInstance disagreement(String outcome) {
		complete(task(instance), Map.of("handlerResponse", "DISAGREE", "disagreementReasons", "事实认定无误"));
		assertThat(instance).isWaitingAt("callActivity_disagreement");
		ProcessInstance called = calledProcessInstance("review-disagreement", instance);
		assertThat(called).variables().containsEntry("caseId", "case-1").containsEntry("handlerId", "officer1")
			.containsEntry("disagreementReasons", "事实认定无误");
		complete(task(called), Map.of("disagreementOutcome", outcome));
		return called;
	}

	/**
	 * The review office revising its opinion in the negotiation issues a new written opinion (ADR-0070): a new round
	 * with its submission form and its own opinion document, which then passes the review — no pass without one.
	 */
	@Test
	void aRejectionTheReviewerRevisesInTheDisagreementIsReviewedAgainInANewRound() {
		opinion("REJECTED");

		disagreement("REVIEW_REVISED");

		assertThat(instance).hasPassedInOrder("callActivity_disagreement", "serviceTask_startRound",
			"serviceTask_generateSubmission").hasNotPassed("serviceTask_concludePassed").isWaitingAt("userTask_reviewDecision");
		assertThat(calls()).filteredOn("startReviewRound"::equals).hasSize(2);
		complete(task(instance), Map.of("reviewAction", "OPINION", "reviewOutcome", "APPROVED"));
		assertThat(instance).hasPassedInOrder("serviceTask_generateOpinion", "serviceTask_recordOpinion",
				"serviceTask_concludePassed", "endEvent_passed").isEnded();
		assertThat(conclusions).singleElement().satisfies(given -> assertThat(given).containsEntry("result", "PASSED"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "HEAD_ADOPT_HANDLER", "HEAD_OTHER" })
	void aDisagreementTheHeadRulesOtherwiseThanTheReviewEndsAsHeadRuled(String outcome) {
		opinion("REJECTED");

		disagreement(outcome);

		assertThat(instance).hasPassedInOrder("callActivity_disagreement", "serviceTask_concludeHeadRuled", "endEvent_headRuled")
			.hasNotPassed("serviceTask_concludePassed", "serviceTask_concludeNotPassed").isEnded();
		assertThat(conclusions).singleElement().satisfies(given -> assertThat(given).containsEntry("result", "NOT_PASSED"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "AGREED_WITH_REVIEW", "HEAD_ADOPT_REVIEW" })
	void aRejectionUpheldInTheDisagreementEndsTheReviewNotPassed(String outcome) {
		opinion("REJECTED");

		disagreement(outcome);

		assertThat(instance).hasPassedInOrder("callActivity_disagreement", "serviceTask_concludeNotPassed", "endEvent_notPassed")
			.isEnded();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "AGREED_WITH_REVIEW", "HEAD_ADOPT_REVIEW" })
	void aCorrectionUpheldInTheDisagreementGoesBackToRevision(String outcome) {
		opinion("NEEDS_CORRECTION");
		complete(task(instance), Map.of("revisionAction", "CONTEST"));

		disagreement(outcome);

		assertThat(instance).hasPassed("callActivity_disagreement").hasNotPassed("serviceTask_concludeNotPassed")
			.isWaitingAt("userTask_reviseDecision");
	}
}

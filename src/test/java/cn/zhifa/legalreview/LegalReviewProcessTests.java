package cn.zhifa.legalreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;



import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.document.DocumentService;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.sla.Notification;
import cn.zhifa.sla.SlaService;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code legal-review} (and {@code review-disagreement}), one scenario per path, on the
 * running application: real engine, database, calendar, document service, and real authorization
 * checks (each task is completed as the demo user who would do it in Tasklist). Time moves with
 * the engine clock (R-REV-3: 5 + 3 working days).
 */
@ZhifaIntegrationTest
class LegalReviewProcessTests extends EngineTestSupport {

	/** Monday 28 Sep 2026, 10:00 Beijing time: the 5 working days cross National Day. */
	static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-28T10:00:00+08:00");

	@Autowired
	LegalReviewService reviews;
	@Autowired
	DocumentService documents;
	@Autowired
	SlaService sla;
	@Autowired
	OfficerRepository officers;

	String caseId;

	@BeforeEach
	void newCase() {
		caseId = "寥街罚〔2026〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
	}

	@Test
	void approvedInFirstRound() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		// the materials check is inside the 5 working days from receipt (R-REV-3, issue 16 point 4)
		assertThat(openTask(pi, "userTask_checkMaterials").getDueDate()).isEqualTo(moment("2026-10-10T23:59:59+08:00"));
		clockAt(moment("2026-09-30T10:00:00+08:00"));
		acceptMaterials(pi);
		Task review = openTask(pi, "userTask_reviewDecision");
		// from receipt on 28 Sep, not from the acceptance on 30 Sep:
		// 29, 30 Sep, (1–7 Oct holiday), 8, 9, 10 Oct (adjusted Saturday) = 5 working days
		assertThat(review.getDueDate()).isEqualTo(moment("2026-10-10T23:59:59+08:00"));
		assertThat(review.getTenantId()).isEqualTo("LIAOKUO");

		decide(pi, "reviewer1", "APPROVED", null);

		assertThat(pi).isEnded().hasPassedInOrder("userTask_checkMaterials", "serviceTask_startRound",
				"serviceTask_generateSubmission", "userTask_reviewDecision", "serviceTask_generateOpinion",
				"serviceTask_recordOpinion", "serviceTask_concludePassed", "endEvent_passed");
		assertThat(pi).variables().containsEntry("legalReviewResult", "PASSED");
		String opinionDoc = (String) variableOf(pi, "legalReviewOpinionDocId");
		assertThat(documents.find(opinionDoc)).isPresent();
		assertThat(documents.find((String) variableOf(pi, "reviewSubmissionDocId"))).isPresent();
		List<ReviewRound> rounds = reviews.roundsOf(pi.getId());
		assertThat(rounds).singleElement().satisfies(r -> {
			assertThat(r.getOutcome()).isEqualTo("APPROVED");
			assertThat(r.getReviewerId()).isEqualTo("reviewer1");
			assertThat(r.getDecidedOnTime()).isTrue();
			assertThat(r.getChecklist()).contains("\"checkEvidence\":true");
		});
	}

	@Test
	void incompleteMaterialsAreReturnedAndTheClockStartsAgainWhenTheSupplementArrives() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		Task check = openTask(pi, "userTask_checkMaterials");
		as("reviewer1");
		assertThatThrownBy(() -> engine.getTaskService().complete(check.getId(), Map.of("materialsComplete", false)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("missingMaterials");
		engine.getTaskService().complete(check.getId(), Map.of("materialsComplete", false, "missingMaterials", "听证笔录"));

		assertThat(openTask(pi, "userTask_supplementMaterials").getAssignee()).isEqualTo("officer1");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();

		clockAt(moment("2026-10-09T09:00:00+08:00"));
		as("officer1");
		engine.getTaskService().complete(openTask(pi, "userTask_supplementMaterials").getId(),
				Map.of("supplementedMaterials", "听证笔录(2026-10-08)"));
		// the complete materials are received on 9 Oct: 10 (adjusted Sat), 12, 13, 14, 15 Oct — checking is inside
		assertThat(openTask(pi, "userTask_checkMaterials").getDueDate()).isEqualTo(moment("2026-10-15T23:59:59+08:00"));
		clockAt(moment("2026-10-12T09:00:00+08:00"));
		acceptMaterials(pi);
		assertThat(openTask(pi, "userTask_reviewDecision").getDueDate()).isEqualTo(moment("2026-10-15T23:59:59+08:00"));
	}

	@Test
	void needsCorrectionThenResubmittedStartsANewRoundWithANewClock() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		decide(pi, "reviewer1", "NEEDS_CORRECTION", "罚款数额超出裁量基准，请说明理由或调整");
		assertThat(openTask(pi, "userTask_reviseDecision").getAssignee()).isEqualTo("officer1");
		// the handler reads the conclusion and the reviewer by name, not REJECTED / reviewer1
		assertThat(engine.getTaskService().getVariablesLocal(openTask(pi, "userTask_reviseDecision").getId()))
			.containsEntry("reviewOutcomeLabel", "需补正、纠正").containsEntry("reviewerName", "刘洋")
			.containsEntry("handlerName", "李明").containsEntry("decisionTypeLabel", "行政处罚");

		clockAt(moment("2026-10-12T15:00:00+08:00"));
		as("officer1");
		assertThatThrownBy(() -> engine.getTaskService().complete(openTask(pi, "userTask_reviseDecision").getId(),
				Map.of("revisionAction", "RESUBMIT"))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("revisionNotes");
		engine.getTaskService().complete(openTask(pi, "userTask_reviseDecision").getId(),
				Map.of("revisionAction", "RESUBMIT", "revisionNotes", "已按裁量基准调整罚款数额"));

		Task second = openTask(pi, "userTask_reviewDecision");
		assertThat(engine.getRuntimeService().getVariable(pi.getId(), "reviewRound")).isEqualTo(2);
		// on re-review the reviewer sees what was corrected and what they asked for
		assertThat(engine.getTaskService().getVariables(second.getId()))
			.containsEntry("revisionNotes", "已按裁量基准调整罚款数额")
			.containsEntry("previousReviewOpinion", "罚款数额超出裁量基准，请说明理由或调整")
			.doesNotContainKey("reviewOpinion");
		assertThat(second.getDueDate()).isEqualTo(moment("2026-10-19T23:59:59+08:00"));
		decide(pi, "reviewer1", "APPROVED", null);

		assertThat(pi).isEnded().hasPassed("endEvent_passed");
		assertThat(reviews.roundsOf(pi.getId())).extracting(ReviewRound::getOutcome)
			.containsExactly("NEEDS_CORRECTION", "APPROVED");
		assertThat(reviews.roundsOf(pi.getId()).get(0).getOpinion()).contains("裁量基准");
	}

	@ParameterizedTest(name = "head rules {0} → {1}")
	@CsvSource({ "ADOPT_HANDLER, endEvent_headRuled, true", "OTHER, endEvent_headRuled, true",
			"ADOPT_REVIEW, endEvent_notPassed, false" })
	void rejectedDisagreementNegotiationFailsHeadRules(String ruling, String end, boolean overrides) {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		decide(pi, "reviewer1", "REJECTED", "事实不清，证据不足");
		disagree(pi);

		ProcessInstance dispute = engine.getRuntimeService().createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId()).singleResult();
		assertThat(dispute).isWaitingAt("userTask_negotiateOpinion");
		as("reviewer1");
		engine.getTaskService().complete(openTask(dispute, "userTask_negotiateOpinion").getId(),
				Map.of("negotiationResult", "NO_AGREEMENT", "negotiationNotes", "双方各执己见"));

		Task head = openTask(dispute, "userTask_headRuling");
		assertThat(engine.getTaskService().getIdentityLinksForTask(head.getId()))
			.anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("LIAOKUO-head"));
		as("head1");
		assertThatThrownBy(() -> engine.getTaskService().complete(head.getId(), Map.of("headRuling", ruling)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("headRulingReasons");
		engine.getTaskService().complete(head.getId(), Map.of("headRuling", ruling, "headRulingReasons", "经研究决定"));

		assertThat(pi).isEnded().hasPassed("callActivity_disagreement", end);
		assertThat(pi).variables().containsEntry("legalReviewResult", "NOT_PASSED").containsEntry("headRuling", ruling);
		assertThat(reviews.disagreementsOf(pi.getId())).singleElement().satisfies(d -> {
			assertThat(d.getHeadId()).isEqualTo("head1");
			assertThat(d.getHeadOverridesReview()).isEqualTo(overrides);
			assertThat(d.getHandlerReasons()).isEqualTo("当事人系初次违法且已改正");
			assertThat(d.getReviewOpinion()).isEqualTo("事实不清，证据不足");
		});
	}

	@Test
	void stalledNegotiationGoesToTheHeadWhenItsTimerFires() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		decide(pi, "reviewer1", "REJECTED", "事实不清");
		disagree(pi);
		ProcessInstance dispute = engine.getRuntimeService().createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId()).singleResult();
		Job timer = engine.getManagementService().createJobQuery().processInstanceId(dispute.getId()).timers().singleResult();
		// raised Mon 28 Sep: 29, 30 Sep, 8 Oct = 3 working days
		assertThat(timer.getDuedate()).isEqualTo(moment("2026-10-08T23:59:59+08:00"));

		clockAt(moment("2026-10-09T00:00:00+08:00"));
		assertThat(executeDueJobs(dispute.getId())).isEqualTo(1);
		assertThat(dispute).isWaitingAt("userTask_headRuling");
		assertThat(dispute).hasPassed("serviceTask_negotiationStalled");
	}

	@Test
	void suspectedCrimeEndsTheReviewForTransfer() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		decide(pi, "reviewer1", "SUSPECTED_CRIME", "涉案金额巨大，涉嫌生产销售伪劣产品罪，应移送公安机关");
		assertThat(pi).isEnded().hasPassed("endEvent_suspectedCrime");
		assertThat(pi).variables().containsEntry("legalReviewResult", "SUSPECTED_CRIME");
	}

	@Test
	void extensionOncePerRoundAddsThreeWorkingDaysAndMovesTheTimers() {
		clockAt(moment("2026-02-12T10:00:00+08:00"));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		// 13 Feb, 14 Feb (adjusted Sat), (15–23 Feb Spring Festival), 24, 25, 26 Feb
		assertThat(openTask(pi, "userTask_reviewDecision").getDueDate()).isEqualTo(moment("2026-02-26T23:59:59+08:00"));

		as("reviewer1");
		Task review = openTask(pi, "userTask_reviewDecision");
		assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of("reviewAction", "EXTEND")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("extensionReason");
		engine.getTaskService().complete(review.getId(),
				Map.of("reviewAction", "EXTEND", "extensionReason", "涉及多个法律关系，需征求有关部门意见"));

		Task extended = openTask(pi, "userTask_reviewDecision");
		// + 27 Feb, 28 Feb (adjusted Sat), 2 Mar
		assertThat(extended.getDueDate()).isEqualTo(moment("2026-03-02T23:59:59+08:00"));
		assertThat(timerDue(pi, "timerEvent_reviewBreach")).isEqualTo(moment("2026-03-02T23:59:59+08:00"));
		assertThat(timerDue(pi, "timerEvent_reviewWarning")).isEqualTo(moment("2026-02-28T00:00:00+08:00"));
		assertThatThrownBy(() -> engine.getTaskService().complete(extended.getId(),
				Map.of("reviewAction", "EXTEND", "extensionReason", "再次延长"))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("已延长过");
		assertThat(reviews.roundsOf(pi.getId())).singleElement().satisfies(r -> {
			assertThat(r.isExtended()).isTrue();
			assertThat(r.getExtensionReason()).contains("多个法律关系");
		});
	}

	@Test
	void warningOneWorkingDayBeforeAndBreachAtTheDueDateNeverCompleteTheTask() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		assertThat(timerDue(pi, "timerEvent_reviewWarning")).isEqualTo(moment("2026-10-09T00:00:00+08:00"));

		clockAt(moment("2026-10-09T08:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(openTask(pi, "userTask_reviewDecision").getPriority()).isEqualTo(80);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.containsExactly("LIAOKUO-reviewer");

		clockAt(moment("2026-10-11T00:00:01+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).isWaitingAt("userTask_reviewDecision").hasPassed("serviceTask_escalateBreach");
		assertThat(openTask(pi, "userTask_reviewDecision").getPriority()).isEqualTo(100);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.containsExactly("LIAOKUO-reviewer", "LIAOKUO-head", "supervisor");

		decide(pi, "reviewer1", "APPROVED", null);
		assertThat(reviews.roundsOf(pi.getId())).singleElement()
			.satisfies(r -> assertThat(r.getDecidedOnTime()).isFalse());
	}

	/**
	 * R-REV-9 (《行政处罚法》第五十八条第二款): a first-time reviewer needs 法律职业资格. Refused when claiming or
	 * completing a review step, in Chinese; a reviewer who was already reviewing before 2021-07-15 may go on.
	 */
	@Test
	void firstTimeReviewerNeedsTheLegalProfessionalQualification() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		String newcomer = reviewer("new", null, LocalDate.of(2026, 9, 1));
		ProcessInstance pi = start();
		Task check = openTask(pi, "userTask_checkMaterials");
		assertThatThrownBy(() -> engine.getTaskService().claim(check.getId(), newcomer))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格").hasMessageContaining("第五十八条第二款");
		acceptMaterials(pi);
		Task review = openTask(pi, "userTask_reviewDecision");
		assertThatThrownBy(() -> engine.getTaskService().claim(review.getId(), newcomer))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格");
		// not by completing it unclaimed either
		as(newcomer);
		assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), decision("APPROVED", null)))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格");
		engine.getIdentityService().clearAuthentication();
		assertThat(openTask(pi, "userTask_reviewDecision").getAssignee()).isNull();

		// reviewing since before the law took effect: may go on without the qualification
		decide(pi, reviewer("old", null, LocalDate.of(2019, 3, 1)), "APPROVED", null);
		assertThat(pi).isEnded().hasPassed("endEvent_passed");
		// and once the newcomer registers the qualification certificate, the newcomer may review
		Officer o = officers.findById(newcomer).orElseThrow();
		o.recordLegalReviewQualification("A20245303020099", LocalDate.of(2026, 9, 1));
		officers.save(o);
		caseId = caseId.replace("号", "A号");
		ProcessInstance next = start();
		acceptMaterials(next);
		decide(next, newcomer, "APPROVED", null);
		assertThat(next).isEnded().hasPassed("endEvent_passed");
	}

	/** R-REV-8: a public lawyer / legal adviser taking part is named, their opinion kept and its adoption recorded. */
	@Test
	void counselTakingPartAndWhetherTheirOpinionWasAdoptedAreRecorded() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start();
		acceptMaterials(pi);
		as("reviewer1");
		Task review = openTask(pi, "userTask_reviewDecision");
		engine.getTaskService().claim(review.getId(), "reviewer1");
		Map<String, Object> vars = decision("APPROVED", null);
		vars.put("counselKind", "LEGAL_ADVISER");
		assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("counselName");
		vars.put("counselName", "云南某律师事务所 赵律师");
		vars.put("counselOpinion", "建议将罚款降至基准下限");
		vars.put("counselAdoption", "NOT_ADOPTED");
		assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("counselNotAdoptedReason");
		vars.put("counselNotAdoptedReason", "当事人拒不改正，情节严重，不宜降至下限");
		engine.getTaskService().complete(review.getId(), vars);

		assertThat(reviews.roundsOf(pi.getId())).singleElement().satisfies(r -> {
			assertThat(r.getCounselKind()).isEqualTo("LEGAL_ADVISER");
			assertThat(r.getCounselName()).isEqualTo("云南某律师事务所 赵律师");
			assertThat(r.getCounselOpinion()).isEqualTo("建议将罚款降至基准下限");
			assertThat(r.getCounselAdoption()).isEqualTo("NOT_ADOPTED");
			assertThat(r.getCounselNotAdoptedReason()).startsWith("当事人拒不改正");
		});
	}

	/** A reviewer of LIAOKUO registered as staff with the given qualification; returns the user id. */
	private String reviewer(String prefix, String qualificationNo, LocalDate reviewingSince) {
		String id = prefix + UUID.randomUUID().toString().substring(0, 8);
		newUser(id, "x" + id, "LIAOKUO", "LIAOKUO-reviewer");
		Officer officer = new Officer(id, "LIAOKUO", "审核" + prefix, StaffRole.LEGAL_REVIEWER, "寥廓街道司法所");
		officer.recordLegalReviewQualification(qualificationNo, reviewingSince);
		officers.save(officer);
		return id;
	}

	@Test
	void theHandlerMayNotReviewTheirOwnCase() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		ProcessInstance pi = start(Map.of("handlerId", "reviewer1"));
		Task check = openTask(pi, "userTask_checkMaterials");
		assertThatThrownBy(() -> engine.getTaskService().setAssignee(check.getId(), "reviewer1"))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("回避");
	}

	/** Started from Tasklist's start form (no handler field): the person who starts the review is its handler. */
	@Test
	void whoeverStartsTheReviewIsItsHandler() {
		clockAt(at(BEFORE_NATIONAL_DAY));
		Map<String, Object> vars = startVariables();
		vars.remove("handlerId");
		as("officer2");
		ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseId, vars);
		assertThat(engine.getRuntimeService().getVariable(pi.getId(), "handlerId")).isEqualTo("officer2");
		acceptMaterials(pi);
		decide(pi, "reviewer1", "REJECTED", "证据不足");
		assertThat(openTask(pi, "userTask_respondToOpinion").getAssignee()).isEqualTo("officer2");
	}

	@Test
	void badStartInputNamesTheField() {
		Map<String, Object> vars = startVariables();
		vars.put("decisionType", "FINE");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseId, vars))
			.hasMessageContaining("decisionType");
		vars.put("decisionType", "PENALTY");
		vars.remove("caseId");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseId, vars))
			.hasMessageContaining("caseId");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
	}

	// --- steps as the users who take them ---

	private ProcessInstance start() {
		return start(Map.of());
	}

	private ProcessInstance start(Map<String, Object> overrides) {
		Map<String, Object> vars = startVariables();
		vars.putAll(overrides);
		return engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseId, vars);
	}

	private Map<String, Object> startVariables() {
		return Fixtures.legalReviewVariables(caseId);
	}

	private void acceptMaterials(ProcessInstance pi) {
		as("reviewer1");
		engine.getTaskService().complete(openTask(pi, "userTask_checkMaterials").getId(), Map.of("materialsComplete", true));
	}

	private static Map<String, Object> decision(String outcome, String opinion) {
		Map<String, Object> vars = new HashMap<>();
		Fixtures.REVIEW_CHECKS.forEach(c -> vars.put(c, true));
		vars.put("reviewAction", "DECIDE");
		vars.put("reviewOutcome", outcome);
		if (opinion != null) {
			vars.put("reviewOpinion", opinion);
		}
		return vars;
	}

	private void decide(ProcessInstance pi, String reviewer, String outcome, String opinion) {
		as(reviewer);
		Task task = openTask(pi, "userTask_reviewDecision");
		engine.getTaskService().claim(task.getId(), reviewer);
		engine.getTaskService().complete(task.getId(), decision(outcome, opinion));
	}

	private void disagree(ProcessInstance pi) {
		as("officer1");
		engine.getTaskService().complete(openTask(pi, "userTask_respondToOpinion").getId(),
				Map.of("handlerResponse", "DISAGREE", "disagreementReasons", "当事人系初次违法且已改正",
						"disagreementBasis", "《行政处罚法》第三十三条"));
	}

	private static Date at(OffsetDateTime t) {
		return Date.from(t.toInstant());
	}
}

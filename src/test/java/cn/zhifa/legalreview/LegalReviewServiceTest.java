package cn.zhifa.legalreview;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.Deadlines;
import cn.zhifa.document.DocumentFixtures;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.Step;
import cn.zhifa.support.MovableClock;

/**
 * The rules of a legal review (法制审核, R-REV-1…9) and its disagreement as {@link LegalReviewService} takes them, on the
 * real calendar (5 + 3 working days across National Day and the Spring Festival), the rows held in memory: the clock
 * from the receipt of the materials and again from a supplement or a resubmission, the decision with its checklist,
 * opinion and counsel, the extension once per round, the rounds, the disagreement and the head's ruling, who may
 * check and decide (回避, 法律职业资格), the refusals naming the field (was {@code LegalReviewProcessTests}). The models'
 * paths: {@code LegalReviewPathsTest}, {@code ReviewDisagreementPathsTest}; the REST path and Tasklist's form:
 * {@code LegalReviewRestIT}; a major case through its legal review: {@code EnforcementCaseProcessTests}.
 */
class LegalReviewServiceTest {

	static final String PI = "pi-review";

	final MovableClock clock = new MovableClock("2026-09-28T10:00:00+08:00");
	final Deadlines deadlines = CalendarFixtures.deadlines();
	final Map<String, LegalReview> reviews = new HashMap<>();
	final List<ReviewRound> rounds = new ArrayList<>();
	final List<ReviewDisagreement> disagreements = new ArrayList<>();
	final Map<String, Officer> officers = new HashMap<>();
	final LegalReviewService service;
	final cn.zhifa.document.DisplayLabels labels;

	LegalReviewServiceTest() {
		LegalReviewRepository reviewRepository = mock(LegalReviewRepository.class);
		when(reviewRepository.existsById(anyString())).thenAnswer(i -> reviews.containsKey(i.<String>getArgument(0)));
		when(reviewRepository.findById(anyString())).thenAnswer(i -> Optional.ofNullable(reviews.get(i.<String>getArgument(0))));
		when(reviewRepository.save(any(LegalReview.class))).thenAnswer(i -> {
			LegalReview r = i.getArgument(0);
			reviews.put(r.getId(), r);
			return r;
		});
		ReviewRoundRepository roundRepository = mock(ReviewRoundRepository.class);
		when(roundRepository.findByReviewIdAndRoundNo(anyString(), anyInt())).thenAnswer(i -> rounds.stream()
			.filter(r -> r.getRoundNo() == i.<Integer>getArgument(1)).findFirst());
		when(roundRepository.save(any(ReviewRound.class))).thenAnswer(i -> {
			rounds.add(i.getArgument(0));
			return i.getArgument(0);
		});
		when(roundRepository.findByReviewIdOrderByRoundNo(anyString())).thenAnswer(i -> List.copyOf(rounds));
		ReviewDisagreementRepository disagreementRepository = mock(ReviewDisagreementRepository.class);
		when(disagreementRepository.findByProcessInstanceId(anyString())).thenAnswer(i -> disagreements.stream().findFirst());
		when(disagreementRepository.save(any(ReviewDisagreement.class))).thenAnswer(i -> {
			disagreements.add(i.getArgument(0));
			return i.getArgument(0);
		});
		cn.zhifa.organisation.AgencyRepository agencies = mock(cn.zhifa.organisation.AgencyRepository.class);
		when(agencies.existsById("LIAOKUO")).thenReturn(true);
		OfficerRepository officerRepository = mock(OfficerRepository.class);
		when(officerRepository.findById(anyString())).thenAnswer(i -> Optional.ofNullable(officers.get(i.<String>getArgument(0))));
		reviewer("reviewer1", "刘洋", "A20205303020001", LocalDate.of(2020, 9, 1));
		officers.put("officer1", new Officer("officer1", "LIAOKUO", "李明", StaffRole.OFFICER, "执法一中队"));
		service = new LegalReviewService(reviewRepository, roundRepository, disagreementRepository, agencies, deadlines,
				officerRepository, LocalDate.of(2021, 7, 15), clock);
		labels = DocumentFixtures.labels(officerRepository);
	}

	/** A legal reviewer of LIAOKUO with the qualification certificate {@code no} (null: none), reviewing since {@code since}. */
	Officer reviewer(String id, String name, String no, LocalDate since) {
		Officer o = new Officer(id, "LIAOKUO", name, StaffRole.LEGAL_REVIEWER, "寥廓街道司法所");
		o.recordLegalReviewQualification(no, since);
		officers.put(id, o);
		return o;
	}

	static Step as(String user) {
		return new Step(PI, "寥街罚〔2026〕T1号", "LIAOKUO", "activity", null, null, user, Set.of(), Set.of("LIAOKUO"));
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	static LegalReviewService.Request request(String caseId, String type) {
		return new LegalReviewService.Request(caseId, "LIAOKUO", type, "拟作出较大数额罚款，属于重大执法决定", "officer1",
				"处罚决定书（草稿）\n调查终结报告");
	}

	static Map<String, Object> checklist() {
		Map<String, Object> c = new LinkedHashMap<>();
		ReviewVariables.CHECKLIST.forEach(item -> c.put(item, true));
		return c;
	}

	static LegalReviewService.Counsel noCounsel() {
		return new LegalReviewService.Counsel("NONE", null, null, null, null);
	}

	/** A decision whose checklist fits its outcome (R-REV-4): a problem with the discretion, or a suspected crime. */
	static LegalReviewService.Decision decision(String outcome, String opinion) {
		return new LegalReviewService.Decision("DECIDE", false, null, outcome, checklistFor(outcome), opinion, noCounsel());
	}

	static Map<String, Object> checklistFor(String outcome) {
		Map<String, Object> c = checklist();
		switch (outcome) {
			case "NEEDS_CORRECTION", "REJECTED" -> c.put("checkDiscretion", false);
			case "SUSPECTED_CRIME" -> c.put("checkCrime", false);
			default -> {
			}
		}
		return c;
	}

	/** Opened on {@link #clock}, materials accepted, round 1 started: its deadline. */
	LegalReviewService.Round opened() {
		LegalReviewService.Opened opened = service.open(as("officer1"), request("寥街罚〔2026〕T1号", "PENALTY"));
		service.checkMaterials(as("reviewer1"), null, "LIAOKUO", "officer1", true, null);
		return service.startRound(as("reviewer1"), opened.reviewId(), 0, opened.received().at(), null);
	}

	void decide(int round, String reviewer, String outcome, String opinion) {
		service.checkDecision(as(reviewer), null, "LIAOKUO", "officer1", decision(outcome, opinion));
		service.recordOpinion(as(reviewer), new LegalReviewService.Opinion(PI, round, reviewer, checklistFor(outcome), opinion, outcome,
				rounds.get(round - 1).getMaterialsReceivedAt() == null ? null
						: Date.from(rounds.get(round - 1).getMaterialsReceivedAt()),
				"doc-" + round, noCounsel()));
	}


	static final String OPINION = "执法主体、人员适格，程序合法；现场检查笔录、询问笔录和照片证明当事人占道经营的事实，"
			+ "适用《城市市容和环境卫生管理条例》第三十六条准确，罚款数额在裁量基准幅度内。同意作出该决定。";

	/** Received Mon 28 Sep: 29, 30 Sep, (1–7 Oct), 8, 9, 10 Oct (adjusted Saturday) — checking is inside the 5 days. */
	@Test
	void approvedInTheFirstRoundWithinFiveWorkingDaysFromTheReceipt() {
		LegalReviewService.Opened opened = service.open(as("officer1"), request("寥街罚〔2026〕T1号", "PENALTY"));
		assertThat(opened.received().due().at()).isEqualTo(moment("2026-10-10T23:59:59+08:00"));
		assertThat(opened.materials()).containsExactly("处罚决定书（草稿）", "调查终结报告");

		// accepted on 30 Sep: the round counts from the receipt on 28 Sep, not from the acceptance
		clock.at("2026-09-30T10:00:00+08:00");
		service.checkMaterials(as("reviewer1"), null, "LIAOKUO", "officer1", true, null);
		LegalReviewService.Round round = service.startRound(as("reviewer1"), PI, 0, opened.received().at(), null);
		assertThat(round.number()).isEqualTo(1);
		assertThat(round.due().at()).isEqualTo(moment("2026-10-10T23:59:59+08:00"));

		// seed 004: a specific written opinion for every conclusion, 同意 included
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1", decision("APPROVED", " ")),
				"reviewOpinion", "具体的书面审核意见");
		assertThat(service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1", decision("APPROVED", OPINION)))
			.contains("reviewer1");
		decide(1, "reviewer1", "APPROVED", OPINION);
		service.conclude(as(null), PI, "PASSED", null, "doc-1");
		assertThat(service.roundsOf(PI)).hasSize(1);
		ReviewRound r = rounds.get(0);
		assertThat(r.getOutcome()).isEqualTo("APPROVED");
		assertThat(r.getReviewerId()).isEqualTo("reviewer1");
		assertThat(r.getDecidedOnTime()).isTrue();
		assertThat(r.getChecklist()).contains("\"checkEvidence\":true");
		assertThat(reviews.get(PI).getResult()).isEqualTo("PASSED");
	}

	@Test
	void incompleteMaterialsAreReturnedAndTheClockStartsAgainWhenTheSupplementArrives() {
		LegalReviewService.Opened opened = service.open(as("officer1"), request("寥街罚〔2026〕T1号", "PENALTY"));
		assertRefused(() -> service.checkMaterials(as("reviewer1"), null, "LIAOKUO", "officer1", false, null),
				"missingMaterials");
		service.checkMaterials(as("reviewer1"), null, "LIAOKUO", "officer1", false, "听证笔录");

		// the complete materials are received on 9 Oct: 10 (adjusted Sat), 12, 13, 14, 15 Oct — checking is inside
		clock.at("2026-10-09T09:00:00+08:00");
		LegalReviewService.Received received = service.materialsReceived(as("officer1"));
		assertThat(received.due().at()).isEqualTo(moment("2026-10-15T23:59:59+08:00"));
		clock.at("2026-10-12T09:00:00+08:00");
		assertThat(service.startRound(as("reviewer1"), opened.reviewId(), 0, received.at(), null).due().at())
			.isEqualTo(moment("2026-10-15T23:59:59+08:00"));
	}

	@Test
	void aCorrectionResubmittedStartsANewRoundWithANewClockAndThePreviousOpinion() {
		opened();
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				decision("NEEDS_CORRECTION", null)), "reviewOpinion");
		decide(1, "reviewer1", "NEEDS_CORRECTION", "罚款数额超出裁量基准，请说明理由或调整");

		clock.at("2026-10-12T15:00:00+08:00");
		assertRefused(() -> service.checkRevision(as("officer1"), null, "officer1", "RESUBMIT", null), "revisionNotes");
		service.checkRevision(as("officer1"), null, "officer1", "RESUBMIT", "已按裁量基准调整罚款数额");
		LegalReviewService.Round second = service.startRound(as(null), PI, 1, rounds.get(0).getMaterialsReceivedAt(),
				"罚款数额超出裁量基准，请说明理由或调整");
		assertThat(second.number()).isEqualTo(2);
		// on re-review the reviewer sees what they asked for; the 5 working days count from the resubmission
		assertThat(second.previousOpinion()).isEqualTo("罚款数额超出裁量基准，请说明理由或调整");
		assertThat(second.due().at()).isEqualTo(moment("2026-10-19T23:59:59+08:00"));
		decide(2, "reviewer1", "APPROVED", "同意。");

		assertThat(service.roundsOf(PI)).extracting(ReviewRound::getOutcome).containsExactly("NEEDS_CORRECTION", "APPROVED");
		assertThat(rounds.get(0).getOpinion()).contains("裁量基准");
	}

	/** On re-review the reviewer sees what was corrected and what they asked for, not the last round's decision. */
	@Test
	void aNewRoundShowsThePreviousOpinionAndClearsTheLastDecision() throws Exception {
		opened();
		decide(1, "reviewer1", "NEEDS_CORRECTION", "罚款数额超出裁量基准，请说明理由或调整");
		clock.at("2026-10-12T15:00:00+08:00");
		Map<String, Object> vars = new HashMap<>(Map.of("legalReviewId", PI, "reviewRound", 1, "reviewOpinion",
				"罚款数额超出裁量基准，请说明理由或调整", "reviewOutcome", "NEEDS_CORRECTION", "reviewerId", "reviewer1",
				"revisionNotes", "已按裁量基准调整罚款数额", "materialsReceivedAt", Date.from(rounds.get(0).getMaterialsReceivedAt())));
		new LegalReviewDelegates().startReviewRound(service).execute(execution(vars));

		assertThat(vars).containsEntry("reviewRound", 2).containsEntry("revisionNotes", "已按裁量基准调整罚款数额")
			.containsEntry("previousReviewOpinion", "罚款数额超出裁量基准，请说明理由或调整")
			.containsEntry("reviewDueAt", moment("2026-10-19T23:59:59+08:00"))
			.doesNotContainKeys("reviewOpinion", "reviewOutcome", "reviewerId");
	}

	/**
	 * A round after the review office revised its opinion in the negotiation (ADR-0070) shows the revision's reasons,
	 * not the handler's corrections of an earlier round; the negotiation's outcome is consumed.
	 */
	@Test
	void aRoundAfterARevisionShowsItsReasonsNotEarlierCorrections() throws Exception {
		opened();
		decide(1, "reviewer1", "REJECTED", "证据不足");
		Map<String, Object> vars = new HashMap<>(Map.of("legalReviewId", PI, "reviewRound", 1, "reviewOpinion", "证据不足",
				"reviewOutcome", "REJECTED", "revisionNotes", "前一轮的补正说明", "revisedOpinion", "原件已在卷，证据充分",
				"disagreementOutcome", "REVIEW_REVISED", "materialsReceivedAt", Date.from(rounds.get(0).getMaterialsReceivedAt())));
		new LegalReviewDelegates().startReviewRound(service).execute(execution(vars));

		assertThat(vars).containsEntry("reviewRound", 2).containsEntry("revisedOpinion", "原件已在卷，证据充分")
			.containsEntry("previousReviewOpinion", "证据不足")
			.doesNotContainKeys("revisionNotes", "disagreementOutcome", "reviewOpinion", "reviewOutcome");

		// the next round after a correction shows the correction, no longer the revision
		vars.put("revisionNotes", "已补充证据");
		vars.put("reviewOpinion", "需补正");
		new LegalReviewDelegates().startReviewRound(service).execute(execution(vars));
		assertThat(vars).containsEntry("reviewRound", 3).containsEntry("revisionNotes", "已补充证据")
			.doesNotContainKeys("revisedOpinion");
	}

	/** A mocked execution over {@code vars} (get, set, set all, remove). */
	@SuppressWarnings("unchecked")
	static org.camunda.bpm.engine.delegate.DelegateExecution execution(Map<String, Object> vars) {
		org.camunda.bpm.engine.delegate.DelegateExecution execution = mock(
				org.camunda.bpm.engine.delegate.DelegateExecution.class, RETURNS_DEEP_STUBS);
		when(execution.getProcessInstanceId()).thenReturn(PI);
		when(execution.getVariable(anyString())).thenAnswer(i -> vars.get(i.<String>getArgument(0)));
		doAnswer(i -> vars.put(i.getArgument(0), i.getArgument(1))).when(execution).setVariable(anyString(), any());
		doAnswer(i -> {
			vars.putAll(i.getArgument(0));
			return null;
		}).when(execution).setVariables(any(Map.class));
		doAnswer(i -> vars.remove(i.<String>getArgument(0))).when(execution).removeVariable(anyString());
		return execution;
	}

	/** The handler reads the conclusion and the reviewer by name on the revision form (FormDisplayLabels, labels.yml). */
	@Test
	void theRevisionFormShowsTheConclusionAndThePeopleByName() {
		Map<String, Object> variables = new HashMap<>(Map.of("reviewOutcome", "NEEDS_CORRECTION", "reviewerId", "reviewer1",
				"handlerId", "officer1", "decisionType", "PENALTY"));
		assertThat(labels.displayFields(variables)).containsEntry("reviewOutcomeLabel", "需补正、纠正")
			.containsEntry("reviewerName", "刘洋").containsEntry("handlerName", "李明")
			.containsEntry("decisionTypeLabel", "行政处罚");
	}

	@ParameterizedTest(name = "head rules {0}")
	@CsvSource({ "ADOPT_HANDLER, true", "OTHER, true", "ADOPT_REVIEW, false" })
	void aRejectionDisputedAndNotSettledIsRuledByTheHead(String ruling, boolean overrides) {
		opened();
		decide(1, "reviewer1", "REJECTED", "事实不清，证据不足");
		assertRefused(() -> service.checkResponse(as("officer1"), null, "officer1", "DISAGREE", null, "《行政处罚法》第三十三条"),
				"disagreementReasons");
		assertRefused(() -> service.checkResponse(as("officer1"), null, "officer1", "DISAGREE", "当事人系初次违法且已改正", null),
				"disagreementBasis");
		service.checkResponse(as("officer1"), null, "officer1", "DISAGREE", "当事人系初次违法且已改正", "《行政处罚法》第三十三条");
		service.openDisagreement(new Step("pi-dispute", null, "LIAOKUO", "start", null, null, "officer1", Set.of(), Set.of()),
				new LegalReviewService.Disagreement(PI, 1, "officer1", "当事人系初次违法且已改正", "《行政处罚法》第三十三条", "reviewer1",
						"事实不清，证据不足"));
		Step dispute = new Step("pi-dispute", null, "LIAOKUO", "activity", null, null, "reviewer1", Set.of(), Set.of());
		assertRefused(() -> service.checkNegotiation(dispute, null, "LIAOKUO", "officer1", "MAYBE", null, null),
				"negotiationResult");
		service.checkNegotiation(dispute, null, "LIAOKUO", "officer1", "NO_AGREEMENT", null, "双方各执己见");
		Step head = new Step("pi-dispute", null, "LIAOKUO", "activity", null, null, "head1", Set.of(), Set.of());
		assertRefused(() -> service.checkHeadRuling(head, null, ruling, null), "headRulingReasons");
		service.checkHeadRuling(head, null, ruling, "经研究决定");
		assertThat(service.closeDisagreement(head, "NO_AGREEMENT", ruling)).isEqualTo("HEAD_" + ruling);
		service.conclude(as(null), PI, "NOT_PASSED", ruling, "doc-1");

		assertThat(disagreements).singleElement().satisfies(d -> {
			assertThat(d.getHeadId()).isEqualTo("head1");
			assertThat(d.getHeadOverridesReview()).isEqualTo(overrides);
			assertThat(d.getHandlerReasons()).isEqualTo("当事人系初次违法且已改正");
			assertThat(d.getReviewOpinion()).isEqualTo("事实不清，证据不足");
		});
		// the stored review decides whether the major decision may be taken (R-REV-1, R-REV-6)
		assertThat(reviews.get(PI).getResult()).isEqualTo("NOT_PASSED");
		assertThat(reviews.get(PI).getHeadRuling()).isEqualTo(ruling);
	}

	/** The negotiation's 3 working days from Mon 28 Sep: 29, 30 Sep, 8 Oct (the model's stall timer). */
	@Test
	void aStalledNegotiationGoesToTheHeadAfterThreeWorkingDays() {
		assertThat(deadlines.limit("NEGOTIATION", moment("2026-09-28T10:00:00+08:00")))
			.isEqualTo(moment("2026-10-08T23:59:59+08:00"));
		opened();
		decide(1, "reviewer1", "REJECTED", "事实不清");
		service.openDisagreement(new Step("pi-dispute", null, "LIAOKUO", "start", null, null, "officer1", Set.of(), Set.of()),
				new LegalReviewService.Disagreement(PI, 1, "officer1", "理由", "依据", "reviewer1", "事实不清"));
		assertThat(service.negotiationStalled(new Step("pi-dispute", null, "LIAOKUO", "timer", null, null, null, Set.of(),
				Set.of()))).isEqualTo("NO_AGREEMENT");
		assertThat(disagreements.get(0).getNegotiationResult()).isEqualTo("NO_AGREEMENT");
	}

	/** 13 Feb, 14 Feb (adjusted Sat), (15–23 Feb Spring Festival), 24–26 Feb; extended: 27, 28 Feb (adjusted Sat), 2 Mar. */
	@Test
	void anExtensionOncePerRoundAddsThreeWorkingDaysAndNeedsItsReason() {
		clock.at("2026-02-12T10:00:00+08:00");
		LegalReviewService.Round round = opened();
		assertThat(round.due().at()).isEqualTo(moment("2026-02-26T23:59:59+08:00"));
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("EXTEND", false, null, null, Map.of(), null, noCounsel())), "extensionReason");
		assertThat(service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("EXTEND", false, "涉及多个法律关系，需征求有关部门意见", null, Map.of(), null, noCounsel())))
			.isEmpty();
		Date extended = service.extend(as("reviewer1"), PI, 1, round.receivedAt(), "涉及多个法律关系，需征求有关部门意见").at();
		assertThat(extended).isEqualTo(moment("2026-03-02T23:59:59+08:00"));
		// the model's warning timer one working day before: Sat 28 Feb is a working day
		assertThat(deadlines.workdaysBefore(extended, 1)).isEqualTo(moment("2026-02-28T00:00:00+08:00"));
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("EXTEND", true, "再次延长", null, Map.of(), null, noCounsel())), "reviewAction",
				"已延长过");
		assertThat(rounds).singleElement().satisfies(r -> {
			assertThat(r.isExtended()).isTrue();
			assertThat(r.getExtensionReason()).contains("多个法律关系");
		});
	}

	/** The warning one working day before (Fri 9 Oct, before the adjusted Saturday 10 Oct); a late decision is late. */
	@Test
	void aDecisionAfterTheDueDateIsRecordedLate() {
		LegalReviewService.Round round = opened();
		assertThat(deadlines.workdaysBefore(round.due().at(), 1)).isEqualTo(moment("2026-10-09T00:00:00+08:00"));
		clock.at("2026-10-11T00:00:01+08:00");
		decide(1, "reviewer1", "APPROVED", "同意。");
		assertThat(rounds.get(0).getDecidedOnTime()).isFalse();
	}

	/**
	 * R-REV-9 (《行政处罚法》第五十八条第二款): a first-time reviewer needs 法律职业资格 — refused on claiming (the task check on
	 * assignment) and on deciding; a reviewer already reviewing before 2021-07-15 may go on; registered, the newcomer may.
	 */
	@Test
	void aFirstTimeReviewerNeedsTheLegalProfessionalQualification() {
		Officer newcomer = reviewer("new1", "审核新人", null, LocalDate.of(2026, 9, 1));
		reviewer("old1", "审核老人", null, LocalDate.of(2019, 3, 1));
		LegalReviewTaskChecks checks = new LegalReviewTaskChecks(service, labels);
		assertThatThrownBy(() -> checks.notify(assigned("legal-review-check-materials", "new1")))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格").hasMessageContaining("第五十八条第二款");
		assertThatThrownBy(() -> checks.notify(assigned("legal-review-decision", "new1")))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格");
		assertThatThrownBy(() -> service.checkDecision(as("new1"), null, "LIAOKUO", "officer1", decision("APPROVED", null)))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格");
		assertThatCode(() -> checks.notify(assigned("legal-review-decision", "old1"))).doesNotThrowAnyException();
		// another agency's or an unregistered person is no reviewer here
		assertThatThrownBy(() -> service.checkRecusal("stranger", "LIAOKUO", "officer1")).isInstanceOf(AuthorizationException.class);

		newcomer.recordLegalReviewQualification("A20245303020099", LocalDate.of(2026, 9, 1));
		assertThatCode(() -> checks.notify(assigned("legal-review-decision", "new1"))).doesNotThrowAnyException();
	}

	/** 回避: the handler never takes the review of their own case. */
	@Test
	void theHandlerMayNotReviewTheirOwnCase() {
		assertThatThrownBy(() -> service.checkRecusal("reviewer1", "LIAOKUO", "reviewer1"))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("回避");
	}

	/**
	 * Seed 000 (dmn/legal-review-participation.dmn): where the agency's plan says a public lawyer or legal adviser
	 * shall take part, a conclusion without one is refused naming the field and the plan; an extension is not a
	 * conclusion and needs none.
	 */
	@Test
	void whereTheAgencysPlanMakesTheCounselsPartCompulsoryAConclusionWithoutItIsRefused() {
		opened();
		String basis = "《寥廓街道全面推行行政执法“三项制度”工作实施方案》四（一）";
		LegalReviewService.Counsel none = new LegalReviewService.Counsel("NONE", null, null, null, null, true, basis);
		assertThatThrownBy(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "APPROVED", checklist(), OPINION, none)))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				assertThat((Object) e.getDetail()).isEqualTo("counselKind");
				assertThat(e.getMessage()).contains("应当组织公职律师或者法律顾问参与", basis);
			});
		assertThat(service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("EXTEND", false, "案情复杂，需补充核实", null, checklist(), null, none))).isEmpty();
		LegalReviewService.Counsel adviser = new LegalReviewService.Counsel("LEGAL_ADVISER", "云南某律师事务所 赵律师",
				"同意审核意见", "ADOPTED", null, true, basis);
		assertThat(service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "APPROVED", checklist(), OPINION, adviser)))
			.contains("reviewer1");
	}

	/** R-REV-8: a public lawyer / legal adviser taking part is named, their opinion kept and its adoption recorded. */
	@Test
	void counselTakingPartAndWhetherTheirOpinionWasAdoptedAreRecorded() {
		opened();
		LegalReviewService.Counsel unnamed = new LegalReviewService.Counsel("LEGAL_ADVISER", null, null, null, null);
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "APPROVED", checklist(), OPINION, unnamed)), "counselName");
		LegalReviewService.Counsel noReason = new LegalReviewService.Counsel("LEGAL_ADVISER", "云南某律师事务所 赵律师",
				"建议将罚款降至基准下限", "NOT_ADOPTED", null);
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "APPROVED", checklist(), OPINION, noReason)),
				"counselNotAdoptedReason");
		LegalReviewService.Counsel counsel = new LegalReviewService.Counsel("LEGAL_ADVISER", "云南某律师事务所 赵律师",
				"建议将罚款降至基准下限", "NOT_ADOPTED", "当事人拒不改正，情节严重，不宜降至下限");
		service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "APPROVED", checklist(), OPINION, counsel));
		service.recordOpinion(as("reviewer1"), new LegalReviewService.Opinion(PI, 1, "reviewer1", checklist(), "同意。",
				"APPROVED", Date.from(rounds.get(0).getMaterialsReceivedAt()), "doc-1", counsel));
		assertThat(rounds).singleElement().satisfies(r -> {
			assertThat(r.getCounselKind()).isEqualTo("LEGAL_ADVISER");
			assertThat(r.getCounselName()).isEqualTo("云南某律师事务所 赵律师");
			assertThat(r.getCounselOpinion()).isEqualTo("建议将罚款降至基准下限");
			assertThat(r.getCounselAdoption()).isEqualTo("NOT_ADOPTED");
			assertThat(r.getCounselNotAdoptedReason()).startsWith("当事人拒不改正");
		});
	}

	/**
	 * R-REV-4: the conclusion follows the checklist — 同意 only with every point in order, 需补正纠正/不同意 only with the
	 * points found wanting unticked, a suspected crime concluded as one (行政处罚法 art. 27) and only then.
	 */
	@Test
	void theConclusionFollowsTheChecklist() {
		opened();
		Map<String, Object> wanting = checklist();
		wanting.put("checkEvidence", false);
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "APPROVED", wanting, OPINION, noCounsel())),
				"checkEvidence", "不能为“同意”");
		for (String outcome : List.of("NEEDS_CORRECTION", "REJECTED")) {
			assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
					new LegalReviewService.Decision("DECIDE", false, null, outcome, checklist(), "证据不足", noCounsel())),
					"checkCompetence", "指明问题所在");
			assertThat(service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
					new LegalReviewService.Decision("DECIDE", false, null, outcome, wanting, "证据不足", noCounsel()))).isPresent();
		}
		Map<String, Object> crime = checklist();
		crime.put("checkCrime", false);
		for (String outcome : List.of("APPROVED", "NEEDS_CORRECTION", "REJECTED")) {
			assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
					new LegalReviewService.Decision("DECIDE", false, null, outcome, crime, "涉嫌犯罪", noCounsel())),
					"reviewOutcome", "第二十七条");
		}
		assertRefused(() -> service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "SUSPECTED_CRIME", checklist(), "涉嫌犯罪", noCounsel())),
				"checkCrime");
		assertThat(service.checkDecision(as("reviewer1"), null, "LIAOKUO", "officer1",
				new LegalReviewService.Decision("DECIDE", false, null, "SUSPECTED_CRIME", crime, "涉嫌犯罪", noCounsel()))).isPresent();
	}

	/**
	 * R-REV-6: only a qualified legal reviewer records that the review office revises its opinion (kept with the
	 * disagreement; the new opinion is the next round's) — never the handler, whose objection it is; either side
	 * records that the handling unit accepts the review.
	 */
	@Test
	void onlyTheReviewOfficeRecordsThatItRevisesItsOpinion() {
		opened();
		decide(1, "reviewer1", "REJECTED", "事实不清，证据不足");
		service.openDisagreement(new Step("pi-dispute", null, "LIAOKUO", "start", null, null, "officer1", Set.of(), Set.of()),
				new LegalReviewService.Disagreement(PI, 1, "officer1", "理由", "依据", "reviewer1", "事实不清，证据不足"));
		Step handler = new Step("pi-dispute", null, "LIAOKUO", "activity", null, null, "officer1", Set.of(), Set.of());
		Step reviewer = new Step("pi-dispute", null, "LIAOKUO", "activity", null, null, "reviewer1", Set.of(), Set.of());
		assertRefused(() -> service.checkNegotiation(handler, null, "LIAOKUO", "officer1", "REVIEW_REVISED", "我方意见正确", null),
				"negotiationResult", "须由法制审核人员记录");
		Step newcomer = new Step("pi-dispute", null, "LIAOKUO", "activity", null, null, "new1", Set.of(), Set.of());
		reviewer("new1", "审核新人", null, LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> service.checkNegotiation(newcomer, null, "LIAOKUO", "officer1", "REVIEW_REVISED", "要点", null))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("法律职业资格");
		assertRefused(() -> service.checkNegotiation(reviewer, null, "LIAOKUO", "officer1", "REVIEW_REVISED", " ", null),
				"revisedOpinion");
		assertThat(disagreements.get(0).getNegotiationResult()).isNull();

		service.checkNegotiation(reviewer, null, "LIAOKUO", "officer1", "REVIEW_REVISED", "承办机构补充的现场照片证明了违法事实",
				"双方核对了补充证据");
		service.checkNegotiation(handler, null, "LIAOKUO", "officer1", "AGREED_WITH_REVIEW", null, "承办机构接受审核意见");
		assertThat(disagreements.get(0).getNegotiationResult()).isEqualTo("AGREED_WITH_REVIEW");
		assertThat(disagreements.get(0).getRevisedOpinion()).isNull();
		service.checkNegotiation(reviewer, null, "LIAOKUO", "officer1", "REVIEW_REVISED", "承办机构补充的现场照片证明了违法事实",
				"双方核对了补充证据");
		assertThat(disagreements).singleElement().satisfies(d -> {
			assertThat(d.getNegotiationResult()).isEqualTo("REVIEW_REVISED");
			assertThat(d.getRevisedOpinion()).startsWith("承办机构补充的现场照片");
			assertThat(d.getNegotiatedBy()).isEqualTo("reviewer1");
		});
		assertThat(service.closeDisagreement(reviewer, "REVIEW_REVISED", null)).isEqualTo("REVIEW_REVISED");
	}

	/** R-REV-8 in the 意见书: who took part, the opinion, its adoption and why not — or that nobody did. */
	@Test
	void theOpinionDocumentStatesTheCounselsPartAndItsAdoption() {
		assertThat(LegalReviewTaskChecks.counselStatement(noCounsel(), labels)).isEqualTo("本轮审核无公职律师、法律顾问参与。");
		assertThat(LegalReviewTaskChecks.counselStatement(new LegalReviewService.Counsel("LEGAL_ADVISER", "云南某律师事务所 赵律师",
				"建议将罚款降至基准下限", "NOT_ADOPTED", "当事人拒不改正，情节严重"), labels)).isEqualTo(
						"法律顾问云南某律师事务所 赵律师参与审核，意见：建议将罚款降至基准下限。审核人员未采纳其意见，理由：当事人拒不改正，情节严重。");
		assertThat(LegalReviewTaskChecks.counselStatement(new LegalReviewService.Counsel("PUBLIC_LAWYER", "李律师", "同意",
				"ADOPTED", null), labels)).endsWith("审核人员采纳其意见。");
	}

	@Test
	void badStartInputNamesTheField() {
		assertRefused(() -> service.open(as("officer1"), request("寥街罚〔2026〕T1号", "FINE")), "decisionType");
		assertRefused(() -> service.open(as("officer1"), request(null, "PENALTY")), "caseId");
		assertThat(reviews).isEmpty();
	}

	/** A task of form {@code form} assigned to {@code assignee} in the review (the task check's assignment event). */
	static DelegateTask assigned(String form, String assignee) {
		Map<String, Object> vars = Map.of("agencyCode", "LIAOKUO", "handlerId", "officer1");
		DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
		UserTask element = mock(UserTask.class);
		when(element.getCamundaFormRef()).thenReturn(form);
		when(task.getBpmnModelElementInstance()).thenReturn(element);
		when(task.getTaskDefinitionKey()).thenReturn("userTask_review");
		when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_ASSIGNMENT);
		when(task.getAssignee()).thenReturn(assignee);
		when(task.getVariable(anyString())).thenAnswer(call -> vars.get(call.<String>getArgument(0)));
		doAnswer(call -> null).when(task).setVariable(anyString(), any());
		return task;
	}
}

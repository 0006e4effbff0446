package cn.zhifa.officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.qualification.NotQualifiedException;
import cn.zhifa.qualification.QualificationService;
import cn.zhifa.qualification.Refusal;
import cn.zhifa.sla.DeadlineBoard;
import cn.zhifa.sla.Notification;
import cn.zhifa.support.ProcessScenarioSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code officer-annual-review} (执法证年审, R-QUAL-2), every path, driven by the engine clock: the yearly timer
 * starts this year's review for every certified person once; the legal office starts one in Tasklist; a pass needs the
 * year's training hours, a passed exam and no failed half-yearly evaluation; a failure suspends the officer, whom the
 * qualification guard then refuses and no longer offers, until a later review passes; a late decision is red on the
 * SLA board. Each test reviews a person of its own, so the demo officers stay valid for every other test.
 */
@ZhifaIntegrationTest
class OfficerAnnualReviewProcessTests extends ProcessScenarioSupport {

	@Autowired
	OfficerAnnualReviewService service;
	@Autowired
	OfficerRecords records;
	@Autowired
	OfficerRepository officers;
	@Autowired
	QualificationService qualifications;
	@Autowired
	Deadlines deadlines;
	@Autowired
	DeadlineBoard board;
	@Autowired
	JdbcTemplate jdbc;

	private final List<String> created = new java.util.ArrayList<>();

	/** The people made for a test are removed again: other tests count the agency's officers. */
	@org.junit.jupiter.api.AfterEach
	void removeCreatedOfficers() {
		created.forEach(officers::deleteById);
	}

	/** A certified officer of LIAOKUO for this test only. */
	private Officer newOfficer() {
		String id = "ar-" + UUID.randomUUID().toString().substring(0, 8);
		created.add(id);
		Officer o = new Officer(id, "LIAOKUO", "测试" + id.substring(3, 5), StaffRole.OFFICER, "执法三中队");
		o.addCertificate("5303T" + id, "云南省人民政府", LocalDate.of(2024, 1, 1), LocalDate.of(2029, 12, 31));
		return officers.save(o);
	}

	private ProcessInstance start(String user, String officer, Object year) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("reviewedOfficer", officer);
		vars.put("annualReviewYear", year);
		return startProcessAs(user, OfficerAnnualReviewService.PROCESS_KEY, vars);
	}

	private void decide(String user, ProcessInstance pi, String outcome, String opinion) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("annualReviewOutcome", outcome);
		if (opinion != null) {
			vars.put("annualReviewOpinion", opinion);
		}
		completeTaskAs(user, pi, "userTask_decide", vars);
	}

	private void meetTheCriteria(Officer o, int year) {
		records.recordTraining(o, LocalDate.of(year, 3, 10), "行政处罚法专题培训", "区司法局", new BigDecimal("24"), "reviewer1");
		records.recordTraining(o, LocalDate.of(year, 6, 18), "行政强制法与文书制作", "街道司法所", new BigDecimal("16.0"), "reviewer1");
		records.recordExam(o, LocalDate.of(year, 9, 1), year + "年度行政执法人员业务知识考试", new BigDecimal("86.5"), "reviewer1");
	}

	@Test
	void theYearlyTimerStartsThisYearsReviewForEveryCertifiedPersonOnce() {
		List<Job> timers = engine.getManagementService().createJobQuery()
			.processDefinitionKey(OfficerAnnualReviewService.SCHEDULE_KEY).timers().withoutTenantId().list();
		assertThat(timers).hasSize(1);
		LocalDateTime due = LocalDateTime.ofInstant(timers.get(0).getDuedate().toInstant(), ZoneId.systemDefault());
		assertThat(List.of(due.getMonthValue(), due.getDayOfMonth(), due.getHour(), due.getMinute())).containsExactly(11, 1, 1, 0);

		clockAt(Date.from(due.atZone(ZoneId.systemDefault()).toInstant().plusSeconds(60)));
		int year = records.today().getYear();
		engine.getManagementService().executeJob(timers.get(0).getId());
		try {
			for (String person : List.of("officer1", "officer2", "reviewer1", "head1", "officer4")) {
				ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
					.processDefinitionKey(OfficerAnnualReviewService.PROCESS_KEY)
					.processInstanceBusinessKey(OfficerAnnualReviewService.businessKey(person, year)).singleResult();
				assertThat(pi).as(person).isNotNull();
				assertThat(pi).isWaitingAt("userTask_decide").hasPassed("serviceTask_open");
				assertThat(service.find(person, year)).get().extracting(OfficerAnnualReviewService.Review::status)
					.isEqualTo(OfficerAnnualReviewService.OPEN);
			}
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(OfficerAnnualReviewService.PROCESS_KEY)
				.processInstanceBusinessKey(OfficerAnnualReviewService.businessKey("officer4", year)).singleResult().getTenantId())
				.isEqualTo("QLSCJ");
			// auxiliary staff, supervisors and an expired certificate take no review
			for (String person : List.of("aux1", "supervisor1", "officer3", "office1")) {
				assertThat(service.find(person, year)).as(person).isEmpty();
			}
			// the next year's timer is there; the same year again (a retried job, another node) starts nothing
			Job next = engine.getManagementService().createJobQuery().processDefinitionKey(OfficerAnnualReviewService.SCHEDULE_KEY)
				.timers().withoutTenantId().singleResult();
			assertThat(LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault())).isEqualTo(due.plusYears(1));
			assertThat(service.startAll(year)).isEmpty();
		}
		finally {
			// leave no open reviews (and no suspended demo officers) for the other tests sharing the database
			engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(OfficerAnnualReviewService.PROCESS_KEY).list()
				.stream().filter(p -> p.getBusinessKey() != null && p.getBusinessKey().startsWith("年审-" + year + "-"))
				.forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
			jdbc.update("DELETE FROM zf_officer_annual_review WHERE review_year = ?", year);
		}
	}

	@Test
	void aFailedReviewSuspendsTheOfficerWhoIsRefusedAndNotOfferedUntilALaterReviewPasses() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		Officer o = newOfficer();
		assertThat(qualifications.certifiedOfficers("LIAOKUO", qualifications.today())).extracting(Officer::getUserId)
			.contains(o.getUserId(), "officer1");
		ProcessInstance pi = start("reviewer1", o.getUserId(), 2026);
		assertThat(pi).isWaitingAt("userTask_decide");
		assertThat(pi.getBusinessKey()).isEqualTo("年审-2026-" + o.getUserId());
		Task task = openTask(pi, "userTask_decide");
		// 20 working days from Monday 2 November 2026
		assertThat(task.getDueDate()).isEqualTo(moment("2026-11-30T23:59:59+08:00"))
			.isEqualTo(deadlines.limit("OFFICER_ANNUAL_REVIEW", moment("2026-11-02T09:00:00+08:00")));
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("LIAOKUO-reviewer").count())
			.isEqualTo(1);
		assertThat((String) variableOf(pi, "annualReviewSummary")).contains("培训学时：0 学时（要求不少于 40 学时）", "不符合年审标准");
		assertThat(variableOf(pi, "annualReviewCriteriaMet")).isEqualTo(false);

		// nothing recorded: a pass is refused, naming the shortfalls; a failure needs its reason; only the legal office decides
		assertThatThrownBy(() -> decide("reviewer1", pi, "PASS", null)).hasMessageContaining("annualReviewOutcome")
			.hasMessageContaining("不符合年审标准").hasMessageContaining("培训学时不足").hasMessageContaining("业务知识考试");
		assertThatThrownBy(() -> decide("reviewer1", pi, "FAIL", null)).hasMessageContaining("annualReviewOpinion")
			.hasMessageContaining("须写明不合格的理由");
		assertThatThrownBy(() -> decide("reviewer1", pi, "MAYBE", null)).hasMessageContaining("annualReviewOutcome");
		assertThatThrownBy(() -> decide("officer1", pi, "FAIL", "不合格")).isInstanceOf(AuthorizationException.class);
		assertThat(pi).isWaitingAt("userTask_decide");

		clockAt(moment("2026-11-05T10:00:00+08:00"));
		decide("reviewer1", pi, "FAIL", "全年培训学时为零，未参加业务知识考试。");
		assertThat(pi).isEnded().hasPassed("serviceTask_suspend", "endEvent_suspended").hasNotPassed("serviceTask_pass");
		assertThat(service.find(o.getUserId(), 2026)).get().satisfies(r -> {
			assertThat(r.status()).isEqualTo(OfficerAnnualReviewService.FAILED);
			assertThat(r.decidedBy()).isEqualTo("reviewer1");
			assertThat(r.outcomeReason()).contains("全年培训学时为零");
		});

		// the guard refuses them with the reason, and they are no longer offered as an officer or hearing chair
		LocalDate day = qualifications.today();
		NotQualifiedException refused = qualifications.refusal(o.getUserId(), "LIAOKUO", day, "PENALTY").orElseThrow();
		assertThat(refused.getRefusal()).isEqualTo(Refusal.SUSPENDED);
		assertThat(refused.getMessage()).contains("执法资格自2026-11-05起暂停", "2026年度执法证年审不合格", "全年培训学时为零");
		assertThat(qualifications.certifiedOfficers("LIAOKUO", day)).extracting(Officer::getUserId).doesNotContain(o.getUserId())
			.contains("officer1", "officer2", "officer5");
		assertThat(qualifications.hearingChairs("LIAOKUO", day, List.of())).extracting(Officer::getUserId)
			.doesNotContain(o.getUserId());

		// a second review of the year, once the records are complete, passes and lifts the suspension
		clockAt(moment("2026-11-20T09:00:00+08:00"));
		meetTheCriteria(o, 2026);
		ProcessInstance again = start("reviewer1", o.getUserId(), 2026);
		assertThat((String) variableOf(again, "annualReviewSummary")).contains("培训学时：40 学时", "合格的业务知识考试：1 次",
				"结论：符合年审标准");
		decide("reviewer1", again, "PASS", null);
		assertThat(again).isEnded().hasPassed("serviceTask_pass", "endEvent_passed");
		assertThat(officers.findById(o.getUserId()).orElseThrow().getSuspendedSince()).isNull();
		assertThat(qualifications.isQualified(o.getUserId(), "LIAOKUO", qualifications.today())).isTrue();
		assertThat(service.find(o.getUserId(), 2026)).get().extracting(OfficerAnnualReviewService.Review::status)
			.isEqualTo(OfficerAnnualReviewService.PASSED);
		// a passed year is not reviewed again
		assertThatThrownBy(() -> start("reviewer1", o.getUserId(), 2026)).hasMessageContaining("annualReviewYear").hasMessageContaining("已合格");
	}

	@Test
	void theExamResultCountsTowardTheReview() {
		clockAt(moment("2026-11-09T09:00:00+08:00"));
		Officer o = newOfficer();
		records.recordTraining(o, LocalDate.of(2026, 4, 1), "综合行政执法业务培训", "区综合执法局", new BigDecimal("40"), "reviewer1");
		// an exam of last year does not count for this year
		records.recordExam(o, LocalDate.of(2025, 9, 1), "2025年度业务知识考试", new BigDecimal("90"), "reviewer1");
		ProcessInstance pi = start("reviewer1", o.getUserId(), 2026);
		assertThatThrownBy(() -> decide("reviewer1", pi, "PASS", null)).hasMessageContaining("未参加或未通过本年度业务知识考试");
		// a failed exam (below the pass mark of 60) does not count either
		records.recordExam(o, LocalDate.of(2026, 9, 1), "2026年度业务知识考试", new BigDecimal("55"), "reviewer1");
		assertThatThrownBy(() -> decide("reviewer1", pi, "PASS", null)).hasMessageContaining("合格0次");
		records.recordExam(o, LocalDate.of(2026, 10, 15), "2026年度业务知识考试（补考）", new BigDecimal("72"), "reviewer1");
		decide("reviewer1", pi, "PASS", "培训、考试合格。");
		assertThat(pi).isEnded().hasPassed("endEvent_passed");
		assertThat(service.find(o.getUserId(), 2026)).get().satisfies(r -> {
			assertThat(r.examPassed()).isTrue();
			assertThat(r.trainingHours()).isEqualByComparingTo("40");
		});
		assertThat(qualifications.isQualified(o.getUserId(), "LIAOKUO", qualifications.today())).isTrue();
	}

	@Test
	void aFailedHalfYearlyEvaluationStopsAPass() {
		clockAt(moment("2026-11-10T09:00:00+08:00"));
		Officer o = newOfficer();
		meetTheCriteria(o, 2026);
		records.recordEvaluation(o, "2026-H1", "PASS", null, "head1");
		ProcessInstance pi = start("head1", o.getUserId(), 2026);
		assertThat(variableOf(pi, "annualReviewCriteriaMet")).isEqualTo(true);
		// the evaluation is corrected to 不合格 while the review is open: checked again on completion
		records.recordEvaluation(o, "2026-H1", "FAIL", "上半年两次执法过错被通报。", "head1");
		assertThatThrownBy(() -> decide("reviewer1", pi, "PASS", null)).hasMessageContaining("半年度考核评议不合格")
			.hasMessageContaining("2026年上半年不合格");
		decide("reviewer1", pi, "FAIL", "上半年考核评议不合格。");
		assertThat(pi).hasPassed("endEvent_suspended");
		assertThat(qualifications.refusal(o.getUserId(), "LIAOKUO", qualifications.today())).get()
			.extracting(NotQualifiedException::getRefusal).isEqualTo(Refusal.SUSPENDED);
	}

	@Test
	void onlyTheLegalOfficeOrTheHeadStartsAReviewOfTheirOwnCertifiedStaff() {
		clockAt(moment("2026-11-11T09:00:00+08:00"));
		Officer o = newOfficer();
		assertThatThrownBy(() -> start("office1", o.getUserId(), 2026)).isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("法制审核人员");
		assertThatThrownBy(() -> start("reviewer1", "officer4", 2026)).hasMessageContaining("reviewedOfficer")
			.hasMessageContaining("不是本机关");
		assertThatThrownBy(() -> start("reviewer1", "aux1", 2026)).hasMessageContaining("不参加执法证年审");
		assertThatThrownBy(() -> start("reviewer1", o.getUserId(), 2027)).hasMessageContaining("annualReviewYear")
			.hasMessageContaining("2000年至今年");
		assertThatThrownBy(() -> start("reviewer1", " ", 2026)).hasMessageContaining("reviewedOfficer");
		ProcessInstance pi = start("reviewer1", o.getUserId(), "2026");
		assertThatThrownBy(() -> start("head1", o.getUserId(), 2026)).hasMessageContaining("正在进行");
		engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
		// nobody decides their own review
		ProcessInstance own = start("head1", "reviewer1", 2026);
		try {
			assertThatThrownBy(() -> decide("reviewer1", own, "PASS", null)).isInstanceOf(AuthorizationException.class)
				.hasMessageContaining("不得审核本人");
		}
		finally {
			engine.getRuntimeService().deleteProcessInstance(own.getId(), "test");
			jdbc.update("DELETE FROM zf_officer_annual_review WHERE user_id = 'reviewer1'");
		}
	}

	@Test
	void aLateDecisionIsRedOnTheBoardAndTheHeadAndSupervisorsAreNotified() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		Officer o = newOfficer();
		ProcessInstance pi = start("reviewer1", o.getUserId(), 2026);
		assertOneJobRunsAt(pi, "2026-11-30T22:00:00+08:00", "2026-12-01T08:00:00+08:00");
		assertThat(pi).hasPassed("serviceTask_recordBreach", "endEvent_breachRecorded").isWaitingAt("userTask_decide");
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup).contains("LIAOKUO-head", "supervisor");
		assertThat(board.deadlines(new DeadlineBoard.Filter(List.of("LIAOKUO"), OfficerAnnualReviewService.PROCESS_KEY,
				DeadlineBoard.State.RED, null), 0, 200).rows()).filteredOn(r -> r.processInstanceId().equals(pi.getId()))
			.extracting(DeadlineBoard.Row::stepId).contains("userTask_decide");
		meetTheCriteria(o, 2026);
		decide("reviewer1", pi, "PASS", null);
		assertThat(pi).isEnded().hasPassed("endEvent_passed");
	}
}

package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.suspension.PeriodSuspensions;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 16 §5: periods that by rule do not count toward the 90 days of 行政处罚法 art. 60 suspend it
 * (calendar/period-suspensions.yml). A hearing requested on Mon 21 Sep 2026 and held on Thu 8 Oct —
 * across the Mid-Autumn and National Day holidays — stops the period for 17 calendar days: the decision
 * due date and the breach and warning timers move by exactly 17 days; while it is stopped the timers
 * do not run; the suspension is on the case's record and in zf_period_suspension. Public notice service
 * of the prior notice stops it for the 30 days of the notice.
 */
@ZhifaIntegrationTest
class PeriodSuspensionProcessTests extends CaseProcessSupport {

	static final String EVIDENCE = "现场笔录：9月15日现场检查笔录1份\n视听资料：现场照片6张";

	@Autowired
	EnforcementCaseService cases;
	@Autowired
	RecordService records;
	@Autowired
	PeriodSuspensions suspensions;
	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate http;

	@Test
	void aHearingAcrossNationalDayMovesTheDecisionDueDateByTheSuspendedDays() {
		// filed Tue 15 Sep 2026: 90 days → Mon 14 Dec; warnings at 60 days (Sat 14 Nov → Mon 16 Nov) and 80 (Fri 4 Dec)
		clockAt(moment("2026-09-15T09:00:00+08:00"));
		ProcessInstance pi = toPriorNotice(register("2026-09-14"));
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2026-12-14T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").getDuedate()).isEqualTo(moment("2026-12-14T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").getDuedate()).isEqualTo(moment("2026-11-16T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionWarningSecond").getDuedate()).isEqualTo(moment("2026-12-04T23:59:59+08:00"));

		// Mon 21 Sep: the party asks for a hearing → 通知听证 starts: the period stops
		clockAt(moment("2026-09-21T10:00:00+08:00"));
		as("officer1");
		complete(pi, "userTask_recordPartyReply", Map.of("partyReply", "HEARING_REQUESTED", "partyStatement", "要求听证"));
		assertThat(pi).isWaitingAt("userTask_scheduleHearing");
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").isSuspended()).isTrue();
		String caseNo = pi.getBusinessKey();
		List<PeriodSuspensions.Suspension> open = suspensions.of(caseNo);
		assertThat(open).singleElement().satisfies(s -> {
			assertThat(s.eventKey()).isEqualTo("HEARING");
			assertThat(s.periodKey()).isEqualTo("PENALTY_DECISION");
			assertThat(s.reason()).startsWith("听证期间不计入办案期限（《行政处罚法》第六十条");
			assertThat(s.statuteBasis()).contains("第六十四条");
			assertThat(s.startedAt()).isEqualTo(moment("2026-09-21T10:00:00+08:00").toInstant());
			assertThat(s.endedAt()).isNull();
		});
		assertThat(entries(caseNo, "PERIOD_SUSPENDED")).singleElement()
			.satisfies(e -> assertThat(e.dataMap()).containsEntry("event", "HEARING").containsEntry("period", "PENALTY_DECISION"));

		// the hearing is notified at least 7 working days ahead (art. 64(2), 85): Thu 8 Oct, held that day
		complete(pi, "userTask_scheduleHearing", Map.of("hearingDate", "2026-10-08", "hearingPlace", "第一会议室",
				"hearingChair", "reviewer1"));
		clockAt(moment("2026-10-08T15:00:00+08:00"));
		as("officer1");
		complete(pi, "userTask_holdHearing", Map.of("hearingRecord", "当事人到场陈述申辩，听证笔录1份"));

		// 21 Sep → 8 Oct: 17 calendar days (holidays included) do not count
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(17);
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2026-12-31T23:59:59+08:00"));
		Job breach = timer(pi, "timerEvent_decisionBreach");
		assertThat(breach.isSuspended()).isFalse();
		assertThat(breach.getDuedate()).isEqualTo(moment("2026-12-31T23:59:59+08:00"));
		assertThat(breach.getDuedate().getTime() - moment("2026-12-14T23:59:59+08:00").getTime())
			.isEqualTo(17L * 24 * 3600 * 1000);
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").getDuedate()).isEqualTo(moment("2026-12-01T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionWarningSecond").getDuedate()).isEqualTo(moment("2026-12-21T23:59:59+08:00"));
		assertThat(suspensions.of(caseNo)).singleElement().satisfies(s -> {
			assertThat(s.endedAt()).isEqualTo(moment("2026-10-08T15:00:00+08:00").toInstant());
			assertThat(s.suspendedDays()).isEqualTo(17);
			assertThat(s.dueBefore()).isEqualTo(moment("2026-12-14T23:59:59+08:00").toInstant());
			assertThat(s.dueAfter()).isEqualTo(moment("2026-12-31T23:59:59+08:00").toInstant());
		});
		assertThat(entries(caseNo, "PERIOD_RESUMED")).singleElement().satisfies(e -> assertThat(e.dataMap())
			.containsEntry("suspendedDaysTotal", 17).containsEntry("dueAfter", "2026-12-31T15:59:59Z"));

		// the old due date passes without a breach; the new one fires it
		clockAt(moment("2026-12-15T10:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).hasNotPassed("serviceTask_decisionBreach");
		clockAt(moment("2027-01-01T10:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).hasPassed("serviceTask_decisionBreach");
	}

	@Test
	void publicNoticeServiceStopsThePeriodForTheThirtyDaysOfTheNotice() {
		clockAt(moment("2026-09-15T09:00:00+08:00"));
		ProcessInstance pi = instance(register("2026-09-14"));
		fileInvestigateConcludePropose(pi);
		// the party cannot be reached: the prior notice is served by public notice on Tue 15 Sep, served 30 days later
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "PUBLIC_NOTICE"));
		assertThat(pi).isWaitingAt("timerEvent_publicNoticePeriod");
		assertThat(var(pi, "priorNoticeServedAt")).isEqualTo(moment("2026-10-15T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(suspensions.of(pi.getBusinessKey())).singleElement()
			.satisfies(s -> assertThat(s.reason()).startsWith("公告期间不计入办案期限"));

		// the timer fires at the end of Thu 15 Oct, as the job executor would
		clockAt(Date.from(moment("2026-10-15T23:59:59+08:00").toInstant().plusMillis(500)));
		executeDueJobs(pi.getId());
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");
		// 15 Sep → 15 Oct: 30 days; 90 + 30 days from 15 Sep → Wed 13 Jan 2027
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(30);
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2027-01-13T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").getDuedate()).isEqualTo(moment("2027-01-13T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isFalse();
		// the hearing window counts from the day the notice is deemed served: 5 working days after 15 Oct
		Task reply = task(pi, "userTask_recordPartyReply");
		assertThat(reply.getDueDate()).isEqualTo(moment("2026-10-22T23:59:59+08:00"));
	}

	/** A suspected crime transferred to the police: the 90 days stop until the transfer comes back (case 中止). */
	@Test
	void aPendingCriminalTransferStopsThePeriodUntilItComesBack() {
		clockAt(moment("2026-09-15T09:00:00+08:00"));
		ProcessInstance pi = instance(cases.register(new NewCase("LIAOKUO", "COMPLAINT", false, "ORG", "某某食品有限公司",
				"91350100M000100Y43", "0874-1234567", false, "MR-EXPIRED-FOOD", "销售超过保质期的食品", LocalDate.of(2026, 9, 14),
				null, null, null, LocalDate.of(2026, 9, 14), false, "曲靖市麒麟区南宁北路8号"), "officer1"));
		fileAndInvestigate(pi, EVIDENCE, false);
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "销售过期食品", "violationConfirmed", true,
				"circumstance", "ORDINARY", "firstOffence", false, "correctedPromptly", false, "harmCaused", false,
				"suspectedCrime", true, "crimeSuspicion", "涉嫌销售不符合安全标准的食品罪"));
		assertThat(pi).isWaitingAt("callActivity_criminalTransfer");
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(suspensions.of(pi.getBusinessKey())).singleElement().satisfies(s -> {
			assertThat(s.eventKey()).isEqualTo("CRIMINAL_TRANSFER");
			assertThat(s.reason()).startsWith("涉嫌犯罪移送公安、检察机关未决");
		});

		engine.getIdentityService().clearAuthentication();
		ProcessInstance transfer = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
			.singleResult();
		as("head1");
		complete(transfer, "userTask_approveCriminalTransfer", Map.of("headDecision", "APPROVE", "policeOrgan", "曲靖市公安局麒麟分局"));
		as("officer1");
		complete(transfer, "userTask_handOverToPolice", Map.of("copiedToProcuratorate", true, "copiedToJusticeBureau", true,
				"reportedToSuperior", true, "handoverNotes", "公安分局法制大队签收"));
		clockAt(moment("2026-09-28T10:00:00+08:00"));
		engine.getIdentityService().clearAuthentication();
		var answered = http.withBasicAuth("officer1", "demo").postForEntity("/api/transfers/" + transfer.getId()
				+ "/police-decision", Map.of("policeDecision", "NOT_FILED", "notes", "未达立案追诉标准"), String.class);
		assertThat(answered.getStatusCode().value()).isEqualTo(200);
		// Tue 29 Sep: the head decides to go on administratively → the transfer returns, the period runs again
		clockAt(moment("2026-09-29T10:00:00+08:00"));
		as("head1");
		complete(transfer, "userTask_chooseFollowUp", Map.of("followUp", "NONE"));
		assertThat(pi).isWaitingAt("userTask_proposePenalty");
		// 15 → 29 Sep: 14 days; Mon 14 Dec → Mon 28 Dec
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(14);
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2026-12-28T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").getDuedate()).isEqualTo(moment("2026-12-28T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isFalse();
	}

	// --- steps ---

	private ProcessInstance toPriorNotice(String caseNo) {
		ProcessInstance pi = instance(caseNo);
		fileInvestigateConcludePropose(pi);
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");
		return pi;
	}

	private void fileInvestigateConcludePropose(ProcessInstance pi) {
		fileAndInvestigate(pi, EVIDENCE, false);
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "违法事实清楚，证据确凿",
				"violationConfirmed", true, "circumstance", "ORDINARY", "firstOffence", false, "correctedPromptly", false,
				"harmCaused", false, "suspectedCrime", false));
		// 10万 to an organisation: 较大数额罚款, so the party may ask for a hearing (行政处罚法 art. 63)
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 100000, "penaltyKinds", "罚款"));
	}

	private String register(String discoveredOn) {
		return cases.register(new NewCase("LIAOKUO", "PATROL", false, "ORG", "曲靖市恒安物业服务有限公司", "91350100M000100Y43",
				"0874-1234567", false, "CM-DUMP-WASTE", "在北关路随意倾倒生活垃圾约3吨", LocalDate.parse(discoveredOn), null, null, null,
				LocalDate.parse(discoveredOn), false, "曲靖市麒麟区北关路66号"), "officer1");
	}

	private List<RecordEntry> entries(String caseNo, String kind) {
		return records.list(caseNo).stream().filter(e -> kind.equals(e.kind())).toList();
	}

}

package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.Deadlines;
import cn.zhifa.record.RecordService;
import cn.zhifa.suspension.PeriodSuspensionFixtures;
import cn.zhifa.suspension.PeriodSuspensions;
import cn.zhifa.support.ModelPathTestSupport;

/**
 * Issue 16 §5, ADR-0020: periods that by rule do not count toward the 90 days of 行政处罚法 art. 60
 * ({@code calendar/period-suspensions.yml}) suspend them, and testing does not count toward the 30 days of a seizure
 * (行政强制法 art. 25(3)) — engine only: {@code processes/enforcement-case.bpmn} with the real period-suspension plugin
 * ({@link PeriodSuspensions}, its register {@code zf_period_suspension}), the real calendar and limits as the
 * {@code deadlines} bean; the delegates, task checks and called processes are stand-ins, the case's record a mock
 * whose entries the tests read. The period's timers are suspended while it does not run and re-dated by exactly the
 * days not counted when it runs again.
 */
class PeriodSuspensionPathsTest extends ModelPathTestSupport {

	static final String CASE_NO = "寥街罚〔2026〕7号";

	static final RecordService records = mock(RecordService.class);
	static PeriodSuspensions suspensions;

	final Deadlines deadlines = CalendarFixtures.deadlines();

	@BeforeEach
	void deployWithThePlugin() throws Exception {
		if (suspensions == null) {
			suspensions = PeriodSuspensionFixtures.suspensions(engine, records);
		}
		PeriodSuspensionFixtures.emptyRegister(engine);
		parseExtensions(PeriodSuspensionFixtures.plugin(suspensions));
		deployTogether("enforcement-case.bpmn", List.of("summary-procedure", "late-payment-surcharge", "discretion-benchmark",
				"hearing-eligibility", "major-decision-catalogue"), List.of("case-transfer", "criminal-transfer", "legal-review"));
		clearInvocations(records);
		delegate("generateDocument", Map.of("priorNoticeNumber", "寥街罚告〔2026〕7号"));
		for (String name : List.of("registerCase", "caseStage", "startProcess", "answerTransfer",
				"recordInvestigators", "startSeizure", "liftSeizure", "extendSeizure", "slaWarning", "slaBreach",
				"prepareDemand", "extendDecisionPeriod", "recordRecusal", "replaceRecusedOfficer")) {
			delegate(name);
		}
		delegate("evaluateMajor", Map.of("isMajor", false));
		for (String name : List.of("caseTaskChecks", "certifiedOfficers", "agencyOptions", "hearingChairs")) {
			taskChecks(name);
		}
		bean("deadlines", deadlines);
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	static void clockAt(Date at) {
		ClockUtil.setCurrentTime(at);
	}

	/** A case filed at the clock's now, its 90 days (limit PENALTY_DECISION) on the real calendar, started before {@code activity}. */
	ProcessInstance filedCaseBefore(String activity) {
		return filedCaseBefore(activity, Map.of());
	}

	ProcessInstance filedCaseBefore(String activity, Map<String, Object> more) {
		Date filedAt = ClockUtil.getCurrentTime();
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseId", CASE_NO);
		variables.put("agencyCode", "LIAOKUO");
		variables.put("handlerId", "officer1");
		variables.put("summaryProcedure", false);
		variables.put("partyType", "ORG");
		variables.put("partyIsOfficial", false);
		variables.put("violationCode", "CM-DUMP-WASTE");
		variables.put("circumstance", "ORDINARY");
		// 10万 to an organisation: 较大数额罚款, so the party may ask for a hearing (行政处罚法 art. 63)
		variables.put("fineAmount", 100000.0);
		variables.put("filedAt", filedAt);
		variables.putAll(deadlines.limitDue("decisionDueAt", "PENALTY_DECISION", filedAt).variables());
		variables.putAll(more);
		return engine.getRuntimeService().createProcessInstanceByKey("enforcement-case").businessKey(CASE_NO)
			.setVariables(variables).startBeforeActivity(activity).execute();
	}

	/** The penalty proposed and the prior notice served by {@code method}, served at {@code servedAt}. */
	ProcessInstance priorNoticeServed(String method, Date servedAt) {
		ProcessInstance pi = filedCaseBefore("userTask_proposePenalty");
		complete(task(pi));
		assertThat(pi).isWaitingAt("userTask_servePriorNotice");
		complete(task(pi), Map.of("priorNoticeMethod", method, "priorNoticeServedAt", servedAt));
		return pi;
	}

	Job timer(ProcessInstance pi, String activityId) {
		return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
			.singleResult();
	}

	Object var(ProcessInstance pi, String name) {
		return engine.getRuntimeService().getVariable(pi.getId(), name);
	}

	/** The jobs of the instance due at the clock's now run, as the job executor would run them. */
	void executeDueJobs(ProcessInstance pi) {
		List<Job> due;
		while (!(due = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().list())
			.isEmpty()) {
			due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
		}
	}

	/** The data of the record entries of {@code kind} the plugin appended to the case's record, in order. */
	List<Map<String, Object>> entries(String kind) {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		ArgumentCaptor<Map<String, Object>> data = (ArgumentCaptor) ArgumentCaptor.forClass(Map.class);
		List<Map<String, Object>> all = new ArrayList<>();
		verify(records, atLeast(0)).append(eq(CASE_NO), eq(kind), isNull(), eq("LIAOKUO"), anyString(), anyString(),
				data.capture());
		all.addAll(data.getAllValues());
		return all;
	}

	@Test
	void aHearingAcrossNationalDayMovesTheDecisionDueDateAndItsTimersByTheSuspendedDays() {
		// filed Tue 15 Sep 2026: 90 days → Mon 14 Dec; warnings at 60 days (Sat 14 Nov → Mon 16 Nov) and 80 (Fri 4 Dec)
		clockAt(moment("2026-09-15T09:00:00+08:00"));
		ProcessInstance pi = priorNoticeServed("DIRECT", moment("2026-09-15T09:00:00+08:00"));
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2026-12-14T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").getDuedate()).isEqualTo(moment("2026-12-14T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").getDuedate()).isEqualTo(moment("2026-11-16T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionWarningSecond").getDuedate()).isEqualTo(moment("2026-12-04T23:59:59+08:00"));

		// Mon 21 Sep: the party asks for a hearing → 通知听证 starts: the period stops
		clockAt(moment("2026-09-21T10:00:00+08:00"));
		complete(task(pi), Map.of("partyReply", "HEARING_REQUESTED"));
		assertThat(pi).isWaitingAt("userTask_scheduleHearing");
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").isSuspended()).isTrue();
		assertThat(timer(pi, "timerEvent_decisionWarningSecond").isSuspended()).isTrue();
		assertThat(suspensions.of(CASE_NO)).singleElement().satisfies(s -> {
			assertThat(s.eventKey()).isEqualTo("HEARING");
			assertThat(s.periodKey()).isEqualTo("PENALTY_DECISION");
			assertThat(s.activityId()).isEqualTo("userTask_scheduleHearing");
			assertThat(s.processInstanceId()).isEqualTo(pi.getId());
			assertThat(s.reason()).startsWith("听证期间不计入办案期限（《行政处罚法》第六十条");
			assertThat(s.statuteBasis()).contains("第六十四条");
			assertThat(s.startedAt()).isEqualTo(moment("2026-09-21T10:00:00+08:00").toInstant());
			assertThat(s.endedAt()).isNull();
			assertThat(s.dueBefore()).isEqualTo(moment("2026-12-14T23:59:59+08:00").toInstant());
		});
		assertThat(entries("PERIOD_SUSPENDED")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("event", "HEARING").containsEntry("period", "PENALTY_DECISION"));

		// the hearing held on Thu 8 Oct: 21 Sep → 8 Oct, 17 calendar days (holidays included) do not count
		complete(task(pi));
		clockAt(moment("2026-10-08T15:00:00+08:00"));
		complete(task(pi), Map.of("hearingHeld", true));
		assertThat(pi).isWaitingAt("userTask_decide");
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(17);
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2026-12-31T23:59:59+08:00"));
		Job breach = timer(pi, "timerEvent_decisionBreach");
		assertThat(breach.isSuspended()).isFalse();
		assertThat(breach.getDuedate()).isEqualTo(moment("2026-12-31T23:59:59+08:00"));
		assertThat(breach.getDuedate().getTime() - moment("2026-12-14T23:59:59+08:00").getTime())
			.isEqualTo(17L * 24 * 3600 * 1000);
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").isSuspended()).isFalse();
		assertThat(timer(pi, "timerEvent_decisionWarningFirst").getDuedate()).isEqualTo(moment("2026-12-01T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionWarningSecond").getDuedate()).isEqualTo(moment("2026-12-21T23:59:59+08:00"));
		assertThat(suspensions.of(CASE_NO)).singleElement().satisfies(s -> {
			assertThat(s.endedAt()).isEqualTo(moment("2026-10-08T15:00:00+08:00").toInstant());
			assertThat(s.suspendedDays()).isEqualTo(17);
			assertThat(s.dueBefore()).isEqualTo(moment("2026-12-14T23:59:59+08:00").toInstant());
			assertThat(s.dueAfter()).isEqualTo(moment("2026-12-31T23:59:59+08:00").toInstant());
		});
		assertThat(entries("PERIOD_RESUMED")).singleElement().satisfies(e -> assertThat(e)
			.containsEntry("event", "HEARING").containsEntry("suspendedDaysTotal", 17)
			.containsEntry("dueBefore", "2026-12-14T15:59:59Z").containsEntry("dueAfter", "2026-12-31T15:59:59Z"));

		// the old due date passes without a breach; the new one fires it
		clockAt(moment("2026-12-15T10:00:00+08:00"));
		executeDueJobs(pi);
		assertThat(pi).hasPassed("serviceTask_decisionWarningFirst").hasNotPassed("serviceTask_decisionBreach");
		clockAt(moment("2027-01-01T10:00:00+08:00"));
		executeDueJobs(pi);
		assertThat(pi).hasPassed("serviceTask_decisionBreach");
	}

	@Test
	void publicNoticeServiceStopsThePeriodForTheThirtyDaysOfTheNotice() {
		// posted Tue 15 Sep 2026, served 30 days later (CaseTaskChecksTest: the prior notice served by public notice)
		clockAt(moment("2026-09-15T09:00:00+08:00"));
		ProcessInstance pi = priorNoticeServed("PUBLIC_NOTICE", moment("2026-10-15T23:59:59+08:00"));
		assertThat(pi).isWaitingAt("timerEvent_publicNoticePeriod");
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(suspensions.of(CASE_NO)).singleElement().satisfies(s -> {
			assertThat(s.eventKey()).isEqualTo("PUBLIC_NOTICE");
			assertThat(s.reason()).startsWith("公告期间不计入办案期限");
		});

		// the timer fires at the end of Thu 15 Oct, as the job executor would
		clockAt(Date.from(moment("2026-10-15T23:59:59+08:00").toInstant().plusMillis(500)));
		executeDueJobs(pi);
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");
		// 15 Sep → 15 Oct: 30 days; 90 + 30 days from 15 Sep → Wed 13 Jan 2027
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(30);
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2027-01-13T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").getDuedate()).isEqualTo(moment("2027-01-13T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isFalse();
		// the hearing window counts from the day the notice is deemed served: 5 working days after 15 Oct
		assertThat(task(pi).getDueDate()).isEqualTo(moment("2026-10-22T23:59:59+08:00"));
	}

	/** A suspected crime transferred to the police: the 90 days stop until the transfer comes back (case 中止). */
	@Test
	void aPendingCriminalTransferStopsThePeriodUntilItComesBack() {
		clockAt(moment("2026-09-15T09:00:00+08:00"));
		ProcessInstance pi = filedCaseBefore("userTask_concludeInvestigation");
		complete(task(pi), Map.of("suspectedCrime", true, "violationConfirmed", true));
		assertThat(pi).isWaitingAt("callActivity_criminalTransfer");
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(suspensions.of(CASE_NO)).singleElement().satisfies(s -> {
			assertThat(s.eventKey()).isEqualTo("CRIMINAL_TRANSFER");
			assertThat(s.reason()).startsWith("涉嫌犯罪移送公安、检察机关未决");
		});

		// Tue 29 Sep: the head decides to go on administratively → the transfer returns, the period runs again
		clockAt(moment("2026-09-29T10:00:00+08:00"));
		complete(task(calledProcessInstance("criminal-transfer", pi)), Map.of("mayDecideAdministratively", true));
		assertThat(pi).isWaitingAt("userTask_proposePenalty");
		// 15 → 29 Sep: 14 days; Mon 14 Dec → Mon 28 Dec
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(14);
		assertThat(var(pi, "decisionDueAt")).isEqualTo(moment("2026-12-28T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").getDuedate()).isEqualTo(moment("2026-12-28T23:59:59+08:00"));
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isFalse();
	}

	/**
	 * 行政强制法 art. 25(3): goods seized Mon 2 Nov are sent for testing Thu 5 Nov, the result arrives Thu 12 Nov — 7 days
	 * not counted in the seizure's 30 days (nor in the case's 90): the seizure's timers stop and then move by 7 days.
	 */
	@Test
	void testingTheSeizedGoodsIsNotCountedInTheThirtyDaysOfTheSeizure() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		Date seizedAt = moment("2026-11-02T10:00:00+08:00");
		// as the seizure's start sets them (CaseSeizureTest): its 30 days with their basis
		Map<String, Object> seizure = new HashMap<>(deadlines.limitDue("seizureDueAt", "SEIZURE", seizedAt).variables());
		seizure.putAll(Map.of("seizedAt", seizedAt, "seizureExtended", false, "seizureExtensions", 0));
		ProcessInstance pi = filedCaseBefore("userTask_handleSeizure", seizure);
		// 30 days (自然日), the first day not counted: Wed 2 Dec
		assertThat(var(pi, "seizureDueAt")).isEqualTo(moment("2026-12-02T23:59:59+08:00"));

		clockAt(moment("2026-11-05T10:00:00+08:00"));
		engine.getRuntimeService().createMessageCorrelation("enforcement.appraisalRequested").processInstanceId(pi.getId())
			.correlate();
		assertThat(timer(pi, "timerEvent_seizureBreach").isSuspended()).isTrue();
		assertThat(timer(pi, "timerEvent_seizureWarning").isSuspended()).isTrue();
		assertThat(timer(pi, "timerEvent_decisionBreach").isSuspended()).isTrue();
		assertThat(suspensions.of(CASE_NO)).extracting(PeriodSuspensions.Suspension::periodKey)
			.containsExactlyInAnyOrder("PENALTY_DECISION", "SEIZURE");

		clockAt(moment("2026-11-12T16:00:00+08:00"));
		complete(task("userTask_recordAppraisal", pi));
		assertThat(var(pi, "seizureSuspendedDays")).isEqualTo(7);
		assertThat(var(pi, "decisionSuspendedDays")).isEqualTo(7);
		Date moved = moment("2026-12-09T23:59:59+08:00");
		assertThat(var(pi, "seizureDueAt")).isEqualTo(moved);
		Job breach = timer(pi, "timerEvent_seizureBreach");
		assertThat(breach.isSuspended()).isFalse();
		assertThat(breach.getDuedate()).isEqualTo(moved);
		assertThat(breach.getDuedate().getTime() - moment("2026-12-02T23:59:59+08:00").getTime()).isEqualTo(7L * 24 * 3600 * 1000);
		assertThat(timer(pi, "timerEvent_seizureWarning").getDuedate()).isEqualTo(deadlines.workdaysBefore(moved, 3));
		assertThat(task("userTask_handleSeizure", pi).getDueDate()).isEqualTo(moment("2026-12-02T23:59:59+08:00"));
		assertThat(suspensions.of(CASE_NO)).filteredOn(s -> s.periodKey().equals("SEIZURE")).singleElement()
			.satisfies(s -> {
				assertThat(s.eventKey()).isEqualTo("APPRAISAL_SEIZURE");
				assertThat(s.suspendedDays()).isEqualTo(7);
				assertThat(s.reason()).contains("第二十五条第三款");
			});

		// the old due date passes without a warning or breach of the seizure; 3 working days before the new one, the head
		// decides on an extension (art. 25(1))
		clockAt(moment("2026-11-28T10:00:00+08:00"));
		executeDueJobs(pi);
		assertThat(pi).hasNotPassed("timerEvent_seizureWarning");
		clockAt(Date.from(deadlines.workdaysBefore(moved, 3).toInstant().plusSeconds(1)));
		executeDueJobs(pi);
		assertThat(pi).hasPassed("timerEvent_seizureWarning").hasNotPassed("timerEvent_seizureBreach");
		assertThat(task("userTask_decideSeizureExtension", pi)).isNotNull();
	}

	/** A seizure already over (lifted at once, art. 19) is not suspended by a later appraisal; the 90 days are. */
	@Test
	void anAppraisalAfterTheSeizureWasLiftedSuspendsOnlyTheCasesPeriod() {
		clockAt(moment("2026-11-07T09:00:00+08:00"));
		ProcessInstance pi = filedCaseBefore("userTask_concludeInvestigation", Map.of("seizedAt",
				moment("2026-11-06T15:30:00+08:00"), "seizureDueAt", moment("2026-12-06T23:59:59+08:00"), "seizureLiftedAt",
				moment("2026-11-07T09:00:00+08:00"), "seizureOutcome", "RELEASED"));

		engine.getRuntimeService().createMessageCorrelation("enforcement.appraisalRequested").processInstanceId(pi.getId())
			.correlate();

		assertThat(suspensions.of(CASE_NO)).extracting(PeriodSuspensions.Suspension::periodKey)
			.containsExactly("PENALTY_DECISION");
	}
}

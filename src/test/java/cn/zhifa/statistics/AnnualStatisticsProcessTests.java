package cn.zhifa.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.sla.DeadlineBoard;
import cn.zhifa.sla.Notification;
import cn.zhifa.statistics.AnnualStatisticsService.Report;
import cn.zhifa.support.ProcessScenarioSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code annual-statistics} (行政执法统计年报, R-DISC-7), every path, driven by the engine clock: the January
 * timer of {@code annual-statistics-schedule} starts last year's report once per agency; 党政办 and 司法所 sign off
 * (each may send it back to be computed again, the two signers differ); it is submitted by 15 January and published by
 * 31 January, each rolled forward to a working day by the calendar; a late submission and a late publication are red on
 * the SLA board and recorded late; the portal lists a report only once published.
 */
@ZhifaIntegrationTest
class AnnualStatisticsProcessTests extends ProcessScenarioSupport {

	@Autowired
	AnnualStatisticsService service;
	@Autowired
	Deadlines deadlines;
	@Autowired
	DeadlineBoard board;

	@Test
	void theJanuaryTimerStartsLastYearsReportForEveryAgencyOnce() {
		List<Job> timers = engine.getManagementService().createJobQuery().processDefinitionKey(AnnualStatisticsService.SCHEDULE_KEY)
			.timers().withoutTenantId().list();
		assertThat(timers).hasSize(1);
		LocalDateTime due = LocalDateTime.ofInstant(timers.get(0).getDuedate().toInstant(), ZoneId.systemDefault());
		assertThat(List.of(due.getMonthValue(), due.getDayOfMonth(), due.getHour(), due.getMinute())).containsExactly(1, 1, 1, 0);

		clockAt(Date.from(due.atZone(ZoneId.systemDefault()).toInstant().plusSeconds(60)));
		int year = due.getYear() - 1;
		engine.getManagementService().executeJob(timers.get(0).getId());
		try {
			for (String agency : List.of("LIAOKUO", "QLSCJ")) {
				ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-statistics")
					.processInstanceBusinessKey(AnnualStatisticsService.businessKey(agency, year)).singleResult();
				assertThat(pi.getTenantId()).isEqualTo(agency);
				assertThat(pi).isWaitingAt("userTask_officeSignOff").hasPassed("serviceTask_open", "serviceTask_compute");
				assertThat(historicVariable(pi, "statisticsYear")).isEqualTo(year);
				assertThat(service.find(agency, year)).get().extracting(Report::status).isEqualTo(AnnualStatisticsService.COMPUTED);
			}
			// the next January's timer is there; the same year again (a retried job, another node) starts nothing
			Job next = engine.getManagementService().createJobQuery().processDefinitionKey(AnnualStatisticsService.SCHEDULE_KEY)
				.timers().withoutTenantId().singleResult();
			assertThat(LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault())).isEqualTo(due.plusYears(1));
			assertThat(service.startAll(year)).isEmpty();
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-statistics")
				.processInstanceBusinessKey(AnnualStatisticsService.businessKey("LIAOKUO", year)).count()).isEqualTo(1);
		}
		finally {
			// leave no open deadlines for the other tests sharing the database
			engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-statistics").list().stream()
				.filter(p -> p.getBusinessKey().startsWith("年度统计-" + year + "-"))
				.forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
		}
	}

	@Test
	void signedOffByBothAfterReturnsThenSubmittedAndPublished() {
		clockAt(moment("2026-01-05T09:00:00+08:00"));
		ProcessInstance pi = start("LIAOKUO", 2025);
		assertThat(pi).isWaitingAt("userTask_officeSignOff");
		Task office = openTask(pi, "userTask_officeSignOff");
		// 15 January 2026 is a Thursday; 31 January 2026 a Saturday: publication is due Monday 2 February
		assertThat(office.getDueDate()).isEqualTo(moment("2026-01-15T23:59:59+08:00"));
		assertThat(historicVariable(pi, "annualStatisticsPublishDueAt")).isEqualTo(moment("2026-02-02T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(office.getId()).taskCandidateGroup("LIAOKUO-office").count())
			.isEqualTo(1);
		assertThat((String) historicVariable(pi, "annualStatisticsSummary")).contains("行政处罚决定");
		assertThat(historicVariable(pi, "statisticsPeriod")).isEqualTo("2025年1月1日至2025年12月31日");

		assertThatThrownBy(() -> completeTaskAs("office1", pi, "userTask_officeSignOff", Map.of("annualStatisticsOutcome", "MAYBE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("annualStatisticsOutcome");
		assertThatThrownBy(() -> completeTaskAs("office1", pi, "userTask_officeSignOff", Map.of("annualStatisticsOutcome", "RETURN")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("annualStatisticsOpinion")
			.hasMessageContaining("退回重新统计须写明");
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_officeSignOff", Map.of("annualStatisticsOutcome", "APPROVE")))
			.isInstanceOf(AuthorizationException.class);

		// 党政办 sends it back: computed again
		completeTaskAs("office1", pi, "userTask_officeSignOff",
				Map.of("annualStatisticsOutcome", "RETURN", "annualStatisticsOpinion", "一件案件决定日期录入错误，已更正。"));
		assertThat(pi).isWaitingAt("userTask_officeSignOff");
		assertThat(service.find("LIAOKUO", 2025).orElseThrow().returns()).isEqualTo(1);
		completeTaskAs("office1", pi, "userTask_officeSignOff", Map.of("annualStatisticsOutcome", "APPROVE"));
		assertThat(pi).isWaitingAt("userTask_justiceSignOff");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("LIAOKUO-reviewer")
			.count()).isEqualTo(1);
		assertThat(service.find("LIAOKUO", 2025).orElseThrow().officeSignedBy()).isEqualTo("office1");
		assertThatThrownBy(() -> completeTaskAs("office1", pi, "userTask_justiceSignOff", Map.of("annualStatisticsOutcome", "APPROVE")))
			.isInstanceOf(AuthorizationException.class);

		// 司法所 sends it back: computed again, both sign again
		completeTaskAs("reviewer1", pi, "userTask_justiceSignOff",
				Map.of("annualStatisticsOutcome", "RETURN", "annualStatisticsOpinion", "移送数据与台账不一致，请核对。"));
		assertThat(pi).isWaitingAt("userTask_officeSignOff");
		Report returned = service.find("LIAOKUO", 2025).orElseThrow();
		assertThat(returned.returns()).isEqualTo(2);
		assertThat(returned.officeSignedBy()).isNull();
		completeTaskAs("office1", pi, "userTask_officeSignOff", Map.of("annualStatisticsOutcome", "APPROVE"));
		clockAt(moment("2026-01-14T16:00:00+08:00"));
		completeTaskAs("reviewer1", pi, "userTask_justiceSignOff", Map.of("annualStatisticsOutcome", "APPROVE"));
		assertThat(pi).isWaitingAt("userTask_publish").hasPassed("endEvent_signedOff", "serviceTask_submit")
			.hasNotPassed("serviceTask_recordSubmitBreach");
		Report submitted = service.find("LIAOKUO", 2025).orElseThrow();
		assertThat(submitted.status()).isEqualTo(AnnualStatisticsService.SUBMITTED);
		assertThat(submitted.submittedOnTime()).isTrue();
		assertThat(submitted.officeSignedBy()).isEqualTo("office1");
		assertThat(submitted.justiceSignedBy()).isEqualTo("reviewer1");
		assertThat(openTask(pi, "userTask_publish").getDueDate()).isEqualTo(moment("2026-02-02T23:59:59+08:00"));
		// not on the portal before publication
		assertThat(service.published(2025)).extracting(Report::agencyCode).doesNotContain("LIAOKUO");

		assertThatThrownBy(() -> completeTaskAs("office1", pi, "userTask_publish", Map.of()))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("annualStatisticsPublishConfirmed");
		clockAt(moment("2026-01-20T10:00:00+08:00"));
		completeTaskAs("office1", pi, "userTask_publish", Map.of("annualStatisticsPublishConfirmed", true));
		assertThat(pi).isEnded().hasPassed("serviceTask_publish", "endEvent_published").hasNotPassed("serviceTask_recordPublishBreach");
		Report published = service.find("LIAOKUO", 2025).orElseThrow();
		assertThat(published.status()).isEqualTo(AnnualStatisticsService.PUBLISHED);
		assertThat(published.publishedOnTime()).isTrue();
		assertThat(published.publishedAt()).isEqualTo(moment("2026-01-20T10:00:00+08:00").toInstant());
		assertThat(service.published(2025)).extracting(Report::agencyCode).contains("LIAOKUO");
		// each step in the full-process record under the report's key, with who did it
		assertThat(record.list(AnnualStatisticsService.businessKey("LIAOKUO", 2025)))
			.filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.containsExactly("office1", "office1", "reviewer1", "office1", "reviewer1", "office1");
	}

	@Test
	void aLateSubmissionAndPublicationAreRedOnTheSlaBoardAndRecordedLate() {
		clockAt(moment("2025-01-06T09:00:00+08:00"));
		ProcessInstance pi = start("LIAOKUO", 2024);
		assertThat(openTask(pi, "userTask_officeSignOff").getDueDate()).isEqualTo(moment("2025-01-15T23:59:59+08:00"));
		// 31 January 2025 falls in the Spring Festival holiday (28 January – 4 February): due Wednesday 5 February
		assertThat(historicVariable(pi, "annualStatisticsPublishDueAt")).isEqualTo(moment("2025-02-05T23:59:59+08:00"));

		assertOneJobRunsAt(pi, "2025-01-15T22:00:00+08:00", "2025-01-16T08:00:00+08:00");
		assertThat(pi).hasPassed("serviceTask_recordSubmitBreach", "endEvent_submitBreachRecorded").isWaitingAt("userTask_officeSignOff");
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup).contains("LIAOKUO-head", "supervisor");
		List<DeadlineBoard.Row> red = board.deadlines(new DeadlineBoard.Filter(List.of("LIAOKUO"), "annual-statistics",
				DeadlineBoard.State.RED, null), 0, 200).rows();
		assertThat(red).filteredOn(r -> r.processInstanceId().equals(pi.getId())).extracting(DeadlineBoard.Row::stepId)
			.contains("userTask_officeSignOff");

		completeTaskAs("office1", pi, "userTask_officeSignOff", Map.of("annualStatisticsOutcome", "APPROVE"));
		completeTaskAs("reviewer1", pi, "userTask_justiceSignOff", Map.of("annualStatisticsOutcome", "APPROVE"));
		assertThat(service.find("LIAOKUO", 2024).orElseThrow().submittedOnTime()).isFalse();

		assertOneJobRunsAt(pi, "2025-02-05T20:00:00+08:00", "2025-02-06T08:00:00+08:00");
		assertThat(pi).hasPassed("serviceTask_recordPublishBreach").isWaitingAt("userTask_publish");
		assertThat(board.deadlines(new DeadlineBoard.Filter(List.of("LIAOKUO"), "annual-statistics", DeadlineBoard.State.RED, null), 0,
				200).rows()).filteredOn(r -> r.processInstanceId().equals(pi.getId())).extracting(DeadlineBoard.Row::stepId)
			.contains("userTask_publish");
		completeTaskAs("office1", pi, "userTask_publish", Map.of("annualStatisticsPublishConfirmed", true));
		assertThat(pi).isEnded();
		assertThat(service.find("LIAOKUO", 2024).orElseThrow().publishedOnTime()).isFalse();
	}

	/**
	 * The two dates as limits of calendar/statutory-limits.yml, counted in calendar days from 31 December and rolled
	 * forward when the day is a rest day (the rule of LOCAL_ANNUAL_STATISTICS in statute-day-rules.yml): 2026 with its
	 * calendar, and January 2027, whose calendar is not published yet (weekends only, marked provisional and recomputed
	 * when calendar/2027.yml arrives).
	 */
	@Test
	void the15thAnd31stAreRolledForwardToAWorkingDay() {
		// reports for 2026, due in 2027: Friday 15 January; Sunday 31 January → Monday 1 February
		assertThat(deadlines.limit("ANNUAL_STATISTICS_SUBMISSION", "2026-12-31")).isEqualTo(moment("2027-01-15T23:59:59+08:00"));
		assertThat(deadlines.limit("ANNUAL_STATISTICS_PUBLICATION", "2026-12-31")).isEqualTo(moment("2027-02-01T23:59:59+08:00"));
		assertThat(deadlines.provisional("2027-01-15")).isTrue();
		// each January day of 2027 that is a Saturday or Sunday moves to the Monday after it (no 2027 holidays known yet)
		for (int day = 1; day <= 31; day++) {
			java.time.LocalDate d = java.time.LocalDate.of(2027, 1, day);
			java.time.LocalDate expected = switch (d.getDayOfWeek()) {
				case SATURDAY -> d.plusDays(2);
				case SUNDAY -> d.plusDays(1);
				default -> d;
			};
			assertThat(deadlines.days("2026-12-31", day)).as("day %s", d)
				.isEqualTo(Date.from(expected.atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
		}
		// reports for 2025 and 2024, with their years' calendars
		assertThat(deadlines.limit("ANNUAL_STATISTICS_PUBLICATION", "2025-12-31")).isEqualTo(moment("2026-02-02T23:59:59+08:00"));
		assertThat(deadlines.limit("ANNUAL_STATISTICS_PUBLICATION", "2024-12-31")).isEqualTo(moment("2025-02-05T23:59:59+08:00"));
		assertThat(deadlines.limit("ANNUAL_STATISTICS_SUBMISSION", "2024-12-31")).isEqualTo(moment("2025-01-15T23:59:59+08:00"));
	}

	@Test
	void nobodyStartsAReportByHand() {
		as("office1");
		try {
			assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("annual-statistics"))
				.isInstanceOf(ProcessEngineException.class).hasMessageContaining("statisticsYear");
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("annual-statistics")
			.latestVersion().withoutTenantId().singleResult().isStartableInTasklist()).isFalse();
	}

	// --- helpers ---

	ProcessInstance start(String agency, int year) {
		String id = service.startFor(agency, year).orElseThrow();
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
	}
}

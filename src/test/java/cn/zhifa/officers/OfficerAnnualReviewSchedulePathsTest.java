package cn.zhifa.officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/officer-annual-review-schedule.bpmn} (R-QUAL-2, ADR-0034: on 1 November at 01:00,
 * server time, the engine starts this year's officer-annual-review for each officer), engine only: the service behind
 * the delegate is a stand-in.
 */
class OfficerAnnualReviewSchedulePathsTest extends ModelPathTestSupport {

	static final ZoneId SERVER = ZoneId.systemDefault();

	@BeforeEach
	void deployOnAFixedDay() throws Exception {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 6, 15, 12, 0).atZone(SERVER).toInstant()));
		deploy("officer-annual-review-schedule.bpmn");
		delegate("startOfficerAnnualReviews");
	}

	@Test
	void theYearlyTimerStartsTheRunOnceAndWaitsForTheNextYear() {
		assertThat(timer().getDuedate()).isEqualTo(at(2026));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("officer-annual-review-schedule").count()).isZero();

		ClockUtil.setCurrentTime(at(2026));
		execute(timer());

		HistoricProcessInstance run = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey("officer-annual-review-schedule").singleResult();
		assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
			.orderPartiallyByOccurrence().asc().list()).extracting(HistoricActivityInstance::getActivityId)
			.containsExactly("startEvent_november", "serviceTask_startAll", "endEvent_started");
		assertThat(calls()).containsExactly("startOfficerAnnualReviews");
		assertThat(timer().getDuedate()).isEqualTo(at(2027));
	}

	private Job timer() {
		return engine.getManagementService().createJobQuery().processDefinitionKey("officer-annual-review-schedule").singleResult();
	}

	private static Date at(int year) {
		return Date.from(LocalDateTime.of(year, 11, 1, 1, 0).atZone(SERVER).toInstant());
	}
}

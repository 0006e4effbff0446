package cn.zhifa.statistics;

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
 * The path of {@code processes/annual-statistics-schedule.bpmn} (R-DISC-7, ADR-0031: on 1 January at 01:00, server
 * time, the engine starts last year's annual-statistics for each agency), engine only: the service behind the delegate
 * is a stand-in.
 */
class AnnualStatisticsSchedulePathsTest extends ModelPathTestSupport {

	static final ZoneId SERVER = ZoneId.systemDefault();

	@BeforeEach
	void deployOnAFixedDay() throws Exception {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 6, 15, 12, 0).atZone(SERVER).toInstant()));
		deploy("annual-statistics-schedule.bpmn");
		delegate("startAnnualStatistics");
	}

	@Test
	void theYearlyTimerStartsTheRunOnceAndWaitsForTheNextYear() {
		assertThat(timer().getDuedate()).isEqualTo(at(2027));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-statistics-schedule").count()).isZero();

		ClockUtil.setCurrentTime(at(2027));
		execute(timer());

		HistoricProcessInstance run = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey("annual-statistics-schedule").singleResult();
		assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
			.orderPartiallyByOccurrence().asc().list()).extracting(HistoricActivityInstance::getActivityId)
			.containsExactly("startEvent_january", "serviceTask_startAll", "endEvent_started");
		assertThat(calls()).containsExactly("startAnnualStatistics");
		assertThat(timer().getDuedate()).isEqualTo(at(2028));
	}

	private Job timer() {
		return engine.getManagementService().createJobQuery().processDefinitionKey("annual-statistics-schedule").singleResult();
	}

	private static Date at(int year) {
		return Date.from(LocalDateTime.of(year, 1, 1, 1, 0).atZone(SERVER).toInstant());
	}
}

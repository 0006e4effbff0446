package cn.zhifa.statistics;

import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/annual-statistics-schedule.bpmn} (R-DISC-7, ADR-0031: on 1 January at 01:00, server
 * time, the engine starts last year's annual-statistics for each agency), engine only: the service behind the delegate
 * is a stand-in.
 */
class AnnualStatisticsSchedulePathsTest extends ModelPathTestSupport {

	@Test
	void theYearlyTimerStartsTheRunOnceAndWaitsForTheNextYear() throws Exception {
		assertYearlySchedule("annual-statistics-schedule", "startAnnualStatistics", 1, "startEvent_january");
	}
}

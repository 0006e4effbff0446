package cn.zhifa.officers;

import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/officer-annual-review-schedule.bpmn} (R-QUAL-2, ADR-0034: on 1 November at 01:00,
 * server time, the engine starts this year's officer-annual-review for each officer), engine only: the service behind
 * the delegate is a stand-in.
 */
class OfficerAnnualReviewSchedulePathsTest extends ModelPathTestSupport {

	@Test
	void theYearlyTimerStartsTheRunOnceAndWaitsForTheNextYear() throws Exception {
		assertYearlySchedule("officer-annual-review-schedule", "startOfficerAnnualReviews", 11, "startEvent_november");
	}
}

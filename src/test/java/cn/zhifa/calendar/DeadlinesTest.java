package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TimeZone;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code deadlines} bean as BPMN expressions call it, on the real calendar/ folder. */
class DeadlinesTest {

	static Deadlines deadlines;
	static final TimeZone JVM_DEFAULT = TimeZone.getDefault();

	@BeforeAll
	static void bean() {
		deadlines = new Deadlines(new CalendarRegistry("calendar"));
	}

	@AfterEach
	void restoreTimeZone() {
		TimeZone.setDefault(JVM_DEFAULT);
	}

	@Test
	void theStartDayIsTheShanghaiDateOfTheStartInstant() {
		// 20:00 UTC on Sunday 2 March 2025 is 04:00 on Monday 3 March in Shanghai
		Date start = Date.from(Instant.parse("2025-03-02T20:00:00Z"));
		assertThat(deadlines.workdays(start, 1)).isEqualTo(Date.from(Instant.parse("2025-03-04T15:59:59Z")));
		// legal review (R-REV-3): 5 working days from receipt on Monday 3 March → Monday 10 March, 23:59:59 +08:00
		assertThat(deadlines.limit("LEGAL_REVIEW", start)).isEqualTo(Date.from(Instant.parse("2025-03-10T15:59:59Z")));
	}

	/** Server time zone UTC and Asia/Shanghai (and one far away) give identical results. */
	@ParameterizedTest(name = "JVM default time zone {0}")
	@ValueSource(strings = { "UTC", "Asia/Shanghai", "America/Los_Angeles" })
	void resultsDoNotDependOnTheServerTimeZone(String zone) {
		TimeZone.setDefault(TimeZone.getTimeZone(zone));
		Date receivedAt = Date.from(Instant.parse("2026-09-29T17:30:00Z")); // 30 Sep 01:30 in Shanghai
		assertThat(deadlines.workdays(receivedAt, 3)).isEqualTo(Date.from(Instant.parse("2026-10-10T15:59:59Z")));
		// 7 days end on 7 Oct, the last day of National Day → Thursday 8 Oct
		assertThat(deadlines.days(receivedAt, 7)).isEqualTo(Date.from(Instant.parse("2026-10-08T15:59:59Z")));
		assertThat(deadlines.hours(receivedAt, 24)).isEqualTo(Date.from(Instant.parse("2026-09-30T17:30:00Z")));
		assertThat(deadlines.workdaysBefore(Date.from(Instant.parse("2026-10-08T15:59:59Z")), 1))
			.isEqualTo(Date.from(Instant.parse("2026-09-29T16:00:00Z")));
		assertThat(deadlines.workdaysBetween(receivedAt, "2026-10-10")).isEqualTo(3);
		assertThat(deadlines.workdays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(deadlines.workdays(receivedAt, 3));
		assertThat(deadlines.workdays("2026-09-30T01:30:00", 3)).isEqualTo(deadlines.workdays(receivedAt, 3));
		assertThat(deadlines.provisional(receivedAt)).isFalse();
	}

	@Test
	void everyKindOfStartValueMeansTheSameDay() {
		Date expected = Date.from(Instant.parse("2025-10-09T15:59:59Z"));
		Instant instant = Instant.parse("2025-09-30T02:00:00Z");
		List<Object> starts = List.of(Date.from(instant), new java.sql.Timestamp(instant.toEpochMilli()), instant,
				OffsetDateTime.parse("2025-09-30T10:00:00+08:00"), ZonedDateTime.parse("2025-09-30T10:00:00+08:00[Asia/Shanghai]"),
				LocalDate.parse("2025-09-30"), LocalDateTime.parse("2025-09-30T10:00:00"), "2025-09-30",
				"2025-09-30T02:00:00Z", "2025-09-30T10:00:00+08:00", "2025-09-30T10:00:00+08:00[Asia/Shanghai]",
				"2025-09-30T10:00", new java.sql.Date(instant.toEpochMilli()));
		for (Object start : starts) {
			assertThat(deadlines.workdays(start, 1)).as("%s (%s)", start, start.getClass().getSimpleName())
				.isEqualTo(expected);
		}
	}

	@Test
	void badStartsAreRefusedWithAClearMessage() {
		assertThatThrownBy(() -> deadlines.workdays(null, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("null");
		assertThatThrownBy(() -> deadlines.workdays("30.09.2025", 1)).hasMessageContaining("'30.09.2025'")
			.hasMessageContaining("ISO-8601");
		assertThatThrownBy(() -> deadlines.workdays(42L, 1)).hasMessageContaining("java.lang.Long");
		assertThatThrownBy(() -> deadlines.hours("2025-09-30", -1)).hasMessageContaining("negative");
	}

	/**
	 * Months (行政诉讼法 art. 46, 行政强制法 art. 53): to the corresponding day, the month's last when it has
	 * none, a rest day rolled to the next working day.
	 */
	@Test
	void monthsEndOnTheCorrespondingDayOrTheMonthsLast() {
		// served Tue 10 Nov 2026: 6 months → Mon 10 May 2027
		assertThat(deadlines.limit("LITIGATION_PERIOD", "2026-11-10")).isEqualTo(Date.from(Instant.parse("2027-05-10T15:59:59Z")));
		// 31 Aug 2026 + 6 months → 28 Feb 2027 (no 31 Feb), a Sunday → Mon 1 Mar 2027
		assertThat(deadlines.limit("LITIGATION_PERIOD", "2026-08-31")).isEqualTo(Date.from(Instant.parse("2027-03-01T15:59:59Z")));
		// 10 May 2027 + 3 months → Tue 10 Aug 2027
		assertThat(deadlines.limit("COURT_ENFORCEMENT_APPLICATION", "2027-05-10")).isEqualTo(Date.from(Instant.parse("2027-08-10T15:59:59Z")));
		// 1 Jul 2026 + 3 months → Thu 1 Oct 2026, National Day (1–7 Oct) → the first working day after it, Thu 8 Oct
		assertThat(deadlines.limit("COURT_ENFORCEMENT_APPLICATION", "2026-07-01"))
			.isEqualTo(Date.from(Instant.parse("2026-10-08T15:59:59Z")));
		assertThat(deadlines.daysAfter("2026-11-25", "2026-12-02")).isEqualTo(7);
		assertThat(deadlines.daysAfter("2026-12-02", "2026-11-25")).isZero();
	}

	@Test
	void everyStatutoryLimitOfTheContractIsInTheFile() {
		record Expected(String key, int amount, LimitUnit unit) {
		}
		List<Expected> contract = """
				LEGAL_REVIEW 5 WORKING_DAYS
				LEGAL_REVIEW_EXTENDED 8 WORKING_DAYS
				CRIMINAL_TRANSFER_APPROVAL 3 DAYS
				CRIMINAL_TRANSFER_HANDOVER 24 HOURS
				CASE_TRANSFER 3 WORKING_DAYS
				CASE_TRANSFER_URGENT 24 HOURS
				DISCIPLINE_TRANSFER 10 WORKING_DAYS
				FILING_APPROVAL 15 WORKING_DAYS
				HEARING_REQUEST 5 WORKING_DAYS
				HEARING_NOTICE 7 WORKING_DAYS
				PENALTY_DECISION 90 DAYS
				SEIZURE 30 DAYS
				SEIZURE_EXTENSION 30 DAYS
				POLICE_FILING_DECISION 3 DAYS
				RECONSIDERATION_REQUEST 3 DAYS
				# 国务院令第310号第九条: the police decide a reconsideration, the agency then suggests supervision (ADR-0071)
				POLICE_RECONSIDERATION_DECISION 3 DAYS
				SUPERVISION_AFTER_RECONSIDERATION 3 DAYS
				DISCLOSURE_WITHDRAWAL 3 WORKING_DAYS
				SERVICE_ABSENT 7 WORKING_DAYS
				NEGOTIATION 3 WORKING_DAYS
				# the bureau's stated period and commitment (supervision notices, ADR-0025)
				SUPERVISION_RECTIFICATION 15 WORKING_DAYS
				SUPERVISION_CHECK 10 WORKING_DAYS
				# the county's commitments for disputes between agencies (ADR-0027)
				DISPUTE_NEGOTIATION 10 WORKING_DAYS
				DISPUTE_APPLICATION 5 WORKING_DAYS
				DISPUTE_ACCEPTANCE 5 WORKING_DAYS
				DISPUTE_COORDINATION 20 WORKING_DAYS
				DISPUTE_OPINION_REPLY 5 WORKING_DAYS
				DISPUTE_GOVERNMENT_REPORT 5 WORKING_DAYS
				DISPUTE_RULING 30 WORKING_DAYS
				# the bureau's and the agencies' commitments for guiding cases and enforcement assistance (ADR-0028)
				GUIDING_CASE_REVIEW 20 WORKING_DAYS
				GUIDING_CASE_REVISION 10 WORKING_DAYS
				ASSISTANCE_REPLY 5 WORKING_DAYS
				ASSISTANCE_COMPLETION 15 WORKING_DAYS
				# R-DISC-7: last year's statistics to the justice bureau by 15 January, published by 31 January (ADR-0031)
				ANNUAL_STATISTICS_SUBMISSION 15 DAYS
				ANNUAL_STATISTICS_PUBLICATION 31 DAYS
				# R-QUAL-2: the officer's annual certificate review, decided by the legal office (ADR-0034)
				OFFICER_ANNUAL_REVIEW 20 WORKING_DAYS
				PENALTY_DECISION_WARNING_FIRST 60 DAYS
				PENALTY_DECISION_WARNING_SECOND 80 DAYS
				PENALTY_DECISION_EXTENSION 30 DAYS
				PAYMENT 15 DAYS
				PUBLIC_NOTICE_SERVICE 30 DAYS
				EVIDENCE_HANDOVER 3 DAYS
				EXECUTION_DEMAND 10 WORKING_DAYS
				COERCION_URGENT_APPROVAL 24 HOURS
				LITIGATION_PERIOD 6 MONTHS
				COURT_ENFORCEMENT_APPLICATION 3 MONTHS
				LIMITATION 2 YEARS
				LIMITATION_HARM 5 YEARS
				COMPLAINT_ROUTING 3 WORKING_DAYS
				COMPLAINT_ACCEPTANCE 7 WORKING_DAYS
				COMPLAINT_HANDLING 15 WORKING_DAYS
				APPRAISAL_PERIOD_MAX 180 DAYS
				# R-DISC-1: random-inspection results published within 20 working days (企业信息公示暂行条例 art. 7, ADR-0033)
				INSPECTION_RESULT_PUBLICATION 20 WORKING_DAYS
				""".lines().filter(l -> !l.startsWith("#")).map(l -> l.split(" "))
			.map(e -> new Expected(e[0], Integer.parseInt(e[1]), LimitUnit.valueOf(e[2]))).toList();
		StatutoryLimits limits = new CalendarRegistry("calendar").current().limits();
		for (Expected e : contract) {
			StatutoryLimit limit = limits.get(e.key());
			assertThat(limit).extracting(StatutoryLimit::amount, StatutoryLimit::unit).as(e.key())
				.containsExactly(e.amount(), e.unit());
			assertThat(limit.label()).as(e.key() + " label").matches(".*\\p{IsHan}.*");
			assertThat(limit.basis()).as(e.key() + " basis").isNotBlank();
		}
		assertThat(limits.byKey().keySet()).containsExactlyInAnyOrderElementsOf(contract.stream().map(Expected::key).toList());
	}

	@Test
	void limitsCountInTheirOwnUnit() {
		Function<String, Instant> at = s -> Instant.parse(s);
		Object start = "2026-09-30T10:00:00+08:00";
		// 3 working days across National Day 2026 → adjusted Saturday 10 Oct
		assertThat(deadlines.limit("CASE_TRANSFER", start).toInstant()).isEqualTo(at.apply("2026-10-10T15:59:59Z"));
		// 24 hours: exactly
		assertThat(deadlines.limit("CASE_TRANSFER_URGENT", start).toInstant()).isEqualTo(at.apply("2026-10-01T02:00:00Z"));
		// 3 days: ends 3 Oct, a holiday → rolls to 8 Oct
		assertThat(deadlines.limit("CRIMINAL_TRANSFER_APPROVAL", start).toInstant())
			.isEqualTo(at.apply("2026-10-08T15:59:59Z"));
		assertThatThrownBy(() -> deadlines.limit("NO_SUCH_LIMIT", start)).isInstanceOf(NoSuchElementException.class)
			.hasMessageContaining("NO_SUCH_LIMIT").hasMessageContaining("statutory-limits.yml");
	}

	/**
	 * Days that by rule do not count (calendar/period-suspensions.yml) lengthen a calendar-day period by
	 * exactly that many days, rolled forward like any period; a working-day period cannot be suspended by days.
	 */
	@Test
	void daysNotCountedLengthenACalendarDayPeriod() {
		Function<String, Instant> endOf = day -> Instant.parse(day + "T15:59:59Z");
		// filed Tue 15 Sep 2026: 90 days → Mon 14 Dec; 17 days not counted → Thu 31 Dec
		assertThat(deadlines.limitNotCounting("PENALTY_DECISION", "2026-09-15T09:00:00+08:00", 0).toInstant())
			.isEqualTo(endOf.apply("2026-12-14"));
		assertThat(deadlines.limitNotCounting("PENALTY_DECISION", "2026-09-15T09:00:00+08:00", null).toInstant())
			.isEqualTo(endOf.apply("2026-12-14"));
		assertThat(deadlines.limitNotCounting("PENALTY_DECISION", "2026-09-15T09:00:00+08:00", 17).toInstant())
			.isEqualTo(endOf.apply("2026-12-31"));
		// 60 days → Sat 14 Nov, rolled to Mon 16 Nov; with 17 more days → Tue 1 Dec
		assertThat(deadlines.limitNotCounting("PENALTY_DECISION_WARNING_FIRST", "2026-09-15T09:00:00+08:00", 17).toInstant())
			.isEqualTo(endOf.apply("2026-12-01"));
		assertThatThrownBy(() -> deadlines.limitNotCounting("HEARING_REQUEST", "2026-09-15T09:00:00+08:00", 3))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * 行政处罚法 art. 85: its 2, 3, 5 and 7 days are working days (issue 16 point 1). Notice served on
	 * 30 Sep 2026: 5 working days skip National Day → 8, 9, 10 (adjusted Saturday), 12, 13 Oct.
	 */
	@Test
	void thePenaltyLawsShortPeriodsAreWorkingDays() {
		Function<String, Instant> endOf = day -> Instant.parse(day + "T15:59:59Z");
		assertThat(deadlines.limit("HEARING_REQUEST", "2026-09-30T16:00:00+08:00").toInstant())
			.isEqualTo(endOf.apply("2026-10-13"));
		// a hearing notified on Mon 2 Nov 2026 is held 7 working days later at the earliest: Wed 11 Nov
		assertThat(deadlines.limit("HEARING_NOTICE", "2026-11-02T09:00:00+08:00").toInstant())
			.isEqualTo(endOf.apply("2026-11-11"));
		// service when the party is absent, 7 working days from a decision on Wed 30 Sep: 8, 9, 10, 12–15 Oct
		assertThat(deadlines.limit("SERVICE_ABSENT", "2026-09-30").toInstant()).isEqualTo(endOf.apply("2026-10-15"));
		// withdrawal of a revoked publication, 3 working days from Thu 24 Sep (Mid-Autumn 25–27 Sep): 28, 29, 30 Sep
		assertThat(deadlines.limit("DISCLOSURE_WITHDRAWAL", "2026-09-24").toInstant()).isEqualTo(endOf.apply("2026-09-30"));
		// longer periods stay calendar days: 90 days from filing on Mon 2 Nov 2026 → Sun 31 Jan 2027 → Mon 1 Feb
		assertThat(deadlines.limit("PENALTY_DECISION", "2026-11-02").toInstant()).isEqualTo(endOf.apply("2027-02-01"));
	}

	/** 行政强制法 art. 69: 10 days or less are working days, longer periods calendar days (issue 16 point 2). */
	@Test
	void theCoercionLawsPeriodsUpToTenDaysAreWorkingDays() {
		Function<String, Instant> endOf = day -> Instant.parse(day + "T15:59:59Z");
		// demand notice served Wed 30 Sep 2026: 10 working days → 8, 9, 10, 12–16, 19, 20 Oct
		assertThat(deadlines.limit("EXECUTION_DEMAND", "2026-09-30").toInstant()).isEqualTo(endOf.apply("2026-10-20"));
		// seizure 30 days from Wed 30 Sep 2026 → Fri 30 Oct (calendar days)
		assertThat(deadlines.limit("SEIZURE", "2026-09-30").toInstant()).isEqualTo(endOf.apply("2026-10-30"));
	}

	/** 行政处罚法 art. 36: 2 (or 5) years from the violation, the same date, not rolled. */
	@Test
	void theLimitationCountsYears() {
		assertThat(deadlines.limit("LIMITATION", "2024-03-16").toInstant()).isEqualTo(Instant.parse("2026-03-16T15:59:59Z"));
		assertThat(deadlines.limit("LIMITATION_HARM", "2021-11-02").toInstant())
			.isEqualTo(Instant.parse("2026-11-02T15:59:59Z"));
	}

	@Test
	void aDeadlineIn2027IsProvisional() {
		assertThat(deadlines.provisional("2027-03-01")).isTrue();
		assertThat(deadlines.provisional(Date.from(Instant.parse("2026-12-31T16:30:00Z")))).as("1 Jan 2027 in Shanghai")
			.isTrue();
		assertThat(deadlines.workdaysDeadline("2026-12-30", 2).provisional()).isTrue();
		assertThat(deadlines.workdays("2027-03-01", 5)).isEqualTo(Date.from(Instant.parse("2027-03-08T15:59:59Z")));
	}

	/**
	 * The annual statistics report's two dates (R-DISC-7) as limits of calendar/statutory-limits.yml, counted in calendar
	 * days from 31 December and rolled forward when the day is a rest day (the rule of LOCAL_ANNUAL_STATISTICS in
	 * statute-day-rules.yml): 2026 with its calendar, and January 2027, whose calendar is not published yet (weekends only,
	 * marked provisional and recomputed when calendar/2027.yml arrives). Was AnnualStatisticsProcessTests.
	 */
	@Test
	void theAnnualStatistics15thAnd31stAreRolledForwardToAWorkingDay() {
		// reports for 2026, due in 2027: Friday 15 January; Sunday 31 January → Monday 1 February
		assertThat(deadlines.limit("ANNUAL_STATISTICS_SUBMISSION", "2026-12-31")).isEqualTo(at("2027-01-15T23:59:59+08:00"));
		assertThat(deadlines.limit("ANNUAL_STATISTICS_PUBLICATION", "2026-12-31")).isEqualTo(at("2027-02-01T23:59:59+08:00"));
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
				.isEqualTo(Date.from(expected.atTime(23, 59, 59).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
		}
		// reports for 2025 and 2024, with their years' calendars (31 January 2025 in the Spring Festival holiday)
		assertThat(deadlines.limit("ANNUAL_STATISTICS_PUBLICATION", "2025-12-31")).isEqualTo(at("2026-02-02T23:59:59+08:00"));
		assertThat(deadlines.limit("ANNUAL_STATISTICS_PUBLICATION", "2024-12-31")).isEqualTo(at("2025-02-05T23:59:59+08:00"));
		assertThat(deadlines.limit("ANNUAL_STATISTICS_SUBMISSION", "2024-12-31")).isEqualTo(at("2025-01-15T23:59:59+08:00"));
	}

	private static Date at(String iso) {
		return Date.from(java.time.OffsetDateTime.parse(iso).toInstant());
	}
}

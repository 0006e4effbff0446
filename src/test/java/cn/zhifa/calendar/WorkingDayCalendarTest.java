package cn.zhifa.calendar;

import static cn.zhifa.calendar.OfficialCalendar.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Counting rules of REQUIREMENTS "Statutory deadlines" on the real calendar/ files (2025, 2026; 2027 missing). */
class WorkingDayCalendarTest {

	static WorkingDayCalendar calendar;

	@BeforeAll
	static void loadRealFiles() {
		calendar = CalendarFiles.load(Path.of("calendar")).calendar();
	}

	@ParameterizedTest(name = "{0} is a rest day ({1})")
	@MethodSource("cn.zhifa.calendar.OfficialCalendar#holidayDays")
	void everyHolidayIsARestDayWithItsName(LocalDate day, String name) {
		assertThat(calendar.isWorkday(day)).isFalse();
		assertThat(calendar.dayInfo(day)).isEqualTo(new DayInfo(false, name));
	}

	@ParameterizedTest(name = "{0} (adjusted) is a working day")
	@MethodSource("cn.zhifa.calendar.OfficialCalendar#adjustedWorkdays")
	void everyAdjustedWorkingDayIsAWorkingDay(LocalDate day) {
		assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(calendar.isWorkday(day)).isTrue();
		assertThat(calendar.dayInfo(day).workday()).isTrue();
		assertThat(calendar.dayInfo(day).name()).endsWith("调休上班");
	}

	@Test
	void everyOtherDayOf2025And2026FollowsTheWeekendRule() {
		int workdays2025 = 0;
		int workdays2026 = 0;
		for (LocalDate day = d("2025-01-01"); day.isBefore(d("2027-01-01")); day = day.plusDays(1)) {
			boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
			boolean expected = OfficialCalendar.ADJUSTED_WORKDAYS.contains(day)
					|| (!weekend && !OfficialCalendar.isHoliday(day));
			assertThat(calendar.isWorkday(day)).as(day.toString()).isEqualTo(expected);
			if (expected) {
				if (day.getYear() == 2025) {
					workdays2025++;
				}
				else {
					workdays2026++;
				}
			}
		}
		// 248 working days in each year (11 statutory holidays since the 2025 reform)
		assertThat(workdays2025).isEqualTo(248);
		assertThat(workdays2026).isEqualTo(248);
	}

	@ParameterizedTest(name = "workdays({0}, {1}) = {2}")
	@CsvSource({
			// the start day is not counted (R-REV-3: 5 working days from receipt of the materials)
			"2025-03-03, 1, 2025-03-04", "2025-03-03, 5, 2025-03-10", "2025-03-01, 1, 2025-03-03",
			"2025-03-07, 1, 2025-03-10",
			// Spring Festival 2025 (28 Jan – 4 Feb; Sun 26 Jan and Sat 8 Feb are working days)
			"2025-01-24, 1, 2025-01-26", "2025-01-27, 1, 2025-02-05", "2025-01-27, 3, 2025-02-07",
			"2025-01-27, 4, 2025-02-08", "2025-01-27, 5, 2025-02-10",
			// Spring Festival 2026 (15 – 23 Feb; Sat 14 Feb and Sat 28 Feb are working days)
			"2026-02-13, 1, 2026-02-14", "2026-02-13, 2, 2026-02-24", "2026-02-12, 5, 2026-02-26",
			"2026-02-26, 2, 2026-02-28", "2026-02-26, 3, 2026-03-02",
			// National Day 2025 (1 – 8 Oct; Sun 28 Sep and Sat 11 Oct are working days)
			"2025-09-26, 1, 2025-09-28", "2025-09-30, 1, 2025-10-09", "2025-09-30, 3, 2025-10-11",
			"2025-10-03, 1, 2025-10-09",
			// National Day 2026 (1 – 7 Oct; Sun 20 Sep and Sat 10 Oct are working days)
			"2026-09-30, 1, 2026-10-08", "2026-09-30, 3, 2026-10-10", "2026-09-30, 4, 2026-10-12",
			"2026-09-18, 1, 2026-09-20", "2026-09-24, 1, 2026-09-28",
			// year end 2025 → 2026 (1 – 3 Jan holiday, Sun 4 Jan working day)
			"2025-12-31, 1, 2026-01-04", "2025-12-30, 5, 2026-01-07", "2025-12-26, 3, 2025-12-31",
			// 10 working days after closing (R-COORD-3), 15 for filing, across Labour Day
			"2026-04-28, 10, 2026-05-14", "2026-04-20, 15, 2026-05-13" })
	void workingDayPeriods(LocalDate start, int n, LocalDate due) {
		Deadline deadline = calendar.workdays(start, n);
		assertThat(deadline.due()).isEqualTo(due);
		assertThat(deadline.provisional()).isFalse();
	}

	@Test
	void zeroWorkingDaysIsTheStartDayAndNegativeIsRefused() {
		assertThat(calendar.workdays(d("2026-03-02"), 0).due()).isEqualTo(d("2026-03-02"));
		assertThatThrownBy(() -> calendar.workdays(d("2026-03-02"), -1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> calendar.days(d("2026-03-02"), -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "days({0}, {1}) = {2}")
	@CsvSource({
			// ends on a working day: no roll-forward; the start day is not counted
			"2025-09-26, 3, 2025-09-29", "2026-03-02, 3, 2026-03-05",
			// ends on a weekend → next Monday
			"2025-03-03, 5, 2025-03-10",
			// ends inside National Day 2025 → first working day after it
			"2025-09-28, 3, 2025-10-09",
			// ends inside Spring Festival 2026 → 24 Feb
			"2026-02-10, 7, 2026-02-24",
			// ends on the adjusted Saturday 10 Oct 2026: a working day, so no roll
			"2026-10-03, 7, 2026-10-10",
			// ends on Sunday 11 Oct 2026 → Monday 12 Oct
			"2026-10-04, 7, 2026-10-12",
			// 90 days from filing (行政处罚法 art. 60) ending in Qingming 2026 → 7 Apr
			"2026-01-05, 90, 2026-04-07",
			// year end: ends on 1 Jan 2026 → rolls past New Year to Sunday 4 Jan (adjusted working day)
			"2025-12-29, 3, 2026-01-04",
			// seizure 30 days
			"2026-04-10, 30, 2026-05-11" })
	void calendarDayPeriodsRollForwardOffRestDays(LocalDate start, int n, LocalDate due) {
		Deadline deadline = calendar.days(start, n);
		assertThat(deadline.due()).isEqualTo(due);
		assertThat(deadline.provisional()).isFalse();
	}

	@Test
	void theDeadlineIsTheLastSecondOfTheDueDayInShanghai() {
		Deadline deadline = calendar.workdays(d("2025-03-03"), 1);
		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2025-03-04T15:59:59Z"));
		assertThat(WorkingDayCalendar.endOfDay(d("1985-06-01")))
			.isEqualTo(d("1985-06-01").atTime(23, 59, 59).atZone(WorkingDayCalendar.SHANGHAI).toInstant());
		assertThat(WorkingDayCalendar.endOfDay(d("1988-07-01")))
			.as("summer time in 1988: the zone rules decide").isEqualTo(Instant.parse("1988-07-01T14:59:59Z"));
	}

	@ParameterizedTest(name = "workdaysBefore({0}, {1}) = {2}")
	@CsvSource({ "2025-10-09, 1, 2025-09-30", "2026-10-08, 1, 2026-09-30", "2026-02-24, 1, 2026-02-14",
			"2026-01-05, 1, 2026-01-04", "2026-01-04, 1, 2025-12-31", "2026-03-05, 2, 2026-03-03",
			"2026-03-05, 0, 2026-03-05" })
	void warningDaysCountBackOverRestDays(LocalDate deadline, int n, LocalDate warning) {
		assertThat(calendar.workdaysBefore(deadline, n)).isEqualTo(warning);
	}

	@ParameterizedTest(name = "workdaysBetween({0}, {1}) = {2}")
	@CsvSource({ "2025-09-30, 2025-10-09, 1", "2025-03-03, 2025-03-10, 5", "2025-03-10, 2025-03-03, -5",
			"2026-03-02, 2026-03-02, 0", "2025-12-31, 2026-01-04, 1", "2024-12-31, 2025-12-31, 248" })
	void workingDaysBetweenTwoDates(LocalDate from, LocalDate to, int expected) {
		assertThat(calendar.workdaysBetween(from, to)).isEqualTo(expected);
	}

	@Test
	void aYearWithoutAFileIsCountedByWeekendsAndFlaggedProvisional() {
		assertThat(calendar.hasYear(2026)).isTrue();
		assertThat(calendar.hasYear(2027)).isFalse();
		Deadline in2027 = calendar.workdays(d("2027-03-01"), 5);
		assertThat(in2027.due()).isEqualTo(d("2027-03-08"));
		assertThat(in2027.provisional()).isTrue();
		// crossing into 2027: 31 Dec 2026 is known, 1 Jan 2027 is a guess
		assertThat(calendar.workdays(d("2026-12-30"), 1)).extracting(Deadline::due, Deadline::provisional)
			.containsExactly(d("2026-12-31"), false);
		assertThat(calendar.workdays(d("2026-12-30"), 2)).extracting(Deadline::due, Deadline::provisional)
			.containsExactly(d("2027-01-01"), true);
		// starting on 31 Dec 2026 every counted day is in 2027
		assertThat(calendar.workdays(d("2026-12-31"), 1).provisional()).isTrue();
		// calendar days into 2027: whether the end day is a rest day is a guess
		assertThat(calendar.days(d("2026-12-20"), 30).provisional()).isTrue();
		assertThat(calendar.days(d("2026-11-20"), 30).provisional()).isFalse();
		// a year before the first file is not known either
		assertThat(calendar.workdays(d("2024-06-03"), 1).provisional()).isTrue();
	}

	@Test
	void fastCountingAgreesWithCountingDayByDay() {
		Random random = new Random(20261121);
		for (int i = 0; i < 5_000; i++) {
			LocalDate start = d("2024-10-01").plusDays(random.nextInt(3 * 365));
			int n = random.nextInt(40);
			LocalDate expected = start;
			for (int counted = 0; counted < n;) {
				expected = expected.plusDays(1);
				if (calendar.isWorkday(expected)) {
					counted++;
				}
			}
			assertThat(calendar.workdays(start, n).due()).as("workdays(%s, %d)", start, n).isEqualTo(expected);
			assertThat(calendar.workdaysBetween(start, expected)).isEqualTo(n);
			if (n > 0) {
				assertThat(calendar.workdaysBefore(expected, n)).isBeforeOrEqualTo(start);
				assertThat(calendar.workdaysBetween(calendar.workdaysBefore(expected, n), expected)).isEqualTo(n);
			}
		}
	}

	@Test
	void datesOutsideThePrecomputedWindowStillCount() {
		// 2200-01-01 is a Wednesday; weekends only, provisional
		Deadline far = calendar.workdays(d("2200-01-01"), 3);
		assertThat(far.due()).isEqualTo(d("2200-01-06"));
		assertThat(far.provisional()).isTrue();
		assertThat(calendar.days(d("1900-01-05"), 1).due()).isEqualTo(d("1900-01-08"));
		assertThat(calendar.workdaysBefore(d("2200-01-06"), 3)).isEqualTo(d("2200-01-01"));
		assertThat(calendar.workdaysBetween(d("2200-01-01"), d("2200-01-06"))).isEqualTo(3);
	}

	@Test
	void weekendsOnlyCalendarKnowsNoYear() {
		WorkingDayCalendar none = WorkingDayCalendar.weekendsOnly();
		assertThat(none.years()).isEmpty();
		assertThat(none.workdays(d("2025-01-27"), 1)).extracting(Deadline::due, Deadline::provisional)
			.containsExactly(d("2025-01-28"), true);
	}
}

package cn.zhifa.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The State Council notices for 2025 and 2026 as REQUIREMENTS.md states them, written out
 * independently of calendar/*.yml so the tests check the files, not themselves.
 */
final class OfficialCalendar {

	record Holiday(String name, LocalDate from, LocalDate to) {
	}

	static final List<Holiday> HOLIDAYS = List.of(
			new Holiday("元旦", d("2025-01-01"), d("2025-01-01")),
			new Holiday("春节", d("2025-01-28"), d("2025-02-04")),
			new Holiday("清明节", d("2025-04-04"), d("2025-04-06")),
			new Holiday("劳动节", d("2025-05-01"), d("2025-05-05")),
			new Holiday("端午节", d("2025-05-31"), d("2025-06-02")),
			new Holiday("国庆节、中秋节", d("2025-10-01"), d("2025-10-08")),
			new Holiday("元旦", d("2026-01-01"), d("2026-01-03")),
			new Holiday("春节", d("2026-02-15"), d("2026-02-23")),
			new Holiday("清明节", d("2026-04-04"), d("2026-04-06")),
			new Holiday("劳动节", d("2026-05-01"), d("2026-05-05")),
			new Holiday("端午节", d("2026-06-19"), d("2026-06-21")),
			new Holiday("中秋节", d("2026-09-25"), d("2026-09-27")),
			new Holiday("国庆节", d("2026-10-01"), d("2026-10-07")));

	/** 调休上班: Saturdays and Sundays that are working days. */
	static final List<LocalDate> ADJUSTED_WORKDAYS = List.of(d("2025-01-26"), d("2025-02-08"), d("2025-04-27"),
			d("2025-09-28"), d("2025-10-11"), d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"),
			d("2026-09-20"), d("2026-10-10"));

	private OfficialCalendar() {
	}

	static Stream<Arguments> holidayDays() {
		List<Arguments> days = new ArrayList<>();
		for (Holiday h : HOLIDAYS) {
			for (LocalDate day = h.from(); !day.isAfter(h.to()); day = day.plusDays(1)) {
				days.add(Arguments.of(day, h.name()));
			}
		}
		return days.stream();
	}

	static Stream<LocalDate> adjustedWorkdays() {
		return ADJUSTED_WORKDAYS.stream();
	}

	static boolean isHoliday(LocalDate day) {
		return HOLIDAYS.stream().anyMatch(h -> !day.isBefore(h.from()) && !day.isAfter(h.to()));
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}
}

package cn.zhifa.calendar;

import java.time.Instant;
import java.util.List;

/**
 * Everything loaded from one calendar folder: the year files, the calculator built from them, the limits and
 * the statutes' own day-type rules the limits were checked against.
 */
public record CalendarData(String origin, List<YearCalendar> yearFiles, WorkingDayCalendar calendar,
		StatutoryLimits limits, StatuteDayRules statuteRules, Instant loadedAt) {

	public CalendarData {
		yearFiles = List.copyOf(yearFiles);
	}
}

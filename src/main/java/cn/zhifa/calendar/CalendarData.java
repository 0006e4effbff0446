package cn.zhifa.calendar;

import java.time.Instant;
import java.util.List;

/** Everything loaded from one calendar folder: the year files, the calculator built from them and the limits. */
public record CalendarData(String origin, List<YearCalendar> yearFiles, WorkingDayCalendar calendar,
		StatutoryLimits limits, Instant loadedAt) {

	public CalendarData {
		yearFiles = List.copyOf(yearFiles);
	}
}

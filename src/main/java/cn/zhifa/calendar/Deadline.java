package cn.zhifa.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A computed deadline: the due day, the instant the period ends (end of that day in Asia/Shanghai,
 * 23:59:59 +08:00, see ADR-0005) and whether it is provisional, i.e. some day the count depended on
 * lies in a year that has no calendar file (weekends only were assumed there).
 */
public record Deadline(LocalDate due, Instant dueAt, boolean provisional) {

	/** Last second of the due day: what is done on the due day, at any hour, is on time. */
	static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	static Deadline endOf(LocalDate due, boolean provisional) {
		return new Deadline(due, WorkingDayCalendar.endOfDay(due), provisional);
	}
}

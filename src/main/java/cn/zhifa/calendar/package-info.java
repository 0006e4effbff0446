/**
 * Working-day calendar and deadlines: the one place where statutory and promised time limits are
 * turned into dates (REQUIREMENTS "Statutory deadlines" and "Working-day calendar").
 * <p>
 * The data lives outside {@code src/}: one file per year under {@code calendar/} (holidays and
 * adjusted working days from the State Council notice) and {@code calendar/statutory-limits.yml}
 * (every limit a process uses). {@link cn.zhifa.calendar.CalendarRegistry} loads them at start-up
 * and on {@code POST /api/calendar/reload}; a malformed file is refused with file and line and the
 * previous data stays in force.
 * <p>
 * {@link cn.zhifa.calendar.WorkingDayCalendar} is the plain-Java calculator (LocalDate in,
 * {@link cn.zhifa.calendar.Deadline} out); the Spring bean {@code deadlines}
 * ({@link cn.zhifa.calendar.Deadlines}) exposes it to BPMN expressions such as
 * {@code ${deadlines.workdays(materialsReceivedAt, 5)}} and {@code ${deadlines.limit('LEGAL_REVIEW', receivedAt)}}.
 * Everything is computed in Asia/Shanghai whatever the JVM's default time zone. A date in a year
 * without a file is computed with weekends only and flagged provisional, never silently guessed.
 */
package cn.zhifa.calendar;

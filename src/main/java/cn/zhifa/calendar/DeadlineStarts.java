package cn.zhifa.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;

/**
 * Turns what a process variable or a REST caller holds into an instant or an Asia/Shanghai date:
 * {@link Date} (also {@code java.sql} dates), {@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link LocalDate}, {@link LocalDateTime}, {@link Calendar} or an ISO-8601
 * string. Values without a zone ({@code LocalDate}, {@code LocalDateTime}, "2026-03-02") are
 * Asia/Shanghai wall time; the JVM's default zone is never used.
 */
final class DeadlineStarts {

	private DeadlineStarts() {
	}

	static Instant instant(Object value, String what) {
		Object v = parsedIfString(value, what);
		if (v instanceof Instant i) {
			return i;
		}
		if (v instanceof Date d) {
			return Instant.ofEpochMilli(d.getTime()); // java.sql.Date.toInstant() would throw
		}
		if (v instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (v instanceof ZonedDateTime z) {
			return z.toInstant();
		}
		if (v instanceof LocalDateTime l) {
			return l.atZone(WorkingDayCalendar.SHANGHAI).toInstant();
		}
		if (v instanceof LocalDate l) {
			return WorkingDayCalendar.startOfDay(l);
		}
		if (v instanceof Calendar c) {
			return c.toInstant();
		}
		throw unsupported(value, what);
	}

	static LocalDate day(Object value, String what) {
		Object v = parsedIfString(value, what);
		if (v instanceof LocalDate l) {
			return l;
		}
		if (v instanceof LocalDateTime l) {
			return l.toLocalDate();
		}
		return WorkingDayCalendar.dayOf(instant(v, what));
	}

	private static Object parsedIfString(Object value, String what) {
		if (value == null) {
			throw new IllegalArgumentException(what + " is null: a deadline needs a date to count from");
		}
		if (!(value instanceof CharSequence cs)) {
			return value;
		}
		String s = cs.toString().trim();
		try {
			if (s.length() == 10) {
				return LocalDate.parse(s);
			}
			if (s.endsWith("]")) {
				return ZonedDateTime.parse(s);
			}
			if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}(:?\\d{2})?$")) {
				return OffsetDateTime.parse(s);
			}
			return LocalDateTime.parse(s);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(what + " '" + s
					+ "' is not an ISO-8601 date or date-time (e.g. 2026-03-02 or 2026-03-02T09:30:00+08:00)", e);
		}
	}

	private static IllegalArgumentException unsupported(Object value, String what) {
		return new IllegalArgumentException(what + " of type " + value.getClass().getName()
				+ " is not a date: use java.util.Date, LocalDate, OffsetDateTime, ZonedDateTime, Instant or an ISO-8601 string");
	}
}

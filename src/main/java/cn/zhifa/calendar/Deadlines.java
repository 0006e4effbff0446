package cn.zhifa.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The bean {@code deadlines} for BPMN expressions: user-task {@code camunda:dueDate} /
 * {@code camunda:followUpDate} and timer {@code timeDate}, e.g.
 * {@code ${deadlines.workdays(materialsReceivedAt, 5)}}, {@code ${deadlines.limit('LEGAL_REVIEW', materialsReceivedAt)}}
 * or the warning timer {@code ${deadlines.workdaysBefore(reviewDueAt, 1)}} (docs/calendar.md).
 * <p>
 * A start may be a {@link Date}, {@code LocalDate}, {@code OffsetDateTime}, {@code ZonedDateTime},
 * {@code Instant} or an ISO-8601 string; its day is its Asia/Shanghai date. Deadlines are the end
 * of the due day (23:59:59 +08:00). A result in a year without a calendar file is computed with
 * weekends only and logged once as provisional (see {@link #provisional(Object)}).
 * <p>
 * A deadline kept in a process variable: services take the value ({@link Due}: {@link #limitDue},
 * {@link #extendedDue}, {@link #workdaysDue}) and the delegate or task check that calls them sets its
 * variables (ADR-0038).
 */
@Component("deadlines")
public class Deadlines {

	private final CalendarRegistry registry;

	Deadlines(CalendarRegistry registry) {
		this.registry = registry;
	}

	/** End of the {@code n}-th working day after the start day (the start day is not counted). */
	public Date workdays(Object start, int n) {
		return date(workdaysDeadline(start, n), "workdays(" + n + ")");
	}

	/** Calendar days ("日"): end of the day {@code n} days after the start day, rolled forward to a working day. */
	public Date days(Object start, int n) {
		return date(daysDeadline(start, n), "days(" + n + ")");
	}

	/** Exactly {@code h} hours after the start instant (a LocalDate start counts from 00:00 Asia/Shanghai). */
	public Date hours(Object start, int h) {
		if (h < 0) {
			throw new IllegalArgumentException("a period cannot be negative: " + h + " hours");
		}
		return Date.from(DeadlineStarts.instant(start, "deadline start").plus(Duration.ofHours(h)));
	}

	/** The deadline of statutory limit {@code key} of {@code calendar/statutory-limits.yml}, counted from {@code start}. */
	public Date limit(String key, Object start) {
		StatutoryLimit limit = registry.current().limits().get(key);
		return switch (limit.unit()) {
			case WORKING_DAYS -> date(workdaysDeadline(start, limit.amount()), key);
			case DAYS -> date(daysDeadline(start, limit.amount()), key);
			case HOURS -> hours(start, limit.amount());
			case MONTHS -> date(monthsDeadline(start, limit.amount()), key);
			case YEARS -> Date.from(WorkingDayCalendar
				.endOfDay(DeadlineStarts.day(start, "deadline start").plusYears(limit.amount())));
		};
	}

	/**
	 * The deadline of limit {@code key} counted from {@code start} when {@code notCounted} calendar days
	 * of it did not count (periods suspended by rule, calendar/period-suspensions.yml): a period in
	 * calendar days ({@code DAYS}) ends that many days later, {@code e.g.
	 * ${deadlines.limitNotCounting('PENALTY_DECISION_WARNING_FIRST', filedAt, execution.getVariable('decisionSuspendedDays'))}}.
	 * {@code notCounted} null or 0 is {@link #limit(String, Object)}; only calendar-day limits can be suspended by days.
	 */
	public Date limitNotCounting(String key, Object start, Object notCounted) {
		int days = notCounted == null ? 0 : ((Number) notCounted).intValue();
		if (days == 0) {
			return limit(key, start);
		}
		StatutoryLimit limit = registry.current().limits().get(key);
		if (days < 0 || limit.unit() != LimitUnit.DAYS) {
			throw new IllegalArgumentException("limit " + key + " (" + limit.unit() + ") cannot be suspended by " + days + " days");
		}
		return date(daysDeadline(start, limit.amount() + days), key + "+" + days);
	}

	/**
	 * The warning instant: start (00:00 Asia/Shanghai) of the day {@code n} working days before the
	 * deadline's day; {@code n = 0} is the start of the deadline's day.
	 */
	public Date workdaysBefore(Object deadline, int n) {
		LocalDate day = registry.current().calendar().workdaysBefore(DeadlineStarts.day(deadline, "deadline"), n);
		return Date.from(WorkingDayCalendar.startOfDay(day));
	}

	/** Working days from a's day (exclusive) to b's day (inclusive); negative when b is before a. */
	public int workdaysBetween(Object a, Object b) {
		return registry.current().calendar().workdaysBetween(DeadlineStarts.day(a, "first date"),
				DeadlineStarts.day(b, "second date"));
	}

	// --- deadlines held in process variables, with how they were computed (docs/calendar.md) --------

	/**
	 * A deadline held in process variable {@code variable}, with {@code <variable>Basis}, how it was computed
	 * ({@link DeadlineBasis}), so that it is recomputed when a missing year's calendar arrives.
	 *
	 * @param variable the variable of the deadline
	 * @param at       the deadline
	 * @param basis    the text of {@code <variable>Basis}
	 */
	public record Due(String variable, Date at, String basis) {

		/** The two variables to set: the deadline, then its basis. */
		public Map<String, Object> variables() {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put(variable, at);
			variables.put(DeadlineBasis.variableOf(variable), basis);
			return variables;
		}
	}

	/** The deadline of limit {@code key} counted from {@code start}, to keep in {@code variable} with its basis. */
	public Due limitDue(String variable, String key, Object start) {
		Instant from = DeadlineStarts.instant(start, "deadline start");
		return new Due(variable, limit(key, start), DeadlineBasis.limit(key, from).format());
	}

	/**
	 * The deadline {@code current} held in {@code variable} (its basis {@code currentBasis}, the text of
	 * {@code <variable>Basis}) extended by limit {@code key} counted from it (an approved extension); the basis
	 * gets the step, so a recomputation runs the whole chain again.
	 */
	public Due extendedDue(String variable, Object current, Object currentBasis, String key) {
		DeadlineBasis before = basisOf(currentBasis);
		DeadlineBasis basis = before != null && current instanceof Date d && d.equals(before.evaluate(this))
				? before.then(key) : DeadlineBasis.limit(key, DeadlineStarts.instant(current, variable));
		return new Due(variable, limit(key, current), basis.format());
	}

	/**
	 * As {@link #limitDue} with {@code notCounted} days that do not count (suspended periods,
	 * {@link #limitNotCounting}); the basis keeps them, so a recomputation keeps the suspension.
	 */
	public Due limitNotCountingDue(String variable, String key, Object start, int notCounted) {
		if (notCounted == 0) {
			return limitDue(variable, key, start);
		}
		Instant from = DeadlineStarts.instant(start, "deadline start");
		return new Due(variable, limitNotCounting(key, start, notCounted),
				DeadlineBasis.limitNotCounting(key, notCounted, from).format());
	}

	/** As {@link #limitDue} for {@code n} working days after {@code start}. */
	public Due workdaysDue(String variable, Object start, int n) {
		Instant from = DeadlineStarts.instant(start, "deadline start");
		return new Due(variable, workdays(start, n), DeadlineBasis.workdays(n, from).format());
	}

	/**
	 * For a model that sets a deadline variable itself (an output parameter
	 * {@code ${deadlines.workdays(start, n)}}): the text to put in {@code <variable>Basis} beside it.
	 */
	public String workdaysBasis(Object start, int n) {
		return DeadlineBasis.workdays(n, DeadlineStarts.instant(start, "deadline start")).format();
	}

	/** As {@link #workdaysBasis} for {@code ${deadlines.limit(key, start)}}. */
	public String limitBasis(String key, Object start) {
		return DeadlineBasis.limit(key, DeadlineStarts.instant(start, "deadline start")).format();
	}

	private static DeadlineBasis basisOf(Object text) {
		if (!(text instanceof String s)) {
			return null;
		}
		try {
			return DeadlineBasis.parse(s);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Whether the Asia/Shanghai year of {@code date} has no calendar file (results there are guesses). */
	public boolean provisional(Object date) {
		return !registry.current().calendar().hasYear(DeadlineStarts.day(date, "date").getYear());
	}

	/** The full result (due day, instant, provisional flag) of a working-day period. */
	public Deadline workdaysDeadline(Object start, int n) {
		return registry.current().calendar().workdays(DeadlineStarts.day(start, "deadline start"), n);
	}

	/** A period of months: to the corresponding day (or the month's last), then as a period of days. */
	public Deadline monthsDeadline(Object start, int n) {
		LocalDate from = DeadlineStarts.day(start, "deadline start");
		return registry.current().calendar().days(from, (int) ChronoUnit.DAYS.between(from, from.plusMonths(n)));
	}

	/**
	 * Calendar days from {@code from}'s day to {@code to}'s day (China's dates), 0 when {@code to} is not
	 * later: e.g. how long a payment is overdue for the surcharge of 行政处罚法 art. 72.
	 */
	public long daysAfter(Object from, Object to) {
		LocalDate first = DeadlineStarts.day(from, "from");
		LocalDate last = DeadlineStarts.day(to, "to");
		return Math.max(0, ChronoUnit.DAYS.between(first, last));
	}

	/** The full result of a calendar-day period. */
	public Deadline daysDeadline(Object start, int n) {
		return registry.current().calendar().days(DeadlineStarts.day(start, "deadline start"), n);
	}

	private Date date(Deadline deadline, String what) {
		if (deadline.provisional()) {
			registry.noteProvisional(deadline, what);
		}
		return Date.from(deadline.dueAt());
	}
}

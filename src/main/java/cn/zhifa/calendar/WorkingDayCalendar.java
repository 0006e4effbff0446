package cn.zhifa.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import cn.zhifa.platform.EngineClock;

/**
 * The working-day calculator (REQUIREMENTS "Working-day calendar", "Statutory deadlines"): plain
 * Java, immutable, {@link LocalDate} in and {@link Deadline} out, no time zone of its own (the
 * dates are Asia/Shanghai dates; {@link Deadlines} converts instants).
 * <p>
 * Rules: Saturday and Sunday are rest days and Monday to Friday working days, except the dates a
 * year file lists (holidays, adjusted working days). A year without a file follows the weekend
 * rule only, and every result that depends on such a year is {@linkplain Deadline#provisional()
 * provisional}. The day on which a period starts is never counted.
 * <p>
 * Speed: working days are counted with two precomputed arrays over a window of years (a running
 * count of working days per date, and the list of working dates), so {@link #workdays} is two
 * array reads whatever {@code n} is; dates outside the window fall back to counting day by day.
 */
public final class WorkingDayCalendar {

	/** The time zone of every Chinese statutory period, whatever the server's default. */
	public static final ZoneId SHANGHAI = EngineClock.ZONE;

	private static final int WINDOW_FIRST_YEAR = 2000;
	private static final int WINDOW_LAST_YEAR = 2100;

	private final SortedSet<Integer> years;
	private final Map<LocalDate, DayInfo> days;
	private final int firstYear;
	private final int lastYear;
	private final long baseEpochDay;
	private final int size;
	/** cumulative[i] = number of working days among window days 0 .. i-1 (length size + 1). */
	private final int[] cumulative;
	/** window indexes of the working days, ascending. */
	private final int[] workdayIndexes;
	/** missingYears[y - firstYear + 1] = number of years without a file among firstYear .. y. */
	private final int[] missingYears;

	public WorkingDayCalendar(Collection<YearCalendar> yearCalendars) {
		TreeSet<Integer> covered = new TreeSet<>();
		Map<LocalDate, DayInfo> merged = new HashMap<>();
		for (YearCalendar year : yearCalendars) {
			covered.add(year.year());
			merged.putAll(year.days());
		}
		this.years = Collections.unmodifiableSortedSet(covered);
		this.days = Map.copyOf(merged);
		this.firstYear = covered.isEmpty() ? WINDOW_FIRST_YEAR : Math.min(WINDOW_FIRST_YEAR, covered.first() - 1);
		this.lastYear = covered.isEmpty() ? WINDOW_LAST_YEAR : Math.max(WINDOW_LAST_YEAR, covered.last() + 1);
		this.baseEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
		this.size = (int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - baseEpochDay + 1);
		this.cumulative = new int[size + 1];
		int[] indexes = new int[size];
		int count = 0;
		for (int i = 0; i < size; i++) {
			if (ruleSaysWorkday(LocalDate.ofEpochDay(baseEpochDay + i))) {
				indexes[count++] = i;
			}
			cumulative[i + 1] = count;
		}
		this.workdayIndexes = Arrays.copyOf(indexes, count);
		this.missingYears = new int[lastYear - firstYear + 2];
		for (int y = firstYear; y <= lastYear; y++) {
			missingYears[y - firstYear + 1] = missingYears[y - firstYear] + (covered.contains(y) ? 0 : 1);
		}
	}

	/** A calendar without any year file: weekends only, every result provisional. */
	public static WorkingDayCalendar weekendsOnly() {
		return new WorkingDayCalendar(List.of());
	}

	/** The years that have a calendar file. */
	public SortedSet<Integer> years() {
		return years;
	}

	public boolean hasYear(int year) {
		return years.contains(year);
	}

	/** Whether {@code date} is a working day (a guess by weekends only if its year has no file). */
	public boolean isWorkday(LocalDate date) {
		long i = date.toEpochDay() - baseEpochDay;
		if (i >= 0 && i < size) {
			return cumulative[(int) i + 1] != cumulative[(int) i];
		}
		return ruleSaysWorkday(date);
	}

	/** The holiday or adjusted-working-day entry of the calendar file for {@code date}, or null for an ordinary day. */
	public DayInfo dayInfo(LocalDate date) {
		return days.get(date);
	}

	/**
	 * Working-day period: the due day is the {@code n}-th working day after {@code start} (the start
	 * day is not counted; {@code n = 0} is the start day itself). Provisional when a day from the
	 * day after {@code start} to the due day lies in a year without a file.
	 */
	public Deadline workdays(LocalDate start, int n) {
		requireNonNegative(n);
		if (n == 0) {
			return Deadline.endOf(start, anyYearMissing(start.getYear(), start.getYear()));
		}
		long s = start.toEpochDay() - baseEpochDay;
		int firstCountedYear = start.getMonthValue() == 12 && start.getDayOfMonth() == 31 ? start.getYear() + 1
				: start.getYear();
		if (s >= 0 && s < size) {
			int k = cumulative[(int) s + 1] + n - 1;
			if (k < workdayIndexes.length) {
				LocalDate due = LocalDate.ofEpochDay(baseEpochDay + workdayIndexes[k]);
				return Deadline.endOf(due, anyYearMissing(firstCountedYear, due.getYear()));
			}
		}
		LocalDate due = start;
		for (int counted = 0; counted < n;) {
			due = due.plusDays(1);
			if (isWorkday(due)) {
				counted++;
			}
		}
		return Deadline.endOf(due, anyYearMissing(firstCountedYear, due.getYear()));
	}

	/**
	 * Calendar-day period for a statute's "日": the start day is not counted, so the period ends
	 * {@code n} days after {@code start}; a period that would end on a rest day ends on the next
	 * working day. Provisional when that roll-forward depends on a year without a file.
	 */
	public Deadline days(LocalDate start, int n) {
		requireNonNegative(n);
		LocalDate end = start.plusDays(n);
		LocalDate due = nextWorkdayOnOrAfter(end);
		return Deadline.endOf(due, anyYearMissing(end.getYear(), due.getYear()));
	}

	/** The {@code n}-th working day before {@code day} ({@code day} itself not counted; {@code n = 0} is {@code day}). */
	public LocalDate workdaysBefore(LocalDate day, int n) {
		requireNonNegative(n);
		if (n == 0) {
			return day;
		}
		long d = day.toEpochDay() - baseEpochDay;
		if (d >= 0 && d < size) {
			int k = cumulative[(int) d] - n;
			if (k >= 0) {
				return LocalDate.ofEpochDay(baseEpochDay + workdayIndexes[k]);
			}
		}
		LocalDate result = day;
		for (int counted = 0; counted < n;) {
			result = result.minusDays(1);
			if (isWorkday(result)) {
				counted++;
			}
		}
		return result;
	}

	/**
	 * Working days after {@code from}'s day up to and including {@code to}'s day (how many working
	 * days a step took); negative when {@code to} is before {@code from}.
	 */
	public int workdaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workdaysBetween(to, from);
		}
		long a = from.toEpochDay() - baseEpochDay;
		long b = to.toEpochDay() - baseEpochDay;
		if (a >= 0 && b < size) {
			return cumulative[(int) b + 1] - cumulative[(int) a + 1];
		}
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkday(d)) {
				count++;
			}
		}
		return count;
	}

	/** Whether any year from {@code from} to {@code to} (inclusive) has no calendar file. */
	public boolean anyYearMissing(int from, int to) {
		if (from >= firstYear && to <= lastYear) {
			return missingYears[to - firstYear + 1] - missingYears[from - firstYear] > 0;
		}
		for (int y = from; y <= to; y++) {
			if (!years.contains(y)) {
				return true;
			}
		}
		return false;
	}

	LocalDate nextWorkdayOnOrAfter(LocalDate date) {
		long d = date.toEpochDay() - baseEpochDay;
		if (d >= 0 && d < size && cumulative[(int) d] < workdayIndexes.length) {
			return LocalDate.ofEpochDay(baseEpochDay + workdayIndexes[cumulative[(int) d]]);
		}
		LocalDate result = date;
		while (!isWorkday(result)) {
			result = result.plusDays(1);
		}
		return result;
	}

	private boolean ruleSaysWorkday(LocalDate date) {
		DayInfo info = days.get(date);
		if (info != null) {
			return info.workday();
		}
		DayOfWeek dow = date.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	private static void requireNonNegative(int n) {
		if (n < 0) {
			throw new IllegalArgumentException("a period cannot be negative: " + n);
		}
	}

	// --- end of day in Asia/Shanghai -------------------------------------------------------

	/**
	 * Asia/Shanghai has kept one offset (+08:00) since its last transition (1991); after that
	 * instant the end of a day is plain arithmetic, before it the zone rules are asked.
	 */
	private static final long FIXED_SINCE_EPOCH_SECOND;
	private static final int FIXED_OFFSET_SECONDS;

	static {
		ZoneRules rules = SHANGHAI.getRules();
		List<ZoneOffsetTransition> transitions = rules.getTransitions();
		if (rules.getTransitionRules().isEmpty() && !transitions.isEmpty()) {
			ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
			FIXED_SINCE_EPOCH_SECOND = last.toEpochSecond();
			FIXED_OFFSET_SECONDS = last.getOffsetAfter().getTotalSeconds();
		}
		else {
			FIXED_SINCE_EPOCH_SECOND = Long.MAX_VALUE;
			FIXED_OFFSET_SECONDS = 0;
		}
	}

	/** 23:59:59 of {@code day} in Asia/Shanghai. */
	public static Instant endOfDay(LocalDate day) {
		long localSecond = day.toEpochDay() * 86_400 + Deadline.END_OF_DAY.toSecondOfDay();
		long epochSecond = localSecond - FIXED_OFFSET_SECONDS;
		if (epochSecond - 86_400 > FIXED_SINCE_EPOCH_SECOND) {
			return Instant.ofEpochSecond(epochSecond);
		}
		return day.atTime(Deadline.END_OF_DAY).atZone(SHANGHAI).toInstant();
	}

	/** 00:00 of {@code day} in Asia/Shanghai. */
	public static Instant startOfDay(LocalDate day) {
		return day.atStartOfDay(SHANGHAI).toInstant();
	}

	/** The Asia/Shanghai date of an instant. */
	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, SHANGHAI);
	}
}

package cn.zhifa.calendar;

import java.util.Set;

/**
 * One statute's own rule for what its "日" means (an entry of {@code calendar/statute-day-rules.yml}),
 * e.g. 行政处罚法 art. 85: its 2/3/5/7 days are working days, longer periods calendar days;
 * 行政强制法 art. 69: periods of 10 days or less are working days.
 */
public record StatuteDayRule(String key, String name, Kind rule, Set<Integer> amounts, Integer upTo, String basis) {

	public enum Kind {
		/** every period in days is working days (行政许可法 art. 82; documents that write "个工作日"). */
		ALL_WORKING_DAYS,
		/** no working-day rule: every period is calendar days (国务院令第310号). */
		ALL_CALENDAR_DAYS,
		/** the listed numbers of days are working days, others calendar days (行政处罚法 art. 85). */
		WORKING_DAYS_LISTED,
		/** periods of at most {@code upTo} days are working days, longer ones calendar days (行政强制法 art. 69). */
		WORKING_DAYS_UP_TO
	}

	public StatuteDayRule {
		amounts = amounts == null ? Set.of() : Set.copyOf(amounts);
	}

	/**
	 * The unit a period of {@code amount} days of this statute must have: {@link LimitUnit#WORKING_DAYS} or
	 * {@link LimitUnit#DAYS}. Hours and years are not days and are not ruled here.
	 */
	public LimitUnit unitFor(int amount) {
		boolean working = switch (rule) {
			case ALL_WORKING_DAYS -> true;
			case ALL_CALENDAR_DAYS -> false;
			case WORKING_DAYS_LISTED -> amounts.contains(amount);
			case WORKING_DAYS_UP_TO -> amount <= upTo;
		};
		return working ? LimitUnit.WORKING_DAYS : LimitUnit.DAYS;
	}

	/** Whether {@code limit} counts its days as this statute says (hours and years always do). */
	public boolean allows(StatutoryLimit limit) {
		return !isDays(limit.unit()) || unitFor(limit.amount()) == limit.unit();
	}

	static boolean isDays(LimitUnit unit) {
		return unit == LimitUnit.WORKING_DAYS || unit == LimitUnit.DAYS;
	}
}

package cn.zhifa.calendar;

/**
 * How a statutory limit counts: working days, calendar days (a statute's "日"), exact hours or years.
 * Which of working days and calendar days a statute's "日" means is the statute's own rule
 * ({@code calendar/statute-day-rules.yml}, {@link StatuteDayRule}).
 */
public enum LimitUnit {
	/** 工作日: the start day not counted, the due date is the n-th working day after it. */
	WORKING_DAYS,
	/** 日: calendar days, the start day not counted, an end on a rest day rolls to the next working day. */
	DAYS,
	/** 小时: exact hours from the start instant. */
	HOURS,
	/**
	 * 月: the corresponding day n months later, the month's last day when it has none (民法典 art. 202), an end
	 * on a rest day rolled to the next working day (行政诉讼法 art. 101 with the civil procedure rules).
	 */
	MONTHS,
	/** 年: the same date n years later, not rolled (a limitation such as 行政处罚法 art. 36, not a time to act). */
	YEARS
}

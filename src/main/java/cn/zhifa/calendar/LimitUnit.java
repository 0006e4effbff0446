package cn.zhifa.calendar;

/** How a statutory limit counts: working days, calendar days (a statute's "日") or exact hours. */
public enum LimitUnit {
	/** 工作日: the start day not counted, the due date is the n-th working day after it. */
	WORKING_DAYS,
	/** 日: calendar days, the start day not counted, an end on a rest day rolls to the next working day. */
	DAYS,
	/** 小时: exact hours from the start instant. */
	HOURS
}

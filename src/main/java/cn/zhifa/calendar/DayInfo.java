package cn.zhifa.calendar;

/**
 * What the calendar file says about one date: a holiday ({@code workday=false}) or an adjusted
 * working day (调休上班, {@code workday=true}) and its Chinese name, e.g. "春节" or "春节调休上班".
 */
record DayInfo(boolean workday, String name) {
}

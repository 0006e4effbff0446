package cn.zhifa.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * The content of one year file ({@code calendar/2026.yml}): the dates that differ from the weekend
 * rule. Dates not listed follow it (Monday to Friday work, Saturday and Sunday rest).
 */
record YearCalendar(int year, String file, String source, Map<LocalDate, DayInfo> days) {

	public YearCalendar {
		days = Map.copyOf(days);
	}
}

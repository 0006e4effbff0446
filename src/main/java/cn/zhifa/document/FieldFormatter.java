package cn.zhifa.document;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * How values appear in a document: dates as {@code 2026年11月21日} (in China Standard Time, whatever
 * the server's time zone), yes/no as 是/否 (from the labels file), lists joined with 、, text as is.
 */
final class FieldFormatter {

	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
	static final DateTimeFormatter CHINESE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分");

	private static final java.util.regex.Pattern ISO_DAY = java.util.regex.Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

	private final Labels labels;

	FieldFormatter(Labels labels) {
		this.labels = labels;
	}

	String format(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String s) {
			LocalDate isoDay = isoDate(s);
			return isoDay != null ? CHINESE_DATE.format(isoDay) : s;
		}
		if (value instanceof Boolean b) {
			return labels.bool(b);
		}
		LocalDate day = toDate(value);
		if (day != null) {
			return CHINESE_DATE.format(day);
		}
		if (value instanceof BigDecimal d) {
			return d.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			// a form's number field arrives as a double: 500.0 is printed 500
			return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		if (value instanceof Iterable<?> || value.getClass().isArray()) {
			List<String> parts = new ArrayList<>();
			for (Object element : elements(value)) {
				parts.add(format(element));
			}
			return String.join("、", parts);
		}
		return value.toString();
	}

	/**
	 * A moment as {@code 2026年11月20日9时30分} (China time), for fields where the hour matters (笔录, 当场处罚);
	 * {@code null} for a value without a time of day.
	 */
	static String dateTime(Object value) {
		java.time.ZonedDateTime at = null;
		if (value instanceof Date d) {
			at = d.toInstant().atZone(CHINA);
		}
		else if (value instanceof Instant d) {
			at = d.atZone(CHINA);
		}
		else if (value instanceof OffsetDateTime d) {
			at = d.atZoneSameInstant(CHINA);
		}
		else if (value instanceof ZonedDateTime d) {
			at = d.withZoneSameInstant(CHINA);
		}
		else if (value instanceof LocalDateTime d) {
			at = d.atZone(CHINA);
		}
		return at == null ? null : CHINESE_DATE_TIME.format(at);
	}

	/**
	 * The day of a text that is only an ISO date or date-time ({@code 2026-11-27}, {@code 2026-11-27T09:30:00+08:00}),
	 * as date fields of forms store them; {@code null} for any other text.
	 */
	static LocalDate isoDate(String text) {
		String t = text.strip();
		if (!ISO_DAY.matcher(t).matches()) {
			return null;
		}
		try {
			if (t.length() == 10) {
				return LocalDate.parse(t);
			}
			if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
				return OffsetDateTime.parse(t).atZoneSameInstant(CHINA).toLocalDate();
			}
			return LocalDateTime.parse(t).toLocalDate();
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	/** The calendar day of a date-like value in China, or {@code null} if it is not date-like. */
	static LocalDate toDate(Object value) {
		if (value instanceof Date d) {
			return d.toInstant().atZone(CHINA).toLocalDate();
		}
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value instanceof LocalDateTime d) {
			return d.toLocalDate();
		}
		if (value instanceof OffsetDateTime d) {
			return d.atZoneSameInstant(CHINA).toLocalDate();
		}
		if (value instanceof ZonedDateTime d) {
			return d.withZoneSameInstant(CHINA).toLocalDate();
		}
		if (value instanceof Instant d) {
			return d.atZone(CHINA).toLocalDate();
		}
		return null;
	}

	/** The elements of a list, set or array; {@code null} if the value is not one. */
	static List<?> elements(Object value) {
		if (value instanceof List<?> list) {
			return list;
		}
		if (value instanceof Iterable<?> iterable) {
			List<Object> result = new ArrayList<>();
			iterable.forEach(result::add);
			return result;
		}
		if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
			List<Object> result = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				result.add(Array.get(value, i));
			}
			return result;
		}
		if (value instanceof Map<?, ?>) {
			return null;
		}
		return null;
	}
}

package cn.zhifa.platform.problem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.lang.reflect.Field;

import jakarta.persistence.Column;

/**
 * The one check of values that come from outside — request fields, parameters, form values, process
 * variables — before they are stored. A text is at most as long as its column, has no zero bytes
 * (PostgreSQL refuses them) and no lone surrogates (half of a character, unstorable in UTF-8); column
 * lengths are read from the entity's {@code @Column(length)}, which mirrors the Flyway migration, so a
 * limit is stated once. An amount is a finite number within {@link #MAX_NUMBER}. Callers turn a flaw
 * into their own refusal ({@link Problem#invalid} for the API, {@code FormFieldValidationException}
 * inside the engine), naming the field.
 */
public final class InputCheck {

	/** Camunda keeps a string variable in a 4,000-character column. */
	public static final int VARIABLE_LENGTH = 4000;
	/** No amount or count in enforcement comes near this; larger numbers are typing errors or attacks. */
	public static final double MAX_NUMBER = 1e15;

	private InputCheck() {
	}

	/**
	 * What is wrong with {@code value} as a text of at most {@code maxLength} characters, in Chinese
	 * (e.g. "不得超过 200 个字符"), or {@code null} if nothing is. {@code null} values pass (required
	 * fields are checked by their owners).
	 */
	public static String textFlaw(String value, int maxLength) {
		if (value == null) {
			return null;
		}
		// String.length() counts UTF-16 units: never fewer than the characters a database counts
		if (value.length() > maxLength) {
			return "不得超过 " + maxLength + " 个字符";
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean brokenPair = Character.isHighSurrogate(c)
					? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i)) : Character.isLowSurrogate(c);
			if (c == 0 || brokenPair) {
				return "含有无法识别的字符";
			}
		}
		return null;
	}

	/** For the API: {@code value} if it is a storable text, else a 400 problem naming {@code field} by its {@code label}. */
	public static String requireText(String field, String label, String value, int maxLength) {
		String flaw = textFlaw(value, maxLength);
		if (flaw != null) {
			throw Problem.invalid(field, label + flaw);
		}
		return value;
	}

	/** What is wrong with {@code value} as an amount or count from 0 to {@link #MAX_NUMBER}, or {@code null}. */
	public static String amountFlaw(Double value) {
		if (value == null) {
			return null;
		}
		if (!Double.isFinite(value) || Math.abs(value) > MAX_NUMBER) {
			return "数值过大";
		}
		return value < 0 ? "不得小于 0" : null;
	}

	/**
	 * For the API: a past moment of an enforcement (when something happened) between 2000 and now
	 * (a day's leeway for clocks), else a 400 problem naming {@code field}. JSON numbers are read as
	 * epoch seconds, and a huge one silently becomes 1970: the attack suite stored such an
	 * interference report. {@code null} passes.
	 */
	public static Instant requirePastMoment(String field, String label, Instant value) {
		if (value != null && (value.isBefore(EARLIEST) || value.isAfter(Instant.now().plus(Duration.ofDays(1))))) {
			throw Problem.invalid(field, label + "应为 2000 年以后、不晚于当前的时间");
		}
		return value;
	}

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/**
	 * For the API: the parameters of a page of a list — {@code size} rows from 1 to {@code maxSize}, {@code page} from
	 * 0 and no further than an int counts rows — else a 400 problem naming the parameter.
	 */
	public static void requirePage(int page, int size, int maxSize) {
		if (size < 1 || size > maxSize) {
			throw Problem.invalid("size", "每页条数（size）应在 1 到 " + maxSize + " 之间");
		}
		if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
			throw Problem.invalid("page", "页码（page）应在 0 到 " + Integer.MAX_VALUE / size + " 之间");
		}
	}

	/** A period of days, both ends included. */
	public record DateRange(LocalDate start, LocalDate end) {
	}

	/**
	 * For the API: the period asked for with the parameters {@code from} and {@code to} (YYYY-MM-DD; by default from
	 * the 1st of January of {@code today}'s year to {@code today}), not ending before it starts and at most
	 * {@code maxYears} long, else a 400 problem naming the parameter.
	 */
	public static DateRange period(String from, String to, LocalDate today, int maxYears) {
		LocalDate start = optionalDate("from", "开始日期", from, LocalDate.of(today.getYear(), 1, 1));
		LocalDate end = optionalDate("to", "结束日期", to, today);
		if (start.isAfter(end)) {
			throw Problem.invalid("from", "开始日期（from）不得晚于结束日期（to）");
		}
		if (start.plusYears(maxYears).isBefore(end)) {
			throw Problem.invalid("to", "期间不得超过 " + maxYears + " 年（结束日期 to 最晚为 " + start.plusYears(maxYears) + "）");
		}
		return new DateRange(start, end);
	}

	/** An optional date parameter (a year from 2000 to 2100), {@code fallback} when it is absent or blank. */
	private static LocalDate optionalDate(String field, String label, String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		requireText(field, label + "（" + field + "）", value, 10);
		try {
			LocalDate d = LocalDate.parse(value.trim());
			if (d.getYear() < 2000 || d.getYear() > 2100) {
				throw Problem.invalid(field, label + "（" + field + "）应在 2000 年至 2100 年之间");
			}
			return d;
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid(field, label + "（" + field + "）应为日期，格式 YYYY-MM-DD，如 2026-01-01");
		}
	}

	/**
	 * The declared length of the column behind {@code property} of {@code type}: an entity, or a
	 * record whose components carry {@code @Column} (a table written with JDBC). Fails at once for a
	 * property without {@code @Column}, so a forgotten annotation shows in the first test;
	 * {@code ColumnLengthsIT} checks the declared lengths against the database.
	 */
	public static int column(Class<?> type, String property) {
		Column column = field(type, property).getAnnotation(Column.class);
		if (column == null) {
			throw new IllegalStateException(type.getSimpleName() + "." + property + " has no @Column");
		}
		return column.length();
	}

	private static Field field(Class<?> type, String property) {
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			try {
				return c.getDeclaredField(property);
			}
			catch (NoSuchFieldException next) {
				// look in the superclass
			}
		}
		throw new IllegalStateException(type.getSimpleName() + " has no property " + property);
	}
}

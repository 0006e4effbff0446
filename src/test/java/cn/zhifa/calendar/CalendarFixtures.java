package cn.zhifa.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code deadlines} bean on the real {@code calendar/} folder, for unit tests of other features; a copy of that
 * folder with a year's file added, for tests of a year's calendar arriving.
 */
public final class CalendarFixtures {

	private CalendarFixtures() {
	}

	/** The files of the real {@code calendar/} folder copied into {@code folder}. */
	static void copyRealFiles(Path folder) throws IOException {
		for (String name : new String[] { "2025.yml", "2026.yml", "statutory-limits.yml", "statute-day-rules.yml" }) {
			Files.copy(Path.of("calendar", name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** A test file for 2027: 1–3 January New Year, 4–5 January a holiday invented for the tests (so its list may go on). */
	static final String NEW_YEAR_2027 = """
			year: 2027
			holidays:
			  - name: 元旦
			    from: 2027-01-01
			    to: 2027-01-03
			  - name: 测试假日
			    from: 2027-01-04
			    to: 2027-01-05
			""";

	/** {@code folder} as the real {@code calendar/} folder plus {@code 2027.yml} as given (the packaged files have no 2027). */
	static void realFilesWith2027(Path folder, String year2027) throws IOException {
		copyRealFiles(folder);
		Files.writeString(folder.resolve("2027.yml"), year2027);
	}

	public static Deadlines deadlines() {
		return new Deadlines(registry());
	}

	/** The calendar of the real {@code calendar/} folder, for features that read it besides the deadlines. */
	public static CalendarRegistry registry() {
		return new CalendarRegistry("calendar");
	}
}

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

	/** {@code folder} as the real {@code calendar/} folder plus {@code 2027.yml} as given (the packaged files have no 2027). */
	static void realFilesWith2027(Path folder, String year2027) throws IOException {
		copyRealFiles(folder);
		Files.writeString(folder.resolve("2027.yml"), year2027);
	}

	public static Deadlines deadlines() {
		return new Deadlines(new CalendarRegistry("calendar"));
	}
}

package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a year file in the folder reloads the calendar without an admin call; a broken file changes nothing. */
class CalendarFolderWatcherTest {

	@TempDir
	Path dir;

	@Test
	void aSavedFileIsPickedUpAndABrokenOneIgnored() throws IOException, InterruptedException {
		for (String name : new String[] { "2025.yml", "2026.yml", "statutory-limits.yml", "statute-day-rules.yml" }) {
			Files.copy(Path.of("calendar", name), dir.resolve(name));
		}
		CalendarRegistry registry = new CalendarRegistry(dir.toString());
		CalendarFolderWatcher watcher = new CalendarFolderWatcher(registry, true, Duration.ofMillis(200));
		watcher.start();
		try {
			assertThat(watcher.isRunning()).isTrue();
			Files.writeString(dir.resolve("2027.yml"), "year: 2027\nholidays:\n  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-01\n");
			assertThat(waitFor(() -> registry.current().calendar().hasYear(2027))).isTrue();
			assertThat(registry.current().calendar().isWorkday(LocalDate.of(2027, 1, 1))).isFalse();

			CalendarData good = registry.current();
			int failed = watcher.failedReloads();
			Files.writeString(dir.resolve("2027.yml"), "year: 2027\nholidays: [\n");
			Files.writeString(dir.resolve("2028.yml"), "year: 2028\nholidays: []\n");
			// the broken 2027 file stops the whole reload: 2028 does not appear, 2027 stays as it was
			assertThat(waitFor(() -> watcher.failedReloads() > failed)).as("the watcher tried to reload").isTrue();
			assertThat(registry.current()).isSameAs(good);
			assertThat(registry.current().calendar().hasYear(2028)).isFalse();
		}
		finally {
			watcher.stop();
		}
	}

	/** Waits up to 5 s for a file-system event to be processed (the watcher works on its own thread). */
	private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + 5_000_000_000L;
		while (System.nanoTime() < until) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(50);
		}
		return condition.getAsBoolean();
	}
}

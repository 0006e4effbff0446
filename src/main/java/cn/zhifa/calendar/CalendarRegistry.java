package cn.zhifa.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar in force. Loads {@code zhifa.calendar.dir} (default {@code ./calendar}) at start-up,
 * or the copies packaged in the jar ({@code classpath:calendar/}) when that folder does not exist;
 * a malformed file stops start-up with file and line. {@link #reload()} swaps in a freshly loaded
 * folder atomically: when any file is malformed it throws and the previous data stays in force.
 */
@Component
public class CalendarRegistry {

	private static final Logger log = LoggerFactory.getLogger(CalendarRegistry.class);

	private final Path dir;
	private volatile CalendarData current;
	/** years whose missing file was already logged for the data in force (one WARN per year, not per call) */
	private volatile Set<Integer> loggedMissing = ConcurrentHashMap.newKeySet();
	/** lets the provisional-deadline recomputation evaluate an expression against another calendar */
	private final ThreadLocal<CalendarData> override = new ThreadLocal<>();

	CalendarRegistry(@Value("${zhifa.calendar.dir:calendar}") String dir) {
		this.dir = Path.of(dir.isBlank() ? "calendar" : dir);
		this.current = read();
		log.info("Working-day calendar loaded from {}: years {}, {} statutory limits", current.origin(),
				current.calendar().years(), current.limits().byKey().size());
	}

	/** The calendar in force (or the one a recomputation is comparing against, on its own thread). */
	public CalendarData current() {
		CalendarData local = override.get();
		return local != null ? local : current;
	}

	/** Where the files are read from: the folder's absolute path or {@code classpath:calendar/}. */
	public String origin() {
		return current.origin();
	}

	/**
	 * Re-reads the folder. On success the new data replaces the old at once (running calls finish
	 * with the old); a malformed file throws {@link CalendarFileException} and nothing changes.
	 */
	public synchronized CalendarData reload() {
		CalendarData fresh = read();
		install(fresh);
		return fresh;
	}

	/** Loads {@code folder} instead of the configured one (tests, and checking a folder before copying it in). */
	synchronized CalendarData reloadFrom(Path folder) {
		CalendarData fresh = CalendarFiles.load(folder);
		install(fresh);
		return fresh;
	}

	private void install(CalendarData fresh) {
		CalendarData previous = current;
		current = fresh;
		loggedMissing = ConcurrentHashMap.newKeySet();
		log.info("Working-day calendar reloaded from {}: years {} (before: {}), {} statutory limits", fresh.origin(),
				fresh.calendar().years(), previous.calendar().years(), fresh.limits().byKey().size());
	}

	private CalendarData read() {
		if (Files.isDirectory(dir)) {
			return CalendarFiles.load(dir);
		}
		log.info("Calendar folder {} not found; using the calendar packaged in the application",
				dir.toAbsolutePath().normalize());
		return CalendarFiles.loadFromClasspath();
	}

	/** Runs {@code action} on this thread with {@code data} in force instead of the current calendar. */
	<T> T withCalendar(CalendarData data, Supplier<T> action) {
		CalendarData before = override.get();
		override.set(data);
		try {
			return action.get();
		}
		finally {
			if (before == null) {
				override.remove();
			}
			else {
				override.set(before);
			}
		}
	}

	/** Logs once per year (per loaded calendar) that a deadline was computed without that year's file. */
	void noteProvisional(Deadline deadline, String what) {
		CalendarData data = current();
		for (int y = deadline.due().getYear(); y >= deadline.due().getYear() - 1; y--) {
			if (!data.calendar().hasYear(y) && loggedMissing.add(y) && override.get() == null) {
				log.warn("calendar for {} missing: {} due {} was computed with weekends only and is provisional;"
						+ " add calendar/{}.yml and reload (docs/calendar.md)", y, what, deadline.due(), y);
			}
		}
	}
}

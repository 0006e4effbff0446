package cn.zhifa.calendar.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import cn.zhifa.calendar.CalendarFiles;
import cn.zhifa.calendar.Deadline;
import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * Issue 3, item 6: {@code workdays(start, n ≤ 20)} must be cheap enough for queries and reports
 * (target ≥ 1 million calls per second on one core). Compared in the same run with the plain
 * {@code LocalDate.plusDays} baseline. How to run it and the measured figures: docs/calendar.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class WorkdaysBenchmark {

	private static final int SAMPLES = 1024;

	private WorkingDayCalendar calendar;
	private final LocalDate[] starts = new LocalDate[SAMPLES];
	private final int[] periods = new int[SAMPLES];
	private int next;

	@Setup
	public void setUp() {
		calendar = CalendarFiles.load(Path.of(System.getProperty("zhifa.calendar.dir", "calendar"))).calendar();
		Random random = new Random(3);
		LocalDate first = LocalDate.of(2025, 1, 1);
		for (int i = 0; i < SAMPLES; i++) {
			starts[i] = first.plusDays(random.nextInt(2 * 365)); // 2025 and 2026, crossing every holiday
			periods[i] = random.nextInt(21); // 0 .. 20 working days
		}
	}

	/** The calculator: due day, end-of-day instant in Asia/Shanghai and the provisional flag. */
	@Benchmark
	public Deadline workdays() {
		int k = next++ & (SAMPLES - 1);
		return calendar.workdays(starts[k], periods[k]);
	}

	/** Baseline: what a naive "add n days" costs on the same inputs. */
	@Benchmark
	public LocalDate plusDaysBaseline() {
		int k = next++ & (SAMPLES - 1);
		return starts[k].plusDays(periods[k]);
	}
}

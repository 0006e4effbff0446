package cn.zhifa.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's one {@link Clock}: the engine's now ({@link ClockUtil}, the "now" of due dates, timers
 * and deadlines), in China's one time zone ({@link #ZONE}, also {@code WorkingDayCalendar.SHANGHAI}). Features take it injected and ask
 * {@code Instant.now(clock)} / {@code LocalDate.now(clock)}; only this package touches the engine's internal
 * clock, so tests that move the engine clock ({@code ClockUtil.setCurrentTime}, {@code /api/test-clock})
 * move every feature's time with it. Unit tests pass {@code Clock.fixed(...)} instead.
 */
@Component
public final class EngineClock extends Clock {

	/** China's time zone: the zone of every Beijing date and time the application shows or counts in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ZoneId zone;

	public EngineClock() {
		this(ZONE);
	}

	private EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(this.zone) ? this : new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@Override
	public long millis() {
		return ClockUtil.getCurrentTime().getTime();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EngineClock c && c.zone.equals(zone);
	}

	@Override
	public int hashCode() {
		return zone.hashCode() + 1;
	}

	@Override
	public String toString() {
		return "EngineClock[" + zone + "]";
	}
}

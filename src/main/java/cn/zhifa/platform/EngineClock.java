package cn.zhifa.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * The application's one {@link Clock}: the engine's now ({@link ClockUtil}, the "now" of due dates, timers
 * and deadlines), in Asia/Shanghai ({@link WorkingDayCalendar#SHANGHAI}). Features take it injected and ask
 * {@code Instant.now(clock)} / {@code LocalDate.now(clock)}; only this package touches the engine's internal
 * clock, so tests that move the engine clock ({@code ClockUtil.setCurrentTime}, {@code /api/test-clock})
 * move every feature's time with it. Unit tests pass {@code Clock.fixed(...)} instead.
 */
@Component
public final class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock() {
		this(WorkingDayCalendar.SHANGHAI);
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

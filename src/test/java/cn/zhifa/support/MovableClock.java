package cn.zhifa.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.zhifa.calendar.WorkingDayCalendar;

/** A clock a unit test moves, for services that take {@link Clock}: set to a moment given as ISO text with its offset. */
public final class MovableClock extends Clock {

	private Instant now;

	public MovableClock(String iso) {
		at(iso);
	}

	/** Moves the clock to {@code iso}, e.g. {@code 2026-11-02T09:00:00+08:00}. */
	public void at(String iso) {
		now = OffsetDateTime.parse(iso).toInstant();
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return WorkingDayCalendar.SHANGHAI;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}

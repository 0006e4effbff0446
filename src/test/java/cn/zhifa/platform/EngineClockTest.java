package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.WorkingDayCalendar;

/** The injected clock follows the engine clock, so tests that move the engine clock move every feature's time. */
class EngineClockTest {

	final EngineClock clock = new EngineClock();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void followsTheEngineClockInShanghai() {
		Instant t = Instant.parse("2026-12-31T16:30:00Z");
		ClockUtil.setCurrentTime(Date.from(t));
		assertThat(clock.instant()).isEqualTo(t);
		assertThat(Instant.now(clock)).isEqualTo(t);
		assertThat(clock.getZone()).isEqualTo(WorkingDayCalendar.SHANGHAI);
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2027, 1, 1));
		ClockUtil.setCurrentTime(Date.from(t.plusSeconds(60)));
		assertThat(clock.instant()).isEqualTo(t.plusSeconds(60));
		assertThat(clock.withZone(WorkingDayCalendar.SHANGHAI)).isEqualTo(clock);
	}
}

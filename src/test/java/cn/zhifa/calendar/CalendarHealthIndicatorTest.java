package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A missing current or next year shows as WARN with "calendar for 2027 missing", never DOWN. */
class CalendarHealthIndicatorTest {

	CalendarHealthIndicator indicator = new CalendarHealthIndicator(new CalendarRegistry("calendar"));

	@Test
	void upWhenThisAndNextYearHaveFiles() {
		Health health = indicator.health(LocalDate.of(2025, 11, 21));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("warning").containsKey("years");
	}

	@Test
	void warnWhenNextYearIsMissing() {
		Health health = indicator.health(LocalDate.of(2026, 11, 21));
		assertThat(health.getStatus()).isEqualTo(CalendarHealthIndicator.WARN);
		assertThat(health.getDetails()).containsEntry("warning", "calendar for 2027 missing");
		assertThat(indicator.health(LocalDate.of(2027, 1, 4)).getDetails()).containsEntry("warning",
				"calendar for 2027 and 2028 missing");
	}
}

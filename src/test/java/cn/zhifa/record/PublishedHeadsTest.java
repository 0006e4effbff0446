package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 13 §7: the publication period — its label (what is signed) and which intervals are allowed. */
class PublishedHeadsTest {

	@Test
	void periodsStartAtWholeIntervalsCountedFromMidnightInChina() {
		Instant at = Instant.parse("2026-11-21T06:47:12Z"); // 14:47:12 in Asia/Shanghai
		assertThat(PublishedHeads.period(at, Duration.ofHours(1))).isEqualTo("2026-11-21T14:00+08:00");
		assertThat(PublishedHeads.period(at, Duration.ofMinutes(15))).isEqualTo("2026-11-21T14:45+08:00");
		assertThat(PublishedHeads.period(at, Duration.ofDays(1))).isEqualTo("2026-11-21T00:00+08:00");
		// 23:30 UTC is already the next day in China
		assertThat(PublishedHeads.period(Instant.parse("2026-11-21T23:30:00Z"), Duration.ofHours(1)))
			.isEqualTo("2026-11-22T07:00+08:00");
	}

	@Test
	void intervalMustBeWholeMinutesDividingADay() {
		assertThat(PublishedHeads.checked(Duration.parse("PT1H"))).isEqualTo(Duration.ofHours(1));
		assertThat(PublishedHeads.checked(Duration.parse("PT1M"))).isEqualTo(Duration.ofMinutes(1));
		assertThat(PublishedHeads.checked(Duration.parse("P1D"))).isEqualTo(Duration.ofDays(1));
		for (String bad : new String[] { "PT0S", "PT30S", "PT7M", "PT1M30S", "P2D", "PT-1H" }) {
			assertThatThrownBy(() -> PublishedHeads.checked(Duration.parse(bad))).as(bad)
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publish-interval");
		}
	}

	@Test
	void signedMessageNamesThePeriodAsLegacyDailyHeadsNamedTheirDay() {
		assertThat(HeadSigner.message("2026-11-21T14:00+08:00", 42, "ab")).isEqualTo("zhifa-record-head|2026-11-21T14:00+08:00|42|ab");
		assertThat(HeadSigner.message("2026-11-21", 42, "ab")).isEqualTo("zhifa-record-head|2026-11-21|42|ab");
	}
}

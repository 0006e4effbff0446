package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The complaint channel's per-client window (R-COORD-4, ADR-0022), on an explicit clock. */
class ComplaintRateLimitTest {

	@Test
	void aClientsWindowBeginsWithItsFirstRequestSoNoBoundaryLetsTwiceTheLimitThrough() {
		ComplaintRateLimitFilter.FixedWindows windows = new ComplaintRateLimitFilter.FixedWindows(5, 600);
		long t = 1_800_000_000L - 1; // one second before a multiple of 600 on the clock
		for (int i = 0; i < 5; i++) {
			assertThat(windows.tryAcquire("10.0.0.1", t)).isZero();
		}
		assertThat(windows.tryAcquire("10.0.0.1", t + 1)).as("the sixth, across the clock's boundary").isEqualTo(599);
		assertThat(windows.tryAcquire("10.0.0.2", t + 1)).as("another client counts on its own").isZero();
		assertThat(windows.tryAcquire("10.0.0.1", t + 599)).isEqualTo(1);
		assertThat(windows.tryAcquire("10.0.0.1", t + 600)).as("a new window after 600 s").isZero();
	}
}

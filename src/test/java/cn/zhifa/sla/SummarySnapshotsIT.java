package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.platform.EngineClock;
import cn.zhifa.supervision.SupervisionNoticeService;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The board's counts kept between counts (ADR-0030): answered from the last count while it is at most the maximum
 * age old on the engine's clock, counted again when older, when the clock went back, in the background after the
 * refresh interval (once per claim), per scope (a person filter is one). The tests' profile keeps nothing
 * (maximum age 0), so here the snapshots are made with 30 s / 10 s, as in production.
 */
@ZhifaIntegrationTest
class SummarySnapshotsIT extends SlaApiSupport {

	@Autowired
	DeadlineBoard board;
	@Autowired
	SupervisionNoticeService notices;
	@Autowired
	NamedParameterJdbcTemplate jdbc;
	@Autowired
	ObjectMapper json;

	@AfterEach
	void clearRows() {
		jdbc.update("DELETE FROM zf_sla_summary", Map.of());
	}

	@Test
	void keptWhileFreshCountedAgainWhenOldOrTheClockWentBack() {
		SummarySnapshots snapshots = new SummarySnapshots(board, notices, jdbc, json, Duration.ofSeconds(30),
				Duration.ofSeconds(10), new EngineClock());
		DeadlineBoard.Filter liaokuo = new DeadlineBoard.Filter(List.of("LIAOKUO"), "enforcement-case", null, null);
		Instant t0 = Instant.parse("2026-11-04T02:00:00Z");
		clockAt(Date.from(t0));
		SummarySnapshots.Counted first = snapshots.summary(liaokuo, false);
		assertThat(first.countedAt()).isEqualTo(t0);
		long before = total(first);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_summary", Map.of(), Long.class)).isEqualTo(1);

		// a new deadline: the live count has it at once, the kept count 20 s later not yet
		register("2026-11-04");
		assertThat(total(board.summary(liaokuo, false))).isEqualTo(before + 1);
		clockAt(Date.from(t0.plusSeconds(20)));
		SummarySnapshots.Counted kept = snapshots.summary(liaokuo, false);
		assertThat(kept.countedAt()).isEqualTo(t0);
		assertThat(total(kept)).isEqualTo(before);
		// filtered by person: a scope of its own, counted when first asked for
		DeadlineBoard.Filter person = new DeadlineBoard.Filter(List.of("LIAOKUO"), "enforcement-case", null, "officer1");
		assertThat(snapshots.summary(person, false).countedAt()).isEqualTo(t0.plusSeconds(20));
		assertThat(SummarySnapshots.key(person, false)).isNotEqualTo(SummarySnapshots.key(liaokuo, false));
		// another scope is another row: QLSCJ's count is not LIAOKUO's
		DeadlineBoard.Filter qlscj = new DeadlineBoard.Filter(List.of("QLSCJ"), "enforcement-case", null, null);
		assertThat(snapshots.summary(qlscj, false).agencies()).extracting(DeadlineBoard.AgencySummary::agencyCode)
			.containsExactly("QLSCJ");
		assertThat(SummarySnapshots.key(liaokuo, false)).isNotEqualTo(SummarySnapshots.key(qlscj, false))
			.isNotEqualTo(SummarySnapshots.key(liaokuo, true));

		// older than 30 s: counted again, with the new deadline
		clockAt(Date.from(t0.plusSeconds(31)));
		SummarySnapshots.Counted again = snapshots.summary(liaokuo, false);
		assertThat(again.countedAt()).isEqualTo(t0.plusSeconds(31));
		assertThat(total(again)).isEqualTo(before + 1);
		// the engine's clock moved back before the count: counted again
		clockAt(Date.from(t0.minusSeconds(3600)));
		assertThat(snapshots.summary(liaokuo, false).countedAt()).isEqualTo(t0.minusSeconds(3600));
	}

	@Test
	void refreshedInTheBackgroundOncePerClaim() {
		SummarySnapshots snapshots = new SummarySnapshots(board, notices, jdbc, json, Duration.ofSeconds(30),
				Duration.ofSeconds(10), new EngineClock());
		DeadlineBoard.Filter both = new DeadlineBoard.Filter(List.of("LIAOKUO", "QLSCJ"), null, null, null);
		Instant t0 = Instant.parse("2026-11-05T02:00:00Z");
		clockAt(Date.from(t0));
		SummarySnapshots.Counted first = snapshots.summary(both, true);
		assertThat(first.agencies()).extracting(DeadlineBoard.AgencySummary::agencyCode).containsExactly("LIAOKUO", "QLSCJ");
		String key = SummarySnapshots.key(both, true);

		// within the refresh interval: left alone
		clockAt(Date.from(t0.plusSeconds(5)));
		snapshots.refreshAll();
		assertThat(countedAt(key)).isEqualTo(t0);
		// after it: counted again in the background, so the next request gets the new count without counting
		register("2026-11-05");
		clockAt(Date.from(t0.plusSeconds(12)));
		snapshots.refreshAll();
		assertThat(countedAt(key)).isEqualTo(t0.plusSeconds(12));
		SummarySnapshots.Counted refreshed = snapshots.summary(both, true);
		assertThat(refreshed.countedAt()).isEqualTo(t0.plusSeconds(12));
		assertThat(total(refreshed)).isEqualTo(total(first) + 1);
		// a row another node has claimed is not counted again by this one
		jdbc.update("UPDATE zf_sla_summary SET refreshing_until = :until WHERE scope_key = :key",
				Map.of("until", t0.plusSeconds(90).atOffset(java.time.ZoneOffset.UTC), "key", key));
		clockAt(Date.from(t0.plusSeconds(25)));
		snapshots.refreshAll();
		assertThat(countedAt(key)).isEqualTo(t0.plusSeconds(12));
		// the open supervision notices are read at each request, not kept
		assertThat(refreshed.agencies()).allSatisfy(a -> assertThat(a.openNotices())
			.isEqualTo(notices.openNotices(a.agencyCode())));
	}

	private Instant countedAt(String key) {
		return DeadlineBoard.instant(jdbc.queryForObject("SELECT counted_at FROM zf_sla_summary WHERE scope_key = :key",
				Map.of("key", key), Object.class));
	}

	private static long total(SummarySnapshots.Counted counted) {
		return total(counted.agencies());
	}

	private static long total(List<DeadlineBoard.AgencySummary> agencies) {
		return agencies.stream().flatMap(a -> a.counts().values().stream()).mapToLong(Long::longValue).sum();
	}
}

package cn.zhifa.sla;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.supervision.SupervisionNoticeService;

/**
 * The SLA board's summary (counts per agency and state, the supervisors' indicators) as last counted, kept in the
 * database ({@code zf_sla_summary}, one row per scope: agencies, kind, indicators) and counted again in the background
 * every {@code zhifa.sla.summary-refresh} while someone asks for it (docs/sla.md#performance, ADR-0030).
 * <p>
 * Counting every running deadline costs time in proportion to their number (≈ 0.1–0.3 s at 200,000); the summary is
 * asked on every opening of the board and of Cockpit's start page. A request is answered from the row if it was
 * counted at most {@code zhifa.sla.summary-max-age} ago on the engine's clock (a clock moved back or forward makes it
 * stale); otherwise it is counted then. A person filter is a scope of its own. The rows of the board are always live; the
 * summary says when it was counted ({@code countedAt}). Open supervision notices are read live (one indexed count).
 * Any node may refresh a row; a node claims it first ({@code refreshing_until}), so the nodes of a cluster do not
 * count the same scope at once. With a maximum age of zero (the tests' setting) nothing is kept.
 */
@Service
class SummarySnapshots {

	private static final Logger log = LoggerFactory.getLogger(SummarySnapshots.class);
	private static final TypeReference<List<DeadlineBoard.AgencySummary>> ROWS = new TypeReference<>() {
	};
	/** A scope nobody asked for in this long is not refreshed any more, and removed after a day. */
	private static final Duration IDLE = Duration.ofHours(1);
	/** A request marks its scope as asked for at most this often (no write per request). */
	private static final Duration MARK = Duration.ofMinutes(5);

	/** A summary and the engine time it was counted at. */
	record Counted(Instant countedAt, List<DeadlineBoard.AgencySummary> agencies) {
	}

	private final DeadlineBoard board;
	private final SupervisionNoticeService notices;
	private final NamedParameterJdbcTemplate jdbc;
	private final ObjectMapper json;
	private final Duration maxAge;
	private final Duration refresh;
	private final Clock clock;

	SummarySnapshots(DeadlineBoard board, SupervisionNoticeService notices, NamedParameterJdbcTemplate jdbc,
			ObjectMapper json, @Value("${zhifa.sla.summary-max-age:PT30S}") Duration maxAge,
			@Value("${zhifa.sla.summary-refresh:PT10S}") Duration refresh, Clock clock) {
		this.clock = clock;
		this.board = board;
		this.notices = notices;
		this.jdbc = jdbc;
		this.json = json;
		this.maxAge = maxAge;
		this.refresh = refresh;
	}

	/** The summary of the filter's scope (its state ignored), counted at most the maximum age ago. */
	Counted summary(DeadlineBoard.Filter filter, boolean indicators) {
		Instant now = clock.instant();
		Counted counted;
		if (maxAge.isZero() || filter.agencies().isEmpty()) {
			counted = new Counted(now, board.summary(filter, indicators));
		}
		else {
			String key = key(filter, indicators);
			counted = kept(key, now).orElseGet(() -> count(key, filter, indicators, now));
		}
		return indicators ? withOpenNotices(counted) : counted;
	}

	/** The scope's row if it is fresh on the engine's clock; marks the scope as asked for. */
	private java.util.Optional<Counted> kept(String key, Instant now) {
		List<Map<String, Object>> rows = jdbc.queryForList(
				"SELECT counted_at, requested_at, payload FROM zf_sla_summary WHERE scope_key = :key", Map.of("key", key));
		if (rows.isEmpty()) {
			return java.util.Optional.empty();
		}
		Map<String, Object> row = rows.get(0);
		Instant countedAt = DeadlineBoard.instant(row.get("counted_at"));
		if (now.isBefore(countedAt) || Duration.between(countedAt, now).compareTo(maxAge) > 0) {
			return java.util.Optional.empty();
		}
		if (Duration.between(DeadlineBoard.instant(row.get("requested_at")), now).compareTo(MARK) > 0) {
			jdbc.update("UPDATE zf_sla_summary SET requested_at = :now WHERE scope_key = :key",
					Map.of("now", timestamp(now), "key", key));
		}
		try {
			return java.util.Optional.of(new Counted(countedAt, json.readValue((String) row.get("payload"), ROWS)));
		}
		catch (JsonProcessingException e) {
			log.warn("Unreadable SLA summary of scope {}: counted again ({})", key, e.getOriginalMessage());
			return java.util.Optional.empty();
		}
	}

	/** Counts the scope now and keeps the result. */
	private Counted count(String key, DeadlineBoard.Filter filter, boolean indicators, Instant now) {
		List<DeadlineBoard.AgencySummary> agencies = withoutOpenNotices(board.summary(filter, indicators));
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("key", key)
			.addValue("agencies", String.join(",", new TreeSet<>(filter.agencies()))).addValue("kind", filter.kind())
			.addValue("person", filter.person()).addValue("indicators", indicators).addValue("now", timestamp(now)).addValue("payload", write(agencies));
		String update = "UPDATE zf_sla_summary SET counted_at = :now, requested_at = :now, payload = :payload,"
				+ " refreshing_until = NULL WHERE scope_key = :key";
		if (jdbc.update(update, params) == 0) {
			try {
				jdbc.update("INSERT INTO zf_sla_summary (scope_key, agencies, kind, person, indicators, counted_at, requested_at,"
						+ " payload) VALUES (:key, :agencies, :kind, :person, :indicators, :now, :now, :payload)", params);
			}
			catch (DuplicateKeyException e) {
				jdbc.update(update, params); // another request or node inserted it meanwhile
			}
		}
		return new Counted(now, agencies);
	}

	/**
	 * Counts again, in the background, the scopes asked for within the last hour whose row is older than the refresh
	 * interval; removes the rows of scopes nobody asked for in a day. Each row is claimed before it is counted.
	 */
	@Scheduled(fixedDelayString = "${zhifa.sla.summary-refresh:PT10S}", initialDelayString = "${zhifa.sla.summary-refresh:PT10S}")
	void refreshAll() {
		if (maxAge.isZero()) {
			return;
		}
		try {
			Instant now = clock.instant();
			jdbc.update("DELETE FROM zf_sla_summary WHERE requested_at < :before", Map.of("before", timestamp(now.minus(Duration.ofDays(1)))));
			List<Map<String, Object>> due = jdbc.queryForList("SELECT scope_key, agencies, kind, person, indicators FROM zf_sla_summary"
					+ " WHERE requested_at >= :asked AND (counted_at <= :stale OR counted_at > :now)",
					Map.of("asked", timestamp(now.minus(IDLE)), "stale", timestamp(now.minus(refresh)), "now", timestamp(now)));
			for (Map<String, Object> row : due) {
				String key = (String) row.get("scope_key");
				if (claim(key, now)) {
					List<String> agencies = Arrays.asList(((String) row.get("agencies")).split(","));
					boolean indicators = Boolean.TRUE.equals(row.get("indicators"));
					count(key, new DeadlineBoard.Filter(agencies, (String) row.get("kind"), null, (String) row.get("person")),
							indicators, now);
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not refresh the SLA summaries; requests count them themselves meanwhile: {}", e.toString());
		}
	}

	/** True if this node may count the scope now (no other node claimed it within the last minute). */
	private boolean claim(String key, Instant now) {
		return jdbc.update("UPDATE zf_sla_summary SET refreshing_until = :until WHERE scope_key = :key"
				+ " AND (refreshing_until IS NULL OR refreshing_until < :now)",
				Map.of("until", timestamp(now.plus(Duration.ofMinutes(1))), "key", key, "now", timestamp(now))) == 1;
	}

	private List<DeadlineBoard.AgencySummary> withoutOpenNotices(List<DeadlineBoard.AgencySummary> agencies) {
		return agencies.stream().map(a -> a.withOpenNotices(0)).toList();
	}

	private Counted withOpenNotices(Counted counted) {
		Map<String, Long> open = notices.openNotices(counted.agencies().stream().map(DeadlineBoard.AgencySummary::agencyCode).toList());
		List<DeadlineBoard.AgencySummary> agencies = new ArrayList<>();
		for (DeadlineBoard.AgencySummary a : counted.agencies()) {
			agencies.add(a.withOpenNotices(open.getOrDefault(a.agencyCode(), 0L)));
		}
		return new Counted(counted.countedAt(), agencies);
	}

	/** The scope as a key: SHA-256 of the sorted agencies, the kind, the person and whether with indicators. */
	static String key(DeadlineBoard.Filter filter, boolean indicators) {
		String scope = String.join(",", new TreeSet<>(filter.agencies())) + "|" + (filter.kind() == null ? "" : filter.kind())
				+ "|" + (filter.person() == null ? "" : filter.person()) + "|" + indicators;
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private String write(List<DeadlineBoard.AgencySummary> agencies) {
		try {
			return json.writeValueAsString(agencies);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}

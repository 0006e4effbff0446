package cn.zhifa.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * Publishes the global head of the record once per period (R-REC-4; {@code zhifa.record.publish-interval},
 * default an hour, periods counted from midnight Asia/Shanghai): a signed value held outside the
 * database — on the portal, in the log, wherever someone copied it — that a chain rewritten or cut
 * short after publication no longer reaches. With it go the heads of the cases whose chains grew since
 * the previous publication ({@code zf_record_published_case_head}).
 * <p>
 * Several nodes share the database and nothing in memory matters: every node checks each
 * {@code zhifa.record.publish-check} (default a minute) whether the current period is published; the
 * publishing transaction locks the global head row (the sealer's lock, {@link RecordSealer}), seals every
 * entry committed by then, checks again and inserts the period's row, whose primary key is the period — so
 * one node publishes, the others find its row, and the head published covers every entry committed
 * before it (ADR-0043).
 */
@Component
class PublishedHeads {

	private static final Logger log = LoggerFactory.getLogger(PublishedHeads.class);
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
	private static final String COLUMNS = "period, head_date, global_seq, global_hash, published_at, signature, key_id";

	private final JdbcTemplate jdbc;
	private final HeadSigner signer;
	private final TransactionTemplate tx;
	private final Duration interval;
	private final RecordSealer sealer;

	PublishedHeads(JdbcTemplate jdbc, HeadSigner signer, RecordSealer sealer, PlatformTransactionManager transactions,
			@Value("${zhifa.record.publish-interval:PT1H}") Duration interval) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.sealer = sealer;
		this.tx = new TransactionTemplate(transactions);
		this.interval = checked(interval);
	}

	/**
	 * A published head: the period (its start, {@code 2026-11-21T14:00+08:00}; heads published daily
	 * before V13 carry their day), the number of entries then, the hash of the last one, and the
	 * Ed25519 signature of {@link HeadSigner#message} by the key {@code keyId}.
	 */
	record Head(String period, LocalDate date, long sequence, String hash, Instant publishedAt, String signature,
			String keyId) {

		String signedMessage() {
			return HeadSigner.message(period, sequence, hash);
		}
	}

	/** How often a head is published. */
	Duration interval() {
		return interval;
	}

	@Scheduled(fixedDelayString = "${zhifa.record.publish-check:PT1M}",
			initialDelayString = "${zhifa.record.publish-check:PT1M}")
	void scheduled() {
		try {
			publishCurrent();
		}
		catch (RuntimeException e) {
			log.warn("Could not publish the record head; the next check tries again: {}", e.toString());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		scheduled();
	}

	/**
	 * Publishes the head of the current period unless a node already did. The wall clock decides the
	 * period, not the engine's clock: publication happens in the real world (tests that move the engine
	 * clock publish nothing in the future).
	 */
	Optional<Head> publishCurrent() {
		return publish(Instant.now());
	}

	/**
	 * Publishes the head of the period containing {@code now} unless a node already did, and returns
	 * that period's head — empty when the store is behind a head published before (cut short: nothing
	 * is published until the missing entries are restored, and the log says so).
	 */
	Optional<Head> publish(Instant now) {
		String period = period(now, interval);
		Optional<Head> existing = find(period);
		if (existing.isPresent()) {
			return existing;
		}
		signer.keyId(); // a key created at the first publication is committed on its own, before the head
		try {
			return tx.execute(status -> publishLocked(period, now));
		}
		catch (DuplicateKeyException e) {
			log.debug("Another node published the record head of {}", period);
			return find(period);
		}
	}

	private Optional<Head> publishLocked(String period, Instant now) {
		// the global head lock, and everything committed so far sealed: the head published covers it
		RecordService.GlobalHead head = sealer.sealLocked();
		Optional<Head> existing = find(period);
		if (existing.isPresent()) {
			return existing; // another node published while this one waited for the lock
		}
		Optional<Head> highest = highest();
		if (highest.isPresent() && head.lastSeq() < highest.get().sequence()) {
			log.error("Record store truncated: the global head #{} is behind head #{} published for {}; no head is "
					+ "published until the missing entries are restored (run verify-records)", head.lastSeq(),
					highest.get().sequence(), highest.get().period());
			return Optional.empty();
		}
		long since = jdbc.queryForObject(
				"SELECT COALESCE(MAX(global_seq), 0) FROM zf_record_published_head WHERE with_case_heads = TRUE", Long.class);
		// the heads of the cases that grew since the previous publication (all cases the first time)
		int cases = jdbc.update("""
				INSERT INTO zf_record_published_case_head (case_no, case_seq, hash, period)
				SELECT h.case_no, h.last_seq, h.last_hash, ? FROM zf_record_case_head h
				WHERE h.last_seq > 0
				  AND h.case_no IN (SELECT s.case_no FROM zf_record_seal s WHERE s.global_seq > ?)
				  AND NOT EXISTS (SELECT 1 FROM zf_record_published_case_head p
				                  WHERE p.case_no = h.case_no AND p.case_seq >= h.last_seq)""", period, since);
		jdbc.update("INSERT INTO zf_record_published_head (" + COLUMNS + ", with_case_heads) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)",
				period, LocalDate.parse(period.substring(0, 10)), head.lastSeq(), head.lastHash(), Hashing.utc(now),
				signer.sign(HeadSigner.message(period, head.lastSeq(), head.lastHash())), signer.keyId());
		log.info("Published the record head of {}: #{} {} ({} case heads)", period, head.lastSeq(), head.lastHash(), cases);
		return find(period);
	}

	/** The head of the most recent period (what the portal shows). */
	Optional<Head> latest() {
		return jdbc.query("SELECT " + COLUMNS + " FROM zf_record_published_head ORDER BY period DESC FETCH FIRST 1 ROWS ONLY",
				(rs, n) -> head(rs)).stream().findFirst();
	}

	/** The published head with the highest sequence number: how far the store reached at least. */
	Optional<Head> highest() {
		return jdbc.query("SELECT " + COLUMNS + " FROM zf_record_published_head ORDER BY global_seq DESC, period DESC "
				+ "FETCH FIRST 1 ROWS ONLY", (rs, n) -> head(rs)).stream().findFirst();
	}

	Optional<Head> find(String period) {
		return jdbc.query("SELECT " + COLUMNS + " FROM zf_record_published_head WHERE period = ?", (rs, n) -> head(rs),
				period).stream().findFirst();
	}

	/** The label of the period containing {@code at}: its start in Asia/Shanghai, e.g. {@code 2026-11-21T14:00+08:00}. */
	static String period(Instant at, Duration interval) {
		ZonedDateTime time = at.atZone(CHINA);
		ZonedDateTime midnight = time.toLocalDate().atStartOfDay(CHINA);
		long step = interval.getSeconds();
		long into = Duration.between(midnight, time).getSeconds() / step * step;
		return midnight.plusSeconds(into).format(PERIOD);
	}

	/** Whole minutes that divide a day, so every period starts at the same times each day. */
	static Duration checked(Duration interval) {
		long seconds = interval.getSeconds();
		if (interval.getNano() != 0 || seconds < 60 || seconds % 60 != 0 || 86_400 % seconds != 0) {
			throw new IllegalArgumentException("zhifa.record.publish-interval must be whole minutes that divide a day "
					+ "(PT1M … PT1H … P1D), not " + interval);
		}
		return interval;
	}

	private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Head(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getString(4),
				rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7));
	}
}

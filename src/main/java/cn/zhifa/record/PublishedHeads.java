package cn.zhifa.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the global head hash once a day (R-REC-4): a value outside the database against which
 * the record can be checked — a record rewritten after publication no longer contains it. The day's
 * row is the lock: the first node to insert it wins, the others find it there.
 */
@Component
class PublishedHeads {

	private static final Logger log = LoggerFactory.getLogger(PublishedHeads.class);
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;
	private final RecordService records;
	private final HeadSigner signer;

	PublishedHeads(JdbcTemplate jdbc, RecordService records, HeadSigner signer) {
		this.jdbc = jdbc;
		this.records = records;
		this.signer = signer;
	}

	/**
	 * A published head: the day, the number of entries then, the hash of the last one, and the
	 * Ed25519 signature of {@link HeadSigner#message} by the key {@code keyId}.
	 */
	record Head(LocalDate date, long sequence, String hash, Instant publishedAt, String signature, String keyId) {

		String signedMessage() {
			return HeadSigner.message(date, sequence, hash);
		}
	}

	@Scheduled(cron = "${zhifa.record.publish-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void daily() {
		publishToday();
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		publishToday();
	}

	/** Publishes today's head unless a node already did; returns the head of today. */
	@Transactional
	public Head publishToday() {
		Instant now = Hashing.truncate(ClockUtil.getCurrentTime().toInstant());
		LocalDate today = now.atZone(CHINA).toLocalDate();
		Optional<Head> existing = find(today);
		if (existing.isPresent()) {
			return existing.get();
		}
		RecordService.GlobalHead head = records.globalHead();
		try {
			jdbc.update("INSERT INTO zf_record_published_head (head_date, global_seq, global_hash, published_at, signature, key_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", today, head.lastSeq(), head.lastHash(), Hashing.utc(now),
					signer.sign(HeadSigner.message(today, head.lastSeq(), head.lastHash())), signer.keyId());
			log.info("Published the record head of {}: #{} {}", today, head.lastSeq(), head.lastHash());
		}
		catch (DuplicateKeyException e) {
			log.debug("Another node published the head of {}", today);
		}
		return find(today).orElseThrow();
	}

	Optional<Head> latest() {
		return jdbc.query("SELECT head_date, global_seq, global_hash, published_at, signature, key_id FROM zf_record_published_head "
				+ "ORDER BY head_date DESC FETCH FIRST 1 ROWS ONLY", (rs, n) -> head(rs)).stream().findFirst();
	}

	private Optional<Head> find(LocalDate date) {
		return jdbc.query("SELECT head_date, global_seq, global_hash, published_at, signature, key_id FROM zf_record_published_head "
				+ "WHERE head_date = ?", (rs, n) -> head(rs), date).stream().findFirst();
	}

	private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Head(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3),
				rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6));
	}
}

package cn.zhifa.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the global chain of the record (R-REC-4 防删改, ADR-0043): appends chain each entry to its case
 * only and put it on the work list ({@code zf_record_unsealed}); every {@code zhifa.record.seal-interval}
 * (default two seconds) each node takes the global head row lock in a short transaction of its own and
 * gives every committed, unsealed entry the next global number, in entry-id order: {@code global_hash =
 * sha256(previous global hash + "\n" + entry hash)}, a row of {@code zf_record_seal}, the work-list row
 * removed, the head moved forward — all in that transaction. Several nodes: whichever takes the lock seals,
 * the next finds the work list empty; nothing in memory matters. A global number already published is never
 * issued again: when the global head is behind the highest published head (entries cut off, head wound back),
 * sealing continues after the published number, linked to its hash, and logs an ERROR.
 */
@Component
class RecordSealer {

	private static final Logger log = LoggerFactory.getLogger(RecordSealer.class);
	/** Entries sealed per statement batch; a transaction seals as many batches as there are. */
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;

	RecordSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${zhifa.record.seal-interval:PT2S}", initialDelayString = "${zhifa.record.seal-interval:PT2S}")
	void scheduled() {
		try {
			seal();
		}
		catch (RuntimeException e) {
			log.warn("Could not seal the record's global chain; the next run tries again: {}", e.toString());
		}
	}

	/**
	 * Seals every committed entry that is not sealed yet, in a transaction of its own (or the caller's),
	 * and returns the global head after it.
	 */
	RecordService.GlobalHead seal() {
		if (!TransactionSynchronizationManager.isActualTransactionActive() && !pending()) {
			return head(); // nothing to do: no lock taken
		}
		return tx.execute(status -> sealLocked());
	}

	/** Whether any entry waits for its seal (no lock). */
	boolean pending() {
		return !jdbc.queryForList("SELECT record_id FROM zf_record_unsealed FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
	}

	/**
	 * Within the caller's transaction: takes the global head row lock (held until that transaction ends) and
	 * seals every committed entry waiting, in entry-id order. Returns the global head after it.
	 */
	RecordService.GlobalHead sealLocked() {
		TransactionHeads.writePending(jdbc); // the caller's own appends wait on the work list like any other
		RecordService.GlobalHead head = jdbc.queryForObject(
				"SELECT last_seq, last_hash FROM zf_record_global_head WHERE id = 1 FOR UPDATE",
				(rs, n) -> new RecordService.GlobalHead(rs.getLong(1), rs.getString(2)));
		long seq = head.lastSeq();
		String prev = head.lastHash();
		List<Map<String, Object>> published = jdbc.queryForList("SELECT global_seq, global_hash FROM zf_record_published_head "
				+ "ORDER BY global_seq DESC, period DESC FETCH FIRST 1 ROWS ONLY");
		boolean behind = !published.isEmpty() && ((Number) published.get(0).get("global_seq")).longValue() > seq;
		int sealed = 0;
		for (int n = BATCH; n == BATCH;) {
			List<Long> waiting = jdbc.queryForList(
					"SELECT record_id FROM zf_record_unsealed ORDER BY record_id FETCH FIRST %d ROWS ONLY".formatted(BATCH),
					Long.class);
			n = waiting.size();
			if (n == 0) {
				break;
			}
			Map<Long, Map<String, Object>> entries = entries(waiting);
			if (behind) {
				long p = ((Number) published.get(0).get("global_seq")).longValue();
				log.error("Record store truncated: the global head #{} is behind the published head #{}; sealing continues "
						+ "the published chain at #{} (run verify-records)", seq, p, p + 1);
				seq = p;
				prev = (String) published.get(0).get("global_hash");
				behind = false;
			}
			Instant now = Instant.now();
			List<Object[]> seals = new ArrayList<>();
			for (long recordId : waiting) {
				Map<String, Object> w = entries.get(recordId);
				if (w == null) {
					// removed before it was sealed (past the triggers): its case chain shows the gap
					log.error("Record entry {} was removed before it was sealed (run verify-records)", recordId);
					continue;
				}
				String hash = (String) w.get("hash");
				String global = Hashing.chain(prev, hash);
				seq++;
				seals.add(new Object[] { seq, recordId, w.get("case_no"), w.get("case_seq"), hash, prev, global,
						Hashing.utc(now) });
				prev = global;
			}
			if (!seals.isEmpty()) {
				jdbc.batchUpdate("INSERT INTO zf_record_seal (global_seq, record_id, case_no, case_seq, entry_hash, "
						+ "global_prev_hash, global_hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seals);
			}
			// the work list's rows in one statement (one per entry was an eighth of a whole case's statements)
			jdbc.update("DELETE FROM zf_record_unsealed WHERE record_id IN (" + marks(n) + ")", waiting.toArray());
			sealed += seals.size();
		}
		if (sealed > 0) {
			jdbc.update("UPDATE zf_record_global_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
			log.debug("Sealed {} record entries: global head #{}", sealed, seq);
		}
		return sealed > 0 ? new RecordService.GlobalHead(seq, prev) : head;
	}

	/**
	 * The entries of these ids, by id (a removed one is absent). Looked up by their ids rather than joined to the
	 * waiting list: PostgreSQL joined the two by merging them along {@code zf_record}'s primary key from its first
	 * entry, which reads the whole record at every seal (docs/performance.md, "The sealer read the whole record").
	 */
	private Map<Long, Map<String, Object>> entries(List<Long> ids) {
		Map<Long, Map<String, Object>> entries = new HashMap<>();
		for (Map<String, Object> row : jdbc.queryForList(
				"SELECT id, case_no, case_seq, hash FROM zf_record WHERE id IN (" + marks(ids.size()) + ")", ids.toArray())) {
			entries.put(((Number) row.get("id")).longValue(), row);
		}
		return entries;
	}

	/** {@code n} parameter marks for an {@code IN} list ({@code n} ≤ {@link #BATCH}). */
	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	private RecordService.GlobalHead head() {
		return jdbc.queryForObject("SELECT last_seq, last_hash FROM zf_record_global_head WHERE id = 1",
				(rs, n) -> new RecordService.GlobalHead(rs.getLong(1), rs.getString(2)));
	}
}

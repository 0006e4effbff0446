package cn.zhifa.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case heads one transaction has locked and moved, and the entries it queued for sealing (ADR-0055). The
 * first append to a case in a transaction locks the case's head row ({@code SELECT … FOR UPDATE}); the following
 * appends to that case in the same transaction chain on the head kept here instead of reading it again, and the
 * head row and the sealer's work list are written once, just before the transaction commits. Step entries are
 * chained at once and inserted together as one batch (ADR-0062) before the commit, before a read of the record in the
 * transaction ({@link RecordService}'s readers call {@link #writeEntries}) and before any other entry, which is inserted
 * at once; a rolled-back transaction writes nothing. Bound to the transaction with Spring's synchronization
 * (suspended with it when a nested {@code REQUIRES_NEW} transaction runs). The record's readers of heads and work list ({@link RecordVerifier},
 * {@link RecordSealer}, {@link PublishedHeads}) call {@link #writePending} first, so a transaction that appended
 * and then verifies, seals or publishes sees its own appends.
 */
final class TransactionHeads implements TransactionSynchronization {

	/** A case's head as this transaction has moved it so far. */
	static final class Head {
		final String caseNo;
		final Long publishedSeq;
		long lastSeq;
		String lastHash;
		String agencyCode;
		private boolean moved;

		Head(String caseNo, long lastSeq, String lastHash, String agencyCode, Long publishedSeq) {
			this.caseNo = caseNo;
			this.lastSeq = lastSeq;
			this.lastHash = lastHash;
			this.agencyCode = agencyCode;
			this.publishedSeq = publishedSeq;
		}

		/** The entry {@code seq} with {@code hash} appended; the head keeps its agency once set. */
		void advance(long seq, String hash, String agency) {
			lastSeq = seq;
			lastHash = hash;
			if (agencyCode == null) {
				agencyCode = agency;
			}
			moved = true;
		}
	}

	/** A step's start held back until the case's next append, and what writes it. */
	private record Held(RecordService.Pending entry, Runnable write) {
	}

	/** The resource key: one set of heads per transaction and database. */
	private record Key(DataSource dataSource) {
	}

	private final Key key;
	private final JdbcTemplate jdbc;
	private final boolean bound;
	/** Set once the transaction's commit has written this: an append after it (another synchronization's) writes at once. */
	private boolean written;
	private final Map<String, Head> heads = new LinkedHashMap<>();
	/** Per case, the step start held back (ADR-0057) and how it is written. */
	private final Map<String, Held> held = new LinkedHashMap<>();
	private final List<Object[]> unsealed = new ArrayList<>();
	/** The step entries appended and not yet inserted (ADR-0062): the insert's parameters, in append order. */
	private final List<Object[]> queued = new ArrayList<>();
	/** Per case, the first and last case number of its queued entries: their work-list rows, read back by number. */
	private final Map<String, long[]> queuedRange = new LinkedHashMap<>();

	private TransactionHeads(Key key, JdbcTemplate jdbc, boolean bound) {
		this.key = key;
		this.jdbc = jdbc;
		this.bound = bound;
	}

	/**
	 * The current transaction's heads, bound to it on first use; without transaction synchronization (not the case
	 * for {@link RecordService}'s transactional methods) a new unbound instance the caller writes itself.
	 */
	static TransactionHeads current(JdbcTemplate jdbc) {
		Key key = new Key(jdbc.getDataSource());
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new TransactionHeads(key, jdbc, false);
		}
		TransactionHeads current = (TransactionHeads) TransactionSynchronizationManager.getResource(key);
		if (current == null) {
			current = new TransactionHeads(key, jdbc, true);
			TransactionSynchronizationManager.bindResource(key, current);
			TransactionSynchronizationManager.registerSynchronization(current);
		}
		return current;
	}

	/** The head of {@code caseNo} as the current transaction has moved it, if it has (null otherwise). */
	static Head moved(JdbcTemplate jdbc, String caseNo) {
		TransactionHeads current = bound(jdbc);
		return current == null ? null : current.head(caseNo);
	}

	/**
	 * Writes the step starts the current transaction holds back (ADR-0057) and the step entries it has queued
	 * (ADR-0062), if any: what a read of the record in the same transaction must see.
	 */
	static void writeEntries(JdbcTemplate jdbc) {
		TransactionHeads current = bound(jdbc);
		if (current != null) {
			current.writeHeld();
			current.writeQueued();
		}
	}

	/** Writes what the current transaction's appends have left for its commit, if anything. */
	static void writePending(JdbcTemplate jdbc) {
		TransactionHeads current = bound(jdbc);
		if (current != null) {
			current.write();
		}
	}

	private static TransactionHeads bound(JdbcTemplate jdbc) {
		return (TransactionHeads) TransactionSynchronizationManager.getResource(new Key(jdbc.getDataSource()));
	}

	/** Whether the transaction writes this at its commit (else the caller calls {@link #write()}). */
	boolean bound() {
		return bound && !written;
	}

	/** The head of {@code caseNo} if this transaction has locked it already. */
	Head head(String caseNo) {
		return heads.get(caseNo);
	}

	void locked(Head head) {
		heads.put(head.caseNo, head);
	}

	/** Holds a step's start of its case back (the caller has written the one held before, if any). */
	void hold(RecordService.Pending start, Runnable write) {
		held.put(start.caseNo(), new Held(start, write));
	}

	/** The start held back for the case, no longer held (null if none): the caller merges or writes it. */
	RecordService.Pending takeHeldStart(String caseNo) {
		Held h = held.remove(caseNo);
		return h == null ? null : h.entry();
	}

	private void writeHeld() {
		while (!held.isEmpty()) {
			Held first = held.remove(held.keySet().iterator().next());
			first.write().run();
		}
	}

	void queueForSealing(long recordId, Object queuedAt) {
		unsealed.add(new Object[] { recordId, queuedAt });
	}

	/** Queues a step entry's insert ({@link RecordService#INSERT}'s parameters) until the commit or a read (ADR-0062). */
	void queue(String caseNo, long caseSeq, Object[] insert) {
		queued.add(insert);
		queuedRange.computeIfAbsent(caseNo, c -> new long[] { caseSeq, caseSeq })[1] = caseSeq;
	}

	/**
	 * Inserts the queued step entries as one batch (one multi-row insert on PostgreSQL, ADR-0061) in append order,
	 * so their ids follow their case numbers, and puts them on the sealer's work list by case and number.
	 */
	void writeQueued() {
		if (queued.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(RecordService.INSERT, queued);
		Object now = Hashing.utc(Instant.now()); // wall clock: the verifier measures the wait
		for (Map.Entry<String, long[]> range : queuedRange.entrySet()) {
			jdbc.update("INSERT INTO zf_record_unsealed (record_id, queued_at) SELECT id, ? FROM zf_record "
					+ "WHERE case_no = ? AND case_seq BETWEEN ? AND ?", now, range.getKey(), range.getValue()[0],
					range.getValue()[1]);
		}
		queued.clear();
		queuedRange.clear();
	}

	/**
	 * Writes the held starts, the queued entries, the moved heads and the work list (the transaction still holds
	 * every head's lock).
	 */
	void write() {
		writeHeld();
		writeQueued();
		for (Head head : heads.values()) {
			if (head.moved) {
				// the case head keeps its agency once set (filled in once when the first entries had none)
				jdbc.update("UPDATE zf_record_case_head SET last_seq = ?, last_hash = ?, "
						+ "agency_code = COALESCE(agency_code, ?) WHERE case_no = ?", head.lastSeq, head.lastHash,
						head.agencyCode, head.caseNo);
			}
		}
		if (!unsealed.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO zf_record_unsealed (record_id, queued_at) VALUES (?, ?)", unsealed);
		}
		heads.clear();
		unsealed.clear();
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		write();
		written = true;
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(key);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(key, this);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(key);
	}
}

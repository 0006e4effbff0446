package cn.zhifa.record;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.problem.InputCheck;

/**
 * The append-only full-process record (R-REC-1, R-REC-4). {@link #append} is the only writer: it
 * joins the caller's transaction (the engine's, for steps), locks the case's head row
 * ({@code SELECT … FOR UPDATE}) and inserts the entry chained to the case's previous one — so appends
 * to one case from several nodes sharing one PostgreSQL database are serialised, appends to different
 * cases are not, and a rolled-back step leaves no record. A transaction locks a case's head once and writes it
 * once, before it commits ({@link TransactionHeads}, ADR-0055). The entry also goes on the sealer's work list
 * ({@code zf_record_unsealed}, written with the head); {@link RecordSealer} gives it its place in the global chain within
 * seconds after the transaction commits (ADR-0043, superseding the global lock of ADR-0009). A case
 * number already published ({@link PublishedHeads}) is never issued again: when the case's chain is
 * behind its published head (entries removed from the end, head wound back), the entry continues the
 * published chain after it, and the verifier reports the gap.
 */
@Service
public class RecordService {

	private static final Logger log = LoggerFactory.getLogger(RecordService.class);
	/** Actor of entries no logged-in person caused (timers, start-up). */
	public static final String SYSTEM = "system";
	/** A step's start and end, and both in one entry when nothing was recorded between them (ADR-0057). */
	public static final String ACTIVITY_START = "ACTIVITY_START";
	public static final String ACTIVITY_END = "ACTIVITY_END";
	public static final String ACTIVITY_PASSED = "ACTIVITY_PASSED";

	static final RowMapper<RecordEntry> ROWS = RecordService::entry;
	/**
	 * An entry with its place in the global chain: from {@code zf_record} for entries appended before V33
	 * (their hash covers it), from the seal for those appended since (none while unsealed). Use with
	 * {@link #FROM}.
	 */
	static final String COLUMNS = "r.id, r.case_no, r.case_seq, r.global_seq, r.kind, r.actor, r.agency_code, "
			+ "r.process_instance_id, r.activity_id, r.occurred_at, r.data, r.prev_hash, r.hash, r.global_prev_hash, "
			+ "r.global_hash, s.global_seq AS sealed_seq, s.global_prev_hash AS sealed_prev_hash, s.global_hash AS sealed_hash";
	/** The entries ({@code r}) with their seals ({@code s}). */
	static final String FROM = "zf_record r LEFT JOIN zf_record_seal s ON s.record_id = r.id";

	/** An entry's insert; its eleven parameters in the order of {@link #insert}. */
	static final String INSERT = """
			INSERT INTO zf_record (case_no, case_seq, kind, actor, agency_code, process_instance_id, activity_id,
			    occurred_at, data, prev_hash, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;
	private volatile boolean stepRecording;
	private final Clock clock;
	private volatile Boolean postgres;

	RecordService(JdbcTemplate jdbc, @Value("${zhifa.record.enabled:true}") boolean stepRecording, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.stepRecording = stepRecording;
	}

	/**
	 * Appends a domain event to the case's record, e.g. {@code append("2026-001", "EVIDENCE_ADDED",
	 * "officer1", Map.of("fileId", id))}. {@code actor} null means the logged-in user (else
	 * {@value #SYSTEM}).
	 */
	@Transactional
	public RecordEntry append(String caseNo, String kind, String actor, Map<String, Object> data) {
		return append(caseNo, kind, actor, null, null, null, data);
	}

	/**
	 * As {@link #append(String, String, String, Map)} with the agency, process instance and step. The
	 * entry returned has no global position yet ({@link RecordEntry#globalSeq()} null): the sealer gives
	 * it one after the transaction commits.
	 */
	@Transactional
	public RecordEntry append(String caseNo, String kind, String actor, String agencyCode, String processInstanceId,
			String activityId, Map<String, Object> data) {
		Pending entry = pending(caseNo, kind, actor, agencyCode, processInstanceId, activityId, data);
		TransactionHeads transaction = TransactionHeads.current(jdbc);
		return insert(transaction, afterHeldStart(transaction, entry), false);
	}

	/**
	 * Appends a step's entry (a process step, a task's event, a decision, a document: {@link StepRecorder}) as
	 * {@link #append(String, String, String, String, String, String, Map)} does, except that within a transaction it
	 * is chained at once and inserted with the transaction's other step entries in one batch — at its commit, before
	 * a read of the record in it, or before an entry appended with {@link #append} (ADR-0062).
	 */
	@Transactional
	public void appendStep(String caseNo, String kind, String actor, String agencyCode, String processInstanceId,
			String activityId, Map<String, Object> data) {
		Pending entry = pending(caseNo, kind, actor, agencyCode, processInstanceId, activityId, data);
		TransactionHeads transaction = TransactionHeads.current(jdbc);
		insert(transaction, afterHeldStart(transaction, entry), true);
	}

	/**
	 * Records a step's start ({@value #ACTIVITY_START}, ADR-0057). Within a transaction the entry is held until the
	 * transaction's next append to the case, its commit or a read of the case's record: if that next append is the
	 * plain end ({@value #ACTIVITY_END}) of the same activity instance, the two become one {@value #ACTIVITY_PASSED}
	 * entry with both times — a gateway, an event or a service task that starts and ends with nothing recorded in
	 * between. Otherwise the start is written as it was, before the next entry, so the case's order is the order of
	 * the events. A rolled-back transaction writes neither.
	 */
	@Transactional
	public void appendStart(String caseNo, String actor, String agencyCode, String processInstanceId, String activityId,
			Map<String, Object> data) {
		Pending start = pending(caseNo, ACTIVITY_START, actor, agencyCode, processInstanceId, activityId, data);
		TransactionHeads transaction = TransactionHeads.current(jdbc);
		if (!transaction.bound()) {
			insert(transaction, start, false);
			return;
		}
		Pending next = afterHeldStart(transaction, start); // a start never merges with a start: this one
		transaction.hold(next, () -> insert(transaction, next, true));
	}

	/**
	 * What to write after the case's start this transaction holds back, if any: the start and {@code entry} as one
	 * {@value #ACTIVITY_PASSED} entry, or {@code entry} itself once the start is written — something else happened
	 * within the step, and the start keeps its own entry.
	 */
	private Pending afterHeldStart(TransactionHeads transaction, Pending entry) {
		Pending held = transaction.takeHeldStart(entry.caseNo());
		if (held == null) {
			return entry;
		}
		Pending passed = held.passedWith(entry);
		if (passed != null) {
			return passed;
		}
		insert(transaction, held, true);
		return entry;
	}

	/** An entry checked and dated, not yet written: what {@link #insert} chains and stores. */
	record Pending(String caseNo, String kind, String actor, String agencyCode, String processInstanceId,
			String activityId, Map<String, Object> data, String content, Instant at) {

		/**
		 * The one {@value #ACTIVITY_PASSED} entry for this start and {@code next}, if {@code next} is the plain end
		 * of the same activity instance (not cancelled, not a timer, message, decision or document); else null.
		 */
		Pending passedWith(Pending next) {
			Object instance = data.get("activityInstanceId");
			if (!ACTIVITY_START.equals(kind) || !ACTIVITY_END.equals(next.kind) || instance == null
					|| !instance.equals(next.data.get("activityInstanceId")) || next.data.containsKey("canceled")
					|| !Objects.equals(activityId, next.activityId)) {
				return null;
			}
			Map<String, Object> both = new LinkedHashMap<>(next.data);
			both.remove("event");
			both.put("startedAt", Hashing.iso(at));
			both.put("endedAt", Hashing.iso(next.at));
			return new Pending(next.caseNo, ACTIVITY_PASSED, next.actor, next.agencyCode, next.processInstanceId,
					next.activityId, both, Hashing.canonical(both), next.at);
		}
	}

	private Pending pending(String caseNo, String kind, String actor, String agencyCode, String processInstanceId,
			String activityId, Map<String, Object> data) {
		if (caseNo == null || caseNo.isBlank()) {
			throw new IllegalArgumentException("a record entry needs a case number");
		}
		String flaw = InputCheck.textFlaw(caseNo, InputCheck.column(RecordEntry.class, "caseNo"));
		if (flaw != null) { // a case number from outside (a start variable, a business key): refused, naming it
			throw FormFields.invalid("caseId", "案号" + flaw);
		}
		if (kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("a record entry needs a kind");
		}
		String who = actor == null || actor.isBlank() ? currentUser() : actor;
		Map<String, Object> values = data == null ? Map.of() : data;
		return new Pending(caseNo, kind, who, agencyCode, processInstanceId, activityId, values, Hashing.canonical(values),
				Hashing.truncate(clock.instant()));
	}

	/**
	 * Chains the entry to its case, inserts it and queues it for sealing (the head is written before the commit). A
	 * step entry ({@code step}) within a transaction is queued for the transaction's batch instead and null returned;
	 * any other entry is inserted at once, after the entries queued before it, so ids follow case numbers.
	 */
	private RecordEntry insert(TransactionHeads transaction, Pending entry, boolean step) {
		String caseNo = entry.caseNo();
		// the only lock an append takes: its case's head, once per transaction (ADR-0043, ADR-0055)
		TransactionHeads.Head head = lockCaseHead(transaction, caseNo, entry.agencyCode());
		long caseSeq = head.lastSeq + 1;
		String prev = head.lastHash;
		String agency = entry.agencyCode() != null ? entry.agencyCode() : head.agencyCode;
		// never reuse a published number: a case behind what was published was cut short (issue 13 §7)
		if (head.publishedSeq != null && head.publishedSeq >= caseSeq) {
			long p = head.publishedSeq;
			log.error("Record store truncated: the head of case {} (#{}) is behind its published head #{}; the entry "
					+ "continues the published chain at #{} (run verify-records)", caseNo, caseSeq - 1, p, p + 1);
			caseSeq = p + 1;
			prev = jdbc.queryForObject("SELECT hash FROM zf_record_published_case_head WHERE case_no = ? AND case_seq = ?",
					String.class, caseNo, p);
		}
		Instant now = entry.at();
		String hash = Hashing.chain(prev, RecordEntry.canonicalContent(caseNo, caseSeq, null, entry.kind(), entry.actor(),
				agency, entry.processInstanceId(), entry.activityId(), now, entry.content()));
		Object[] values = { caseNo, caseSeq, entry.kind(), entry.actor(), agency, entry.processInstanceId(),
				entry.activityId(), Hashing.utc(now), entry.content(), prev, hash };
		if (step && transaction.bound()) {
			head.advance(caseSeq, hash, agency);
			transaction.queue(caseNo, caseSeq, values);
			return null;
		}
		transaction.writeQueued();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(INSERT, new String[] { "id" });
			new ArgumentPreparedStatementSetter(values).setValues(insert);
			return insert;
		}, key);
		long id = key.getKey().longValue();
		// the head row and the sealer's work list are written once, before the transaction commits
		head.advance(caseSeq, hash, agency);
		transaction.queueForSealing(id, Hashing.utc(Instant.now())); // wall clock: the verifier measures the wait
		if (!transaction.bound()) {
			transaction.write();
		}
		return new RecordEntry(id, caseNo, caseSeq, null, entry.kind(), entry.actor(), agency, entry.processInstanceId(),
				entry.activityId(), now, entry.content(), prev, hash, null, null, false);
	}

	/** A case's head, locked for this transaction, with the highest case number published for it (null: none). */
	private record LockedHead(long lastSeq, String lastHash, String agencyCode, Long publishedSeq) {
	}

	/**
	 * The case's head as this transaction holds it: locked with {@code SELECT … FOR UPDATE} on the transaction's first
	 * append to the case (created at entry 0 if the case has none yet), then kept by the transaction.
	 */
	private TransactionHeads.Head lockCaseHead(TransactionHeads transaction, String caseNo, String agencyCode) {
		TransactionHeads.Head held = transaction.head(caseNo);
		if (held == null) {
			LockedHead locked = lockCaseHead(caseNo, agencyCode);
			held = new TransactionHeads.Head(caseNo, locked.lastSeq(), locked.lastHash(), locked.agencyCode(),
					locked.publishedSeq());
			transaction.locked(held);
		}
		return held;
	}

	/**
	 * Locks the case's head row ({@code SELECT … FOR UPDATE}, held until the transaction ends), creating it at
	 * entry 0 for a new case. Two transactions starting the same new case: PostgreSQL's {@code ON CONFLICT DO
	 * NOTHING} waits for the other and then finds its row; H2 waits as well and reports the duplicate key.
	 */
	private LockedHead lockCaseHead(String caseNo, String agencyCode) {
		Optional<LockedHead> head = lockedHead(caseNo);
		if (head.isPresent()) {
			return head.get();
		}
		if (postgres()) {
			jdbc.update("INSERT INTO zf_record_case_head (case_no, agency_code, last_seq, last_hash) VALUES (?, ?, 0, ?) "
					+ "ON CONFLICT (case_no) DO NOTHING", caseNo, agencyCode, Hashing.GENESIS);
		}
		else {
			try {
				jdbc.update("INSERT INTO zf_record_case_head (case_no, agency_code, last_seq, last_hash) VALUES (?, ?, 0, ?)",
						caseNo, agencyCode, Hashing.GENESIS);
			}
			catch (DuplicateKeyException e) {
				log.debug("Case {} was started by another transaction at the same time", caseNo);
			}
		}
		return lockedHead(caseNo).orElseThrow(() -> new IllegalStateException("the head of case " + caseNo
				+ " was neither found nor created"));
	}

	private Optional<LockedHead> lockedHead(String caseNo) {
		return jdbc.query("""
				SELECT h.last_seq, h.last_hash, h.agency_code,
				       (SELECT MAX(p.case_seq) FROM zf_record_published_case_head p WHERE p.case_no = h.case_no) AS published
				FROM zf_record_case_head h WHERE h.case_no = ? FOR UPDATE""", (rs, n) -> new LockedHead(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getObject(4) == null ? null : rs.getLong(4)), caseNo).stream().findFirst();
	}

	private boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getURL().startsWith("jdbc:postgresql:"));
			postgres = known;
		}
		return known;
	}

	/**
	 * Appends as {@link #append(String, String, String, String, String, String, Map)} unless the case
	 * already has an entry of {@code kind} by {@code actor} since {@code since} whose data hold all of
	 * {@code same} — e.g. one RETRIEVAL per supervisor, case and purpose an hour. The check is repeated
	 * under the case's head lock, so concurrent requests on several nodes append once.
	 *
	 * @return the new entry, or empty if a matching one exists
	 */
	@Transactional
	public Optional<RecordEntry> appendUnlessRecent(String caseNo, String kind, String actor, String agencyCode,
			Instant since, Map<String, Object> same, Map<String, Object> data) {
		if (hasRecent(caseNo, kind, actor, since, same)) {
			return Optional.empty();
		}
		// a new head is only left behind if the append below fails, with it
		lockCaseHead(TransactionHeads.current(jdbc), caseNo, agencyCode);
		if (hasRecent(caseNo, kind, actor, since, same)) {
			return Optional.empty();
		}
		return Optional.of(append(caseNo, kind, actor, agencyCode, null, null, data));
	}

	private boolean hasRecent(String caseNo, String kind, String actor, Instant since, Map<String, Object> same) {
		TransactionHeads.writeEntries(jdbc); // the held starts and queued step entries (ADR-0057, ADR-0062)
		List<String> recent = jdbc.queryForList(
				"SELECT data FROM zf_record WHERE case_no = ? AND kind = ? AND actor = ? AND occurred_at >= ?", String.class,
				caseNo, kind, actor, Hashing.utc(since));
		for (String json : recent) {
			Map<String, Object> data = parse(json);
			if (same.entrySet().stream().allMatch(e -> Objects.equals(data.get(e.getKey()), e.getValue()))) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> parse(String json) {
		try {
			return Hashing.JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
		}
		catch (java.io.IOException e) {
			return Map.of();
		}
	}

	/** The case's record in order (empty if the case has none). */
	@Transactional(readOnly = true)
	public List<RecordEntry> list(String caseNo) {
		TransactionHeads.writeEntries(jdbc); // the held starts and queued step entries (ADR-0057, ADR-0062)
		return jdbc.query("SELECT " + COLUMNS + " FROM " + FROM + " WHERE r.case_no = ? ORDER BY r.case_seq", ROWS, caseNo);
	}

	/** Entries of one kind in the given agencies (null: all agencies), newest first. */
	@Transactional(readOnly = true)
	public List<RecordEntry> listByKind(String kind, java.util.Collection<String> agencies) {
		TransactionHeads.writeEntries(jdbc); // the held starts and queued step entries (ADR-0057, ADR-0062)
		if (agencies == null) {
			return jdbc.query("SELECT " + COLUMNS + " FROM " + FROM + " WHERE r.kind = ? ORDER BY r.id DESC", ROWS, kind);
		}
		if (agencies.isEmpty()) {
			return List.of();
		}
		String marks = String.join(",", java.util.Collections.nCopies(agencies.size(), "?"));
		Object[] args = new Object[agencies.size() + 1];
		args[0] = kind;
		int i = 1;
		for (String agency : agencies) {
			args[i++] = agency;
		}
		return jdbc.query("SELECT " + COLUMNS + " FROM " + FROM + " WHERE r.kind = ? AND r.agency_code IN (" + marks
				+ ") ORDER BY r.id DESC", ROWS, args);
	}

	/** Whether the case has a record, and its agency (empty: unknown case). */
	@Transactional(readOnly = true)
	public Optional<CaseHead> head(String caseNo) {
		TransactionHeads.writeEntries(jdbc); // the held starts and queued step entries (ADR-0057, ADR-0062)
		TransactionHeads.Head moved = TransactionHeads.moved(jdbc, caseNo); // this transaction's appends, not yet written
		if (moved != null) {
			return Optional.of(new CaseHead(caseNo, moved.agencyCode, moved.lastSeq, moved.lastHash));
		}
		return jdbc.query("SELECT case_no, agency_code, last_seq, last_hash FROM zf_record_case_head WHERE case_no = ?",
				(rs, n) -> new CaseHead(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), caseNo)
			.stream().findFirst();
	}

	/** The global head: number of sealed entries over all cases and the global hash of the last one (ADR-0043). */
	@Transactional(readOnly = true)
	public GlobalHead globalHead() {
		return jdbc.queryForObject("SELECT last_seq, last_hash FROM zf_record_global_head WHERE id = 1",
				(rs, n) -> new GlobalHead(rs.getLong(1), rs.getString(2)));
	}

	/** Whether the engine plugin records process steps ({@code zhifa.record.enabled}, default true). */
	public boolean stepRecording() {
		return stepRecording;
	}

	/** For the benchmark: switch step recording on or off at run time. */
	void stepRecording(boolean on) {
		this.stepRecording = on;
	}

	/** Head of one case's chain. */
	public record CaseHead(String caseNo, String agencyCode, long lastSeq, String lastHash) {
	}

	/** Head of the global chain. */
	public record GlobalHead(long lastSeq, String lastHash) {
	}

	/** A row of {@link #COLUMNS}. */
	static RecordEntry entry(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
		boolean hashed = rs.getObject("global_seq") != null; // appended before V33
		Object sealed = rs.getObject("sealed_seq");
		return new RecordEntry(rs.getLong("id"), rs.getString("case_no"), rs.getLong("case_seq"),
				hashed ? Long.valueOf(rs.getLong("global_seq")) : sealed == null ? null : Long.valueOf(rs.getLong("sealed_seq")),
				rs.getString("kind"), rs.getString("actor"), rs.getString("agency_code"), rs.getString("process_instance_id"),
				rs.getString("activity_id"), at == null ? null : at.toInstant(), rs.getString("data"),
				rs.getString("prev_hash"), rs.getString("hash"),
				rs.getString(hashed ? "global_prev_hash" : "sealed_prev_hash"), rs.getString(hashed ? "global_hash" : "sealed_hash"),
				hashed);
	}

	static String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
				&& auth.getName() != null ? auth.getName() : SYSTEM;
	}
}

package cn.zhifa.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.problem.InputCheck;

/**
 * The append-only full-process record (R-REC-1, R-REC-4). {@link #append} is the only writer: it
 * joins the caller's transaction (the engine's, for steps), locks the global head row and the
 * case's head row ({@code SELECT … FOR UPDATE}), and inserts the entry chained to both — so appends
 * from several nodes sharing one PostgreSQL database are serialised, and a rolled-back step leaves
 * no record. A number already published ({@link PublishedHeads}) is never issued again: when the
 * store is behind a published head (entries removed from the end, heads wound back), the entry
 * continues the published chain after it, and the verifier reports the gap.
 */
@Service
public class RecordService {

	private static final Logger log = LoggerFactory.getLogger(RecordService.class);
	/** Actor of entries no logged-in person caused (timers, start-up). */
	public static final String SYSTEM = "system";

	static final RowMapper<RecordEntry> ROWS = RecordService::entry;
	static final String COLUMNS = "id, case_no, case_seq, global_seq, kind, actor, agency_code, process_instance_id, "
			+ "activity_id, occurred_at, data, prev_hash, hash, global_prev_hash, global_hash";

	private final JdbcTemplate jdbc;
	private volatile boolean stepRecording;
	private final Clock clock;

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

	/** As {@link #append(String, String, String, Map)} with the agency, process instance and step. */
	@Transactional
	public RecordEntry append(String caseNo, String kind, String actor, String agencyCode, String processInstanceId,
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
		String content = Hashing.canonical(data == null ? Map.of() : data);
		Instant now = Hashing.truncate(clock.instant());

		// lock order everywhere: global head, then case head (no deadlocks between appenders)
		Map<String, Object> global = jdbc.queryForMap(
				"SELECT last_seq, last_hash FROM zf_record_global_head WHERE id = 1 FOR UPDATE");
		long globalSeq = ((Number) global.get("last_seq")).longValue() + 1;
		String globalPrev = (String) global.get("last_hash");

		List<Map<String, Object>> head = jdbc.queryForList(
				"SELECT last_seq, last_hash, agency_code FROM zf_record_case_head WHERE case_no = ? FOR UPDATE", caseNo);
		long caseSeq;
		String prev;
		String agency = agencyCode;
		if (head.isEmpty()) {
			caseSeq = 1;
			prev = Hashing.GENESIS;
			jdbc.update("INSERT INTO zf_record_case_head (case_no, agency_code, last_seq, last_hash) VALUES (?, ?, 0, ?)",
					caseNo, agency, Hashing.GENESIS);
		}
		else {
			caseSeq = ((Number) head.get(0).get("last_seq")).longValue() + 1;
			prev = (String) head.get(0).get("last_hash");
			if (agency == null) {
				agency = (String) head.get(0).get("agency_code");
			}
			else if (head.get(0).get("agency_code") == null) {
				jdbc.update("UPDATE zf_record_case_head SET agency_code = ? WHERE case_no = ?", agency, caseNo);
			}
		}
		// never reuse a published number: a store behind what was published was cut short (issue 13 §7)
		Map<String, Object> published = jdbc.queryForMap("""
				SELECT (SELECT MAX(global_seq) FROM zf_record_published_head) AS global_seq,
				       (SELECT MAX(case_seq) FROM zf_record_published_case_head WHERE case_no = ?) AS case_seq""", caseNo);
		if (published.get("global_seq") instanceof Number p && p.longValue() >= globalSeq) {
			log.error("Record store truncated: the global head #{} is behind the published head #{}; the entry for "
					+ "case {} continues the published chain at #{} (run verify-records)", globalSeq - 1, p, caseNo,
					p.longValue() + 1);
			globalSeq = p.longValue() + 1;
			globalPrev = jdbc.queryForObject("SELECT global_hash FROM zf_record_published_head WHERE global_seq = ? "
					+ "ORDER BY period DESC FETCH FIRST 1 ROWS ONLY", String.class, p.longValue());
		}
		if (published.get("case_seq") instanceof Number p && p.longValue() >= caseSeq) {
			log.error("Record store truncated: the head of case {} (#{}) is behind its published head #{}; the entry "
					+ "continues the published chain at #{} (run verify-records)", caseNo, caseSeq - 1, p, p.longValue() + 1);
			caseSeq = p.longValue() + 1;
			prev = jdbc.queryForObject("SELECT hash FROM zf_record_published_case_head WHERE case_no = ? AND case_seq = ?",
					String.class, caseNo, p.longValue());
		}
		String hash = Hashing.chain(prev, RecordEntry.canonicalContent(caseNo, caseSeq, globalSeq, kind, who, agency,
				processInstanceId, activityId, now, content));
		String globalHash = Hashing.chain(globalPrev, hash);
		jdbc.update("""
				INSERT INTO zf_record (case_no, case_seq, global_seq, kind, actor, agency_code, process_instance_id,
				    activity_id, occurred_at, data, prev_hash, hash, global_prev_hash, global_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", caseNo, caseSeq, globalSeq, kind, who, agency,
				processInstanceId, activityId, Hashing.utc(now), content, prev, hash, globalPrev, globalHash);
		jdbc.update("UPDATE zf_record_case_head SET last_seq = ?, last_hash = ? WHERE case_no = ?", caseSeq, hash, caseNo);
		jdbc.update("UPDATE zf_record_global_head SET last_seq = ?, last_hash = ? WHERE id = 1", globalSeq, globalHash);
		return new RecordEntry(0, caseNo, caseSeq, globalSeq, kind, who, agency, processInstanceId, activityId, now,
				content, prev, hash, globalPrev, globalHash);
	}

	/**
	 * Appends as {@link #append(String, String, String, String, String, String, Map)} unless the case
	 * already has an entry of {@code kind} by {@code actor} since {@code since} whose data hold all of
	 * {@code same} — e.g. one RETRIEVAL per supervisor, case and purpose an hour. The check is repeated
	 * under the global head lock, so concurrent requests on several nodes append once.
	 *
	 * @return the new entry, or empty if a matching one exists
	 */
	@Transactional
	public Optional<RecordEntry> appendUnlessRecent(String caseNo, String kind, String actor, String agencyCode,
			Instant since, Map<String, Object> same, Map<String, Object> data) {
		if (hasRecent(caseNo, kind, actor, since, same)) {
			return Optional.empty();
		}
		jdbc.queryForList("SELECT last_seq FROM zf_record_global_head WHERE id = 1 FOR UPDATE");
		if (hasRecent(caseNo, kind, actor, since, same)) {
			return Optional.empty();
		}
		return Optional.of(append(caseNo, kind, actor, agencyCode, null, null, data));
	}

	private boolean hasRecent(String caseNo, String kind, String actor, Instant since, Map<String, Object> same) {
		List<String> recent = jdbc.queryForList(
				"SELECT data FROM zf_record WHERE case_no = ? AND kind = ? AND actor = ? AND occurred_at >= ?", String.class,
				caseNo, kind, actor, Hashing.utc(since));
		for (String json : recent) {
			Map<String, Object> data = parse(json);
			if (same.entrySet().stream().allMatch(e -> java.util.Objects.equals(data.get(e.getKey()), e.getValue()))) {
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
		return jdbc.query("SELECT " + COLUMNS + " FROM zf_record WHERE case_no = ? ORDER BY case_seq", ROWS, caseNo);
	}

	/** Entries of one kind in the given agencies (null: all agencies), newest first. */
	@Transactional(readOnly = true)
	public List<RecordEntry> listByKind(String kind, java.util.Collection<String> agencies) {
		if (agencies == null) {
			return jdbc.query("SELECT " + COLUMNS + " FROM zf_record WHERE kind = ? ORDER BY global_seq DESC", ROWS, kind);
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
		return jdbc.query("SELECT " + COLUMNS + " FROM zf_record WHERE kind = ? AND agency_code IN (" + marks
				+ ") ORDER BY global_seq DESC", ROWS, args);
	}

	/** Whether the case has a record, and its agency (empty: unknown case). */
	@Transactional(readOnly = true)
	public Optional<CaseHead> head(String caseNo) {
		return jdbc.query("SELECT case_no, agency_code, last_seq, last_hash FROM zf_record_case_head WHERE case_no = ?",
				(rs, n) -> new CaseHead(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), caseNo)
			.stream().findFirst();
	}

	/** The global head: number of entries over all cases and the hash of the last one. */
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

	static RecordEntry entry(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
		return new RecordEntry(rs.getLong("id"), rs.getString("case_no"), rs.getLong("case_seq"),
				rs.getLong("global_seq"), rs.getString("kind"), rs.getString("actor"), rs.getString("agency_code"),
				rs.getString("process_instance_id"), rs.getString("activity_id"), at == null ? null : at.toInstant(),
				rs.getString("data"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("global_prev_hash"),
				rs.getString("global_hash"));
	}

	static String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
				&& auth.getName() != null ? auth.getName() : SYSTEM;
	}
}

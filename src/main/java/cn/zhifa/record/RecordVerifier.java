package cn.zhifa.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.record.VerificationReport.Kind;
import cn.zhifa.record.VerificationReport.Problem;

/**
 * Recomputes the hash chains and file hashes (R-REC-4 防删改) and names the first broken link: an
 * entry whose content changed (hash mismatch), an entry removed (gap in the sequence, or the head
 * pointing further than the chain), entries reordered (sequence or link out of order), a stored file
 * whose bytes no longer match — and checks the store against what was published
 * ({@link PublishedHeads}): the global chain must still reach every published global head with the
 * same hash, and each case its latest published case head. A store cut short after publication, its
 * heads wound back to match, is reported as truncated ({@link Kind#TRUNCATED}).
 * <p>
 * Since ADR-0043 the case chains are complete at once (written in the step's transaction) and the global
 * chain ({@code zf_record_seal}) covers the entries sealed so far: every seal must name an entry that is
 * there with the hash it was sealed with; an entry still unsealed after {@code zhifa.record.seal-limit}
 * (default ten minutes), or taken off the sealer's work list, is reported ({@link Kind#UNSEALED}). An entry
 * removed before it was sealed is found by its case chain. Each verification reads one snapshot
 * (repeatable read), so appends and seals committed meanwhile do not show as broken heads.
 */
@Component
class RecordVerifier {

	static final int MAX_PROBLEMS = 200;

	private final JdbcTemplate jdbc;
	private final AvFileStore files;
	private final Duration sealLimit;

	/** For the command line: the default seal limit. */
	RecordVerifier(DataSource dataSource, AvFileStore files) {
		this(dataSource, files, DEFAULT_SEAL_LIMIT);
	}

	@Autowired
	RecordVerifier(DataSource dataSource, AvFileStore files,
			@Value("${zhifa.record.seal-limit:PT10M}") Duration sealLimit) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
		this.files = files;
		this.sealLimit = sealLimit;
	}

	static final Duration DEFAULT_SEAL_LIMIT = Duration.ofMinutes(10);

	/** The entries with their seals and their place on the sealer's work list. */
	private static final String ENTRIES = "SELECT " + RecordService.COLUMNS
			+ ", s.entry_hash AS sealed_entry_hash, u.record_id AS queued, u.queued_at FROM " + RecordService.FROM
			+ " LEFT JOIN zf_record_unsealed u ON u.record_id = r.id";

	/**
	 * A global head that the chain must reach with the same hash: one published by Zhifa (label = its
	 * period) or a copy kept outside the database (e.g. the portal's, checked by {@code verify-records
	 * --published-head}).
	 */
	public record Anchor(String label, long sequence, String hash) {
	}

	/** Verifies one case's chain, its head, its published head, its evidence files, and that the store reaches what was published. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public VerificationReport verifyCase(String caseNo) {
		TransactionHeads.writePending(jdbc); // a caller's transaction that appended: its heads as they will be committed
		Problems problems = new Problems();
		ChainState state = new ChainState();
		jdbc.query("SELECT p.case_seq, p.hash, p.period FROM zf_record_published_case_head p WHERE p.case_no = ? "
				+ "ORDER BY p.case_seq DESC FETCH FIRST 1 ROWS ONLY", rs -> {
					state.published(rs.getLong(1), rs.getString(2), rs.getString(3));
				}, caseNo);
		long[] count = { 0 };
		OffsetDateTime overdue = overdue();
		jdbc.query(ENTRIES + " WHERE r.case_no = ? ORDER BY r.case_seq, r.id", rs -> {
			RecordEntry entry = RecordService.entry(rs, 0);
			count[0]++;
			checkCaseLink(entry, state, problems);
			checkSealed(rs, entry, overdue, problems);
		}, caseNo);
		jdbc.query("SELECT last_seq, last_hash FROM zf_record_case_head WHERE case_no = ?", rs -> {
			checkHead(caseNo, rs.getLong(1), rs.getString(2), state, problems);
		}, caseNo);
		checkCasePublished(caseNo, state, problems);
		checkStoreReachesPublished(problems);
		long checkedFiles = checkFiles("WHERE case_no = ?", problems, caseNo);
		return problems.report("案件 " + caseNo, count[0], checkedFiles);
	}

	/** Verifies the whole store: every case chain, the global chain, the heads, published heads and files. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public VerificationReport verifyAll() {
		return verifyAll(List.of());
	}

	/** As {@link #verifyAll()}, also against global heads kept outside the database. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public VerificationReport verifyAll(List<Anchor> outside) {
		TransactionHeads.writePending(jdbc);
		Problems problems = new Problems();
		Map<Long, List<Anchor>> anchors = new HashMap<>();
		jdbc.query("SELECT period, global_seq, global_hash FROM zf_record_published_head", rs -> {
			Anchor a = new Anchor(rs.getString(1), rs.getLong(2), rs.getString(3));
			anchors.computeIfAbsent(a.sequence(), s -> new ArrayList<>()).add(a);
		});
		outside.forEach(a -> anchors.computeIfAbsent(a.sequence(), s -> new ArrayList<>()).add(a));
		Map<String, ChainState> cases = new HashMap<>();
		jdbc.query("SELECT p.case_no, p.case_seq, p.hash, p.period FROM zf_record_published_case_head p "
				+ "WHERE p.case_seq = (SELECT MAX(q.case_seq) FROM zf_record_published_case_head q WHERE q.case_no = p.case_no)",
				rs -> {
					cases.computeIfAbsent(rs.getString(1), c -> new ChainState()).published(rs.getLong(2), rs.getString(3),
							rs.getString(4));
				});
		Set<Anchor> reached = new HashSet<>();
		checkGenesisAnchors(anchors.getOrDefault(0L, List.of()), reached, problems);
		// the global chain: the seals in order, each naming an entry that is there with the sealed hash
		long[] expectedGlobal = { 1 };
		String[] globalPrev = { Hashing.GENESIS };
		jdbc.query("""
				SELECT s.global_seq, s.record_id, s.case_no, s.case_seq, s.entry_hash, s.global_prev_hash, s.global_hash,
				       r.id AS entry_id, r.global_seq AS entry_global_seq, r.global_hash AS entry_global_hash
				FROM zf_record_seal s LEFT JOIN zf_record r ON r.id = s.record_id ORDER BY s.global_seq""", rs -> {
			long seq = rs.getLong("global_seq");
			String caseNo = rs.getString("case_no");
			long caseSeq = rs.getLong("case_seq");
			String prev = rs.getString("global_prev_hash");
			String global = rs.getString("global_hash");
			if (seq != expectedGlobal[0]) {
				problems.add(new Problem(seq > expectedGlobal[0] ? Kind.REMOVED : Kind.REORDERED, caseNo, caseSeq, seq, null,
						seq > expectedGlobal[0] ? "全局第 " + expectedGlobal[0] + "–" + (seq - 1) + " 条缺失（被删除）"
								: "全局序号错乱（应为第 " + expectedGlobal[0] + " 条：被重排或重复）"));
			}
			if (!prev.equals(globalPrev[0])) {
				problems.add(new Problem(Kind.UNLINKED, caseNo, caseSeq, seq, null, "未链接到全局链的上一条记录（被删除或重排）"));
			}
			if (!global.equals(Hashing.chain(prev, rs.getString("entry_hash")))) {
				problems.add(new Problem(Kind.CHANGED, caseNo, caseSeq, seq, null, "全局哈希与内容不符（被修改）"));
			}
			if (rs.getObject("entry_id") == null) {
				problems.add(new Problem(Kind.REMOVED, caseNo, caseSeq, seq, null, "已纳入全局链的记录缺失（被删除）"));
			}
			else if (rs.getObject("entry_global_seq") != null && (rs.getLong("entry_global_seq") != seq
					|| !global.equals(rs.getString("entry_global_hash")))) {
				problems.add(new Problem(Kind.CHANGED, caseNo, caseSeq, seq, null, "记录中的全局序号或全局哈希与全局链不符（被修改）"));
			}
			for (Anchor a : anchors.getOrDefault(seq, List.of())) {
				reached.add(a);
				if (!a.hash().equals(global)) {
					problems.add(new Problem(Kind.REWRITTEN, caseNo, caseSeq, seq, null, a.label() + " 公布的全局第 "
							+ a.sequence() + " 条校验值与库中记录不符（公布后被改写）"));
				}
			}
			expectedGlobal[0] = seq + 1;
			globalPrev[0] = global;
		});
		// the case chains: every entry, sealed or not
		long[] count = { 0 };
		OffsetDateTime overdue = overdue();
		jdbc.query(ENTRIES + " ORDER BY r.id", rs -> {
			RecordEntry entry = RecordService.entry(rs, 0);
			count[0]++;
			checkCaseLink(entry, cases.computeIfAbsent(entry.caseNo(), c -> new ChainState()), problems);
			checkSealed(rs, entry, overdue, problems);
		});
		jdbc.query("SELECT case_no, last_seq, last_hash FROM zf_record_case_head ORDER BY case_no", rs -> {
			String caseNo = rs.getString(1);
			checkHead(caseNo, rs.getLong(2), rs.getString(3), cases.getOrDefault(caseNo, new ChainState()), problems);
		});
		long lastGlobal = expectedGlobal[0] - 1;
		List<RecordService.GlobalHead> head = jdbc.query("SELECT last_seq, last_hash FROM zf_record_global_head WHERE id = 1",
				(rs, n) -> new RecordService.GlobalHead(rs.getLong(1), rs.getString(2)));
		if (head.isEmpty()) {
			problems.add(new Problem(Kind.HEAD_MISMATCH, null, null, null, null, "全局链头缺失（被删除）"));
		}
		else if (head.get(0).lastSeq() != lastGlobal || !head.get(0).lastHash().equals(globalPrev[0])) {
			problems.add(new Problem(Kind.HEAD_MISMATCH, null, null, head.get(0).lastSeq(), null, "全局链头（第 "
					+ head.get(0).lastSeq() + " 条）与全局链最后一条记录（第 " + lastGlobal + " 条）不符：末尾记录被删除或链头被改动"));
		}
		checkGlobalPublished(anchors, reached, lastGlobal, problems);
		cases.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> checkCasePublished(e.getKey(), e.getValue(), problems));
		long checkedFiles = checkFiles("", problems);
		return problems.report("全部案件", count[0], checkedFiles);
	}

	/** Entries queued before this are overdue for their seal (wall clock, as the queue time). */
	private OffsetDateTime overdue() {
		return Hashing.utc(Instant.now().minus(sealLimit));
	}

	/**
	 * An entry of {@link #ENTRIES}: sealed with the hash it has now, or waiting on the sealer's work list for
	 * less than the seal limit.
	 */
	private void checkSealed(ResultSet rs, RecordEntry entry, OffsetDateTime overdue, Problems problems)
			throws SQLException {
		if (rs.getObject("sealed_seq") != null) {
			if (!entry.hash().equals(rs.getString("sealed_entry_hash"))) {
				problems.add(entry, Kind.CHANGED, "哈希与纳入全局链时不符（封存后被修改）");
			}
			return;
		}
		if (rs.getObject("queued") == null) {
			problems.add(entry, Kind.UNSEALED, "未纳入全局链，且不在待封存清单中（清单记录被删除），不会再被封存");
			return;
		}
		OffsetDateTime queued = rs.getObject("queued_at", OffsetDateTime.class);
		if (queued.isBefore(overdue)) {
			problems.add(entry, Kind.UNSEALED, "等待纳入全局链已超过 " + sealLimit.toMinutes() + " 分钟（封存任务未运行或无法写入）");
		}
	}

	/** Published heads of an empty store hold the genesis hash. */
	private static void checkGenesisAnchors(List<Anchor> atZero, Set<Anchor> reached, Problems problems) {
		for (Anchor a : atZero) {
			reached.add(a);
			if (!a.hash().equals(Hashing.GENESIS)) {
				problems.add(new Problem(Kind.REWRITTEN, null, null, 0L, null,
						a.label() + " 公布的空记录库校验值与起始值不符（公布后被改写）"));
			}
		}
	}

	/** Every published global head must be in the chain: the highest one missing is reported. */
	private static void checkGlobalPublished(Map<Long, List<Anchor>> anchors, Set<Anchor> reached, long lastGlobal,
			Problems problems) {
		List<Anchor> missing = anchors.values().stream().flatMap(List::stream).filter(a -> !reached.contains(a))
			.sorted(Comparator.comparingLong(Anchor::sequence).thenComparing(Anchor::label)).toList();
		if (missing.isEmpty()) {
			return;
		}
		Anchor highest = missing.get(missing.size() - 1);
		String more = missing.size() > 1 ? "（共 " + missing.size() + " 个已公布的校验值不再被记录覆盖）" : "";
		problems.add(new Problem(Kind.TRUNCATED, null, null, highest.sequence(), null, highest.sequence() > lastGlobal
				? "记录被截断：" + highest.label() + " 公布的校验值覆盖至全局第 " + highest.sequence() + " 条，库中全局记录只到第 "
						+ lastGlobal + " 条" + more
				: "记录被截断：" + highest.label() + " 公布的全局第 " + highest.sequence() + " 条已不在库中（公布后被删除）" + more));
	}

	/** The case must still hold its latest published entry, with the published hash. */
	private static void checkCasePublished(String caseNo, ChainState state, Problems problems) {
		if (state.publishedSeq == 0 || state.publishedReached) {
			return;
		}
		problems.add(new Problem(Kind.TRUNCATED, caseNo, state.publishedSeq, null, null, state.lastSeq < state.publishedSeq
				? "案件记录被截断：" + state.publishedPeriod + " 公布时本案已有 " + state.publishedSeq + " 条记录，库中只到第 "
						+ state.lastSeq + " 条"
				: "案件记录被截断：" + state.publishedPeriod + " 公布的本案第 " + state.publishedSeq + " 条已不在库中（公布后被删除）"));
	}

	/** For one case's verification: the store as a whole must still reach the highest published global head. */
	private void checkStoreReachesPublished(Problems problems) {
		Optional<Anchor> highest = jdbc.query("SELECT period, global_seq, global_hash FROM zf_record_published_head "
				+ "ORDER BY global_seq DESC, period DESC FETCH FIRST 1 ROWS ONLY",
				(rs, n) -> new Anchor(rs.getString(1), rs.getLong(2), rs.getString(3))).stream().findFirst();
		if (highest.isEmpty() || highest.get().sequence() == 0) {
			return;
		}
		Anchor a = highest.get();
		List<String> stored = jdbc.queryForList("SELECT global_hash FROM zf_record_seal WHERE global_seq = ?", String.class,
				a.sequence());
		if (stored.isEmpty()) {
			Long last = jdbc.queryForObject("SELECT MAX(global_seq) FROM zf_record_seal", Long.class);
			problems.add(new Problem(Kind.TRUNCATED, null, null, a.sequence(), null, "记录库被截断：" + a.label()
					+ " 公布的校验值覆盖至全局第 " + a.sequence() + " 条，库中已无该条记录（全局记录只到第 " + (last == null ? 0 : last)
					+ " 条），本案的记录也可能被删除"));
		}
		else if (!stored.contains(a.hash())) {
			problems.add(new Problem(Kind.REWRITTEN, null, null, a.sequence(), null,
					a.label() + " 公布的全局第 " + a.sequence() + " 条校验值与库中记录不符（公布后被改写）"));
		}
	}

	private static void checkCaseLink(RecordEntry entry, ChainState state, Problems problems) {
		long expected = state.lastSeq + 1;
		if (entry.caseSeq() != expected) {
			problems.add(entry, entry.caseSeq() > expected ? Kind.REMOVED : Kind.REORDERED, entry.caseSeq() > expected
					? "本案第 " + expected + "–" + (entry.caseSeq() - 1) + " 条缺失（被删除）"
					: "本案序号错乱（应为第 " + expected + " 条：被重排或重复）");
		}
		if (!entry.prevHash().equals(state.lastHash)) {
			problems.add(entry, Kind.UNLINKED, "未链接到本案的上一条记录（被删除或重排）");
		}
		if (!entry.hash().equals(entry.expectedHash(entry.prevHash()))) {
			problems.add(entry, Kind.CHANGED, "内容与其哈希不符（被修改）");
		}
		if (entry.caseSeq() == state.publishedSeq) {
			state.publishedReached = true;
			if (!entry.hash().equals(state.publishedHash)) {
				problems.add(entry, Kind.REWRITTEN, state.publishedPeriod + " 公布的本案第 " + state.publishedSeq
						+ " 条校验值与库中记录不符（公布后被改写）");
			}
		}
		state.lastSeq = entry.caseSeq();
		state.lastHash = entry.hash();
	}

	private static void checkHead(String caseNo, long headSeq, String headHash, ChainState state, Problems problems) {
		if (headSeq != state.lastSeq || !headHash.equals(state.lastHash)) {
			problems.add(new Problem(Kind.HEAD_MISMATCH, caseNo, headSeq, null, null, "案件链头（第 " + headSeq
					+ " 条）与本案最后一条记录（第 " + state.lastSeq + " 条）不符：末尾记录被删除或链头被改动"));
		}
	}

	private long checkFiles(String where, Problems problems, Object... args) {
		long[] count = { 0 };
		jdbc.query("SELECT id, case_no, sha256 FROM zf_av_file " + where + " ORDER BY uploaded_at, id", rs -> {
			count[0]++;
			String sha256 = rs.getString(3);
			Kind problem = files.check(sha256);
			if (problem != null) {
				problems.add(new Problem(problem, rs.getString(2), null, null, rs.getString(1),
						problem == Kind.FILE_MISSING ? "存储的文件 " + sha256 + " 缺失"
								: "存储的文件内容与其 SHA-256 不符（被修改）"));
			}
		}, args);
		return count[0];
	}

	private static final class ChainState {
		long lastSeq;
		String lastHash = Hashing.GENESIS;
		long publishedSeq;
		String publishedHash;
		String publishedPeriod;
		boolean publishedReached;

		void published(long seq, String hash, String period) {
			publishedSeq = seq;
			publishedHash = hash;
			publishedPeriod = period;
		}
	}

	private static final class Problems {
		final List<Problem> list = new ArrayList<>();
		boolean more;

		void add(RecordEntry entry, Kind kind, String description) {
			add(new Problem(kind, entry.caseNo(), entry.caseSeq(), entry.globalSeq(), null, description));
		}

		void add(Problem problem) {
			if (list.size() < MAX_PROBLEMS) {
				list.add(problem);
			}
			else {
				more = true;
			}
		}

		VerificationReport report(String scope, long records, long checkedFiles) {
			return new VerificationReport(scope, records, checkedFiles, List.copyOf(list), more);
		}
	}
}

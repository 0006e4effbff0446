package cn.zhifa.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the hash chains and file hashes (R-REC-4 防删改) and names the first broken link: an
 * entry whose content changed (hash mismatch), an entry removed (gap in the sequence, or the head
 * pointing further than the chain), entries reordered (sequence or link out of order), a published
 * day's head that the chain no longer contains, a stored file whose bytes no longer match.
 */
@Component
public class RecordVerifier {

	static final int MAX_PROBLEMS = 200;

	private final JdbcTemplate jdbc;
	private final AvFileStore files;

	RecordVerifier(DataSource dataSource, AvFileStore files) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
		this.files = files;
	}

	/** Verifies one case's chain, its head and its evidence files. */
	@Transactional(readOnly = true)
	public VerificationReport verifyCase(String caseNo) {
		Problems problems = new Problems();
		ChainState state = new ChainState();
		long[] count = { 0 };
		jdbc.query("SELECT " + RecordService.COLUMNS + " FROM zf_record WHERE case_no = ? ORDER BY case_seq, id", rs -> {
			RecordEntry entry = RecordService.entry(rs, 0);
			count[0]++;
			checkCaseLink(entry, state, problems);
		}, caseNo);
		jdbc.query("SELECT last_seq, last_hash FROM zf_record_case_head WHERE case_no = ?", rs -> {
			checkHead(caseNo, rs.getLong(1), rs.getString(2), state, problems);
		}, caseNo);
		long checkedFiles = checkFiles("WHERE case_no = ?", problems, caseNo);
		return problems.report("case " + caseNo, count[0], checkedFiles);
	}

	/** Verifies the whole store: every case chain, the global chain, the heads, published heads and files. */
	@Transactional(readOnly = true)
	public VerificationReport verifyAll() {
		Problems problems = new Problems();
		Map<String, ChainState> cases = new HashMap<>();
		long[] count = { 0 };
		long[] expectedGlobal = { 1 };
		String[] globalPrev = { Hashing.GENESIS };
		jdbc.query("SELECT " + RecordService.COLUMNS + " FROM zf_record ORDER BY global_seq, id", rs -> {
			RecordEntry entry = RecordService.entry(rs, 0);
			count[0]++;
			if (entry.globalSeq() != expectedGlobal[0]) {
				problems.add(entry, entry.globalSeq() > expectedGlobal[0]
						? "global entries #" + expectedGlobal[0] + "–#" + (entry.globalSeq() - 1) + " are missing (removed)"
						: "global sequence out of order (expected #" + expectedGlobal[0] + ", reordered or duplicated)");
			}
			if (!entry.globalPrevHash().equals(globalPrev[0])) {
				problems.add(entry, "does not link to the previous entry of the global chain");
			}
			if (!entry.globalHash().equals(entry.expectedGlobalHash(entry.globalPrevHash()))) {
				problems.add(entry, "global hash does not match (changed)");
			}
			expectedGlobal[0] = entry.globalSeq() + 1;
			globalPrev[0] = entry.globalHash();
			checkCaseLink(entry, cases.computeIfAbsent(entry.caseNo(), c -> new ChainState()), problems);
		});
		jdbc.query("SELECT case_no, last_seq, last_hash FROM zf_record_case_head ORDER BY case_no", rs -> {
			String caseNo = rs.getString(1);
			checkHead(caseNo, rs.getLong(2), rs.getString(3), cases.getOrDefault(caseNo, new ChainState()), problems);
		});
		jdbc.query("SELECT last_seq, last_hash FROM zf_record_global_head WHERE id = 1", rs -> {
			if (rs.getLong(1) != expectedGlobal[0] - 1 || !rs.getString(2).equals(globalPrev[0])) {
				problems.add(new VerificationReport.Problem(null, null, rs.getLong(1), null,
						"global head (#" + rs.getLong(1) + ") does not match the last entry of the chain (#"
								+ (expectedGlobal[0] - 1) + "): entries removed from the end or head changed"));
			}
		});
		checkPublishedHeads(problems);
		long checkedFiles = checkFiles("", problems);
		return problems.report("all cases", count[0], checkedFiles);
	}

	private void checkPublishedHeads(Problems problems) {
		List<Map<String, Object>> published = jdbc.queryForList(
				"SELECT head_date, global_seq, global_hash FROM zf_record_published_head ORDER BY head_date");
		for (Map<String, Object> head : published) {
			long seq = ((Number) head.get("global_seq")).longValue();
			String hash = (String) head.get("global_hash");
			List<String> actual = seq == 0 ? List.of(Hashing.GENESIS)
					: jdbc.queryForList("SELECT global_hash FROM zf_record WHERE global_seq = ?", String.class, seq);
			if (actual.size() != 1 || !actual.get(0).equals(hash)) {
				Object date = head.get("head_date");
				problems.add(new VerificationReport.Problem(null, null, seq, null, "head published for "
						+ (date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date)
						+ " is not in the global chain any more (rewritten after publication)"));
			}
		}
	}

	private static void checkCaseLink(RecordEntry entry, ChainState state, Problems problems) {
		long expected = state.lastSeq + 1;
		if (entry.caseSeq() != expected) {
			problems.add(entry, entry.caseSeq() > expected
					? "entries #" + expected + "–#" + (entry.caseSeq() - 1) + " of the case are missing (removed)"
					: "case sequence out of order (expected #" + expected + ", reordered or duplicated)");
		}
		if (!entry.prevHash().equals(state.lastHash)) {
			problems.add(entry, "does not link to the previous entry of the case (removed or reordered)");
		}
		if (!entry.hash().equals(entry.expectedHash(entry.prevHash()))) {
			problems.add(entry, "content does not match its hash (changed)");
		}
		state.lastSeq = entry.caseSeq();
		state.lastHash = entry.hash();
	}

	private static void checkHead(String caseNo, long headSeq, String headHash, ChainState state, Problems problems) {
		if (headSeq != state.lastSeq || !headHash.equals(state.lastHash)) {
			problems.add(new VerificationReport.Problem(caseNo, headSeq, null, null, "head of the case (#" + headSeq
					+ ") does not match its last entry (#" + state.lastSeq + "): entries removed from the end"));
		}
	}

	private long checkFiles(String where, Problems problems, Object... args) {
		long[] count = { 0 };
		jdbc.query("SELECT id, case_no, sha256 FROM zf_av_file " + where + " ORDER BY uploaded_at, id", rs -> {
			count[0]++;
			String problem = files.check(rs.getString(3));
			if (problem != null) {
				problems.add(new VerificationReport.Problem(rs.getString(2), null, null, rs.getString(1), problem));
			}
		}, args);
		return count[0];
	}

	private static final class ChainState {
		long lastSeq;
		String lastHash = Hashing.GENESIS;
	}

	private static final class Problems {
		final List<VerificationReport.Problem> list = new ArrayList<>();
		boolean truncated;

		void add(RecordEntry entry, String description) {
			add(new VerificationReport.Problem(entry.caseNo(), entry.caseSeq(), entry.globalSeq(), null, description));
		}

		void add(VerificationReport.Problem problem) {
			if (list.size() < MAX_PROBLEMS) {
				list.add(problem);
			}
			else {
				truncated = true;
			}
		}

		VerificationReport report(String scope, long records, long checkedFiles) {
			return new VerificationReport(scope, records, checkedFiles, List.copyOf(list), truncated);
		}
	}
}

package cn.zhifa.record;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the verifier found (R-REC-4): how many entries and files it checked and every problem, the
 * first broken link first. {@code ok} is true when there is none. Descriptions are for people
 * (Chinese); {@link Kind} is the stable code for programs. {@code moreProblems}: more problems were
 * found than listed ({@value RecordVerifier#MAX_PROBLEMS}).
 */
public record VerificationReport(String scope, long recordsChecked, long filesChecked, List<Problem> problems,
		boolean moreProblems) {

	/** What kind of break a problem is. */
	public enum Kind {
		/** An entry's content no longer matches its hash. */
		CHANGED,
		/** Entries missing inside a chain (a gap in the sequence). */
		REMOVED,
		/** Sequence numbers out of order or duplicated. */
		REORDERED,
		/** An entry does not link to the one before it. */
		UNLINKED,
		/** A head (case or global) does not match the end of its chain, or is missing. */
		HEAD_MISMATCH,
		/** The store, a case or the global chain no longer reaches a published head: cut short after publication. */
		TRUNCATED,
		/** The chain holds another hash at a published position: rewritten after publication. */
		REWRITTEN,
		/**
		 * An entry without its place in the global chain longer than {@code zhifa.record.seal-limit}, or
		 * taken off the sealer's work list so it never gets one (ADR-0043).
		 */
		UNSEALED,
		/** A published head whose signature does not check. */
		SIGNATURE,
		/** A stored or exported file is missing. */
		FILE_MISSING,
		/** A file's bytes no longer match their SHA-256. */
		FILE_CHANGED,
		/** A file in a case file that its manifest or record does not list. */
		FILE_ADDED,
		/** A case file that cannot be read (no manifest, no record, not JSON). */
		UNREADABLE
	}

	/**
	 * One broken link: what kind, which entry (case, position in the case, position overall) or file,
	 * and what is wrong.
	 */
	public record Problem(Kind kind, String caseNo, Long caseSeq, Long globalSeq, String fileId, String description) {

		@Override
		public String toString() {
			StringBuilder where = new StringBuilder();
			if (caseNo != null) {
				where.append("案件 ").append(caseNo);
			}
			if (caseSeq != null) {
				where.append(" 第 ").append(caseSeq).append(" 条");
			}
			if (globalSeq != null) {
				where.append(where.isEmpty() ? "" : "，").append("全局第 ").append(globalSeq).append(" 条");
			}
			if (fileId != null) {
				where.append(where.isEmpty() ? "" : "，").append("文件 ").append(fileId);
			}
			return (where.isEmpty() ? "" : where + "：") + description + " [" + kind + "]";
		}
	}

	@JsonProperty("ok")
	public boolean ok() {
		return problems.isEmpty();
	}

	/** The first broken link, or null. */
	@JsonProperty("firstBroken")
	public Problem firstBroken() {
		return problems.isEmpty() ? null : problems.get(0);
	}

	/** Whether a problem of this kind was found. */
	public boolean has(Kind kind) {
		return problems.stream().anyMatch(p -> p.kind() == kind);
	}

	/** Human-readable report for the command line (Chinese, as the descriptions). */
	public String describe() {
		StringBuilder out = new StringBuilder();
		out.append("全过程记录校验（").append(scope).append("）：检查记录 ").append(recordsChecked).append(" 条、文件 ")
			.append(filesChecked).append(" 个 — ").append(ok() ? "完好" : "发现 " + problems.size() + " 个问题")
			.append('\n');
		if (!ok()) {
			out.append("首个断点：").append(firstBroken()).append('\n');
			problems.forEach(p -> out.append("  - ").append(p).append('\n'));
			if (moreProblems) {
				out.append("  … 其余问题未列出\n");
			}
		}
		return out.toString();
	}
}

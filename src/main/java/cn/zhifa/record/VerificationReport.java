package cn.zhifa.record;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the verifier found (R-REC-4): how many entries and files it checked and every problem, the
 * first broken link first. {@code ok} is true when there is none.
 */
public record VerificationReport(String scope, long recordsChecked, long filesChecked, List<Problem> problems,
		boolean truncated) {

	/** One broken link: which entry (case, position in the case, position overall) or file, and what is wrong. */
	public record Problem(String caseNo, Long caseSeq, Long globalSeq, String fileId, String description) {

		@Override
		public String toString() {
			StringBuilder where = new StringBuilder();
			if (caseNo != null) {
				where.append("case ").append(caseNo);
			}
			if (caseSeq != null) {
				where.append(" entry #").append(caseSeq);
			}
			if (globalSeq != null) {
				where.append(where.isEmpty() ? "" : ", ").append("global #").append(globalSeq);
			}
			if (fileId != null) {
				where.append(where.isEmpty() ? "" : ", ").append("file ").append(fileId);
			}
			return where + ": " + description;
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

	/** Human-readable report for the command line. */
	public String describe() {
		StringBuilder out = new StringBuilder();
		out.append("Record verification of ").append(scope).append(": ").append(recordsChecked).append(" entries, ")
			.append(filesChecked).append(" files checked — ").append(ok() ? "OK" : problems.size() + " problem(s)")
			.append('\n');
		if (!ok()) {
			out.append("First broken link: ").append(firstBroken()).append('\n');
			problems.forEach(p -> out.append("  - ").append(p).append('\n'));
			if (truncated) {
				out.append("  … further problems not listed\n");
			}
		}
		return out.toString();
	}
}

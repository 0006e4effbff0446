package cn.zhifa.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One disclosure item as the public may see it (R-DISC-3/5): redacted text only. A withdrawn item
 * carries its withdrawal reason and no content ({@code partyName}, {@code conclusion},
 * {@code legalBasis}, {@code partyCreditCode} and {@code category} are {@code null}).
 */
public record PublicDisclosure(String itemNo, int version, String status, String agencyCode, String agencyName,
		String decisionType, String decisionTypeLabel, String decisionNumber, LocalDate decisionDate, String partyType,
		String partyName, String partyCreditCode, String category, String conclusion, String legalBasis,
		String withheldNote, String correctionNote, Instant publishedAt, Instant withdrawnAt, String withdrawalKind,
		String withdrawalKindLabel, String withdrawalReason) {

	public boolean withdrawn() {
		return "WITHDRAWN".equals(status);
	}

	/** A correction was published: this is version 2 or later. */
	public boolean corrected() {
		return version > 1;
	}
}

package cn.zhifa.itemlist;

import java.time.Instant;
import java.time.LocalDate;

/** A proposed change of an agency's list (zf_item_list_change), from the proposal to its publication. */
record ItemListChange(String changeNo, String agencyCode, String action, EnforcementItem item, String reason,
		LocalDate effectiveOn, int baseVersion, String proposedBy, Instant proposedAt, String processInstanceId, String status,
		int rounds, String reviewedBy, Instant reviewedAt, String reviewComment, Integer publishedVersion) {

	public static final String PROPOSED = "PROPOSED";
	public static final String RETURNED = "RETURNED";
	public static final String PUBLISHED = "PUBLISHED";
}

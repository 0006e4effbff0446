package cn.zhifa.record;

import java.util.List;
import java.util.Map;

/**
 * A feature's own records that belong in the case file (案卷, R-REC-6) next to the full-process record:
 * the export writes each non-empty section as one JSON file ({@link #path()}) listed in the manifest.
 * Implementations are Spring beans; the record package does not know the features that provide them.
 */
public interface CaseFileSection {

	/** The file in the case file ZIP, e.g. {@code legal-review/disagreements.json}. */
	String path();

	/**
	 * The section's entries for the case of the agency (null: the agency is not known), as JSON-ready maps
	 * (texts, numbers, booleans, ISO-8601 times as text); empty when the case has none.
	 */
	List<Map<String, Object>> entriesOf(String caseNo, String agencyCode);
}

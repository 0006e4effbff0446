package cn.zhifa.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The public's read-only view of disclosures (R-DISC-3/5), for the portal and its JSON API / Atom
 * feed: current versions within their public period, redacted; withdrawn items without content.
 * Nothing else of {@code zf_disclosure} and no process variable is reachable from here.
 */
@Service
public class PublicDisclosures {

	private final DisclosureStore store;
	private final Clock clock;

	PublicDisclosures(DisclosureStore store, Clock clock) {
		this.clock = clock;
		this.store = store;
	}

	public DisclosurePage search(DisclosureQuery query) {
		return store.search(query, today());
	}

	public Optional<PublicDisclosure> find(String itemNo) {
		if (itemNo == null || !itemNo.matches("[0-9a-f]{1,40}")) {
			return Optional.empty();
		}
		return store.findListed(itemNo, today());
	}

	/** Rows (agency_code, agency_name, decision_type, total, withdrawn, late) for decisions dated in {@code year}. */
	public List<Map<String, Object>> yearCounts(int year) {
		return store.countsByAgencyAndType(year);
	}

	/** Chinese label of a decision type code, e.g. PENALTY → 行政处罚. */
	public static Map<String, String> decisionTypes() {
		return DisclosureVariables.DECISION_TYPES;
	}

	private LocalDate today() {
		return clock.instant().atZone(DisclosureService.CHINA).toLocalDate();
	}
}

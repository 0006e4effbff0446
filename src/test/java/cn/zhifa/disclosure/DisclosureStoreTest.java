package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data slice of the public disclosure list's queries ({@link DisclosureStore}, what the portal reads) on H2 with the
 * application's Flyway migrations: only current versions within their public period and not archived are listed,
 * newest publication first, page by page with {@code hasNext}; a withdrawn item is listed without its content, and
 * its content is not searchable; the filters (agency, decision type, category, decision dates, keyword with
 * {@code %} and {@code _} taken literally). Rows are written through the store's own {@code publish},
 * {@code withdraw} and {@code archive}, as the publication process does.
 */
@DataJpaTest(showSql = false)
class DisclosureStoreTest {

	private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
	private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

	@Autowired
	DataSource dataSource;

	private DisclosureStore store;

	@BeforeEach
	void decisionsOfTwoAgencies() {
		store = new DisclosureStore(JdbcClient.create(dataSource));
		publish("D-1", 1, "LIAOKUO", "PENALTY", "张**", "占道经营", "2026-10-01", 0, "2029-10-01");
		publish("D-2", 2, "LIAOKUO", "COERCION", "曲靖某某商贸有限公司", "扣押 100% 纯棉物品", "2026-10-05", 0, "2029-10-05");
		publish("D-3", 3, "XIANGYANG", "PENALTY", "李**", "违法_搭建", "2026-10-10", 0, "2029-10-10");
		publish("D-4", 4, "LIAOKUO", "PENALTY", "王**", "占道经营", "2023-10-01", 0, "2026-11-24"); // public period over
		publish("D-5", 5, "LIAOKUO", "PENALTY", "赵**", "占道经营", "2026-10-20", 0, "2029-10-20");
		store.archive("D-5", T0.plusSeconds(3600L * 50));
		publish("D-6", 6, "LIAOKUO", "PENALTY", "孙**", "噪声扰民", "2026-10-21", 0, "2029-10-21");
		assertThat(store.withdraw("D-6", T0.plusSeconds(3600L * 60), "REVOKED", "行政复议撤销", null, true)).isTrue();
		// a correction: version 2 of D-1 replaces version 1, published later
		publish("D-1", 7, "LIAOKUO", "PENALTY", "张**", "占道经营（更正）", "2026-10-01", 1, "2029-10-01");
	}

	@Test
	void theListIsTheCurrentVersionsInTheirPublicPeriodNewestFirstPageByPage() {
		DisclosurePage first = search(new DisclosureQuery(null, null, null, null, null, null, 1, 2));
		assertThat(first.items()).extracting(PublicDisclosure::itemNo).containsExactly("D-1", "D-6");
		assertThat(first.hasNext()).isTrue();
		assertThat(first.items().get(0).version()).isEqualTo(2);
		assertThat(first.items().get(0).conclusion()).isEqualTo("占道经营（更正）");
		DisclosurePage second = search(new DisclosureQuery(null, null, null, null, null, null, 2, 2));
		assertThat(second.items()).extracting(PublicDisclosure::itemNo).containsExactly("D-3", "D-2");
		assertThat(second.hasNext()).isFalse();
		// superseded, past its public period or archived: not listed, not found
		assertThat(store.findListed("D-4", TODAY)).isEmpty();
		assertThat(store.findListed("D-5", TODAY)).isEmpty();
		assertThat(store.findListed("D-1", TODAY)).hasValueSatisfying(d -> assertThat(d.version()).isEqualTo(2));
		// the last day of the public period is still public
		assertThat(store.findListed("D-4", LocalDate.parse("2026-11-24"))).isPresent();
	}

	@Test
	void aWithdrawnItemIsListedWithoutItsContentWhichIsNotSearchable() {
		PublicDisclosure withdrawn = store.findListed("D-6", TODAY).orElseThrow();
		assertThat(withdrawn.status()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.withdrawalKind()).isEqualTo("REVOKED");
		assertThat(withdrawn.decisionNumber()).isEqualTo("罚决〔2026〕6号");
		assertThat(List.of(String.valueOf(withdrawn.partyName()), String.valueOf(withdrawn.conclusion()),
				String.valueOf(withdrawn.category()), String.valueOf(withdrawn.legalBasis()))).containsOnly("null");
		assertThat(itemNos(query(null, null, null, null, null, "噪声"))).isEmpty();
		assertThat(itemNos(query(null, null, null, null, null, "孙"))).isEmpty();
		assertThat(itemNos(query(null, null, null, null, null, "罚决〔2026〕6号"))).containsExactly("D-6");
		// a category filter lists published items only
		assertThat(itemNos(query(null, null, "市容管理", null, null, null))).containsExactly("D-1", "D-3", "D-2");
	}

	@Test
	void filtersNarrowTheList() {
		assertThat(itemNos(query("XIANGYANG", null, null, null, null, null))).containsExactly("D-3");
		assertThat(itemNos(query("LIAOKUO", "PENALTY", null, null, null, null))).containsExactly("D-1", "D-6");
		assertThat(itemNos(query(null, "COERCION", null, null, null, null))).containsExactly("D-2");
		assertThat(itemNos(query(null, null, null, LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-10"), null)))
			.containsExactly("D-3", "D-2");
		assertThat(itemNos(query(null, null, null, null, null, "曲靖某某"))).containsExactly("D-2");
		// % and _ are characters, not patterns
		assertThat(itemNos(query(null, null, null, null, null, "100%"))).containsExactly("D-2");
		assertThat(itemNos(query(null, null, null, null, null, "%"))).containsExactly("D-2");
		assertThat(itemNos(query(null, null, null, null, null, "违法_搭建"))).containsExactly("D-3");
		assertThat(itemNos(query(null, null, null, null, null, "_"))).containsExactly("D-3");
	}

	private static DisclosureQuery query(String agency, String type, String category, LocalDate from, LocalDate to,
			String keyword) {
		return new DisclosureQuery(agency, type, category, from, to, keyword, 1, DisclosureQuery.MAX_PAGE_SIZE);
	}

	private DisclosurePage search(DisclosureQuery q) {
		return store.search(q, TODAY);
	}

	private List<String> itemNos(DisclosureQuery q) {
		DisclosurePage page = search(q);
		assertThat(page.hasNext()).isFalse();
		List<String> items = new ArrayList<>();
		page.items().forEach(d -> items.add(d.itemNo()));
		return items;
	}

	/** A version as the publication process writes it; {@code hours} after T0 it was published. */
	private void publish(String itemNo, int hours, String agency, String type, String party, String conclusion,
			String decisionDate, int previousVersions, String publicUntil) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("item_no", itemNo);
		row.put("version", store.nextVersion(itemNo));
		assertThat(row.get("version")).isEqualTo(previousVersions + 1);
		row.put("is_current", true);
		row.put("status", "PUBLISHED");
		row.put("case_id", "CASE-" + itemNo);
		row.put("agency_code", agency);
		row.put("agency_name", agency + "街道办事处");
		row.put("decision_type", type);
		row.put("decision_number", "罚决〔2026〕" + itemNo.substring(2) + "号");
		row.put("decision_date", LocalDate.parse(decisionDate));
		row.put("party_type", party.endsWith("公司") ? "ORG" : "PERSON");
		row.put("party_name", party);
		row.put("category", "市容管理");
		row.put("conclusion", conclusion);
		row.put("legal_basis", "《城市市容和环境卫生管理条例》第三十六条");
		row.put("due_at", T0);
		row.put("published_at", T0.plusSeconds(3600L * hours));
		row.put("delay_working_days", 0);
		row.put("public_until", LocalDate.parse(publicUntil));
		store.publish(row);
	}
}

package cn.zhifa.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code zf_disclosure} (V11). Writes come from the process ({@link DisclosureService}); the
 * reads here are the only way the portal sees disclosures: current versions within their public
 * period, and for a withdrawn item never its content (the SQL does not even select it).
 */
@Repository
class DisclosureStore {

	/** The columns the public may see; content columns are NULL for a withdrawn item. */
	private static final String PUBLIC_COLUMNS = """
			item_no, version, status, agency_code, agency_name, decision_type, decision_number, decision_date,
			party_type, published_at, withdrawn_at, withdrawal_kind, withdrawal_reason, correction_note,
			CASE WHEN status = 'PUBLISHED' THEN party_name END AS party_name,
			CASE WHEN status = 'PUBLISHED' THEN party_credit_code END AS party_credit_code,
			CASE WHEN status = 'PUBLISHED' THEN category END AS category,
			CASE WHEN status = 'PUBLISHED' THEN conclusion END AS conclusion,
			CASE WHEN status = 'PUBLISHED' THEN legal_basis END AS legal_basis,
			CASE WHEN status = 'PUBLISHED' THEN withheld_note END AS withheld_note
			""";
	/** Listed: the current version, still within its public period, not archived. */
	private static final String LISTED = "is_current = TRUE AND status IN ('PUBLISHED', 'WITHDRAWN') AND public_until >= :today AND archived_at IS NULL";

	private final JdbcClient jdbc;

	DisclosureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Version to publish next for the item (1 for a new item). */
	int nextVersion(String itemNo) {
		Integer max = jdbc.sql("SELECT MAX(version) FROM zf_disclosure WHERE item_no = :item").param("item", itemNo)
			.query(Integer.class).optional().orElse(null);
		return max == null ? 1 : max + 1;
	}

	/** Publishes a version: the previous current version (if any) becomes SUPERSEDED. */
	void publish(Map<String, Object> row) {
		jdbc.sql("UPDATE zf_disclosure SET is_current = FALSE, status = CASE WHEN status = 'PUBLISHED' THEN 'SUPERSEDED' ELSE status END WHERE item_no = :item AND is_current = TRUE")
			.param("item", row.get("item_no")).update();
		StringBuilder columns = new StringBuilder();
		StringBuilder values = new StringBuilder();
		for (String column : row.keySet()) {
			columns.append(columns.isEmpty() ? "" : ", ").append(column);
			values.append(values.isEmpty() ? "" : ", ").append(':').append(column);
		}
		JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO zf_disclosure (" + columns + ") VALUES (" + values + ")");
		for (Map.Entry<String, Object> e : row.entrySet()) {
			insert = insert.param(e.getKey(), jdbcValue(e.getValue()));
		}
		insert.update();
	}

	/** Takes the current version down (R-DISC-5); returns whether a published version was withdrawn. */
	boolean withdraw(String itemNo, Instant at, String kind, String reason, LocalDate revokedOn, boolean onTime) {
		return jdbc.sql("""
				UPDATE zf_disclosure SET status = 'WITHDRAWN', withdrawn_at = :at, withdrawal_kind = :kind, withdrawal_reason = :reason,
				  revoked_on = :revokedOn, withdrawn_on_time = :onTime
				WHERE item_no = :item AND is_current = TRUE AND status = 'PUBLISHED'""")
			.param("at", jdbcValue(at)).param("kind", kind).param("reason", reason).param("revokedOn", revokedOn)
			.param("onTime", onTime).param("item", itemNo)
			.update() > 0;
	}

	/** The item leaves the public list; its rows stay (archive). */
	void archive(String itemNo, Instant at) {
		jdbc.sql("UPDATE zf_disclosure SET archived_at = :at WHERE item_no = :item AND archived_at IS NULL")
			.param("at", jdbcValue(at)).param("item", itemNo).update();
	}

	DisclosurePage search(DisclosureQuery q, LocalDate today) {
		StringBuilder where = new StringBuilder(LISTED);
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("today", today);
		if (q.agencyCode() != null) {
			where.append(" AND agency_code = :agency");
			params.put("agency", q.agencyCode());
		}
		if (q.decisionType() != null) {
			where.append(" AND decision_type = :type");
			params.put("type", q.decisionType());
		}
		if (q.category() != null) {
			where.append(" AND status = 'PUBLISHED' AND category = :category");
			params.put("category", q.category());
		}
		if (q.from() != null) {
			where.append(" AND decision_date >= :from");
			params.put("from", q.from());
		}
		if (q.to() != null) {
			where.append(" AND decision_date <= :to");
			params.put("to", q.to());
		}
		if (q.keyword() != null) {
			// content of a withdrawn item is not searchable either: only its document number
			where.append(" AND (decision_number LIKE :kw ESCAPE '!' OR (status = 'PUBLISHED' AND (party_name LIKE :kw ESCAPE '!'"
					+ " OR conclusion LIKE :kw ESCAPE '!' OR category LIKE :kw ESCAPE '!' OR agency_name LIKE :kw ESCAPE '!')))");
			params.put("kw", "%" + q.keyword().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		String sql = "SELECT " + PUBLIC_COLUMNS + " FROM zf_disclosure WHERE " + where
				+ " ORDER BY published_at DESC, id DESC LIMIT " + (q.size() + 1) + " OFFSET " + (q.page() - 1) * q.size();
		List<PublicDisclosure> rows = new ArrayList<>(jdbc.sql(sql).params(params).query(DisclosureStore::map).list());
		boolean hasNext = rows.size() > q.size();
		if (hasNext) {
			rows.remove(rows.size() - 1);
		}
		return new DisclosurePage(List.copyOf(rows), q.page(), q.size(), hasNext);
	}

	Optional<PublicDisclosure> findListed(String itemNo, LocalDate today) {
		return jdbc.sql("SELECT " + PUBLIC_COLUMNS + " FROM zf_disclosure WHERE item_no = :item AND " + LISTED)
			.param("item", itemNo).param("today", today).query(DisclosureStore::map).optional();
	}

	/** Published and withdrawn decisions per agency and decision type, by decision year (R-DISC-7 groundwork). */
	List<Map<String, Object>> countsByAgencyAndType(int year) {
		return jdbc.sql("""
				SELECT agency_code, agency_name, decision_type, COUNT(*) AS total,
				       SUM(CASE WHEN status = 'WITHDRAWN' THEN 1 ELSE 0 END) AS withdrawn,
				       SUM(CASE WHEN delay_working_days > 0 THEN 1 ELSE 0 END) AS late
				FROM zf_disclosure
				WHERE is_current = TRUE AND status IN ('PUBLISHED', 'WITHDRAWN') AND decision_date >= :from AND decision_date < :to
				GROUP BY agency_code, agency_name, decision_type ORDER BY agency_code, decision_type""")
			.param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1)).query().listOfRows();
	}

	private static PublicDisclosure map(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("decision_type");
		String kind = rs.getString("withdrawal_kind");
		return new PublicDisclosure(rs.getString("item_no"), rs.getInt("version"), rs.getString("status"),
				rs.getString("agency_code"), rs.getString("agency_name"), type,
				DisclosureVariables.DECISION_TYPES.getOrDefault(type, type), rs.getString("decision_number"),
				rs.getObject("decision_date", LocalDate.class), rs.getString("party_type"), rs.getString("party_name"),
				rs.getString("party_credit_code"), rs.getString("category"), rs.getString("conclusion"),
				rs.getString("legal_basis"), rs.getString("withheld_note"), rs.getString("correction_note"),
				instant(rs.getObject("published_at", OffsetDateTime.class)), instant(rs.getObject("withdrawn_at", OffsetDateTime.class)), kind,
				kind == null ? null : DisclosureVariables.REVOCATION_KINDS.getOrDefault(kind, kind),
				rs.getString("withdrawal_reason"));
	}

	private static Instant instant(OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	private static Object jdbcValue(Object value) {
		return value instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : value;
	}
}

package cn.zhifa.itemlist;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The register of the item lists (Flyway V30): versions, their entries and the proposed changes. */
@Repository
class ItemListStore {

	private static final String VERSION_COLUMNS = "agency_code, version, effective_on, published_at, published_by, change_no, summary";
	private static final String CHANGE_COLUMNS = "change_no, agency_code, action, item_code, name, kind, legal_basis, "
			+ "responsible_unit, responsibilities, accountability, reason, effective_on, base_version, proposed_by, proposed_at, "
			+ "process_instance_id, status, rounds, reviewed_by, reviewed_at, review_comment, published_version";

	private final JdbcTemplate jdbc;

	ItemListStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// --- versions and entries

	/** Every version of the agency's list, newest first (the history). */
	List<ItemListVersion> versions(String agencyCode) {
		return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM zf_item_list_version WHERE agency_code = ? ORDER BY version DESC",
				ItemListStore::version, agencyCode);
	}

	/** The agencies that have a list. */
	List<String> agencies() {
		return jdbc.queryForList("SELECT DISTINCT agency_code FROM zf_item_list_version ORDER BY agency_code", String.class);
	}

	Optional<ItemListVersion> version(String agencyCode, int version) {
		return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM zf_item_list_version WHERE agency_code = ? AND version = ?",
				ItemListStore::version, agencyCode, version).stream().findFirst();
	}

	/** The version in force on {@code day}: the highest whose effective day has come. */
	Optional<ItemListVersion> inForce(String agencyCode, LocalDate day) {
		return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM zf_item_list_version WHERE agency_code = ? AND effective_on <= ? "
				+ "ORDER BY version DESC", ItemListStore::version, agencyCode, Date.valueOf(day)).stream().findFirst();
	}

	/** The newest version, in force or not yet. */
	Optional<ItemListVersion> latest(String agencyCode) {
		return versions(agencyCode).stream().findFirst();
	}

	List<EnforcementItem> items(String agencyCode, int version) {
		return jdbc.query("SELECT item_code, name, kind, legal_basis, responsible_unit, responsibilities, accountability "
				+ "FROM zf_enforcement_item WHERE agency_code = ? AND version = ? ORDER BY kind DESC, item_code",
				(rs, n) -> new EnforcementItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7)),
				agencyCode, version);
	}

	void insertVersion(ItemListVersion v, Collection<EnforcementItem> items) {
		jdbc.update("INSERT INTO zf_item_list_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", v.agencyCode(),
				v.version(), Date.valueOf(v.effectiveOn()), Timestamp.from(v.publishedAt()), v.publishedBy(), v.changeNo(),
				v.summary());
		for (EnforcementItem i : items) {
			jdbc.update("INSERT INTO zf_enforcement_item (agency_code, version, item_code, name, kind, legal_basis, "
					+ "responsible_unit, responsibilities, accountability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.agencyCode(),
					v.version(), i.code(), i.name(), i.kind(), i.legalBasis(), i.responsibleUnit(), i.responsibilities(),
					i.accountability());
		}
	}

	// --- changes

	Optional<ItemListChange> change(String changeNo) {
		return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM zf_item_list_change WHERE change_no = ?", ItemListStore::change,
				changeNo).stream().findFirst();
	}

	List<ItemListChange> changes(Collection<String> agencyCodes, boolean all) {
		if (all) {
			return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM zf_item_list_change ORDER BY proposed_at DESC",
					ItemListStore::change);
		}
		if (agencyCodes.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", agencyCodes.stream().map(a -> "?").toList());
		return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM zf_item_list_change WHERE agency_code IN (" + in
				+ ") ORDER BY proposed_at DESC", ItemListStore::change, agencyCodes.toArray());
	}

	void insertChange(ItemListChange c) {
		EnforcementItem i = c.item();
		jdbc.update("INSERT INTO zf_item_list_change (" + CHANGE_COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.changeNo(), c.agencyCode(), c.action(),
				i.code(), i.name(), i.kind(), i.legalBasis(), i.responsibleUnit(), i.responsibilities(), i.accountability(),
				c.reason(), Date.valueOf(c.effectiveOn()), c.baseVersion(), c.proposedBy(), Timestamp.from(c.proposedAt()),
				c.processInstanceId(), c.status(), c.rounds(), null, null, null, null);
	}

	/** The revised proposal (after a return): its texts again, one more round. */
	void revised(String changeNo, String action, EnforcementItem i, String reason, LocalDate effectiveOn, int baseVersion) {
		jdbc.update("UPDATE zf_item_list_change SET action = ?, item_code = ?, name = ?, kind = ?, legal_basis = ?, "
				+ "responsible_unit = ?, responsibilities = ?, accountability = ?, reason = ?, effective_on = ?, base_version = ?, "
				+ "status = ?, rounds = rounds + 1 WHERE change_no = ?", action, i.code(), i.name(), i.kind(), i.legalBasis(),
				i.responsibleUnit(), i.responsibilities(), i.accountability(), reason, Date.valueOf(effectiveOn), baseVersion,
				ItemListChange.PROPOSED, changeNo);
	}

	void reviewed(String changeNo, String status, String reviewer, Instant at, String comment, Integer publishedVersion) {
		jdbc.update("UPDATE zf_item_list_change SET status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?, "
				+ "published_version = ? WHERE change_no = ?", status, reviewer, Timestamp.from(at), comment, publishedVersion,
				changeNo);
	}

	private static ItemListVersion version(ResultSet rs, int n) throws SQLException {
		return new ItemListVersion(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant(),
				rs.getString(5), rs.getString(6), rs.getString(7));
	}

	private static ItemListChange change(ResultSet rs, int n) throws SQLException {
		Timestamp reviewedAt = rs.getTimestamp(20);
		int published = rs.getInt(22);
		Integer publishedVersion = rs.wasNull() ? null : published;
		return new ItemListChange(rs.getString(1), rs.getString(2), rs.getString(3),
				new EnforcementItem(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getString(9), rs.getString(10)),
				rs.getString(11), rs.getDate(12).toLocalDate(), rs.getInt(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
				rs.getString(16), rs.getString(17), rs.getInt(18), rs.getString(19),
				reviewedAt == null ? null : reviewedAt.toInstant(), rs.getString(21), publishedVersion);
	}
}

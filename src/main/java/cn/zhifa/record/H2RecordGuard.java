package cn.zhifa.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL record triggers (R-REC-4 防删改, ADR-0009): rows of the
 * append-only record tables are never updated or deleted, and the heads of the chains only move
 * forward — a case head or the global head takes a strictly higher sequence number or stays where it
 * is, is never deleted, and a new case head starts at entry 0. {@code db/vendor/h2/V14} installs it as
 * a row trigger ({@code CALL 'cn.zhifa.record.H2RecordGuard'}) on each table; the messages are the
 * PostgreSQL functions' ({@code db/vendor/postgresql/V9}, {@code V14}); {@code V34} adds the global chain's
 * seals ({@code zf_record_seal}, ADR-0043), refused like the record's rows. A database administrator can
 * still drop the triggers; the verifier then names what was changed.
 */
public final class H2RecordGuard implements Trigger {

	/** SQLSTATE of the refusal, as PostgreSQL's {@code insufficient_privilege}. */
	static final String REFUSED = "42501";

	private String table;
	private final Map<String, Integer> columns = new HashMap<>();

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
			throws SQLException {
		this.table = tableName.toLowerCase(Locale.ROOT);
		try (PreparedStatement columnsOf = conn.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION "
				+ "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
			columnsOf.setString(1, schemaName);
			columnsOf.setString(2, tableName);
			try (ResultSet rs = columnsOf.executeQuery()) {
				while (rs.next()) {
					columns.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2) - 1);
				}
			}
		}
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		switch (table) {
			case "zf_record_case_head" -> caseHead(oldRow, newRow);
			case "zf_record_global_head" -> globalHead(oldRow, newRow);
			default -> throw refused("全过程记录不可修改或删除", operation(oldRow, newRow));
		}
	}

	private void caseHead(Object[] oldRow, Object[] newRow) throws SQLException {
		String op = operation(oldRow, newRow);
		if (newRow == null) {
			throw refused("全过程记录链头不可删除", op);
		}
		if (oldRow == null) {
			if (seq(newRow) != 0 || !Hashing.GENESIS.equals(value(newRow, "last_hash"))) {
				throw refused("全过程记录链头须从第 0 条开始", op);
			}
			return;
		}
		Object oldAgency = value(oldRow, "agency_code");
		if (!Objects.equals(value(oldRow, "case_no"), value(newRow, "case_no"))
				|| oldAgency != null && !oldAgency.equals(value(newRow, "agency_code"))) {
			throw refused("全过程记录链头的案件和机构不可修改", op);
		}
		if (seq(oldRow) == seq(newRow) && Objects.equals(value(oldRow, "last_hash"), value(newRow, "last_hash"))) {
			return; // the agency filled in once
		}
		forward(oldRow, newRow, op);
	}

	private void globalHead(Object[] oldRow, Object[] newRow) throws SQLException {
		String op = operation(oldRow, newRow);
		if (newRow == null) {
			throw refused("全过程记录链头不可删除", op);
		}
		if (oldRow == null) {
			throw refused("全过程记录全局链头只有一行，不可新增", op);
		}
		if (!Objects.equals(value(oldRow, "id"), value(newRow, "id"))) {
			throw refused("全过程记录链头只能前进", op);
		}
		forward(oldRow, newRow, op);
	}

	private void forward(Object[] oldRow, Object[] newRow, String op) throws SQLException {
		if (seq(newRow) <= seq(oldRow)) {
			throw new SQLException("全过程记录链头只能前进 (" + op + " on " + table + ": #" + seq(oldRow) + " -> #"
					+ seq(newRow) + ")", REFUSED);
		}
	}

	private long seq(Object[] row) {
		return ((Number) value(row, "last_seq")).longValue();
	}

	private Object value(Object[] row, String column) {
		Integer at = columns.get(column);
		if (at == null) {
			throw new IllegalStateException("column " + column + " of " + table + " not found");
		}
		return row[at];
	}

	private SQLException refused(String message, String op) {
		return new SQLException(message + " (" + op + " on " + table + ")", REFUSED);
	}

	private static String operation(Object[] oldRow, Object[] newRow) {
		return oldRow == null ? "INSERT" : newRow == null ? "DELETE" : "UPDATE";
	}
}

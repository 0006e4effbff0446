package cn.zhifa.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an attacker with the database's owner rights does to the record in the tests: work with the
 * record triggers out of the way, in one transaction that is rolled back afterwards, so the shared
 * test database stays intact. PostgreSQL: {@code SET LOCAL session_replication_role = replica}
 * (superuser; a table owner would {@code ALTER TABLE … DISABLE TRIGGER}). H2 cannot disable a
 * trigger, and its DDL commits: the triggers are dropped before the transaction and created again
 * after it, as they were.
 */
final class DatabaseOwner {

	private final JdbcTemplate jdbc;
	private final PlatformTransactionManager transactions;
	private final boolean postgres;

	DatabaseOwner(JdbcTemplate jdbc, PlatformTransactionManager transactions, DataSource dataSource) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.postgres = postgres(dataSource);
	}

	boolean postgres() {
		return postgres;
	}

	/** Runs {@code work} with the triggers bypassed in a transaction that is then rolled back. */
	<T> T bypassingTriggers(Function<JdbcTemplate, T> work) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		if (postgres) {
			return tx.execute(status -> {
				jdbc.execute("SET LOCAL session_replication_role = replica");
				status.setRollbackOnly();
				return work.apply(jdbc);
			});
		}
		Map<String, String> dropped = dropH2Triggers();
		try {
			return tx.execute(status -> {
				status.setRollbackOnly();
				return work.apply(jdbc);
			});
		}
		finally {
			dropped.values().forEach(jdbc::execute);
			if (recordTriggers().size() != dropped.size()) {
				throw new IllegalStateException("the record triggers of H2 were not all created again");
			}
		}
	}

	private List<String> recordTriggers() {
		return jdbc.queryForList("SELECT DISTINCT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE JAVA_CLASS = ?",
				String.class, H2RecordGuard.class.getName());
	}

	/** Drops the record triggers of H2 and returns the statements that create them again. */
	private Map<String, String> dropH2Triggers() {
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE "
				+ "FROM INFORMATION_SCHEMA.TRIGGERS WHERE JAVA_CLASS = ? ORDER BY TRIGGER_NAME",
				H2RecordGuard.class.getName());
		Map<String, String> table = new LinkedHashMap<>();
		Map<String, StringBuilder> events = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			String name = (String) row.get("TRIGGER_NAME");
			table.put(name, (String) row.get("EVENT_OBJECT_TABLE"));
			StringBuilder e = events.computeIfAbsent(name, n -> new StringBuilder());
			e.append(e.isEmpty() ? "" : ", ").append(row.get("EVENT_MANIPULATION"));
		}
		if (table.size() < 6) {
			throw new IllegalStateException("expected the six record triggers of db/vendor/h2/V14, found " + table.keySet());
		}
		Map<String, String> create = new LinkedHashMap<>();
		table.forEach((name, t) -> {
			create.put(name, "CREATE TRIGGER " + name + " BEFORE " + events.get(name) + " ON " + t
					+ " FOR EACH ROW CALL '" + H2RecordGuard.class.getName() + "'");
			jdbc.execute("DROP TRIGGER " + name);
		});
		return create;
	}

	private static boolean postgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * ADR-0061: on PostgreSQL the application's connections send a JDBC batch of inserts as multi-row inserts
 * ({@code reWriteBatchedInserts} of the postgres profile) — the engine's flush and the record's work list and
 * seals are such batches. The driver rewrites a batch in chunks of a power of two rows (four rows: one insert) and
 * answers a rewritten row with "no row count" ({@link Statement#SUCCESS_NO_INFO}); a batch it sends row by row it
 * answers with 1 per row. Skipped on H2.
 */
@ZhifaIntegrationTest
class PostgresBatchedInsertsIT {

	@Autowired
	DataSource dataSource;

	@Test
	void aBatchOfInsertsIsSentAsOneMultiRowInsert() throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			Assumptions.assumeTrue(c.getMetaData().getURL().startsWith("jdbc:postgresql:"), "PostgreSQL only");
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
			jdbc.execute("CREATE TEMPORARY TABLE zf_batch_probe (n INTEGER, label VARCHAR(20)) ON COMMIT DROP");
			int[] counts = jdbc.batchUpdate("INSERT INTO zf_batch_probe (n, label) VALUES (?, ?)",
					List.of(new Object[] { 1, "一" }, new Object[] { 2, "二" }, new Object[] { 3, "三" }, new Object[] { 4, "四" }));
			assertThat(counts).as("rewritten into one multi-row insert").containsOnly(Statement.SUCCESS_NO_INFO)
				.hasSize(4);
			assertThat(jdbc.queryForList("SELECT label FROM zf_batch_probe ORDER BY n", String.class))
				.containsExactly("一", "二", "三", "四");
		});
	}
}

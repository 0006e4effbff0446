package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V33/V34 (ADR-0043) on a store written the way appends worked before: every entry counts as sealed with its
 * global number, the store verifies, new entries are sealed after the old ones, and a changed global number
 * of an old entry is still found. H2 in memory, no application context.
 */
class RecordSealMigrationTest {

	@TempDir
	java.nio.file.Path files;

	@Test
	void entriesWrittenBeforeV33CountAsSealedAndStillVerify() {
		DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:seal-migration-" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1", "sa", "");
		migrate(db, "32");
		JdbcTemplate jdbc = new JdbcTemplate(db);
		// appends as RecordService made them before V33: both chains, the global head, the case heads
		String globalPrev = Hashing.GENESIS;
		long global = 0;
		for (int c = 0; c < 3; c++) {
			String caseNo = "MIG-" + c;
			String prev = Hashing.GENESIS;
			jdbc.update("INSERT INTO zf_record_case_head (case_no, agency_code, last_seq, last_hash) VALUES (?, 'LIAOKUO', 0, ?)",
					caseNo, Hashing.GENESIS);
			for (int seq = 1; seq <= 4; seq++) {
				global++;
				Instant at = Instant.parse("2026-11-20T00:00:00Z").plusSeconds(global);
				String data = Hashing.canonical(Map.of("n", seq));
				String hash = Hashing.chain(prev, RecordEntry.canonicalContent(caseNo, seq, global, "TEST", "officer1",
						"LIAOKUO", null, "step" + seq, at, data));
				String globalHash = Hashing.chain(globalPrev, hash);
				jdbc.update("""
						INSERT INTO zf_record (case_no, case_seq, global_seq, kind, actor, agency_code, process_instance_id,
						    activity_id, occurred_at, data, prev_hash, hash, global_prev_hash, global_hash)
						VALUES (?, ?, ?, 'TEST', 'officer1', 'LIAOKUO', NULL, ?, ?, ?, ?, ?, ?, ?)""", caseNo, seq, global,
						"step" + seq, Hashing.utc(at), data, prev, hash, globalPrev, globalHash);
				jdbc.update("UPDATE zf_record_case_head SET last_seq = ?, last_hash = ? WHERE case_no = ?", seq, hash, caseNo);
				jdbc.update("UPDATE zf_record_global_head SET last_seq = ?, last_hash = ? WHERE id = 1", global, globalHash);
				prev = hash;
				globalPrev = globalHash;
			}
		}

		migrate(db, "latest");
		assertThat(jdbc.queryForList("SELECT global_seq FROM zf_record_seal ORDER BY record_id", Long.class))
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
		RecordVerifier verifier = new RecordVerifier(db, new AvFileStore(files.toString()));
		VerificationReport migrated = verifier.verifyAll();
		assertThat(migrated.ok()).as(migrated.describe()).isTrue();
		assertThat(migrated.recordsChecked()).isEqualTo(12);

		RecordService records = new RecordService(jdbc, true, Clock.systemUTC());
		records.append("MIG-1", "TEST", "officer1", "LIAOKUO", null, "step5", Map.of("n", 5));
		records.append("MIG-NEW", "TEST", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1));
		new RecordSealer(jdbc, new DataSourceTransactionManager(db)).seal();
		List<RecordEntry> mig1 = records.list("MIG-1");
		assertThat(mig1).extracting(RecordEntry::globalSeq).containsExactly(5L, 6L, 7L, 8L, 13L);
		assertThat(mig1).extracting(RecordEntry::globalSeqHashed).containsExactly(true, true, true, true, false);
		assertThat(records.list("MIG-NEW").get(0).globalSeq()).isEqualTo(14L);
		VerificationReport mixed = verifier.verifyAll();
		assertThat(mixed.ok()).as(mixed.describe()).isTrue();

		// an old entry's own global number still counts: changed past the trigger, it is reported
		jdbc.execute("DROP TRIGGER zf_record_no_update");
		jdbc.update("UPDATE zf_record SET global_seq = 99 WHERE case_no = 'MIG-2' AND case_seq = 2");
		VerificationReport changed = verifier.verifyAll();
		assertThat(changed.problems()).as(changed.describe()).extracting(VerificationReport.Problem::kind)
			.containsOnly(VerificationReport.Kind.CHANGED).hasSize(2);
	}

	private static void migrate(DriverManagerDataSource db, String target) {
		Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2")
			.baselineOnMigrate(true).baselineVersion("0").target(target).load().migrate();
	}
}

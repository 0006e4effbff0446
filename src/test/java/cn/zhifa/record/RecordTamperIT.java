package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 9 (R-REC-4 防删改): tampering by direct SQL — an entry updated, deleted, reordered, cut off
 * the end — is detected and the first broken link named, on H2 and PostgreSQL; the triggers (both
 * databases since issue 13) refuse UPDATE and DELETE in the first place. Each tampering happens as a
 * database owner past the triggers ({@link DatabaseOwner}) inside a transaction that is rolled back
 * after the verifier looked, so the shared database stays intact.
 */
@ZhifaIntegrationTest
class RecordTamperIT {

	@Autowired
	RecordService records;
	@Autowired
	RecordVerifier verifier;
	@Autowired
	AvEvidenceService evidence;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;
	@Autowired
	PlatformTransactionManager transactions;

	String caseNo;

	@BeforeEach
	void fiveEntries() {
		caseNo = "REC-TAMPER-" + UUID.randomUUID();
		for (int i = 1; i <= 5; i++) {
			records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step" + i, Map.of("n", i, "note", "第" + i + "步"));
		}
		assertThat(verifier.verifyCase(caseNo).ok()).isTrue();
	}

	@Test
	void changedEntryIsDetectedAndNamed() {
		VerificationReport[] reports = tampered(
				j -> j.update("UPDATE zf_record SET data = ? WHERE case_no = ? AND case_seq = 3", "{\"n\":33}", caseNo));
		assertThat(reports[0].ok()).isFalse();
		assertThat(reports[0].firstBroken().caseSeq()).isEqualTo(3L);
		assertThat(reports[0].firstBroken().kind()).isEqualTo(VerificationReport.Kind.CHANGED);
		assertThat(reports[0].firstBroken().description()).contains("被修改");
		assertFirstBrokenOverall(reports[1], 3L);
		assertThat(verifier.verifyCase(caseNo).ok()).as("rolled back").isTrue();
	}

	@Test
	void changedActorOrTimeIsDetected() {
		VerificationReport[] reports = tampered(j -> j.update(
				"UPDATE zf_record SET actor = 'officer2' WHERE case_no = ? AND case_seq = 2", caseNo));
		assertThat(reports[0].firstBroken().caseSeq()).isEqualTo(2L);
		assertFirstBrokenOverall(reports[1], 2L);
	}

	@Test
	void removedEntryIsDetectedAndNamed() {
		VerificationReport[] reports = tampered(
				j -> j.update("DELETE FROM zf_record WHERE case_no = ? AND case_seq = 3", caseNo));
		assertThat(reports[0].firstBroken().caseSeq()).isEqualTo(4L);
		assertThat(reports[0].firstBroken().kind()).isEqualTo(VerificationReport.Kind.REMOVED);
		assertThat(reports[0].firstBroken().description()).contains("第 3–3 条缺失");
		assertThat(reports[1].ok()).isFalse();
		assertThat(reports[1].has(VerificationReport.Kind.REMOVED)).as(reports[1].describe()).isTrue();
	}

	@Test
	void removedLastEntryIsDetectedByTheHead() {
		VerificationReport[] reports = tampered(
				j -> j.update("DELETE FROM zf_record WHERE case_no = ? AND case_seq = 5", caseNo));
		assertThat(reports[0].firstBroken().kind()).isEqualTo(VerificationReport.Kind.HEAD_MISMATCH);
		assertThat(reports[0].firstBroken().description()).contains("案件链头（第 5 条）");
		assertThat(reports[1].ok()).isFalse();
	}

	@Test
	void reorderedEntriesAreDetectedAndNamed() {
		VerificationReport[] reports = tampered(j -> {
			j.update("UPDATE zf_record SET case_seq = -1 WHERE case_no = ? AND case_seq = 2", caseNo);
			j.update("UPDATE zf_record SET case_seq = 2 WHERE case_no = ? AND case_seq = 4", caseNo);
			j.update("UPDATE zf_record SET case_seq = 4 WHERE case_no = ? AND case_seq = -1", caseNo);
		});
		assertThat(reports[0].firstBroken().caseSeq()).isEqualTo(2L);
		assertThat(reports[1].ok()).isFalse();
	}

	@Test
	void triggersRefuseUpdateAndDeleteOnBothDatabases() throws Exception {
		evidence.add(caseNo, "photo.jpg", "image/jpeg", new java.io.ByteArrayInputStream(WholeCaseRecordIT.randomJpeg()),
				WholeCaseRecordIT.metadata("step1"), "officer1");
		TransactionTemplate tx = new TransactionTemplate(transactions);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.update(
				"UPDATE zf_record SET actor = 'x' WHERE case_no = ?", caseNo))).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("全过程记录不可修改或删除");
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.update(
				"DELETE FROM zf_record WHERE case_no = ?", caseNo))).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("全过程记录不可修改或删除");
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.update(
				"DELETE FROM zf_av_file WHERE case_no = ?", caseNo))).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("全过程记录不可修改或删除");
		assertThat(records.list(caseNo)).hasSize(6);
		assertThat(evidence.list(caseNo)).hasSize(1);
	}

	/**
	 * Tampers as a database owner past the triggers, verifies the case and the whole store in that
	 * transaction, then rolls back.
	 */
	private VerificationReport[] tampered(Consumer<JdbcTemplate> tamper) {
		return new DatabaseOwner(jdbc, transactions, dataSource).bypassingTriggers(j -> {
			tamper.accept(j);
			return new VerificationReport[] { verifier.verifyCase(caseNo), verifier.verifyAll() };
		});
	}

	private void assertFirstBrokenOverall(VerificationReport all, long caseSeq) {
		assertThat(all.ok()).isFalse();
		assertThat(all.problems()).as(all.describe())
			.anySatisfy(p -> {
				assertThat(p.caseNo()).isEqualTo(caseNo);
				assertThat(p.caseSeq()).isEqualTo(caseSeq);
			});
		assertThat(all.problems()).allSatisfy(p -> assertThat(p.caseNo()).isIn(caseNo, null));
	}
}

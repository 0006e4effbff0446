package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.record.VerificationReport.Kind;
import cn.zhifa.record.VerificationReport.Problem;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 15 §2 (ADR-0043): an append locks only its case's head, so steps of different cases do not wait
 * for each other across the cluster; the global chain is sealed afterwards, in entry-id order, once,
 * however many nodes seal at the same time; an entry removed or taken off the work list before it was
 * sealed is still found; a published head covers every entry committed before it. On H2 and PostgreSQL.
 */
@ZhifaIntegrationTest
class RecordSealIT {

	@Autowired
	RecordService records;
	@Autowired
	RecordSealer sealer;
	@Autowired
	RecordVerifier verifier;
	@Autowired
	PublishedHeads heads;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;
	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anOpenAppendToOneCaseDoesNotHoldUpAnotherCase() throws Exception {
		String caseA = "REC-SEAL-A-" + UUID.randomUUID();
		String caseB = "REC-SEAL-B-" + UUID.randomUUID();
		records.append(caseA, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1));
		records.append(caseB, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch appendedA = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			// a long step of case A: appended, not committed
			Future<RecordEntry> a = pool.submit(() -> new TransactionTemplate(transactions).execute(status -> {
				RecordEntry entry = records.append(caseA, "TEST_STEP", "officer1", "LIAOKUO", null, "step2", Map.of("n", 2));
				appendedA.countDown();
				await(release);
				return entry;
			}));
			assertThat(appendedA.await(30, TimeUnit.SECONDS)).isTrue();
			// case B's step runs and commits meanwhile: no lock in common (before ADR-0043 it waited for A's commit)
			long started = System.nanoTime();
			Future<RecordEntry> b = pool.submit(() -> records.append(caseB, "TEST_STEP", "officer1", "LIAOKUO", null, "step2",
					Map.of("n", 2)));
			RecordEntry entryB = b.get(5, TimeUnit.SECONDS);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(a.isDone()).as("case A's transaction is still open").isFalse();
			// sealing does not wait for A either: B is sealed, A's uncommitted entry is not seen
			sealer.seal();
			RecordEntry sealedB = records.list(caseB).get(1);
			assertThat(sealedB.hash()).isEqualTo(entryB.hash());
			assertThat(sealedB.globalSeq()).isNotNull();
			assertThat(records.list(caseA)).hasSize(1);

			release.countDown();
			RecordEntry entryA = a.get(30, TimeUnit.SECONDS);
			assertThat(entryA.id()).as("A's entry was written first").isLessThan(entryB.id());
			sealer.seal();
			RecordEntry sealedA = records.list(caseA).get(1);
			assertThat(sealedA.globalSeq()).as("sealed in commit order: after B").isGreaterThan(sealedB.globalSeq());
			for (String caseNo : List.of(caseA, caseB)) {
				VerificationReport report = verifier.verifyCase(caseNo);
				assertThat(report.ok()).as(report.describe()).isTrue();
			}
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void twoNodesSealingAtOnceSealEveryEntryOnceInEntryOrder() throws Exception {
		String prefix = "REC-SEAL-NODES-" + UUID.randomUUID() + "-";
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add(records.append(prefix + (i % 4), "TEST_STEP", "officer1", "LIAOKUO", null, "step" + i, Map.of("n", i)).id());
		}
		RecordSealer otherNode = new RecordSealer(jdbc, transactions);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<RecordService.GlobalHead>> runs = new ArrayList<>();
			for (RecordSealer node : List.of(sealer, otherNode)) {
				runs.add(pool.submit(() -> {
					start.await();
					return node.seal();
				}));
			}
			start.countDown();
			for (Future<RecordService.GlobalHead> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<RecordEntry> entries = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			entries.addAll(records.list(prefix + c));
		}
		entries.sort(Comparator.comparingLong(RecordEntry::id));
		assertThat(entries).extracting(RecordEntry::id).containsExactlyElementsOf(ids);
		assertThat(entries).extracting(RecordEntry::globalSeq).doesNotContainNull();
		assertThat(entries).extracting(RecordEntry::globalSeq).as("sealed in entry-id order, each once").isSorted()
			.doesNotHaveDuplicates();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_seal WHERE case_no LIKE ?", Long.class, prefix + "%"))
			.isEqualTo(60L);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_unsealed u JOIN zf_record r ON r.id = u.record_id "
				+ "WHERE r.case_no LIKE ?", Long.class, prefix + "%")).isZero();
		// sealing again changes nothing
		RecordService.GlobalHead head = records.globalHead();
		assertThat(otherNode.seal().lastSeq()).isGreaterThanOrEqualTo(head.lastSeq());
		assertThat(records.list(prefix + 0)).extracting(RecordEntry::globalSeq)
			.containsExactlyElementsOf(entries.stream().filter(e -> e.caseNo().equals(prefix + 0)).map(RecordEntry::globalSeq).toList());
		VerificationReport all = verifier.verifyAll();
		assertThat(all.ok()).as(all.describe()).isTrue();
	}

	@Test
	void anEntryRemovedBeforeItWasSealedIsFoundByItsCaseChain() {
		String caseNo = "REC-SEAL-DEL-" + UUID.randomUUID();
		new DatabaseOwner(jdbc, transactions, dataSource).bypassingTriggers(j -> {
			// uncommitted: no other sealer sees these entries
			List<RecordEntry> e = append(caseNo, 4);
			j.update("DELETE FROM zf_record_unsealed WHERE record_id = ?", e.get(1).id());
			j.update("DELETE FROM zf_record WHERE id = ?", e.get(1).id());
			VerificationReport one = verifier.verifyCase(caseNo);
			assertThat(one.firstBroken().kind()).as(one.describe()).isEqualTo(Kind.REMOVED);
			assertThat(one.firstBroken().caseSeq()).isEqualTo(3L);
			assertThat(one.firstBroken().description()).contains("第 2–2 条缺失");

			sealer.seal(); // in this transaction: seals entries 1, 3 and 4
			assertThat(records.list(caseNo)).extracting(RecordEntry::globalSeq).doesNotContainNull().hasSize(3);
			VerificationReport all = verifier.verifyAll();
			// the global chain is whole (it never held entry 2); the case chain shows the gap
			assertThat(all.problems()).as(all.describe()).isNotEmpty().allSatisfy(p -> {
				assertThat(p.caseNo()).isEqualTo(caseNo);
				assertThat(p.caseSeq()).isEqualTo(3L);
				assertThat(p.kind()).isIn(Kind.REMOVED, Kind.UNLINKED);
			});
			assertThat(all.has(Kind.REMOVED)).isTrue();

			// the newest entry removed too, before sealing: the case head still points at it
			RecordEntry fifth = records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step5", Map.of("n", 5));
			j.update("DELETE FROM zf_record_unsealed WHERE record_id = ?", fifth.id());
			j.update("DELETE FROM zf_record WHERE id = ?", fifth.id());
			assertThat(verifier.verifyCase(caseNo).problems()).extracting(Problem::kind).contains(Kind.HEAD_MISMATCH);
			return null;
		});
		assertThat(records.list(caseNo)).as("rolled back").isEmpty();
	}

	@Test
	void anEntryTakenOffTheWorkListOrWaitingTooLongIsReportedUnsealed() {
		String caseNo = "REC-SEAL-LATE-" + UUID.randomUUID();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			List<RecordEntry> e = append(caseNo, 3);
			assertThat(verifier.verifyCase(caseNo).ok()).as("waiting briefly is normal").isTrue();
			// the work list is not protected: removing an entry from it keeps it from being sealed
			jdbc.update("DELETE FROM zf_record_unsealed WHERE record_id = ?", e.get(1).id());
			jdbc.update("UPDATE zf_record_unsealed SET queued_at = ? WHERE record_id = ?",
					Hashing.utc(Instant.now().minus(Duration.ofHours(1))), e.get(2).id());
			VerificationReport report = verifier.verifyCase(caseNo);
			assertThat(report.problems()).as(report.describe()).extracting(Problem::kind).containsOnly(Kind.UNSEALED);
			assertThat(report.problems()).extracting(Problem::caseSeq).containsExactly(2L, 3L);
			assertThat(report.problems().get(0).description()).contains("不在待封存清单中");
			assertThat(report.problems().get(1).description()).contains("超过 10 分钟");
			VerificationReport all = verifier.verifyAll();
			assertThat(all.has(Kind.UNSEALED)).as(all.describe()).isTrue();
		});
	}

	@Test
	void thePublishedHeadCoversEveryEntryCommittedBeforeIt() {
		String caseNo = "REC-SEAL-PUB-" + UUID.randomUUID();
		Instant at = Instant.parse("2097-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(0, 8000)));
		new DatabaseOwner(jdbc, transactions, dataSource).bypassingTriggers(j -> {
			List<RecordEntry> appended = append(caseNo, 3);
			assertThat(appended).extracting(RecordEntry::globalSeq).containsOnlyNulls();
			PublishedHeads.Head published = heads.publish(at).orElseThrow();
			List<RecordEntry> e = records.list(caseNo);
			assertThat(e).extracting(RecordEntry::globalSeq).doesNotContainNull();
			assertThat(published.sequence()).isEqualTo(e.get(2).globalSeq());
			assertThat(published.hash()).isEqualTo(e.get(2).globalHash());
			assertThat(records.globalHead()).isEqualTo(new RecordService.GlobalHead(published.sequence(), published.hash()));
			assertThat(j.queryForObject("SELECT MAX(case_seq) FROM zf_record_published_case_head WHERE case_no = ?",
					Long.class, caseNo)).isEqualTo(3L);
			VerificationReport all = verifier.verifyAll();
			assertThat(all.ok()).as(all.describe()).isTrue();
			return null;
		});
	}

	@Test
	void aTransactionLocksEachCaseHeadOnceAndWritesHeadsAndWorkListWhenItCommits() {
		String caseA = "REC-SEAL-TX-A-" + UUID.randomUUID();
		String caseB = "REC-SEAL-TX-B-" + UUID.randomUUID();
		RecordEntry first = records.append(caseA, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		List<RecordEntry> step = tx.execute(status -> {
			List<RecordEntry> appended = List.of(
					records.append(caseA, "TEST_STEP", "officer1", null, null, "step2", Map.of("n", 2)),
					records.append(caseB, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1)),
					records.append(caseA, "TEST_STEP", "officer1", null, null, "step3", Map.of("n", 3)),
					records.append(caseB, "TEST_STEP", "officer1", null, null, "step2", Map.of("n", 2)));
			// each entry chains on the one this transaction appended before it
			assertThat(appended.get(0).prevHash()).isEqualTo(first.hash());
			assertThat(appended.get(2).prevHash()).isEqualTo(appended.get(0).hash());
			assertThat(appended.get(3).prevHash()).isEqualTo(appended.get(1).hash());
			assertThat(appended).extracting(RecordEntry::caseSeq).containsExactly(2L, 1L, 3L, 2L);
			// the transaction reads its own entries and heads; the head rows and the work list wait for the commit
			assertThat(records.list(caseA)).hasSize(3);
			assertThat(records.head(caseA)).get().satisfies(h -> {
				assertThat(h.lastSeq()).isEqualTo(3);
				assertThat(h.lastHash()).isEqualTo(appended.get(2).hash());
			});
			assertThat(jdbc.queryForObject("SELECT last_seq FROM zf_record_case_head WHERE case_no = ?", Long.class, caseA))
				.isEqualTo(1L);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_unsealed u JOIN zf_record r ON r.id = u.record_id "
					+ "WHERE r.case_no = ?", Long.class, caseB)).isZero();
			return appended;
		});
		assertThat(jdbc.queryForMap("SELECT last_seq, last_hash, agency_code FROM zf_record_case_head WHERE case_no = ?",
				caseA)).containsEntry("last_seq", 3L).containsEntry("last_hash", step.get(2).hash())
			.containsEntry("agency_code", "LIAOKUO");
		assertThat(jdbc.queryForObject("SELECT last_seq FROM zf_record_case_head WHERE case_no = ?", Long.class, caseB))
			.isEqualTo(2L);
		// every entry of the transaction is on the work list or sealed already
		for (RecordEntry entry : step) {
			assertThat(jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM zf_record_unsealed WHERE record_id = ?) "
					+ "+ (SELECT COUNT(*) FROM zf_record_seal WHERE record_id = ?)", Long.class, entry.id(), entry.id()))
				.as("entry #%d of %s queued or sealed", entry.caseSeq(), entry.caseNo()).isEqualTo(1L);
		}
		assertThat(verifier.verifyCase(caseA).ok()).isTrue();
		assertThat(verifier.verifyCase(caseB).ok()).isTrue();

		// a rolled-back transaction leaves neither entries nor a moved head nor work
		tx.executeWithoutResult(status -> {
			records.append(caseA, "TEST_STEP", "officer1", null, null, "step4", Map.of("n", 4));
			records.append(caseA, "TEST_STEP", "officer1", null, null, "step5", Map.of("n", 5));
			status.setRollbackOnly();
		});
		assertThat(records.head(caseA)).get().extracting(RecordService.CaseHead::lastSeq).isEqualTo(3L);
		assertThat(records.list(caseA)).hasSize(3);
		assertThat(records.append(caseA, "TEST_STEP", "officer1", null, null, "step4", Map.of("n", 4)).caseSeq())
			.isEqualTo(4L);
		assertThat(verifier.verifyCase(caseA).ok()).isTrue();
	}

	@Test
	void anAppendWhileTheTransactionCommitsIsWrittenAtOnce() {
		String caseNo = "REC-SEAL-LATE-" + UUID.randomUUID();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1));
			// registered after the record's own: runs after the heads were written for the commit
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					records.append(caseNo, "TEST_STEP", "officer1", null, null, "step2", Map.of("n", 2));
				}
			});
		});
		assertThat(jdbc.queryForObject("SELECT last_seq FROM zf_record_case_head WHERE case_no = ?", Long.class, caseNo))
			.isEqualTo(2L);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_record r WHERE r.case_no = ? AND (EXISTS (SELECT 1 FROM "
				+ "zf_record_unsealed u WHERE u.record_id = r.id) OR EXISTS (SELECT 1 FROM zf_record_seal s WHERE s.record_id "
				+ "= r.id))", Long.class, caseNo)).isEqualTo(2L);
		assertThat(verifier.verifyCase(caseNo).ok()).isTrue();
	}

	private List<RecordEntry> append(String caseNo, int n) {
		List<RecordEntry> entries = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			entries.add(records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step" + i, Map.of("n", i)));
		}
		return entries;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

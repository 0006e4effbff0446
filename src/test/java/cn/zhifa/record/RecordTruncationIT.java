package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.record.VerificationReport.Kind;
import cn.zhifa.record.VerificationReport.Problem;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13 §7 (R-REC-4 防删改): cutting entries off the end of the record and winding the heads back
 * to match. The triggers refuse it (both databases); a database owner who bypasses them is caught by
 * the published head — the verifier reports the store as truncated, publication stops, and appends
 * continue after the published numbers instead of reusing them; a copy of the published head kept
 * outside catches the owner who also deleted the published rows. One head per period, however many
 * nodes publish at once. Everything an attacker does happens in a transaction rolled back afterwards
 * ({@link DatabaseOwner}); on H2 and PostgreSQL.
 */
@ZhifaIntegrationTest
class RecordTruncationIT {

	@Autowired
	RecordService records;
	@Autowired
	RecordVerifier verifier;
	@Autowired
	PublishedHeads heads;
	@Autowired
	RecordSealer sealer;
	@Autowired
	HeadSigner signer;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;
	@Autowired
	PlatformTransactionManager transactions;

	DatabaseOwner owner;
	String caseNo;

	@BeforeEach
	void setUp() {
		owner = new DatabaseOwner(jdbc, transactions, dataSource);
		caseNo = "REC-TRUNC-" + UUID.randomUUID();
	}

	@Test
	void naiveRewindOfTheHeadsAndRemovalOfEntriesAreRefused() {
		append(caseNo, 3);
		RecordService.GlobalHead global = sealer.seal();
		List<RecordEntry> entries = records.list(caseNo);
		String latestPeriod = heads.latest().orElseThrow().period();

		refused("只能前进", j -> j.update("UPDATE zf_record_case_head SET last_seq = 1, last_hash = ? WHERE case_no = ?",
				entries.get(0).hash(), caseNo));
		refused("只能前进", j -> j.update("UPDATE zf_record_case_head SET last_hash = ? WHERE case_no = ?",
				entries.get(0).hash(), caseNo));
		refused("案件和机构不可修改", j -> j.update("UPDATE zf_record_case_head SET agency_code = 'QLSCJ' WHERE case_no = ?", caseNo));
		refused("不可删除", j -> j.update("DELETE FROM zf_record_case_head WHERE case_no = ?", caseNo));
		refused("须从第 0 条开始", j -> j.update("INSERT INTO zf_record_case_head (case_no, agency_code, last_seq, last_hash) "
				+ "VALUES (?, 'LIAOKUO', 9, ?)", caseNo + "-forged", entries.get(2).hash()));
		refused("只能前进", j -> j.update("UPDATE zf_record_global_head SET last_seq = ?, last_hash = ? WHERE id = 1",
				entries.get(0).globalSeq(), entries.get(0).globalHash()));
		refused("不可删除", j -> j.update("DELETE FROM zf_record_global_head"));
		refused("全过程记录不可修改或删除", j -> j.update("DELETE FROM zf_record WHERE case_no = ? AND case_seq = 3", caseNo));
		refused("全过程记录不可修改或删除", j -> j.update("DELETE FROM zf_record_published_head WHERE period = ?", latestPeriod));
		refused("全过程记录不可修改或删除", j -> j.update("UPDATE zf_record_seal SET entry_hash = ? WHERE record_id = ?",
				entries.get(0).hash(), entries.get(1).id()));
		refused("全过程记录不可修改或删除", j -> j.update("DELETE FROM zf_record_seal WHERE record_id = ?", entries.get(2).id()));
		for (String table : List.of("zf_record", "zf_record_case_head", "zf_record_global_head", "zf_record_published_head",
				"zf_record_published_case_head", "zf_av_file", "zf_record_seal")) {
			// PostgreSQL: a TRUNCATE trigger; H2: a foreign key refers to every record table (V14)
			refused(owner.postgres() ? "全过程记录不可修改或删除" : "Cannot truncate", j -> j.execute("TRUNCATE TABLE " + table));
		}

		assertThat(records.list(caseNo)).extracting(RecordEntry::hash)
			.containsExactlyElementsOf(entries.stream().map(RecordEntry::hash).toList());
		assertThat(records.head(caseNo).orElseThrow().lastSeq()).isEqualTo(3);
		assertThat(records.globalHead()).isEqualTo(global);
		VerificationReport report = verifier.verifyCase(caseNo);
		assertThat(report.ok()).as(report.describe()).isTrue();
		// forward moves still work: the next entry takes the next numbers
		RecordEntry next = records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step4", Map.of("n", 4));
		assertThat(next.caseSeq()).isEqualTo(4);
		sealer.seal();
		assertThat(records.list(caseNo).get(3).globalSeq()).isEqualTo(global.lastSeq() + 1);
	}

	@Test
	void tailCutAfterPublicationIsReportedAsTruncationAndItsNumbersAreNeverIssuedAgain() {
		String other = caseNo + "-other";
		Instant at = syntheticPeriod(2099);
		owner.bypassingTriggers(j -> {
			append(caseNo, 5);
			PublishedHeads.Head published = heads.publish(at).orElseThrow(); // seals what is committed first
			List<RecordEntry> e = records.list(caseNo);
			RecordEntry last = e.get(4);
			assertThat(published.sequence()).isEqualTo(last.globalSeq());
			assertThat(published.hash()).isEqualTo(last.globalHash());
			assertThat(HeadSigner.verify(published.signedMessage(), published.signature(), signer.publicKey())).isTrue();
			assertThat(j.queryForObject("SELECT MAX(case_seq) FROM zf_record_published_case_head WHERE case_no = ?",
					Long.class, caseNo)).isEqualTo(5L);
			VerificationReport intact = verifier.verifyAll();
			assertThat(intact.ok()).as(intact.describe()).isTrue();

			// the attack: the newest three entries and their seals deleted, both heads wound back to entry 2
			j.update("DELETE FROM zf_record WHERE case_no = ? AND case_seq > 2", caseNo);
			j.update("DELETE FROM zf_record_seal WHERE global_seq > ?", e.get(1).globalSeq());
			j.update("UPDATE zf_record_case_head SET last_seq = 2, last_hash = ? WHERE case_no = ?", e.get(1).hash(), caseNo);
			j.update("UPDATE zf_record_global_head SET last_seq = ?, last_hash = ? WHERE id = 1", e.get(1).globalSeq(),
					e.get(1).globalHash());

			VerificationReport all = verifier.verifyAll();
			// chains and heads agree with each other: only the published head shows what is missing
			assertThat(all.problems()).as(all.describe()).extracting(Problem::kind).containsOnly(Kind.TRUNCATED);
			assertThat(all.problems()).anySatisfy(p -> {
				assertThat(p.caseNo()).isNull();
				assertThat(p.globalSeq()).isEqualTo(last.globalSeq());
				assertThat(p.description()).contains("记录被截断", published.period(),
						"全局第 " + last.globalSeq() + " 条", "只到第 " + e.get(1).globalSeq() + " 条");
			});
			assertThat(all.problems()).anySatisfy(p -> {
				assertThat(p.caseNo()).isEqualTo(caseNo);
				assertThat(p.caseSeq()).isEqualTo(5L);
				assertThat(p.description()).contains("案件记录被截断", "本案已有 5 条记录，库中只到第 2 条");
			});
			VerificationReport one = verifier.verifyCase(caseNo);
			assertThat(one.problems()).as(one.describe()).extracting(Problem::kind).containsOnly(Kind.TRUNCATED).hasSize(2);
			assertThat(one.describe()).contains("记录被截断");

			// nothing is published over a cut store
			assertThat(heads.publish(at.plus(Duration.ofHours(1)))).isEmpty();

			// appends continue after the published numbers, linked to the published hashes; so does sealing
			records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step6", Map.of("n", 6));
			records.append(other, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("n", 1));
			sealer.seal();
			RecordEntry next = records.list(caseNo).get(2);
			assertThat(next.caseSeq()).isEqualTo(6);
			assertThat(next.prevHash()).isEqualTo(last.hash());
			assertThat(next.globalSeq()).isEqualTo(last.globalSeq() + 1);
			assertThat(next.globalPrevHash()).isEqualTo(last.globalHash());
			RecordEntry first = records.list(other).get(0);
			assertThat(first.caseSeq()).isEqualTo(1);
			assertThat(first.globalSeq()).isEqualTo(last.globalSeq() + 2);
			assertThat(j.queryForObject("SELECT COUNT(*) FROM zf_record_seal WHERE global_seq > ? AND global_seq <= ?",
					Long.class, e.get(1).globalSeq(), last.globalSeq())).as("no number up to the published one issued again")
				.isZero();

			VerificationReport after = verifier.verifyAll();
			assertThat(after.has(Kind.TRUNCATED)).as(after.describe()).isTrue();
			assertThat(after.has(Kind.REMOVED)).isTrue();
			assertThat(after.has(Kind.REORDERED)).isFalse();
			assertThat(after.problems()).anySatisfy(p -> assertThat(p.description())
				.contains(published.period() + " 公布的全局第 " + last.globalSeq() + " 条已不在库中"));
			assertThat(after.problems()).anySatisfy(p -> assertThat(p.description())
				.contains(published.period() + " 公布的本案第 5 条已不在库中"));
			// publication resumes once the store is beyond the published head again
			assertThat(heads.publish(at.plus(Duration.ofHours(2)))).hasValueSatisfying(
					h -> assertThat(h.sequence()).isEqualTo(first.globalSeq()));
			return null;
		});
		assertThat(records.list(caseNo)).as("rolled back").isEmpty();
	}

	@Test
	void anOutsideCopyOfThePublishedHeadCatchesACutThatAlsoRemovedThePublishedRows(@TempDir Path dir) throws Exception {
		Instant at = syntheticPeriod(2098);
		Path copy = dir.resolve("head.json");
		Path forged = dir.resolve("forged.json");
		owner.bypassingTriggers(j -> {
			append(caseNo, 4);
			PublishedHeads.Head published = heads.publish(at).orElseThrow();
			List<RecordEntry> e = records.list(caseNo);
			// what the portal served, kept by someone outside
			Map<String, Object> served = Map.of("period", published.period(), "date", published.date().toString(),
					"sequence", published.sequence(), "hash", published.hash(), "signedMessage", published.signedMessage(),
					"signature", published.signature(), "publicKey", signer.publicKey());
			write(copy, served);
			Map<String, Object> lie = new java.util.HashMap<>(served);
			lie.put("hash", e.get(0).globalHash());
			write(forged, lie);

			j.update("DELETE FROM zf_record WHERE case_no = ? AND case_seq > 1", caseNo);
			j.update("DELETE FROM zf_record_seal WHERE global_seq > ?", e.get(0).globalSeq());
			j.update("UPDATE zf_record_case_head SET last_seq = 1, last_hash = ? WHERE case_no = ?", e.get(0).hash(), caseNo);
			j.update("UPDATE zf_record_global_head SET last_seq = ?, last_hash = ? WHERE id = 1", e.get(0).globalSeq(),
					e.get(0).globalHash());
			j.update("DELETE FROM zf_record_published_case_head WHERE period = ?", published.period());
			j.update("DELETE FROM zf_record_published_head WHERE period = ?", published.period());

			VerificationReport inside = verifier.verifyAll();
			assertThat(inside.ok()).as("from inside the database the cut is invisible: " + inside.describe()).isTrue();

			List<Problem> signature = new ArrayList<>();
			VerificationReport outside = verifier.verifyAll(List.of(publishedCopy(copy, signature)));
			assertThat(signature).isEmpty();
			assertThat(outside.problems()).as(outside.describe()).singleElement().satisfies(p -> {
				assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
				assertThat(p.description()).contains("外部保存的 " + published.period(), "只到第 " + e.get(0).globalSeq() + " 条");
			});
			// a copy whose hash was changed does not carry the agency's signature
			publishedCopy(forged, signature);
			assertThat(signature).singleElement().extracting(Problem::kind).isEqualTo(Kind.SIGNATURE);
			return null;
		});
	}

	@Test
	void severalNodesPublishingAtOnceMakeOneHeadPerPeriod() throws Exception {
		// a past period (committed: published rows are never deleted), never the portal's latest
		Instant at = syntheticPeriod(2001);
		PublishedHeads otherNode = new PublishedHeads(jdbc, signer, new RecordSealer(jdbc, transactions), transactions,
				Duration.ofHours(1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Optional<PublishedHeads.Head>>> results = new ArrayList<>();
			for (PublishedHeads node : List.of(heads, otherNode)) {
				results.add(pool.submit(() -> {
					start.await();
					return node.publish(at);
				}));
			}
			start.countDown();
			PublishedHeads.Head a = results.get(0).get(30, TimeUnit.SECONDS).orElseThrow();
			PublishedHeads.Head b = results.get(1).get(30, TimeUnit.SECONDS).orElseThrow();
			assertThat(a).isEqualTo(b);
			assertThat(a.period()).isEqualTo(PublishedHeads.period(at, Duration.ofHours(1))).endsWith(":00+08:00");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_published_head WHERE period = ?", Long.class,
					a.period())).isEqualTo(1);
			assertThat(otherNode.publish(at.plus(Duration.ofMinutes(59 - at.atZone(PublishedHeads.CHINA).getMinute()))))
				.contains(a);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<RecordEntry> append(String caseNo, int n) {
		List<RecordEntry> entries = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			entries.add(records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step" + i,
					Map.of("n", i, "note", "第" + i + "步")));
		}
		return entries;
	}

	/** Expects the statement to be refused by a trigger (or H2's TRUNCATE guard), each in its own transaction. */
	private void refused(String message, Consumer<JdbcTemplate> attempt) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> attempt.accept(jdbc))).isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining(message);
	}

	/** An hour of the given year nobody else publishes for. */
	private static Instant syntheticPeriod(int year) {
		return Instant.parse(year + "-01-01T00:00:00Z")
			.plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(0, 8000)))
			.plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(0, 60)));
	}

	private static RecordVerifier.Anchor publishedCopy(Path file, List<Problem> problems) {
		try {
			return VerifyRecordsCommand.publishedCopy(file, problems);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void write(Path file, Map<String, Object> json) {
		try {
			Files.writeString(file, Hashing.JSON.writeValueAsString(json));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}

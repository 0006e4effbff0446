package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 9: appends from many threads at once (as from several nodes sharing the database) are
 * serialised per case by the case head lock — every chain stays gap-free and verifies, and once sealed
 * (ADR-0043) every entry has its own global number, on H2 and PostgreSQL.
 */
@ZhifaIntegrationTest
class RecordConcurrencyIT {

	static final int THREADS = 8;
	static final int APPENDS = 15;

	@Autowired
	RecordService records;
	@Autowired
	RecordVerifier verifier;
	@Autowired
	RecordSealer sealer;

	@Test
	void concurrentAppendsKeepEveryChainIntact() throws Exception {
		String shared = "REC-CONC-SHARED-" + UUID.randomUUID();
		String prefix = "REC-CONC-" + UUID.randomUUID() + "-";
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Long>>> results = new ArrayList<>();
		try {
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				results.add(pool.submit(() -> {
					start.await();
					List<Long> globals = new ArrayList<>();
					for (int i = 0; i < APPENDS; i++) {
						String caseNo = i % 2 == 0 ? shared : prefix + thread;
						globals.add(records.append(caseNo, "TEST_CONCURRENT", "officer1", "LIAOKUO", null, null,
								Map.of("thread", thread, "i", i)).id());
					}
					return globals;
				}));
			}
			start.countDown();
			Set<Long> ids = new HashSet<>();
			for (Future<List<Long>> result : results) {
				ids.addAll(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(ids).hasSize(THREADS * APPENDS);
		}
		finally {
			pool.shutdownNow();
		}
		sealer.seal();
		Set<Long> globalSeqs = new HashSet<>();
		records.list(shared).forEach(e -> globalSeqs.add(e.globalSeq()));
		for (int t = 0; t < THREADS; t++) {
			records.list(prefix + t).forEach(e -> globalSeqs.add(e.globalSeq()));
		}
		assertThat(globalSeqs).as("every entry sealed with a number of its own").hasSize(THREADS * APPENDS)
			.doesNotContainNull();
		int sharedAppends = THREADS * ((APPENDS + 1) / 2);
		assertThat(records.list(shared)).extracting(RecordEntry::caseSeq)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, sharedAppends).boxed().toList());
		assertThat(verifier.verifyCase(shared).ok()).isTrue();
		for (int t = 0; t < THREADS; t++) {
			VerificationReport report = verifier.verifyCase(prefix + t);
			assertThat(report.ok()).as(report.describe()).isTrue();
			assertThat(report.recordsChecked()).isEqualTo(APPENDS / 2);
		}
		VerificationReport all = verifier.verifyAll();
		assertThat(all.ok()).as(all.describe()).isTrue();
	}
}

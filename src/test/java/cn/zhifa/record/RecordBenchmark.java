package cn.zhifa.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Benchmark, not a test (issue 9, docs/record.md): record appends per second with both chains, and a
 * whole case's throughput with step recording on vs off. Run explicitly:
 * <pre>
 * mvn -B -q verify -DskipUnitTests -Dit.test=RecordBenchmark            (H2)
 * ZHIFA_DB_URL=jdbc:postgresql://127.0.0.1:5432/zf_bench mvn -B -q verify -DskipUnitTests \
 *     -Dit.profiles=test,postgres,demo -Dit.test=RecordBenchmark         (PostgreSQL)
 * </pre>
 * Figures are printed as lines starting with {@code RECORD-BENCH}.
 */
@ZhifaIntegrationTest
class RecordBenchmark {

	static final int APPENDS = Integer.getInteger("bench.appends", 3000);
	static final int CASES = Integer.getInteger("bench.cases", 300);

	@Autowired
	RecordService records;
	@Autowired
	ProcessEngine engine;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void appendsPerSecondAndRecordingOverhead() throws Exception {
		engine.getRepositoryService().createDeployment().name("record-bench").addClasspathResource("record/record-bench.bpmn").addClasspathResource("models/test-form.form")
			.deploy();
		String run = UUID.randomUUID().toString().substring(0, 8);

		appends(run + "-warm", 300, 1);
		double single = appends(run + "-single", APPENDS, 1);
		double parallel = appends(run + "-par", APPENDS, 8);
		report("appends/s, 1 thread: %.0f", single);
		report("appends/s, 8 threads: %.0f", parallel);

		cases(run + "-warm-on", CASES / 3, true);
		cases(run + "-warm-off", CASES / 3, false);
		double off1 = cases(run + "-off1", CASES, false);
		double on1 = cases(run + "-on1", CASES, true);
		double off2 = cases(run + "-off2", CASES, false);
		double on2 = cases(run + "-on2", CASES, true);
		double on = (on1 + on2) / 2;
		double off = (off1 + off2) / 2;
		int perCase = records.list("BENCH-" + run + "-on1-0").size();
		report("whole cases/s, recording off: %.1f", off);
		report("whole cases/s, recording on: %.1f (%d entries per case)", on, perCase);
		report("throughput with recording / without: %.2f (cost %.0f %%)", on / off, (1 - on / off) * 100);
	}

	/**
	 * Issue 15 §2: steps of different cases at once — each thread its own case, transactions of
	 * {@code bench.per-tx} entries (a step's worth) with {@code bench.work-ms} of other work inside (a stand-in for
	 * the engine's own statements, during which a lock taken by the first append is held). Before ADR-0043 every
	 * such transaction held the global head lock until commit. Run with
	 * {@code -Dit.test=RecordBenchmark#separateCasesInStepSizedTransactions}.
	 */
	@Test
	void separateCasesInStepSizedTransactions() throws Exception {
		int perTx = Integer.getInteger("bench.per-tx", 10);
		String run = UUID.randomUUID().toString().substring(0, 8);
		stepTransactions(run + "-warm", 500, 4, perTx, 0);
		for (int work : new int[] { 0, 5 }) {
			for (int threads : new int[] { 1, 4, 8 }) {
				double rate = stepTransactions(run + "-w" + work + "-t" + threads, APPENDS, threads, perTx, work);
				report("separate cases, %d threads, %d entries per transaction, %d ms other work: %.0f entries/s%s", threads,
						perTx, work, rate, sealLag());
			}
		}
	}

	private double stepTransactions(String prefix, int count, int threads, int perTx, int workMillis) throws Exception {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				for (int done = 0; done < count / threads; done += perTx) {
					int from = done;
					tx.executeWithoutResult(status -> {
						for (int i = from; i < from + perTx; i++) {
							records.append("BENCH-" + prefix + "-" + thread, "BENCH", "officer1", "LIAOKUO", null, "step",
									Map.of("i", i, "note", "基准测试记录"));
						}
						sleep(workMillis);
					});
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return (count / threads * threads) / ((System.nanoTime() - start) / 1e9);
	}

	/** Since ADR-0043: how long after the appends until every entry is sealed (nothing before it). */
	private String sealLag() {
		long start = System.nanoTime();
		try {
			while (jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_unsealed", Long.class) > 0) {
				sleep(50);
			}
		}
		catch (org.springframework.dao.DataAccessException e) {
			return ""; // no sealer: before ADR-0043
		}
		return String.format(" (all sealed %.1f s later)", (System.nanoTime() - start) / 1e9);
	}

	private static void sleep(int millis) {
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private double appends(String prefix, int count, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				for (int i = thread; i < count; i += threads) {
					records.append("BENCH-" + prefix + "-" + (i % 50), "BENCH", "officer1", "LIAOKUO", null, "step",
							Map.of("i", i, "note", "基准测试记录"));
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private double cases(String prefix, int count, boolean recording) {
		records.stepRecording(recording);
		try {
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				String caseNo = "BENCH-" + prefix + "-" + i;
				String pid = engine.getRuntimeService().startProcessInstanceByKey("record-bench", caseNo,
						Map.of("agencyCode", "LIAOKUO", "partyName", "基准当事人")).getId();
				for (int step = 0; step < 2; step++) {
					Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
					engine.getTaskService().complete(task.getId(), Map.of("opinion" + step, "同意"));
				}
			}
			return count / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			records.stepRecording(true);
		}
	}

	private static void report(String format, Object... args) {
		System.out.println("RECORD-BENCH " + String.format(format, args));
	}
}

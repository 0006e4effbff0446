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

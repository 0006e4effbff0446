package cn.zhifa.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Benchmark, not a test (issue 19, "a 100,000-row ledger export streams in < 20 s with heap growth
 * < 100 MB"): 100,000 LIAOKUO cases registered in 2024 are inserted, then the case ledger of 2024 is
 * downloaded through {@code GET /api/ledgers/cases.xlsx} as {@code head1} (the response streamed to a
 * file) twice: timed, with the used heap sampled every 20 ms; then with the live heap sampled after a
 * forced GC every 250 ms (what the export keeps, not the garbage it leaves); the baseline is the same rows
 * read by the same query without writing a workbook. Run explicitly on a fresh database:
 * <pre>
 * mvn -B -q verify -DskipUnitTests -Dit.test=LedgerBenchmark            (H2)
 * ZHIFA_DB_URL=jdbc:postgresql://127.0.0.1:5432/zf_bench mvn -B -q verify -DskipUnitTests \
 *     -Dit.profiles=test,postgres,demo -Dit.test=LedgerBenchmark         (PostgreSQL)
 * </pre>
 * Figures are printed as lines starting with {@code LEDGER-BENCH}.
 */
@ZhifaIntegrationTest
class LedgerBenchmark {

	static final int ROWS = Integer.getInteger("bench.rows", 100_000);

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHundredThousandRowCaseLedger() throws Exception {
		Instant start = Instant.parse("2024-01-01T01:00:00Z");
		int existing = jdbc.queryForObject("SELECT COUNT(*) FROM zf_case WHERE registered_at >= ? AND registered_at < ?",
				Integer.class, Timestamp.from(Instant.parse("2023-12-31T16:00:00Z")), Timestamp.from(Instant.parse("2024-12-31T16:00:00Z")));
		List<Object[]> batch = new ArrayList<>();
		long inserting = System.nanoTime();
		for (int i = 0; i < ROWS; i++) {
			batch.add(new Object[] { "寥街罚〔2024〕B" + i + "号", "LIAOKUO", i % 5 == 0 ? "COMPLAINT" : "PATROL", "PERSON", "当事人" + i,
					"53030219900101" + String.format("%04d", i % 10000), "CM-OCCUPY-ROAD", "在人民路占道经营", java.sql.Date.valueOf("2024-01-01"),
					i % 3 == 0 ? "CLOSED" : "FILED", Timestamp.from(start.plusSeconds(i * 300L)), "officer1" });
			if (batch.size() == 1000) {
				insert(batch);
			}
		}
		insert(batch);
		report("inserted %d cases in %.1f s", ROWS, (System.nanoTime() - inserting) / 1e9);

		// baseline: the ledger's rows read by the same kind of query, nothing written
		long reading = System.nanoTime();
		AtomicLong read = new AtomicLong();
		jdbc.query("SELECT c.case_no, c.party_name, c.registered_at, (SELECT COUNT(*) FROM zf_evidence e WHERE e.case_no = c.case_no) "
				+ "FROM zf_case c WHERE c.agency_code = 'LIAOKUO' AND c.registered_at >= ? AND c.registered_at < ? "
				+ "ORDER BY c.registered_at, c.case_no", rs -> {
					read.incrementAndGet();
				}, Timestamp.from(Instant.parse("2023-12-31T16:00:00Z")), Timestamp.from(Instant.parse("2024-12-31T16:00:00Z")));
		double baseline = (System.nanoTime() - reading) / 1e9;
		report("baseline: %d rows read in %.2f s", read.get(), baseline);

		for (int run = 1; run <= 2; run++) {
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			boolean live = run == 2;
			// run 2: the heap left after each full collection (what the export keeps alive). Read from the collector's own
			// report of each completed full GC, not from getUsed() after System.gc(): while the deflater of the .xlsx
			// holds the GC locker, an explicit GC is deferred and getUsed() counts the garbage too (the 156-173 MB
			// "growth" measured that way in stop 29; the GC log showed 89-94 MB after every full GC meanwhile).
			FullGcWatch watch = live ? FullGcWatch.start() : null;
			System.gc();
			Thread.sleep(200);
			long before = live ? watch.last() : memory.getHeapMemoryUsage().getUsed();
			if (live) {
				watch.resetPeak();
			}
			AtomicLong peak = new AtomicLong(before);
			AtomicBoolean done = new AtomicBoolean();
			Thread sampler = new Thread(() -> {
				while (!done.get()) {
					if (live) {
						System.gc();
					}
					else {
						peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					}
					try {
						Thread.sleep(live ? 250 : 20);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
			sampler.start();
			Path file = Files.createTempFile("ledger-bench", ".xlsx");
			long exporting = System.nanoTime();
			HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/ledgers/cases.xlsx?from=2024-01-01&to=2024-12-31"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("head1:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofFile(file));
			double seconds = (System.nanoTime() - exporting) / 1e9;
			done.set(true);
			sampler.join();
			if (live) {
				System.gc(); // the heap once the export has ended
				Thread.sleep(200);
				peak.set(Math.max(watch.peak(), before));
				report("run %d: %d full collections during the export, heap after them %.0f-%.0f MB, after the export %.0f MB", run,
						watch.count(), watch.lowest() / 1e6, watch.peak() / 1e6, watch.last() / 1e6);
				watch.stop();
			}
			assertThat(response.statusCode()).isEqualTo(200);
			long rows = rows(file);
			report("run %d: export of %d data rows in %.1f s (%.1f × baseline), file %.1f MB, %s %.0f MB", run, rows - 4, seconds,
					seconds / baseline, Files.size(file) / 1e6, live ? "live heap growth (heap after each full GC, one every 250 ms: peak - before)"
							: "used heap growth incl. garbage (peak - before)", (peak.get() - before) / 1e6);
			assertThat(rows - 4).isEqualTo(ROWS + existing);
			Files.delete(file);
		}
	}

	private void insert(List<Object[]> batch) {
		jdbc.batchUpdate("INSERT INTO zf_case (case_no, agency_code, source, party_type, party_name, party_id_number, violation_code, "
				+ "facts, discovered_on, stage, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
		batch.clear();
	}

	/** Rows of the first sheet, read with POI's streaming reader. */
	private static long rows(Path file) throws Exception {
		long[] rows = { 0 };
		try (OPCPackage pkg = OPCPackage.open(file.toFile())) {
			try (InputStream sheet = new XSSFReader(pkg).getSheetsData().next()) {
				SAXParserFactory.newInstance().newSAXParser().parse(sheet, new DefaultHandler() {
					@Override
					public void startElement(String uri, String local, String qName, Attributes attributes) {
						if (qName.equals("row")) {
							rows[0]++;
						}
					}
				});
			}
		}
		return rows[0];
	}

	private static void report(String format, Object... args) {
		System.out.println("LEDGER-BENCH " + String.format(format, args));
	}

	/** Heap used after each completed full collection, from the collectors' notifications. */
	static final class FullGcWatch implements javax.management.NotificationListener {

		private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();
		private final AtomicLong last = new AtomicLong();
		private final AtomicLong peak = new AtomicLong();
		private final AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
		private final AtomicLong count = new AtomicLong();

		static FullGcWatch start() {
			FullGcWatch watch = new FullGcWatch();
			for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof javax.management.NotificationEmitter emitter) {
					emitter.addNotificationListener(watch, null, null);
					watch.emitters.add(emitter);
				}
			}
			return watch;
		}

		@Override
		public void handleNotification(javax.management.Notification n, Object handback) {
			if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
				return;
			}
			var info = com.sun.management.GarbageCollectionNotificationInfo
				.from((javax.management.openmbean.CompositeData) n.getUserData());
			if (!info.getGcAction().contains("major")) {
				return; // young collections leave the old generation's garbage
			}
			long used = 0;
			for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
				var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
				if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
					used += after.getUsed();
				}
			}
			last.set(used);
			peak.accumulateAndGet(used, Math::max);
			lowest.accumulateAndGet(used, Math::min);
			count.incrementAndGet();
		}

		void resetPeak() {
			peak.set(last.get());
			lowest.set(last.get());
			count.set(0);
		}

		long last() {
			return last.get();
		}

		long peak() {
			return peak.get();
		}

		long lowest() {
			return lowest.get();
		}

		long count() {
			return count.get();
		}

		void stop() {
			for (var emitter : emitters) {
				try {
					emitter.removeNotificationListener(this);
				}
				catch (javax.management.ListenerNotFoundException e) {
					// already removed
				}
			}
		}
	}
}

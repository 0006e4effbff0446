package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Document numbers on the real database (H2 here, PostgreSQL in CI): gap-free and unique when many
 * transactions ask at once, and given back by a transaction that rolls back.
 */
@ZhifaIntegrationTest
class DocumentNumbersIT {

	private static final int THREADS = 8;
	private static final int PER_THREAD = 6;

	@Autowired
	DocumentNumbers numbers;
	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void concurrentCallersGetOneToNWithoutGapsOrDuplicates() throws Exception {
		String kind = series();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<List<Integer>>> results = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				Callable<List<Integer>> caller = () -> {
					start.await();
					List<Integer> mine = new ArrayList<>();
					for (int i = 0; i < PER_THREAD; i++) {
						// every thread races to create the missing counter row on its first call
						mine.add(tx.execute(status -> numbers.next("LIAOKUO", kind, 2026)));
					}
					return mine;
				};
				results.add(pool.submit(caller));
			}
			start.countDown();
			List<Integer> all = new ArrayList<>();
			for (Future<List<Integer>> result : results) {
				all.addAll(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(all).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A step that numbers a document holds its counter until its whole command commits; another officer's step of the
	 * agency waits for it rather than failing (H2's own lock timeout, 1 s, answered 500 under two users; ADR-0052).
	 */
	@Test
	void aCallerWaitsForANumberHeldLongerThanASecond() throws Exception {
		String kind = series();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		assertThat(next(tx, "LIAOKUO", kind, 2026)).isEqualTo(1); // the counter row exists
		CountDownLatch held = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> slow = pool.submit(() -> tx.execute(status -> {
				int number = numbers.next("LIAOKUO", kind, 2026);
				held.countDown();
				sleep(2_500); // the rest of a long command, with the counter locked
				return number;
			}));
			held.await(10, TimeUnit.SECONDS);
			Future<Integer> waiting = pool.submit(() -> next(tx, "LIAOKUO", kind, 2026));
			assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(2);
			assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void rolledBackTransactionDoesNotUseUpItsNumber() {
		String kind = series();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);

		assertThat(next(tx, "LIAOKUO", kind, 2026)).isEqualTo(1);
		Integer rolledBack = tx.execute(status -> {
			int number = numbers.next("LIAOKUO", kind, 2026);
			status.setRollbackOnly(); // e.g. storing the document failed
			return number;
		});
		assertThat(rolledBack).isEqualTo(Integer.valueOf(2));
		assertThat(next(tx, "LIAOKUO", kind, 2026)).isEqualTo(2);
		assertThat(next(tx, "LIAOKUO", kind, 2026)).isEqualTo(3);
	}

	@Test
	void seriesAreSeparatePerAgencyKindAndYear() {
		String kind = series();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		assertThat(next(tx, "LIAOKUO", kind, 2026)).isEqualTo(1);
		assertThat(next(tx, "QLSCJ", kind, 2026)).isEqualTo(1);
		assertThat(next(tx, "LIAOKUO", kind, 2027)).isEqualTo(1);
		assertThat(next(tx, "LIAOKUO", kind + "B", 2026)).isEqualTo(1);
		assertThat(next(tx, "LIAOKUO", kind, 2026)).isEqualTo(2);
		assertThat(DocumentNumbers.format("寥街", "法审", 2026, 7)).isEqualTo("寥街法审〔2026〕7号");
	}

	private int next(TransactionTemplate tx, String agency, String kind, int year) {
		Integer number = tx.execute(status -> numbers.next(agency, kind, year));
		return number == null ? -1 : number;
	}

	/** A series of its own, so runs on a shared PostgreSQL database do not see each other. */
	private static String series() {
		return "T-" + UUID.randomUUID().toString().substring(0, 18);
	}
}

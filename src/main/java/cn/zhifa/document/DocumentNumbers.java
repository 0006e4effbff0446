package cn.zhifa.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers (文号) per agency, number series and year: 1, 2, 3 ... without gaps or
 * duplicates, also with several application nodes on one database (ADR-0007).
 * <p>
 * The counter row is read with {@code SELECT ... FOR UPDATE} and incremented <em>in the caller's
 * transaction</em>: a concurrent caller waits until the holder commits, and a caller that rolls back
 * (e.g. the document could not be stored, or the process step failed) gives its number back.
 * The price is that numbers of one series are issued one transaction at a time, which suits
 * documents issued by hand-driven process steps. A missing counter row (first number of a year) is
 * created in a separate, immediately committed transaction; two nodes creating it at once are
 * fine, the loser simply uses the winner's row.
 */
@Component
public class DocumentNumbers {

	private static final Logger log = LoggerFactory.getLogger(DocumentNumbers.class);
	private static final int CREATE_ATTEMPTS = 20;

	private final DocumentCounterRepository counters;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate separateTransaction;

	DocumentNumbers(DocumentCounterRepository counters, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.counters = counters;
		this.jdbc = jdbc;
		this.separateTransaction = new TransactionTemplate(transactions);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Issues the next number of {@code kind} (the number series) for the agency and year, inside the
	 * current transaction (one is started if there is none, but then nothing ties the number to the
	 * document: callers should hold the transaction that stores what the number is used for).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int next(String agencyCode, String kind, int year) {
		DocumentCounter.Key key = new DocumentCounter.Key(agencyCode, kind, year);
		for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
			var counter = counters.findForUpdate(key);
			if (counter.isPresent()) {
				return counter.get().increment();
			}
			createCounter(key, attempt);
		}
		throw new IllegalStateException("cannot create the document number counter " + key);
	}

	/** {@code 寥街法审〔2026〕7号}: agency short name, abbreviation of the kind, year in 〔〕, number, 号. */
	public static String format(String agencyShortName, String abbreviation, int year, int number) {
		return agencyShortName + abbreviation + "〔" + year + "〕" + number + "号";
	}

	private void createCounter(DocumentCounter.Key key, int attempt) {
		try {
			separateTransaction.executeWithoutResult(status -> jdbc.update(
					"INSERT INTO zf_document_counter (agency_code, kind, doc_year, last_number) VALUES (?, ?, ?, 0)",
					key.agencyCode(), key.kind(), key.year()));
			log.info("Started document number series {} {} {}", key.agencyCode(), key.kind(), key.year());
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
			// another transaction created it at the same time; PostgreSQL waits for that insert to
			// commit, H2 may report the conflict while the other insert is still open: retry briefly
			log.debug("Counter {} created concurrently (attempt {}): {}", key, attempt, e.getMessage());
			if (attempt > 1) {
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(5L * attempt);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while creating a document number counter", e);
		}
	}
}

package cn.zhifa.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.platform.FormFields;

/**
 * The transfer rows and their step log, shared by the three transfer services, plus the small
 * helpers they all need (statutory deadlines, refusing bad input with the field and the rule).
 */
@Component
class TransferRecords {

	private final TransferRepository transfers;
	private final TransferStepRepository steps;
	private final Deadlines deadlines;
	private final Clock clock;

	TransferRecords(TransferRepository transfers, TransferStepRepository steps, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.transfers = transfers;
		this.steps = steps;
		this.deadlines = deadlines;
	}

	/** The deadline of statutory limit {@code key} counted from {@code start}, to keep in {@code variable} with its basis. */
	Deadlines.Due limit(String variable, String key, Object start) {
		return deadlines.limitDue(variable, key, start);
	}

	/** Registers the transfer once (a retried start finds its row). */
	Transfer open(Transfer transfer) {
		return transfers.findById(transfer.getId()).orElseGet(() -> transfers.save(transfer));
	}

	Transfer get(String id) {
		return transfers.findById(id).orElseThrow(() -> new IllegalStateException("no transfer " + id));
	}

	Optional<Transfer> find(String id) {
		return transfers.findById(id);
	}

	List<Transfer> ofAgencies(Collection<String> agencyCodes) {
		return agencyCodes.isEmpty() ? List.of() : transfers.findByAgencyCodeInOrderByOpenedAtDesc(agencyCodes);
	}

	List<Transfer> criminalTransfersOf(String caseId) {
		return transfers.findByKindAndCaseIdOrderByOpenedAtAsc(Transfer.Kind.CRIMINAL, caseId);
	}

	void step(String transferId, String step, String actor, Date dueAt, String details) {
		steps.save(new TransferStep(transferId, step, actor, now(), dueAt == null ? null : dueAt.toInstant(), details));
	}

	List<TransferStep> steps(String transferId) {
		return steps.findByTransferIdOrderByIdAsc(transferId);
	}

	Instant now() {
		return clock.instant();
	}

	/** A text that must be given ({@code value} trimmed, blank is absent). */
	static String required(String value, String name, String label) {
		if (!StringUtils.hasText(value)) {
			throw invalid(name, label + "(" + name + ")必须填写");
		}
		return value;
	}

	static String oneOf(String value, String name, Collection<String> allowed, String message) {
		if (value == null || !allowed.contains(value)) {
			throw invalid(name, message + "，收到 " + value);
		}
		return value;
	}

	/** A list of texts from a list or a text with one item per line. */
	static List<String> lines(Object value) {
		if (value instanceof Collection<?> c) {
			return c.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}
		if (value == null) {
			return List.of();
		}
		return List.of(value.toString().split("\\R")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	static RuntimeException invalid(String field, String message) {
		return FormFields.invalid(field, message);
	}
}

package cn.zhifa.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The transfer rows and their step log, shared by the three transfer services, plus the small
 * helpers they all need (reading variables, refusing bad input with the field and the rule).
 */
@Component
class TransferRecords {

	private final TransferRepository transfers;
	private final TransferStepRepository steps;
	private final IdentityService identityService;
	private final Clock clock;

	TransferRecords(TransferRepository transfers, TransferStepRepository steps, IdentityService identityService, Clock clock) {
		this.clock = clock;
		this.transfers = transfers;
		this.steps = steps;
		this.identityService = identityService;
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

	/** Who acts: the logged-in Camunda user, else the REST caller who answered for an external body, else "system". */
	String actor(VariableScope scope) {
		Authentication auth = identityService.getCurrentAuthentication();
		if (auth != null && auth.getUserId() != null) {
			return auth.getUserId();
		}
		String answeredBy = text(scope, TransferVariables.ANSWERED_BY);
		return answeredBy != null ? answeredBy : "system";
	}

	Instant now() {
		return clock.instant();
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	static String required(VariableScope scope, String name, String label) {
		String value = text(scope, name);
		if (!StringUtils.hasText(value)) {
			throw invalid(name, label + "(" + name + ")必须填写");
		}
		return value;
	}

	static String oneOf(VariableScope scope, String name, Collection<String> allowed, String message) {
		String value = text(scope, name);
		if (value == null || !allowed.contains(value)) {
			throw invalid(name, message + "，收到 " + value);
		}
		return value;
	}

	static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	static Date date(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Date d ? d : null;
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

	static FormFieldValidationException invalid(String field, String message) {
		return new FormFieldValidationException(field, field + ": " + message);
	}
}

package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of the three transfer processes: each maps the variables it needs, calls one service
 * method and maps its results back (ADR-0038). The mapping helpers here serve {@link TransferTaskChecks} too.
 */
@Configuration(proxyBeanMethods = false)
final class TransferDelegates {

	/**
	 * The step of an execution. Who acts: the logged-in user, else the REST caller who answered for an
	 * external body ({@code answeredBy}), else the system.
	 */
	static Step step(DelegateExecution execution) {
		return answered(Steps.of(execution), execution);
	}

	/** The step of a task's form check; who acts as for {@link #step(DelegateExecution)}. */
	static Step step(DelegateTask task) {
		return answered(Steps.of(task), task);
	}

	private static Step answered(Step step, VariableScope scope) {
		String answeredBy = step.bySystem() ? text(scope, ANSWERED_BY) : null;
		return answeredBy == null ? step
				: new Step(step.processInstanceId(), step.businessKey(), step.agency(), step.activityId(), step.taskId(),
						step.taskName(), answeredBy, step.actorGroups(), step.actorAgencies());
	}

	/** A text variable trimmed; blank and absent are {@code null}. */
	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	/** A boolean variable: {@code true} only for {@code true} or "true". */
	static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	/** A date variable, {@code null} if absent or not a date. */
	static Date date(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Date d ? d : null;
	}

	private static void keyedBy(DelegateExecution execution, String caseId) {
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(caseId);
		}
	}

	// --- criminal-transfer (R-COORD-2) ---

	@Bean
	JavaDelegate openCriminalTransfer(CriminalTransferService service) {
		return execution -> {
			String caseId = text(execution, CASE_ID);
			CriminalTransferService.Reported reported = service.open(step(execution), new CriminalTransferService.Report(caseId,
					text(execution, AGENCY), text(execution, HANDLER), text(execution, PARTY_NAME),
					text(execution, CRIME_SUSPICION), text(execution, POLICE_ORGAN), execution.getVariable(ATTACHMENTS)));
			execution.setVariable(REPORTED_AT, reported.at());
			execution.setVariables(reported.due().variables());
			if (reported.attachments() != null) {
				execution.setVariable(ATTACHMENTS, reported.attachments());
			}
			keyedBy(execution, caseId);
		};
	}

	@Bean
	JavaDelegate approveCriminalTransfer(CriminalTransferService service) {
		return execution -> {
			CriminalTransferService.Approved approved = service.approve(step(execution), text(execution, APPROVER));
			execution.setVariable(APPROVED_AT, approved.at());
			execution.setVariables(approved.due().variables());
		};
	}

	@Bean
	JavaDelegate recordCriminalHandover(CriminalTransferService service) {
		return execution -> {
			CriminalTransferService.HandedOver handedOver = service.recordHandover(step(execution),
					date(execution, HANDOVER_DUE_AT), text(execution, POLICE_ORGAN), text(execution, HANDOVER_NOTES));
			execution.setVariable(HANDED_OVER_AT, handedOver.at());
			execution.setVariables(handedOver.due().variables());
		};
	}

	@Bean
	JavaDelegate recordPoliceFiled(CriminalTransferService service) {
		return execution -> {
			execution.setVariable(POLICE_FILED_AT, service.recordFiled(step(execution), date(execution, POLICE_DECISION_DUE_AT),
					text(execution, RECONSIDERATION_NOTES), text(execution, POLICE_DECISION_NOTES), text(execution, NOTICE_RECEIVED_ON)));
		};
	}

	@Bean
	JavaDelegate recordPoliceNotFiled(CriminalTransferService service) {
		return execution -> {
			execution.setVariables(service.recordNotFiled(step(execution),
					date(execution, POLICE_DECISION_DUE_AT), text(execution, POLICE_DECISION_NOTES),
					text(execution, NOTICE_RECEIVED_ON)).variables());
		};
	}

	/** The police upheld their refusal on reconsideration: the 3 days to suggest filing supervision (第九条). */
	@Bean
	JavaDelegate recordReconsiderationRefused(CriminalTransferService service) {
		return execution -> {
			execution.setVariables(service.recordReconsiderationRefused(step(execution),
					date(execution, RECONSIDERATION_DUE_AT), text(execution, RECONSIDERATION_NOTES),
					text(execution, NOTICE_RECEIVED_ON)).variables());
		};
	}

	@Bean
	JavaDelegate recordEvidenceHandover(CriminalTransferService service) {
		return execution -> {
			service.awaitJudicialOutcome(step(execution));
		};
	}

	/** Input parameter {@code outcome}: REFUSED_BY_HEAD, POLICE_NOT_FILED or the judicial outcome. */
	@Bean
	JavaDelegate concludeCriminalTransfer(CriminalTransferService service) {
		return execution -> {
			String outcome = Steps.input(execution, "outcome");
			boolean mayDecide = service.conclude(step(execution), outcome, text(execution, REFUSAL_REASONS),
					text(execution, RECONSIDERATION_NOTES), text(execution, POLICE_DECISION_NOTES), text(execution, JUDICIAL_NOTES));
			execution.setVariable(CRIMINAL_OUTCOME, outcome);
			execution.setVariable(MAY_DECIDE, mayDecide);
		};
	}

	/** After a conviction: the agency's decision on sanctions the court cannot impose goes back to the case. */
	@Bean
	JavaDelegate recordAfterConviction(CriminalTransferService service) {
		return execution -> {
			boolean sanction = service.recordAfterConviction(step(execution), text(execution, AFTER_CONVICTION_DECISION));
			execution.setVariable(MAY_DECIDE, sanction);
			execution.setVariable(AFTER_CONVICTION, sanction);
		};
	}

	// --- case-transfer (R-COORD-1, R-COORD-5) ---

	@Bean
	JavaDelegate openCaseTransfer(CaseTransferService service) {
		return execution -> {
			String caseId = text(execution, CASE_ID);
			CaseTransferService.Opened opened = service.open(step(execution), new CaseTransferService.Request(caseId,
					text(execution, AGENCY), text(execution, HANDLER), text(execution, TRANSFER_REASON),
					text(execution, PARTY_NAME), text(execution, FACTS), text(execution, TARGET_AGENCY),
					text(execution, TARGET_AGENCY_NAME), flag(execution, URGENT),
					execution.getVariable(CaseTransferService.OUTSIDE_COMPETENCE_FOUND_ON),
					execution.getVariable(CaseTransferService.DISCOVERED_ON), execution.getVariable(CASE_MATERIALS)));
			execution.setVariables(opened.due().variables());
			execution.setVariable(URGENT, opened.urgent());
			execution.setVariable(TARGET_IN_ZHIFA, opened.targetInZhifa());
			execution.setVariable(TARGET_AGENCY_NAME, opened.targetName());
			execution.setVariable(TRANSFER_STARTED_AT, opened.startedAt());
			if (opened.materials() != null) {
				execution.setVariable(CASE_MATERIALS, opened.materials());
			}
			keyedBy(execution, caseId);
		};
	}

	@Bean
	JavaDelegate deliverCaseTransfer(CaseTransferService service) {
		return execution -> {
			execution.setVariable(RECEIVING_CASE_NO, service.deliver(step(execution), new CaseTransferService.Delivery(
					text(execution, TARGET_AGENCY), text(execution, TARGET_AGENCY_NAME), text(execution, "partyType"),
					text(execution, PARTY_NAME), text(execution, "partyIdNumber"), text(execution, "partyContact"),
					flag(execution, PARTY_IS_OFFICIAL), text(execution, "violationCode"), text(execution, FACTS),
					execution.getVariable(CaseTransferService.DISCOVERED_ON), text(execution, CASE_ID),
					text(execution, CaseVariables.PARTY_ADDRESS), date(execution, TRANSFER_DUE_AT))));
		};
	}

	@Bean
	JavaDelegate recordExternalCaseHandover(CaseTransferService service) {
		return execution -> {
			service.recordExternalHandover(step(execution), text(execution, TARGET_AGENCY_NAME), text(execution, RECEIVED_BY),
					text(execution, HANDOVER_NOTES), date(execution, TRANSFER_DUE_AT));
		};
	}

	/** Input parameter {@code answer}: ACCEPTED or REFUSED. */
	@Bean
	JavaDelegate recordCaseTransferAnswer(CaseTransferService service) {
		return execution -> {
			String answer = Steps.input(execution, "answer");
			String outcome = service.recordAnswer(step(execution), answer, text(execution, RECEIVING_CASE_NO),
					text(execution, REFUSAL_FROM_TARGET));
			execution.setVariable(TRANSFER_ANSWER, answer);
			if (outcome != null) {
				execution.setVariable(CASE_OUTCOME, outcome);
			}
		};
	}

	@Bean
	JavaDelegate concludeCaseTransfer(CaseTransferService service) {
		return execution -> {
			execution.setVariable(CASE_OUTCOME, service.concludeDispute(step(execution), text(execution, COORDINATION_RESULT),
					text(execution, NEGOTIATION_RESULT)));
		};
	}

	// --- discipline-transfer (R-COORD-3) ---

	@Bean
	JavaDelegate openDisciplineTransfer(DisciplineTransferService service) {
		return execution -> {
			String caseId = text(execution, CASE_ID);
			DisciplineTransferService.Opened opened = service.open(step(execution), new DisciplineTransferService.Request(
					caseId, text(execution, AGENCY), text(execution, PARTY_NAME), flag(execution, PARTY_IS_OFFICIAL),
					text(execution, CaseVariables.DECISION_NUMBER), execution.getVariable(CLOSED_AT), text(execution, HANDLER),
					text(execution, DISCIPLINE_ORGAN)));
			execution.setVariable(CLOSED_AT, opened.closedAt());
			execution.setVariables(opened.due().variables());
			keyedBy(execution, caseId);
		};
	}

	@Bean
	JavaDelegate recordDisciplineTransfer(DisciplineTransferService service) {
		return execution -> {
			execution.setVariable(DISCIPLINE_SENT_AT, service.record(step(execution), date(execution, DISCIPLINE_DUE_AT),
					text(execution, DISCIPLINE_ORGAN), text(execution, DISCIPLINE_CLUES), text(execution, SIGNER)));
		};
	}
}

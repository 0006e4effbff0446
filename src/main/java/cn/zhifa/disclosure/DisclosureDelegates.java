package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates and the task listener of {@code disclosure-publication}: each maps the process's variables to one
 * method of {@link DisclosureService} and the variables it returns back (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class DisclosureDelegates {

	/** {@code ${registerDisclosure}}: check the start (or corrected) variables and redact (R-DISC-4). */
	@Bean
	JavaDelegate registerDisclosure(DisclosureService service) {
		return execution -> {
			DisclosureService.Facts facts = new DisclosureService.Facts(string(execution, AGENCY_CODE),
					string(execution, CASE_ID), string(execution, DECISION_TYPE), execution.getVariable(DECISION_DATE),
					string(execution, DECISION_NUMBER), string(execution, PARTY_TYPE), string(execution, PARTY_NAME),
					string(execution, PARTY_ID_NUMBER), string(execution, CATEGORY), string(execution, CONCLUSION),
					string(execution, LEGAL_BASIS));
			apply(execution, service.register(facts, execution.getVariable(ITEM_NO) != null,
					execution.getVariable(WORKING_DAYS) instanceof Number days ? days.intValue() : null));
			if (execution.getProcessBusinessKey() == null) {
				// started from Tasklist's start form: the business key is the case, so that a revocation or
				// correction (messages correlated by business key, R-DISC-5) reaches this instance
				execution.setProcessBusinessKey(facts.caseId().strip());
			}
		};
	}

	/** {@code ${publishDisclosure}}: put the reviewed item on the portal (R-DISC-3). */
	@Bean
	JavaDelegate publishDisclosure(DisclosureService service) {
		return execution -> {
			Object dueAt = execution.getVariable(DUE_AT);
			Object decisionDate = execution.getVariable(DECISION_DATE);
			execution.setVariables(service.publish(Steps.of(execution), new DisclosureService.Item(string(execution, ITEM_NO),
					(Date) dueAt, string(execution, PUBLIC_PERIOD), string(execution, CASE_ID), string(execution, AGENCY_CODE),
					string(execution, AGENCY_NAME), string(execution, DECISION_TYPE), string(execution, DECISION_NUMBER),
					(Date) decisionDate, string(execution, PARTY_TYPE), string(execution, PARTY_NAME),
					string(execution, PUBLIC_PARTY_NAME), string(execution, PUBLIC_PARTY_CREDIT_CODE), string(execution, CATEGORY),
					string(execution, PUBLIC_CONCLUSION), string(execution, PUBLIC_LEGAL_BASIS), string(execution, WITHHELD_NOTE),
					string(execution, CORRECTION_NOTE), string(execution, REVIEWED_BY), string(execution, JUSTICE_REVIEWED_BY))));
		};
	}

	/** {@code ${withdrawDisclosure}}: take a revoked decision down with its reason (R-DISC-5). */
	@Bean
	JavaDelegate withdrawDisclosure(DisclosureService service) {
		return execution -> {
			execution.setVariables(service.withdraw(string(execution, ITEM_NO), string(execution, REVOCATION_KIND),
					string(execution, REVOCATION_REASON), execution.getVariable(REVOKED_ON), string(execution, PARTY_TYPE),
					string(execution, PARTY_NAME)));
		};
	}

	/**
	 * {@code ${requestDisclosureWithdrawal}} ({@code disclosure-withdrawal}, R-DISC-5): the agency's revocation, checked,
	 * is sent to the disclosure process of its case — of the agency's own tenant only — which takes the item down.
	 * The message is correlated by the system: the user may start this process, not signal another one by hand.
	 */
	@Bean
	JavaDelegate requestDisclosureWithdrawal(DisclosureService service) {
		return execution -> {
			String caseId = string(execution, CASE_ID);
			DisclosureService.Revocation revocation = service.requestedRevocation(caseId, string(execution, REVOCATION_KIND),
					string(execution, REVOCATION_REASON), execution.getVariable(REVOKED_ON));
			String tenant = execution.getTenantId();
			RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
			boolean waiting = AsSystem.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.strip())
				.tenantIdIn(tenant).list().stream().anyMatch(pi -> runtime.createEventSubscriptionQuery()
					.processInstanceId(pi.getId()).eventType("message").eventName(DECISION_REVOKED).count() > 0));
			if (!waiting) {
				throw FormFields.invalid(CASE_ID, "本机构没有案号为“" + caseId.strip() + "”的已公示执法决定（已撤回、已过公示期或尚未公示的不能撤回）");
			}
			AsSystem.run(() -> runtime.createMessageCorrelation(DECISION_REVOKED).processInstanceBusinessKey(caseId.strip())
				.tenantId(tenant).setVariables(revocation.variables()).correlateAll());
		};
	}

	/** {@code ${archiveDisclosure}}: the public period is over; the item leaves the list. */
	@Bean
	JavaDelegate archiveDisclosure(DisclosureService service) {
		return execution -> {
			execution.setVariable(STATUS, service.archive(string(execution, ITEM_NO)));
		};
	}

	/** {@code ${disclosureTaskChecks}} on completion of the prepare and review tasks. */
	@Component("disclosureTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(DisclosureService service) {
			super("disclosureTaskChecks");
			onComplete("disclosure-prepare", task -> task.setVariables(service.completePreparation(Steps.of(task),
					task.getAssignee(), new DisclosureService.Preparation(string(task, PUBLIC_CONCLUSION),
							string(task, WITHHELD_PASSAGES), string(task, WITHHOLDING_REASON), string(task, WITHHOLDING_NOTE),
							string(task, PARTY_TYPE), string(task, PARTY_NAME), string(task, REDACTION_SUMMARY)))));
			onComplete("disclosure-review", task -> apply(task, service.completeReview(Steps.of(task), task.getAssignee(),
					new DisclosureService.Review(string(task, REVIEW_OUTCOME), string(task, REVIEW_COMMENT),
							string(task, PREPARED_BY), string(task, AGENCY_CODE), string(task, REVIEWED_BY)))));
		}
	}

	/** A variable as text as the process holds it (not trimmed), null if absent. */
	private static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	private static void apply(VariableScope scope, DisclosureService.Changes changes) {
		scope.setVariables(changes.set());
		changes.removed().forEach(scope::removeVariable);
	}
}

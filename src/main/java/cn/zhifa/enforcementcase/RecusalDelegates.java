package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.CaseVariables.HANDLER_ID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;
import cn.zhifa.platform.problem.Problem;

/** Thin delegates of recusal (回避): each maps the process's variables to one method of {@link RecusalService}. */
@Configuration(proxyBeanMethods = false)
final class RecusalDelegates {

	/** From Tasklist (process case-recusal): the case's head is asked to decide. */
	@Bean
	JavaDelegate requestRecusal(RecusalService recusals) {
		return execution -> {
			try {
				recusals.request((String) execution.getVariable(CASE_ID), (String) execution.getVariable("recusedOfficer"),
						(String) execution.getVariable("recusalGrounds"), (String) execution.getVariable("recusalRequestedBy"),
						execution.getTenantId());
			}
			catch (Problem refused) {
				// a start form's refusal: the form shows it on its field (400), nothing is started
				throw FormFields.invalid(refused.field(), refused.detail());
			}
		};
	}

	@Bean
	JavaDelegate recordRecusal(RecusalService recusals) {
		return execution -> {
			String decidedBy = recusals.recordDecision(Steps.of(execution), (String) execution.getVariable(CASE_ID),
					(String) execution.getVariable(AGENCY_CODE), new RecusalService.Decision(
							execution.getVariable("recusedOfficer"), execution.getVariable("recusedOfficerName"),
							execution.getVariable("recusedOfficerRoles"), execution.getVariable("recusalGrounds"),
							Boolean.TRUE.equals(execution.getVariable("recusalGranted")),
							execution.getVariable("recusalDecisionReason"), execution.getVariable("replacementOfficer")));
			execution.setVariable("recusalDecidedBy", decidedBy);
		};
	}

	@Bean
	JavaDelegate replaceRecusedOfficer(RecusalService recusals) {
		return execution -> {
			recusals.replace(Steps.of(execution), (String) execution.getVariable(CASE_ID),
					(String) execution.getVariable(AGENCY_CODE), (String) execution.getVariable("recusedOfficer"),
					(String) execution.getVariable("replacementOfficer"),
					new RecusalService.OfficerRoles(execution.getVariable("investigatingOfficers"), execution.getVariable(HANDLER_ID),
							execution.getVariable("hearingChair"), execution.getVariable(RecusalService.RECUSED_OFFICERS)),
					execution::setVariable);
		};
	}
}

package cn.zhifa.assistance;

import static cn.zhifa.assistance.AssistanceRequestService.*;
import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code assistance-request} and {@code assistance-reply}: each maps the process's variables to one
 * step of the service and its result back (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class AssistanceDelegates {

	/** A variable as text, as it is (null when absent). */
	static String string(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

	@Bean
	JavaDelegate openAssistanceRequest(AssistanceRequestService service) {
		return execution -> {
			AssistanceRequestService.Opened o = service.open(Steps.of(execution), text(execution, REQUESTED_AGENCY),
					text(execution, KIND), text(execution, CASE_ID), text(execution, MATTER), text(execution, REASON));
			execution.setVariables(o.replyDue().variables());
			Steps.numbered(execution, NO, o.no(), o.agency(), o.agencyName());
			execution.setVariable(REQUESTED_AGENCY_NAME, o.requestedAgencyName());
			execution.setVariable(KIND_LABEL, o.kindLabel());
			execution.setVariable(REQUESTED_BY, o.requestedBy());
			execution.setVariable(REQUESTED_ON, o.requestedOn());
			execution.setVariable(CASE_NO, o.caseNo());
		};
	}

	@Bean
	JavaDelegate deliverAssistanceRequest(AssistanceRequestService service) {
		return execution -> {
			service.deliver(Steps.of(execution), text(execution, NO),
					new AssistanceRequestService.Shown(string(execution, REQUESTED_AGENCY_NAME), string(execution, "agencyName"),
							string(execution, KIND_LABEL), string(execution, CASE_NO), string(execution, REQUESTED_ON)));
		};
	}

	@Bean
	JavaDelegate recordAssistanceAnswer(AssistanceRequestService service) {
		return execution -> {
			AssistanceRequestService.Answer a = service.recordAnswer(Steps.of(execution), text(execution, NO),
					String.valueOf(execution.getVariable(REQUESTED_AGENCY_NAME)));
			execution.setVariable(ANSWER, a.accepted() ? "ACCEPT" : "REFUSE");
			execution.setVariable(ANSWERED_BY, a.answeredBy());
			if (!a.accepted()) {
				execution.setVariable(REFUSAL, a.refusal());
			}
		};
	}

	@Bean
	JavaDelegate recordAssistanceOutcome(AssistanceRequestService service) {
		return execution -> {
			execution.setVariable(RESULT, service.recordOutcome(Steps.of(execution), text(execution, NO),
					String.valueOf(execution.getVariable(REQUESTED_AGENCY_NAME))));
		};
	}

	@Bean
	JavaDelegate registerAssistanceReply(AssistanceRequestService service) {
		return execution -> {
			service.registerReply(Steps.of(execution), String.valueOf(execution.getVariable(NO)),
					String.valueOf(execution.getVariable(REQUEST_PID)));
		};
	}

	@Bean
	JavaDelegate answerAssistanceRequest(AssistanceRequestService service) {
		return execution -> {
			AssistanceRequestService.Answered a = service.answer(Steps.of(execution), text(execution, NO),
					text(execution, ANSWER), text(execution, REFUSAL));
			execution.setVariable(ANSWERED_BY, a.answeredBy());
			if (a.completionDue() != null) {
				execution.setVariables(a.completionDue().variables());
			}
		};
	}

	@Bean
	JavaDelegate reportAssistanceOutcome(AssistanceRequestService service) {
		return execution -> {
			service.report(Steps.of(execution), text(execution, NO), text(execution, OUTCOME));
		};
	}

	/** Task listener {@code ${assistanceTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("assistanceTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(AssistanceRequestService service) {
			super("assistanceTaskChecks");
			onComplete("assistance-reply-answer", task -> service.checkAnswer(text(task, ANSWER), text(task, REFUSAL)));
			onComplete("assistance-reply-report", task -> service.checkReport(text(task, OUTCOME)));
		}
	}
}

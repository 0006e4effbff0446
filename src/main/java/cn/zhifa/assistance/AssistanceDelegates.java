package cn.zhifa.assistance;

import static cn.zhifa.assistance.AssistanceRequestService.*;
import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code assistance-request} and {@code assistance-reply}: each maps the process's variables to one
 * step of the service and its result back (ADR-0038).
 */
final class AssistanceDelegates {

	private AssistanceDelegates() {
	}

	/** A variable as text, as it is (null when absent). */
	static String string(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

	@Component("openAssistanceRequest")
	static class Open implements JavaDelegate {

		private final AssistanceRequestService service;

		Open(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			AssistanceRequestService.Opened o = service.open(Steps.of(execution), text(execution, REQUESTED_AGENCY),
					text(execution, KIND), text(execution, CASE_ID), text(execution, MATTER), text(execution, REASON));
			execution.setVariables(o.replyDue().variables());
			Steps.numbered(execution, NO, o.no(), o.agency(), o.agencyName());
			execution.setVariable(REQUESTED_AGENCY_NAME, o.requestedAgencyName());
			execution.setVariable(KIND_LABEL, o.kindLabel());
			execution.setVariable(REQUESTED_BY, o.requestedBy());
			execution.setVariable(REQUESTED_ON, o.requestedOn());
			execution.setVariable(CASE_NO, o.caseNo());
		}
	}

	@Component("deliverAssistanceRequest")
	static class Deliver implements JavaDelegate {

		private final AssistanceRequestService service;

		Deliver(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.deliver(Steps.of(execution), text(execution, NO),
					new AssistanceRequestService.Shown(string(execution, REQUESTED_AGENCY_NAME), string(execution, "agencyName"),
							string(execution, KIND_LABEL), string(execution, CASE_NO), string(execution, REQUESTED_ON)));
		}
	}

	@Component("recordAssistanceAnswer")
	static class RecordAnswer implements JavaDelegate {

		private final AssistanceRequestService service;

		RecordAnswer(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			AssistanceRequestService.Answer a = service.recordAnswer(Steps.of(execution), text(execution, NO),
					String.valueOf(execution.getVariable(REQUESTED_AGENCY_NAME)));
			execution.setVariable(ANSWER, a.accepted() ? "ACCEPT" : "REFUSE");
			execution.setVariable(ANSWERED_BY, a.answeredBy());
			if (!a.accepted()) {
				execution.setVariable(REFUSAL, a.refusal());
			}
		}
	}

	@Component("recordAssistanceOutcome")
	static class RecordOutcome implements JavaDelegate {

		private final AssistanceRequestService service;

		RecordOutcome(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			execution.setVariable(RESULT, service.recordOutcome(Steps.of(execution), text(execution, NO),
					String.valueOf(execution.getVariable(REQUESTED_AGENCY_NAME))));
		}
	}

	@Component("registerAssistanceReply")
	static class RegisterReply implements JavaDelegate {

		private final AssistanceRequestService service;

		RegisterReply(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.registerReply(Steps.of(execution), String.valueOf(execution.getVariable(NO)),
					String.valueOf(execution.getVariable(REQUEST_PID)));
		}
	}

	@Component("answerAssistanceRequest")
	static class Answer implements JavaDelegate {

		private final AssistanceRequestService service;

		Answer(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			AssistanceRequestService.Answered a = service.answer(Steps.of(execution), text(execution, NO),
					text(execution, ANSWER), text(execution, REFUSAL));
			execution.setVariable(ANSWERED_BY, a.answeredBy());
			if (a.completionDue() != null) {
				execution.setVariables(a.completionDue().variables());
			}
		}
	}

	@Component("reportAssistanceOutcome")
	static class Report implements JavaDelegate {

		private final AssistanceRequestService service;

		Report(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.report(Steps.of(execution), text(execution, NO), text(execution, OUTCOME));
		}
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

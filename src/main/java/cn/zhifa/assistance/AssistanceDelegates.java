package cn.zhifa.assistance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code assistance-request} and {@code assistance-reply}: each calls one step of the service. */
final class AssistanceDelegates {

	private AssistanceDelegates() {
	}

	@Component("openAssistanceRequest")
	static class Open implements JavaDelegate {

		private final AssistanceRequestService service;

		Open(AssistanceRequestService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
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
			service.deliver(execution);
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
			service.recordAnswer(execution);
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
			service.recordOutcome(execution);
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
			service.registerReply(execution);
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
			service.answer(execution);
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
			service.report(execution);
		}
	}

	/** Task listener {@code ${assistanceTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("assistanceTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(AssistanceRequestService service) {
			super("assistanceTaskChecks");
			onComplete("assistance-reply-answer", service::checkAnswer);
			onComplete("assistance-reply-report", service::checkReport);
		}
	}
}

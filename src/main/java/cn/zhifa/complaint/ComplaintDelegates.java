package cn.zhifa.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code complaint-handling}: each calls one step of {@link ComplaintService}. */
final class ComplaintDelegates {

	private ComplaintDelegates() {
	}

	@Component("registerComplaint")
	static class Register implements JavaDelegate {

		private final ComplaintService service;

		Register(ComplaintService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.register(execution);
		}
	}

	@Component("recordComplaintRouting")
	static class RecordRouting implements JavaDelegate {

		private final ComplaintService service;

		RecordRouting(ComplaintService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordRouting(execution);
		}
	}

	@Component("transferComplaint")
	static class Transfer implements JavaDelegate {

		private final ComplaintService service;

		Transfer(ComplaintService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.transfer(execution);
		}
	}

	@Component("acceptComplaint")
	static class Accept implements JavaDelegate {

		private final ComplaintService service;

		Accept(ComplaintService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.accept(execution);
		}
	}

	@Component("openComplaintCase")
	static class OpenCase implements JavaDelegate {

		private final ComplaintService service;

		OpenCase(ComplaintService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.openCase(execution);
		}
	}

	@Component("replyComplaint")
	static class Reply implements JavaDelegate {

		private final ComplaintService service;

		Reply(ComplaintService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.reply(execution);
		}
	}

	/** Task listener {@code ${complaintTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("complaintTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(ComplaintService service) {
			super("complaintTaskChecks");
			onComplete("complaint-handling-accept", service::checkAcceptance);
			onComplete("complaint-handling-handle", service::checkHandling);
		}
	}
}

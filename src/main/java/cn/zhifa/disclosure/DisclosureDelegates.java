package cn.zhifa.disclosure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates and the task listener of {@code disclosure-publication}: each calls one method of {@link DisclosureService}. */
final class DisclosureDelegates {

	private DisclosureDelegates() {
	}

	/** {@code ${registerDisclosure}}: check the start (or corrected) variables and redact (R-DISC-4). */
	@Component("registerDisclosure")
	static class Register implements JavaDelegate {

		private final DisclosureService service;

		Register(DisclosureService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.register(execution);
		}
	}

	/** {@code ${publishDisclosure}}: put the reviewed item on the portal (R-DISC-3). */
	@Component("publishDisclosure")
	static class Publish implements JavaDelegate {

		private final DisclosureService service;

		Publish(DisclosureService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.publish(execution);
		}
	}

	/** {@code ${withdrawDisclosure}}: take a revoked decision down with its reason (R-DISC-5). */
	@Component("withdrawDisclosure")
	static class Withdraw implements JavaDelegate {

		private final DisclosureService service;

		Withdraw(DisclosureService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.withdraw(execution);
		}
	}

	/** {@code ${archiveDisclosure}}: the public period is over; the item leaves the list. */
	@Component("archiveDisclosure")
	static class Archive implements JavaDelegate {

		private final DisclosureService service;

		Archive(DisclosureService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.archive(execution);
		}
	}

	/** {@code ${disclosureTaskChecks}} on completion of the prepare and review tasks. */
	@Component("disclosureTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(DisclosureService service) {
			super("disclosureTaskChecks");
			onComplete("disclosure-prepare", service::completePreparation);
			onComplete("disclosure-review", service::completeReview);
		}
	}
}

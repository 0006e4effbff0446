package cn.zhifa.guidingcase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code guiding-case}: each calls one step of {@link GuidingCaseService}. */
final class GuidingCaseDelegates {

	private GuidingCaseDelegates() {
	}

	@Component("proposeGuidingCase")
	static class Propose implements JavaDelegate {

		private final GuidingCaseService service;

		Propose(GuidingCaseService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.propose(execution);
		}
	}

	@Component("returnGuidingCase")
	static class Return implements JavaDelegate {

		private final GuidingCaseService service;

		Return(GuidingCaseService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.returnForRevision(execution);
		}
	}

	@Component("resubmitGuidingCase")
	static class Resubmit implements JavaDelegate {

		private final GuidingCaseService service;

		Resubmit(GuidingCaseService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.resubmit(execution);
		}
	}

	@Component("concludeGuidingCase")
	static class Conclude implements JavaDelegate {

		private final GuidingCaseService service;

		Conclude(GuidingCaseService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.conclude(execution);
		}
	}

	/** Task listener {@code ${guidingCaseTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("guidingCaseTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(GuidingCaseService service) {
			super("guidingCaseTaskChecks");
			onComplete("guiding-case-review", service::checkReview);
			onComplete("guiding-case-revise", service::checkRevision);
		}
	}
}

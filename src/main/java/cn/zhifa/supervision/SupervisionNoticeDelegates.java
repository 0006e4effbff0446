package cn.zhifa.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code supervision-notice}: each calls one step of {@link SupervisionNoticeService}. */
final class SupervisionNoticeDelegates {

	private SupervisionNoticeDelegates() {
	}

	@Component("issueSupervisionNotice")
	static class Issue implements JavaDelegate {

		private final SupervisionNoticeService service;

		Issue(SupervisionNoticeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.issue(execution);
		}
	}

	@Component("recordRectificationReport")
	static class RecordReport implements JavaDelegate {

		private final SupervisionNoticeService service;

		RecordReport(SupervisionNoticeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordReport(execution);
		}
	}

	@Component("returnSupervisionNotice")
	static class SendBack implements JavaDelegate {

		private final SupervisionNoticeService service;

		SendBack(SupervisionNoticeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.sendBack(execution);
		}
	}

	@Component("concludeSupervisionNotice")
	static class Conclude implements JavaDelegate {

		private final SupervisionNoticeService service;

		Conclude(SupervisionNoticeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.conclude(execution);
		}
	}

	/** Task listener {@code ${supervisionNoticeTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("supervisionNoticeTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(SupervisionNoticeService service) {
			super("supervisionNoticeTaskChecks");
			onComplete("supervision-notice-rectify", service::checkReport);
			onComplete("supervision-notice-check", service::checkConclusion);
		}
	}
}

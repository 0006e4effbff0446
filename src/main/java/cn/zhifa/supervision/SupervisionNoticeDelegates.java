package cn.zhifa.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhifa.models.ModelMarkers;

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
	static class TaskChecks implements TaskListener {

		private final SupervisionNoticeService service;

		TaskChecks(SupervisionNoticeService service) {
			this.service = service;
		}

		@Override
		public void notify(DelegateTask task) {
			if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
				return;
			}
			switch (ModelMarkers.formOf(task)) {
				case "supervision-notice-rectify" -> service.checkReport(task);
				case "supervision-notice-check" -> service.checkConclusion(task);
				default -> throw new IllegalStateException("supervisionNoticeTaskChecks has no check for form "
						+ ModelMarkers.formOf(task) + " of task " + task.getTaskDefinitionKey());
			}
		}
	}
}

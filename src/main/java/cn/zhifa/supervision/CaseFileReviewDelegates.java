package cn.zhifa.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code case-file-review}: each calls one step of {@link CaseFileReviewService}. */
final class CaseFileReviewDelegates {

	private CaseFileReviewDelegates() {
	}

	@Component("drawCaseFiles")
	static class Draw implements JavaDelegate {

		private final CaseFileReviewService service;

		Draw(CaseFileReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.draw(execution);
		}
	}

	@Component("summariseCaseFileReview")
	static class Summarise implements JavaDelegate {

		private final CaseFileReviewService service;

		Summarise(CaseFileReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.summarise(execution);
		}
	}

	@Component("concludeCaseFileReview")
	static class Conclude implements JavaDelegate {

		private final CaseFileReviewService service;

		Conclude(CaseFileReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.conclude(execution);
		}
	}

	@Component("issueReviewNotice")
	static class IssueNotice implements JavaDelegate {

		private final CaseFileReviewService service;

		IssueNotice(CaseFileReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.issueNotice(execution);
		}
	}

	@Component("recordReviewAcknowledgement")
	static class Acknowledge implements JavaDelegate {

		private final CaseFileReviewService service;

		Acknowledge(CaseFileReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.acknowledge(execution);
		}
	}

	/**
	 * Task listener {@code ${caseFileReviewTaskChecks}}: on {@code create} of 评查案卷 the drawn case is put in front of
	 * the reviewer (its file, record and interference reports), on {@code create} of 签收评查结果 the report is kept with
	 * the review; on {@code complete} the check of each form, by form (fail closed).
	 */
	@Component("caseFileReviewTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(CaseFileReviewService service) {
			super("caseFileReviewTaskChecks");
			onCreate("case-file-review-score", service::prepareCase);
			onComplete("case-file-review-score", service::score);
			onComplete("case-file-review-conclude", service::checkConclusion);
			onCreate("case-file-review-acknowledge", task -> service.reported(task.getExecution()));
			onComplete("case-file-review-acknowledge", service::checkAcknowledgement);
		}
	}
}

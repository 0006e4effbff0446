package cn.zhifa.officers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code officer-annual-review-schedule} and {@code officer-annual-review}: each calls one step of {@link OfficerAnnualReviewService}. */
final class OfficerAnnualReviewDelegates {

	private OfficerAnnualReviewDelegates() {
	}

	/** The yearly timer's one step: this year's review for every certified person of every agency. */
	@Component("startOfficerAnnualReviews")
	static class StartAll implements JavaDelegate {

		private final OfficerAnnualReviewService service;
		private final OfficerRecords records;

		StartAll(OfficerAnnualReviewService service, OfficerRecords records) {
			this.service = service;
			this.records = records;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = records.today().getYear();
			execution.setVariable("annualReviewYear", year);
			execution.setVariable("startedReviews", String.join(",", service.startAll(year)));
		}
	}

	@Component("openOfficerAnnualReview")
	static class Open implements JavaDelegate {

		private final OfficerAnnualReviewService service;

		Open(OfficerAnnualReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("passOfficerAnnualReview")
	static class Pass implements JavaDelegate {

		private final OfficerAnnualReviewService service;

		Pass(OfficerAnnualReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.pass(execution);
		}
	}

	@Component("suspendOfficer")
	static class Suspend implements JavaDelegate {

		private final OfficerAnnualReviewService service;

		Suspend(OfficerAnnualReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.fail(execution);
		}
	}

	/** Task listener {@code ${officerAnnualReviewTaskChecks}}: on create the records assessed, on completion the form's check (fail closed). */
	@Component("officerAnnualReviewTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(OfficerAnnualReviewService service) {
			super("officerAnnualReviewTaskChecks");
			onCreate(OfficerAnnualReviewService.FORM_DECIDE, service::assess);
			onComplete(OfficerAnnualReviewService.FORM_DECIDE, service::checkDecision);
		}
	}
}

package cn.zhifa.statistics;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code annual-statistics-schedule} and {@code annual-statistics}: each calls one step of {@link AnnualStatisticsService}. */
final class AnnualStatisticsDelegates {

	private AnnualStatisticsDelegates() {
	}

	/** The January timer's one step: last year's report for every agency (ADR-0031). */
	@Component("startAnnualStatistics")
	static class StartAll implements JavaDelegate {

		private final AnnualStatisticsService service;

		StartAll(AnnualStatisticsService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			int year = AnnualStatisticsService.reportedYear(service.now());
			execution.setVariable("statisticsYear", year);
			execution.setVariable("startedAgencies", String.join(",", service.startAll(year)));
		}
	}

	@Component("openAnnualStatistics")
	static class Open implements JavaDelegate {

		private final AnnualStatisticsService service;

		Open(AnnualStatisticsService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("computeAnnualStatistics")
	static class Compute implements JavaDelegate {

		private final AnnualStatisticsService service;

		Compute(AnnualStatisticsService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.compute(execution);
		}
	}

	@Component("submitAnnualStatistics")
	static class Submit implements JavaDelegate {

		private final AnnualStatisticsService service;

		Submit(AnnualStatisticsService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.submit(execution);
		}
	}

	@Component("publishAnnualStatistics")
	static class Publish implements JavaDelegate {

		private final AnnualStatisticsService service;

		Publish(AnnualStatisticsService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.publish(execution);
		}
	}

	/** Task listener {@code ${annualStatisticsTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("annualStatisticsTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(AnnualStatisticsService service) {
			super("annualStatisticsTaskChecks");
			onComplete("annual-statistics-sign-off", service::checkSignOff);
			onComplete("annual-statistics-publish", service::confirmPublication);
		}
	}
}

package cn.zhifa.officers;

import static cn.zhifa.officers.OfficerAnnualReviewService.CRITERIA_MET;
import static cn.zhifa.officers.OfficerAnnualReviewService.DECIDED_BY;
import static cn.zhifa.officers.OfficerAnnualReviewService.OFFICER;
import static cn.zhifa.officers.OfficerAnnualReviewService.OPINION;
import static cn.zhifa.officers.OfficerAnnualReviewService.OUTCOME;
import static cn.zhifa.officers.OfficerAnnualReviewService.SUMMARY;
import static cn.zhifa.officers.OfficerAnnualReviewService.YEAR;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code officer-annual-review-schedule} and {@code officer-annual-review}: each maps the variables of
 * one step of {@link OfficerAnnualReviewService} in and its results out (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class OfficerAnnualReviewDelegates {

	/** The yearly timer's one step: this year's review for every certified person of every agency. */
	@Bean
	JavaDelegate startOfficerAnnualReviews(OfficerAnnualReviewService service, OfficerRecords records) {
		return execution -> {
			int year = records.today().getYear();
			execution.setVariable("annualReviewYear", year);
			execution.setVariable("startedReviews", String.join(",", service.startAll(year)));
		};
	}

	@Bean
	JavaDelegate openOfficerAnnualReview(OfficerAnnualReviewService service) {
		return execution -> {
			OfficerAnnualReviewService.Opened o = service.open(Steps.of(execution), Steps.text(execution, OFFICER),
					execution.getVariable(YEAR));
			execution.setVariable(YEAR, o.year());
			execution.setVariable(CaseVariables.AGENCY_CODE, o.agency());
			execution.setVariable("agencyName", o.agencyName());
			execution.setVariable("reviewedOfficerName", o.officerName());
			execution.setVariable("reviewedCertificates", o.certificates());
			if (execution.getProcessBusinessKey() == null) {
				execution.setProcessBusinessKey(o.businessKey());
			}
			execution.setVariables(o.due().variables());
			show(execution, o.assessment());
		};
	}

	@Bean
	JavaDelegate passOfficerAnnualReview(OfficerAnnualReviewService service) {
		return execution -> {
			service.pass(Steps.of(execution), Steps.text(execution, OFFICER), year(execution), Steps.text(execution, OPINION),
					Steps.text(execution, DECIDED_BY));
		};
	}

	@Bean
	JavaDelegate suspendOfficer(OfficerAnnualReviewService service) {
		return execution -> {
			execution.setVariable("suspendedSince", service.fail(Steps.of(execution), Steps.text(execution, OFFICER),
					year(execution), Steps.text(execution, OPINION), Steps.text(execution, DECIDED_BY)).toString());
		};
	}

	/** Task listener {@code ${officerAnnualReviewTaskChecks}}: on create the records assessed, on completion the form's check (fail closed). */
	@Component("officerAnnualReviewTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(OfficerAnnualReviewService service) {
			super("officerAnnualReviewTaskChecks");
			onCreate(OfficerAnnualReviewService.FORM_DECIDE,
					task -> show(task, service.assess(Steps.text(task, OFFICER), year(task))));
			onComplete(OfficerAnnualReviewService.FORM_DECIDE, task -> {
				OfficerAnnualReviewService.Decided d = service.checkDecision(Steps.of(task), Steps.text(task, OFFICER), year(task),
						Steps.text(task, OUTCOME), Steps.text(task, OPINION));
				show(task, d.assessment());
				task.setVariable(DECIDED_BY, d.decidedBy());
			});
		}
	}

	static int year(VariableScope scope) {
		return ((Number) scope.getVariable(YEAR)).intValue();
	}

	/** The records assessed, as the decision form shows them. */
	static void show(VariableScope scope, OfficerRecords.Assessment a) {
		scope.setVariable(SUMMARY, a.summary());
		scope.setVariable(CRITERIA_MET, a.met());
	}
}

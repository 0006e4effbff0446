package cn.zhifa.statistics;

import static cn.zhifa.statistics.AnnualStatisticsService.JUSTICE_SIGNED_BY;
import static cn.zhifa.statistics.AnnualStatisticsService.OFFICE_SIGNED_BY;
import static cn.zhifa.statistics.AnnualStatisticsService.OPINION;
import static cn.zhifa.statistics.AnnualStatisticsService.OUTCOME;
import static cn.zhifa.statistics.AnnualStatisticsService.PERIOD;
import static cn.zhifa.statistics.AnnualStatisticsService.PUBLISHED_BY;
import static cn.zhifa.statistics.AnnualStatisticsService.PUBLISH_CONFIRMED;
import static cn.zhifa.statistics.AnnualStatisticsService.PUBLISH_DUE;
import static cn.zhifa.statistics.AnnualStatisticsService.SUBMIT_DUE;
import static cn.zhifa.statistics.AnnualStatisticsService.SUMMARY;
import static cn.zhifa.statistics.AnnualStatisticsService.WORKBOOK;
import static cn.zhifa.statistics.AnnualStatisticsService.YEAR;
import static cn.zhifa.statistics.AnnualStatisticsService.YEAR_END;

import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code annual-statistics-schedule} and {@code annual-statistics}: each maps the variables of one
 * step of {@link AnnualStatisticsService} in and its results out (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class AnnualStatisticsDelegates {

	/** The January timer's one step: last year's report for every agency (ADR-0031). */
	@Bean
	JavaDelegate startAnnualStatistics(AnnualStatisticsService service) {
		return execution -> {
			int year = AnnualStatisticsService.reportedYear(service.now());
			execution.setVariable("statisticsYear", year);
			execution.setVariable("startedAgencies", String.join(",", service.startAll(year)));
		};
	}

	@Bean
	JavaDelegate openAnnualStatistics(AnnualStatisticsService service) {
		return execution -> {
			AnnualStatisticsService.Opened o = service.open(Steps.of(execution), execution.getVariable(YEAR));
			execution.setVariable("agencyName", o.agencyName());
			execution.setVariable(YEAR_END, o.yearEnd());
			execution.setVariable(PERIOD, o.period());
			execution.setVariable(WORKBOOK, o.workbook());
			execution.setVariables(o.submitDue().variables());
			execution.setVariables(o.publishDue().variables());
		};
	}

	@Bean
	JavaDelegate computeAnnualStatistics(AnnualStatisticsService service) {
		return execution -> {
			execution.setVariable(SUMMARY, service.compute(Steps.of(execution), year(execution),
					(Date) execution.getVariable(SUBMIT_DUE), (Date) execution.getVariable(PUBLISH_DUE),
					execution.getVariable(OUTCOME) instanceof String s ? s : null, Steps.text(execution, OPINION)));
			execution.removeVariable(OUTCOME);
			execution.removeVariable(OPINION);
		};
	}

	@Bean
	JavaDelegate submitAnnualStatistics(AnnualStatisticsService service) {
		return execution -> {
			service.submit(Steps.of(execution), year(execution), ((Date) execution.getVariable(SUBMIT_DUE)).toInstant());
		};
	}

	@Bean
	JavaDelegate publishAnnualStatistics(AnnualStatisticsService service) {
		return execution -> {
			service.publish(Steps.of(execution), year(execution), ((Date) execution.getVariable(PUBLISH_DUE)).toInstant(),
					Steps.text(execution, PUBLISHED_BY));
		};
	}

	/** Task listener {@code ${annualStatisticsTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("annualStatisticsTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(AnnualStatisticsService service) {
			super("annualStatisticsTaskChecks");
			onComplete("annual-statistics-sign-off", task -> {
				AnnualStatisticsService.Signed signed = service.checkSignOff(Steps.of(task), candidateGroups(task),
						Steps.text(task, OUTCOME), Steps.text(task, OPINION),
						task.getVariable(OFFICE_SIGNED_BY) instanceof String s ? s : null, year(task));
				if (signed != null) {
					task.setVariable(signed.justice() ? JUSTICE_SIGNED_BY : OFFICE_SIGNED_BY, signed.user());
				}
			});
			onComplete("annual-statistics-publish", task -> task.setVariable(PUBLISHED_BY,
					service.confirmPublication(Steps.of(task), Boolean.TRUE.equals(task.getVariable(PUBLISH_CONFIRMED)))));
		}
	}

	/** The groups a task is offered to. */
	static Set<String> candidateGroups(DelegateTask task) {
		Set<String> groups = new HashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

	static int year(VariableScope scope) {
		return ((Number) scope.getVariable(YEAR)).intValue();
	}
}

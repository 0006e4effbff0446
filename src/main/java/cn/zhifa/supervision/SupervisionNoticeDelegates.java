package cn.zhifa.supervision;

import static cn.zhifa.platform.Steps.text;
import static cn.zhifa.supervision.SupervisionNoticeService.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code supervision-notice}: each maps the process's variables to one step of
 * {@link SupervisionNoticeService} and its result back (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class SupervisionNoticeDelegates {

	@Bean
	JavaDelegate issueSupervisionNotice(SupervisionNoticeService service) {
		return execution -> {
			SupervisionNoticeService.Issued i = service.issue(Steps.of(execution), text(execution, AGENCY),
					text(execution, SOURCE), text(execution, SOURCE_REF), text(execution, PROBLEM), text(execution, REQUIREMENT),
					execution.getVariable(PERIOD));
			execution.setVariables(i.rectificationDue().variables());
			Steps.numbered(execution, NO, i.no(), i.agency(), i.agencyName());
			execution.setVariable(AGENCY_NAME, i.agencyName());
			execution.setVariable("supervisingBody", i.bureau());
			if (i.sourceRef() == null) {
				execution.setVariable(SOURCE_REF, "无");
			}
			execution.setVariable(SOURCE_LABEL, i.sourceLabel());
			execution.setVariable(PERIOD, i.period());
			execution.setVariable(ISSUED_BY, i.issuedBy());
			execution.setVariable(ISSUED_ON, i.issuedOn());
		};
	}

	@Bean
	JavaDelegate recordRectificationReport(SupervisionNoticeService service) {
		return execution -> {
			execution.setVariables(service.recordReport(Steps.of(execution), text(execution, NO), text(execution, REPORT)).variables());
		};
	}

	@Bean
	JavaDelegate returnSupervisionNotice(SupervisionNoticeService service) {
		return execution -> {
			execution.setVariables(service.sendBack(Steps.of(execution), text(execution, NO), text(execution, OPINION)).variables());
			execution.removeVariable(REPORT);
		};
	}

	@Bean
	JavaDelegate concludeSupervisionNotice(SupervisionNoticeService service) {
		return execution -> {
			service.conclude(Steps.of(execution), text(execution, NO), text(execution, OUTCOME), text(execution, OPINION));
		};
	}

	/** Task listener {@code ${supervisionNoticeTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("supervisionNoticeTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(SupervisionNoticeService service) {
			super("supervisionNoticeTaskChecks");
			onComplete("supervision-notice-rectify", task -> service.checkReport(text(task, REPORT)));
			onComplete("supervision-notice-check", task -> service.checkConclusion(text(task, OUTCOME), text(task, OPINION)));
		}
	}
}

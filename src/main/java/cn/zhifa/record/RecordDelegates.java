package cn.zhifa.record;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;

/** Thin delegates of the record's processes: each maps the start form's variables to one service call (ADR-0038). */
@Configuration(proxyBeanMethods = false)
class RecordDelegates {

	/**
	 * {@code ${recordInterference}} ({@code interference-report}, R-COORD-6): the report of the start form, in the
	 * record of the case it names — a case of the user's own agency (the start refuses another agency's).
	 */
	@Bean
	JavaDelegate recordInterference(InterferenceReports reports, RecordService records) {
		return execution -> {
			String caseNo = FormFields.required(execution, CaseVariables.CASE_ID, "案号");
			String agency = execution.getTenantId();
			// a case the agency has: recorded before, by another process than this report (whose start is recorded too)
			boolean known = agency != null && records.list(caseNo).stream().anyMatch(e -> agency.equals(e.agencyCode())
					&& !execution.getProcessInstanceId().equals(e.processInstanceId()));
			if (!known) {
				throw FormFields.invalid(CaseVariables.CASE_ID, "本机构没有案号为“" + caseNo + "”的案件");
			}
			reports.report(caseNo, agency, Steps.of(execution).actor(), new InterferenceReports.Report(
					FormFields.text(execution, "intervener"), FormFields.text(execution, "intervenerUnit"),
					InterferenceReports.moment(execution.getVariable("occurredOn"), execution.getVariable("occurredTime")),
					FormFields.text(execution, "description")));
		};
	}
}

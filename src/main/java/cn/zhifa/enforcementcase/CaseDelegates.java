package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.CaseVariables.FILING_DECISION;
import static cn.zhifa.platform.CaseVariables.HANDLER_ID;
import static cn.zhifa.platform.CaseVariables.PARTY_ADDRESS;
import static cn.zhifa.platform.CaseVariables.REGISTERED_BY;
import static cn.zhifa.platform.CaseVariables.TRANSFER_PROCESS_INSTANCE_ID;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.calendar.DeadlineBasis;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;
import cn.zhifa.qualification.QualificationService;

/**
 * Thin delegates of {@code enforcement-case}: each maps the process's variables to one method of {@link EnforcementCaseService}
 * and the variables it returns back (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class CaseDelegates {

	@Bean
	JavaDelegate registerCase(EnforcementCaseService cases) {
		return execution -> {
			String caseNo = cases.registerFromProcess(Steps.of(execution), (String) execution.getVariable(CASE_ID),
					() -> fromVariables(execution), (String) execution.getVariable(REGISTERED_BY));
			if (caseNo == null) {
				return;
			}
			execution.setVariable(CASE_ID, caseNo);
			if (execution.getVariable(HANDLER_ID) == null) {
				execution.setVariable(HANDLER_ID, execution.getVariable(REGISTERED_BY));
			}
			execution.setProcessBusinessKey(caseNo);
		};
	}

	/** Input parameter {@code stage}: the case's new stage (FILED, DECIDED, SERVED, CLOSED, …). */
	@Bean
	JavaDelegate caseStage(EnforcementCaseService cases) {
		return execution -> {
			String stage = Steps.input(execution, "stage");
			execution.setVariables(cases.moveTo(Steps.of(execution), (String) execution.getVariable(CASE_ID), stage,
					new EnforcementCaseService.StageFacts((String) execution.getVariable(HANDLER_ID), execution.getVariable("decisionContent"),
							Boolean.TRUE.equals(execution.getVariable("summaryProcedure")), execution.getVariable("legalBasis"),
							execution.getVariable("discretionBasis"))));
		};
	}

	@Bean
	JavaDelegate recordInvestigators(EnforcementCaseService cases) {
		return execution -> {
			Object evidence = execution.getVariable(EvidenceLines.FIELD);
			execution.setVariables(cases.recordInvestigation(Steps.of(execution), (String) execution.getVariable(CASE_ID),
					QualificationService.userIds(execution.getVariable("investigatingOfficers")),
					evidence == null ? null : evidence.toString(), (String) execution.getVariable(HANDLER_ID)));
		};
	}

	@Bean
	JavaDelegate answerTransfer(EnforcementCaseService cases) {
		return execution -> {
			Object transfer = execution.getVariable(TRANSFER_PROCESS_INSTANCE_ID);
			cases.answerTransfer((String) execution.getVariable(CASE_ID), transfer == null ? null : transfer.toString(),
					"FILE".equals(execution.getVariable(FILING_DECISION)), execution.getVariable("notFilingReasons"));
		};
	}

	@Bean
	JavaDelegate evaluateMajor(EnforcementCaseService cases) {
		return execution -> {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> catalogue = (List<Map<String, Object>>) execution.getVariable("majorCatalogue");
			execution.setVariables(cases.evaluateMajor(Steps.of(execution), (String) execution.getVariable(CASE_ID), catalogue,
					Boolean.TRUE.equals(execution.getVariable("flaggedMajor")), execution.getVariable("flaggedMajorReason")));
		};
	}

	@Bean
	JavaDelegate startSeizure(EnforcementCaseService cases) {
		return execution -> {
			Object items = execution.getVariable(SeizedItems.FIELD);
			execution.setVariables(cases.startSeizure(items == null ? null : items.toString()));
		};
	}

	@Bean
	JavaDelegate liftSeizure(EnforcementCaseService cases) {
		return execution -> {
			execution.setVariables(cases.liftSeizure(execution.getVariable("seizureApprovalOpinion")));
		};
	}

	/** 逾期未缴纳: the facts of the demand notice (行政强制法 art. 35) and the periods of arts. 53, 54. */
	@Bean
	JavaDelegate prepareDemand(EnforcementCaseService cases) {
		return execution -> {
			execution.setVariables(cases.prepareDemand(execution.getVariable("servedOn"),
					execution.getVariable("paymentMethod") != null));
		};
	}

	/** From Tasklist (process case-appraisal): the case's handling hears of the appraisal; its period stops. */
	@Bean
	JavaDelegate requestAppraisal(EnforcementCaseService cases) {
		return execution -> {
			try {
				cases.requestAppraisal((String) execution.getVariable("caseId"), (String) execution.getVariable("appraisalKind"),
						(String) execution.getVariable("appraisalMatter"), (String) execution.getVariable("appraisalInstitution"),
						day(execution.getVariable(EnforcementCaseService.APPRAISAL_PERIOD_ENDS_ON), EnforcementCaseService.APPRAISAL_PERIOD_ENDS_ON,
								"检测、检验、检疫、鉴定期间届满日期"),
						(String) execution.getVariable("appraisalRequestedBy"), execution.getTenantId());
			}
			catch (cn.zhifa.platform.problem.Problem refused) {
				// a start form's refusal: the form shows it on its field (400), nothing is started
				throw FormFields.invalid(refused.field(), refused.detail());
			}
		};
	}

	@Bean
	JavaDelegate extendSeizure(EnforcementCaseService cases) {
		return execution -> {
			Object extensions = execution.getVariable("seizureExtensions");
			cases.extendSeizure(Steps.of(execution), new EnforcementCaseService.SeizureFacts(execution.getVariable("seizureDueAt"),
					execution.getVariable(DeadlineBasis.variableOf("seizureDueAt")),
					extensions instanceof Number n ? n.intValue() : 0, execution.getVariable("seizedAt"),
					execution.getVariable("seizureMeasure"), execution.getVariable("partyName"),
					execution.getVariable("seizureDecisionNumber"), execution.getVariable("seizedItemsSummary"),
					execution.getVariable("seizureExtensionReason")), execution::setVariables);
		};
	}

	@Bean
	JavaDelegate extendDecisionPeriod(EnforcementCaseService cases) {
		return execution -> {
			Object granted = execution.getVariable("decisionExtensions");
			cases.extendDecisionPeriod(Steps.of(execution), execution.getVariable("decisionDueAt"),
					execution.getVariable(DeadlineBasis.variableOf("decisionDueAt")), granted instanceof Number n ? n.intValue() : 0,
					execution::setVariables);
		};
	}

	/** The case a start form describes (Tasklist's start of {@code enforcement-case}). */
	private static NewCase fromVariables(DelegateExecution e) {
		LocalDate discovered;
		try {
			Object d = e.getVariable("discoveredOn");
			discovered = d instanceof Date date ? LocalDate.ofInstant(date.toInstant(), EnforcementCaseService.CHINA)
					: d == null ? null : LocalDate.parse(d.toString().substring(0, Math.min(10, d.toString().length())));
		}
		catch (DateTimeParseException ex) {
			throw FormFields.invalid("discoveredOn", "发现日期格式应为 yyyy-MM-dd");
		}
		LocalDate violated;
		try {
			Object d = e.getVariable("violationDate");
			violated = d instanceof Date date ? LocalDate.ofInstant(date.toInstant(), EnforcementCaseService.CHINA)
					: d == null ? null : LocalDate.parse(d.toString().substring(0, Math.min(10, d.toString().length())));
		}
		catch (DateTimeParseException ex) {
			throw FormFields.invalid("violationDate", "违法行为发生日期格式应为 yyyy-MM-dd");
		}
		Object fine = e.getVariable("proposedFine");
		if (fine != null && !(fine instanceof Number)) {
			throw FormFields.invalid("proposedFine", "罚款数额应为数字");
		}
		return new NewCase(string(e, AGENCY_CODE), string(e, "caseSource"),
				Boolean.TRUE.equals(e.getVariable("summaryProcedure")), string(e, "partyType"), string(e, "partyName"),
				string(e, "partyIdNumber"), string(e, "partyContact"), Boolean.TRUE.equals(e.getVariable("partyIsOfficial")),
				string(e, "violationCode"), string(e, "facts"), discovered,
				fine instanceof Number n ? n.doubleValue() : null, null, null, violated,
				Boolean.TRUE.equals(e.getVariable("limitationHarm")), string(e, PARTY_ADDRESS));
	}

	/** A day a form sent (a date, or a text yyyy-MM-dd…); a text that is no date is refused naming the field. */
	static LocalDate day(Object value, String field, String label) {
		if (value == null || value instanceof String text && text.isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), EnforcementCaseService.CHINA);
		}
		String text = value.toString();
		try {
			return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
		}
		catch (DateTimeParseException ex) {
			throw FormFields.invalid(field, label + "格式应为 yyyy-MM-dd");
		}
	}

	/** A start variable that must be a text (a number or object sent for it is refused, naming it). */
	private static String string(DelegateExecution e, String name) {
		Object value = e.getVariable(name);
		if (value != null && !(value instanceof String)) {
			throw FormFields.invalid(name, name + " 应为文字");
		}
		return (String) value;
	}

}

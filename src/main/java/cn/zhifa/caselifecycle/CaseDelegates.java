package cn.zhifa.caselifecycle;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Thin delegates of {@code enforcement-case}: each calls one method of {@link CaseService}. */
final class CaseDelegates {

	private CaseDelegates() {
	}

	@Component("registerCase")
	static class Register implements JavaDelegate {

		private final CaseService cases;

		Register(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.registerFromProcess(execution);
		}
	}

	/** Input parameter {@code stage}: the case's new stage (FILED, DECIDED, SERVED, CLOSED, …). */
	@Component("caseStage")
	static class Stage implements JavaDelegate {

		private final CaseService cases;

		Stage(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Object stage = execution.getVariableLocal("stage");
			if (stage == null) {
				throw new ProcessEngineException(execution.getCurrentActivityId() + " needs the input parameter stage");
			}
			cases.moveTo(execution, stage.toString());
		}
	}

	@Component("recordInvestigators")
	static class RecordInvestigators implements JavaDelegate {

		private final CaseService cases;

		RecordInvestigators(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.recordInvestigation(execution);
		}
	}

	@Component("answerTransfer")
	static class AnswerTransfer implements JavaDelegate {

		private final CaseService cases;

		AnswerTransfer(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.answerTransfer(execution);
		}
	}

	@Component("evaluateMajor")
	static class EvaluateMajor implements JavaDelegate {

		private final CaseService cases;

		EvaluateMajor(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.evaluateMajor(execution);
		}
	}

	@Component("startSeizure")
	static class StartSeizure implements JavaDelegate {

		private final CaseService cases;

		StartSeizure(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.startSeizure(execution);
		}
	}

	@Component("liftSeizure")
	static class LiftSeizure implements JavaDelegate {

		private final CaseService cases;

		LiftSeizure(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.liftSeizure(execution);
		}
	}

	/** 逾期未缴纳: the facts of the demand notice (行政强制法 art. 35) and the periods of arts. 53, 54. */
	@Component("prepareDemand")
	static class PrepareDemand implements JavaDelegate {

		private final CaseService cases;

		PrepareDemand(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.prepareDemand(execution);
		}
	}

	/** From Tasklist (process case-appraisal): the case's handling hears of the appraisal; its period stops. */
	@Component("requestAppraisal")
	static class RequestAppraisal implements JavaDelegate {

		private final CaseService cases;

		RequestAppraisal(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			try {
				cases.requestAppraisal((String) execution.getVariable("caseId"), (String) execution.getVariable("appraisalKind"),
						(String) execution.getVariable("appraisalMatter"), (String) execution.getVariable("appraisalInstitution"),
						CaseService.day(execution.getVariable(CaseService.APPRAISAL_PERIOD_ENDS_ON), CaseService.APPRAISAL_PERIOD_ENDS_ON,
								"检测、检验、检疫、鉴定期间届满日期"),
						(String) execution.getVariable("appraisalRequestedBy"), execution.getTenantId());
			}
			catch (cn.zhifa.platform.problem.Problem refused) {
				// a start form's refusal: the form shows it on its field (400), nothing is started
				throw CaseService.invalid(refused.field(), refused.detail());
			}
		}
	}

	@Component("extendSeizure")
	static class ExtendSeizure implements JavaDelegate {

		private final CaseService cases;

		ExtendSeizure(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.extendSeizure(execution);
		}
	}

	@Component("extendDecisionPeriod")
	static class ExtendDecisionPeriod implements JavaDelegate {

		private final CaseService cases;

		ExtendDecisionPeriod(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.extendDecisionPeriod(execution);
		}
	}
}

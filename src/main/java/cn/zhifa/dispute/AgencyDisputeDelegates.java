package cn.zhifa.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/**
 * Thin delegates of {@code agency-dispute} and {@code agency-dispute-reply}: each calls one step of
 * {@link AgencyDisputeService}; {@code replyStage} is the service task's input parameter (NEGOTIATION or OPINION).
 */
final class AgencyDisputeDelegates {

	private AgencyDisputeDelegates() {
	}

	static String stage(DelegateExecution execution) {
		Object stage = execution.getVariableLocal(AgencyDisputeService.STAGE);
		if (stage == null) {
			throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
					+ " needs the input parameter 'replyStage' (NEGOTIATION or OPINION)");
		}
		return stage.toString();
	}

	@Component("openAgencyDispute")
	static class Open implements JavaDelegate {

		private final AgencyDisputeService service;

		Open(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("askDisputeCounterpart")
	static class AskCounterpart implements JavaDelegate {

		private final AgencyDisputeService service;

		AskCounterpart(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.askCounterpart(execution, stage(execution));
		}
	}

	@Component("openDisputeReply")
	static class OpenReply implements JavaDelegate {

		private final AgencyDisputeService service;

		OpenReply(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.openReply(execution);
		}
	}

	@Component("sendDisputeReply")
	static class SendReply implements JavaDelegate {

		private final AgencyDisputeService service;

		SendReply(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.sendReply(execution);
		}
	}

	@Component("takeDisputeReply")
	static class TakeReply implements JavaDelegate {

		private final AgencyDisputeService service;

		TakeReply(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.takeReply(execution, stage(execution));
		}
	}

	@Component("applyDisputeCoordination")
	static class Apply implements JavaDelegate {

		private final AgencyDisputeService service;

		Apply(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.apply(execution);
		}
	}

	@Component("acceptDisputeCoordination")
	static class Accept implements JavaDelegate {

		private final AgencyDisputeService service;

		Accept(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.accept(execution);
		}
	}

	@Component("recordDisputeOpinion")
	static class RecordOpinion implements JavaDelegate {

		private final AgencyDisputeService service;

		RecordOpinion(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordOpinion(execution);
		}
	}

	@Component("weighDisputeAnswers")
	static class WeighAnswers implements JavaDelegate {

		private final AgencyDisputeService service;

		WeighAnswers(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.weighAnswers(execution);
		}
	}

	@Component("recordDisputeReport")
	static class RecordReport implements JavaDelegate {

		private final AgencyDisputeService service;

		RecordReport(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordReport(execution);
		}
	}

	@Component("concludeAgencyDispute")
	static class Conclude implements JavaDelegate {

		private final AgencyDisputeService service;

		Conclude(AgencyDisputeService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.conclude(execution);
		}
	}

	/** Task listener {@code ${agencyDisputeTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("agencyDisputeTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(AgencyDisputeService service) {
			super("agencyDisputeTaskChecks");
			onComplete("agency-dispute-reply-negotiate", service::checkNegotiationReply);
			onComplete("agency-dispute-reply-opinion", service::checkCounterpartAnswer);
			onComplete("agency-dispute-negotiate", service::checkNegotiation);
			onComplete("agency-dispute-accept", service::checkAcceptance);
			onComplete("agency-dispute-coordinate", service::checkCoordination);
			onComplete("agency-dispute-answer", service::checkApplicantAnswer);
			onComplete("agency-dispute-report", service::checkReport);
			onComplete("agency-dispute-ruling", service::checkRuling);
		}
	}
}

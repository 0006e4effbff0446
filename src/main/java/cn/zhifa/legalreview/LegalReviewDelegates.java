package cn.zhifa.legalreview;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Thin delegates of {@code legal-review} and {@code review-disagreement}: each calls one method of {@link LegalReviewService}. */
final class LegalReviewDelegates {

	private LegalReviewDelegates() {
	}

	@Component("openLegalReview")
	static class Open implements JavaDelegate {

		private final LegalReviewService service;

		Open(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("startReviewRound")
	static class StartRound implements JavaDelegate {

		private final LegalReviewService service;

		StartRound(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.startRound(execution);
		}
	}

	@Component("extendReview")
	static class Extend implements JavaDelegate {

		private final LegalReviewService service;

		Extend(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.extend(execution);
		}
	}

	@Component("recordReviewOpinion")
	static class RecordOpinion implements JavaDelegate {

		private final LegalReviewService service;

		RecordOpinion(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordOpinion(execution);
		}
	}

	/** Input parameter {@code result}: PASSED, NOT_PASSED or SUSPECTED_CRIME. */
	@Component("concludeLegalReview")
	static class Conclude implements JavaDelegate {

		private final LegalReviewService service;

		Conclude(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Object result = execution.getVariableLocal("result");
			if (result == null) {
				throw new ProcessEngineException(execution.getCurrentActivityId() + " needs the input parameter result");
			}
			service.conclude(execution, result.toString());
		}
	}

	@Component("openReviewDisagreement")
	static class OpenDisagreement implements JavaDelegate {

		private final LegalReviewService service;

		OpenDisagreement(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.openDisagreement(execution);
		}
	}

	@Component("negotiationStalled")
	static class NegotiationStalled implements JavaDelegate {

		private final LegalReviewService service;

		NegotiationStalled(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.negotiationStalled(execution);
		}
	}

	@Component("closeReviewDisagreement")
	static class CloseDisagreement implements JavaDelegate {

		private final LegalReviewService service;

		CloseDisagreement(LegalReviewService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.closeDisagreement(execution);
		}
	}
}

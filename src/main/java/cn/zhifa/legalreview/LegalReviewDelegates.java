package cn.zhifa.legalreview;

import static cn.zhifa.legalreview.ReviewVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code legal-review} and {@code review-disagreement}: each maps the variables it needs,
 * calls one method of {@link LegalReviewService} and maps its results back (ADR-0038). The mapping helpers
 * here serve {@link LegalReviewTaskChecks} too.
 */
@Configuration(proxyBeanMethods = false)
final class LegalReviewDelegates {

	/** A variable as text, as given ({@code null} if absent). */
	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	/** The number of the current round. */
	static int round(VariableScope scope) {
		return ((Number) scope.getVariable(ROUND)).intValue();
	}

	/** The R-REV-4 checklist: item → value, in the order of {@link ReviewVariables#CHECKLIST}. */
	static Map<String, Object> checklist(VariableScope scope) {
		Map<String, Object> checklist = new LinkedHashMap<>();
		CHECKLIST.forEach(item -> checklist.put(item, scope.getVariable(item)));
		return checklist;
	}

	/** The public lawyer's or legal adviser's part in the round (R-REV-8). */
	static LegalReviewService.Counsel counsel(VariableScope scope) {
		return new LegalReviewService.Counsel(text(scope, COUNSEL_KIND), text(scope, COUNSEL_NAME),
				text(scope, COUNSEL_OPINION), text(scope, COUNSEL_ADOPTION), text(scope, COUNSEL_NOT_ADOPTED_REASON),
				Boolean.TRUE.equals(scope.getVariable(COUNSEL_REQUIRED)), text(scope, COUNSEL_BASIS));
	}

	/** When the materials were received and the round's deadline (with its {@code <variable>Basis}). */
	static void received(VariableScope scope, LegalReviewService.Received received) {
		scope.setVariable(MATERIALS_RECEIVED_AT, received.at());
		scope.setVariables(received.due().variables());
	}

	@Bean
	JavaDelegate openLegalReview(LegalReviewService service) {
		return execution -> {
			LegalReviewService.Opened opened = service.open(Steps.of(execution), new LegalReviewService.Request(
					text(execution, CASE_ID), text(execution, AGENCY), text(execution, DECISION_TYPE),
					text(execution, MAJOR_REASONS), text(execution, HANDLER), execution.getVariable(MATERIALS)));
			execution.setVariable(MATERIALS, opened.materials());
			execution.setVariable(MATERIALS_TEXT, String.join("\n", opened.materials()));
			execution.setVariable(REVIEW_ID, opened.reviewId());
			execution.setVariable(ROUND, 0);
			received(execution, opened.received());
			if (execution.getProcessBusinessKey() == null) {
				execution.setProcessBusinessKey(opened.caseId());
			}
		};
	}

	@Bean
	JavaDelegate startReviewRound(LegalReviewService service) {
		return execution -> {
			LegalReviewService.Round round = service.startRound(Steps.of(execution), text(execution, REVIEW_ID),
					round(execution), execution.getVariable(MATERIALS_RECEIVED_AT), text(execution, OPINION));
			execution.setVariable(ROUND, round.number());
			execution.setVariable(MATERIALS_RECEIVED_AT, round.receivedAt());
			execution.setVariables(round.due().variables());
			execution.setVariable(EXTENDED, false);
			if (round.previousOpinion() != null) {
				execution.setVariable(PREVIOUS_OPINION, round.previousOpinion());
			}
			// what led to this round, shown in its form: the handler's corrections or the review office's revision in
			// the negotiation (ADR-0070); the other is from an earlier round
			boolean revisedInNegotiation = "REVIEW_REVISED".equals(text(execution, DISAGREEMENT_OUTCOME));
			execution.removeVariable(revisedInNegotiation ? REVISION_NOTES : REVISED_OPINION);
			execution.removeVariable(DISAGREEMENT_OUTCOME);
			for (String cleared : List.of(EXTENSION_REASON, ACTION, OUTCOME, OPINION, REVIEWER, REVISION_ACTION,
					HANDLER_RESPONSE)) {
				execution.removeVariable(cleared);
			}
			CHECKLIST.forEach(execution::removeVariable);
			COUNSEL_VARIABLES.forEach(execution::removeVariable);
		};
	}

	@Bean
	JavaDelegate extendReview(LegalReviewService service) {
		return execution -> {
			Date received = (Date) execution.getVariable(MATERIALS_RECEIVED_AT);
			Deadlines.Due due = service.extend(Steps.of(execution), text(execution, REVIEW_ID), round(execution),
					received, text(execution, EXTENSION_REASON));
			execution.setVariables(due.variables());
			execution.setVariable(EXTENDED, true);
			execution.removeVariable(ACTION);
		};
	}

	@Bean
	JavaDelegate recordReviewOpinion(LegalReviewService service) {
		return execution -> {
			service.recordOpinion(Steps.of(execution), new LegalReviewService.Opinion(text(execution, REVIEW_ID),
					round(execution), text(execution, REVIEWER), checklist(execution), text(execution, OPINION),
					text(execution, OUTCOME), execution.getVariable(MATERIALS_RECEIVED_AT), text(execution, OPINION_DOC),
					counsel(execution)));
		};
	}

	/** Input parameter {@code result}: PASSED, NOT_PASSED or SUSPECTED_CRIME. */
	@Bean
	JavaDelegate concludeLegalReview(LegalReviewService service) {
		return execution -> {
			String result = Steps.input(execution, "result");
			execution.setVariable(RESULT, result);
			service.conclude(Steps.of(execution), text(execution, REVIEW_ID), result,
					text(execution, HEAD_RULING), text(execution, OPINION_DOC));
		};
	}

	@Bean
	JavaDelegate openReviewDisagreement(LegalReviewService service) {
		return execution -> {
			Integer round = execution.getVariable(ROUND) instanceof Number n ? n.intValue() : null;
			execution.setVariable("negotiationStartedAt", service.openDisagreement(Steps.of(execution),
					new LegalReviewService.Disagreement(text(execution, REVIEW_ID), round, text(execution, HANDLER),
							text(execution, DISAGREEMENT_REASONS), text(execution, DISAGREEMENT_BASIS),
							text(execution, REVIEWER), text(execution, OPINION))));
		};
	}

	@Bean
	JavaDelegate negotiationStalled(LegalReviewService service) {
		return execution -> {
			execution.setVariable(NEGOTIATION_RESULT, service.negotiationStalled(Steps.of(execution)));
		};
	}

	@Bean
	JavaDelegate closeReviewDisagreement(LegalReviewService service) {
		return execution -> {
			execution.setVariable(DISAGREEMENT_OUTCOME, service.closeDisagreement(Steps.of(execution),
					text(execution, NEGOTIATION_RESULT), text(execution, HEAD_RULING)));
		};
	}
}

package cn.zhifa.guidingcase;

import static cn.zhifa.guidingcase.GuidingCaseService.CATEGORY;
import static cn.zhifa.guidingcase.GuidingCaseService.CATEGORY_LABEL;
import static cn.zhifa.guidingcase.GuidingCaseService.KEY_POINTS;
import static cn.zhifa.guidingcase.GuidingCaseService.LEGAL_BASIS;
import static cn.zhifa.guidingcase.GuidingCaseService.NO;
import static cn.zhifa.guidingcase.GuidingCaseService.OPINION;
import static cn.zhifa.guidingcase.GuidingCaseService.OUTCOME;
import static cn.zhifa.guidingcase.GuidingCaseService.PROPOSED_BY;
import static cn.zhifa.guidingcase.GuidingCaseService.REDACTION;
import static cn.zhifa.guidingcase.GuidingCaseService.SHOWN;
import static cn.zhifa.guidingcase.GuidingCaseService.SUMMARY;
import static cn.zhifa.guidingcase.GuidingCaseService.TITLE;
import static cn.zhifa.guidingcase.GuidingCaseService.markdownText;
import static cn.zhifa.platform.CaseVariables.CASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code guiding-case}: each maps the variables of one step of {@link GuidingCaseService} in
 * and its results out (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class GuidingCaseDelegates {

	@Bean
	JavaDelegate proposeGuidingCase(GuidingCaseService service) {
		return execution -> {
			GuidingCaseService.Proposed p = service.propose(Steps.of(execution), Steps.text(execution, CASE_ID),
					texts(execution));
			show(execution, p.texts());
			Steps.numbered(execution, NO, p.guidingNo(), p.agencyCode(), p.agencyName());
			execution.setVariable(PROPOSED_BY, p.proposedBy());
		};
	}

	@Bean
	JavaDelegate returnGuidingCase(GuidingCaseService service) {
		return execution -> {
			execution.setVariables(service.returnForRevision(Steps.of(execution), Steps.text(execution, NO),
					Steps.text(execution, OPINION)).variables());
		};
	}

	@Bean
	JavaDelegate resubmitGuidingCase(GuidingCaseService service) {
		return execution -> {
			GuidingCaseService.Texts texts = texts(execution);
			GuidingCaseService.Redacted redacted = service.resubmit(Steps.of(execution), Steps.text(execution, NO), texts);
			execution.removeVariable(OUTCOME);
			execution.removeVariable(OPINION);
			show(execution, redacted);
		};
	}

	@Bean
	JavaDelegate concludeGuidingCase(GuidingCaseService service) {
		return execution -> {
			service.conclude(Steps.of(execution), Steps.text(execution, NO), Steps.text(execution, OUTCOME),
					Steps.text(execution, OPINION));
		};
	}

	/** Task listener {@code ${guidingCaseTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("guidingCaseTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(GuidingCaseService service) {
			super("guidingCaseTaskChecks");
			onComplete("guiding-case-review",
					task -> service.checkReview(Steps.text(task, OUTCOME), Steps.text(task, OPINION)));
			onComplete("guiding-case-revise", task -> service.checkRevision(texts(task)));
		}
	}

	/** The texts of the start or revise form. */
	static GuidingCaseService.Texts texts(VariableScope scope) {
		return new GuidingCaseService.Texts(Steps.text(scope, CATEGORY), Steps.text(scope, TITLE), Steps.text(scope, SUMMARY),
				Steps.text(scope, KEY_POINTS), Steps.text(scope, LEGAL_BASIS));
	}

	/** The review's deadline, and the redacted texts the bureau reviews and the agency revises. */
	static void show(DelegateExecution execution, GuidingCaseService.Redacted texts) {
		execution.setVariables(texts.reviewDue().variables());
		execution.setVariable(TITLE, texts.title());
		execution.setVariable(SUMMARY, texts.summary());
		execution.setVariable(KEY_POINTS, texts.keyPoints());
		execution.setVariable(LEGAL_BASIS, texts.legalBasis());
		execution.setVariable(REDACTION, texts.redactionSummary());
		// the review form shows them as text (markdown): a masked name (王**) must not turn into bold
		execution.setVariable(TITLE + SHOWN, markdownText(texts.title()));
		execution.setVariable(SUMMARY + SHOWN, markdownText(texts.summary()));
		execution.setVariable(KEY_POINTS + SHOWN, markdownText(texts.keyPoints()));
		execution.setVariable(LEGAL_BASIS + SHOWN, markdownText(texts.legalBasis()));
		execution.setVariable(CATEGORY_LABEL, texts.categoryLabel());
	}
}

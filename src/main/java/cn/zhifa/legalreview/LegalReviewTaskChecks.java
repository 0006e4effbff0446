package cn.zhifa.legalreview;

import cn.zhifa.models.ModelMarkers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code ${legalReviewTaskChecks}} on the user tasks of {@code legal-review} and
 * {@code review-disagreement}: on completion it validates what was submitted (a bad submission is
 * refused with the field and the rule; nothing is stored), on assignment it enforces recusal.
 * The forms validate the same rules in the browser; this holds for REST callers and edited forms.
 */
@Component("legalReviewTaskChecks")
class LegalReviewTaskChecks implements TaskListener {

	private final LegalReviewService service;

	LegalReviewTaskChecks(LegalReviewService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean complete = EVENTNAME_COMPLETE.equals(task.getEventName());
		switch (ModelMarkers.formOf(task)) { // by form, not by task id: a renamed task keeps its check
			case "legal-review-check-materials" -> {
				if (complete) {
					service.checkMaterials(task);
				}
				else {
					service.checkRecusal(task);
				}
			}
			case "legal-review-decision" -> {
				if (complete) {
					service.checkDecision(task);
				}
				else {
					service.checkRecusal(task);
				}
			}
			case "legal-review-supplement" -> whenComplete(complete, () -> service.materialsReceived(task));
			case "legal-review-revise" -> whenComplete(complete, () -> service.checkRevision(task));
			case "legal-review-respond" -> whenComplete(complete, () -> service.checkResponse(task));
			case "review-disagreement-negotiate" -> whenComplete(complete, () -> service.checkNegotiation(task));
			case "review-disagreement-head-ruling" -> whenComplete(complete, () -> service.checkHeadRuling(task));
			default -> throw new IllegalStateException("legalReviewTaskChecks has no check for form " + ModelMarkers.formOf(task)
					+ " of task " + task.getTaskDefinitionKey());
		}
	}

	private static void whenComplete(boolean complete, Runnable check) {
		if (complete) {
			check.run();
		}
	}
}

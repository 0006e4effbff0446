package cn.zhifa.legalreview;

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
		switch (task.getTaskDefinitionKey()) {
			case "userTask_checkMaterials" -> {
				if (complete) {
					service.checkMaterials(task);
				}
				else {
					service.checkRecusal(task);
				}
			}
			case "userTask_reviewDecision" -> {
				if (complete) {
					service.checkDecision(task);
				}
				else {
					service.checkRecusal(task);
				}
			}
			case "userTask_supplementMaterials" -> whenComplete(complete, () -> service.materialsReceived(task));
			case "userTask_reviseDecision" -> whenComplete(complete, () -> service.checkRevision(task));
			case "userTask_respondToOpinion" -> whenComplete(complete, () -> service.checkResponse(task));
			case "userTask_negotiateOpinion" -> whenComplete(complete, () -> service.checkNegotiation(task));
			case "userTask_headRuling" -> whenComplete(complete, () -> service.checkHeadRuling(task));
			default -> {
			}
		}
	}

	private static void whenComplete(boolean complete, Runnable check) {
		if (complete) {
			check.run();
		}
	}
}

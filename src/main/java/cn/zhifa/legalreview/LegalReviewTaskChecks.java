package cn.zhifa.legalreview;

import static cn.zhifa.legalreview.LegalReviewDelegates.checklist;
import static cn.zhifa.legalreview.LegalReviewDelegates.counsel;
import static cn.zhifa.legalreview.LegalReviewDelegates.text;
import static cn.zhifa.legalreview.ReviewVariables.*;

import org.springframework.stereotype.Component;

import cn.zhifa.document.DisplayLabels;
import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Task listener {@code ${legalReviewTaskChecks}} on the user tasks of {@code legal-review} and
 * {@code review-disagreement}: on completion it validates what was submitted (a bad submission is
 * refused with the field and the rule; nothing is stored), on assignment it enforces recusal.
 * The forms validate the same rules in the browser; this holds for REST callers and edited forms.
 * Each check maps the task's variables to one service call and its result back (ADR-0038).
 */
@Component("legalReviewTaskChecks")
class LegalReviewTaskChecks extends FormChecks {

	LegalReviewTaskChecks(LegalReviewService service, DisplayLabels labels) {
		super("legalReviewTaskChecks");
		onAssignment("legal-review-check-materials", task -> service.checkRecusal(task.getAssignee(), text(task, AGENCY),
				text(task, HANDLER)));
		onComplete("legal-review-check-materials", task -> service.checkMaterials(Steps.of(task), task.getAssignee(),
				text(task, AGENCY), text(task, HANDLER), task.getVariable(MATERIALS_COMPLETE), text(task, MISSING_MATERIALS)));
		onAssignment("legal-review-decision", task -> service.checkRecusal(task.getAssignee(), text(task, AGENCY),
				text(task, HANDLER)));
		onComplete("legal-review-decision", task -> service.checkDecision(Steps.of(task), task.getAssignee(),
				text(task, AGENCY), text(task, HANDLER), new LegalReviewService.Decision(text(task, ACTION),
						Boolean.TRUE.equals(task.getVariable(EXTENDED)), text(task, EXTENSION_REASON), text(task, OUTCOME),
						checklist(task), text(task, OPINION), counsel(task)))
			.ifPresent(reviewer -> {
				task.setVariable(REVIEWER, reviewer);
				task.setVariable(COUNSEL_STATEMENT, counselStatement(counsel(task), labels));
			}));
		onComplete("legal-review-supplement", task -> LegalReviewDelegates.received(task.getExecution(),
				service.materialsReceived(Steps.of(task))));
		onComplete("legal-review-revise", task -> service.checkRevision(Steps.of(task), task.getAssignee(),
				text(task, HANDLER), text(task, REVISION_ACTION), text(task, REVISION_NOTES)));
		onComplete("legal-review-respond", task -> service.checkResponse(Steps.of(task), task.getAssignee(),
				text(task, HANDLER), text(task, HANDLER_RESPONSE), text(task, DISAGREEMENT_REASONS),
				text(task, DISAGREEMENT_BASIS)));
		onComplete("review-disagreement-negotiate", task -> service.checkNegotiation(Steps.of(task), task.getAssignee(),
				text(task, AGENCY), text(task, HANDLER), text(task, NEGOTIATION_RESULT), text(task, REVISED_OPINION), text(task, NEGOTIATION_NOTES)));
		onComplete("review-disagreement-head-ruling", task -> service.checkHeadRuling(Steps.of(task), task.getAssignee(),
				text(task, HEAD_RULING), text(task, HEAD_RULING_REASONS)));
	}

	/**
	 * R-REV-8 (seed 000: 审核工作应当组织公职律师或者法律顾问参与，并将其意见采纳情况予以记录): the round's counsel as the
	 * 法制审核意见书 prints it — who took part, their opinion, whether it was adopted and why not; or that none did.
	 */
	static String counselStatement(LegalReviewService.Counsel counsel, DisplayLabels labels) {
		if (counsel.kind() == null || "NONE".equals(counsel.kind())) {
			return "本轮审核无公职律师、法律顾问参与。";
		}
		StringBuilder s = new StringBuilder().append(labels.label("counselKind", counsel.kind())).append(counsel.name().strip())
			.append("参与审核，意见：").append(counsel.opinion().strip()).append("。审核人员")
			.append(labels.label("counselAdoption", counsel.adoption())).append("其意见");
		if (!"ADOPTED".equals(counsel.adoption()) && counsel.notAdoptedReason() != null) {
			s.append("，理由：").append(counsel.notAdoptedReason().strip());
		}
		return s.append("。").toString();
	}
}

package cn.zhifa.legalreview;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/**
 * Task listener {@code ${legalReviewTaskChecks}} on the user tasks of {@code legal-review} and
 * {@code review-disagreement}: on completion it validates what was submitted (a bad submission is
 * refused with the field and the rule; nothing is stored), on assignment it enforces recusal.
 * The forms validate the same rules in the browser; this holds for REST callers and edited forms.
 */
@Component("legalReviewTaskChecks")
class LegalReviewTaskChecks extends FormChecks {

	LegalReviewTaskChecks(LegalReviewService service) {
		super("legalReviewTaskChecks");
		onAssignment("legal-review-check-materials", service::checkRecusal);
		onComplete("legal-review-check-materials", service::checkMaterials);
		onAssignment("legal-review-decision", service::checkRecusal);
		onComplete("legal-review-decision", service::checkDecision);
		onComplete("legal-review-supplement", service::materialsReceived);
		onComplete("legal-review-revise", service::checkRevision);
		onComplete("legal-review-respond", service::checkResponse);
		onComplete("review-disagreement-negotiate", service::checkNegotiation);
		onComplete("review-disagreement-head-ruling", service::checkHeadRuling);
	}
}

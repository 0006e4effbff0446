package cn.zhifa.legalreview;

import cn.zhifa.platform.CaseVariables;
import java.util.List;
import java.util.Set;

/** Names and values of the process variables of {@code legal-review} and {@code review-disagreement}: the contract with callers and forms. */
final class ReviewVariables {

	private ReviewVariables() {
	}

	// start variables (callers: enforcement-case, or a standalone start)
	static final String CASE_ID = CaseVariables.CASE_ID;
	static final String AGENCY = CaseVariables.AGENCY_CODE;
	static final String DECISION_TYPE = "decisionType";
	static final String MAJOR_REASONS = "majorReasons";
	static final String MATERIALS = "materials";
	static final String HANDLER = CaseVariables.HANDLER_ID;
	/** The materials one per line, for display in forms. */
	static final String MATERIALS_TEXT = "materialsText";
	static final Set<String> DECISION_TYPES = Set.of("PERMIT", "PENALTY", "COERCION", "EXPROPRIATION", "OTHER");

	static final String REVIEW_ID = CaseVariables.LEGAL_REVIEW_ID;
	// materials check
	static final String MATERIALS_COMPLETE = "materialsComplete";
	static final String MISSING_MATERIALS = "missingMaterials";
	// a round
	static final String ROUND = "reviewRound";
	static final String MATERIALS_RECEIVED_AT = "materialsReceivedAt";
	static final String DUE_AT = "reviewDueAt";
	static final String EXTENDED = "reviewExtended";
	static final String EXTENSION_REASON = "extensionReason";
	static final String ACTION = "reviewAction"; // DECIDE | EXTEND
	static final String REVIEWER = "reviewerId";
	static final String OUTCOME = "reviewOutcome";
	static final Set<String> OUTCOMES = Set.of("APPROVED", "NEEDS_CORRECTION", "REJECTED", "SUSPECTED_CRIME");
	static final String OPINION = "reviewOpinion";
	// R-REV-8: public lawyers / legal advisers taking part in the round
	static final String COUNSEL_KIND = "counselKind"; // NONE | PUBLIC_LAWYER | LEGAL_ADVISER
	static final String COUNSEL_NAME = "counselName";
	static final String COUNSEL_OPINION = "counselOpinion";
	static final String COUNSEL_ADOPTION = "counselAdoption"; // ADOPTED | PARTLY_ADOPTED | NOT_ADOPTED
	static final String COUNSEL_NOT_ADOPTED_REASON = "counselNotAdoptedReason";
	/** From dmn/legal-review-participation.dmn: the agency's rules make the counsel's part compulsory, and why. */
	static final String COUNSEL_REQUIRED = "counselRequired";
	static final String COUNSEL_BASIS = "counselBasis";
	/** The round's counsel as one sentence for the 法制审核意见书 (R-REV-8). */
	static final String COUNSEL_STATEMENT = "counselStatement";
	static final java.util.List<String> COUNSEL_VARIABLES = java.util.List.of(COUNSEL_KIND, COUNSEL_NAME, COUNSEL_OPINION,
			COUNSEL_ADOPTION, COUNSEL_NOT_ADOPTED_REASON);
	/** From round 2 on: the opinion of the round before, shown to the reviewer with the handler's revision notes. */
	static final String PREVIOUS_OPINION = "previousReviewOpinion";
	/** R-REV-4 checklist: true = no problem found. */
	static final List<String> CHECKLIST = List.of("checkCompetence", "checkQualification", "checkProcedure", "checkFacts",
			"checkEvidence", "checkLegalBasis", "checkDiscretion", "checkDocuments", "checkCrime");
	/** The checklist's last point: true = no suspected crime found (行政处罚法 art. 27). */
	static final String CHECK_CRIME = "checkCrime";
	// handler
	static final String REVISION_ACTION = "revisionAction"; // RESUBMIT | CONTEST
	static final String REVISION_NOTES = "revisionNotes";
	static final String HANDLER_RESPONSE = "handlerResponse"; // ACCEPT | DISAGREE
	static final String DISAGREEMENT_REASONS = "disagreementReasons";
	static final String DISAGREEMENT_BASIS = "disagreementBasis";
	// disagreement
	static final String NEGOTIATION_RESULT = "negotiationResult";
	static final Set<String> NEGOTIATION_RESULTS = Set.of("AGREED_WITH_REVIEW", "REVIEW_REVISED", "NO_AGREEMENT");
	static final String NEGOTIATION_NOTES = "negotiationNotes";
	static final String REVISED_OPINION = "revisedOpinion";
	static final String HEAD_RULING = CaseVariables.HEAD_RULING;
	static final Set<String> HEAD_RULINGS = Set.of("ADOPT_REVIEW", "ADOPT_HANDLER", "OTHER");
	static final String HEAD_RULING_REASONS = "headRulingReasons";
	static final String DISAGREEMENT_OUTCOME = "disagreementOutcome";
	// result to the caller
	static final String RESULT = CaseVariables.LEGAL_REVIEW_RESULT; // PASSED | NOT_PASSED | SUSPECTED_CRIME
	static final String OPINION_DOC = "legalReviewOpinionDocId";
}

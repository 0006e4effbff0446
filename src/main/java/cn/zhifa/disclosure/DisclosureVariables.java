package cn.zhifa.disclosure;

import cn.zhifa.platform.CaseVariables;
import java.util.Map;

/**
 * Variable names of process {@code disclosure-publication}, named once (STYLE.md rule 4). The start
 * variables are the case contract: the case process and standalone starts (Tasklist, REST) pass them.
 */
final class DisclosureVariables {

	// --- start (contract with the case process; business key = caseId)
	static final String CASE_ID = CaseVariables.CASE_ID;
	static final String AGENCY_CODE = CaseVariables.AGENCY_CODE;
	static final String DECISION_TYPE = "decisionType";
	static final String DECISION_DATE = "decisionDate";
	static final String DECISION_NUMBER = CaseVariables.DECISION_NUMBER;
	static final String PARTY_TYPE = "partyType";
	static final String PARTY_NAME = "partyName";
	static final String PARTY_ID_NUMBER = "partyIdNumber";
	static final String CATEGORY = "category";
	static final String CONCLUSION = "conclusion";
	static final String LEGAL_BASIS = "legalBasis";

	// --- redacted text the reviewers and the public see (R-DISC-4)
	static final String ITEM_NO = CaseVariables.DISCLOSURE_ITEM_NO;
	static final String AGENCY_NAME = "agencyName";
	static final String DECISION_TYPE_LABEL = "decisionTypeLabel";
	static final String PUBLIC_PARTY_NAME = "publicPartyName";
	static final String PUBLIC_PARTY_CREDIT_CODE = "publicPartyCreditCode";
	static final String PUBLIC_CONCLUSION = "publicConclusion";
	static final String PUBLIC_LEGAL_BASIS = "publicLegalBasis";
	static final String REDACTION_SUMMARY = "redactionSummary";
	static final String WITHHELD_PASSAGES = "withheldPassages";
	static final String WITHHOLDING_REASON = "withholdingReason";
	static final String WITHHOLDING_NOTE = "withholdingNote";
	static final String WITHHELD_NOTE = "withheldNote";

	// --- deadline (decision table disclosure-deadline, R-DISC-3)
	static final String WORKING_DAYS = "disclosureWorkingDays";
	static final String DUE_AT = "disclosureDueAt";
	/** How long the published item stays on the portal's list (ISO-8601 period, by decision kind). */
	static final String PUBLIC_PERIOD = "disclosurePublicPeriod";

	// --- review (R-DISC-6)
	static final String REVIEW_OUTCOME = "disclosureReviewOutcome";
	static final String REVIEW_COMMENT = "disclosureReviewComment";
	static final String REVIEWED_BY = "disclosureReviewedBy";
	/** 司法所 reviewer (the second review of R-DISC-6). */
	static final String JUSTICE_REVIEWED_BY = "disclosureJusticeReviewedBy";
	static final String JUSTICE_REVIEW_STEP = "userTask_justiceReviewDisclosure";
	static final String PREPARED_BY = "disclosurePreparedBy";

	// --- publication
	static final String VERSION = "disclosureVersion";
	static final String STATUS = "disclosureStatus";
	static final String PUBLISHED_AT = "disclosurePublishedAt";
	static final String DELAY_WORKING_DAYS = "disclosureDelayWorkingDays";
	static final String PUBLIC_UNTIL_AT = "disclosurePublicUntilAt";

	// --- withdrawal and correction (R-DISC-5)
	static final String REVOCATION_KIND = "revocationKind";
	static final String REVOCATION_REASON = "revocationReason";
	static final String WITHDRAWAL_DUE_AT = "withdrawalDueAt";
	static final String WITHDRAWN_AT = "disclosureWithdrawnAt";
	/** The day the decision was revoked, confirmed illegal or void, changed or ordered re-made: art. 48's 3 days run from it. */
	static final String REVOKED_ON = "revokedOn";
	static final String WITHDRAWN_ON_TIME = "disclosureWithdrawnOnTime";
	/** The message a revocation sends to the decision's disclosure process (business key: the case). */
	static final String DECISION_REVOKED = "disclosure.decisionRevoked";
	static final String CORRECTION_NOTE = "correctionNote";

	/** Decision types of the contract and their Chinese labels. */
	static final Map<String, String> DECISION_TYPES = Map.of("PERMIT", "行政许可", "PENALTY", "行政处罚", "COERCION",
			"行政强制", "EXPROPRIATION", "行政征收征用", "OTHER", "其他行政执法决定");

	/** Why a decision is taken down (R-DISC-5). */
	static final Map<String, String> REVOCATION_KINDS = Map.of("REVOKED", "决定被依法撤销", "CONFIRMED_ILLEGAL",
			"决定被确认违法", "CONFIRMED_VOID", "决定被确认无效", "CHANGED", "决定被依法变更", "REMADE", "决定被责令重新作出");

	/** Why passages are withheld (R-DISC-4). */
	static final Map<String, String> WITHHOLDING_REASONS = Map.of("TRADE_SECRET", "商业秘密", "PRIVACY", "个人隐私",
			"STATE_SECRET", "国家秘密");

	private DisclosureVariables() {
	}
}

package cn.zhifa.transfer;

import cn.zhifa.platform.CaseVariables;
import java.util.List;
import java.util.Set;

/**
 * Names and values of the process variables of {@code criminal-transfer}, {@code case-transfer} and
 * {@code discipline-transfer}: the contract with callers (enforcement-case), forms and external answers.
 */
final class TransferVariables {

	private TransferVariables() {
	}

	// common start variables
	static final String CASE_ID = CaseVariables.CASE_ID;
	static final String AGENCY = CaseVariables.AGENCY_CODE;
	static final String HANDLER = CaseVariables.HANDLER_ID;
	static final String PARTY_NAME = "partyName";
	/** Who answered for an external body through /api/transfers (set by the REST controller). */
	static final String ANSWERED_BY = "answeredBy";

	// criminal-transfer (R-COORD-2)
	static final String CRIME_SUSPICION = "crimeSuspicion";
	static final String INVESTIGATION_REPORT_DOC = "investigationReportDocId";
	static final String REPORTED_AT = "reportedAt";
	static final String APPROVAL_DUE_AT = "approvalDueAt";
	static final String POLICE_ORGAN = "policeOrgan";
	static final String ATTACHMENTS = "transferAttachments";
	/** 国务院令第310号 第六条: the materials that go with the transfer letter. */
	static final List<String> STANDARD_ATTACHMENTS = List.of("涉嫌犯罪案件情况的调查报告", "涉案物品清单", "有关检验报告或者鉴定结论",
			"其他有关涉嫌犯罪的材料");
	static final String HEAD_DECISION = "headDecision"; // APPROVE | REFUSE
	static final Set<String> HEAD_DECISIONS = Set.of("APPROVE", "REFUSE");
	static final String REFUSAL_REASONS = "refusalReasons";
	static final String APPROVER = "approverId";
	// after a conviction (国务院令第310号第十一条): sanctions the court cannot impose
	static final String AFTER_CONVICTION_DECISION = "afterConvictionDecision";
	static final Set<String> AFTER_CONVICTION_DECISIONS = Set.of("SANCTION", "NONE");
	static final String AFTER_CONVICTION_REASONS = "afterConvictionReasons";
	/** To the calling case: it continues only with sanctions other than a fine. */
	static final String AFTER_CONVICTION = "afterConviction";
	static final String APPROVED_AT = "approvedAt";
	static final String HANDOVER_DUE_AT = "handoverDueAt";
	static final String COPIED_TO_PROCURATORATE = "copiedToProcuratorate";
	static final String COPIED_TO_JUSTICE_BUREAU = "copiedToJusticeBureau";
	static final String REPORTED_TO_SUPERIOR = "reportedToSuperior";
	static final String HANDOVER_NOTES = "handoverNotes";
	static final String HANDED_OVER_AT = "handedOverAt";
	static final String POLICE_DECISION_DUE_AT = "policeDecisionDueAt";
	static final String POLICE_DECISION = "policeDecision"; // FILED | NOT_FILED
	static final Set<String> POLICE_DECISIONS = Set.of("FILED", "NOT_FILED");
	static final String POLICE_DECISION_NOTES = "policeDecisionNotes";
	static final String POLICE_FILED_AT = "policeFiledAt";
	static final String RECONSIDERATION_DUE_AT = "reconsiderationDueAt";
	static final String FOLLOW_UP = "followUp"; // NONE | RECONSIDERATION | SUPERVISION | BOTH
	static final Set<String> FOLLOW_UPS = Set.of("NONE", "RECONSIDERATION", "SUPERVISION", "BOTH");
	static final String FOLLOW_UP_NOTES = "followUpNotes";
	static final String RECONSIDERATION_RESULT = "reconsiderationResult"; // FILED | NOT_FILED
	static final String RECONSIDERATION_NOTES = "reconsiderationNotes";
	/** The day the agency received the police's notice (立案 / 不予立案 / 复议决定通知书), yyyy-MM-dd: the 310号 clocks run from it. */
	static final String NOTICE_RECEIVED_ON = "noticeReceivedOn";
	/** After the police upheld their refusal on reconsideration: SUPERVISION (建议人民检察院立案监督) | NONE (第九条). */
	static final String SUPERVISION_CHOICE = "supervisionAfterReconsideration";
	static final Set<String> SUPERVISION_CHOICES = Set.of("SUPERVISION", "NONE");
	static final String SUPERVISION_NOTES = "supervisionNotes";
	static final String SUPERVISION_DUE_AT = "supervisionDueAt";
	static final String EVIDENCE_ITEMS = "evidenceItems";
	static final String EVIDENCE_RECEIVED_BY = "evidenceReceivedBy";
	static final String JUDICIAL_OUTCOME = "judicialOutcome";
	static final Set<String> JUDICIAL_OUTCOMES = Set.of("NOT_PROSECUTED", "ACQUITTED", "EXEMPTED", "CONVICTED",
			"CASE_CANCELLED");
	static final String JUDICIAL_NOTES = "judicialNotes";
	/** Outcomes after which the agency may (and must) decide on an administrative penalty (R-COORD-2). */
	static final Set<String> ADMINISTRATIVE_OUTCOMES = Set.of("REFUSED_BY_HEAD", "POLICE_NOT_FILED", "NOT_PROSECUTED",
			"ACQUITTED", "EXEMPTED", "CASE_CANCELLED");
	// results to the caller
	static final String MAY_DECIDE = "mayDecideAdministratively";
	static final String CRIMINAL_OUTCOME = "criminalTransferOutcome";

	// case-transfer (R-COORD-1, R-COORD-5)
	static final String TARGET_AGENCY = "targetAgencyCode";
	static final String TARGET_AGENCY_NAME = "targetAgencyName";
	static final String TARGET_IN_ZHIFA = "targetInZhifa";
	static final String URGENT = "urgent";
	static final String TRANSFER_REASON = "transferReason";
	static final String FACTS = "facts";
	static final String TRANSFER_STARTED_AT = "transferStartedAt";
	static final String TRANSFER_DUE_AT = "transferDueAt";
	static final String CASE_MATERIALS = "caseTransferMaterials";
	/** R-COORD-1: what goes with the 案件移送书. */
	static final List<String> STANDARD_CASE_MATERIALS = List.of("案件调查报告", "涉案物品清单", "检验报告、鉴定意见等有关材料");
	static final String SIGNED = "transferSigned";
	static final String SIGNER = "signerId";
	static final String RECEIVED_BY = "receivedBy";
	static final String TRANSFER_ANSWER = "transferAnswer"; // ACCEPTED | REFUSED
	static final String RECEIVING_CASE_NO = CaseVariables.RECEIVING_CASE_NO;
	static final String REFUSAL_FROM_TARGET = "transferRefusalReasons";
	static final String NEGOTIATION_RESULT = "jurisdictionNegotiation";
	static final Set<String> NEGOTIATION_RESULTS = Set.of("TARGET_ACCEPTS", "SOURCE_KEEPS", "NO_AGREEMENT");
	static final String NEGOTIATION_NOTES = "jurisdictionNotes";
	static final String COORDINATION_RESULT = "coordinationResult";
	static final Set<String> COORDINATION_RESULTS = Set.of("TARGET_HANDLES", "SOURCE_HANDLES", "GOVERNMENT_RULING");
	static final String COORDINATION_NOTES = "coordinationNotes";
	static final String CASE_OUTCOME = "caseTransferOutcome";

	// discipline-transfer (R-COORD-3)
	static final String PARTY_IS_OFFICIAL = "partyIsOfficial";
	static final String CLOSED_AT = "closedAt";
	static final String DISCIPLINE_DUE_AT = "disciplineDueAt";
	static final String DISCIPLINE_ORGAN = "disciplineOrgan";
	static final String DISCIPLINE_CLUES = "disciplineClues";
	static final String SIGNED_AND_SEALED = "signedAndSealed";
	static final String DISCIPLINE_SENT_AT = "disciplineSentAt";
}

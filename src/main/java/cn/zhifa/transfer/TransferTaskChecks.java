package cn.zhifa.transfer;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/**
 * Task listener {@code ${transferTaskChecks}} on completion of the user tasks of the three transfer
 * processes: validates what was submitted (refused with the field and the rule, nothing stored) and
 * records the step. The forms check the same in the browser; this holds for REST callers too.
 */
@Component("transferTaskChecks")
class TransferTaskChecks extends FormChecks {

	TransferTaskChecks(CriminalTransferService criminal, CaseTransferService caseTransfer,
			DisciplineTransferService discipline) {
		super("transferTaskChecks");
		onComplete("criminal-transfer-approve", criminal::checkApproval);
		onComplete("criminal-transfer-handover", criminal::checkHandover);
		onComplete("criminal-transfer-follow-up", criminal::checkFollowUp);
		onComplete("criminal-transfer-evidence", criminal::checkEvidence);
		onComplete("criminal-transfer-after-conviction", criminal::checkAfterConviction);
		onComplete("case-transfer-sign", caseTransfer::checkSignature);
		onComplete("case-transfer-external-handover", caseTransfer::checkExternalHandover);
		onComplete("case-transfer-external-feedback", caseTransfer::checkExternalFeedback);
		onComplete("case-transfer-negotiate", caseTransfer::checkNegotiation);
		onComplete("case-transfer-coordination", caseTransfer::checkCoordination);
		onComplete("discipline-transfer-sign", discipline::checkSignature);
	}
}

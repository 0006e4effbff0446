package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferDelegates.date;
import static cn.zhifa.transfer.TransferDelegates.flag;
import static cn.zhifa.transfer.TransferDelegates.step;
import static cn.zhifa.transfer.TransferDelegates.text;
import static cn.zhifa.transfer.TransferVariables.*;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/**
 * Task listener {@code ${transferTaskChecks}} on completion of the user tasks of the three transfer
 * processes: validates what was submitted (refused with the field and the rule, nothing stored) and
 * records the step. The forms check the same in the browser; this holds for REST callers too. Each check
 * maps the task's variables to one service call and its result back (ADR-0038).
 */
@Component("transferTaskChecks")
class TransferTaskChecks extends FormChecks {

	TransferTaskChecks(CriminalTransferService criminal, CaseTransferService caseTransfer,
			DisciplineTransferService discipline) {
		super("transferTaskChecks");
		onComplete("criminal-transfer-approve", task -> task.setVariable(APPROVER, criminal.checkApproval(step(task),
				text(task, HEAD_DECISION), text(task, REFUSAL_REASONS), text(task, POLICE_ORGAN),
				TransferRecords.lines(task.getVariable(ATTACHMENTS)), text(task, CASE_ID), text(task, AGENCY),
				date(task, APPROVAL_DUE_AT))));
		onComplete("criminal-transfer-handover", task -> criminal.checkHandover(flag(task, COPIED_TO_PROCURATORATE),
				flag(task, COPIED_TO_JUSTICE_BUREAU), flag(task, REPORTED_TO_SUPERIOR)));
		onComplete("criminal-transfer-follow-up", task -> criminal.checkFollowUp(step(task), text(task, FOLLOW_UP),
				text(task, FOLLOW_UP_NOTES), date(task, RECONSIDERATION_DUE_AT)));
		onComplete("criminal-transfer-supervision", task -> criminal.checkSupervision(step(task),
				text(task, SUPERVISION_CHOICE), text(task, SUPERVISION_NOTES), date(task, SUPERVISION_DUE_AT)));
		onComplete("criminal-transfer-evidence", task -> criminal.checkEvidence(step(task), text(task, EVIDENCE_ITEMS),
				text(task, EVIDENCE_RECEIVED_BY), task.getDueDate()));
		onComplete("criminal-transfer-after-conviction", task -> criminal.checkAfterConviction(step(task),
				text(task, AFTER_CONVICTION_DECISION), text(task, AGENCY), text(task, AFTER_CONVICTION_REASONS)));
		onComplete("case-transfer-sign", task -> task.setVariable(SIGNER,
				caseTransfer.checkSignature(step(task), flag(task, SIGNED), date(task, TRANSFER_DUE_AT))));
		onComplete("case-transfer-external-handover", task -> caseTransfer.checkExternalHandover(text(task, RECEIVED_BY)));
		onComplete("case-transfer-external-feedback", task -> caseTransfer.checkExternalFeedback(text(task, TRANSFER_ANSWER),
				text(task, REFUSAL_FROM_TARGET)));
		onComplete("case-transfer-negotiate", task -> caseTransfer.checkNegotiation(step(task),
				text(task, NEGOTIATION_RESULT), text(task, NEGOTIATION_NOTES)));
		onComplete("case-transfer-coordination", task -> caseTransfer.checkCoordination(step(task),
				text(task, COORDINATION_RESULT), text(task, COORDINATION_NOTES)));
		onComplete("discipline-transfer-sign", task -> task.setVariable(SIGNER, discipline.checkSignature(step(task),
				text(task, DISCIPLINE_ORGAN), text(task, DISCIPLINE_CLUES), flag(task, SIGNED_AND_SEALED))));
	}
}

package cn.zhifa.transfer;

import cn.zhifa.models.ModelMarkers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code ${transferTaskChecks}} on completion of the user tasks of the three transfer
 * processes: validates what was submitted (refused with the field and the rule, nothing stored) and
 * records the step. The forms check the same in the browser; this holds for REST callers too.
 */
@Component("transferTaskChecks")
class TransferTaskChecks implements TaskListener {

	private final CriminalTransferService criminal;
	private final CaseTransferService caseTransfer;
	private final DisciplineTransferService discipline;

	TransferTaskChecks(CriminalTransferService criminal, CaseTransferService caseTransfer,
			DisciplineTransferService discipline) {
		this.criminal = criminal;
		this.caseTransfer = caseTransfer;
		this.discipline = discipline;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
			return;
		}
		switch (ModelMarkers.formOf(task)) { // by form, not by task id: a renamed task keeps its check
			case "criminal-transfer-approve" -> criminal.checkApproval(task);
			case "criminal-transfer-handover" -> criminal.checkHandover(task);
			case "criminal-transfer-follow-up" -> criminal.checkFollowUp(task);
			case "criminal-transfer-evidence" -> criminal.checkEvidence(task);
			case "criminal-transfer-after-conviction" -> criminal.checkAfterConviction(task);
			case "case-transfer-sign" -> caseTransfer.checkSignature(task);
			case "case-transfer-external-handover" -> caseTransfer.checkExternalHandover(task);
			case "case-transfer-external-feedback" -> caseTransfer.checkExternalFeedback(task);
			case "case-transfer-negotiate" -> caseTransfer.checkNegotiation(task);
			case "case-transfer-coordination" -> caseTransfer.checkCoordination(task);
			case "discipline-transfer-sign" -> discipline.checkSignature(task);
			default -> throw new IllegalStateException("transferTaskChecks has no check for form " + ModelMarkers.formOf(task)
					+ " of task " + task.getTaskDefinitionKey());
		}
	}
}

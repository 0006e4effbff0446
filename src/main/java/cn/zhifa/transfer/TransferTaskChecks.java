package cn.zhifa.transfer;

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
		switch (task.getTaskDefinitionKey()) {
			case "userTask_approveCriminalTransfer" -> criminal.checkApproval(task);
			case "userTask_handOverToPolice" -> criminal.checkHandover(task);
			case "userTask_chooseFollowUp" -> criminal.checkFollowUp(task);
			case "userTask_handOverEvidence" -> criminal.checkEvidence(task);
			case "userTask_signCaseTransfer" -> caseTransfer.checkSignature(task);
			case "userTask_recordExternalHandover" -> caseTransfer.checkExternalHandover(task);
			case "userTask_recordExternalFeedback" -> caseTransfer.checkExternalFeedback(task);
			case "userTask_negotiateJurisdiction" -> caseTransfer.checkNegotiation(task);
			case "userTask_recordCoordination" -> caseTransfer.checkCoordination(task);
			case "userTask_signDisciplineTransfer" -> discipline.checkSignature(task);
			default -> throw new IllegalStateException("transferTaskChecks has no check for " + task.getTaskDefinitionKey());
		}
	}
}

package cn.zhifa.transfer;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Thin delegates of the three transfer processes: each calls one service method. */
final class TransferDelegates {

	private TransferDelegates() {
	}

	private static String input(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null) {
			throw new ProcessEngineException(execution.getCurrentActivityId() + " needs the input parameter " + name);
		}
		return value.toString();
	}

	// --- criminal-transfer (R-COORD-2) ---

	@Component("openCriminalTransfer")
	static class OpenCriminal implements JavaDelegate {

		private final CriminalTransferService service;

		OpenCriminal(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("approveCriminalTransfer")
	static class ApproveCriminal implements JavaDelegate {

		private final CriminalTransferService service;

		ApproveCriminal(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.approve(execution);
		}
	}

	@Component("recordCriminalHandover")
	static class RecordCriminalHandover implements JavaDelegate {

		private final CriminalTransferService service;

		RecordCriminalHandover(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordHandover(execution);
		}
	}

	@Component("recordPoliceFiled")
	static class RecordPoliceFiled implements JavaDelegate {

		private final CriminalTransferService service;

		RecordPoliceFiled(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordFiled(execution);
		}
	}

	@Component("recordPoliceNotFiled")
	static class RecordPoliceNotFiled implements JavaDelegate {

		private final CriminalTransferService service;

		RecordPoliceNotFiled(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordNotFiled(execution);
		}
	}

	@Component("recordEvidenceHandover")
	static class RecordEvidenceHandover implements JavaDelegate {

		private final CriminalTransferService service;

		RecordEvidenceHandover(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.awaitJudicialOutcome(execution);
		}
	}

	/** Input parameter {@code outcome}: REFUSED_BY_HEAD, POLICE_NOT_FILED or the judicial outcome. */
	@Component("concludeCriminalTransfer")
	static class ConcludeCriminal implements JavaDelegate {

		private final CriminalTransferService service;

		ConcludeCriminal(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.conclude(execution, input(execution, "outcome"));
		}
	}

	/** After a conviction: the agency's decision on sanctions the court cannot impose goes back to the case. */
	@Component("recordAfterConviction")
	static class RecordAfterConviction implements JavaDelegate {

		private final CriminalTransferService service;

		RecordAfterConviction(CriminalTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordAfterConviction(execution);
		}
	}

	// --- case-transfer (R-COORD-1, R-COORD-5) ---

	@Component("openCaseTransfer")
	static class OpenCase implements JavaDelegate {

		private final CaseTransferService service;

		OpenCase(CaseTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("deliverCaseTransfer")
	static class DeliverCase implements JavaDelegate {

		private final CaseTransferService service;

		DeliverCase(CaseTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.deliver(execution);
		}
	}

	@Component("recordExternalCaseHandover")
	static class RecordExternalCaseHandover implements JavaDelegate {

		private final CaseTransferService service;

		RecordExternalCaseHandover(CaseTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordExternalHandover(execution);
		}
	}

	/** Input parameter {@code answer}: ACCEPTED or REFUSED. */
	@Component("recordCaseTransferAnswer")
	static class RecordCaseAnswer implements JavaDelegate {

		private final CaseTransferService service;

		RecordCaseAnswer(CaseTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.recordAnswer(execution, input(execution, "answer"));
		}
	}

	@Component("concludeCaseTransfer")
	static class ConcludeCase implements JavaDelegate {

		private final CaseTransferService service;

		ConcludeCase(CaseTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.concludeDispute(execution);
		}
	}

	// --- discipline-transfer (R-COORD-3) ---

	@Component("openDisciplineTransfer")
	static class OpenDiscipline implements JavaDelegate {

		private final DisciplineTransferService service;

		OpenDiscipline(DisciplineTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.open(execution);
		}
	}

	@Component("recordDisciplineTransfer")
	static class RecordDiscipline implements JavaDelegate {

		private final DisciplineTransferService service;

		RecordDiscipline(DisciplineTransferService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.record(execution);
		}
	}
}

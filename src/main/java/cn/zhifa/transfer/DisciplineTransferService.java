package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferRecords.*;
import static cn.zhifa.transfer.TransferVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.AgencyRepository;

/**
 * Discipline transfer (R-COORD-3): a penalised Party member or public official — the clues and the
 * penalty decision go to the discipline inspection organ within 10 working days after the case was
 * closed, signed by the unit head and sealed. Late transfers leave an SLA breach (supervision record).
 */
@Service
class DisciplineTransferService {

	static final String LIMIT = "DISCIPLINE_TRANSFER";

	private final TransferRecords records;
	private final AgencyRepository agencies;
	private final Deadlines deadlines;

	DisciplineTransferService(TransferRecords records, AgencyRepository agencies, Deadlines deadlines) {
		this.records = records;
		this.agencies = agencies;
		this.deadlines = deadlines;
	}

	/** The clock runs from the closing of the case ({@code closedAt}, default now). */
	void open(DelegateExecution execution) {
		String caseId = required(execution, CASE_ID, "案号");
		String code = required(execution, AGENCY, "执法主体");
		if (!agencies.existsById(code)) {
			throw invalid(AGENCY, "执法主体 " + code + " 不存在");
		}
		String party = required(execution, PARTY_NAME, "当事人");
		if (!flag(execution, PARTY_IS_OFFICIAL)) {
			throw invalid(PARTY_IS_OFFICIAL, "当事人不是党员或公职人员的，无需向纪检监察机关移送(R-COORD-3)");
		}
		// the penalty decision goes with the clues (R-COORD-3): the letter names it
		required(execution, cn.zhifa.platform.CaseVariables.DECISION_NUMBER, "行政处罚决定书文号");
		Date closedAt = closedAt(execution.getVariable(CLOSED_AT));
		execution.setVariable(CLOSED_AT, closedAt);
		Date due = deadlines.setLimit(execution, DISCIPLINE_DUE_AT, LIMIT, closedAt);
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(caseId);
		}
		records.open(new Transfer(execution.getProcessInstanceId(), Transfer.Kind.DISCIPLINE, caseId, code,
				text(execution, HANDLER), party, text(execution, DISCIPLINE_ORGAN), Transfer.Status.AWAITING_SIGNATURE,
				records.now(), due.toInstant()));
		records.step(execution.getProcessInstanceId(), "OPENED", records.actor(execution), null,
				"案件办结于 " + closedAt.toInstant());
	}

	/** The head signs and seals; the clues must be stated. */
	void checkSignature(DelegateTask task) {
		required(task, DISCIPLINE_ORGAN, "接收移送的纪检监察机关");
		required(task, DISCIPLINE_CLUES, "违纪违法问题线索");
		if (!flag(task, SIGNED_AND_SEALED)) {
			throw invalid(SIGNED_AND_SEALED, "移送函须经单位负责人签字并加盖公章(R-COORD-3)");
		}
		String actor = records.actor(task);
		task.setVariable(SIGNER, actor);
		records.get(task.getProcessInstanceId()).approved(actor, records.now());
	}

	/** A Date, an ISO date-time or a date (yyyy-MM-dd, from the start form's date field); default now. */
	Date closedAt(Object value) {
		if (value instanceof Date d) {
			return d;
		}
		if (value == null || value.toString().isBlank()) {
			return Date.from(records.now());
		}
		String text = value.toString().trim();
		try {
			return Date.from(OffsetDateTime.parse(text).toInstant());
		}
		catch (DateTimeParseException e) {
			try {
				return Date.from(LocalDate.parse(text).atStartOfDay(WorkingDayCalendar.SHANGHAI).toInstant());
			}
			catch (DateTimeParseException e2) {
				throw invalid(CLOSED_AT, "结案日期须为 yyyy-MM-dd，收到 " + text);
			}
		}
	}

	void record(DelegateExecution execution) {
		Date sentAt = Date.from(records.now());
		Date due = date(execution, DISCIPLINE_DUE_AT);
		execution.setVariable(DISCIPLINE_SENT_AT, sentAt);
		Transfer transfer = records.get(execution.getProcessInstanceId());
		boolean onTime = !sentAt.after(due);
		transfer.counterpart(text(execution, DISCIPLINE_ORGAN), null);
		transfer.handedOver(sentAt.toInstant(), onTime);
		transfer.close(onTime ? "SENT" : "SENT_LATE", null, sentAt.toInstant());
		records.step(execution.getProcessInstanceId(), "SENT", text(execution, SIGNER), due,
				"移送 " + text(execution, DISCIPLINE_ORGAN) + "：" + text(execution, DISCIPLINE_CLUES));
	}
}

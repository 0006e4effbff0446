package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferRecords.*;
import static cn.zhifa.transfer.TransferVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.springframework.stereotype.Service;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.Step;
import cn.zhifa.calendar.Deadlines.Due;

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

	DisciplineTransferService(TransferRecords records, AgencyRepository agencies) {
		this.records = records;
		this.agencies = agencies;
	}

	/**
	 * What a discipline transfer starts with (texts trimmed, blank is absent; the closing of the case as
	 * given).
	 */
	record Request(String caseId, String agencyCode, String partyName, boolean partyIsOfficial, String decisionNumber,
			Object closedAt, String handler, String disciplineOrgan) {
	}

	/** The closing of the case the clock runs from, and the transfer's deadline. */
	record Opened(Date closedAt, Due due) {
	}

	/** The clock runs from the closing of the case ({@code closedAt}, default now). */
	Opened open(Step step, Request request) {
		String caseId = required(request.caseId(), CASE_ID, "案号");
		String code = required(request.agencyCode(), AGENCY, "执法主体");
		if (!agencies.existsById(code)) {
			throw invalid(AGENCY, "执法主体 " + code + " 不存在");
		}
		String party = required(request.partyName(), PARTY_NAME, "当事人");
		if (!request.partyIsOfficial()) {
			throw invalid(PARTY_IS_OFFICIAL, "当事人不是党员或公职人员的，无需向纪检监察机关移送(R-COORD-3)");
		}
		// the penalty decision goes with the clues (R-COORD-3): the letter names it
		required(request.decisionNumber(), CaseVariables.DECISION_NUMBER, "行政处罚决定书文号");
		Date closedAt = closedAt(request.closedAt());
		Due due = records.limit(DISCIPLINE_DUE_AT, LIMIT, closedAt);
		records.open(new Transfer(step.processInstanceId(), Transfer.Kind.DISCIPLINE, caseId, code,
				request.handler(), party, request.disciplineOrgan(), Transfer.Status.AWAITING_SIGNATURE,
				records.now(), due.at().toInstant()));
		records.step(step.processInstanceId(), "OPENED", step.actor(), null, "案件办结于 " + closedAt.toInstant());
		return new Opened(closedAt, due);
	}

	/** The head signs and seals; the clues must be stated. Returns the signer. */
	String checkSignature(Step step, String disciplineOrgan, String clues, boolean signedAndSealed) {
		required(disciplineOrgan, DISCIPLINE_ORGAN, "接收移送的纪检监察机关");
		required(clues, DISCIPLINE_CLUES, "违纪违法问题线索");
		if (!signedAndSealed) {
			throw invalid(SIGNED_AND_SEALED, "移送函须经单位负责人签字并加盖公章(R-COORD-3)");
		}
		String actor = step.actor();
		records.get(step.processInstanceId()).approved(actor, records.now());
		return actor;
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

	/** The letter went out ({@code due}: the transfer's deadline); returns when. */
	Date record(Step step, Date due, String disciplineOrgan, String clues, String signer) {
		Date sentAt = Date.from(records.now());
		Transfer transfer = records.get(step.processInstanceId());
		boolean onTime = !sentAt.after(due);
		transfer.counterpart(disciplineOrgan, null);
		transfer.handedOver(sentAt.toInstant(), onTime);
		transfer.close(onTime ? "SENT" : "SENT_LATE", null, sentAt.toInstant());
		records.step(step.processInstanceId(), "SENT", signer, due, "移送 " + disciplineOrgan + "：" + clues);
		return sentAt;
	}
}

package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferRecords.*;
import static cn.zhifa.transfer.TransferVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.caselifecycle.CaseService;
import cn.zhifa.caselifecycle.NewCase;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;

/**
 * The rules of a case transfer to the competent agency (R-COORD-1): 3 working days, 24 hours when
 * urgent, in the agency's name; a receiving agency on Zhifa gets a new {@code enforcement-case};
 * a refusal is a jurisdiction dispute: negotiation, then the justice bureau coordinates (R-COORD-5).
 */
@Service
class CaseTransferService {

	/** When the agency found that the case is outside its competence (day or moment); the transfer clock starts there. */
	static final String OUTSIDE_COMPETENCE_FOUND_ON = "outsideCompetenceFoundOn";

	static final String LIMIT = "CASE_TRANSFER";
	static final String LIMIT_URGENT = "CASE_TRANSFER_URGENT";
	private static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;

	private final TransferRecords records;
	private final AgencyRepository agencies;
	private final Deadlines deadlines;
	private final CaseService cases;

	CaseTransferService(TransferRecords records, AgencyRepository agencies, Deadlines deadlines, CaseService cases) {
		this.records = records;
		this.agencies = agencies;
		this.deadlines = deadlines;
		this.cases = cases;
	}

	/** Registers the transfer; the clock runs from now: 3 working days, urgent 24 hours (R-COORD-1). */
	void open(DelegateExecution execution) {
		String caseId = required(execution, CASE_ID, "案号");
		String agencyCode = required(execution, AGENCY, "执法主体");
		if (!agencies.existsById(agencyCode)) {
			throw invalid(AGENCY, "执法主体 " + agencyCode + " 不存在");
		}
		required(execution, HANDLER, "承办人");
		required(execution, TRANSFER_REASON, "移送理由（不属本机关管辖的依据）");
		required(execution, PARTY_NAME, "当事人");
		required(execution, FACTS, "违法事实");
		String targetCode = text(execution, TARGET_AGENCY);
		Optional<Agency> target = targetCode == null ? Optional.empty() : agencies.findById(targetCode);
		if (agencyCode.equals(targetCode)) {
			throw invalid(TARGET_AGENCY, "不能移送给本机关");
		}
		String targetName = target.map(Agency::getName).orElse(text(execution, TARGET_AGENCY_NAME));
		if (targetName == null) {
			throw invalid(TARGET_AGENCY_NAME, "接收机关不使用本平台时须填写接收机关名称(targetAgencyName)");
		}
		boolean urgent = flag(execution, URGENT);
		Date start = Date.from(records.now());
		// R-COORD-1: the 3 working days (24 hours) run from the discovery that the case is outside the agency's
		// competence — the moment given as outsideCompetenceFoundOn, else the day the case was discovered
		Object found = execution.getVariable(OUTSIDE_COMPETENCE_FOUND_ON);
		Object clockStart = found != null && !found.toString().isBlank() ? found
				: execution.getVariable("discoveredOn") != null ? discoveredOn(execution) : start;
		Date due = deadlines.setLimit(execution, TRANSFER_DUE_AT, urgent ? LIMIT_URGENT : LIMIT, clockStart);
		execution.setVariable(URGENT, urgent);
		execution.setVariable(TARGET_IN_ZHIFA, target.isPresent());
		execution.setVariable(TARGET_AGENCY_NAME, targetName);
		execution.setVariable(TRANSFER_STARTED_AT, start);
		if (lines(execution.getVariable(CASE_MATERIALS)).isEmpty()) {
			execution.setVariable(CASE_MATERIALS, String.join("\n", STANDARD_CASE_MATERIALS));
		}
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(caseId);
		}
		Transfer transfer = records.open(new Transfer(execution.getProcessInstanceId(), Transfer.Kind.CASE, caseId,
				agencyCode, text(execution, HANDLER), text(execution, PARTY_NAME), targetName,
				Transfer.Status.AWAITING_SIGNATURE, start.toInstant(), due.toInstant()));
		transfer.counterpart(targetName, target.map(Agency::getCode).orElse(null));
		records.step(execution.getProcessInstanceId(), urgent ? "REQUESTED_URGENT" : "REQUESTED", records.actor(execution),
				null, text(execution, TRANSFER_REASON));
	}

	/** The head signs the letter: the transfer goes out in the agency's name (R-COORD-1). */
	void checkSignature(DelegateTask task) {
		if (!flag(task, SIGNED)) {
			throw invalid(SIGNED, "案件移送书须经负责人签发，以本机关名义移送(R-COORD-1)");
		}
		String actor = records.actor(task);
		task.setVariable(SIGNER, actor);
		Transfer transfer = records.get(task.getProcessInstanceId());
		transfer.approved(actor, records.now());
		records.step(task.getProcessInstanceId(), "SIGNED", actor, date(task, TRANSFER_DUE_AT), null);
	}

	/** The receiving agency uses Zhifa: the case appears in its queue as a new enforcement-case. */
	void deliver(DelegateExecution execution) {
		String target = required(execution, TARGET_AGENCY, "接收机关");
		NewCase newCase = new NewCase(target, "TRANSFER", false, text(execution, "partyType"), text(execution, PARTY_NAME),
				text(execution, "partyIdNumber"), text(execution, "partyContact"), flag(execution, PARTY_IS_OFFICIAL),
				text(execution, "violationCode"), text(execution, FACTS), discoveredOn(execution), null,
				text(execution, CASE_ID), execution.getProcessInstanceId())
			.withPartyAddress(text(execution, "partyAddress"));
		String receivingCaseNo = cases.registerTransferred(newCase);
		execution.setVariable(RECEIVING_CASE_NO, receivingCaseNo);
		handedOver(execution, "DELIVERED", "已推送至 " + text(execution, TARGET_AGENCY_NAME) + "，接收案号 " + receivingCaseNo);
		records.get(execution.getProcessInstanceId()).receivingCase(receivingCaseNo);
	}

	void checkExternalHandover(DelegateTask task) {
		required(task, RECEIVED_BY, "接收机关签收人");
	}

	/** An outside agency: the officer records the hand-over. */
	void recordExternalHandover(DelegateExecution execution) {
		handedOver(execution, "HANDED_OVER", "送达 " + text(execution, TARGET_AGENCY_NAME) + "，签收人 "
				+ text(execution, RECEIVED_BY) + optional(text(execution, HANDOVER_NOTES)));
	}

	void checkExternalFeedback(DelegateTask task) {
		String answer = oneOf(task, TRANSFER_ANSWER, java.util.Set.of("ACCEPTED", "REFUSED"), "请选择接收机关“接收”或“拒绝接收”");
		if ("REFUSED".equals(answer)) {
			required(task, REFUSAL_FROM_TARGET, "接收机关拒绝接收的理由");
		}
	}

	/** The receiving agency's answer (message from its case, an answer through REST, or the officer's record). */
	void recordAnswer(DelegateExecution execution, String answer) {
		Transfer transfer = records.get(execution.getProcessInstanceId());
		transfer.externalDecision(answer);
		execution.setVariable(TRANSFER_ANSWER, answer);
		if ("ACCEPTED".equals(answer)) {
			String caseNo = text(execution, RECEIVING_CASE_NO);
			if (caseNo != null) {
				transfer.receivingCase(caseNo);
			}
			records.step(execution.getProcessInstanceId(), "ACCEPTED", records.actor(execution), null,
					caseNo == null ? null : "接收机关案号 " + caseNo);
			close(execution, "ACCEPTED");
			return;
		}
		String reasons = required(execution, REFUSAL_FROM_TARGET, "接收机关拒绝接收的理由");
		transfer.await(Transfer.Status.DISPUTED, null);
		records.step(execution.getProcessInstanceId(), "REFUSED", records.actor(execution), null, reasons);
	}

	/** Negotiation between the two agencies (R-COORD-5, first step). */
	void checkNegotiation(DelegateTask task) {
		String result = oneOf(task, NEGOTIATION_RESULT, NEGOTIATION_RESULTS, "请选择协商结果：接收机关接收 / 本机关继续办理 / 未达成一致");
		String notes = required(task, NEGOTIATION_NOTES, "协商情况");
		if ("NO_AGREEMENT".equals(result)) {
			records.get(task.getProcessInstanceId()).await(Transfer.Status.COORDINATION, null);
		}
		records.step(task.getProcessInstanceId(), "NEGOTIATED_" + result, records.actor(task), null, notes);
	}

	/** The justice bureau coordinated (or the government ruled) (R-COORD-5). */
	void checkCoordination(DelegateTask task) {
		String result = oneOf(task, COORDINATION_RESULT, COORDINATION_RESULTS,
				"请选择协调结果：由接收机关管辖 / 由本机关管辖 / 报请本级人民政府决定");
		String notes = required(task, COORDINATION_NOTES, "司法行政部门协调意见");
		records.step(task.getProcessInstanceId(), "COORDINATED_" + result, records.actor(task), null, notes);
	}

	/** Closes a disputed transfer with the outcome for the calling case. */
	void concludeDispute(DelegateExecution execution) {
		if (text(execution, COORDINATION_RESULT) != null && "NO_AGREEMENT".equals(text(execution, NEGOTIATION_RESULT))) {
			close(execution, "REFUSED_THEN_COORDINATED");
		}
		else if ("TARGET_ACCEPTS".equals(text(execution, NEGOTIATION_RESULT))) {
			close(execution, "ACCEPTED_AFTER_NEGOTIATION");
		}
		else {
			close(execution, "KEPT_AFTER_NEGOTIATION");
		}
	}

	private void close(DelegateExecution execution, String outcome) {
		execution.setVariable(CASE_OUTCOME, outcome);
		records.get(execution.getProcessInstanceId()).close(outcome, null, records.now());
	}

	private void handedOver(DelegateExecution execution, String step, String details) {
		Date due = date(execution, TRANSFER_DUE_AT);
		Transfer transfer = records.get(execution.getProcessInstanceId());
		transfer.handedOver(records.now(), due == null || !records.now().isAfter(due.toInstant()));
		transfer.await(Transfer.Status.AWAITING_ANSWER, null);
		records.step(execution.getProcessInstanceId(), step, records.actor(execution), due, details);
	}

	private LocalDate discoveredOn(DelegateExecution execution) {
		Object value = execution.getVariable("discoveredOn");
		if (value instanceof Date d) {
			return d.toInstant().atZone(CHINA).toLocalDate();
		}
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value != null && !value.toString().isBlank()) {
			try {
				return LocalDate.parse(value.toString().trim().substring(0, Math.min(10, value.toString().trim().length())));
			}
			catch (DateTimeParseException e) {
				throw invalid("discoveredOn", "发现日期须为 yyyy-MM-dd，收到 " + value);
			}
		}
		return records.now().atZone(CHINA).toLocalDate();
	}

	private static String optional(String notes) {
		return notes == null ? "" : "；" + notes;
	}
}

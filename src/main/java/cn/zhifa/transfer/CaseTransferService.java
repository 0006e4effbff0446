package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferRecords.*;
import static cn.zhifa.transfer.TransferVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.NewCase;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.calendar.Deadlines.Due;

/**
 * The rules of a case transfer to the competent agency (R-COORD-1): 3 working days, 24 hours when
 * urgent, in the agency's name; a receiving agency on Zhifa gets a new {@code enforcement-case};
 * a refusal is a jurisdiction dispute: negotiation, then the justice bureau coordinates (R-COORD-5).
 */
@Service
class CaseTransferService {

	/** When the agency found that the case is outside its competence (day or moment); the transfer clock starts there. */
	static final String OUTSIDE_COMPETENCE_FOUND_ON = "outsideCompetenceFoundOn";
	/** The day the case was discovered (a Date, LocalDate or yyyy-MM-dd), the transferred case's too. */
	static final String DISCOVERED_ON = "discoveredOn";

	static final String LIMIT = "CASE_TRANSFER";
	static final String LIMIT_URGENT = "CASE_TRANSFER_URGENT";
	private static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;

	private final TransferRecords records;
	private final AgencyRepository agencies;
	private final EnforcementCaseService cases;

	CaseTransferService(TransferRecords records, AgencyRepository agencies, EnforcementCaseService cases) {
		this.records = records;
		this.agencies = agencies;
		this.cases = cases;
	}

	/**
	 * What a case transfer starts with (texts trimmed, blank is absent); the outside-competence moment, the
	 * discovery day and the materials as given.
	 */
	record Request(String caseId, String agencyCode, String handler, String reason, String partyName, String facts,
			String targetCode, String targetName, boolean urgent, Object outsideCompetenceFoundOn, Object discoveredOn,
			Object materials) {
	}

	/**
	 * The opened transfer for the process: the receiving agency's name, the start and the deadline, and the
	 * standard materials when none were listed ({@code null}: keep the list given).
	 */
	record Opened(boolean urgent, boolean targetInZhifa, String targetName, Date startedAt, Due due, String materials) {
	}

	/** Registers the transfer; the clock runs from now: 3 working days, urgent 24 hours (R-COORD-1). */
	Opened open(Step step, Request request) {
		String caseId = required(request.caseId(), CASE_ID, "案号");
		String agencyCode = required(request.agencyCode(), AGENCY, "执法主体");
		if (!agencies.existsById(agencyCode)) {
			throw invalid(AGENCY, "执法主体 " + agencyCode + " 不存在");
		}
		required(request.handler(), HANDLER, "承办人");
		required(request.reason(), TRANSFER_REASON, "移送理由（不属本机关管辖的依据）");
		required(request.partyName(), PARTY_NAME, "当事人");
		required(request.facts(), FACTS, "违法事实");
		String targetCode = request.targetCode();
		Optional<Agency> target = targetCode == null ? Optional.empty() : agencies.findById(targetCode);
		if (agencyCode.equals(targetCode)) {
			throw invalid(TARGET_AGENCY, "不能移送给本机关");
		}
		String targetName = target.map(Agency::getName).orElse(request.targetName());
		if (targetName == null) {
			throw invalid(TARGET_AGENCY_NAME, "接收机关不使用本平台时须填写接收机关名称(targetAgencyName)");
		}
		boolean urgent = request.urgent();
		Date start = Date.from(records.now());
		// R-COORD-1: the 3 working days (24 hours) run from the discovery that the case is outside the agency's
		// competence — the moment given as outsideCompetenceFoundOn, else the day the case was discovered
		Object found = request.outsideCompetenceFoundOn();
		Object clockStart = found != null && !found.toString().isBlank() ? found
				: request.discoveredOn() != null ? discoveredOn(request.discoveredOn()) : start;
		Due due = records.limit(TRANSFER_DUE_AT, urgent ? LIMIT_URGENT : LIMIT, clockStart);
		String materials = lines(request.materials()).isEmpty() ? String.join("\n", STANDARD_CASE_MATERIALS) : null;
		Transfer transfer = records.open(new Transfer(step.processInstanceId(), Transfer.Kind.CASE, caseId,
				agencyCode, request.handler(), request.partyName(), targetName,
				Transfer.Status.AWAITING_SIGNATURE, start.toInstant(), due.at().toInstant()));
		transfer.counterpart(targetName, target.map(Agency::getCode).orElse(null));
		records.step(step.processInstanceId(), urgent ? "REQUESTED_URGENT" : "REQUESTED", step.actor(), null,
				request.reason());
		return new Opened(urgent, target.isPresent(), targetName, start, due, materials);
	}

	/**
	 * The head signs the letter: the transfer goes out in the agency's name (R-COORD-1). Returns the signer
	 * ({@code due}: the transfer's deadline).
	 */
	String checkSignature(Step step, boolean signed, Date due) {
		if (!signed) {
			throw invalid(SIGNED, "案件移送书须经负责人签发，以本机关名义移送(R-COORD-1)");
		}
		String actor = step.actor();
		Transfer transfer = records.get(step.processInstanceId());
		transfer.approved(actor, records.now());
		records.step(step.processInstanceId(), "SIGNED", actor, due, null);
		return actor;
	}

	/**
	 * What the receiving agency's new case is made of (texts trimmed, blank is absent; the discovery day as
	 * given) and the transfer's deadline.
	 */
	record Delivery(String targetCode, String targetName, String partyType, String partyName, String partyIdNumber,
			String partyContact, boolean partyIsOfficial, String violationCode, String facts, Object discoveredOn,
			String caseId, String partyAddress, Date due) {
	}

	/**
	 * The receiving agency uses Zhifa: the case appears in its queue as a new enforcement-case. Returns its
	 * case number.
	 */
	String deliver(Step step, Delivery delivery) {
		String target = required(delivery.targetCode(), TARGET_AGENCY, "接收机关");
		NewCase newCase = new NewCase(target, "TRANSFER", false, delivery.partyType(), delivery.partyName(),
				delivery.partyIdNumber(), delivery.partyContact(), delivery.partyIsOfficial(),
				delivery.violationCode(), delivery.facts(), discoveredOn(delivery.discoveredOn()), null,
				delivery.caseId(), step.processInstanceId())
			.withPartyAddress(delivery.partyAddress());
		String receivingCaseNo = cases.registerTransferred(newCase);
		handedOver(step, delivery.due(), "DELIVERED", "已推送至 " + delivery.targetName() + "，接收案号 " + receivingCaseNo);
		records.get(step.processInstanceId()).receivingCase(receivingCaseNo);
		return receivingCaseNo;
	}

	void checkExternalHandover(String receivedBy) {
		required(receivedBy, RECEIVED_BY, "接收机关签收人");
	}

	/** An outside agency: the officer records the hand-over ({@code due}: the transfer's deadline). */
	void recordExternalHandover(Step step, String targetName, String receivedBy, String notes, Date due) {
		handedOver(step, due, "HANDED_OVER", "送达 " + targetName + "，签收人 " + receivedBy + optional(notes));
	}

	void checkExternalFeedback(String answer, String refusalReasons) {
		oneOf(answer, TRANSFER_ANSWER, java.util.Set.of("ACCEPTED", "REFUSED"), "请选择接收机关“接收”或“拒绝接收”");
		if ("REFUSED".equals(answer)) {
			required(refusalReasons, REFUSAL_FROM_TARGET, "接收机关拒绝接收的理由");
		}
	}

	/**
	 * The receiving agency's answer (message from its case, an answer through REST, or the officer's record).
	 * Returns the outcome for the calling case when the transfer is closed (accepted), else {@code null}.
	 */
	String recordAnswer(Step step, String answer, String receivingCaseNo, String refusalReasons) {
		Transfer transfer = records.get(step.processInstanceId());
		transfer.externalDecision(answer);
		if ("ACCEPTED".equals(answer)) {
			String caseNo = receivingCaseNo;
			if (caseNo != null) {
				transfer.receivingCase(caseNo);
			}
			records.step(step.processInstanceId(), "ACCEPTED", step.actor(), null,
					caseNo == null ? null : "接收机关案号 " + caseNo);
			return close(step, "ACCEPTED");
		}
		String reasons = required(refusalReasons, REFUSAL_FROM_TARGET, "接收机关拒绝接收的理由");
		transfer.await(Transfer.Status.DISPUTED, null);
		records.step(step.processInstanceId(), "REFUSED", step.actor(), null, reasons);
		return null;
	}

	/** Negotiation between the two agencies (R-COORD-5, first step). */
	void checkNegotiation(Step step, String result, String notes) {
		oneOf(result, NEGOTIATION_RESULT, NEGOTIATION_RESULTS, "请选择协商结果：接收机关接收 / 本机关继续办理 / 未达成一致");
		required(notes, NEGOTIATION_NOTES, "协商情况");
		if ("NO_AGREEMENT".equals(result)) {
			records.get(step.processInstanceId()).await(Transfer.Status.COORDINATION, null);
		}
		records.step(step.processInstanceId(), "NEGOTIATED_" + result, step.actor(), null, notes);
	}

	/** The justice bureau coordinated (or the government ruled) (R-COORD-5). */
	void checkCoordination(Step step, String result, String notes) {
		oneOf(result, COORDINATION_RESULT, COORDINATION_RESULTS,
				"请选择协调结果：由接收机关管辖 / 由本机关管辖 / 报请本级人民政府决定");
		required(notes, COORDINATION_NOTES, "司法行政部门协调意见");
		records.step(step.processInstanceId(), "COORDINATED_" + result, step.actor(), null, notes);
	}

	/** Closes a disputed transfer; returns the outcome for the calling case. */
	String concludeDispute(Step step, String coordinationResult, String negotiationResult) {
		if (coordinationResult != null && "NO_AGREEMENT".equals(negotiationResult)) {
			return close(step, "REFUSED_THEN_COORDINATED");
		}
		else if ("TARGET_ACCEPTS".equals(negotiationResult)) {
			return close(step, "ACCEPTED_AFTER_NEGOTIATION");
		}
		else {
			return close(step, "KEPT_AFTER_NEGOTIATION");
		}
	}

	private String close(Step step, String outcome) {
		records.get(step.processInstanceId()).close(outcome, null, records.now());
		return outcome;
	}

	private void handedOver(Step step, Date due, String stepName, String details) {
		Transfer transfer = records.get(step.processInstanceId());
		transfer.handedOver(records.now(), due == null || !records.now().isAfter(due.toInstant()));
		transfer.await(Transfer.Status.AWAITING_ANSWER, null);
		records.step(step.processInstanceId(), stepName, step.actor(), due, details);
	}

	private LocalDate discoveredOn(Object value) {
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
				throw invalid(DISCOVERED_ON, "发现日期须为 yyyy-MM-dd，收到 " + value);
			}
		}
		return records.now().atZone(CHINA).toLocalDate();
	}

	private static String optional(String notes) {
		return notes == null ? "" : "；" + notes;
	}
}

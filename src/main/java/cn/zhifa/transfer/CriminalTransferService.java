package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferRecords.*;
import static cn.zhifa.transfer.TransferVariables.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

import cn.zhifa.document.DocumentMetadata;
import cn.zhifa.document.DocumentService;
import cn.zhifa.platform.ModelVocabulary;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.Step;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * The rules of a criminal transfer (两法衔接, 国务院令第310号, R-COORD-2) that are not routing: the
 * statutory clocks (3 days for the head, 24 hours to the police, 3 days for the police, 3 days to ask
 * for reconsideration), what each person must submit, and the result for the calling case.
 */
@Service
class CriminalTransferService {

	static final String APPROVAL_LIMIT = "CRIMINAL_TRANSFER_APPROVAL";
	static final String HANDOVER_LIMIT = "CRIMINAL_TRANSFER_HANDOVER";
	static final String POLICE_LIMIT = "POLICE_FILING_DECISION";
	static final String RECONSIDERATION_LIMIT = "RECONSIDERATION_REQUEST";
	static final String POLICE_RECONSIDERATION_LIMIT = "POLICE_RECONSIDERATION_DECISION";
	static final String SUPERVISION_LIMIT = "SUPERVISION_AFTER_RECONSIDERATION";

	private final TransferRecords records;
	private final AgencyRepository agencies;
	private final IdentityService identity;
	private final DocumentService documents;

	CriminalTransferService(TransferRecords records, AgencyRepository agencies, IdentityService identity,
			DocumentService documents) {
		this.records = records;
		this.agencies = agencies;
		this.identity = identity;
		this.documents = documents;
	}

	/** What the report to the head says (texts trimmed, blank is absent; the attachments as given). */
	record Report(String caseId, String agencyCode, String handler, String partyName, String crimeSuspicion,
			String policeOrgan, Object attachments) {
	}

	/**
	 * The reported transfer for the process: when, the approval deadline, and the standard attachments when
	 * none were listed ({@code null}: keep the list given).
	 */
	record Reported(Date at, Due due, String attachments) {
	}

	/** The report reaches the head: the 3-day approval clock starts (第五条). */
	Reported open(Step step, Report report) {
		String caseId = required(report.caseId(), CASE_ID, "案号");
		Agency agency = agency(report.agencyCode());
		String handler = required(report.handler(), HANDLER, "承办人");
		String party = required(report.partyName(), PARTY_NAME, "当事人");
		required(report.crimeSuspicion(), CRIME_SUSPICION, "涉嫌犯罪的事实和罪名");
		Date reportedAt = Date.from(records.now());
		Due due = records.limit(APPROVAL_DUE_AT, APPROVAL_LIMIT, reportedAt);
		String attachments = lines(report.attachments()).isEmpty() ? String.join("\n", STANDARD_ATTACHMENTS) : null;
		records.open(new Transfer(step.processInstanceId(), Transfer.Kind.CRIMINAL, caseId, agency.getCode(),
				handler, party, report.policeOrgan(), Transfer.Status.AWAITING_APPROVAL, reportedAt.toInstant(),
				due.at().toInstant()));
		records.step(step.processInstanceId(), "REPORTED", handler, null, report.crimeSuspicion());
		return new Reported(reportedAt, due, attachments);
	}

	/**
	 * The head's decision: a refusal needs its reasons; an approval the police organ and the attachments
	 * (one per line). Returns the approver ({@code due}: the approval deadline).
	 */
	String checkApproval(Step step, String decision, String refusalReasons, String policeOrgan, List<String> attachments,
			String caseId, String agencyCode, Date due) {
		oneOf(decision, HEAD_DECISION, HEAD_DECISIONS, "请选择“批准移送”或“不批准移送”");
		String actor = principalHead(step, agencyCode, HEAD_DECISION, "批准或者不批准移送");
		String details;
		if ("REFUSE".equals(decision)) {
			details = required(refusalReasons, REFUSAL_REASONS, "不批准移送的理由");
		}
		else {
			String organ = required(policeOrgan, POLICE_ORGAN, "接受移送的公安机关");
			if (attachments.isEmpty()) {
				throw invalid(ATTACHMENTS, "移送材料清单不能为空(国务院令第310号第六条)");
			}
			details = "移送至 " + organ;
			// a decision already made goes with the transfer (第十一条: 行政处罚决定书一并抄送公安机关、人民检察院)
			List<String> decided = documents.listByCase(caseId).stream()
				.filter(d -> ModelVocabulary.DECISION_DOCUMENTS.contains(d.kind())).map(DocumentMetadata::number).toList();
			if (!decided.isEmpty()) {
				if (attachments.stream().noneMatch(line -> line.contains("决定书"))) {
					throw invalid(ATTACHMENTS, "本案已作出行政处罚决定（" + String.join("、", decided)
							+ "），移送材料清单须列明该决定书副本，一并抄送公安机关、人民检察院（国务院令第310号第十一条）");
				}
				details += "，随附行政处罚决定书副本 " + String.join("、", decided);
			}
			records.get(step.processInstanceId()).counterpart(organ, null);
		}
		records.step(step.processInstanceId(), "HEAD_" + decision, actor, due, details);
		return actor;
	}

	/**
	 * The user completing the task must be the agency's principal head (主要负责人, group
	 * {@code <agency>-head}): 第五条 gives the decision to 正职负责人或者主持工作的负责人, not to whoever the task
	 * was handed to.
	 */
	private String principalHead(Step step, String agency, String field, String what) {
		String actor = step.actor();
		boolean head = agency != null && identity.createGroupQuery().groupMember(actor)
			.groupId(StaffRole.HEAD.groupOf(agency)).count() > 0;
		if (!head) {
			throw invalid(field, what + "须由本机关正职负责人或者主持工作的负责人决定（国务院令第310号第五条），"
					+ "当前办理人不是本机关主要负责人");
		}
		return actor;
	}

	/** After a conviction the head decides on the sanctions the court cannot impose (licence revocation etc.). */
	void checkAfterConviction(Step step, String decision, String agencyCode, String reasons) {
		oneOf(decision, AFTER_CONVICTION_DECISION, AFTER_CONVICTION_DECISIONS,
				"请选择“依法给予刑罚以外的行政处罚”或“不再给予行政处罚”");
		String actor = principalHead(step, agencyCode, AFTER_CONVICTION_DECISION, "判处刑罚后是否给予行政处罚");
		required(reasons, AFTER_CONVICTION_REASONS, "理由和拟给予的处罚种类");
		records.step(step.processInstanceId(), "AFTER_CONVICTION_" + decision, actor, null, reasons);
	}

	/**
	 * The head's decision after a conviction, to the calling case: continue with non-fine sanctions, or close.
	 * Returns whether the case continues with sanctions.
	 */
	boolean recordAfterConviction(Step step, String decision) {
		boolean sanction = "SANCTION".equals(decision);
		records.get(step.processInstanceId()).close("CONVICTED", sanction, records.now());
		return sanction;
	}

	/** When the transfer was approved, and the hand-over deadline. */
	record Approved(Date at, Due due) {
	}

	/** Approved: the 24-hour clock to the police starts (第五条). */
	Approved approve(Step step, String approver) {
		Date approvedAt = Date.from(records.now());
		Due due = records.limit(HANDOVER_DUE_AT, HANDOVER_LIMIT, approvedAt);
		Transfer transfer = records.get(step.processInstanceId());
		transfer.approved(approver, approvedAt.toInstant());
		transfer.await(Transfer.Status.AWAITING_HANDOVER, due.at().toInstant());
		return new Approved(approvedAt, due);
	}

	/** The hand-over: copies to the procuratorate and the justice bureau and the report upwards are mandatory. */
	void checkHandover(boolean copiedToProcuratorate, boolean copiedToJusticeBureau, boolean reportedToSuperior) {
		if (!copiedToProcuratorate) {
			throw invalid(COPIED_TO_PROCURATORATE, "移送书须抄送同级人民检察院(R-COORD-2)");
		}
		if (!copiedToJusticeBureau) {
			throw invalid(COPIED_TO_JUSTICE_BUREAU, "移送书须抄送同级司法行政部门(R-COORD-2)");
		}
		if (!reportedToSuperior) {
			throw invalid(REPORTED_TO_SUPERIOR, "须向上一级行政执法机关报告(R-COORD-2)");
		}
	}

	/** When the case was handed over to the police, and their filing deadline. */
	record HandedOver(Date at, Due due) {
	}

	/** Handed over: the police have 3 days to decide on filing (第八条). */
	HandedOver recordHandover(Step step, Date handoverDue, String policeOrgan, String notes) {
		Date handedOverAt = Date.from(records.now());
		Due due = records.limit(POLICE_DECISION_DUE_AT, POLICE_LIMIT, handedOverAt);
		Transfer transfer = records.get(step.processInstanceId());
		transfer.handedOver(handedOverAt.toInstant(), !handedOverAt.after(handoverDue));
		transfer.await(Transfer.Status.AWAITING_POLICE, due.at().toInstant());
		records.step(step.processInstanceId(), "HANDED_OVER", step.actor(), handoverDue,
				"移送 " + policeOrgan + "；已抄送人民检察院、司法行政部门，已报告上一级机关"
						+ (notes == null ? "" : "；" + notes));
		return new HandedOver(handedOverAt, due);
	}

	/**
	 * The police refused to file: the agency may ask for reconsideration within 3 days of receiving the notice
	 * ({@code receivedOn}, yyyy-MM-dd; 第九条). Returns the reconsideration deadline.
	 */
	Due recordNotFiled(Step step, Date policeDecisionDue, String policeNotes, Object receivedOn) {
		Due due = records.limit(RECONSIDERATION_DUE_AT, RECONSIDERATION_LIMIT, receivedOn(receivedOn));
		Transfer transfer = records.get(step.processInstanceId());
		transfer.externalDecision("NOT_FILED");
		transfer.await(Transfer.Status.FOLLOW_UP, due.at().toInstant());
		records.step(step.processInstanceId(), "POLICE_NOT_FILED", step.actor(), policeDecisionDue, policeNotes);
		return due;
	}

	/**
	 * Reconsideration only within its 3 days; filing supervision by the procuratorate at any time
	 * ({@code due}: the reconsideration deadline). A reconsideration asked for gives the police 3 days from receiving
	 * the request (第九条), the transfer's due date while it waits — the request goes out the day it is decided.
	 */
	void checkFollowUp(Step step, String followUp, String notes, Date due) {
		oneOf(followUp, FOLLOW_UP, FOLLOW_UPS, "请选择：提请复议 / 建议人民检察院立案监督 / 两者 / 均不提请");
		if (("RECONSIDERATION".equals(followUp) || "BOTH".equals(followUp)) && due != null
				&& records.now().isAfter(due.toInstant())) {
			throw invalid(FOLLOW_UP, "已超过提请复议期限(自接到不予立案通知书之日起3日内，国务院令第310号第九条)，只能建议人民检察院立案监督");
		}
		if (!"NONE".equals(followUp)) {
			required(notes, FOLLOW_UP_NOTES, "提请复议或建议立案监督的理由");
		}
		Transfer transfer = records.get(step.processInstanceId());
		if ("RECONSIDERATION".equals(followUp) || "BOTH".equals(followUp)) {
			Due police = records.limit(RECONSIDERATION_DUE_AT, POLICE_RECONSIDERATION_LIMIT, Date.from(records.now()));
			transfer.await(Transfer.Status.AWAITING_RECONSIDERATION, police.at().toInstant());
		}
		else if ("SUPERVISION".equals(followUp)) {
			transfer.await(Transfer.Status.AWAITING_RECONSIDERATION, null);
		}
		records.step(step.processInstanceId(), "FOLLOW_UP_" + followUp, step.actor(), due, notes);
	}

	/**
	 * The police upheld their refusal on reconsideration: if the agency still disagrees it must suggest filing
	 * supervision to the procuratorate within 3 days of receiving the reconsideration decision ({@code receivedOn},
	 * yyyy-MM-dd; 第九条). Returns that deadline ({@code reconsiderationDue}: the police's, for the record).
	 */
	Due recordReconsiderationRefused(Step step, Date reconsiderationDue, String notes, Object receivedOn) {
		Due due = records.limit(SUPERVISION_DUE_AT, SUPERVISION_LIMIT, receivedOn(receivedOn));
		Transfer transfer = records.get(step.processInstanceId());
		transfer.await(Transfer.Status.FOLLOW_UP, due.at().toInstant());
		records.step(step.processInstanceId(), "RECONSIDERATION_NOT_FILED", step.actor(), reconsiderationDue, notes);
		return due;
	}

	/**
	 * The head's choice after the upheld refusal: suggest filing supervision (with reasons; recorded late after its 3
	 * days, since the procuratorate's supervision itself has no time bar) or not, and the administrative case goes on.
	 */
	void checkSupervision(Step step, String choice, String notes, Date due) {
		oneOf(choice, SUPERVISION_CHOICE, SUPERVISION_CHOICES, "请选择：建议人民检察院立案监督 / 不再建议");
		if ("SUPERVISION".equals(choice)) {
			required(notes, SUPERVISION_NOTES, "建议立案监督的理由");
			records.get(step.processInstanceId()).await(Transfer.Status.AWAITING_RECONSIDERATION, null);
		}
		records.step(step.processInstanceId(), "SUPERVISION_" + choice, step.actor(),
				"SUPERVISION".equals(choice) ? due : null, notes);
	}

	/** The day a notice was received (yyyy-MM-dd as the transfers API checked it), else today. */
	private Object receivedOn(Object receivedOn) {
		return receivedOn == null || receivedOn.toString().isBlank() ? Date.from(records.now()) : receivedOn.toString();
	}

	/**
	 * The police filed the case (directly or after reconsideration/supervision): hand over the evidence within 3
	 * days of receiving the filing notice ({@code receivedOn}, yyyy-MM-dd; 第十二条). Returns the start of that period:
	 * the beginning of the day the notice was received (now if no day was given).
	 */
	Date recordFiled(Step step, Date policeDecisionDue, String reconsiderationNotes, String policeNotes, Object receivedOn) {
		Date filedAt = receivedOn == null || receivedOn.toString().isBlank() ? Date.from(records.now())
				: Date.from(WorkingDayCalendar.startOfDay(LocalDate.parse(receivedOn.toString())));
		Transfer transfer = records.get(step.processInstanceId());
		boolean afterFollowUp = transfer.getStatus() == Transfer.Status.AWAITING_RECONSIDERATION;
		transfer.externalDecision("FILED");
		transfer.await(Transfer.Status.EVIDENCE_HANDOVER, null);
		records.step(step.processInstanceId(), afterFollowUp ? "POLICE_FILED_AFTER_FOLLOW_UP" : "POLICE_FILED",
				step.actor(), afterFollowUp ? null : policeDecisionDue, afterFollowUp ? reconsiderationNotes : policeNotes);
		return filedAt;
	}

	/** Evidence handed over within 3 days of the filing (第十二条); the due date is the task's. */
	void checkEvidence(Step step, String items, String receivedBy, Date due) {
		required(items, EVIDENCE_ITEMS, "移交的涉案物品和材料");
		required(receivedBy, EVIDENCE_RECEIVED_BY, "公安机关接收人");
		records.step(step.processInstanceId(), "EVIDENCE_HANDED_OVER", step.actor(), due,
				items + "（接收人：" + receivedBy + "）");
	}

	void awaitJudicialOutcome(Step step) {
		records.get(step.processInstanceId()).await(Transfer.Status.AWAITING_JUDICIAL, null);
	}

	/**
	 * The result for the calling case: it may decide on an administrative penalty only after a refusal,
	 * cancellation, non-prosecution, acquittal or exemption (R-COORD-2). Returns whether it may.
	 */
	boolean conclude(Step step, String outcome, String refusalReasons, String reconsiderationNotes, String policeNotes,
			String judicialNotes) {
		if (outcome == null || !(ADMINISTRATIVE_OUTCOMES.contains(outcome) || "CONVICTED".equals(outcome))) {
			throw invalid(JUDICIAL_OUTCOME, "司法处理结果须为 " + JUDICIAL_OUTCOMES + " 之一，收到 " + outcome);
		}
		boolean mayDecide = ADMINISTRATIVE_OUTCOMES.contains(outcome);
		String notes = switch (outcome) {
			case "REFUSED_BY_HEAD" -> refusalReasons;
			case "POLICE_NOT_FILED" -> reconsiderationNotes != null ? reconsiderationNotes : policeNotes;
			default -> judicialNotes;
		};
		records.get(step.processInstanceId()).close(outcome, mayDecide, records.now());
		records.step(step.processInstanceId(), "CLOSED_" + outcome, step.actor(), null, notes);
		return mayDecide;
	}

	private Agency agency(String agencyCode) {
		String code = required(agencyCode, AGENCY, "执法主体");
		return agencies.findById(code).orElseThrow(() -> invalid(AGENCY, "执法主体 " + code + " 不存在"));
	}
}

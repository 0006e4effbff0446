package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferRecords.*;
import static cn.zhifa.transfer.TransferVariables.*;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.document.DocumentMetadata;
import cn.zhifa.document.DocumentService;
import cn.zhifa.platform.ModelVocabulary;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;

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

	private final TransferRecords records;
	private final AgencyRepository agencies;
	private final Deadlines deadlines;
	private final IdentityService identity;
	private final DocumentService documents;

	CriminalTransferService(TransferRecords records, AgencyRepository agencies, Deadlines deadlines, IdentityService identity,
			DocumentService documents) {
		this.records = records;
		this.agencies = agencies;
		this.deadlines = deadlines;
		this.identity = identity;
		this.documents = documents;
	}

	/** The report reaches the head: the 3-day approval clock starts (第五条). */
	void open(DelegateExecution execution) {
		String caseId = required(execution, CASE_ID, "案号");
		Agency agency = agency(execution);
		String handler = required(execution, HANDLER, "承办人");
		String party = required(execution, PARTY_NAME, "当事人");
		required(execution, CRIME_SUSPICION, "涉嫌犯罪的事实和罪名");
		Date reportedAt = Date.from(records.now());
		execution.setVariable(REPORTED_AT, reportedAt);
		Date due = deadlines.setLimit(execution, APPROVAL_DUE_AT, APPROVAL_LIMIT, reportedAt);
		if (lines(execution.getVariable(ATTACHMENTS)).isEmpty()) {
			execution.setVariable(ATTACHMENTS, String.join("\n", STANDARD_ATTACHMENTS));
		}
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(caseId);
		}
		records.open(new Transfer(execution.getProcessInstanceId(), Transfer.Kind.CRIMINAL, caseId, agency.getCode(),
				handler, party, text(execution, POLICE_ORGAN), Transfer.Status.AWAITING_APPROVAL, reportedAt.toInstant(),
				due.toInstant()));
		records.step(execution.getProcessInstanceId(), "REPORTED", handler, null, text(execution, CRIME_SUSPICION));
	}

	/** The head's decision: a refusal needs its reasons; an approval the police organ and the attachments. */
	void checkApproval(DelegateTask task) {
		String decision = oneOf(task, HEAD_DECISION, HEAD_DECISIONS, "请选择“批准移送”或“不批准移送”");
		String actor = principalHead(task, HEAD_DECISION, "批准或者不批准移送");
		String details;
		if ("REFUSE".equals(decision)) {
			details = required(task, REFUSAL_REASONS, "不批准移送的理由");
		}
		else {
			String organ = required(task, POLICE_ORGAN, "接受移送的公安机关");
			if (lines(task.getVariable(ATTACHMENTS)).isEmpty()) {
				throw invalid(ATTACHMENTS, "移送材料清单不能为空(国务院令第310号第六条)");
			}
			details = "移送至 " + organ;
			// a decision already made goes with the transfer (第十一条: 行政处罚决定书一并抄送公安机关、人民检察院)
			List<String> decided = documents.listByCase(text(task, CASE_ID)).stream()
				.filter(d -> ModelVocabulary.DECISION_DOCUMENTS.contains(d.kind())).map(DocumentMetadata::number).toList();
			if (!decided.isEmpty()) {
				if (lines(task.getVariable(ATTACHMENTS)).stream().noneMatch(line -> line.contains("决定书"))) {
					throw invalid(ATTACHMENTS, "本案已作出行政处罚决定（" + String.join("、", decided)
							+ "），移送材料清单须列明该决定书副本，一并抄送公安机关、人民检察院（国务院令第310号第十一条）");
				}
				details += "，随附行政处罚决定书副本 " + String.join("、", decided);
			}
			records.get(task.getProcessInstanceId()).counterpart(organ, null);
		}
		task.setVariable(APPROVER, actor);
		records.step(task.getProcessInstanceId(), "HEAD_" + decision, actor, date(task, APPROVAL_DUE_AT), details);
	}

	/**
	 * The user completing the task must be the agency's principal head (主要负责人, group
	 * {@code <agency>-head}): 第五条 gives the decision to 正职负责人或者主持工作的负责人, not to whoever the task
	 * was handed to.
	 */
	private String principalHead(DelegateTask task, String field, String what) {
		String actor = records.actor(task);
		String agency = text(task, AGENCY);
		boolean head = agency != null && identity.createGroupQuery().groupMember(actor)
			.groupId(StaffRole.HEAD.groupOf(agency)).count() > 0;
		if (!head) {
			throw invalid(field, what + "须由本机关正职负责人或者主持工作的负责人决定（国务院令第310号第五条），"
					+ "当前办理人不是本机关主要负责人");
		}
		return actor;
	}

	/** After a conviction the head decides on the sanctions the court cannot impose (licence revocation etc.). */
	void checkAfterConviction(DelegateTask task) {
		String decision = oneOf(task, AFTER_CONVICTION_DECISION, AFTER_CONVICTION_DECISIONS,
				"请选择“依法给予刑罚以外的行政处罚”或“不再给予行政处罚”");
		String actor = principalHead(task, AFTER_CONVICTION_DECISION, "判处刑罚后是否给予行政处罚");
		String reasons = required(task, AFTER_CONVICTION_REASONS, "理由和拟给予的处罚种类");
		records.step(task.getProcessInstanceId(), "AFTER_CONVICTION_" + decision, actor, null, reasons);
	}

	/** The head's decision after a conviction, to the calling case: continue with non-fine sanctions, or close. */
	void recordAfterConviction(DelegateExecution execution) {
		boolean sanction = "SANCTION".equals(text(execution, AFTER_CONVICTION_DECISION));
		execution.setVariable(MAY_DECIDE, sanction);
		execution.setVariable(AFTER_CONVICTION, sanction);
		records.get(execution.getProcessInstanceId()).close("CONVICTED", sanction, records.now());
	}

	/** Approved: the 24-hour clock to the police starts (第五条). */
	void approve(DelegateExecution execution) {
		Date approvedAt = Date.from(records.now());
		execution.setVariable(APPROVED_AT, approvedAt);
		Date due = deadlines.setLimit(execution, HANDOVER_DUE_AT, HANDOVER_LIMIT, approvedAt);
		Transfer transfer = records.get(execution.getProcessInstanceId());
		transfer.approved(text(execution, APPROVER), approvedAt.toInstant());
		transfer.await(Transfer.Status.AWAITING_HANDOVER, due.toInstant());
	}

	/** The hand-over: copies to the procuratorate and the justice bureau and the report upwards are mandatory. */
	void checkHandover(DelegateTask task) {
		if (!flag(task, COPIED_TO_PROCURATORATE)) {
			throw invalid(COPIED_TO_PROCURATORATE, "移送书须抄送同级人民检察院(R-COORD-2)");
		}
		if (!flag(task, COPIED_TO_JUSTICE_BUREAU)) {
			throw invalid(COPIED_TO_JUSTICE_BUREAU, "移送书须抄送同级司法行政部门(R-COORD-2)");
		}
		if (!flag(task, REPORTED_TO_SUPERIOR)) {
			throw invalid(REPORTED_TO_SUPERIOR, "须向上一级行政执法机关报告(R-COORD-2)");
		}
	}

	/** Handed over: the police have 3 days to decide on filing (第八条). */
	void recordHandover(DelegateExecution execution) {
		Date handedOverAt = Date.from(records.now());
		Date handoverDue = date(execution, HANDOVER_DUE_AT);
		execution.setVariable(HANDED_OVER_AT, handedOverAt);
		Date due = deadlines.setLimit(execution, POLICE_DECISION_DUE_AT, POLICE_LIMIT, handedOverAt);
		Transfer transfer = records.get(execution.getProcessInstanceId());
		transfer.handedOver(handedOverAt.toInstant(), !handedOverAt.after(handoverDue));
		transfer.await(Transfer.Status.AWAITING_POLICE, due.toInstant());
		records.step(execution.getProcessInstanceId(), "HANDED_OVER", records.actor(execution), handoverDue,
				"移送 " + text(execution, POLICE_ORGAN) + "；已抄送人民检察院、司法行政部门，已报告上一级机关"
						+ (text(execution, HANDOVER_NOTES) == null ? "" : "；" + text(execution, HANDOVER_NOTES)));
	}

	/** The police refused to file: the agency may ask for reconsideration within 3 days (第九条). */
	void recordNotFiled(DelegateExecution execution) {
		Date due = deadlines.setLimit(execution, RECONSIDERATION_DUE_AT, RECONSIDERATION_LIMIT, Date.from(records.now()));
		Transfer transfer = records.get(execution.getProcessInstanceId());
		transfer.externalDecision("NOT_FILED");
		transfer.await(Transfer.Status.FOLLOW_UP, due.toInstant());
		records.step(execution.getProcessInstanceId(), "POLICE_NOT_FILED", records.actor(execution),
				date(execution, POLICE_DECISION_DUE_AT), text(execution, POLICE_DECISION_NOTES));
	}

	/** Reconsideration only within its 3 days; filing supervision by the procuratorate at any time. */
	void checkFollowUp(DelegateTask task) {
		String followUp = oneOf(task, FOLLOW_UP, FOLLOW_UPS, "请选择：提请复议 / 建议人民检察院立案监督 / 两者 / 均不提请");
		Date due = date(task, RECONSIDERATION_DUE_AT);
		if (("RECONSIDERATION".equals(followUp) || "BOTH".equals(followUp)) && due != null
				&& records.now().isAfter(due.toInstant())) {
			throw invalid(FOLLOW_UP, "已超过提请复议期限(自接到不予立案通知书之日起3日内，国务院令第310号第九条)，只能建议人民检察院立案监督");
		}
		if (!"NONE".equals(followUp)) {
			required(task, FOLLOW_UP_NOTES, "提请复议或建议立案监督的理由");
		}
		Transfer transfer = records.get(task.getProcessInstanceId());
		if (!"NONE".equals(followUp)) {
			transfer.await(Transfer.Status.AWAITING_RECONSIDERATION, null);
		}
		records.step(task.getProcessInstanceId(), "FOLLOW_UP_" + followUp, records.actor(task), due,
				text(task, FOLLOW_UP_NOTES));
	}

	/** The police filed the case (directly or after reconsideration/supervision): hand over the evidence. */
	void recordFiled(DelegateExecution execution) {
		Date filedAt = Date.from(records.now());
		execution.setVariable(POLICE_FILED_AT, filedAt);
		Transfer transfer = records.get(execution.getProcessInstanceId());
		boolean afterFollowUp = transfer.getStatus() == Transfer.Status.AWAITING_RECONSIDERATION;
		transfer.externalDecision("FILED");
		transfer.await(Transfer.Status.EVIDENCE_HANDOVER, null);
		records.step(execution.getProcessInstanceId(), afterFollowUp ? "POLICE_FILED_AFTER_FOLLOW_UP" : "POLICE_FILED",
				records.actor(execution), afterFollowUp ? null : date(execution, POLICE_DECISION_DUE_AT),
				text(execution, afterFollowUp ? RECONSIDERATION_NOTES : POLICE_DECISION_NOTES));
	}

	/** Evidence handed over within 3 days of the filing (第十二条); the due date is the task's. */
	void checkEvidence(DelegateTask task) {
		String items = required(task, EVIDENCE_ITEMS, "移交的涉案物品和材料");
		String receiver = required(task, EVIDENCE_RECEIVED_BY, "公安机关接收人");
		records.step(task.getProcessInstanceId(), "EVIDENCE_HANDED_OVER", records.actor(task), task.getDueDate(),
				items + "（接收人：" + receiver + "）");
	}

	void awaitJudicialOutcome(DelegateExecution execution) {
		records.get(execution.getProcessInstanceId()).await(Transfer.Status.AWAITING_JUDICIAL, null);
	}

	/**
	 * The result for the calling case: it may decide on an administrative penalty only after a refusal,
	 * cancellation, non-prosecution, acquittal or exemption (R-COORD-2).
	 */
	void conclude(DelegateExecution execution, String outcome) {
		if (outcome == null || !(ADMINISTRATIVE_OUTCOMES.contains(outcome) || "CONVICTED".equals(outcome))) {
			throw invalid(JUDICIAL_OUTCOME, "司法处理结果须为 " + JUDICIAL_OUTCOMES + " 之一，收到 " + outcome);
		}
		boolean mayDecide = ADMINISTRATIVE_OUTCOMES.contains(outcome);
		execution.setVariable(CRIMINAL_OUTCOME, outcome);
		execution.setVariable(MAY_DECIDE, mayDecide);
		String notes = switch (outcome) {
			case "REFUSED_BY_HEAD" -> text(execution, REFUSAL_REASONS);
			case "POLICE_NOT_FILED" -> text(execution, RECONSIDERATION_NOTES) != null ? text(execution, RECONSIDERATION_NOTES)
					: text(execution, POLICE_DECISION_NOTES);
			default -> text(execution, JUDICIAL_NOTES);
		};
		records.get(execution.getProcessInstanceId()).close(outcome, mayDecide, records.now());
		records.step(execution.getProcessInstanceId(), "CLOSED_" + outcome, records.actor(execution), null, notes);
	}

	private Agency agency(DelegateExecution execution) {
		String code = required(execution, AGENCY, "执法主体");
		return agencies.findById(code).orElseThrow(() -> invalid(AGENCY, "执法主体 " + code + " 不存在"));
	}
}

package cn.zhifa.transfer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One transfer, from the report to its result; the id is the process instance id. Lifecycle of a
 * criminal transfer (R-COORD-2): {@code AWAITING_APPROVAL} → {@code CLOSED} (refused) or
 * {@code AWAITING_HANDOVER} → {@code AWAITING_POLICE} → {@code FOLLOW_UP} → {@code AWAITING_RECONSIDERATION}
 * or {@code EVIDENCE_HANDOVER} → {@code AWAITING_JUDICIAL} → {@code CLOSED}. A case transfer (R-COORD-1):
 * {@code AWAITING_SIGNATURE} → {@code AWAITING_ANSWER} → {@code CLOSED} or {@code DISPUTED} →
 * {@code COORDINATION} → {@code CLOSED}. A discipline transfer (R-COORD-3): {@code AWAITING_SIGNATURE} →
 * {@code CLOSED}.
 */
@Entity
@Table(name = "zf_transfer")
public class Transfer {

	public enum Kind {
		CRIMINAL, CASE, DISCIPLINE
	}

	public enum Status {
		AWAITING_APPROVAL, AWAITING_HANDOVER, AWAITING_POLICE, FOLLOW_UP, AWAITING_RECONSIDERATION, EVIDENCE_HANDOVER,
		AWAITING_JUDICIAL, AWAITING_SIGNATURE, AWAITING_ANSWER, DISPUTED, COORDINATION, CLOSED
	}

	@Id
	private String id;
	@Enumerated(EnumType.STRING)
	private Kind kind;
	@Column(name = "case_id")
	private String caseId;
	@Column(name = "agency_code")
	private String agencyCode;
	@Column(name = "handler_id")
	private String handlerId;
	@Column(name = "party_name")
	private String partyName;
	private String counterpart;
	@Column(name = "target_agency_code")
	private String targetAgencyCode;
	@Enumerated(EnumType.STRING)
	private Status status;
	@Column(name = "opened_at")
	private Instant openedAt;
	@Column(name = "current_due_at")
	private Instant currentDueAt;
	@Column(name = "approved_at")
	private Instant approvedAt;
	@Column(name = "approved_by")
	private String approvedBy;
	@Column(name = "handed_over_at")
	private Instant handedOverAt;
	@Column(name = "handed_over_on_time")
	private Boolean handedOverOnTime;
	@Column(name = "external_decision")
	private String externalDecision;
	@Column(name = "receiving_case_no", length = 100)
	private String receivingCaseNo;
	private String outcome;
	@Column(name = "may_decide_admin")
	private Boolean mayDecideAdministratively;
	@Column(name = "closed_at")
	private Instant closedAt;

	protected Transfer() {
	}

	Transfer(String id, Kind kind, String caseId, String agencyCode, String handlerId, String partyName,
			String counterpart, Status status, Instant openedAt, Instant dueAt) {
		this.id = id;
		this.kind = kind;
		this.caseId = caseId;
		this.agencyCode = agencyCode;
		this.handlerId = handlerId;
		this.partyName = partyName;
		this.counterpart = counterpart;
		this.status = status;
		this.openedAt = openedAt;
		this.currentDueAt = dueAt;
	}

	/** The current deadline recomputed with a calendar that arrived later. */
	void dueRecomputed(Instant dueAt) {
		this.currentDueAt = dueAt;
	}

	void await(Status next, Instant dueAt) {
		this.status = next;
		this.currentDueAt = dueAt;
	}

	void approved(String by, Instant at) {
		this.approvedBy = by;
		this.approvedAt = at;
	}

	void handedOver(Instant at, boolean onTime) {
		this.handedOverAt = at;
		this.handedOverOnTime = onTime;
	}

	void counterpart(String counterpart, String targetAgencyCode) {
		this.counterpart = counterpart;
		this.targetAgencyCode = targetAgencyCode;
	}

	void externalDecision(String decision) {
		this.externalDecision = decision;
	}

	void receivingCase(String caseNo) {
		this.receivingCaseNo = caseNo;
	}

	void close(String outcome, Boolean mayDecideAdministratively, Instant at) {
		this.status = Status.CLOSED;
		this.outcome = outcome;
		this.mayDecideAdministratively = mayDecideAdministratively;
		this.currentDueAt = null;
		this.closedAt = at;
	}

	public String getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public String getCaseId() {
		return caseId;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getHandlerId() {
		return handlerId;
	}

	public String getPartyName() {
		return partyName;
	}

	public String getCounterpart() {
		return counterpart;
	}

	public String getTargetAgencyCode() {
		return targetAgencyCode;
	}

	public Status getStatus() {
		return status;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public Instant getCurrentDueAt() {
		return currentDueAt;
	}

	public Instant getApprovedAt() {
		return approvedAt;
	}

	public String getApprovedBy() {
		return approvedBy;
	}

	public Instant getHandedOverAt() {
		return handedOverAt;
	}

	public Boolean getHandedOverOnTime() {
		return handedOverOnTime;
	}

	public String getExternalDecision() {
		return externalDecision;
	}

	public String getReceivingCaseNo() {
		return receivingCaseNo;
	}

	public String getOutcome() {
		return outcome;
	}

	public Boolean getMayDecideAdministratively() {
		return mayDecideAdministratively;
	}

	public Instant getClosedAt() {
		return closedAt;
	}
}

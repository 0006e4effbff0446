package cn.zhifa.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One complaint or report (投诉举报, R-COORD-4), from its receipt to the reply; the receipt number is its
 * id and the business key of its process. Status: {@code RECEIVED} → {@code ACCEPTED} → {@code REPLIED},
 * or {@code NOT_ACCEPTED}, or {@code TRANSFERRED_EXTERNAL}; a move to another agency on Zhifa keeps the row
 * ({@code agencyCode} and {@code processInstanceId} change, {@code transfers} counts the moves).
 */
@Entity
@Table(name = "zf_complaint")
class Complaint {

	public static final String RECEIVED = "RECEIVED";
	public static final String ACCEPTED = "ACCEPTED";
	public static final String NOT_ACCEPTED = "NOT_ACCEPTED";
	public static final String TRANSFERRED_EXTERNAL = "TRANSFERRED_EXTERNAL";
	public static final String REPLIED = "REPLIED";

	@Id
	@Column(name = "receipt_no", length = 32)
	private String receiptNo;
	@Column(name = "query_code_hash", length = 64)
	private String queryCodeHash;
	@Column(length = 16)
	private String channel;
	@Column(length = 32)
	private String category;
	@Column(name = "concerned_agency", length = 100)
	private String concernedAgency;
	@Column(length = 200)
	private String location;
	@Column(length = 2000)
	private String content;
	@Column(name = "complainant_name", length = 50)
	private String complainantName;
	@Column(name = "complainant_contact", length = 100)
	private String complainantContact;
	@Column(name = "submitted_at")
	private Instant submittedAt;
	@Column(name = "registered_by", length = 64)
	private String registeredBy;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(name = "first_agency_code", length = 32)
	private String firstAgencyCode;
	@Column(name = "routing_basis", length = 500)
	private String routingBasis;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(length = 32)
	private String status;
	@Column(name = "handling_body", length = 200)
	private String handlingBody;
	@Column(name = "routing_due_at")
	private Instant routingDueAt;
	@Column(name = "acceptance_due_at")
	private Instant acceptanceDueAt;
	@Column(name = "decided_at")
	private Instant decidedAt;
	@Column(name = "decided_by", length = 64)
	private String decidedBy;
	@Column(name = "not_accepted_reason", length = 1000)
	private String notAcceptedReason;
	@Column(name = "handler_id", length = 64)
	private String handlerId;
	@Column(name = "handling_due_at")
	private Instant handlingDueAt;
	@Column(length = 2000)
	private String reply;
	@Column(name = "replied_at")
	private Instant repliedAt;
	@Column(name = "replied_on_time")
	private Boolean repliedOnTime;
	@Column(name = "case_no", length = 100)
	private String caseNo;
	private int transfers;
	/** The agency on Zhifa that moved it to the current one, which is told the result (seed 002 (十五)二). */
	@Column(name = "referred_by_agency_code", length = 32)
	private String referredByAgencyCode;

	protected Complaint() {
	}

	Complaint(String receiptNo, String queryCodeHash, ComplaintInput input, String channel, String registeredBy,
			String agencyCode, String agencyName, Instant at) {
		this.receiptNo = receiptNo;
		this.queryCodeHash = queryCodeHash;
		this.channel = channel;
		this.category = input.category();
		this.concernedAgency = input.concernedAgency();
		this.location = input.location();
		this.content = input.content();
		this.complainantName = input.complainantName();
		this.complainantContact = input.complainantContact();
		this.registeredBy = registeredBy;
		this.submittedAt = at;
		this.agencyCode = agencyCode;
		this.firstAgencyCode = agencyCode;
		this.handlingBody = agencyName;
		this.status = RECEIVED;
	}

	void attach(String processInstanceId, String agencyCode, String agencyName, Instant routingDueAt, Instant acceptanceDueAt) {
		this.processInstanceId = processInstanceId;
		this.agencyCode = agencyCode;
		this.handlingBody = agencyName;
		this.routingDueAt = routingDueAt;
		this.acceptanceDueAt = acceptanceDueAt;
		this.status = RECEIVED;
	}

	void routed(String basis) {
		this.routingBasis = basis;
	}

	void movedTo(String basis) {
		this.routingBasis = basis;
		this.transfers++;
	}

	/** Moved to another agency on Zhifa by {@code agencyCode}, which then gets the result back. */
	void referredBy(String agencyCode) {
		this.referredByAgencyCode = agencyCode;
	}

	void accepted(String by, Instant at, Instant handlingDueAt) {
		this.status = ACCEPTED;
		this.decidedBy = by;
		this.decidedAt = at;
		this.handlerId = by;
		this.handlingDueAt = handlingDueAt;
	}

	void notAccepted(String by, Instant at, String reason) {
		this.status = NOT_ACCEPTED;
		this.decidedBy = by;
		this.decidedAt = at;
		this.notAcceptedReason = reason;
	}

	void transferredExternally(String by, Instant at, String body, String reply) {
		this.status = TRANSFERRED_EXTERNAL;
		this.decidedBy = by;
		this.decidedAt = at;
		this.handlingBody = body;
		this.reply = reply;
		this.repliedAt = at;
	}

	void caseOpened(String caseNo) {
		this.caseNo = caseNo;
	}

	void replied(String reply, Instant at, Boolean onTime) {
		if (ACCEPTED.equals(status)) {
			this.status = REPLIED;
		}
		this.reply = reply;
		this.repliedAt = at;
		this.repliedOnTime = onTime;
	}

	public String getReceiptNo() {
		return receiptNo;
	}

	String getQueryCodeHash() {
		return queryCodeHash;
	}

	public String getChannel() {
		return channel;
	}

	public String getCategory() {
		return category;
	}

	public String getConcernedAgency() {
		return concernedAgency;
	}

	public String getLocation() {
		return location;
	}

	public String getContent() {
		return content;
	}

	public String getComplainantName() {
		return complainantName;
	}

	public String getComplainantContact() {
		return complainantContact;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public String getRegisteredBy() {
		return registeredBy;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getFirstAgencyCode() {
		return firstAgencyCode;
	}

	public String getRoutingBasis() {
		return routingBasis;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getStatus() {
		return status;
	}

	public String getHandlingBody() {
		return handlingBody;
	}

	public Instant getRoutingDueAt() {
		return routingDueAt;
	}

	public Instant getAcceptanceDueAt() {
		return acceptanceDueAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public String getNotAcceptedReason() {
		return notAcceptedReason;
	}

	public String getHandlerId() {
		return handlerId;
	}

	public Instant getHandlingDueAt() {
		return handlingDueAt;
	}

	public String getReply() {
		return reply;
	}

	public Instant getRepliedAt() {
		return repliedAt;
	}

	public Boolean getRepliedOnTime() {
		return repliedOnTime;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getReferredByAgencyCode() {
		return referredByAgencyCode;
	}

	public int getTransfers() {
		return transfers;
	}
}

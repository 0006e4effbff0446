package cn.zhifa.assistance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One written request for enforcement assistance (执法协助, seed 002 (十五) 五) from one agency to another: the letter's
 * number is its id and the business key of both processes (the requester's {@code assistance-request} and the
 * requested agency's {@code assistance-reply}). Status: {@code SENT} → {@code REFUSED}, or {@code ACCEPTED} →
 * {@code COMPLETED}.
 */
@Entity
@Table(name = "zf_assistance_request")
class AssistanceRequest {

	public static final String SENT = "SENT";
	public static final String ACCEPTED = "ACCEPTED";
	public static final String REFUSED = "REFUSED";
	public static final String COMPLETED = "COMPLETED";

	@Id
	@Column(name = "request_no", length = 32)
	private String requestNo;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(name = "requested_agency", length = 32)
	private String requestedAgency;
	@Column(name = "case_no", length = 100)
	private String caseNo;
	@Column(length = 32)
	private String kind;
	@Column(length = 2000)
	private String matter;
	@Column(length = 2000)
	private String reason;
	@Column(name = "requested_by", length = 64)
	private String requestedBy;
	@Column(name = "requested_at")
	private Instant requestedAt;
	@Column(name = "reply_due_at")
	private Instant replyDueAt;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(name = "reply_process_instance_id", length = 64)
	private String replyProcessInstanceId;
	@Column(length = 32)
	private String status;
	@Column(name = "answered_by", length = 64)
	private String answeredBy;
	@Column(name = "answered_at")
	private Instant answeredAt;
	@Column(name = "answered_on_time")
	private Boolean answeredOnTime;
	@Column(name = "refusal_reasons", length = 2000)
	private String refusalReasons;
	@Column(length = 4000)
	private String outcome;
	@Column(name = "outcome_by", length = 64)
	private String outcomeBy;
	@Column(name = "outcome_at")
	private Instant outcomeAt;

	protected AssistanceRequest() {
	}

	AssistanceRequest(String requestNo, String agencyCode, String requestedAgency, String caseNo, String kind, String matter,
			String reason, String requestedBy, Instant requestedAt, Instant replyDueAt, String processInstanceId) {
		this.requestNo = requestNo;
		this.agencyCode = agencyCode;
		this.requestedAgency = requestedAgency;
		this.caseNo = caseNo;
		this.kind = kind;
		this.matter = matter;
		this.reason = reason;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
		this.replyDueAt = replyDueAt;
		this.processInstanceId = processInstanceId;
		this.status = SENT;
	}

	void delivered(String replyProcessInstanceId) {
		this.replyProcessInstanceId = replyProcessInstanceId;
	}

	void answered(String by, Instant at, boolean accepted, String reasons) {
		this.answeredBy = by;
		this.answeredAt = at;
		this.answeredOnTime = !at.isAfter(replyDueAt);
		this.refusalReasons = reasons;
		this.status = accepted ? ACCEPTED : REFUSED;
	}

	void completed(String by, Instant at, String text) {
		this.outcomeBy = by;
		this.outcomeAt = at;
		this.outcome = text;
		this.status = COMPLETED;
	}

	/** The requester's agency or the requested one: the two parties that may read it. */
	public boolean concerns(java.util.function.Predicate<String> mayAccessAgency) {
		return mayAccessAgency.test(agencyCode) || mayAccessAgency.test(requestedAgency);
	}

	public String getRequestNo() {
		return requestNo;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getRequestedAgency() {
		return requestedAgency;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getKind() {
		return kind;
	}

	public String getMatter() {
		return matter;
	}

	public String getReason() {
		return reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getReplyDueAt() {
		return replyDueAt;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getReplyProcessInstanceId() {
		return replyProcessInstanceId;
	}

	public String getStatus() {
		return status;
	}

	public String getAnsweredBy() {
		return answeredBy;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

	public Boolean getAnsweredOnTime() {
		return answeredOnTime;
	}

	public String getRefusalReasons() {
		return refusalReasons;
	}

	public String getOutcome() {
		return outcome;
	}

	public String getOutcomeBy() {
		return outcomeBy;
	}

	public Instant getOutcomeAt() {
		return outcomeAt;
	}
}

package cn.zhifa.dispute;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One dispute between two agencies (行政执法争议, R-COORD-5) from the applicant's request to negotiate to its end: agreed in
 * negotiation, not accepted by the justice bureau, agreed in the bureau's coordination, the bureau's written opinion
 * accepted by both, or ruled by the county government. The dispute number is its id and the business key of its
 * processes. Status: {@code NEGOTIATING} → {@code APPLIED} → {@code COORDINATING} → {@code OPINION_ISSUED} →
 * {@code REPORTED} → {@code CLOSED} (with {@code outcome}), closing at any step that ends it.
 */
@Entity
@Table(name = "zf_agency_dispute")
class AgencyDispute {

	public static final String NEGOTIATING = "NEGOTIATING";
	public static final String APPLIED = "APPLIED";
	public static final String COORDINATING = "COORDINATING";
	public static final String OPINION_ISSUED = "OPINION_ISSUED";
	public static final String REPORTED = "REPORTED";
	public static final String CLOSED = "CLOSED";

	@Id
	@Column(name = "dispute_no", length = 32)
	private String disputeNo;
	@Column(name = "applicant_code", length = 32)
	private String applicantCode;
	@Column(name = "counterpart_code", length = 32)
	private String counterpartCode;
	@Column(length = 32)
	private String subject;
	@Column(length = 2000)
	private String matter;
	@Column(name = "related_case_no", length = 64)
	private String relatedCaseNo;
	@Column(name = "applicant_position", length = 2000)
	private String applicantPosition;
	@Column(name = "raised_by", length = 64)
	private String raisedBy;
	@Column(name = "raised_at")
	private Instant raisedAt;
	@Column(name = "negotiation_due_at")
	private Instant negotiationDueAt;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(length = 32)
	private String status;
	@Column(length = 32)
	private String outcome;
	@Column(name = "counterpart_reply", length = 16)
	private String counterpartReply;
	@Column(name = "counterpart_position", length = 2000)
	private String counterpartPosition;
	@Column(name = "counterpart_replied_by", length = 64)
	private String counterpartRepliedBy;
	@Column(name = "counterpart_replied_at")
	private Instant counterpartRepliedAt;
	@Column(name = "negotiation_result", length = 2000)
	private String negotiationResult;
	@Column(name = "applied_at")
	private Instant appliedAt;
	@Column(name = "acceptance_due_at")
	private Instant acceptanceDueAt;
	@Column(name = "accepted_by", length = 64)
	private String acceptedBy;
	@Column(name = "accepted_at")
	private Instant acceptedAt;
	@Column(name = "acceptance_notes", length = 2000)
	private String acceptanceNotes;
	@Column(name = "coordination_due_at")
	private Instant coordinationDueAt;
	@Column(name = "coordination_notes", length = 4000)
	private String coordinationNotes;
	@Column(length = 4000)
	private String opinion;
	@Column(name = "opinion_by", length = 64)
	private String opinionBy;
	@Column(name = "opinion_at")
	private Instant opinionAt;
	@Column(name = "opinion_reply_due_at")
	private Instant opinionReplyDueAt;
	@Column(name = "applicant_answer", length = 16)
	private String applicantAnswer;
	@Column(name = "applicant_answer_notes", length = 2000)
	private String applicantAnswerNotes;
	@Column(name = "counterpart_answer", length = 16)
	private String counterpartAnswer;
	@Column(name = "counterpart_answer_notes", length = 2000)
	private String counterpartAnswerNotes;
	@Column(length = 4000)
	private String report;
	@Column(name = "reported_by", length = 64)
	private String reportedBy;
	@Column(name = "reported_at")
	private Instant reportedAt;
	@Column(name = "ruling_due_at")
	private Instant rulingDueAt;
	@Column(length = 4000)
	private String ruling;
	@Column(name = "ruling_no", length = 64)
	private String rulingNo;
	@Column(name = "ruling_recorded_by", length = 64)
	private String rulingRecordedBy;
	@Column(name = "closed_at")
	private Instant closedAt;

	protected AgencyDispute() {
	}

	AgencyDispute(String disputeNo, String applicantCode, String counterpartCode, String subject, String matter,
			String relatedCaseNo, String applicantPosition, String raisedBy, Instant raisedAt, Instant negotiationDueAt,
			String processInstanceId) {
		this.disputeNo = disputeNo;
		this.applicantCode = applicantCode;
		this.counterpartCode = counterpartCode;
		this.subject = subject;
		this.matter = matter;
		this.relatedCaseNo = relatedCaseNo;
		this.applicantPosition = applicantPosition;
		this.raisedBy = raisedBy;
		this.raisedAt = raisedAt;
		this.negotiationDueAt = negotiationDueAt;
		this.processInstanceId = processInstanceId;
		this.status = NEGOTIATING;
	}

	void counterpartReplied(String reply, String position, String by, Instant at) {
		this.counterpartReply = reply;
		this.counterpartPosition = position;
		this.counterpartRepliedBy = by;
		this.counterpartRepliedAt = at;
	}

	void applied(String result, Instant at, Instant acceptanceDue) {
		this.negotiationResult = result;
		this.appliedAt = at;
		this.acceptanceDueAt = acceptanceDue;
		this.status = APPLIED;
	}

	void accepted(String by, Instant at, String notes, Instant coordinationDue) {
		this.acceptedBy = by;
		this.acceptedAt = at;
		this.acceptanceNotes = notes;
		this.coordinationDueAt = coordinationDue;
		this.status = COORDINATING;
	}

	void opinionIssued(String by, Instant at, String notes, String text, Instant replyDue) {
		this.opinionBy = by;
		this.opinionAt = at;
		this.coordinationNotes = notes;
		this.opinion = text;
		this.opinionReplyDueAt = replyDue;
		this.status = OPINION_ISSUED;
	}

	void answers(String applicant, String applicantNotes, String counterpart, String counterpartNotes) {
		this.applicantAnswer = applicant;
		this.applicantAnswerNotes = applicantNotes;
		this.counterpartAnswer = counterpart;
		this.counterpartAnswerNotes = counterpartNotes;
	}

	void reported(String by, Instant at, String text, Instant rulingDue) {
		this.reportedBy = by;
		this.reportedAt = at;
		this.report = text;
		this.rulingDueAt = rulingDue;
		this.status = REPORTED;
	}

	void ruled(String by, String text, String number) {
		this.rulingRecordedBy = by;
		this.ruling = text;
		this.rulingNo = number;
	}

	void closed(String how, Instant at, String notes) {
		this.outcome = how;
		this.closedAt = at;
		this.status = CLOSED;
		if ("AGREED_IN_NEGOTIATION".equals(how)) {
			this.negotiationResult = notes;
		}
		else if ("NOT_ACCEPTED".equals(how)) {
			this.acceptanceNotes = notes;
		}
		else if ("AGREED_IN_COORDINATION".equals(how)) {
			this.coordinationNotes = notes;
		}
	}

	void notAcceptedBy(String by, Instant at) {
		this.acceptedBy = by;
		this.acceptedAt = at;
	}

	/** A party to the dispute: the applicant or the other agency. */
	public boolean involves(String agencyCode) {
		return applicantCode.equals(agencyCode) || counterpartCode.equals(agencyCode);
	}

	public boolean isOpen() {
		return !CLOSED.equals(status);
	}

	public String getDisputeNo() { return disputeNo; }
	public String getApplicantCode() { return applicantCode; }
	public String getCounterpartCode() { return counterpartCode; }
	public String getSubject() { return subject; }
	public String getMatter() { return matter; }
	public String getRelatedCaseNo() { return relatedCaseNo; }
	public String getApplicantPosition() { return applicantPosition; }
	public String getRaisedBy() { return raisedBy; }
	public Instant getRaisedAt() { return raisedAt; }
	public Instant getNegotiationDueAt() { return negotiationDueAt; }
	public String getProcessInstanceId() { return processInstanceId; }
	public String getStatus() { return status; }
	public String getOutcome() { return outcome; }
	public String getCounterpartReply() { return counterpartReply; }
	public String getCounterpartPosition() { return counterpartPosition; }
	public String getCounterpartRepliedBy() { return counterpartRepliedBy; }
	public Instant getCounterpartRepliedAt() { return counterpartRepliedAt; }
	public String getNegotiationResult() { return negotiationResult; }
	public Instant getAppliedAt() { return appliedAt; }
	public Instant getAcceptanceDueAt() { return acceptanceDueAt; }
	public String getAcceptedBy() { return acceptedBy; }
	public Instant getAcceptedAt() { return acceptedAt; }
	public String getAcceptanceNotes() { return acceptanceNotes; }
	public Instant getCoordinationDueAt() { return coordinationDueAt; }
	public String getCoordinationNotes() { return coordinationNotes; }
	public String getOpinion() { return opinion; }
	public String getOpinionBy() { return opinionBy; }
	public Instant getOpinionAt() { return opinionAt; }
	public Instant getOpinionReplyDueAt() { return opinionReplyDueAt; }
	public String getApplicantAnswer() { return applicantAnswer; }
	public String getApplicantAnswerNotes() { return applicantAnswerNotes; }
	public String getCounterpartAnswer() { return counterpartAnswer; }
	public String getCounterpartAnswerNotes() { return counterpartAnswerNotes; }
	public String getReport() { return report; }
	public String getReportedBy() { return reportedBy; }
	public Instant getReportedAt() { return reportedAt; }
	public Instant getRulingDueAt() { return rulingDueAt; }
	public String getRuling() { return ruling; }
	public String getRulingNo() { return rulingNo; }
	public String getRulingRecordedBy() { return rulingRecordedBy; }
	public Instant getClosedAt() { return closedAt; }
}

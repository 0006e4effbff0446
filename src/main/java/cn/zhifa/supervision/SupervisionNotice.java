package cn.zhifa.supervision;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One supervision notice (行政执法监督通知书, R-COORD-8) from its issue to the bureau's check: the notice number is its id
 * and the business key of its process. Status: {@code ISSUED} → {@code REPORTED} → {@code CLOSED} or
 * {@code ESCALATED}, or back to {@code ISSUED} when the bureau finds the rectification insufficient ({@code rounds}).
 */
@Entity
@Table(name = "zf_supervision_notice")
class SupervisionNotice {

	public static final String ISSUED = "ISSUED";
	public static final String REPORTED = "REPORTED";
	public static final String CLOSED = "CLOSED";
	public static final String ESCALATED = "ESCALATED";

	@Id
	@Column(name = "notice_no", length = 32)
	private String noticeNo;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(length = 32)
	private String source;
	@Column(name = "source_ref", length = 64)
	private String sourceRef;
	@Column(length = 2000)
	private String problem;
	@Column(length = 2000)
	private String requirement;
	@Column(name = "period_working_days")
	private int periodWorkingDays;
	@Column(name = "issued_by", length = 64)
	private String issuedBy;
	@Column(name = "issued_at")
	private Instant issuedAt;
	@Column(name = "rectification_due_at")
	private Instant rectificationDueAt;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(length = 32)
	private String status;
	private int rounds;
	@Column(name = "reported_by", length = 64)
	private String reportedBy;
	@Column(name = "reported_at")
	private Instant reportedAt;
	@Column(length = 4000)
	private String report;
	@Column(name = "reported_on_time")
	private Boolean reportedOnTime;
	@Column(name = "checked_by", length = 64)
	private String checkedBy;
	@Column(name = "checked_at")
	private Instant checkedAt;
	@Column(length = 2000)
	private String opinion;
	@Column(length = 32)
	private String escalation;

	protected SupervisionNotice() {
	}

	SupervisionNotice(String noticeNo, String agencyCode, String source, String sourceRef, String problem, String requirement,
			int periodWorkingDays, String issuedBy, Instant issuedAt, Instant rectificationDueAt, String processInstanceId) {
		this.noticeNo = noticeNo;
		this.agencyCode = agencyCode;
		this.source = source;
		this.sourceRef = sourceRef;
		this.problem = problem;
		this.requirement = requirement;
		this.periodWorkingDays = periodWorkingDays;
		this.issuedBy = issuedBy;
		this.issuedAt = issuedAt;
		this.rectificationDueAt = rectificationDueAt;
		this.processInstanceId = processInstanceId;
		this.status = ISSUED;
		this.rounds = 1;
	}

	void reported(String by, Instant at, String text) {
		this.reportedBy = by;
		this.reportedAt = at;
		this.report = text;
		this.reportedOnTime = !at.isAfter(rectificationDueAt);
		this.status = REPORTED;
	}

	void sentBack(String by, Instant at, String text, Instant newDue) {
		this.checkedBy = by;
		this.checkedAt = at;
		this.opinion = text;
		this.rectificationDueAt = newDue;
		this.rounds++;
		this.status = ISSUED;
	}

	void closed(String by, Instant at, String text) {
		this.checkedBy = by;
		this.checkedAt = at;
		this.opinion = text;
		this.status = CLOSED;
	}

	void escalated(String by, Instant at, String text, String how) {
		this.checkedBy = by;
		this.checkedAt = at;
		this.opinion = text;
		this.escalation = how;
		this.status = ESCALATED;
	}

	public boolean isOpen() {
		return ISSUED.equals(status) || REPORTED.equals(status);
	}

	public String getNoticeNo() {
		return noticeNo;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getSource() {
		return source;
	}

	public String getSourceRef() {
		return sourceRef;
	}

	public String getProblem() {
		return problem;
	}

	public String getRequirement() {
		return requirement;
	}

	public int getPeriodWorkingDays() {
		return periodWorkingDays;
	}

	public String getIssuedBy() {
		return issuedBy;
	}

	public Instant getIssuedAt() {
		return issuedAt;
	}

	public Instant getRectificationDueAt() {
		return rectificationDueAt;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getStatus() {
		return status;
	}

	public int getRounds() {
		return rounds;
	}

	public String getReportedBy() {
		return reportedBy;
	}

	public Instant getReportedAt() {
		return reportedAt;
	}

	public String getReport() {
		return report;
	}

	public Boolean getReportedOnTime() {
		return reportedOnTime;
	}

	public String getCheckedBy() {
		return checkedBy;
	}

	public Instant getCheckedAt() {
		return checkedAt;
	}

	public String getOpinion() {
		return opinion;
	}

	public String getEscalation() {
		return escalation;
	}
}

package cn.zhifa.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A warning or breach of a step's deadline, kept for supervision and statistics. */
@Entity
@Table(name = "zf_sla_event")
class SlaEvent {

	public enum Kind {
		WARNING, BREACH
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Kind kind;
	@Column(name = "agency_code")
	private String agencyCode;
	@Column(name = "case_id")
	private String caseId;
	@Column(name = "process_key")
	private String processKey;
	@Column(name = "process_instance_id")
	private String processInstanceId;
	@Column(name = "activity_id")
	private String activityId;
	@Column(name = "activity_name")
	private String activityName;
	@Column(name = "due_at")
	private Instant dueAt;
	@Column(name = "occurred_at")
	private Instant occurredAt;
	@Column(name = "timer_job_key")
	private String timerJobKey;

	protected SlaEvent() {
	}

	SlaEvent(Kind kind, String agencyCode, String caseId, String processKey, String processInstanceId, String activityId,
			String activityName, Instant dueAt, Instant occurredAt, String timerJobKey) {
		this.kind = kind;
		this.agencyCode = agencyCode;
		this.caseId = caseId;
		this.processKey = processKey;
		this.processInstanceId = processInstanceId;
		this.activityId = activityId;
		this.activityName = activityName;
		this.dueAt = dueAt;
		this.occurredAt = occurredAt;
		this.timerJobKey = timerJobKey;
	}

	public Long getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getCaseId() {
		return caseId;
	}

	public String getProcessKey() {
		return processKey;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getActivityId() {
		return activityId;
	}

	public String getActivityName() {
		return activityName;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}
}

package cn.zhifa.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message for one user or for everyone in one group (e.g. {@code LIAOKUO-head}, {@code supervisor}). */
@Entity
@Table(name = "zf_notification")
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "recipient_user")
	private String recipientUser;
	@Column(name = "recipient_group")
	private String recipientGroup;
	private String kind;
	@Column(name = "agency_code")
	private String agencyCode;
	@Column(name = "case_id")
	private String caseId;
	@Column(name = "process_instance_id")
	private String processInstanceId;
	private String message;
	@Column(name = "created_at")
	private Instant createdAt;
	@Column(name = "read_at")
	private Instant readAt;

	protected Notification() {
	}

	Notification(String recipientUser, String recipientGroup, String kind, String agencyCode, String caseId,
			String processInstanceId, String message, Instant createdAt) {
		this.recipientUser = recipientUser;
		this.recipientGroup = recipientGroup;
		this.kind = kind;
		this.agencyCode = agencyCode;
		this.caseId = caseId;
		this.processInstanceId = processInstanceId;
		this.message = message;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public String getRecipientUser() {
		return recipientUser;
	}

	public String getRecipientGroup() {
		return recipientGroup;
	}

	public String getKind() {
		return kind;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getCaseId() {
		return caseId;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getMessage() {
		return message;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}

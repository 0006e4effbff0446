package cn.zhifa.transfer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded step of a transfer: who did what when, against which deadline (R-COORD-1…3, R-COORD-5). */
@Entity
@Table(name = "zf_transfer_step")
public class TransferStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "transfer_id")
	private String transferId;
	private String step;
	private String actor;
	@Column(name = "occurred_at")
	private Instant occurredAt;
	@Column(name = "due_at")
	private Instant dueAt;
	@Column(name = "on_time")
	private Boolean onTime;
	@Column(length = 4000)
	private String details;

	protected TransferStep() {
	}

	TransferStep(String transferId, String step, String actor, Instant occurredAt, Instant dueAt, String details) {
		this.transferId = transferId;
		this.step = step;
		this.actor = actor;
		this.occurredAt = occurredAt;
		this.dueAt = dueAt;
		this.onTime = dueAt == null ? null : !occurredAt.isAfter(dueAt);
		this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
	}

	public Long getId() {
		return id;
	}

	public String getTransferId() {
		return transferId;
	}

	public String getStep() {
		return step;
	}

	public String getActor() {
		return actor;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public Boolean getOnTime() {
		return onTime;
	}

	public String getDetails() {
		return details;
	}
}

package cn.zhifa.legalreview;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One legal review of a major decision, from the request to its result. Lifecycle:
 * {@code MATERIALS_CHECK} → {@code IN_REVIEW} (a round with its clock) → either {@code CONCLUDED}
 * (PASSED, SUSPECTED_CRIME) or {@code AWAITING_HANDLER} (correct and resubmit: a new round; or
 * respond) → possibly {@code DISAGREEMENT} (negotiation, head ruling) → {@code CONCLUDED}.
 */
@Entity
@Table(name = "zf_legal_review")
public class LegalReview {

	public enum Status {
		MATERIALS_CHECK, IN_REVIEW, AWAITING_HANDLER, DISAGREEMENT, CONCLUDED
	}

	@Id
	private String id;
	@Column(name = "case_id", length = 100)
	private String caseId;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(name = "decision_type", length = 32)
	private String decisionType;
	@Column(name = "major_reasons", length = 2000)
	private String majorReasons;
	@Column(name = "handler_id", length = 64)
	private String handlerId;
	@Enumerated(EnumType.STRING)
	private Status status;
	private String result;
	@Column(name = "head_ruling")
	private String headRuling;
	@Column(name = "current_round")
	private int currentRound;
	@Column(name = "current_due_at")
	private Instant currentDueAt;
	@Column(name = "opinion_doc_id")
	private String opinionDocId;
	@Column(name = "requested_at")
	private Instant requestedAt;
	@Column(name = "concluded_at")
	private Instant concludedAt;

	protected LegalReview() {
	}

	LegalReview(String id, String caseId, String agencyCode, String decisionType, String majorReasons, String handlerId,
			Instant requestedAt) {
		this.id = id;
		this.caseId = caseId;
		this.agencyCode = agencyCode;
		this.decisionType = decisionType;
		this.majorReasons = majorReasons;
		this.handlerId = handlerId;
		this.requestedAt = requestedAt;
		this.status = Status.MATERIALS_CHECK;
	}

	void startRound(int round, Instant dueAt) {
		this.currentRound = round;
		this.currentDueAt = dueAt;
		this.status = Status.IN_REVIEW;
	}

	void extendTo(Instant dueAt) {
		this.currentDueAt = dueAt;
	}

	void awaitHandler(String opinionDocId) {
		this.status = Status.AWAITING_HANDLER;
		this.opinionDocId = opinionDocId;
	}

	void disagreement() {
		this.status = Status.DISAGREEMENT;
	}

	void conclude(String result, String headRuling, String opinionDocId, Instant at) {
		this.status = Status.CONCLUDED;
		this.result = result;
		this.headRuling = headRuling;
		if (opinionDocId != null) {
			this.opinionDocId = opinionDocId;
		}
		this.concludedAt = at;
	}

	public String getId() {
		return id;
	}

	public String getCaseId() {
		return caseId;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getDecisionType() {
		return decisionType;
	}

	public String getMajorReasons() {
		return majorReasons;
	}

	public String getHandlerId() {
		return handlerId;
	}

	public Status getStatus() {
		return status;
	}

	public String getResult() {
		return result;
	}

	public String getHeadRuling() {
		return headRuling;
	}

	public int getCurrentRound() {
		return currentRound;
	}

	public Instant getCurrentDueAt() {
		return currentDueAt;
	}

	public String getOpinionDocId() {
		return opinionDocId;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getConcludedAt() {
		return concludedAt;
	}
}

package cn.zhifa.legalreview;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A handler's disagreement with a review opinion (R-REV-6) and the responsibility record (R-REV-7):
 * the handler's reasons and basis, the reviewer's opinion, the negotiation, and — when they do not
 * agree — the head's ruling, flagged when it overrides the review.
 */
@Entity
@Table(name = "zf_review_disagreement")
class ReviewDisagreement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "review_id")
	private String reviewId;
	@Column(name = "round_no")
	private int roundNo;
	@Column(name = "process_instance_id")
	private String processInstanceId;
	@Column(name = "handler_id")
	private String handlerId;
	@Column(name = "handler_reasons")
	private String handlerReasons;
	@Column(name = "handler_basis")
	private String handlerBasis;
	@Column(name = "reviewer_id")
	private String reviewerId;
	@Column(name = "review_opinion")
	private String reviewOpinion;
	@Column(name = "negotiation_result")
	private String negotiationResult;
	@Column(name = "negotiation_notes")
	private String negotiationNotes;
	@Column(name = "negotiated_by")
	private String negotiatedBy;
	@Column(name = "revised_opinion")
	private String revisedOpinion;
	@Column(name = "head_id")
	private String headId;
	@Column(name = "head_ruling")
	private String headRuling;
	@Column(name = "head_reasons")
	private String headReasons;
	@Column(name = "head_overrides_review")
	private Boolean headOverridesReview;
	private String outcome;
	@Column(name = "opened_at")
	private Instant openedAt;
	@Column(name = "closed_at")
	private Instant closedAt;

	protected ReviewDisagreement() {
	}

	ReviewDisagreement(String reviewId, int roundNo, String processInstanceId, String handlerId, String handlerReasons,
			String handlerBasis, String reviewerId, String reviewOpinion, Instant openedAt) {
		this.reviewId = reviewId;
		this.roundNo = roundNo;
		this.processInstanceId = processInstanceId;
		this.handlerId = handlerId;
		this.handlerReasons = handlerReasons;
		this.handlerBasis = handlerBasis;
		this.reviewerId = reviewerId;
		this.reviewOpinion = reviewOpinion;
		this.openedAt = openedAt;
	}

	/** {@code revisedOpinion}: the review office's revision (reasons and main points), only for REVIEW_REVISED. */
	void negotiated(String result, String notes, String revisedOpinion, String by) {
		this.negotiationResult = result;
		this.negotiationNotes = notes;
		this.revisedOpinion = revisedOpinion;
		this.negotiatedBy = by;
	}

	void ruled(String headId, String ruling, String reasons) {
		this.headId = headId;
		this.headRuling = ruling;
		this.headReasons = reasons;
		this.headOverridesReview = !"ADOPT_REVIEW".equals(ruling);
	}

	void close(String outcome, Instant at) {
		this.outcome = outcome;
		this.closedAt = at;
	}

	public Long getId() {
		return id;
	}

	public int getRoundNo() {
		return roundNo;
	}

	public String getNegotiationNotes() {
		return negotiationNotes;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getReviewId() {
		return reviewId;
	}

	public String getHandlerId() {
		return handlerId;
	}

	public String getHandlerReasons() {
		return handlerReasons;
	}

	public String getHandlerBasis() {
		return handlerBasis;
	}

	public String getReviewerId() {
		return reviewerId;
	}

	public String getReviewOpinion() {
		return reviewOpinion;
	}

	public String getNegotiationResult() {
		return negotiationResult;
	}

	public String getNegotiatedBy() {
		return negotiatedBy;
	}

	public String getRevisedOpinion() {
		return revisedOpinion;
	}

	public String getHeadId() {
		return headId;
	}

	public String getHeadRuling() {
		return headRuling;
	}

	public String getHeadReasons() {
		return headReasons;
	}

	public Boolean getHeadOverridesReview() {
		return headOverridesReview;
	}

	public String getOutcome() {
		return outcome;
	}
}

package cn.zhifa.legalreview;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One round of review: the clock from the materials' acceptance (or the resubmission, R-REV-5), the
 * due instant (5 or, extended once, 8 working days, R-REV-3), the reviewer's checklist (R-REV-4),
 * opinion and outcome, and whether it was given on time. Rounds are never overwritten.
 */
@Entity
@Table(name = "zf_review_round")
class ReviewRound {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "review_id")
	private String reviewId;
	@Column(name = "round_no")
	private int roundNo;
	@Column(name = "materials_received_at")
	private Instant materialsReceivedAt;
	@Column(name = "due_at")
	private Instant dueAt;
	private boolean extended;
	@Column(name = "extension_reason")
	private String extensionReason;
	@Column(name = "reviewer_id")
	private String reviewerId;
	private String checklist;
	private String opinion;
	private String outcome;
	@Column(name = "decided_at")
	private Instant decidedAt;
	@Column(name = "decided_on_time")
	private Boolean decidedOnTime;
	@Column(name = "working_days_taken")
	private Integer workingDaysTaken;
	@Column(name = "opinion_doc_id")
	private String opinionDocId;
	/** R-REV-8: a public lawyer (PUBLIC_LAWYER) or legal adviser (LEGAL_ADVISER) took part; null or NONE: nobody. */
	@Column(name = "counsel_kind", length = 32)
	private String counselKind;
	@Column(name = "counsel_name", length = 100)
	private String counselName;
	@Column(name = "counsel_opinion", length = 2000)
	private String counselOpinion;
	/** ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED. */
	@Column(name = "counsel_adoption", length = 32)
	private String counselAdoption;
	@Column(name = "counsel_not_adopted_reason", length = 2000)
	private String counselNotAdoptedReason;

	protected ReviewRound() {
	}

	ReviewRound(String reviewId, int roundNo, Instant materialsReceivedAt, Instant dueAt) {
		this.reviewId = reviewId;
		this.roundNo = roundNo;
		this.materialsReceivedAt = materialsReceivedAt;
		this.dueAt = dueAt;
	}

	/** The deadline recomputed with a calendar that arrived later (not an extension). */
	void dueRecomputed(Instant newDueAt) {
		this.dueAt = newDueAt;
	}

	void extend(Instant newDueAt, String reason) {
		this.extended = true;
		this.dueAt = newDueAt;
		this.extensionReason = reason;
	}

	void decide(String reviewerId, String checklist, String opinion, String outcome, Instant at, int workingDaysTaken) {
		this.reviewerId = reviewerId;
		this.checklist = checklist;
		this.opinion = opinion;
		this.outcome = outcome;
		this.decidedAt = at;
		this.decidedOnTime = !at.isAfter(dueAt);
		this.workingDaysTaken = workingDaysTaken;
	}

	/** R-REV-8: who of the public lawyers / legal advisers took part, their opinion and whether it was adopted. */
	void recordCounsel(String kind, String name, String opinion, String adoption, String notAdoptedReason) {
		this.counselKind = kind;
		this.counselName = name;
		this.counselOpinion = opinion;
		this.counselAdoption = adoption;
		this.counselNotAdoptedReason = notAdoptedReason;
	}

	public String getCounselKind() {
		return counselKind;
	}

	public String getCounselName() {
		return counselName;
	}

	public String getCounselOpinion() {
		return counselOpinion;
	}

	public String getCounselAdoption() {
		return counselAdoption;
	}

	public String getCounselNotAdoptedReason() {
		return counselNotAdoptedReason;
	}

	void attachOpinionDocument(String docId) {
		this.opinionDocId = docId;
	}

	public int getRoundNo() {
		return roundNo;
	}

	public Instant getMaterialsReceivedAt() {
		return materialsReceivedAt;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public boolean isExtended() {
		return extended;
	}

	public String getExtensionReason() {
		return extensionReason;
	}

	public String getReviewerId() {
		return reviewerId;
	}

	public String getChecklist() {
		return checklist;
	}

	public String getOpinion() {
		return opinion;
	}

	public String getOutcome() {
		return outcome;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public Boolean getDecidedOnTime() {
		return decidedOnTime;
	}

	public Integer getWorkingDaysTaken() {
		return workingDaysTaken;
	}

	public String getOpinionDocId() {
		return opinionDocId;
	}
}

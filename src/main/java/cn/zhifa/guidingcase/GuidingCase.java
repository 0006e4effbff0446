package cn.zhifa.guidingcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One guiding case (行政执法指导案例, seed 002 (十一)) from the agency's proposal to the justice bureau's review: the
 * number is its id and the business key of its process. The texts are stored redacted (what the portal publishes).
 * Status: {@code PROPOSED} → {@code PUBLISHED} or {@code REJECTED}, or {@code RETURNED} to the agency for revision and
 * then {@code PROPOSED} again ({@code rounds}).
 */
@Entity
@Table(name = "zf_guiding_case")
public class GuidingCase {

	public static final String PROPOSED = "PROPOSED";
	public static final String RETURNED = "RETURNED";
	public static final String PUBLISHED = "PUBLISHED";
	public static final String REJECTED = "REJECTED";

	@Id
	@Column(name = "guiding_no", length = 32)
	private String guidingNo;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(name = "case_no", length = 100)
	private String caseNo;
	@Column(length = 32)
	private String category;
	@Column(length = 200)
	private String title;
	@Column(length = 4000)
	private String summary;
	@Column(name = "key_points", length = 2000)
	private String keyPoints;
	@Column(name = "legal_basis", length = 2000)
	private String legalBasis;
	@Column(name = "redaction_summary", length = 500)
	private String redactionSummary;
	@Column(name = "proposed_by", length = 64)
	private String proposedBy;
	@Column(name = "proposed_at")
	private Instant proposedAt;
	@Column(name = "proposal_year")
	private int proposalYear;
	@Column(name = "review_due_at")
	private Instant reviewDueAt;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(length = 32)
	private String status;
	private int rounds;
	@Column(name = "reviewed_by", length = 64)
	private String reviewedBy;
	@Column(name = "reviewed_at")
	private Instant reviewedAt;
	@Column(length = 2000)
	private String opinion;
	@Column(name = "published_at")
	private Instant publishedAt;
	@Column(name = "published_year")
	private Integer publishedYear;

	protected GuidingCase() {
	}

	GuidingCase(String guidingNo, String agencyCode, String caseNo, String proposedBy, Instant proposedAt, int proposalYear,
			String processInstanceId) {
		this.guidingNo = guidingNo;
		this.agencyCode = agencyCode;
		this.caseNo = caseNo;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
		this.proposalYear = proposalYear;
		this.processInstanceId = processInstanceId;
		this.status = PROPOSED;
		this.rounds = 1;
	}

	void texts(String category, String title, String summary, String keyPoints, String legalBasis, String redactionSummary,
			Instant reviewDueAt) {
		this.category = category;
		this.title = title;
		this.summary = summary;
		this.keyPoints = keyPoints;
		this.legalBasis = legalBasis;
		this.redactionSummary = redactionSummary;
		this.reviewDueAt = reviewDueAt;
	}

	void returned(String by, Instant at, String text) {
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.opinion = text;
		this.status = RETURNED;
	}

	void resubmitted() {
		this.rounds++;
		this.status = PROPOSED;
	}

	void published(String by, Instant at, String text, int year) {
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.opinion = text;
		this.publishedAt = at;
		this.publishedYear = year;
		this.status = PUBLISHED;
	}

	void rejected(String by, Instant at, String text) {
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.opinion = text;
		this.status = REJECTED;
	}

	public boolean isPublished() {
		return PUBLISHED.equals(status);
	}

	public String getGuidingNo() {
		return guidingNo;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getCategory() {
		return category;
	}

	public String getTitle() {
		return title;
	}

	public String getSummary() {
		return summary;
	}

	public String getKeyPoints() {
		return keyPoints;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public String getRedactionSummary() {
		return redactionSummary;
	}

	public String getProposedBy() {
		return proposedBy;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public int getProposalYear() {
		return proposalYear;
	}

	public Instant getReviewDueAt() {
		return reviewDueAt;
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

	public String getReviewedBy() {
		return reviewedBy;
	}

	public Instant getReviewedAt() {
		return reviewedAt;
	}

	public String getOpinion() {
		return opinion;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Integer getPublishedYear() {
		return publishedYear;
	}
}

package cn.zhifa.supervision;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One drawn case file of a review (R-REC-7): its place in the draw, its score and the deficiencies found. */
@Entity
@Table(name = "zf_case_file_review_item")
@IdClass(CaseFileReviewItem.Key.class)
class CaseFileReviewItem {

	public static class Key implements Serializable {

		private static final long serialVersionUID = 1L;
		private String reviewNo;
		private String caseNo;

		public Key() {
		}

		public Key(String reviewNo, String caseNo) {
			this.reviewNo = reviewNo;
			this.caseNo = caseNo;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && Objects.equals(reviewNo, k.reviewNo) && Objects.equals(caseNo, k.caseNo);
		}

		@Override
		public int hashCode() {
			return Objects.hash(reviewNo, caseNo);
		}
	}

	@Id
	@Column(name = "review_no", length = 32)
	private String reviewNo;
	@Id
	@Column(name = "case_no", length = 64)
	private String caseNo;
	@Column(name = "draw_order")
	private int drawOrder;
	private Integer score;
	@Column(length = 16)
	private String grade;
	@Column(length = 2000)
	private String deductions;
	@Column(length = 4000)
	private String comments;
	@Column(name = "interference_count")
	private int interferenceCount;
	@Column(name = "reviewed_by", length = 64)
	private String reviewedBy;
	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	protected CaseFileReviewItem() {
	}

	CaseFileReviewItem(String reviewNo, String caseNo, int drawOrder, int interferenceCount) {
		this.reviewNo = reviewNo;
		this.caseNo = caseNo;
		this.drawOrder = drawOrder;
		this.interferenceCount = interferenceCount;
	}

	void scored(int score, String grade, List<String> deductions, String comments, int interferenceCount, String by,
			Instant at) {
		this.score = score;
		this.grade = grade;
		this.deductions = String.join("\n", deductions);
		this.comments = comments;
		this.interferenceCount = interferenceCount;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	public String getReviewNo() {
		return reviewNo;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public int getDrawOrder() {
		return drawOrder;
	}

	public Integer getScore() {
		return score;
	}

	public String getGrade() {
		return grade;
	}

	public List<String> deductionList() {
		return deductions == null || deductions.isEmpty() ? List.of() : Arrays.asList(deductions.split("\n"));
	}

	public String getComments() {
		return comments;
	}

	public int getInterferenceCount() {
		return interferenceCount;
	}

	public String getReviewedBy() {
		return reviewedBy;
	}

	public Instant getReviewedAt() {
		return reviewedAt;
	}
}

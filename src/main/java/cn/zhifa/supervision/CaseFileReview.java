package cn.zhifa.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.zhifa.platform.ReproducibleDraw;

/**
 * One case-file review (案卷评查, R-REC-7, ADR-0026): an agency's closed case files of a year, the draw as recorded
 * (seed, population, its hash, the drawn case numbers), the results and the agency's acknowledgement. Status:
 * {@code SCORING} → {@code CONCLUDED} → {@code ACKNOWLEDGED}; {@code EMPTY} when the agency closed no case that year.
 */
@Entity
@Table(name = "zf_case_file_review")
class CaseFileReview {

	public static final String SCORING = "SCORING";
	public static final String CONCLUDED = "CONCLUDED";
	public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
	public static final String EMPTY = "EMPTY";

	@Id
	@Column(name = "review_no", length = 32)
	private String reviewNo;
	@Column(name = "agency_code", length = 32)
	private String agencyCode;
	@Column(name = "review_year")
	private int reviewYear;
	@Column(length = 32)
	private String status;
	@Column(name = "started_by", length = 64)
	private String startedBy;
	@Column(name = "started_at")
	private Instant startedAt;
	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;
	@Column(name = "draw_seed")
	private long drawSeed;
	@Column(name = "population_size")
	private int populationSize;
	@Column(name = "population_hash", length = 64)
	private String populationHash;
	@Column(length = 200000)
	private String population;
	@Column(name = "sample_rule", length = 200)
	private String sampleRule;
	@Column(name = "sample_size")
	private int sampleSize;
	@Column(name = "drawn_cases", length = 4000)
	private String drawnCases;
	@Column(name = "average_score", precision = 6, scale = 2)
	private BigDecimal averageScore;
	@Column(name = "failed_count")
	private Integer failedCount;
	@Column(length = 4000)
	private String conclusion;
	@Column(name = "follow_up", length = 32)
	private String followUp;
	@Column(length = 2000)
	private String requirement;
	@Column(name = "notice_no", length = 32)
	private String noticeNo;
	@Column(name = "concluded_by", length = 64)
	private String concludedBy;
	@Column(name = "concluded_at")
	private Instant concludedAt;
	@Column(name = "report_doc_id", length = 64)
	private String reportDocId;
	@Column(name = "acknowledged_by", length = 64)
	private String acknowledgedBy;
	@Column(name = "acknowledged_at")
	private Instant acknowledgedAt;
	@Column(length = 4000)
	private String acknowledgement;

	protected CaseFileReview() {
	}

	CaseFileReview(String reviewNo, String agencyCode, int reviewYear, String startedBy, Instant startedAt,
			String processInstanceId, CaseFileDraw draw, String sampleRule) {
		this.reviewNo = reviewNo;
		this.agencyCode = agencyCode;
		this.reviewYear = reviewYear;
		this.startedBy = startedBy;
		this.startedAt = startedAt;
		this.processInstanceId = processInstanceId;
		this.drawSeed = draw.seed();
		this.populationSize = draw.population().size();
		this.populationHash = draw.populationHash();
		this.population = String.join("\n", draw.population());
		this.sampleRule = sampleRule;
		this.sampleSize = draw.drawn().size();
		this.drawnCases = String.join("\n", draw.drawn());
		this.status = draw.drawn().isEmpty() ? EMPTY : SCORING;
	}

	void concluded(String by, Instant at, BigDecimal average, int failed, String conclusion, String followUp,
			String requirement) {
		this.concludedBy = by;
		this.concludedAt = at;
		this.averageScore = average;
		this.failedCount = failed;
		this.conclusion = conclusion;
		this.followUp = followUp;
		this.requirement = requirement;
		this.status = CONCLUDED;
	}

	void reported(String docId) {
		this.reportDocId = docId;
	}

	void noticeIssued(String noticeNo) {
		this.noticeNo = noticeNo;
	}

	void acknowledged(String by, Instant at, String text) {
		this.acknowledgedBy = by;
		this.acknowledgedAt = at;
		this.acknowledgement = text;
		this.status = ACKNOWLEDGED;
	}

	public List<String> populationList() {
		return ReproducibleDraw.lines(population);
	}

	public List<String> drawnList() {
		return ReproducibleDraw.lines(drawnCases);
	}

	public String getReviewNo() {
		return reviewNo;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public int getReviewYear() {
		return reviewYear;
	}

	public String getStatus() {
		return status;
	}

	public String getStartedBy() {
		return startedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public long getDrawSeed() {
		return drawSeed;
	}

	public int getPopulationSize() {
		return populationSize;
	}

	public String getPopulationHash() {
		return populationHash;
	}

	public String getSampleRule() {
		return sampleRule;
	}

	public int getSampleSize() {
		return sampleSize;
	}

	public BigDecimal getAverageScore() {
		return averageScore;
	}

	public Integer getFailedCount() {
		return failedCount;
	}

	public String getConclusion() {
		return conclusion;
	}

	public String getFollowUp() {
		return followUp;
	}

	public String getRequirement() {
		return requirement;
	}

	public String getNoticeNo() {
		return noticeNo;
	}

	public String getConcludedBy() {
		return concludedBy;
	}

	public Instant getConcludedAt() {
		return concludedAt;
	}

	public String getReportDocId() {
		return reportDocId;
	}

	public String getAcknowledgedBy() {
		return acknowledgedBy;
	}

	public Instant getAcknowledgedAt() {
		return acknowledgedAt;
	}

	public String getAcknowledgement() {
		return acknowledgement;
	}
}

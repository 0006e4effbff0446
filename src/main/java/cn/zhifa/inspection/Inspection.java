package cn.zhifa.inspection;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One drawn target of a plan (检查任务, R-DISC-1): its two inspectors, the result, the case opened, the publication. */
@Entity
@Table(name = "zf_inspection")
public class Inspection {

	public static final String DRAWN = "DRAWN";
	public static final String CONCLUDED = "CONCLUDED";
	public static final String PUBLISHED = "PUBLISHED";

	@Id
	@Column(name = "inspection_no", length = 40)
	private String inspectionNo;
	@Column(name = "plan_no", length = 32, nullable = false)
	private String planNo;
	@Column(name = "draw_order", nullable = false)
	private int drawOrder;
	@Column(name = "agency_code", length = 32, nullable = false)
	private String agencyCode;
	@Column(name = "target_code", length = 32, nullable = false)
	private String targetCode;
	@Column(name = "target_name", length = 200, nullable = false)
	private String targetName;
	@Column(name = "target_address", length = 400)
	private String targetAddress;
	@Column(length = 64, nullable = false)
	private String inspector1;
	@Column(length = 64, nullable = false)
	private String inspector2;
	@Column(length = 32, nullable = false)
	private String status;
	@Column(length = 32)
	private String result;
	@Column(length = 4000)
	private String findings;
	@Column(name = "recorded_by", length = 64)
	private String recordedBy;
	@Column(name = "concluded_at")
	private Instant concludedAt;
	@Column(name = "publication_due_at")
	private Instant publicationDueAt;
	@Column(name = "case_no", length = 64)
	private String caseNo;
	@Column(name = "public_text", length = 2000)
	private String publicText;
	@Column(name = "published_by", length = 64)
	private String publishedBy;
	@Column(name = "published_at")
	private Instant publishedAt;
	@Column(name = "published_on_time")
	private Boolean publishedOnTime;

	protected Inspection() {
	}

	Inspection(String planNo, int drawOrder, String agencyCode, InspectionRegister.Target target, List<String> inspectors) {
		this.inspectionNo = planNo + "-" + drawOrder;
		this.planNo = planNo;
		this.drawOrder = drawOrder;
		this.agencyCode = agencyCode;
		this.targetCode = target.code();
		this.targetName = target.name();
		this.targetAddress = target.address();
		this.inspector1 = inspectors.get(0);
		this.inspector2 = inspectors.get(1);
		this.status = DRAWN;
	}

	void resultRecorded(String result, String findings, String by) {
		this.result = result;
		this.findings = findings;
		this.recordedBy = by;
	}

	void concluded(Instant at, Instant publicationDueAt) {
		this.status = CONCLUDED;
		this.concludedAt = at;
		this.publicationDueAt = publicationDueAt;
	}

	void caseOpened(String caseNo) {
		this.caseNo = caseNo;
	}

	void published(String text, String by, Instant at) {
		this.status = PUBLISHED;
		this.publicText = text;
		this.publishedBy = by;
		this.publishedAt = at;
		this.publishedOnTime = publicationDueAt == null || !at.isAfter(publicationDueAt);
	}

	public List<String> inspectors() {
		return List.of(inspector1, inspector2);
	}

	public String getInspector1() {
		return inspector1;
	}

	public String getInspector2() {
		return inspector2;
	}

	public String getInspectionNo() {
		return inspectionNo;
	}

	public String getPlanNo() {
		return planNo;
	}

	public int getDrawOrder() {
		return drawOrder;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getTargetCode() {
		return targetCode;
	}

	public String getTargetName() {
		return targetName;
	}

	public String getTargetAddress() {
		return targetAddress;
	}

	public String getStatus() {
		return status;
	}

	public String getResult() {
		return result;
	}

	public String getFindings() {
		return findings;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getConcludedAt() {
		return concludedAt;
	}

	public Instant getPublicationDueAt() {
		return publicationDueAt;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getPublicText() {
		return publicText;
	}

	public String getPublishedBy() {
		return publishedBy;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Boolean getPublishedOnTime() {
		return publishedOnTime;
	}
}

package cn.zhifa.enforcementcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One piece of evidence (证据) of a case: kind, description, when and by whom it was obtained, attached files, and how
 * the party's confirmation of it was obtained (当事人证据确认, R-COORD-7: the way's short name and its meaning).
 */
@Entity
@Table(name = "zf_evidence")
public class Evidence {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "case_no", length = 100)
	private String caseNo;
	@Column(name = "kind", length = 64)
	private String kind;
	@Column(name = "description", length = 2000)
	private String description;
	@Column(name = "obtained_at")
	private Instant obtainedAt;
	@Column(name = "obtained_by", length = 200)
	private String obtainedBy;
	@Column(name = "file_refs", length = 2000)
	private String fileRefs;
	@Column(name = "recorded_by", length = 64)
	private String recordedBy;
	@Column(name = "recorded_at")
	private Instant recordedAt;
	@Column(name = "confirmation", length = 16)
	private String confirmation;
	@Column(name = "confirmation_detail", length = 500)
	private String confirmationDetail;

	protected Evidence() {
	}

	Evidence(String caseNo, String kind, String description, Instant obtainedAt, String obtainedBy, String fileRefs,
			String recordedBy, Instant recordedAt, EvidenceConfirmation.Way confirmation) {
		this.caseNo = caseNo;
		this.confirmation = confirmation.name();
		this.confirmationDetail = confirmation.meaning();
		this.kind = kind;
		this.description = description;
		this.obtainedAt = obtainedAt;
		this.obtainedBy = obtainedBy;
		this.fileRefs = fileRefs;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return id;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getKind() {
		return kind;
	}

	public String getDescription() {
		return description;
	}

	public Instant getObtainedAt() {
		return obtainedAt;
	}

	public String getObtainedBy() {
		return obtainedBy;
	}

	public String getFileRefs() {
		return fileRefs;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	/** The way the party's confirmation was obtained (e.g. 签名确认); null for evidence recorded before R-COORD-7. */
	public String getConfirmation() {
		return confirmation;
	}

	/** What the way meant when the evidence was recorded. */
	public String getConfirmationDetail() {
		return confirmationDetail;
	}
}

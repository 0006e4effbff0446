package cn.zhifa.enforcementcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An officer assigned to a case: its handler (承办人) or one of its investigators (R-QUAL-2: at least two). */
@Entity
@Table(name = "zf_case_officer")
class CaseOfficer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "case_no")
	private String caseNo;
	@Column(name = "user_id")
	private String userId;
	private String assignment;
	@Column(name = "assigned_at")
	private Instant assignedAt;

	protected CaseOfficer() {
	}

	CaseOfficer(String caseNo, String userId, String assignment, Instant assignedAt) {
		this.caseNo = caseNo;
		this.userId = userId;
		this.assignment = assignment;
		this.assignedAt = assignedAt;
	}

	public String getUserId() {
		return userId;
	}

	public String getAssignment() {
		return assignment;
	}
}

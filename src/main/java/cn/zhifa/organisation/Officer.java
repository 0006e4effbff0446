package cn.zhifa.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A person working in enforcement, identified by their Camunda user id. Only an {@link StaffRole#OFFICER}
 * (or head / reviewer) holding a certificate valid on the day may carry out enforcement steps
 * (R-QUAL-2); auxiliary staff never (R-QUAL-3).
 */
@Entity
@Table(name = "zf_officer")
public class Officer {

	@Id
	@Column(name = "user_id")
	private String userId;
	@Column(name = "agency_code")
	private String agencyCode;
	@Column(name = "full_name")
	private String fullName;
	@Enumerated(EnumType.STRING)
	@Column(name = "staff_role")
	private StaffRole role;
	private String unit;
	/** 法律职业资格证书编号 (R-REV-9); null when the person holds none. */
	@Column(name = "legal_qualification_no")
	private String legalQualificationNo;
	/** The day this person first did legal review (法制审核), when known. */
	@Column(name = "reviewing_since")
	private LocalDate reviewingSince;
	/** 年审不合格暂停执法资格 (R-QUAL-2): from this day until a later annual review passes; null when not suspended. */
	@Column(name = "suspended_since")
	private LocalDate suspendedSince;
	@Column(name = "suspension_reason")
	private String suspensionReason;
	/** The process instance of the failed annual review that suspended this person. */
	@Column(name = "suspended_by_review")
	private String suspendedByReview;
	@OneToMany(mappedBy = "officer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	private List<Certificate> certificates = new ArrayList<>();

	protected Officer() {
	}

	public Officer(String userId, String agencyCode, String fullName, StaffRole role, String unit) {
		this.userId = userId;
		this.agencyCode = agencyCode;
		this.fullName = fullName;
		this.role = role;
		this.unit = unit;
	}

	public Certificate addCertificate(String number, String issuer, LocalDate validFrom, LocalDate validTo) {
		Certificate c = new Certificate(this, number, issuer, validFrom, validTo);
		certificates.add(c);
		return c;
	}

	/** Whether this person may carry out an enforcement step on {@code day} (R-QUAL-2/3). */
	public boolean mayEnforceOn(LocalDate day) {
		return role != StaffRole.AUXILIARY && !isSuspendedOn(day) && certificates.stream().anyMatch(c -> c.isValidOn(day));
	}

	/** Whether the enforcement qualification is suspended on {@code day} (a failed annual review, 年审不合格). */
	public boolean isSuspendedOn(LocalDate day) {
		return suspendedSince != null && !day.isBefore(suspendedSince);
	}

	/** Suspends the qualification from {@code since}: only the annual review process calls this (officer-annual-review). */
	public void suspend(LocalDate since, String reason, String reviewProcessInstanceId) {
		this.suspendedSince = since;
		this.suspensionReason = reason;
		this.suspendedByReview = reviewProcessInstanceId;
	}

	/** Lifts a suspension (a later annual review passed). */
	public void reinstate() {
		this.suspendedSince = null;
		this.suspensionReason = null;
		this.suspendedByReview = null;
	}

	public LocalDate getSuspendedSince() {
		return suspendedSince;
	}

	public String getSuspensionReason() {
		return suspensionReason;
	}

	public String getSuspendedByReview() {
		return suspendedByReview;
	}

	/** Records the national legal professional qualification (法律职业资格) and when legal review work began. */
	public void recordLegalReviewQualification(String qualificationNo, LocalDate reviewingSince) {
		this.legalQualificationNo = qualificationNo;
		this.reviewingSince = reviewingSince;
	}

	/**
	 * R-REV-9, 《行政处罚法》第五十八条第二款: may this person do legal review? Yes with the legal professional
	 * qualification; without it only a reviewer who was already doing legal review before {@code requiredSince}
	 * (a first-time reviewer needs the qualification).
	 */
	public boolean mayDoLegalReview(LocalDate requiredSince) {
		if (legalQualificationNo != null && !legalQualificationNo.isBlank()) {
			return true;
		}
		return reviewingSince != null && reviewingSince.isBefore(requiredSince);
	}

	public String getLegalQualificationNo() {
		return legalQualificationNo;
	}

	public LocalDate getReviewingSince() {
		return reviewingSince;
	}

	public String getUserId() {
		return userId;
	}

	public String getAgencyCode() {
		return agencyCode;
	}

	public String getFullName() {
		return fullName;
	}

	public StaffRole getRole() {
		return role;
	}

	public String getUnit() {
		return unit;
	}

	public List<Certificate> getCertificates() {
		return List.copyOf(certificates);
	}
}

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
		return role != StaffRole.AUXILIARY && certificates.stream().anyMatch(c -> c.isValidOn(day));
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

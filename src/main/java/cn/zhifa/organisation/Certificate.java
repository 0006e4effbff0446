package cn.zhifa.organisation;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An enforcement certificate (执法证): number, issuer and validity period, both days inclusive. */
@Entity
@Table(name = "zf_certificate")
public class Certificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@ManyToOne(optional = false)
	@JoinColumn(name = "officer_id")
	private Officer officer;
	private String number;
	private String issuer;
	@Column(name = "valid_from")
	private LocalDate validFrom;
	@Column(name = "valid_to")
	private LocalDate validTo;

	protected Certificate() {
	}

	Certificate(Officer officer, String number, String issuer, LocalDate validFrom, LocalDate validTo) {
		this.officer = officer;
		this.number = number;
		this.issuer = issuer;
		this.validFrom = validFrom;
		this.validTo = validTo;
	}

	public boolean isValidOn(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validTo);
	}

	public String getNumber() {
		return number;
	}

	public String getIssuer() {
		return issuer;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}
}

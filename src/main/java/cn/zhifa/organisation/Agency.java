package cn.zhifa.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An enforcement agency (执法主体, R-QUAL-1): confirmed and published with its category, area,
 * address, legal representative and main legal basis. Its {@link #getCode() code} is also its
 * Camunda tenant id and the prefix of its candidate groups ({@code LIAOKUO-reviewer}).
 */
@Entity
@Table(name = "zf_agency")
public class Agency {

	@Id
	private String code;
	private String name;
	/** Abbreviation used in case and document numbers, e.g. 寥街 in 寥街罚〔2026〕12号. */
	@Column(name = "short_name")
	private String shortName;
	private String category;
	private String area;
	private String address;
	@Column(name = "legal_representative")
	private String legalRepresentative;
	@Column(name = "legal_basis")
	private String legalBasis;

	protected Agency() {
	}

	public Agency(String code, String name, String shortName, String category, String area, String address,
			String legalRepresentative, String legalBasis) {
		this.code = code;
		this.name = name;
		this.shortName = shortName;
		this.category = category;
		this.area = area;
		this.address = address;
		this.legalRepresentative = legalRepresentative;
		this.legalBasis = legalBasis;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getShortName() {
		return shortName;
	}

	public String getCategory() {
		return category;
	}

	public String getArea() {
		return area;
	}

	public String getAddress() {
		return address;
	}

	public String getLegalRepresentative() {
		return legalRepresentative;
	}

	public String getLegalBasis() {
		return legalBasis;
	}
}

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
	/**
	 * The administrative reconsideration body a decision names (行政处罚法 art. 59(5); 行政复议法 art. 24: for a
	 * department or a township/street agency, the county-level people's government), e.g. 曲靖市麒麟区人民政府.
	 */
	@Column(name = "reconsideration_body")
	private String reconsiderationBody;
	/** The people's court a decision names for an administrative lawsuit (行政诉讼法 art. 18, or the court designated for centralised jurisdiction). */
	@Column(name = "litigation_court")
	private String litigationCourt;

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

	public String getReconsiderationBody() {
		return reconsiderationBody;
	}

	public String getLitigationCourt() {
		return litigationCourt;
	}

	/** Sets where the agency's decisions can be challenged (reconsideration body, court). */
	public Agency withRemedies(String reconsiderationBody, String litigationCourt) {
		this.reconsiderationBody = reconsiderationBody;
		this.litigationCourt = litigationCourt;
		return this;
	}
}

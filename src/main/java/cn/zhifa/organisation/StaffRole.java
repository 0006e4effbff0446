package cn.zhifa.organisation;

import cn.zhifa.platform.Roles;

/**
 * What a person does in enforcement; also the Camunda group id of the role (named in {@link Roles}) and
 * the suffix of the per-agency candidate group ({@code <agencyCode>-<groupId>}).
 */
public enum StaffRole {
	/** 行政执法人员: may enforce while holding a valid certificate (R-QUAL-2). */
	OFFICER(Roles.OFFICER, "行政执法人员"),
	/** 执法辅助人员: may assist, never carry out 许可/处罚/强制 (R-QUAL-3). */
	AUXILIARY(Roles.AUXILIARY, "执法辅助人员"),
	/** 法制审核人员 (司法所 / 法制机构). */
	LEGAL_REVIEWER(Roles.REVIEWER, "法制审核人员"),
	/** 主要负责人. */
	HEAD(Roles.HEAD, "主要负责人"),
	/** 党政办. */
	GENERAL_OFFICE(Roles.GENERAL_OFFICE, "党政办工作人员"),
	/** 司法局: retrieves and supervises across agencies. */
	SUPERVISOR(Roles.SUPERVISOR, "执法监督人员");

	private final String groupId;
	private final String label;

	StaffRole(String groupId, String label) {
		this.groupId = groupId;
		this.label = label;
	}

	public String groupId() {
		return groupId;
	}

	public String label() {
		return label;
	}

	/** Candidate group of this role in one agency, e.g. {@code LIAOKUO-reviewer}. */
	public String groupOf(String agencyCode) {
		return agencyCode + "-" + groupId;
	}
}

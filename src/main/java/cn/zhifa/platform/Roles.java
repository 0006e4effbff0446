package cn.zhifa.platform;

/**
 * The one place the roles are named: the Camunda group ids that carry a right (ADR-0004: role = group;
 * the per-agency candidate group is {@code <agencyCode>-<role>}, see {@code StaffRole#groupOf}). Everything
 * else refers to these constants, or better to {@link CurrentUser}'s predicates ({@link CurrentUser#isAdmin()},
 * {@link CurrentUser#isSupervisor()}).
 */
public final class Roles {

	/** Camunda's administrators group (system administrators; read across agencies). */
	public static final String ADMIN = "camunda-admin";
	/** 执法监督人员 (司法局 执法监督): read every agency, never write (issue 13 §3). */
	public static final String SUPERVISOR = "supervisor";
	/** Cross-agency group of legal offices that may deploy models (Camunda Modeler → /engine-rest). */
	public static final String LEGAL_OFFICE = "legal-office";
	/**
	 * The justice bureau's legal office (司法局法制科): approves changes of the county-wide models (issue 14 §6,
	 * processes/model-change.bpmn). An agency's own changes are approved by its head ({@code <agency>-head}).
	 */
	public static final String JUSTICE_BUREAU = "justice-bureau";

	/** 行政执法人员. */
	public static final String OFFICER = "officer";
	/** 执法辅助人员. */
	public static final String AUXILIARY = "auxiliary";
	/** 法制审核人员 (司法所 / 法制机构). */
	public static final String REVIEWER = "reviewer";
	/** 主要负责人. */
	public static final String HEAD = "head";
	/** 党政办. */
	public static final String GENERAL_OFFICE = "office";

	private Roles() {
	}
}

package cn.zhifa.qualification;

/** Why a person may not carry out an enforcement step (R-QUAL-2/3); labels as users read them. */
public enum Refusal {
	/** No acting user is known (no login, no assignee). */
	NO_ACTOR("未记录实施人员"),
	/** The case names no agency, so membership cannot be checked. */
	NO_AGENCY("案件未指定执法主体"),
	/** Not registered as staff of the case's agency. */
	NOT_AGENCY_OFFICER("非本机构执法人员"),
	/** Auxiliary staff (R-QUAL-3). */
	AUXILIARY("辅助人员不得实施"),
	/** No certificate valid on the day: expired, not yet valid, or none at all (R-QUAL-2). */
	CERTIFICATE_INVALID("证件过期或无有效执法证"),
	/** An investigation step without two qualified officers recorded (R-QUAL-2, 行政处罚法 art. 42). */
	TOO_FEW_INVESTIGATORS("调查取证执法人员不足两名"),
	/** The qualification is suspended: the annual certificate review (年审) failed (R-QUAL-2, officer-annual-review). */
	SUSPENDED("年审不合格，执法资格暂停");

	private final String label;

	Refusal(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

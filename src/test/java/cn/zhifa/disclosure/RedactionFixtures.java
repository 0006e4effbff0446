package cn.zhifa.disclosure;

/** The redaction rules of the real {@code disclosure/redaction-rules.yml}, for unit tests of other features. */
public final class RedactionFixtures {

	private RedactionFixtures() {
	}

	public static RedactionRules rules() {
		return new RedactionRules("disclosure/redaction-rules.yml");
	}
}

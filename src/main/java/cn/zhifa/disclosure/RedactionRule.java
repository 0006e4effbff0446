package cn.zhifa.disclosure;

import java.util.regex.Pattern;

/**
 * One rule of {@code disclosure/redaction-rules.yml} (R-DISC-4): what it finds ({@code pattern}, or
 * only its {@code group}) and what happens to it ({@link Action}).
 */
record RedactionRule(String id, String label, Pattern pattern, Action action, int group, String replacement) {

	enum Action {
		/** Protected (e.g. an organisation's credit code): later rules leave it alone. */
		KEEP,
		/** Replaced by {@code replacement}. */
		REPLACE,
		/** A natural person's name: first character kept, every other character becomes {@code *}. */
		MASK
	}
}

package cn.zhifa.rules;

import java.util.Date;
import java.util.List;

/**
 * A deployed decision table as the public reads it: its columns (Chinese labels) and its rows
 * (input entries, output entries and the annotation citing the legal basis), in table order.
 * Entries are the table's own expressions, e.g. {@code "MINOR"} or {@code >= 10000}; {@code -}
 * means "any value".
 */
public record RuleTable(String key, String name, String description, int version, String versionTag,
		String decisionDefinitionId, Date deployedAt, String hitPolicy, List<Column> inputs, List<Column> outputs,
		List<Row> rules) {

	/** One column: its label, the variable it reads ({@code expression}) or writes ({@code name}), its type. */
	public record Column(String id, String label, String expression, String name, String typeRef) {
	}

	/** One rule: entries aligned with {@link RuleTable#inputs()} and {@link RuleTable#outputs()}. */
	public record Row(String id, List<String> inputEntries, List<String> outputEntries, String annotation) {
	}
}

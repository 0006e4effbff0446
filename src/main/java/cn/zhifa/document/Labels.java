package cn.zhifa.document;

import java.util.Map;

/**
 * Chinese display texts from {@code templates/labels.yml}: {@code booleans} for every yes/no value
 * (是/否), {@code fields} per field name and value (decisionType PENALTY gives 行政处罚), offered to
 * templates as {@code ${decisionTypeLabel}}.
 */
record Labels(Map<String, String> booleans, Map<String, Map<String, String>> fields) {

	static final String SUFFIX = "Label";

	static Labels none() {
		return new Labels(Map.of("true", "是", "false", "否"), Map.of());
	}

	/** Label of a field's value, or {@code null} if the labels file has none for it. */
	String label(String field, Object value) {
		if (value == null) {
			return null;
		}
		String key = value instanceof Enum<?> e ? e.name() : value.toString();
		Map<String, String> perField = fields.get(field);
		if (perField != null && perField.containsKey(key)) {
			return perField.get(key);
		}
		return value instanceof Boolean ? bool((Boolean) value) : null;
	}

	/** The field's own text for this value ({@code fields:} in the file), or {@code null}: no yes/no fallback. */
	String ownLabel(String field, Object value) {
		Map<String, String> perField = fields.get(field);
		if (value == null || perField == null) {
			return null;
		}
		return perField.get(value instanceof Enum<?> e ? e.name() : value.toString());
	}

	String bool(boolean value) {
		return booleans.getOrDefault(String.valueOf(value), value ? "是" : "否");
	}
}

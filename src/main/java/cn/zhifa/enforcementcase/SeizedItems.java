package cn.zhifa.enforcementcase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goods an officer lists for a seizure (field {@code seizedItemsText}, 行政强制法 art. 24: the
 * inventory): one item per line, "名称，数量（含单位），规格型号[，状况]", e.g. "电焊机，2台，ZX7-250，八成新".
 * Each line becomes one row of the 查封（扣押）清单 (name, spec, quantity, unit, condition).
 */
final class SeizedItems {

	static final String FIELD = "seizedItemsText";
	private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(\\S*)");
	private static final int MAX_TEXT = 200;

	private SeizedItems() {
	}

	/** The rows of the text, in order; a line that is not "名称，数量，规格型号[，状况]" is refused, naming the line. */
	static List<Map<String, Object>> parse(Object text) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.toString().split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\s*[，,]\\s*", -1);
			Matcher quantity = parts.length >= 3 ? QUANTITY.matcher(parts[1].strip()) : null;
			if (parts.length < 3 || parts.length > 4 || parts[0].isBlank() || parts[2].isBlank() || !quantity.matches()
					|| line.length() > MAX_TEXT) {
				throw EnforcementCaseService.invalid(FIELD, "查封、扣押的财物第" + (i + 1) + "行「" + abbreviate(line)
						+ "」应写成“名称，数量（含单位），规格型号，状况（可省略）”，例如“电焊机，2台，ZX7-250，八成新”；每行不超过"
						+ MAX_TEXT + "字（行政强制法第二十四条：查封、扣押清单）");
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", parts[0].strip());
			row.put("spec", parts[2].strip());
			row.put("quantity", quantity.group(1));
			row.put("unit", quantity.group(2));
			row.put("condition", parts.length == 4 && !parts[3].isBlank() ? parts[3].strip() : "—");
			rows.add(row);
		}
		if (rows.isEmpty()) {
			throw EnforcementCaseService.invalid(FIELD, "请逐行列明查封、扣押的场所、设施或者财物（行政强制法第二十四条）");
		}
		return rows;
	}

	/** "电焊机2台、切割机1台": the goods as the decision names them. */
	static String summary(List<Map<String, Object>> rows) {
		return String.join("、", rows.stream().map(r -> "" + r.get("name") + r.get("quantity") + r.get("unit")).toList());
	}

	private static String abbreviate(String line) {
		return line.length() <= 20 ? line : line.substring(0, 20) + "…";
	}
}

package cn.zhifa.enforcementcase;

import java.util.ArrayList;
import java.util.List;

import cn.zhifa.platform.problem.InputCheck;

/**
 * The evidence an officer lists in 调查取证 (field {@code evidenceSummary}): one item per line,
 * "证据种类：内容（确认方式）", the kind being one of the statutory kinds (行政处罚法 第四十六条) and the line ending
 * with how the party's confirmation of it was obtained, one of the ways {@code evidence/confirmation.yml} lists for
 * the kind (当事人证据确认制度, R-COORD-7). Each line becomes one evidence record of the case, the same records
 * {@code POST /api/cases/{caseNo}/evidence} adds.
 */
final class EvidenceLines {

	/** 行政处罚法 第四十六条: the kinds of evidence (勘验笔录、现场笔录 counted as two). */
	static final List<String> KINDS = List.of("书证", "物证", "视听资料", "电子数据", "证人证言", "当事人的陈述", "鉴定意见",
			"勘验笔录", "现场笔录");
	static final String FIELD = "evidenceSummary";

	record Item(String kind, String description, EvidenceConfirmation.Way confirmation) {
	}

	private EvidenceLines() {
	}

	/**
	 * The items of the text, in order; a line without a statutory kind before "：", or without one of the kind's ways
	 * of confirmation at its end, is refused, naming the field, the line and what to write.
	 */
	static List<Item> parse(Object text, EvidenceConfirmation confirmation) {
		List<Item> items = new ArrayList<>();
		if (text == null) {
			return items;
		}
		String[] lines = text.toString().split("\\R");
		for (int i = 0; i < lines.length; i++) {
			int lineNo = i + 1;
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			int colon = indexOfColon(line);
			String kind = colon < 0 ? null : line.substring(0, colon).strip();
			String description = colon < 0 ? "" : line.substring(colon + 1).strip();
			if (kind == null || !KINDS.contains(kind) || description.isEmpty()) {
				throw EnforcementCaseService.invalid(FIELD, "取得的证据第" + lineNo + "行「" + abbreviate(line)
						+ "」应写成“证据种类：内容（确认方式）”，例如“现场笔录：11月20日现场检查笔录1份（签名确认）”；证据种类为 "
						+ String.join("、", KINDS));
			}
			EvidenceConfirmation.Way way = confirmation.ways(kind).stream()
				.filter(w -> description.endsWith("（" + w.name() + "）") || description.endsWith("(" + w.name() + ")"))
				.findFirst()
				.orElseThrow(() -> EnforcementCaseService.invalid(FIELD, "取得的证据第" + lineNo + "行「" + abbreviate(line)
						+ "」未在末尾注明当事人证据确认方式：" + kind + "应注明" + confirmation.written(kind) + "（当事人证据确认制度）"));
			String content = description.substring(0, description.length() - way.name().length() - 2).strip();
			if (content.isEmpty()) {
				throw EnforcementCaseService.invalid(FIELD, "取得的证据第" + lineNo + "行缺少证据内容");
			}
			String flaw = InputCheck.textFlaw(content, InputCheck.column(Evidence.class, "description"));
			if (flaw != null) {
				throw EnforcementCaseService.invalid(FIELD, "取得的证据第" + lineNo + "行的内容" + flaw);
			}
			items.add(new Item(kind, content, way));
		}
		return items;
	}

	private static int indexOfColon(String line) {
		int full = line.indexOf('：');
		int half = line.indexOf(':');
		if (full < 0) {
			return half;
		}
		return half < 0 ? full : Math.min(full, half);
	}

	private static String abbreviate(String line) {
		return line.length() <= 20 ? line : line.substring(0, 20) + "…";
	}
}

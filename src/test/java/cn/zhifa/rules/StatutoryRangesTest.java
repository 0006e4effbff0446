package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 16 point 19 (R-DISCR-1): every row of the discretion benchmark stays inside the statute it
 * applies. The statutes' own ranges are data ({@code statutes/penalty-ranges.yml}), kept apart from
 * the benchmark; each benchmark row names its entry in the column 法定幅度条目 ({@code statuteRef}).
 */
class StatutoryRangesTest {

	static final Path RANGES = Path.of("statutes/penalty-ranges.yml");
	static final DecisionTableHarness BENCHMARK = DecisionTableHarness.load("discretion-benchmark");

	/** One statutory branch as the data file states it. */
	record Statute(String ref, String statute, String article, double fineMin, double fineMax, String fineUnit,
			List<String> kinds, List<String> partyTypes) {
	}

	/** One benchmark row, read from the table (not evaluated): its cells by column id / output name. */
	record Row(String id, Map<String, String> inputs, Map<String, String> outputs) {
	}

	@Test
	void everyBenchmarkRowLiesWithinItsStatute() throws IOException {
		Map<String, Statute> statutes = statutes();
		List<Row> rows = rows();
		assertThat(rows).hasSizeGreaterThan(30);
		List<String> problems = new ArrayList<>();
		for (Row row : rows) {
			problems.addAll(check(row, statutes));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyStatuteEntryIsCompleteAndUsed() throws IOException {
		Map<String, Statute> statutes = statutes();
		assertThat(statutes).isNotEmpty();
		for (Statute s : statutes.values()) {
			assertThat(s.statute()).as(s.ref()).startsWith("《").endsWith("》");
			assertThat(s.article()).as(s.ref()).startsWith("第").contains("条");
			assertThat(s.fineMin()).as(s.ref()).isLessThanOrEqualTo(s.fineMax()).isGreaterThanOrEqualTo(0);
			assertThat(s.kinds()).as(s.ref()).isNotEmpty();
		}
		assertThat(rows()).extracting(r -> r.outputs().get("statuteRef")).containsAll(statutes.keySet());
	}

	/** The check itself fails a row outside its statute (so the test above can fail). */
	@Test
	void aRowOutsideItsStatuteIsFound() throws IOException {
		Map<String, Statute> statutes = statutes();
		Row tooHigh = row("rule_x", Map.of("partyType", "\"PERSON\""), "STANDARD", "责令改正；罚款", 200, 2000, "YUAN",
				"《中华人民共和国固体废物污染环境防治法》第一百一十一条", "GFFZ-111-PERSON");
		Row orgBranchForPerson = row("rule_y", Map.of("partyType", "\"PERSON\""), "STANDARD", "责令改正；罚款", 50000,
				60000, "YUAN", "《中华人民共和国固体废物污染环境防治法》第一百一十一条", "GFFZ-111-ORG");
		Row fineWhereNone = row("rule_z", Map.of(), "STANDARD", "责令停止建设；罚款", 1, 5, "PERCENT_OF_COST",
				"《中华人民共和国城乡规划法》第六十五条", "CXGH-65");
		Row foreignKind = row("rule_w", Map.of(), "STANDARD", "责令改正；没收违法所得；罚款；吊销营业执照", 10000, 20000, "YUAN",
				"《市场主体登记管理条例》第四十三条", "SCZT-43-REFUSED");
		Row mitigatedAboveMinimum = row("rule_v", Map.of(), "MITIGATED", "没收违法所得和违法经营的食品；罚款（减轻处罚）", 40000,
				60000, "YUAN", "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "SPAQ-124-LOW");
		Row unknownRef = row("rule_u", Map.of(), "STANDARD", "罚款", 0, 100, "YUAN", "《无证无照经营查处办法》第十三条",
				"WZWZ-13");
		Row wrongBasis = row("rule_t", Map.of(), "STANDARD", "责令改正；罚款", 0, 100, "YUAN", "《无证无照经营查处办法》第十三条",
				"JGWF-13");
		for (Row bad : List.of(tooHigh, orgBranchForPerson, fineWhereNone, foreignKind, mitigatedAboveMinimum, unknownRef,
				wrongBasis)) {
			assertThat(check(bad, statutes)).as(bad.id()).isNotEmpty();
		}
		Row fine = row("rule_ok", Map.of("partyType", "\"PERSON\""), "STANDARD", "责令改正；罚款", 200, 350, "YUAN",
				"《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项", "GFFZ-111-PERSON");
		assertThat(check(fine, statutes)).isEmpty();
	}

	static List<String> check(Row row, Map<String, Statute> statutes) {
		List<String> problems = new ArrayList<>();
		String ref = row.outputs().get("statuteRef");
		Statute s = ref == null ? null : statutes.get(ref);
		if (s == null) {
			problems.add(row.id() + ": 法定幅度条目 " + ref + " 不在 " + RANGES + " 中");
			return problems;
		}
		double min = Double.parseDouble(row.outputs().get("fineMin"));
		double max = Double.parseDouble(row.outputs().get("fineMax"));
		String unit = row.outputs().get("fineUnit");
		if (!s.fineUnit().equals(unit)) {
			problems.add(row.id() + ": 罚款计算单位 " + unit + "，法定为 " + s.fineUnit() + "（" + ref + "）");
		}
		if (min > max || min < 0) {
			problems.add(row.id() + ": 罚款区间 " + min + "–" + max + " 无效");
		}
		if ("MITIGATED".equals(row.outputs().get("handling"))) {
			if (s.fineMin() <= 0 || max > s.fineMin()) {
				problems.add(row.id() + ": 减轻处罚须低于法定最低限 " + s.fineMin() + "（" + ref + "），基准为 " + min + "–" + max);
			}
		}
		else if (min < s.fineMin() || max > s.fineMax()) {
			problems.add(row.id() + ": 罚款区间 " + min + "–" + max + " 超出法定幅度 " + s.fineMin() + "–" + s.fineMax() + "（"
					+ s.statute() + s.article() + "）");
		}
		for (String kind : row.outputs().get("penaltyKinds").split("；")) {
			String k = kind.replace("（减轻处罚）", "").strip();
			if (!s.kinds().contains(k)) {
				problems.add(row.id() + ": 处罚种类「" + k + "」不是 " + s.statute() + s.article() + " 规定的种类 " + s.kinds());
			}
		}
		String basis = row.outputs().get("basis");
		int cited = basis.indexOf(s.statute());
		if (cited < 0 || !basis.substring(cited).contains(s.article())) {
			problems.add(row.id() + ": 法律依据未引用 " + s.statute() + s.article());
		}
		if (s.partyTypes() != null && !s.partyTypes().isEmpty()) {
			String cell = row.inputs().getOrDefault("partyType", "").replace("\"", "").strip();
			if (cell.isEmpty() || !s.partyTypes().containsAll(List.of(cell.split("\\s*,\\s*")))) {
				problems.add(row.id() + ": " + ref + " 只适用于当事人类型 " + s.partyTypes() + "，本行为「" + cell + "」");
			}
		}
		return problems;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Statute> statutes() throws IOException {
		Map<String, Statute> result = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(RANGES)) {
			Map<String, Map<String, Object>> data = new Yaml().load(in);
			data.forEach((ref, e) -> result.put(ref,
					new Statute(ref, (String) e.get("statute"), (String) e.get("article"),
							((Number) e.get("fineMin")).doubleValue(), ((Number) e.get("fineMax")).doubleValue(),
							(String) e.get("fineUnit"), (List<String>) e.get("kinds"), (List<String>) e.get("partyTypes"))));
		}
		return result;
	}

	static List<Row> rows() {
		List<Input> inputs = List.copyOf(BENCHMARK.table().getInputs());
		List<Output> outputs = List.copyOf(BENCHMARK.table().getOutputs());
		List<Row> rows = new ArrayList<>();
		for (Rule rule : BENCHMARK.rules()) {
			Map<String, String> in = new LinkedHashMap<>();
			var entries = List.copyOf(rule.getInputEntries());
			for (int i = 0; i < inputs.size(); i++) {
				in.put(inputs.get(i).getInputExpression().getText().getTextContent().strip(),
						entries.get(i).getText().getTextContent().strip());
			}
			Map<String, String> out = new LinkedHashMap<>();
			var outEntries = List.copyOf(rule.getOutputEntries());
			for (int i = 0; i < outputs.size(); i++) {
				String text = outEntries.get(i).getText().getTextContent().strip();
				out.put(outputs.get(i).getName(), text.startsWith("\"") ? text.substring(1, text.length() - 1) : text);
			}
			rows.add(new Row(rule.getId(), in, out));
		}
		return rows;
	}

	private static Row row(String id, Map<String, String> inputs, String handling, String kinds, double min, double max,
			String unit, String basis, String ref) {
		return new Row(id, inputs, Map.of("handling", handling, "penaltyKinds", kinds, "fineMin", String.valueOf(min),
				"fineMax", String.valueOf(max), "fineUnit", unit, "basis", basis, "statuteRef", ref));
	}
}

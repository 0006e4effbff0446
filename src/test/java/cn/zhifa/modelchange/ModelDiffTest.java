package cn.zhifa.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The readable diff of a model change (issue 14 §6): elements, rules, deadlines and form fields, in Chinese. */
class ModelDiffTest {

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	static Map<String, byte[]> set(String file, String content) {
		Map<String, byte[]> set = new LinkedHashMap<>();
		set.put(file, bytes(content));
		return set;
	}

	@Test
	void bpmnElementsAddedRemovedAndChangedWithTheirDeadlines() throws Exception {
		String before = Files.readString(Path.of("processes/review-disagreement.bpmn"));
		String after = before
			.replace("name=\"协商审核意见\"", "name=\"协商审核意见（限期）\"")
			.replace("${deadlines.limit('NEGOTIATION', negotiationStartedAt)}\" camunda:formRef",
					"${deadlines.workdays(negotiationStartedAt, 3)}\" camunda:formRef")
			.replace("<endEvent id=\"endEvent_resolved\" name=\"分歧已处理\">",
					"<manualTask id=\"task_archive\" name=\"归档\"/><endEvent id=\"endEvent_resolved\" name=\"分歧已处理\">");
		assertThat(after).isNotEqualTo(before);
		List<String> diff = ModelDiff.of(set("processes/review-disagreement.bpmn", before), set("processes/review-disagreement.bpmn", after));
		String text = String.join("\n", diff);
		assertThat(text).contains("修改文件 processes/review-disagreement.bpmn")
			.contains("新增手工任务 “归档”（task_archive）")
			.contains("修改用户任务 “协商审核意见（限期）”（userTask_negotiateOpinion）")
			.contains("名称（name） 由“协商审核意见”改为“协商审核意见（限期）”")
			.contains("期限 到期时间（camunda:dueDate） 由“${deadlines.limit('NEGOTIATION', negotiationStartedAt)}”改为“${deadlines.workdays(negotiationStartedAt, 3)}”");
		List<String> removed = ModelDiff.of(set("processes/review-disagreement.bpmn", after), set("processes/review-disagreement.bpmn", before));
		assertThat(String.join("\n", removed)).contains("删除手工任务 “归档”（task_archive）");
	}

	@Test
	void decisionRulesWithTheirEntries() throws Exception {
		String before = Files.readString(Path.of("dmn/major-decision-catalogue.dmn"));
		String changed = before.replace("<text>&gt;= 10000</text>", "<text>&gt;= 1000000</text>");
		String text = String.join("\n", ModelDiff.of(set("dmn/major-decision-catalogue.dmn", before),
				set("dmn/major-decision-catalogue.dmn", changed)));
		assertThat(text).contains("决策表 “重大执法决定法制审核目录清单”（major-decision-catalogue） 修改规则 rule_largeAmountPerson")
			.contains("由“>= 10000”改为“>= 1000000”");
		// a rule removed: named with its input and output entries
		int start = before.indexOf("<rule id=\"rule_largeAmountPerson\"");
		int end = before.indexOf("</rule>", start) + "</rule>".length();
		String without = before.substring(0, start) + before.substring(end);
		String removed = String.join("\n", ModelDiff.of(set("dmn/major-decision-catalogue.dmn", before),
				set("dmn/major-decision-catalogue.dmn", without)));
		assertThat(removed).contains("删除规则 rule_largeAmountPerson：").contains(">= 10000").contains("输出“");
	}

	@Test
	void formFieldsAddedAndRemoved() {
		String before = "{\"id\":\"f\",\"type\":\"default\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"label\":\"甲\"}]}";
		String after = "{\"id\":\"f\",\"type\":\"default\",\"components\":[{\"type\":\"textfield\",\"key\":\"b\",\"label\":\"乙\"}]}";
		String text = String.join("\n", ModelDiff.of(set("forms/f.form", before), set("forms/f.form", after)));
		assertThat(text).contains("表单 f 新增字段 b（乙）").contains("表单 f 删除字段 a（甲）");
		assertThat(ModelDiff.of(set("forms/f.form", before), set("forms/f.form", before))).isEmpty();
	}

	@Test
	void layoutOnlyIsSaidSoAndFilesAddedAreNamed() throws Exception {
		String before = Files.readString(Path.of("processes/review-disagreement.bpmn"));
		// the first shape of the diagram moved 10 units to the left, whatever its position
		java.util.regex.Matcher first = java.util.regex.Pattern.compile("(<dc:Bounds [^>]*\\bx=\")([0-9.]+)(\")").matcher(before);
		assertThat(first.find()).isTrue();
		String moved = before.substring(0, first.start(2)) + (Double.parseDouble(first.group(2)) + 10)
				+ before.substring(first.end(2));
		assertThat(moved).isNotEqualTo(before);
		assertThat(ModelDiff.of(set("processes/r.bpmn", before), set("processes/r.bpmn", moved))).anySatisfy(l -> assertThat(l)
			.contains("仅格式、布局或图形位置变化"));
		assertThat(ModelDiff.of(Map.of(), set("processes/r.bpmn", before))).singleElement().asString()
			.startsWith("新增文件 processes/r.bpmn：").contains("法制审核意见分歧处理");
	}

	@Test
	void submittedFilesReplaceTheFileDefiningTheSameModel() throws Exception {
		String catalogue = Files.readString(Path.of("dmn/major-decision-catalogue.dmn"));
		Map<String, byte[]> base = new LinkedHashMap<>();
		base.put("dmn/major-decision-catalogue.dmn", bytes(catalogue));
		base.put("forms/f.form", bytes("{\"id\":\"f\",\"components\":[]}"));
		ModelSets.Overlay overlay = ModelSets.overlay(base, Map.of("renamed.dmn", bytes(catalogue + " "), "f.form",
				bytes("{\"id\":\"f\",\"components\":[{}]}"), "new.bpmn", bytes("<x/>")));
		assertThat(overlay.result()).containsOnlyKeys("dmn/major-decision-catalogue.dmn", "forms/f.form", "processes/new.bpmn");
		assertThat(overlay.submittedName("dmn/major-decision-catalogue.dmn")).isEqualTo("renamed.dmn");
		assertThat(overlay.submittedName("processes/new.bpmn")).isEqualTo("new.bpmn");
	}
}

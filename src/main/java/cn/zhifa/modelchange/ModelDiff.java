package cn.zhifa.modelchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A readable account, in Chinese, of what a model change changes (issue 14 §6): per file, the BPMN
 * elements added, removed or changed (by id and name, with the attributes that changed; deadlines and
 * timers called out), the decision-table rules added, removed or changed (with their input and output
 * entries), and the form fields added or removed. Works on two complete sets (resource name → content).
 */
final class ModelDiff {

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
	private static final ObjectMapper JSON = new ObjectMapper();
	/** Attributes that carry a deadline: their change is called out as such. */
	private static final Set<String> DEADLINE_ATTRIBUTES = Set.of("dueDate", "followUpDate", "timeDate", "timeDuration",
			"timeCycle");
	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("process", "流程"),
			Map.entry("userTask", "用户任务"), Map.entry("serviceTask", "服务任务"), Map.entry("businessRuleTask", "决策任务"),
			Map.entry("callActivity", "调用子流程"), Map.entry("subProcess", "子流程"), Map.entry("task", "任务"),
			Map.entry("sendTask", "发送任务"), Map.entry("receiveTask", "接收任务"), Map.entry("manualTask", "手工任务"),
			Map.entry("exclusiveGateway", "排他网关"), Map.entry("parallelGateway", "并行网关"),
			Map.entry("inclusiveGateway", "包容网关"), Map.entry("eventBasedGateway", "事件网关"),
			Map.entry("startEvent", "开始事件"), Map.entry("endEvent", "结束事件"),
			Map.entry("intermediateCatchEvent", "中间捕获事件"), Map.entry("intermediateThrowEvent", "中间抛出事件"),
			Map.entry("boundaryEvent", "边界事件"), Map.entry("sequenceFlow", "连线"), Map.entry("message", "消息"),
			Map.entry("error", "错误"), Map.entry("signal", "信号"), Map.entry("escalation", "升级"));

	private ModelDiff() {
	}

	/** The lines of the diff from {@code before} to {@code after}; empty when nothing changed. */
	public static List<String> of(Map<String, byte[]> before, Map<String, byte[]> after) {
		List<String> lines = new ArrayList<>();
		Set<String> names = new TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			byte[] old = before.get(name);
			byte[] now = after.get(name);
			if (old != null && now != null && Arrays.equals(old, now)) {
				continue;
			}
			if (old == null) {
				lines.add("新增文件 " + name + "：" + summary(name, now));
				continue;
			}
			if (now == null) {
				lines.add("删除文件 " + name + "：" + summary(name, old));
				continue;
			}
			List<String> changes = new ArrayList<>();
			try {
				if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
					bpmn(parse(old), parse(now), changes);
				}
				else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
					dmn(parse(old), parse(now), changes);
				}
				else if (name.endsWith(".form")) {
					form(JSON.readTree(old), JSON.readTree(now), changes);
				}
			}
			catch (Exception e) {
				changes.add("（无法逐项比较：" + e.getClass().getSimpleName() + "）");
			}
			if (changes.isEmpty()) {
				changes.add("仅格式、布局或图形位置变化，办理规则未变");
			}
			lines.add("修改文件 " + name + "：");
			changes.forEach(c -> lines.add("　" + c));
		}
		return lines;
	}

	/** The diff as Markdown, as the approval form shows it. */
	public static String markdown(List<String> lines) {
		if (lines.isEmpty()) {
			return "（与现行版本相同，没有变化）";
		}
		StringBuilder s = new StringBuilder();
		for (String line : lines) {
			s.append(line.startsWith("　") ? "    - " + line.substring(1) : "- " + line).append('\n');
		}
		return s.toString();
	}

	private static String summary(String name, byte[] content) {
		try {
			if (name.endsWith(".form")) {
				JsonNode form = JSON.readTree(content);
				return "表单 " + form.path("id").asText() + "，字段 " + fields(form).size() + " 个";
			}
			Document doc = parse(content);
			List<String> ids = new ArrayList<>();
			for (Element e : descendants(doc.getDocumentElement())) {
				if ("process".equals(e.getLocalName()) || "decision".equals(e.getLocalName()) && !CAMUNDA.equals(e.getNamespaceURI())) {
					ids.add(label(e));
				}
			}
			return ids.isEmpty() ? "模型文件" : String.join("、", ids);
		}
		catch (Exception e) {
			return "无法读取";
		}
	}

	// ------------------------------------------------------------------ BPMN

	private static void bpmn(Document old, Document now, List<String> changes) {
		Map<String, Element> before = bpmnElements(old);
		Map<String, Element> after = bpmnElements(now);
		for (Map.Entry<String, Element> e : after.entrySet()) {
			if (!before.containsKey(e.getKey())) {
				changes.add("新增" + type(e.getValue()) + " " + label(e.getValue()) + describeFlow(e.getValue()));
			}
		}
		for (Map.Entry<String, Element> e : before.entrySet()) {
			if (!after.containsKey(e.getKey())) {
				changes.add("删除" + type(e.getValue()) + " " + label(e.getValue()));
			}
		}
		for (Map.Entry<String, Element> e : after.entrySet()) {
			Element was = before.get(e.getKey());
			if (was == null) {
				continue;
			}
			Map<String, String> a = signature(was);
			Map<String, String> b = signature(e.getValue());
			if (a.equals(b)) {
				continue;
			}
			List<String> parts = new ArrayList<>();
			Set<String> keys = new TreeSet<>(a.keySet());
			keys.addAll(b.keySet());
			for (String key : keys) {
				String x = a.get(key);
				String y = b.get(key);
				if (Objects.equals(x, y)) {
					continue;
				}
				boolean deadline = DEADLINE_ATTRIBUTES.stream().anyMatch(key::endsWith);
				parts.add((deadline ? "期限 " : "") + caption(key) + (x == null ? " 新增为“" + y + "”"
						: y == null ? " 删除（原为“" + x + "”）" : " 由“" + x + "”改为“" + y + "”"));
			}
			changes.add("修改" + type(e.getValue()) + " " + label(e.getValue()) + "：" + String.join("；", parts));
		}
	}

	/** Flow elements, events definitions' owners, messages …: every BPMN element with an id below the definitions, not the diagram. */
	private static Map<String, Element> bpmnElements(Document doc) {
		Map<String, Element> elements = new TreeMap<>();
		for (Element e : children(doc.getDocumentElement())) {
			if (!BPMN.equals(e.getNamespaceURI())) {
				continue; // bpmndi: layout only
			}
			collect(e, elements);
		}
		return elements;
	}

	private static void collect(Element e, Map<String, Element> into) {
		String id = e.getAttribute("id");
		if (!id.isEmpty() && TYPES.containsKey(e.getLocalName())) {
			into.put(id, e);
		}
		if ("process".equals(e.getLocalName()) || "subProcess".equals(e.getLocalName())) {
			for (Element c : children(e)) {
				if (BPMN.equals(c.getNamespaceURI())) {
					collect(c, into);
				}
			}
		}
	}

	/** What an element does: its attributes and the texts below it (conditions, timers, inputs, properties), not its children's ids of flows. */
	private static Map<String, String> signature(Element e) {
		Map<String, String> s = new TreeMap<>();
		attributes(e, "", s);
		boolean container = "process".equals(e.getLocalName()) || "subProcess".equals(e.getLocalName());
		for (Element c : children(e)) {
			if (container && BPMN.equals(c.getNamespaceURI()) && TYPES.containsKey(c.getLocalName())) {
				continue; // its own entry
			}
			if ("incoming".equals(c.getLocalName()) || "outgoing".equals(c.getLocalName())) {
				continue; // the flows themselves are compared
			}
			walk(c, c.getLocalName(), s);
		}
		return s;
	}

	private static void walk(Element e, String path, Map<String, String> into) {
		if ("property".equals(e.getLocalName()) || "inputParameter".equals(e.getLocalName())
				|| "outputParameter".equals(e.getLocalName()) || "taskListener".equals(e.getLocalName())) {
			String key = e.getAttribute("name").isEmpty() ? e.getAttribute("event") : e.getAttribute("name");
			path = path + "[" + key + "]";
		}
		attributes(e, path + ".", into);
		List<Element> kids = children(e);
		if (kids.isEmpty()) {
			String text = e.getTextContent() == null ? "" : e.getTextContent().strip();
			if (!text.isEmpty()) {
				into.put(path, text);
			}
			return;
		}
		for (Element c : kids) {
			walk(c, path + "/" + c.getLocalName(), into);
		}
	}

	private static void attributes(Element e, String prefix, Map<String, String> into) {
		NamedNodeMap attrs = e.getAttributes();
		for (int i = 0; i < attrs.getLength(); i++) {
			Node a = attrs.item(i);
			String local = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
			if ("id".equals(local) || a.getNodeName().startsWith("xmlns")) {
				continue;
			}
			String name = CAMUNDA.equals(a.getNamespaceURI()) ? "camunda:" + local : local;
			into.put(prefix + name, a.getNodeValue());
		}
	}

	/** Readable names of what a model says most often; the technical name follows in brackets. */
	private static final Map<String, String> CAPTIONS = Map.ofEntries(Map.entry("name", "名称"),
			Map.entry("camunda:dueDate", "到期时间"), Map.entry("camunda:followUpDate", "跟进日期"),
			Map.entry("camunda:candidateGroups", "候选组"), Map.entry("camunda:candidateUsers", "候选人"),
			Map.entry("camunda:assignee", "办理人"), Map.entry("camunda:formRef", "表单"),
			Map.entry("camunda:decisionRef", "决策表"), Map.entry("calledElement", "调用的流程"),
			Map.entry("camunda:delegateExpression", "系统组件"), Map.entry("sourceRef", "起点"),
			Map.entry("targetRef", "终点"), Map.entry("conditionExpression", "条件"), Map.entry("default", "默认连线"),
			Map.entry("attachedToRef", "所附任务"), Map.entry("cancelActivity", "中断任务"),
			Map.entry("camunda:asyncBefore", "异步执行"), Map.entry("camunda:resultVariable", "结果变量"));

	private static String caption(String key) {
		String last = key.substring(key.lastIndexOf('/') + 1);
		String attribute = last.substring(last.lastIndexOf('.') + 1);
		String element = last.contains(".") ? last.substring(0, last.lastIndexOf('.')) : last;
		String label = CAPTIONS.get(attribute);
		if (label == null && DEADLINE_ATTRIBUTES.contains(element)) {
			label = "定时";
		}
		if (label == null && key.contains("[") && key.endsWith("]")) {
			return "参数 " + key.substring(key.lastIndexOf('[') + 1, key.length() - 1) + "（" + key + "）";
		}
		return label == null ? key : label + "（" + key + "）";
	}

	private static String describeFlow(Element e) {
		if ("sequenceFlow".equals(e.getLocalName())) {
			return "（" + e.getAttribute("sourceRef") + " → " + e.getAttribute("targetRef") + "）";
		}
		String due = e.getAttributeNS(CAMUNDA, "dueDate");
		return due.isEmpty() ? "" : "（期限 " + due + "）";
	}

	// ------------------------------------------------------------------ DMN

	private static void dmn(Document old, Document now, List<String> changes) {
		Map<String, Element> before = decisions(old);
		Map<String, Element> after = decisions(now);
		for (String id : after.keySet()) {
			if (!before.containsKey(id)) {
				changes.add("新增决策表 " + label(after.get(id)));
			}
		}
		for (String id : before.keySet()) {
			if (!after.containsKey(id)) {
				changes.add("删除决策表 " + label(before.get(id)));
			}
		}
		for (Map.Entry<String, Element> d : after.entrySet()) {
			Element was = before.get(d.getKey());
			if (was == null) {
				continue;
			}
			Element oldTable = first(was, "decisionTable");
			Element newTable = first(d.getValue(), "decisionTable");
			if (oldTable == null || newTable == null) {
				continue;
			}
			List<String> columns = columns(newTable);
			if (!columns.equals(columns(oldTable))) {
				changes.add("决策表 " + label(d.getValue()) + " 的列由 " + String.join("、", columns(oldTable)) + " 改为 "
						+ String.join("、", columns));
			}
			if (!oldTable.getAttribute("hitPolicy").equals(newTable.getAttribute("hitPolicy"))) {
				changes.add("决策表 " + label(d.getValue()) + " 的命中策略由 " + or(oldTable.getAttribute("hitPolicy"), "UNIQUE")
						+ " 改为 " + or(newTable.getAttribute("hitPolicy"), "UNIQUE"));
			}
			Map<String, Element> a = rules(oldTable);
			Map<String, Element> b = rules(newTable);
			for (Map.Entry<String, Element> r : b.entrySet()) {
				Element rule = r.getValue();
				Element previous = a.get(r.getKey());
				if (previous == null) {
					changes.add("决策表 " + label(d.getValue()) + " 新增规则 " + r.getKey() + "：" + describeRule(rule, columns));
				}
				else if (!entries(previous).equals(entries(rule))) {
					List<String> oldEntries = entries(previous);
					List<String> newEntries = entries(rule);
					List<String> cells = new ArrayList<>();
					for (int i = 0; i < Math.max(oldEntries.size(), newEntries.size()); i++) {
						String x = i < oldEntries.size() ? oldEntries.get(i) : "";
						String y = i < newEntries.size() ? newEntries.get(i) : "";
						if (!x.equals(y)) {
							cells.add(column(columns, i) + " 由“" + dash(x) + "”改为“" + dash(y) + "”");
						}
					}
					changes.add("决策表 " + label(d.getValue()) + " 修改规则 " + r.getKey() + describeAnnotation(rule) + "："
							+ String.join("；", cells));
				}
			}
			for (Map.Entry<String, Element> r : a.entrySet()) {
				if (!b.containsKey(r.getKey())) {
					changes.add("决策表 " + label(d.getValue()) + " 删除规则 " + r.getKey() + "：" + describeRule(r.getValue(), columns(oldTable)));
				}
			}
		}
	}

	private static Map<String, Element> decisions(Document doc) {
		Map<String, Element> decisions = new TreeMap<>();
		for (Element e : children(doc.getDocumentElement())) {
			if ("decision".equals(e.getLocalName()) && !e.getAttribute("id").isEmpty()) {
				decisions.put(e.getAttribute("id"), e);
			}
		}
		return decisions;
	}

	/** Column captions: inputs (输入) then outputs (输出). */
	private static List<String> columns(Element table) {
		List<String> columns = new ArrayList<>();
		for (Element c : children(table)) {
			if ("input".equals(c.getLocalName()) || "output".equals(c.getLocalName())) {
				String caption = or(c.getAttribute("label"), or(c.getAttribute("name"), c.getAttribute("id")));
				if ("input".equals(c.getLocalName()) && caption.equals(c.getAttribute("id"))) {
					Element expression = first(c, "inputExpression");
					Element text = expression == null ? null : first(expression, "text");
					if (text != null) {
						caption = text.getTextContent().strip();
					}
				}
				columns.add(("input".equals(c.getLocalName()) ? "输入“" : "输出“") + caption + "”");
			}
		}
		return columns;
	}

	private static Map<String, Element> rules(Element table) {
		Map<String, Element> rules = new LinkedHashMap<>();
		for (Element c : children(table)) {
			if ("rule".equals(c.getLocalName())) {
				rules.put(c.getAttribute("id"), c);
			}
		}
		return rules;
	}

	private static List<String> entries(Element rule) {
		List<String> entries = new ArrayList<>();
		for (Element c : children(rule)) {
			if ("inputEntry".equals(c.getLocalName()) || "outputEntry".equals(c.getLocalName())) {
				Element text = first(c, "text");
				entries.add(text == null ? "" : text.getTextContent().strip());
			}
		}
		Element annotation = first(rule, "description");
		entries.add(annotation == null ? "" : annotation.getTextContent().strip());
		return entries;
	}

	private static String describeRule(Element rule, List<String> columns) {
		List<String> entries = entries(rule);
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < entries.size() - 1; i++) {
			cells.add(column(columns, i) + " " + dash(entries.get(i)));
		}
		return String.join("，", cells) + describeAnnotation(rule);
	}

	private static String describeAnnotation(Element rule) {
		Element annotation = first(rule, "description");
		if (annotation == null || annotation.getTextContent().isBlank()) {
			return "";
		}
		String text = annotation.getTextContent().strip();
		return "（" + (text.length() > 40 ? text.substring(0, 39) + "…" : text) + "）";
	}

	private static String column(List<String> columns, int i) {
		return i < columns.size() ? columns.get(i) : "说明";
	}

	private static String dash(String entry) {
		return entry.isEmpty() ? "-" : entry;
	}

	// ------------------------------------------------------------------ forms

	private static void form(JsonNode old, JsonNode now, List<String> changes) {
		Map<String, String> before = fields(old);
		Map<String, String> after = fields(now);
		String form = "表单 " + now.path("id").asText();
		after.forEach((key, label) -> {
			if (!before.containsKey(key)) {
				changes.add(form + " 新增字段 " + key + "（" + label + "）");
			}
			else if (!before.get(key).equals(label)) {
				changes.add(form + " 字段 " + key + " 的名称由“" + before.get(key) + "”改为“" + label + "”");
			}
		});
		before.forEach((key, label) -> {
			if (!after.containsKey(key)) {
				changes.add(form + " 删除字段 " + key + "（" + label + "）");
			}
		});
		if (changes.isEmpty() && !old.equals(now)) {
			changes.add(form + " 的说明文字、选项或校验规则有变化（字段未增删）");
		}
	}

	private static Map<String, String> fields(JsonNode form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (JsonNode c : form.findParents("key")) {
			if (c.path("key").isTextual()) {
				fields.put(c.path("key").asText(), c.path("label").asText(c.path("key").asText()));
			}
		}
		return fields;
	}

	// ------------------------------------------------------------------ XML

	static Document parse(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(null);
		return builder.parse(new ByteArrayInputStream(bytes));
	}

	private static List<Element> children(Element e) {
		List<Element> list = new ArrayList<>();
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element c) {
				list.add(c);
			}
		}
		return list;
	}

	private static List<Element> descendants(Element e) {
		List<Element> list = new ArrayList<>();
		for (Element c : children(e)) {
			list.add(c);
			list.addAll(descendants(c));
		}
		return list;
	}

	private static Element first(Element e, String localName) {
		for (Element c : children(e)) {
			if (localName.equals(c.getLocalName())) {
				return c;
			}
		}
		return null;
	}

	private static String type(Element e) {
		return TYPES.getOrDefault(e.getLocalName(), e.getLocalName());
	}

	private static String label(Element e) {
		String name = e.getAttribute("name");
		return name.isEmpty() ? e.getAttribute("id") : "“" + name + "”（" + e.getAttribute("id") + "）";
	}

	private static String or(String value, String otherwise) {
		return value == null || value.isEmpty() ? otherwise : value;
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}

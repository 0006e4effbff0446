package cn.zhifa.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.models.XmlTree.Node;
import cn.zhifa.platform.Expressions;
import cn.zhifa.platform.ModelVocabulary;

/**
 * The model guard (issue 14 §1–2, ADR-0016): models are data, not code. Checks a set of model files —
 * BPMN, DMN and Camunda Forms — before anything of it is deployed, on every way in (start-up, the
 * engine's REST API as Camunda Modeler uses it, {@code /api/models/validate}, {@code verify-models}):
 * <ul>
 * <li>no Java classes, scripts of any language, connectors, external tasks, embedded or generated
 * forms, field injection, explicit tenants; delegates and listeners only from {@link ModelVocabulary};</li>
 * <li>every expression within the safe grammar ({@link Expressions});</li>
 * <li>everything referred to exists: forms, decisions, called processes, statutory limits, document
 * kinds; every user task has a form and somebody responsible;</li>
 * <li>DMN only in FEEL, every FEEL text parses; forms are valid JSON with an id.</li>
 * </ul>
 * Returns every problem found, each with file, line and element, in Chinese; an empty list means the
 * set may be deployed.
 */
public final class ModelGuard {

	public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
	public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
	static final String DMN_CAMUNDA = "http://camunda.org/schema/1.0/dmn";

	/**
	 * What a model may refer to besides the files deployed with it: the statutory limits
	 * ({@code calendar/statutory-limits.yml}) and the document kinds ({@code templates/document-kinds.yml}).
	 * Forms, decisions and called processes must be in the same deployment: a running case keeps the
	 * versions it started with (deployment binding, issue 14 §5).
	 */
	public record Known(Set<String> limitKeys, Set<String> documentKinds) {
	}

	/** camunda: attributes a model may not use, with the reason. */
	private static final Map<String, String> FORBIDDEN_CAMUNDA_ATTRIBUTES = Map.ofEntries(
			Map.entry("class", "不允许直接调用 Java 类（camunda:class），请使用系统提供的服务任务"),
			Map.entry("resource", "不允许引用外部脚本或资源（camunda:resource）"),
			Map.entry("scriptFormat", "不允许脚本（camunda:scriptFormat）"),
			Map.entry("formKey", "不允许嵌入式或外部表单（camunda:formKey），请使用 Camunda 表单（camunda:formRef）"),
			Map.entry("formHandlerClass", "不允许自定义表单处理类"),
			Map.entry("variableMappingClass", "不允许自定义变量映射类"),
			Map.entry("variableMappingDelegateExpression", "不允许自定义变量映射"),
			Map.entry("type", "不允许外部任务或连接器（camunda:type）"),
			Map.entry("topic", "不允许外部任务（camunda:topic）"),
			Map.entry("calledElementTenantId", "不能指定其他单位（租户）的流程"),
			Map.entry("decisionRefTenantId", "不能指定其他单位（租户）的决策表"),
			Map.entry("formRefTenantId", "不能指定其他单位（租户）的表单"),
			Map.entry("caseRef", "不允许调用 CMMN 案例"),
			Map.entry("caseTenantId", "不允许调用 CMMN 案例"));

	/** camunda: elements a model may not use, with the reason. */
	private static final Map<String, String> FORBIDDEN_CAMUNDA_ELEMENTS = Map.of(
			"script", "不允许脚本（camunda:script）",
			"connector", "不允许连接器（camunda:connector）",
			"formData", "不允许生成式表单（camunda:formData），请使用 Camunda 表单（camunda:formRef）",
			"formProperty", "不允许表单属性（camunda:formProperty），请使用 Camunda 表单",
			"field", "不允许字段注入（camunda:field）");

	/** Elements whose text the engine never evaluates (notes for people). */
	private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");
	private static final Pattern KIND_LITERAL = Pattern.compile("(?:[?:]|[$#]\\{)\\s*'([A-Z][A-Z0-9_]+)'");
	private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private final Map<String, byte[]> files;
	private final Known known;
	private final List<ModelProblem> problems = new ArrayList<>();
	private final Map<String, Node> bpmn = new TreeMap<>();
	private final Map<String, Node> dmn = new TreeMap<>();
	private final Set<String> formIds = new HashSet<>();
	private final Map<String, Set<String>> formFields = new java.util.HashMap<>();
	/** The audio-video action kinds the recording list (dmn/av-recording-list.dmn) in this set knows. */
	private final Set<String> avActionKinds = new HashSet<>();
	private final Set<String> decisionKeys = new HashSet<>();
	private final Set<String> processKeys = new HashSet<>();

	private ModelGuard(Map<String, byte[]> files, Known known) {
		this.files = files;
		this.known = known;
	}

	/** Checks {@code files} (resource name → content) against what is {@code known}; empty: deployable. */
	public static List<ModelProblem> check(Map<String, byte[]> files, Known known) {
		ModelGuard guard = new ModelGuard(files, known);
		guard.run();
		return List.copyOf(guard.problems);
	}

	private void run() {
		Map<String, byte[]> ordered = new LinkedHashMap<>(new TreeMap<>(files));
		ordered.forEach((name, bytes) -> {
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				parseXml(name, bytes, bpmn);
			}
			else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
				parseXml(name, bytes, dmn);
			}
			else if (name.endsWith(".form")) {
				form(name, bytes);
			}
			else {
				problems.add(new ModelProblem(name, 0, null, "不是模型文件：只能部署流程（.bpmn）、决策表（.dmn）和表单（.form）"));
			}
		});
		bpmn.values().forEach(root -> root.walk(n -> {
			if (n.is(BPMN, "process") && n.id() != null) {
				processKeys.add(n.id());
			}
		}));
		dmn.values().forEach(root -> root.walk(n -> {
			if ("decision".equals(n.name()) && n.id() != null && !n.ns().equals(DMN_CAMUNDA)) {
				decisionKeys.add(n.id());
			}
		}));
		avActionKinds.addAll(avActionKinds());
		bpmn.forEach(this::checkBpmn);
		dmn.forEach(this::checkDmn);
	}

	private void parseXml(String name, byte[] bytes, Map<String, Node> into) {
		try {
			into.put(name, XmlTree.parse(bytes));
		}
		catch (XmlTree.Malformed e) {
			problems.add(new ModelProblem(name, e.line, null, e.getMessage()));
		}
	}

	private void problem(String file, Node at, String message) {
		Node identified = at.identified();
		problems.add(new ModelProblem(file, at.line(), identified.id(), message));
	}

	// ------------------------------------------------------------------ forms

	private void form(String name, byte[] bytes) {
		JsonNode form;
		try {
			form = JSON.readTree(bytes);
		}
		catch (JsonProcessingException e) {
			JsonLocation at = e.getLocation();
			problems.add(new ModelProblem(name, at == null ? 0 : at.getLineNr(), null, "不是格式正确的 JSON 表单"));
			return;
		}
		catch (java.io.IOException e) {
			problems.add(new ModelProblem(name, 0, null, "无法读取表单"));
			return;
		}
		if (form == null || !form.isObject() || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
			problems.add(new ModelProblem(name, 1, null, "表单须为 JSON 对象，并有表单编号（id）"));
			return;
		}
		if (!form.path("components").isArray()) {
			problems.add(new ModelProblem(name, 1, form.path("id").asText(), "表单缺少字段列表（components）"));
		}
		if (!formIds.add(form.path("id").asText())) {
			problems.add(new ModelProblem(name, 1, form.path("id").asText(), "表单编号“" + form.path("id").asText() + "”重复"));
		}
		Set<String> keys = new HashSet<>();
		form.findValues("key").forEach(k -> keys.add(k.asText()));
		formFields.put(form.path("id").asText(), keys);
	}

	// ------------------------------------------------------------------ BPMN

	/** The allowed values of the {@code actionKind} input of the {@code av-recording-list} table in the set. */
	private Set<String> avActionKinds() {
		Set<String> kinds = new HashSet<>();
		dmn.values().forEach(root -> root.walk(n -> {
			if ("decision".equals(n.name()) && "av-recording-list".equals(n.id())) {
				n.walk(input -> {
					if ("inputValues".equals(input.name()) && input.parent() != null && "input".equals(input.parent().name())) {
						input.walk(text -> {
							Matcher m = Pattern.compile("\"([A-Z_]+)\"").matcher(text.text());
							while (m.find()) {
								kinds.add(m.group(1));
							}
						});
					}
				});
			}
		}));
		return kinds;
	}

	private void checkBpmn(String file, Node root) {
		if (!root.is(BPMN, "definitions")) {
			problem(file, root, "不是 BPMN 2.0 流程文件（根元素应为 bpmn:definitions）");
			return;
		}
		root.walk(n -> checkBpmnElement(file, n));
		for (Node process : root.children(BPMN, "process")) {
			StatutoryGraph.check(process, formFields, (at, message) -> problem(file, at, message));
		}
	}

	private void checkBpmnElement(String file, Node n) {
		if (n.is(BPMN, "script") && n.parent() != null && n.parent().is(BPMN, "scriptTask")) {
			return; // reported with its script task
		}
		if (n.is(BPMN, "scriptTask") || n.is(BPMN, "script")) {
			problem(file, n, "不允许脚本任务：流程中的计算请用决策表（DMN）或系统提供的服务任务");
			return;
		}
		if (CAMUNDA.equals(n.ns()) && FORBIDDEN_CAMUNDA_ELEMENTS.containsKey(n.name())) {
			problem(file, n, FORBIDDEN_CAMUNDA_ELEMENTS.get(n.name()));
			return;
		}
		if (n.is(CAMUNDA, "property") && "avActionKind".equals(n.attr("name")) && !avActionKinds.isEmpty()
				&& !avActionKinds.contains(n.attr("value"))) {
			problem(file, n, "音像记录类别 avActionKind=“" + n.attr("value") + "”不在全过程记录清单（dmn/av-recording-list.dmn）中");
		}
		if (n.is(BPMN, "conditionExpression") && n.attr("language") != null) {
			problem(file, n, "条件不能用脚本语言（language=\"" + n.attr("language") + "\"）书写，请用表达式");
			return;
		}
		n.attributes().forEach((key, value) -> {
			String camunda = key.startsWith("{" + CAMUNDA + "}") ? key.substring(CAMUNDA.length() + 2) : null;
			if (camunda != null && FORBIDDEN_CAMUNDA_ATTRIBUTES.containsKey(camunda)) {
				problem(file, n, FORBIDDEN_CAMUNDA_ATTRIBUTES.get(camunda));
			}
			else if (CAMUNDA.equals(n.ns()) && key.equals("class")) {
				problem(file, n, "不允许直接调用 Java 类（class），请使用系统提供的监听器");
			}
			else if ("delegateExpression".equals(camunda) || CAMUNDA.equals(n.ns()) && key.equals("delegateExpression")) {
				delegate(file, n, value);
			}
			else if (Expressions.contains(value)) {
				expression(file, n, value);
			}
		});
		String text = n.textTrimmed();
		if (n.children().isEmpty() && !NOT_EVALUATED.contains(n.name()) && Expressions.contains(text)) {
			expression(file, n, text);
		}
		references(file, n);
	}

	private void delegate(String file, Node n, String value) {
		String name = Expressions.delegateName(value);
		boolean listener = n.is(CAMUNDA, "taskListener");
		boolean executionListener = n.is(CAMUNDA, "executionListener");
		if (name == null) {
			problem(file, n, "委托表达式“" + value + "”须为 ${组件名}");
			return;
		}
		if (executionListener) {
			problem(file, n, "不允许自定义执行监听器“" + name + "”");
		}
		else if (listener ? !ModelVocabulary.TASK_LISTENERS.contains(name) : !ModelVocabulary.SERVICE_DELEGATES.contains(name)) {
			problem(file, n, (listener ? "任务监听器" : "服务任务") + "“" + name + "”不是系统提供的组件；可用的有："
					+ String.join("、", new java.util.TreeSet<>(listener ? ModelVocabulary.TASK_LISTENERS : ModelVocabulary.SERVICE_DELEGATES)));
		}
	}

	private void expression(String file, Node n, String text) {
		Expressions.Result result = Expressions.check(text);
		result.problems().forEach(p -> problem(file, n, p));
		for (Expressions.Call call : result.calls()) {
			if (call.bean().equals("deadlines")
					&& (call.method().equals("limit") || call.method().equals("limitNotCounting"))) {
				String key = call.literalArguments().get(0);
				if (key == null) {
					problem(file, n, "deadlines.limit 的第一个参数须为法定期限的名称（如 'LEGAL_REVIEW'）");
				}
				else if (!known.limitKeys().contains(key)) {
					problem(file, n, "法定期限“" + key + "”不存在（见 calendar/statutory-limits.yml）");
				}
			}
		}
	}

	private void references(String file, Node n) {
		String formRef = n.attr(CAMUNDA, "formRef");
		if (formRef != null) {
			reference(file, n, "表单", formRef, formIds, n.attr(CAMUNDA, "formRefBinding"), "camunda:formRefBinding");
		}
		String decisionRef = n.attr(CAMUNDA, "decisionRef");
		if (decisionRef != null) {
			reference(file, n, "决策表", decisionRef, decisionKeys, n.attr(CAMUNDA, "decisionRefBinding"),
					"camunda:decisionRefBinding");
		}
		if (n.is(BPMN, "callActivity")) {
			String called = n.attr("calledElement");
			reference(file, n, "被调用的流程", called == null ? "" : called, processKeys, n.attr(CAMUNDA, "calledElementBinding"),
					"camunda:calledElementBinding");
		}
		if (n.is(BPMN, "userTask")) {
			taskChecks(file, n, formRef);
			if (formRef == null) {
				problem(file, n, "用户任务须有表单（camunda:formRef）");
			}
			if (n.attr(CAMUNDA, "candidateGroups") == null && n.attr(CAMUNDA, "candidateUsers") == null
					&& n.attr(CAMUNDA, "assignee") == null) {
				problem(file, n, "用户任务须指定办理人或候选组（camunda:candidateGroups）");
			}
		}
		if (n.is(CAMUNDA, "inputParameter") && "documentKind".equals(n.attr("name"))) {
			String kind = n.textTrimmed();
			List<String> kinds = new ArrayList<>();
			if (Expressions.contains(kind)) {
				Matcher m = KIND_LITERAL.matcher(kind);
				while (m.find()) {
					kinds.add(m.group(1));
				}
			}
			else {
				kinds.add(kind);
			}
			for (String k : kinds) {
				if (!known.documentKinds().contains(k)) {
					problem(file, n, "文书种类“" + k + "”不存在（见 templates/document-kinds.yml）");
				}
			}
		}
	}

	/**
	 * Fail closed (issue 14 §3): a task showing a form that has a check carries that check's listener;
	 * a check's listener sits only on a task showing one of its forms.
	 */
	private void taskChecks(String file, Node task, String formRef) {
		java.util.Set<String> listeners = new java.util.TreeSet<>();
		for (Node ext : task.children(BPMN, "extensionElements")) {
			for (Node l : ext.children(CAMUNDA, "taskListener")) {
				String name = Expressions.delegateName(l.attr("delegateExpression"));
				if (name != null && ModelVocabulary.TASK_CHECKS.containsKey(name)) {
					listeners.add(name);
				}
			}
		}
		String needed = formRef == null ? null : ModelVocabulary.checkOf(formRef);
		if (needed != null && !listeners.contains(needed)) {
			problem(file, task, "表单“" + formRef + "”的填写内容须经检查：请为该任务添加任务监听器 ${" + needed + "}");
		}
		for (String listener : listeners) {
			if (!listener.equals(needed)) {
				problem(file, task, "任务监听器 ${" + listener + "} 没有表单“" + formRef + "”的检查"
						+ (needed == null ? "" : "（该表单应使用 ${" + needed + "}）"));
			}
		}
	}

	/**
	 * A form, decision or called process: named literally, in the same deployment, bound to it — so a
	 * case keeps the versions it started with and a change elsewhere cannot break or alter it.
	 */
	private void reference(String file, Node n, String what, String key, Set<String> inSet, String binding, String attribute) {
		if (key.isBlank() || Expressions.contains(key)) {
			problem(file, n, what + "须写明编号，不能为空或用表达式");
			return;
		}
		if (!inSet.contains(key)) {
			problem(file, n, "引用的" + what + "“" + key + "”不在本次部署的文件中（流程与其表单、决策表须一起部署，不要只部署有变化的文件）");
		}
		if (!"deployment".equals(binding)) {
			problem(file, n, what + "“" + key + "”须绑定到同一次部署（" + attribute + "=\"deployment\"），使办理中的案件沿用开始时的版本");
		}
	}

	// ------------------------------------------------------------------ DMN

	private void checkDmn(String file, Node root) {
		if (!"definitions".equals(root.name()) || root.ns() == null || !root.ns().contains("DMN")) {
			problem(file, root, "不是 DMN 决策表文件（根元素应为 definitions）");
			return;
		}
		root.walk(n -> {
			String language = n.attr("expressionLanguage");
			if (language != null && !language.toLowerCase(java.util.Locale.ROOT).contains("feel")) {
				problem(file, n, "决策表只能用 FEEL 书写，不能用“" + language + "”");
			}
			if (n.attr(DMN_CAMUNDA, "inputVariable") != null && Expressions.contains(n.attr(DMN_CAMUNDA, "inputVariable"))) {
				problem(file, n, "输入变量名不能是表达式");
			}
			if ("text".equals(n.name()) && n.parent() != null) {
				feel(file, n, n.parent().name(), n.text().toString());
			}
		});
	}

	private void feel(String file, Node text, String context, String feel) {
		String trimmed = feel.trim();
		if (FEEL_EXTERNAL.matcher(trimmed).find()) {
			problem(file, text, "FEEL 表达式不能调用外部函数（external）");
			return;
		}
		ParseResult parsed;
		switch (context) {
			case "inputEntry" -> parsed = trimmed.isEmpty() ? null : FEEL.parseUnaryTests(trimmed);
			case "outputEntry", "inputExpression", "literalExpression" -> parsed = trimmed.isEmpty() ? null : FEEL.parseExpression(trimmed);
			default -> parsed = null;
		}
		if (parsed != null && parsed.isFailure()) {
			problem(file, text, "FEEL 表达式“" + (trimmed.length() > 60 ? trimmed.substring(0, 57) + "…" : trimmed)
					+ "”写法有误，无法解析");
		}
	}
}

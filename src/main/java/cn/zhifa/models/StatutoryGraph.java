package cn.zhifa.models;

import static cn.zhifa.models.ModelGuard.BPMN;
import static cn.zhifa.models.ModelGuard.CAMUNDA;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import cn.zhifa.models.XmlTree.Node;
import cn.zhifa.platform.Expressions;
import cn.zhifa.platform.ModelVocabulary;

/**
 * The statutory invariants of a process, proven on its graph rather than by element ids (issue 14 §3):
 * <ol>
 * <li>a task that sets a decision's outcome or generates a decision document is marked as a decision
 * step ({@code statutoryStep=DECISION}) and carries its qualification marker;</li>
 * <li>every path from a start to a decision step passes the legal review, and the collective discussion,
 * unless it took a branch on which the decision is by law not major
 * ({@link ModelVocabulary#NOT_MAJOR_CONDITIONS});</li>
 * <li>every path from a decision step to the end of the process passes the start of the disclosure;</li>
 * <li>a task whose deadline is watched by an SLA timer has a due date.</li>
 * </ol>
 * Markers can only sit on the elements that really do the step (the review is a call of
 * {@code legal-review}, the disclosure starts {@code disclosure-publication}), so a marker cannot be put
 * on an empty task to satisfy the proof.
 */
final class StatutoryGraph {

	private static final Set<String> NOT_FLOW_NODES = Set.of("sequenceFlow", "laneSet", "textAnnotation", "association",
			"dataObject", "dataObjectReference", "dataStoreReference", "extensionElements", "documentation", "incoming",
			"outgoing", "ioSpecification", "property", "dataInputAssociation", "dataOutputAssociation", "multiInstanceLoopCharacteristics",
			"standardLoopCharacteristics", "group", "category");

	private record Edge(Node target, Node flow, boolean nonInterrupting) {
	}

	private final BiConsumer<Node, String> problem;
	private final Map<String, Set<String>> formFields;
	private final Map<String, Node> nodes = new LinkedHashMap<>();
	private final Map<Node, List<Edge>> edges = new HashMap<>();
	private final List<Node> starts = new ArrayList<>();

	private StatutoryGraph(BiConsumer<Node, String> problem, Map<String, Set<String>> formFields) {
		this.problem = problem;
		this.formFields = formFields;
	}

	/** Checks one {@code bpmn:process}; reports through {@code problem}. */
	static void check(Node process, Map<String, Set<String>> formFields, BiConsumer<Node, String> problem) {
		StatutoryGraph graph = new StatutoryGraph(problem, formFields);
		graph.collect(process);
		graph.link(process);
		graph.prove();
	}

	// ------------------------------------------------------------------ the graph

	private static boolean isFlowNode(Node n) {
		return BPMN.equals(n.ns()) && n.id() != null && !NOT_FLOW_NODES.contains(n.name()) && !n.name().endsWith("EventDefinition")
				&& !n.name().equals("conditionExpression");
	}

	private void collect(Node scope) {
		for (Node n : scope.children()) {
			if (!isFlowNode(n)) {
				continue;
			}
			nodes.put(n.id(), n);
			if (n.is(BPMN, "startEvent") && (scope.is(BPMN, "process") || "true".equals(scope.attr("triggeredByEvent")))) {
				starts.add(n); // an event sub-process can start whenever its event comes
			}
			if (n.is(BPMN, "subProcess") || n.is(BPMN, "transaction")) {
				collect(n);
			}
		}
	}

	private void edge(Node from, Node to, Node flow, boolean nonInterrupting) {
		if (from != null && to != null) {
			edges.computeIfAbsent(from, k -> new ArrayList<>()).add(new Edge(to, flow, nonInterrupting));
		}
	}

	private void link(Node scope) {
		scope.walk(n -> {
			if (n.is(BPMN, "sequenceFlow")) {
				edge(nodes.get(n.attr("sourceRef")), nodes.get(n.attr("targetRef")), n, false);
			}
		});
		for (Node n : nodes.values()) {
			if ((n.is(BPMN, "subProcess") || n.is(BPMN, "transaction")) && !"true".equals(n.attr("triggeredByEvent"))) {
				for (Node child : n.children()) {
					if (child.is(BPMN, "startEvent")) {
						edge(n, child, null, false);
					}
					if (child.is(BPMN, "endEvent") && !hasDefinition(child, "errorEventDefinition")) {
						for (Edge out : edges.getOrDefault(n, List.of())) {
							if (out.flow() != null) {
								edge(child, out.target(), out.flow(), false);
							}
						}
					}
				}
			}
			if (n.is(BPMN, "boundaryEvent")) {
				Node attached = nodes.get(n.attr("attachedToRef"));
				boolean nonInterrupting = "false".equals(n.attr("cancelActivity"));
				if (attached == null) {
					continue;
				}
				if (hasDefinition(n, "errorEventDefinition")) {
					edge(attached, n, null, false);
					attached.walk(inner -> {
						if (inner != attached && isFlowNode(inner) && (inner.is(BPMN, "callActivity")
								|| inner.is(BPMN, "endEvent") && hasDefinition(inner, "errorEventDefinition"))) {
							edge(inner, n, null, false);
						}
					});
				}
				else {
					attached.walk(inner -> {
						if (isFlowNode(inner)) {
							edge(inner, n, null, nonInterrupting);
						}
					});
				}
			}
		}
	}

	private static boolean hasDefinition(Node n, String definition) {
		return n.children().stream().anyMatch(c -> c.is(BPMN, definition));
	}

	// ------------------------------------------------------------------ markers

	static String marker(Node n, String name) {
		for (Node ext : n.children(BPMN, "extensionElements")) {
			for (Node props : ext.children(CAMUNDA, "properties")) {
				for (Node p : props.children(CAMUNDA, "property")) {
					if (name.equals(p.attr("name"))) {
						return p.attr("value");
					}
				}
			}
		}
		return null;
	}

	private static String step(Node n) {
		return marker(n, ModelVocabulary.STATUTORY_STEP);
	}

	private static String inputParameter(Node n, String name) {
		for (Node ext : n.children(BPMN, "extensionElements")) {
			for (Node io : ext.children(CAMUNDA, "inputOutput")) {
				for (Node p : io.children(CAMUNDA, "inputParameter")) {
					if (name.equals(p.attr("name"))) {
						return p.textTrimmed();
					}
				}
			}
		}
		return null;
	}

	private boolean setsDecision(Node n) {
		if (n.is(BPMN, "userTask")) {
			Set<String> fields = formFields.getOrDefault(n.attr(CAMUNDA, "formRef"), Set.of());
			return fields.stream().anyMatch(ModelVocabulary.DECISION_FIELDS::contains);
		}
		String kind = inputParameter(n, "documentKind");
		return kind != null && ModelVocabulary.DECISION_DOCUMENTS.stream().anyMatch(d -> kind.matches("(?s).*\\b" + d + "\\b.*"));
	}

	private void checkMarkers() {
		for (Node n : nodes.values()) {
			String step = step(n);
			if (step != null && !ModelVocabulary.STATUTORY_STEPS.contains(step)) {
				problem.accept(n, "法定步骤标记 statutoryStep=“" + step + "”无效，可用：" + String.join("、", new java.util.TreeSet<>(ModelVocabulary.STATUTORY_STEPS)));
				continue;
			}
			if (setsDecision(n) && !ModelVocabulary.DECISION.equals(step)) {
				problem.accept(n, "该步骤作出或记录执法决定（决定种类或决定文书），须标记为决定步骤（扩展属性 statutoryStep = DECISION），以便法制审核关口和流程检查适用");
			}
			String action = marker(n, ModelVocabulary.ENFORCEMENT_ACTION);
			if (action != null && !ModelVocabulary.ENFORCEMENT_ACTIONS.contains(action)) {
				problem.accept(n, "执法类别 enforcementAction=“" + action + "”无效，可用：" + String.join("、",
						new java.util.TreeSet<>(ModelVocabulary.ENFORCEMENT_ACTIONS)));
			}
			if (ModelVocabulary.LEGAL_REVIEW.equals(step)
					&& !(n.is(BPMN, "callActivity") && "legal-review".equals(n.attr("calledElement")))) {
				problem.accept(n, "法制审核标记只能用于调用法制审核流程（legal-review）的调用活动");
			}
			if (ModelVocabulary.DISCLOSURE.equals(step) && !("${startProcess}".equals(n.attr(CAMUNDA, "delegateExpression"))
					&& "disclosure-publication".equals(inputParameter(n, "processKey")))) {
				problem.accept(n, "公示标记只能用于启动公示流程（startProcess，processKey = disclosure-publication）的服务任务");
			}
			if (ModelVocabulary.COLLECTIVE_DISCUSSION.equals(step) && !n.is(BPMN, "userTask")) {
				problem.accept(n, "集体讨论标记只能用于用户任务");
			}
			if (n.is(BPMN, "boundaryEvent")) {
				Node attached = nodes.get(n.attr("attachedToRef"));
				boolean sla = edges.getOrDefault(n, List.of()).stream().anyMatch(e -> e.flow() != null
						&& ModelVocabulary.SLA_DELEGATES.contains(String.valueOf(Expressions.delegateName(e.target().attr(CAMUNDA, "delegateExpression")))));
				if (sla && attached != null && attached.is(BPMN, "userTask") && attached.attr(CAMUNDA, "dueDate") == null) {
					problem.accept(attached, "有期限预警或超期记录的任务须设置到期日（camunda:dueDate，取自法定期限）");
				}
			}
		}
	}

	// ------------------------------------------------------------------ proofs

	private void prove() {
		checkMarkers();
		List<Node> decisions = nodes.values().stream().filter(n -> ModelVocabulary.DECISION.equals(step(n))).toList();
		if (decisions.isEmpty()) {
			return;
		}
		// an enforcement process: every step of it is enforcement work (R-QUAL-2/3), a new one too
		for (Node n : nodes.values()) {
			if (n.is(BPMN, "userTask") && marker(n, ModelVocabulary.ENFORCEMENT_ACTION) == null) {
				problem.accept(n, "执法程序中的每个办理步骤须标明执法类别（扩展属性 enforcementAction，如 PENALTY），"
						+ "以核验办理人的执法资格（R-QUAL-2/3）");
			}
		}
		Predicate<Edge> notMajor = e -> e.flow() != null && e.flow().children(BPMN, "conditionExpression").stream()
			.anyMatch(c -> ModelVocabulary.NOT_MAJOR_CONDITIONS.contains(c.textTrimmed()));
		unguardedPath(starts, ModelVocabulary.LEGAL_REVIEW, notMajor, decisions, false,
				"从流程开始到决定步骤有一条不经法制审核（重大执法决定法制审核，R-REV-1）的路径：");
		unguardedPath(starts, ModelVocabulary.COLLECTIVE_DISCUSSION, notMajor, decisions, false,
				"从流程开始到决定步骤有一条不经负责人集体讨论（行政处罚法第五十七条）的路径：");
		Set<Node> reported = new java.util.HashSet<>();
		List<Node> ends = nodes.values().stream().filter(n -> edges.getOrDefault(n, List.of()).isEmpty()).toList();
		for (Node decision : decisions) {
			Node end = unguardedPath(List.of(decision), ModelVocabulary.DISCLOSURE, e -> false, ends, true, null);
			if (end != null && reported.add(end)) {
				unguardedPath(List.of(decision), ModelVocabulary.DISCLOSURE, e -> false, ends, true,
						"决定作出后有一条不经公示（行政执法公示）就结束的路径：");
			}
		}
	}

	/**
	 * Breadth-first from {@code from}, not through nodes marked {@code guard} nor through {@code blocked}
	 * edges; reports the first path found to any of {@code targets} (when {@code message} is given) and
	 * returns the target it reached, or null when there is no such path.
	 */
	private Node unguardedPath(List<Node> from, String guard, Predicate<Edge> blocked, List<Node> targets,
			boolean mainPathOnly, String message) {
		Map<Node, Node> previous = new HashMap<>();
		Set<Node> seen = new LinkedHashSet<>(from);
		Deque<Node> queue = new ArrayDeque<>(from);
		Set<Node> goals = new LinkedHashSet<>(targets);
		while (!queue.isEmpty()) {
			Node n = queue.poll();
			if (goals.contains(n)) {
				if (message != null) {
					problem.accept(n, message + path(previous, n));
				}
				return n;
			}
			for (Edge e : edges.getOrDefault(n, List.of())) {
				if (blocked.test(e) || (mainPathOnly && e.nonInterrupting()) || guard.equals(step(e.target()))
						|| !seen.add(e.target())) {
					continue;
				}
				previous.put(e.target(), n);
				queue.add(e.target());
			}
		}
		return null;
	}

	private static String path(Map<Node, Node> previous, Node end) {
		List<String> names = new ArrayList<>();
		for (Node n = end; n != null && names.size() < 40; n = previous.get(n)) {
			names.add(0, n.attr("name") != null ? n.attr("name") + "（" + n.id() + "）" : n.id());
		}
		if (names.size() > 8) {
			names = new ArrayList<>(List.of(names.get(0), names.get(1), "…", names.get(names.size() - 3),
					names.get(names.size() - 2), names.get(names.size() - 1)));
		}
		return String.join(" → ", names);
	}
}

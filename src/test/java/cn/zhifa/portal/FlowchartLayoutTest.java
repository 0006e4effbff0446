package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §22: the portal's flowchart of every shipped model is readable — each name where
 * {@link BpmnSvg} draws it lies on no other name, no other shape and no arrow; no arrow runs through
 * a shape it does not connect; and the case diagram is compact enough for a normal screen.
 */
class FlowchartLayoutTest {

	/**
	 * Widest diagram, in diagram units. The portal draws a diagram at the page width but never below
	 * {@link BpmnSvg#MIN_SCALE} (names at 10.8 px): 1,800 units are at most 1,620 px, so a diagram fits the
	 * page of a 1920×1080 display without scrolling sideways and scrolls by at most a fifth of a 1366×768
	 * one (the case diagram used to be 6,600 units, three and a half screens of 1920).
	 */
	static final double MAX_WIDTH = 1800;

	@Test
	void namesLieOnNoOtherNameShapeOrArrow() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : processes()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			String f = file.getFileName().toString();
			List<BpmnSvg.Label> labels = BpmnSvg.labels(model);
			for (int i = 0; i < labels.size(); i++) {
				for (int j = i + 1; j < labels.size(); j++) {
					if (overlap(labels.get(i), labels.get(j))) {
						problems.add(f + ": name of " + labels.get(i).owner() + " on name of " + labels.get(j).owner());
					}
				}
			}
			for (BpmnSvg.Label l : labels) {
				if (l.insideShape()) {
					continue;
				}
				for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
					Bounds b = s.getBounds();
					if (s.getBpmnElement() instanceof SubProcess) {
						boolean inside = l.x() >= b.getX() && l.y() >= b.getY() && l.x() + l.width() <= b.getX() + b.getWidth()
								&& l.y() + l.height() <= b.getY() + b.getHeight();
						if (overlap(l, b) && !inside) {
							problems.add(f + ": name of " + l.owner() + " on the border of " + s.getBpmnElement().getId());
						}
					}
					else if (overlap(l, b) && !s.getBpmnElement().getId().equals(l.owner())) {
						problems.add(f + ": name of " + l.owner() + " on shape " + s.getBpmnElement().getId());
					}
				}
				for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
					if (crosses(e.getWaypoints(), l.x(), l.y(), l.width(), l.height())) {
						problems.add(f + ": name of " + l.owner() + " crossed by arrow " + e.getBpmnElement().getId());
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** A flow's name stands beside its own arrow (within 20 units), where a reader looks for it. */
	@Test
	void flowNamesStandBesideTheirArrows() throws IOException {
		List<String> far = new ArrayList<>();
		for (Path file : processes()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (BpmnSvg.Label l : BpmnSvg.labels(model)) {
				if (!(model.getModelElementById(l.owner()) instanceof SequenceFlow)) {
					continue;
				}
				BpmnEdge edge = model.getModelElementsByType(BpmnEdge.class).stream()
					.filter(e -> e.getBpmnElement().getId().equals(l.owner())).findFirst().orElseThrow();
				if (!crosses(edge.getWaypoints(), l.x() - 20, l.y() - 20, l.width() + 40, l.height() + 40)) {
					far.add(file.getFileName() + ": " + l.owner());
				}
			}
		}
		assertThat(far).isEmpty();
	}

	@Test
	void arrowsRunThroughNoShapeTheyDoNotConnect() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Arrow a : arrows()) {
			for (BpmnShape s : a.model().getModelElementsByType(BpmnShape.class)) {
				BaseElement el = s.getBpmnElement();
				if (el instanceof SubProcess || connects(a.flow(), el)) {
					continue;
				}
				Bounds b = s.getBounds();
				// the inner part of the shape: touching a border is not running through
				if (crosses(a.waypoints(), b.getX() + 2, b.getY() + 2, b.getWidth() - 4, b.getHeight() - 4)) {
					problems.add(a.file().getFileName() + ": " + a.flow().getId() + " through " + el.getId());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** An arrow starts on its source and ends on its target (no arrow ending in mid-air), in straight runs across and down. */
	@Test
	void arrowsRunFromTheirSourceToTheirTarget() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Arrow a : arrows()) {
			List<Waypoint> w = a.waypoints();
			SequenceFlow flow = a.flow();
			if (w.size() < 2 || !touches(w.get(0), shape(a.model(), flow.getSource()))
					|| !touches(w.get(w.size() - 1), shape(a.model(), flow.getTarget()))) {
				problems.add(a.file().getFileName() + ": " + flow.getId() + " does not run from its source to its target");
				continue;
			}
			for (int i = 0; i + 1 < w.size(); i++) {
				if (Math.abs(w.get(i).getX() - w.get(i + 1).getX()) > 0.5 && Math.abs(w.get(i).getY() - w.get(i + 1).getY()) > 0.5) {
					problems.add(a.file().getFileName() + ": " + flow.getId() + " runs slanted");
					break;
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static Bounds shape(BpmnModelInstance model, BaseElement element) {
		return model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement() == element).findFirst()
			.orElseThrow().getBounds();
	}

	private static boolean touches(Waypoint p, Bounds b) {
		return p.getX() >= b.getX() - 2 && p.getX() <= b.getX() + b.getWidth() + 2 && p.getY() >= b.getY() - 2
				&& p.getY() <= b.getY() + b.getHeight() + 2;
	}

	@Test
	void everyDiagramFitsTheBoundedWidth() throws IOException {
		List<String> wide = new ArrayList<>();
		for (Path file : processes()) {
			double width = BpmnSvg.extent(Bpmn.readModelFromFile(file.toFile()))[0];
			if (width > MAX_WIDTH) {
				wide.add(file.getFileName() + ": " + Math.round(width));
			}
		}
		assertThat(wide).isEmpty();
		assertThat(BpmnSvg.extent(Bpmn.readModelFromFile(Path.of("processes/enforcement-case.bpmn").toFile()))[0])
			.isLessThanOrEqualTo(MAX_WIDTH);
	}

	@Test
	void theCaseFlowchartScalesToThePageAndKeepsItsNamesLegible() {
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/enforcement-case.bpmn").toFile());
		String svg = BpmnSvg.render(model, "行政处罚案件办理");
		assertThat(svg).contains("width=\"100%\"", "viewBox=\"0 0 ", "min-width:", "font-size=\"12.0\"", "调查与决定");
		// every name drawn in full, a task's name wrapped inside the task
		assertThat(svg).contains(">生成延长查封<", ">（扣押）期限通<", ">立即解除查封扣<", ">押，退还财物<");
		String standalone = BpmnSvg.render(model, "行政处罚案件办理", true);
		assertThat(standalone).doesNotContain("width=\"100%\"").contains("height=\"");
	}

	/** A flow's own ends: its source and target, and what a boundary source is attached to. */
	private static boolean connects(SequenceFlow flow, BaseElement el) {
		FlowNode source = flow.getSource();
		return el == source || el == flow.getTarget() || source instanceof BoundaryEvent b && b.getAttachedTo() == el;
	}

	private static boolean overlap(BpmnSvg.Label a, BpmnSvg.Label b) {
		return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
	}

	private static boolean overlap(BpmnSvg.Label a, Bounds b) {
		return a.x() < b.getX() + b.getWidth() && b.getX() < a.x() + a.width() && a.y() < b.getY() + b.getHeight()
				&& b.getY() < a.y() + a.height();
	}

	/** Whether any segment of the line through {@code waypoints} enters the open box. */
	private static boolean crosses(java.util.Collection<Waypoint> waypoints, double x, double y, double w, double h) {
		List<Waypoint> p = new ArrayList<>(waypoints);
		for (int i = 0; i + 1 < p.size(); i++) {
			if (crosses(p.get(i), p.get(i + 1), x, y, w, h)) {
				return true;
			}
		}
		return false;
	}

	/** Whether an axis-parallel or slanted segment enters the open box. */
	private static boolean crosses(Waypoint p, Waypoint q, double x, double y, double w, double h) {
		// Liang–Barsky clipping against the open rectangle
		double x0 = p.getX(), y0 = p.getY(), dx = q.getX() - x0, dy = q.getY() - y0;
		double t0 = 0, t1 = 1;
		double[] pp = {-dx, dx, -dy, dy};
		double[] qq = {x0 - x, x + w - x0, y0 - y, y + h - y0};
		for (int i = 0; i < 4; i++) {
			if (pp[i] == 0) {
				if (qq[i] <= 0) {
					return false;
				}
			}
			else {
				double t = qq[i] / pp[i];
				if (pp[i] < 0) {
					t0 = Math.max(t0, t);
				}
				else {
					t1 = Math.min(t1, t);
				}
			}
		}
		return t0 < t1;
	}

	/** A sequence flow's arrow in the diagram of a process model. */
	private record Arrow(Path file, BpmnModelInstance model, SequenceFlow flow, List<Waypoint> waypoints) {
	}

	/** The arrow of every sequence flow of every process model, model by model. */
	private static List<Arrow> arrows() throws IOException {
		List<Arrow> arrows = new ArrayList<>();
		for (Path file : processes()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
				if (e.getBpmnElement() instanceof SequenceFlow flow) {
					arrows.add(new Arrow(file, model, flow, new ArrayList<>(e.getWaypoints())));
				}
			}
		}
		return arrows;
	}

	private static List<Path> processes() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
	}
}

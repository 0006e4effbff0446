package cn.zhifa.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import static cn.zhifa.portal.Html.esc;

/**
 * Draws a deployed BPMN model as inline SVG from its diagram interchange (R-DISC-1 程序/流程图): the
 * shapes and arrows the legal office drew in Camunda Modeler, with their Chinese names. Redeploying
 * the model changes the picture; no image files, no JavaScript.
 * <p>
 * Names of events, gateways and flows are drawn in their label bounds (BPMNLabel) when the model has
 * them, wrapped to the bounds' width; task names are wrapped inside the task. {@link #labels} gives
 * the boxes the names take, so a test can check that none lies on another (issue 16 §22). The picture
 * scales to the page width but never below {@link #MIN_SCALE}, so the 12-unit names stay legible; wider
 * diagrams scroll and open at full size as a picture of their own.
 */
final class BpmnSvg {

	/** Font size and line height in diagram units; a CJK character is one em wide, others are counted 7 units. */
	static final double FONT = 12;
	static final double LINE = 15;
	/** The smallest scale the portal draws a diagram at: 12-unit names become 10.8 px. */
	static final double MIN_SCALE = 0.9;
	/** Names outside shapes wrap at 7 CJK characters (or their label bounds' width when wider). */
	static final double LABEL_WIDTH = 86;
	private static final String OPENING = "（(「『《【“";
	private static final String CLOSING = "）)，,。、：；？?！!」』》】";

	private BpmnSvg() {
	}

	/** A name as drawn: its box in diagram units and the shape or flow it belongs to. */
	record Label(String owner, String text, double x, double y, double width, double height, boolean insideShape) {
	}

	static String render(BpmnModelInstance model, String title) {
		return render(model, title, false);
	}

	/** @param standalone a picture of its own at full size (an image/svg+xml response), else inline in a page */
	static String render(BpmnModelInstance model, String title, boolean standalone) {
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
		Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
		double[] extent = extent(model);
		double width = extent[0] + 20;
		double height = extent[1] + 20;
		StringBuilder svg = new StringBuilder(32768);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"svgTitle\" viewBox=\"0 0 ")
			.append(n(width)).append(' ').append(n(height)).append('"');
		if (standalone) {
			svg.append(" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append('"');
		}
		else {
			svg.append(" width=\"100%\" style=\"min-width:").append(n(width * MIN_SCALE)).append("px;max-width:")
				.append(n(width * 1.25)).append("px\"");
		}
		svg.append(" font-size=\"").append(n(FONT)).append("\" font-family=\"Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif\">")
			.append("<title id=\"svgTitle\">").append(esc(title)).append("</title>")
			.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
			.append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
		svg.append("<rect width=\"").append(n(width)).append("\" height=\"").append(n(height)).append("\" fill=\"#fff\"/>");
		// sub-processes first so their contents draw on top
		shapes.stream().filter(s -> s.getBpmnElement() instanceof SubProcess).forEach(s -> shape(svg, s));
		for (BpmnEdge e : edges) {
			svg.append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\" points=\"");
			for (Waypoint w : e.getWaypoints()) {
				svg.append(n(w.getX())).append(',').append(n(w.getY())).append(' ');
			}
			svg.append("\"/>");
		}
		shapes.stream().filter(s -> !(s.getBpmnElement() instanceof SubProcess)).forEach(s -> shape(svg, s));
		for (Label l : labels(model)) {
			List<String> lines = lines(l.text(), l.insideShape() ? l.width() + 0.5 : Math.max(LABEL_WIDTH, l.width() + 0.5));
			double top = l.insideShape() ? l.y() + (l.height() - lines.size() * LINE) / 2 : l.y();
			boolean flow = model.getModelElementById(l.owner()) instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow;
			for (int i = 0; i < lines.size(); i++) {
				svg.append("<text text-anchor=\"middle\" x=\"").append(n(l.x() + l.width() / 2)).append("\" y=\"")
					.append(n(top + i * LINE + FONT - 1)).append('"').append(flow ? " fill=\"#0b4f9c\"" : "").append('>')
					.append(esc(lines.get(i))).append("</text>");
			}
		}
		svg.append("</svg>");
		return svg.toString();
	}

	/** Width and height the diagram takes: shapes, labels and edges. */
	static double[] extent(BpmnModelInstance model) {
		double maxX = 100;
		double maxY = 100;
		for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
			Bounds b = s.getBounds();
			maxX = Math.max(maxX, b.getX() + b.getWidth());
			maxY = Math.max(maxY, b.getY() + b.getHeight());
		}
		for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
			for (Waypoint w : e.getWaypoints()) {
				maxX = Math.max(maxX, w.getX());
				maxY = Math.max(maxY, w.getY());
			}
		}
		for (Label l : labels(model)) {
			maxX = Math.max(maxX, l.x() + l.width());
			maxY = Math.max(maxY, l.y() + l.height());
		}
		return new double[] {maxX, maxY};
	}

	/** The boxes the names of shapes and flows take in the picture. */
	static List<Label> labels(BpmnModelInstance model) {
		List<Label> labels = new ArrayList<>();
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			BaseElement element = shape.getBpmnElement();
			String name = element instanceof FlowElement f ? f.getName() : null;
			if (name == null || name.isBlank()) {
				continue;
			}
			Bounds b = shape.getBounds();
			if (element instanceof SubProcess) {
				List<String> lines = lines(name, b.getWidth() - 20);
				double w = width(lines);
				labels.add(new Label(element.getId(), name, b.getX() + (b.getWidth() - w) / 2, b.getY() + 8, w, lines.size() * LINE, true));
			}
			else if (element instanceof Activity) {
				labels.add(new Label(element.getId(), name, b.getX() + 4, b.getY() + 4, b.getWidth() - 8, b.getHeight() - 8, true));
			}
			else if (element instanceof Event || element instanceof Gateway) {
				Bounds own = bounds(shape.getBpmnLabel());
				if (own != null) {
					labels.add(new Label(element.getId(), name, own.getX(), own.getY(), own.getWidth(), own.getHeight(), false));
				}
				else {
					List<String> lines = lines(name, LABEL_WIDTH);
					double w = width(lines);
					labels.add(new Label(element.getId(), name, b.getX() + (b.getWidth() - w) / 2, b.getY() + b.getHeight() + 4, w,
							lines.size() * LINE, false));
				}
			}
		}
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			BaseElement flow = edge.getBpmnElement();
			String name = flow instanceof FlowElement f ? f.getName() : null;
			if (name == null || name.isBlank() || edge.getWaypoints().isEmpty()) {
				continue;
			}
			Bounds own = bounds(edge.getBpmnLabel());
			if (own != null) {
				labels.add(new Label(flow.getId(), name, own.getX(), own.getY(), own.getWidth(), own.getHeight(), false));
			}
			else {
				Waypoint first = edge.getWaypoints().iterator().next();
				List<String> lines = lines(name, LABEL_WIDTH);
				labels.add(new Label(flow.getId(), name, first.getX() + 6, first.getY() - 6 - lines.size() * LINE, width(lines),
						lines.size() * LINE, false));
			}
		}
		return labels;
	}

	private static Bounds bounds(BpmnLabel label) {
		return label == null ? null : label.getBounds();
	}

	/** Greedy wrap into lines no wider than {@code max} units (the rule tools/diagram-layout uses for the label bounds). */
	static List<String> lines(String text, double max) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		double w = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			double cw = charWidth(c);
			if (line.length() > 0 && w + cw > max) {
				// a closing mark never starts a line, an opening one never ends it: the character before it moves down with it
				char carry = (CLOSING.indexOf(c) >= 0 || OPENING.indexOf(line.charAt(line.length() - 1)) >= 0) && line.length() > 1 ? line.charAt(line.length() - 1) : 0;
				lines.add(carry != 0 ? line.substring(0, line.length() - 1) : line.toString());
				line.setLength(0);
				w = 0;
				if (carry != 0) {
					line.append(carry);
					w = charWidth(carry);
				}
			}
			line.append(c);
			w += cw;
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	static double charWidth(char c) {
		return c > 0x2e7f ? FONT : 7;
	}

	static double width(List<String> lines) {
		double max = 0;
		for (String line : lines) {
			double w = 0;
			for (int i = 0; i < line.length(); i++) {
				w += charWidth(line.charAt(i));
			}
			max = Math.max(max, w);
		}
		return max;
	}

	private static void shape(StringBuilder svg, BpmnShape shape) {
		Bounds b = shape.getBounds();
		BaseElement element = shape.getBpmnElement();
		double x = b.getX();
		double y = b.getY();
		double w = b.getWidth();
		double h = b.getHeight();
		if (element instanceof Event) {
			double r = Math.min(w, h) / 2;
			boolean end = element.getElementType().getTypeName().equals("endEvent");
			svg.append("<circle cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2)).append("\" r=\"").append(n(r))
				.append("\" fill=\"#fff\" stroke=\"").append(end ? "#9e1b1b" : "#333").append("\" stroke-width=\"")
				.append(end ? 3 : 1.5).append("\"/>");
		}
		else if (element instanceof Gateway) {
			svg.append("<polygon points=\"").append(n(x + w / 2)).append(',').append(n(y)).append(' ').append(n(x + w))
				.append(',').append(n(y + h / 2)).append(' ').append(n(x + w / 2)).append(',').append(n(y + h)).append(' ')
				.append(n(x)).append(',').append(n(y + h / 2)).append("\" fill=\"#fffbe6\" stroke=\"#333\" stroke-width=\"1.5\"/>");
		}
		else if (element instanceof SubProcess) {
			svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
				.append("\" height=\"").append(n(h)).append("\" rx=\"10\" fill=\"#fafafa\" stroke=\"#333\" stroke-dasharray=\"4 2\"/>");
		}
		else if (element instanceof Activity) {
			svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
				.append("\" height=\"").append(n(h)).append("\" rx=\"8\" fill=\"#eef4fb\" stroke=\"#333\" stroke-width=\"1.5\"/>");
		}
	}

	private static String n(double d) {
		return String.format(Locale.ROOT, "%.1f", d);
	}
}

package cn.zhifa.portal;

import java.util.Collection;
import java.util.Locale;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import static cn.zhifa.portal.Html.esc;

/**
 * Draws a deployed BPMN model as inline SVG from its diagram interchange (R-DISC-1 程序/流程图): the
 * shapes and arrows the legal office drew in Camunda Modeler, with their Chinese names. Redeploying
 * the model changes the picture; no image files, no JavaScript.
 */
final class BpmnSvg {

	private BpmnSvg() {
	}

	static String render(BpmnModelInstance model, String title) {
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
		Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
		double maxX = 100;
		double maxY = 100;
		for (BpmnShape s : shapes) {
			Bounds b = s.getBounds();
			maxX = Math.max(maxX, b.getX() + b.getWidth());
			maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
		}
		StringBuilder svg = new StringBuilder(16384);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"svgTitle\" viewBox=\"0 0 ")
			.append(n(maxX + 20)).append(' ').append(n(maxY + 20)).append("\" width=\"").append(n(maxX + 20))
			.append("\" style=\"max-width:none;font-size:12px\"><title id=\"svgTitle\">").append(esc(title)).append("</title>")
			.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
			.append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
		// sub-processes first so their contents draw on top
		shapes.stream().filter(s -> s.getBpmnElement() instanceof SubProcess).forEach(s -> shape(svg, s));
		for (BpmnEdge e : edges) {
			svg.append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\" points=\"");
			for (Waypoint w : e.getWaypoints()) {
				svg.append(n(w.getX())).append(',').append(n(w.getY())).append(' ');
			}
			svg.append("\"/>");
			BaseElement flow = e.getBpmnElement();
			String name = flow instanceof FlowElement f ? f.getName() : null;
			if (name != null && !name.isBlank() && !e.getWaypoints().isEmpty()) {
				Waypoint first = e.getWaypoints().iterator().next();
				svg.append("<text x=\"").append(n(first.getX() + 6)).append("\" y=\"").append(n(first.getY() - 6))
					.append("\" fill=\"#0b4f9c\">").append(esc(name)).append("</text>");
			}
		}
		shapes.stream().filter(s -> !(s.getBpmnElement() instanceof SubProcess)).forEach(s -> shape(svg, s));
		svg.append("</svg>");
		return svg.toString();
	}

	private static void shape(StringBuilder svg, BpmnShape shape) {
		Bounds b = shape.getBounds();
		BaseElement element = shape.getBpmnElement();
		String name = element instanceof FlowElement f ? f.getName() : null;
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
			label(svg, name, x + w / 2, y + h + 14, 10);
		}
		else if (element instanceof Gateway) {
			svg.append("<polygon points=\"").append(n(x + w / 2)).append(',').append(n(y)).append(' ').append(n(x + w))
				.append(',').append(n(y + h / 2)).append(' ').append(n(x + w / 2)).append(',').append(n(y + h)).append(' ')
				.append(n(x)).append(',').append(n(y + h / 2)).append("\" fill=\"#fffbe6\" stroke=\"#333\" stroke-width=\"1.5\"/>");
			label(svg, name, x + w / 2, y + h + 14, 10);
		}
		else if (element instanceof SubProcess) {
			svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
				.append("\" height=\"").append(n(h)).append("\" rx=\"10\" fill=\"#fafafa\" stroke=\"#333\" stroke-dasharray=\"4 2\"/>");
			label(svg, name, x + w / 2, y + 16, 30);
		}
		else if (element instanceof Activity) {
			svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
				.append("\" height=\"").append(n(h)).append("\" rx=\"8\" fill=\"#eef4fb\" stroke=\"#333\" stroke-width=\"1.5\"/>");
			label(svg, name, x + w / 2, y + h / 2 - 6, (int) Math.max(4, w / 13));
		}
	}

	/** Centred text, wrapped every {@code perLine} characters. */
	private static void label(StringBuilder svg, String name, double cx, double y, int perLine) {
		if (name == null || name.isBlank()) {
			return;
		}
		int line = 0;
		for (int i = 0; i < name.length(); i += perLine, line++) {
			String part = name.substring(i, Math.min(name.length(), i + perLine));
			svg.append("<text text-anchor=\"middle\" x=\"").append(n(cx)).append("\" y=\"").append(n(y + line * 14)).append("\">")
				.append(esc(part)).append("</text>");
		}
	}

	private static String n(double d) {
		return String.format(Locale.ROOT, "%.1f", d);
	}
}

package cn.zhifa.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §22: the case diagram is readable as legal offices and the portal show them — no two
 * shapes on top of each other (a boundary event sits on its own task's border, a sub-process holds
 * its steps) — and ids a person can read, not generated UUIDs.
 */
class DiagramLayoutTest {

	private static final Pattern UUID_ID = Pattern.compile("id=\"([^\"]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[^\"]*)\"");

	/** Every shipped diagram (issue 16 §22): the deadline branches (warning, escalation) have their own band. */
	@Test
	void noShapeLiesOnAnotherInAnyDiagram() throws IOException {
		List<String> overlaps = new ArrayList<>();
		List<Path> files = processes();
		assertThat(files).extracting(p -> p.getFileName().toString()).contains("enforcement-case.bpmn", "legal-review.bpmn",
				"criminal-transfer.bpmn", "case-transfer.bpmn", "disclosure-publication.bpmn", "discipline-transfer.bpmn");
		for (Path file : files) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
			for (int i = 0; i < shapes.size(); i++) {
				for (int j = i + 1; j < shapes.size(); j++) {
					BpmnShape a = shapes.get(i);
					BpmnShape b = shapes.get(j);
					if (related(a.getBpmnElement(), b.getBpmnElement()) || related(b.getBpmnElement(), a.getBpmnElement())) {
						continue;
					}
					if (overlap(a.getBounds(), b.getBounds())) {
						overlaps.add(file.getFileName() + ": " + a.getBpmnElement().getId() + " / " + b.getBpmnElement().getId());
					}
				}
			}
		}
		assertThat(overlaps).isEmpty();
	}

	@Test
	void idsAreReadable() throws IOException {
		List<String> generated = new ArrayList<>();
		for (Path file : processes()) {
			Matcher m = UUID_ID.matcher(Files.readString(file));
			while (m.find()) {
				generated.add(file.getFileName() + ": " + m.group(1));
			}
		}
		assertThat(generated).isEmpty();
	}

	/** A sub-process contains its steps; a boundary event sits on the border of what it is attached to. */
	private static boolean related(BaseElement outer, BaseElement inner) {
		if (outer instanceof SubProcess && inner.getParentElement() != null) {
			for (var e = inner.getParentElement(); e != null; e = e.getParentElement()) {
				if (e == outer) {
					return true;
				}
			}
		}
		return inner instanceof BoundaryEvent event && event.getAttachedTo() == outer
				|| outer instanceof SubProcess && inner instanceof BoundaryEvent e && e.getAttachedTo() == outer;
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth() && a.getY() < b.getY() + b.getHeight()
				&& b.getY() < a.getY() + a.getHeight();
	}

	private static List<Path> processes() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
	}
}

package cn.zhifa.platform;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Reads a model's markers — extension properties ({@code <camunda:property name="…" value="…"/>},
 * "Extension properties" in Camunda Modeler) — while the engine parses it: the statutory step
 * ({@link ModelVocabulary#STATUTORY_STEP}), the enforcement action (qualification) and the audio-video
 * action kind (recording) attach the engine's checks to a model's elements by marker, not by id.
 */
final class ModelMarkers {

	private ModelMarkers() {
	}

	/** The value of extension property {@code name} of a BPMN element, or null. */
	public static String property(Element element, String name) {
		Element extensions = element.element("extensionElements");
		Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (properties == null) {
			return null;
		}
		for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
			String value = property.attribute("value");
			if (name.equals(property.attribute("name")) && value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

	/** The Camunda Form a user task shows ({@code camunda:formRef}): task checks attach to it, not to the task's id. */
	public static String formOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
		var element = task.getBpmnModelElementInstance();
		String form = element == null ? null : element.getCamundaFormRef();
		return form == null ? "" : form;
	}

	/** Whether a BPMN element is marked as the statutory step {@code step}. */
	public static boolean isStep(Element element, String step) {
		return step.equals(property(element, ModelVocabulary.STATUTORY_STEP));
	}
}

package cn.zhifa.qualification;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the {@link EnforcementStepGuard} to every user task whose BPMN carries
 * {@code <camunda:property name="enforcementAction" value="PENALTY"/>} (or COERCION, PERMIT,
 * INVESTIGATION, …). Built-in listeners: they run first and cannot be skipped with
 * {@code skipCustomListeners}.
 */
class EnforcementStepParseListener extends AbstractBpmnParseListener {

	private final Supplier<QualificationService> qualifications;

	EnforcementStepParseListener(Supplier<QualificationService> qualifications) {
		this.qualifications = qualifications;
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		String action = enforcementAction(userTaskElement);
		if (action == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
			return;
		}
		TaskDefinition task = behavior.getTaskDefinition();
		EnforcementStepGuard guard = new EnforcementStepGuard(action, qualifications);
		task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
		task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
	}

	static String enforcementAction(Element userTask) {
		Element extensions = userTask.element("extensionElements");
		if (extensions == null) {
			return null;
		}
		Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (properties == null) {
			return null;
		}
		for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
			String value = property.attribute("value");
			if (EnforcementStepGuard.ENFORCEMENT_ACTION.equals(property.attribute("name")) && value != null
					&& !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}
}

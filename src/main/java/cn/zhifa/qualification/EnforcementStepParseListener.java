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
		return cn.zhifa.platform.ModelMarkers.property(userTask, EnforcementStepGuard.ENFORCEMENT_ACTION);
	}
}

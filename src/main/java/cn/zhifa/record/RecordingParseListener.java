package cn.zhifa.record;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds recording listeners to every activity of every process of the enforcement family — every
 * process whose key does not start with {@value #TEST_PREFIX} (R-REC-1): start and end of each
 * activity (timers, messages, decisions and document generation named as such), the process's
 * start and end, and each user task's creation, claim, completion (with the submitted form data)
 * and cancellation. Built-in listeners: they cannot be skipped with {@code skipCustomListeners}.
 * <p>
 * What the listeners need from the XML is stored on the activity at parse time: a user task's
 * {@code avActionKind} property (audio-video gating, R-REC-2), a business rule task's result
 * variable and decision, a service task's {@code documentKind}/{@code documentVariable} inputs.
 */
class RecordingParseListener extends AbstractBpmnParseListener {

	static final String TEST_PREFIX = "test-";
	static final String AV_ACTION_KIND = "avActionKind";
	static final String P_AV_ACTION_KIND = "zhifa.record.avActionKind";
	static final String P_RESULT_VARIABLE = "zhifa.record.resultVariable";
	static final String P_DECISION = "zhifa.record.decisionRef";
	static final String P_DOCUMENT_KIND = "zhifa.record.documentKind";
	static final String P_DOCUMENT_VARIABLE = "zhifa.record.documentVariable";

	private final Supplier<StepRecorder> recorder;

	RecordingParseListener(Supplier<StepRecorder> recorder) {
		this.recorder = recorder;
	}

	static boolean recorded(String processKey) {
		return processKey != null && !processKey.startsWith(TEST_PREFIX);
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		if (!recorded(processDefinition.getKey())) {
			return;
		}
		ExecutionListener process = execution -> recorder.get().processEvent(execution);
		processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, process);
		processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, process);
		addListeners(processDefinition);
	}

	private void addListeners(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			ExecutionListener step = execution -> recorder.get().activityEvent(execution);
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, step);
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, step);
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				TaskDefinition task = behavior.getTaskDefinition();
				String avActionKind = (String) activity.getProperty(P_AV_ACTION_KIND);
				TaskListener listener = delegateTask -> taskEvent(delegateTask, avActionKind);
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
			}
			addListeners(activity);
		}
	}

	private void taskEvent(DelegateTask task, String avActionKind) {
		recorder.get().taskEvent(task, avActionKind);
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		String kind = property(userTaskElement, AV_ACTION_KIND);
		if (kind != null) {
			activity.setProperty(P_AV_ACTION_KIND, kind);
		}
	}

	@Override
	public void parseBusinessRuleTask(Element businessRuleTaskElement, ScopeImpl scope, ActivityImpl activity) {
		activity.setProperty(P_RESULT_VARIABLE,
				businessRuleTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "resultVariable"));
		activity.setProperty(P_DECISION, businessRuleTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS,
				"decisionRef"));
	}

	@Override
	public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
		String kind = inputParameter(serviceTaskElement, "documentKind");
		if (kind != null) {
			activity.setProperty(P_DOCUMENT_KIND, kind);
			activity.setProperty(P_DOCUMENT_VARIABLE, inputParameter(serviceTaskElement, "documentVariable"));
		}
	}

	static String property(Element element, String name) {
		return cn.zhifa.platform.ModelMarkers.property(element, name);
	}

	static String inputParameter(Element element, String name) {
		Element extensions = element.element("extensionElements");
		Element io = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputOutput");
		if (io == null) {
			return null;
		}
		for (Element input : io.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputParameter")) {
			if (name.equals(input.attribute("name"))) {
				String text = input.getText();
				return text == null || text.isBlank() ? null : text.strip();
			}
		}
		return null;
	}
}

package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.EventSubscriptionDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * An activity of a process model as the engine parses it, for a {@link ModelParseExtension}: what the
 * model says about it, and where listeners go. Built-in listeners run before the model's own and
 * cannot be skipped with {@code skipCustomListeners}; the others run as if the model declared them.
 */
public final class ParsedActivity {

	private final ActivityImpl activity;
	private final Element element;
	private final String type;

	ParsedActivity(ActivityImpl activity, Element element, String type) {
		this.activity = activity;
		this.element = element;
		this.type = type;
	}

	/** The activity's id in the model. */
	public String id() {
		return activity.getId();
	}

	/**
	 * The BPMN element parsed, e.g. {@code userTask}, {@code serviceTask}, {@code businessRuleTask},
	 * {@code boundaryEvent}, {@code intermediateCatchEvent}; null for an activity of
	 * {@link ParsedProcess#activities()} (for instance a multi-instance body).
	 */
	public String type() {
		return type;
	}

	/** The activity's name in the model, or null. */
	public String name() {
		return activity.getName();
	}

	/** The key of the process the activity belongs to. */
	public String processKey() {
		return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition ? definition.getKey() : null;
	}

	/** Whether the activity is a user task, which task listeners can be added to. */
	public boolean isUserTask() {
		return activity.getActivityBehavior() instanceof UserTaskActivityBehavior;
	}

	/** The value of extension property {@code name} ({@code <camunda:property>}), or null. */
	public String property(String name) {
		return ModelMarkers.property(element(), name);
	}

	/** Attribute {@code name} of the Camunda namespace, e.g. {@code resultVariable}, {@code decisionRef}; or null. */
	public String attribute(String name) {
		return element().attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name);
	}

	/** The texts of the element's input parameters named {@code name} ({@code <camunda:inputParameter>}), in order. */
	public List<String> inputParameters(String name) {
		List<String> texts = new ArrayList<>();
		Element extensions = element().element("extensionElements");
		Element io = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputOutput");
		if (io != null) {
			for (Element input : io.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputParameter")) {
				if (name.equals(input.attribute("name"))) {
					texts.add(input.getText());
				}
			}
		}
		return texts;
	}

	/** Whether this event catches message {@code messageName} (as written in the model, unresolved). */
	public boolean catchesMessage(String messageName) {
		ScopeImpl eventScope = (ScopeImpl) activity.getEventScope();
		if (eventScope == null) {
			return false;
		}
		return EventSubscriptionDeclaration.getDeclarationsForScope(eventScope).values().stream()
			.anyMatch(d -> activity.getId().equals(d.getActivityId()) && "message".equals(d.getEventType())
					&& messageName.equals(d.getUnresolvedEventName()));
	}

	/** A value stored on the activity (its properties in the deployed definition), or null. */
	public Object storedProperty(String name) {
		return activity.getProperty(name);
	}

	/** Stores a value on the activity, for the activity's listeners to read from the deployed definition later. */
	public void storeProperty(String name, Object value) {
		activity.setProperty(name, value);
	}

	/** Adds an execution listener on {@code event} ({@code start}, {@code end}) after the ones added before. */
	public void addListener(String event, ExecutionListener listener) {
		activity.addListener(event, listener);
	}

	/** Adds a built-in execution listener on {@code event}. */
	public void addBuiltInListener(String event, ExecutionListener listener) {
		activity.addBuiltInListener(event, listener);
	}

	/** Adds a task listener on {@code event} ({@code create}, {@code complete}, …) of this user task. */
	public void addTaskListener(String event, TaskListener listener) {
		task().addTaskListener(event, listener);
	}

	/** Adds a built-in task listener on {@code event} of this user task. */
	public void addBuiltInTaskListener(String event, TaskListener listener) {
		task().addBuiltInTaskListener(event, listener);
	}

	private TaskDefinition task() {
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
			return behavior.getTaskDefinition();
		}
		throw new IllegalStateException("Activity " + activity.getId() + " is not a user task");
	}

	private Element element() {
		if (element == null) {
			throw new IllegalStateException("The model element of activity " + activity.getId()
					+ " is read while it is parsed (ModelParseExtension.activity), not afterwards");
		}
		return element;
	}
}

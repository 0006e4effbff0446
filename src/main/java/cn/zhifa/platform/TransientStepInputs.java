package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ServiceTaskDelegateExpressionActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ServiceTaskExpressionActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The input parameters of a step that runs to its end in one transaction — a service task (a delegate or an
 * expression) or a business rule task, neither continued asynchronously after it nor repeated as a multi-instance
 * — are the step's own transient variables (ADR-0064): the delegate, the decision and the output mapping read them
 * as before, within that transaction, and the engine neither stores them nor writes their history. Before, each
 * such input (a document kind, a stage, a decision's inputs: 36 in an ordinary case) was a row of the runtime
 * variables and one of their history, written and removed again within the same step.
 * <p>
 * Only values of the engine's primitive types (text, boolean, whole and decimal numbers, dates, none) become
 * transient; any other value (a list, a map, a JSON value, an already typed value) stays a stored local variable, as
 * the engine makes it. Every other activity's inputs (user tasks, external tasks, waiting events, sub-processes)
 * outlive the transaction and stay stored.
 */
final class TransientStepInputs extends AbstractBpmnParseListener {

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		transientInputs(processDefinition);
	}

	private static void transientInputs(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			IoMapping io = activity.getIoMapping();
			if (io != null && !io.getInputParameters().isEmpty() && endsInItsTransaction(activity)) {
				List<InputParameter> inputs = new ArrayList<>();
				for (InputParameter input : io.getInputParameters()) {
					inputs.add(input instanceof TransientInput ? input : new TransientInput(input.getName(), input.getValueProvider()));
				}
				io.setInputParameters(inputs);
			}
			transientInputs(activity);
		}
	}

	/** A step whose behaviour runs to its end when it starts, in the transaction that starts it. */
	private static boolean endsInItsTransaction(ActivityImpl activity) {
		ActivityBehavior behavior = activity.getActivityBehavior();
		boolean synchronous = behavior instanceof ClassDelegateActivityBehavior
				|| behavior instanceof ServiceTaskDelegateExpressionActivityBehavior
				|| behavior instanceof ServiceTaskExpressionActivityBehavior
				|| behavior instanceof DmnBusinessRuleTaskActivityBehavior;
		boolean multiInstance = activity.getFlowScope() instanceof ActivityImpl body
				&& body.getActivityBehavior() instanceof MultiInstanceActivityBehavior;
		return synchronous && !activity.isAsyncAfter() && !multiInstance;
	}

	/** An input parameter whose value, if of a primitive type, is a transient variable of the step. */
	static final class TransientInput extends InputParameter {

		TransientInput(String name, ParameterValueProvider valueProvider) {
			super(name, valueProvider);
		}

		@Override
		protected void execute(AbstractVariableScope innerScope, AbstractVariableScope outerScope) {
			Object value = valueProvider.getValue(outerScope);
			innerScope.setVariableLocal(name, primitive(value) ? Variables.untypedValue(value, true) : value);
		}

		private static boolean primitive(Object value) {
			return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
					|| value instanceof Long || value instanceof Short || value instanceof Double || value instanceof Date;
		}
	}
}

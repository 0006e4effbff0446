package cn.zhifa.platform.form;


import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Parse listener putting {@link FormSubmission} in front of the engine's own form handlers: every
 * user task's and every process's start form handler is wrapped, so {@code submit-form} (what
 * Tasklist calls) stores typed values. Forms that are not Camunda Forms pass through unchanged.
 */
final class TypedFormHandlers extends AbstractBpmnParseListener {

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
			TaskDefinition definition = behavior.getTaskDefinition();
			definition.setTaskFormHandler(new TypedTaskFormHandler(definition.getTaskFormHandler()));
		}
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		if (processDefinition.getStartFormHandler() != null) {
			processDefinition.setStartFormHandler(new TypedStartFormHandler(processDefinition.getStartFormHandler()));
		}
	}

	/**
	 * One of the engine's form handlers, storing typed values when the submitted form is a Camunda Form; the other
	 * forms pass through unchanged.
	 */
	private abstract static class TypedFormHandler<H extends FormHandler> implements FormHandler {

		final H delegate;

		TypedFormHandler(H delegate) {
			this.delegate = delegate;
		}

		/** The form data of the form submitted in {@code scope}. */
		abstract FormData formData(VariableScope scope);

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			FormSchema form = DeployedForms.schema(Context.getCommandContext(), formData(variableScope));
			delegate.submitFormVariables(
					form == null ? properties : FormSubmission.typed(properties, form, variableScope::getVariable),
					variableScope);
		}
	}

	private static final class TypedTaskFormHandler extends TypedFormHandler<TaskFormHandler> implements TaskFormHandler {

		TypedTaskFormHandler(TaskFormHandler delegate) {
			super(delegate);
		}

		@Override
		public TaskFormData createTaskForm(TaskEntity task) {
			return delegate.createTaskForm(task);
		}

		@Override
		FormData formData(VariableScope scope) {
			return scope instanceof TaskEntity task ? delegate.createTaskForm(task) : null;
		}
	}

	private static final class TypedStartFormHandler extends TypedFormHandler<StartFormHandler>
			implements StartFormHandler {

		TypedStartFormHandler(StartFormHandler delegate) {
			super(delegate);
		}

		@Override
		public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
			return delegate.createStartFormData(processDefinition);
		}

		@Override
		FormData formData(VariableScope scope) {
			return scope instanceof ExecutionEntity instance
					? delegate.createStartFormData((ProcessDefinitionEntity) instance.getProcessDefinition()) : null;
		}
	}
}

package cn.zhifa.platform.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
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

	private static boolean isCamundaForm(FormData form) {
		return form != null && (form.getCamundaFormRef() != null
				|| form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:"));
	}

	private static FormSchema schema(Supplier<InputStream> deployedForm) {
		try (InputStream in = deployedForm.get()) {
			return FormSchema.read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static FormService forms() {
		return Context.getProcessEngineConfiguration().getFormService();
	}

	private record TypedTaskFormHandler(TaskFormHandler delegate) implements TaskFormHandler {

		@Override
		public TaskFormData createTaskForm(TaskEntity task) {
			return delegate.createTaskForm(task);
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			if (variableScope instanceof TaskEntity task && isCamundaForm(delegate.createTaskForm(task))) {
				FormSchema form = schema(() -> forms().getDeployedTaskForm(task.getId()));
				delegate.submitFormVariables(FormSubmission.typed(properties, form, task::getVariable), variableScope);
			}
			else {
				delegate.submitFormVariables(properties, variableScope);
			}
		}
	}

	private record TypedStartFormHandler(StartFormHandler delegate) implements StartFormHandler {

		@Override
		public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
			return delegate.createStartFormData(processDefinition);
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
			if (variableScope instanceof ExecutionEntity instance
					&& isCamundaForm(delegate.createStartFormData((ProcessDefinitionEntity) instance.getProcessDefinition()))) {
				FormSchema form = schema(() -> forms().getDeployedStartForm(instance.getProcessDefinitionId()));
				delegate.submitFormVariables(FormSubmission.typed(properties, form, instance::getVariable), variableScope);
			}
			else {
				delegate.submitFormVariables(properties, variableScope);
			}
		}
	}
}

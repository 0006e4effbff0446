package cn.zhifa.platform.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormProperty;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Parse listener putting {@link FormSubmission} in front of the engine's own form handlers: every
 * user task's and every process's start form handler is wrapped, so {@code submit-form} (what
 * Tasklist calls) stores typed values. Forms that are not Camunda Forms pass through unchanged. A task's form data
 * also carries the {@link FormDisplayFields} of the task's variables as form fields, which the engine returns with the
 * form's variables and stores nowhere (ADR-0046).
 */
final class TypedFormHandlers extends AbstractBpmnParseListener {

	private final List<FormDisplayFields> displayFields;

	TypedFormHandlers(List<FormDisplayFields> displayFields) {
		this.displayFields = List.copyOf(displayFields);
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
			TaskDefinition definition = behavior.getTaskDefinition();
			definition.setTaskFormHandler(new TypedTaskFormHandler(definition.getTaskFormHandler(), displayFields));
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

		private final List<FormDisplayFields> displayFields;

		TypedTaskFormHandler(TaskFormHandler delegate, List<FormDisplayFields> displayFields) {
			super(delegate);
			this.displayFields = displayFields;
		}

		@Override
		public TaskFormData createTaskForm(TaskEntity task) {
			TaskFormData data = delegate.createTaskForm(task);
			return displayFields.isEmpty() ? data : new DisplayedTaskFormData(data, task, displayFields);
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

	/**
	 * A task's form data whose fields end with the display fields of the task's variables when the engine reads the
	 * form's variables ({@code GetTaskFormVariablesCmd}), computed then. Anywhere else the fields are the form's own:
	 * the REST API takes a task with form fields for a generated form ({@code GET /task/{id}/form}), which a Camunda
	 * Form is not.
	 */
	private static final class DisplayedTaskFormData implements TaskFormData {

		private final TaskFormData data;
		private final TaskEntity task;
		private final List<FormDisplayFields> displayFields;
		private List<FormField> fields;

		DisplayedTaskFormData(TaskFormData data, TaskEntity task, List<FormDisplayFields> displayFields) {
			this.data = data;
			this.task = task;
			this.displayFields = displayFields;
		}

		@Override
		public List<FormField> getFormFields() {
			CommandInvocationContext invocation = Context.getCommandInvocationContext();
			if (invocation == null || !(invocation.getCommand() instanceof GetTaskFormVariablesCmd)) {
				return data.getFormFields();
			}
			if (fields == null) {
				List<FormField> all = new ArrayList<>(data.getFormFields());
				Map<String, Object> variables = primitiveVariables(task);
				for (FormDisplayFields source : displayFields) {
					source.of(variables).forEach((name, value) -> {
						if (all.stream().noneMatch(field -> field.getId().equals(name))) {
							all.add(displayField(name, value));
						}
					});
				}
				fields = List.copyOf(all);
			}
			return fields;
		}

		/**
		 * The task's variables, those of primitive types (texts, numbers, booleans, dates) with their values, from which
		 * the display fields come; object values stay serialized, as the form's variables return them to Tasklist
		 * (deserializing them here would hand Tasklist a JSON object where it expects JSON text).
		 */
		private static Map<String, Object> primitiveVariables(TaskEntity task) {
			VariableMap typed = task.getVariablesTyped(false);
			Map<String, Object> variables = new LinkedHashMap<>();
			for (String name : typed.keySet()) {
				TypedValue value = typed.getValueTyped(name);
				// an object's name counts (a display field never shadows it), its value, not deserialized, does not
				variables.put(name, value.getType() != null && value.getType().isPrimitiveValueType() ? value.getValue() : value);
			}
			return variables;
		}

		private static FormField displayField(String name, Object value) {
			FormFieldImpl field = new FormFieldImpl();
			field.setId(name);
			field.setLabel(name);
			field.setType(new StringFormType());
			field.setValue(Variables.stringValue(value == null ? null : value.toString()));
			return field;
		}

		@Override
		public Task getTask() {
			return data.getTask();
		}

		@Override
		public String getFormKey() {
			return data.getFormKey();
		}

		@Override
		public CamundaFormRef getCamundaFormRef() {
			return data.getCamundaFormRef();
		}

		@Override
		public String getDeploymentId() {
			return data.getDeploymentId();
		}

		@Override
		public List<FormProperty> getFormProperties() {
			return data.getFormProperties();
		}
	}
}

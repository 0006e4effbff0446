package cn.zhifa.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * What the engine knows of a running execution or task beyond the delegate interfaces, read from its
 * parsed model (ADR-0040): the process definition, the type of the current activity and the properties a
 * parse listener stored on it, whether the execution is being cancelled, a task's date expressions.
 */
public final class EngineExecutions {

	private EngineExecutions() {
	}

	/** The definition the execution runs (from the engine's deployment cache, no authorization check). */
	public static ProcessDefinition processDefinition(DelegateExecution execution) {
		return ((ExecutionEntity) execution).getProcessDefinition();
	}

	/** Whether the execution ends because it is cancelled (deleted, interrupted), not completed. */
	public static boolean isCanceled(DelegateExecution execution) {
		return ((ExecutionEntity) execution).isCanceled();
	}

	/** The BPMN type of the execution's current activity ({@code userTask}, {@code boundaryTimer}, …), or {@code null}. */
	public static String activityType(DelegateExecution execution) {
		ActivityImpl activity = ((ExecutionEntity) execution).getActivity();
		return activity == null ? null : activity.getProperties().get(BpmnProperties.TYPE);
	}

	/** A property a parse listener stored on the execution's current activity, or {@code null}. */
	public static Object activityProperty(DelegateExecution execution, String name) {
		ActivityImpl activity = ((ExecutionEntity) execution).getActivity();
		return activity == null ? null : activity.getProperty(name);
	}

	/** The task's {@code camunda:dueDate} expression, or {@code null}; it evaluates with the task as scope. */
	public static Expression dueDateExpression(DelegateTask task) {
		TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
		return definition == null ? null : definition.getDueDateExpression();
	}

	/** The task's {@code camunda:followUpDate} expression, or {@code null}. */
	public static Expression followUpDateExpression(DelegateTask task) {
		TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
		return definition == null ? null : definition.getFollowUpDateExpression();
	}
}

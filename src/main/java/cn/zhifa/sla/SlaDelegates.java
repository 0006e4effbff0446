package cn.zhifa.sla;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.Steps;

/**
 * Generic SLA delegates for any model. Input parameters of the service task (Camunda Modeler,
 * "Inputs"): {@code slaActivity} (id of the task whose deadline it is), {@code slaDueAt} (the
 * deadline, a date), {@code notifyUsers} and {@code notifyGroups} (comma-separated, may use
 * expressions such as {@code ${agencyCode}-head}).
 */
@Configuration(proxyBeanMethods = false)
final class SlaDelegates {

	@Bean
	JavaDelegate slaWarning(SlaService sla) {
		return execution -> {
			record(sla, SlaEvent.Kind.WARNING, execution);
		};
	}

	@Bean
	JavaDelegate slaBreach(SlaService sla) {
		return execution -> {
			record(sla, SlaEvent.Kind.BREACH, execution);
		};
	}

	private static void record(SlaService sla, SlaEvent.Kind kind, DelegateExecution execution) {
		Object activity = execution.getVariableLocal("slaActivity");
		if (activity == null) {
			throw new ProcessEngineException("SLA service task " + execution.getCurrentActivityId()
					+ " needs the input parameter slaActivity");
		}
		Object due = execution.getVariableLocal("slaDueAt");
		String definitionId = execution.getProcessDefinitionId();
		sla.record(kind, Steps.of(execution), (String) execution.getVariable(CaseVariables.AGENCY_CODE),
				definitionId == null ? "?" : definitionId.split(":")[0], activity.toString(),
				modelName(execution, activity.toString()), due instanceof Date d ? d : null,
				split(execution.getVariableLocal("notifyUsers")), split(execution.getVariableLocal("notifyGroups")));
	}

	/** The Chinese name of a step in the model (for a step that has no open task: a sub-process, a receive task). */
	private static String modelName(DelegateExecution execution, String activityId) {
		var element = execution.getBpmnModelInstance() == null ? null
				: execution.getBpmnModelInstance().getModelElementById(activityId);
		if (element instanceof org.camunda.bpm.model.bpmn.instance.FlowElement flow && flow.getName() != null) {
			return flow.getName().trim();
		}
		return activityId;
	}

	private static List<String> split(Object value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}

package cn.zhifa.sla;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Generic SLA delegates for any model. Input parameters of the service task (Camunda Modeler,
 * "Inputs"): {@code slaActivity} (id of the task whose deadline it is), {@code slaDueAt} (the
 * deadline, a date), {@code notifyUsers} and {@code notifyGroups} (comma-separated, may use
 * expressions such as {@code ${agencyCode}-head}).
 */
final class SlaDelegates {

	private SlaDelegates() {
	}

	@Component("slaWarning")
	static class Warning implements JavaDelegate {

		private final SlaService sla;

		Warning(SlaService sla) {
			this.sla = sla;
		}

		@Override
		public void execute(DelegateExecution execution) {
			record(sla, SlaEvent.Kind.WARNING, execution);
		}
	}

	@Component("slaBreach")
	static class Breach implements JavaDelegate {

		private final SlaService sla;

		Breach(SlaService sla) {
			this.sla = sla;
		}

		@Override
		public void execute(DelegateExecution execution) {
			record(sla, SlaEvent.Kind.BREACH, execution);
		}
	}

	private static void record(SlaService sla, SlaEvent.Kind kind, DelegateExecution execution) {
		Object activity = execution.getVariableLocal("slaActivity");
		if (activity == null) {
			throw new ProcessEngineException("SLA service task " + execution.getCurrentActivityId()
					+ " needs the input parameter slaActivity");
		}
		Object due = execution.getVariableLocal("slaDueAt");
		sla.record(kind, execution, activity.toString(), due instanceof Date d ? d : null,
				split(execution.getVariableLocal("notifyUsers")), split(execution.getVariableLocal("notifyGroups")));
	}

	private static List<String> split(Object value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}

package cn.zhifa.suspension;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: every activity of every deployed process tells {@link PeriodSuspensions} when it
 * starts and ends, and the process when it ends; whether that suspends or resumes a period is the
 * data of {@code calendar/period-suspensions.yml}, looked up at that moment (an edit applies without
 * redeploying). Built-in listeners: {@code skipCustomListeners} cannot skip them.
 */
@Component
class PeriodSuspensionPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<PeriodSuspensions> suspensions;

	PeriodSuspensionPlugin(ObjectProvider<PeriodSuspensions> suspensions) {
		this.suspensions = suspensions;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new Listener(suspensions::getObject));
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	static class Listener extends AbstractBpmnParseListener {

		private final Supplier<PeriodSuspensions> suspensions;

		Listener(Supplier<PeriodSuspensions> suspensions) {
			this.suspensions = suspensions;
		}

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
			String key = processDefinition.getKey();
			ExecutionListener ended = execution -> suspensions.get().processEnded(execution, key);
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
			add(processDefinition, key);
		}

		private void add(ScopeImpl scope, String processKey) {
			for (ActivityImpl activity : scope.getActivities()) {
				String id = activity.getId();
				ExecutionListener started = execution -> suspensions.get().activityStarted(execution, processKey, id);
				ExecutionListener ended = execution -> suspensions.get().activityEnded(execution, processKey, id);
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
				add(activity, processKey);
			}
		}
	}
}

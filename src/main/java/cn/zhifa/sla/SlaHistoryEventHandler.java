package cn.zhifa.sla;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hears every closing of a deadline, for every process, without a line in the models (ADR "SLA
 * history"): a history event handler beside the engine's own database handler, so it sees each
 * task end (with its due date) and each activity end, in the command that causes it. The outcome
 * itself is {@link SlaOutcomes}' business; this class only routes the events.
 */
class SlaHistoryEventHandler implements HistoryEventHandler {

	private final ObjectProvider<SlaOutcomes> outcomes;

	SlaHistoryEventHandler(ObjectProvider<SlaOutcomes> outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricTaskInstanceEventEntity task && (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
				|| event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE))) {
			outcomes.getObject().taskEnded(task);
		}
		else if (event instanceof HistoricActivityInstanceEventEntity activity
				&& event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
			outcomes.getObject().activityEnded(activity);
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	/** Registers the handler with the engine, keeping the engine's database history handler (the default). */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		AbstractProcessEnginePlugin slaHistoryPlugin(ObjectProvider<SlaOutcomes> outcomes) {
			return new AbstractProcessEnginePlugin() {
				@Override
				public void preInit(ProcessEngineConfigurationImpl config) {
					List<HistoryEventHandler> handlers = config.getCustomHistoryEventHandlers() == null
							? new java.util.ArrayList<>() : new java.util.ArrayList<>(config.getCustomHistoryEventHandlers());
					handlers.add(new SlaHistoryEventHandler(outcomes));
					config.setCustomHistoryEventHandlers(handlers);
					config.setEnableDefaultDbHistoryEventHandler(true);
				}
			};
		}
	}
}

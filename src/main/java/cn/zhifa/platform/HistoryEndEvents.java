package cn.zhifa.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

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
import org.springframework.util.function.SingletonSupplier;

/**
 * A history event handler beside the engine's own database handler (kept), that passes each task end
 * (completion, deletion) and each activity instance end to the {@link HistoryEndListener} beans, in the
 * command that causes it. The beans are looked up at the first event (they may need the engine), then kept.
 */
class HistoryEndEvents implements HistoryEventHandler {

	private final Supplier<List<HistoryEndListener>> listeners;

	HistoryEndEvents(ObjectProvider<HistoryEndListener> listeners) {
		this.listeners = SingletonSupplier.of(() -> listeners.orderedStream().toList());
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricTaskInstanceEventEntity task && (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
				|| event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE))) {
			HistoryEndListener.EndedTask ended = new HistoryEndListener.EndedTask(task.getTaskId(), task.getName(),
					task.getTaskDefinitionKey(), task.getAssignee(), task.getTenantId(), task.getProcessDefinitionId(),
					task.getProcessDefinitionKey(), task.getProcessInstanceId(), instant(task.getStartTime()),
					instant(task.getEndTime()), instant(task.getDueDate()), task.getDeleteReason());
			listeners.get().forEach(listener -> listener.taskEnded(ended));
		}
		else if (event instanceof HistoricActivityInstanceEventEntity activity
				&& event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
			HistoryEndListener.EndedActivity ended = new HistoryEndListener.EndedActivity(activity.getActivityInstanceId(),
					activity.getActivityId(), activity.getTenantId(), activity.getProcessDefinitionId(),
					activity.getProcessDefinitionKey(), activity.getProcessInstanceId(), instant(activity.getStartTime()),
					instant(activity.getEndTime()), activity.isCanceled());
			listeners.get().forEach(listener -> listener.activityEnded(ended));
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	/** Registers the handler with the engine, keeping the engine's database history handler (the default). */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		AbstractProcessEnginePlugin historyEndPlugin(ObjectProvider<HistoryEndListener> listeners) {
			return new AbstractProcessEnginePlugin() {
				@Override
				public void preInit(ProcessEngineConfigurationImpl config) {
					List<HistoryEventHandler> handlers = config.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
							: new ArrayList<>(config.getCustomHistoryEventHandlers());
					handlers.add(new HistoryEndEvents(listeners));
					config.setCustomHistoryEventHandlers(handlers);
					config.setEnableDefaultDbHistoryEventHandler(true);
				}
			};
		}
	}
}

package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's history level (ADR-0058, amending ADR-0003): Camunda's {@code full} without its second copy of every
 * variable change. Everything {@code full} writes is written — activities, tasks, the variables with their last
 * values, decisions with their inputs and outputs, identity links, jobs, incidents, the user operation log — except
 * the {@code ACT_HI_DETAIL} row (and its byte array) that {@code full} adds for each variable set or changed: which
 * data each step set is in the case's full-process record ({@code TASK_COMPLETED}'s submitted form data, the
 * decisions' results, R-REC-1), chained and sealed, where it cannot be changed unseen. It keeps {@code full}'s id, so
 * a database's history level stays 3 and either level runs on it.
 */
final class RecordedHistoryLevel extends AbstractHistoryLevel {

	/** The name application.yml gives {@code camunda.bpm.history-level}. */
	static final String NAME = "full-recorded";

	private final HistoryLevel full = HistoryLevel.HISTORY_LEVEL_FULL;

	@Override
	public int getId() {
		return full.getId();
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && full.isHistoryEventProduced(eventType, entity);
	}

	/** Offers the level to the engine, whose configuration picks it by {@link #NAME}. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		AbstractProcessEnginePlugin recordedHistoryLevelPlugin() {
			return new AbstractProcessEnginePlugin() {
				@Override
				public void preInit(ProcessEngineConfigurationImpl config) {
					List<HistoryLevel> levels = config.getCustomHistoryLevels() == null ? new ArrayList<>()
							: new ArrayList<>(config.getCustomHistoryLevels());
					levels.add(new RecordedHistoryLevel());
					config.setCustomHistoryLevels(levels);
				}
			};
		}
	}
}

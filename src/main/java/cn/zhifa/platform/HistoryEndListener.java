package cn.zhifa.platform;

import java.time.Instant;

/**
 * A bean that hears every task and every activity instance end, for every process, inside the engine
 * command that ends it (so what it writes commits or rolls back with the engine's own history), without a
 * line in the models. {@link HistoryEndEvents} delivers the engine's history events to every such bean, as
 * plain values (ADR-0040).
 */
public interface HistoryEndListener {

	/** A task ended: completed (delete reason {@code completed}) or deleted. */
	record EndedTask(String taskId, String name, String taskDefinitionKey, String assignee, String tenantId,
			String processDefinitionId, String processDefinitionKey, String processInstanceId, Instant startTime,
			Instant endTime, Instant dueDate, String deleteReason) {
	}

	/** An activity instance ended, completed or cancelled. */
	record EndedActivity(String activityInstanceId, String activityId, String tenantId, String processDefinitionId,
			String processDefinitionKey, String processInstanceId, Instant startTime, Instant endTime,
			boolean canceled) {
	}

	default void taskEnded(EndedTask task) {
	}

	default void activityEnded(EndedActivity activity) {
	}
}

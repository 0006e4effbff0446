package cn.zhifa.platform;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Comparisons of the engine's stored Tasklist filters and authorizations that the public API does not
 * offer (ADR-0040), so that set-up code writes only what differs.
 */
public final class EngineFilters {

	private EngineFilters() {
	}

	/** Whether the stored filter's query is {@code query}, compared as the engine stores it (its JSON). */
	public static boolean hasQuery(Filter filter, TaskQuery query) {
		String wanted = new JsonTaskQueryConverter().toJson((TaskQueryImpl) query).toString();
		return filter instanceof FilterEntity entity && wanted.equals(entity.getQueryInternal());
	}

	/** Whether the authorization (as changed in memory) holds no permission at all. */
	public static boolean grantsNothing(Authorization authorization) {
		return authorization instanceof AuthorizationEntity entity && entity.getPermissions() == 0;
	}
}

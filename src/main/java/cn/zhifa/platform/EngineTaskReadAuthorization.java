package cn.zhifa.platform;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Task queries of users who may read every task leave out Camunda's per-row authorization join (ADR-0051). Camunda
 * checks a task query row by row: each task is joined with the user's grants {@code ON RESOURCE_ID_ IN (task id,
 * definition key, '*')}, and the query selects {@code DISTINCT}. When the user (or one of the user's groups, or
 * everyone) holds READ on all tasks or READ_TASK on all process definitions — as every agency's staff groups do
 * (ADR-0044) — the {@code '*'} grant matches every row, so the join only costs time: at 100,000 cases it was most
 * of an officer's task count. This manager asks once per query whether such a grant exists (Camunda's own
 * {@code isAuthorized}, one small statement on the authorization table) and, if it does, runs the query without the
 * join. Nothing else changes: the tenant check still keeps the query to the user's agencies, users without such a
 * grant (or with revoking authorizations in the table, which make Camunda's check a different one) get Camunda's
 * check unchanged, and administrators are not checked, as before. A query for one task by its id keeps Camunda's check
 * without asking: its join covers one row, cheaper than the question (the guard of every form submission asks so).
 */
final class EngineTaskReadAuthorization extends AuthorizationManager {

	/** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
	static final class Factory implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return AuthorizationManager.class;
		}

		@Override
		public Session openSession() {
			return new EngineTaskReadAuthorization();
		}
	}

	@Override
	public void configureTaskQuery(TaskQueryImpl query) {
		super.configureTaskQuery(query);
		AuthorizationCheck check = query.getAuthCheck();
		if (check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null && query.getTaskId() == null
				&& !check.isRevokeAuthorizationCheckEnabled()
				&& isAuthorized(check.getAuthUserId(), check.getAuthGroupIds(), everyTask())) {
			check.setAuthorizationCheckEnabled(false);
		}
	}

	/** The grants that make Camunda's task check true for every row: READ on all tasks, READ_TASK on all definitions. */
	private static CompositePermissionCheck everyTask() {
		return new PermissionCheckBuilder().disjunctive()
			.atomicCheckForResourceId(Resources.TASK, "*", Permissions.READ)
			.atomicCheckForResourceId(Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK)
			.build();
	}
}

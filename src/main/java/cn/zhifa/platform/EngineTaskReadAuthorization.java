package cn.zhifa.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Task queries of users who may read every task leave out Camunda's per-row authorization join (ADR-0051). Camunda
 * checks a task query row by row: each task is joined with the user's grants {@code ON RESOURCE_ID_ IN (task id,
 * definition key, '*')}, and the query selects {@code DISTINCT}. When the user (or one of the user's groups, or
 * everyone) holds READ on all tasks or READ_TASK on all process definitions — as every agency's staff groups do
 * (ADR-0044) — the {@code '*'} grant matches every row, so the join only costs time: at 100,000 cases it was most
 * of an officer's task count. This manager asks once per query whether such a grant exists (the question Camunda's
 * {@code isAuthorized} answers, as one fixed statement on the small authorization table) and, if it does, runs the
 * query without the join. Nothing else changes: the tenant check still keeps the query to the user's agencies, users
 * without such a grant (or with revoking authorizations in the table, which make Camunda's check a different one) get
 * Camunda's check unchanged, and administrators are not checked, as before. A query for one task by its id keeps Camunda's check
 * without asking: its join covers one row, cheaper than the question.
 * <p>
 * Whether the logged-in user may read one task ({@link #readsOrWorksOn}, asked by the REST guard before a task's
 * completion and inside the engine's command of a form submission) is answered without a task query: by the task's people and the engine's own checks for
 * reading one task.
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
				&& readsEveryTask(Context.getCommandContext(), check.getAuthUserId(), check.getAuthGroupIds())) {
			check.setAuthorizationCheckEnabled(false);
		}
	}

	/**
	 * The user's groups as they are. Camunda narrows them to the groups some authorization names, reading every such
	 * group from the authorization table once in each command that checks a user — to keep the checks' {@code IN}
	 * lists short for users in hundreds of directory groups; Zhifa's users are in a few. A group no authorization names
	 * matches no row of any check, so every check answers the same without the narrowing.
	 */
	@Override
	public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
		return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
	}

	/**
	 * Whether the user, one of the groups or everyone holds READ on all tasks or READ_TASK on all process definitions,
	 * where no revoking authorization applies to the user: what Camunda's {@code isAuthorized} answers for these two
	 * permissions then — a grant of the user, of one of the groups or a global one for resource {@code '*'}
	 * with the permission's bit — asked as one fixed statement. Camunda's statement for the question is assembled by
	 * MyBatis from a dynamic mapping (three levels of grants and revokes per permission, the groups in each) at every
	 * task query, which cost more than the query it shortens (docs/performance.md, 2026-12-05, sixth session).
	 */
	static boolean readsEveryTask(CommandContext context, String userId, List<String> groupIds) {
		ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
		List<String> groups = groupIds == null ? List.of() : groupIds;
		StringBuilder sql = new StringBuilder(everyTaskGrant(engine)).append(" AND ((A.TYPE_ = ")
			.append(Authorization.AUTH_TYPE_GRANT).append(" AND (A.USER_ID_ = ?");
		if (!groups.isEmpty()) {
			sql.append(" OR A.GROUP_ID_ IN (").append("?, ".repeat(groups.size() - 1)).append("?)");
		}
		sql.append(")) OR (A.TYPE_ = ").append(Authorization.AUTH_TYPE_GLOBAL).append(" AND A.USER_ID_ = '*'))");
		Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			statement.setString(1, userId);
			for (int i = 0; i < groups.size(); i++) {
				statement.setString(i + 2, groups.get(i));
			}
			try (ResultSet found = statement.executeQuery()) {
				return found.next();
			}
		}
		catch (SQLException e) {
			throw new ProcessEngineException("the grants for reading every task could not be read", e);
		}
	}

	/** The statement's fixed part: the grants on all tasks or all definitions with the permission's bit. */
	private static String everyTaskGrant(ProcessEngineConfigurationImpl engine) {
		String type = engine.getDatabaseType();
		String prefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
		return "SELECT 1 FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND ("
				+ bitGranted(type, Resources.TASK, Permissions.READ) + " OR "
				+ bitGranted(type, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_TASK) + ")";
	}

	private static String bitGranted(String databaseType, Resources resource, Permission permission) {
		int bits = permission.getValue();
		return "(A.RESOURCE_TYPE_ = " + resource.resourceType() + " AND "
				+ DbSqlSessionFactory.databaseSpecificBitAnd1.get(databaseType) + "A.PERMS_"
				+ DbSqlSessionFactory.databaseSpecificBitAnd2.get(databaseType) + bits
				+ DbSqlSessionFactory.databaseSpecificBitAnd3.get(databaseType) + " = " + bits + ")";
	}

	/**
	 * Whether the engine's current authentication reads the task of this id, or works on it, and if so what {@code read}
	 * reads of the task in the same command, without the caller's authorization checks (the caller's right to the task
	 * is established; one look-up of the task where a second command would load it again). Empty when the caller
	 * neither reads nor works on the task, or when {@code read} answers null. The caller reads or works on the task
	 * when it exists, its agency is one of the user's (or it has none), and the user is one of its people — assignee,
	 * owner, candidate user or in a candidate group, who work on it without a grant ({@link CandidateTaskChecker}) — or
	 * the engine's checks for reading one task pass: READ on the task or READ_TASK on its process definition
	 * (administrators and the system pass). For everyone but a task's people these are the rules a task query by id
	 * applies; the statements they take (the task, its identity links, and for others its execution and the grant) are
	 * fixed ones, where the task query's statement is put together by MyBatis from the engine's largest dynamic mapping
	 * at every call (docs/performance.md, 2026-12-05). A task without a process is read with READ on it only (a task
	 * query also shows it to READ_TASK on all definitions); such a task has no form.
	 */
	static <T> Optional<T> readsOrWorksOn(ProcessEngineConfigurationImpl engine, String taskId,
			BiFunction<CommandContext, TaskEntity, T> read) {
		return engine.getCommandExecutorTxRequired().execute(context -> readsOrWorksOn(context, taskId, read));
	}

	/** As {@link #readsOrWorksOn(ProcessEngineConfigurationImpl, String, BiFunction)}, inside a command of the engine. */
	static <T> Optional<T> readsOrWorksOn(CommandContext context, String taskId, BiFunction<CommandContext, TaskEntity, T> read) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || !readsOrWorksOn(context, task)) {
			return Optional.empty();
		}
		return Optional.ofNullable(context.runWithoutAuthorization(() -> read.apply(context, task)));
	}

	private static boolean readsOrWorksOn(CommandContext context, TaskEntity task) {
		if (!context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
			return false;
		}
		Authentication login = context.getAuthentication();
		if (login != null && login.getUserId() != null && CandidateTaskChecker.isCandidate(task, login.getUserId(),
				login.getGroupIds() == null ? List.of() : login.getGroupIds())) {
			return true;
		}
		try {
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkReadTask(task);
			}
			return true;
		}
		catch (AuthorizationException notGranted) {
			return false;
		}
	}
}

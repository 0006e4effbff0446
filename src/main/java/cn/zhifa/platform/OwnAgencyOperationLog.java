package cn.zhifa.platform;

import java.util.List;

import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The user operation log ({@code /history/user-operation}, Cockpit's and Tasklist's history) shows a
 * logged-in user only the entries of their own agencies (issue 13 §4). Camunda's check lets anyone with
 * READ_HISTORY on the process definitions ({@code *}) read every entry without a process definition —
 * the administrators' identity operations: who was created, joined which group and agency, got which
 * password — and the tenant check lets entries without a tenant through. So, for a user who is neither a
 * supervisor nor an administrator, the query is restricted to the user's tenants (agencies): entries of
 * their agencies' processes and tasks. Engine-level, so it holds for every way the log is read; the
 * system's own queries (no authenticated user) are not touched.
 */
class OwnAgencyOperationLog extends CommandInterceptor {

	/** A tenant id no agency has (ids are letters, digits, '-' and '_'): a user without agency sees nothing. */
	static final String NO_AGENCY = " no agency ";

	private final ProcessEngineConfigurationImpl config;

	OwnAgencyOperationLog(ProcessEngineConfigurationImpl config) {
		this.config = config;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof UserOperationLogQueryImpl query && config.isAuthorizationEnabled()) {
			Authentication login = config.getIdentityService().getCurrentAuthentication();
			if (login != null && !reads(login.getGroupIds())) {
				List<String> own = login.getTenantIds() == null ? List.of() : login.getTenantIds();
				query.tenantIdIn(own.isEmpty() ? new String[] { NO_AGENCY } : own.toArray(String[]::new));
			}
		}
		return next.execute(command);
	}

	private static boolean reads(List<String> groups) {
		return groups != null && (groups.contains(Roles.ADMIN) || groups.contains(Roles.SUPERVISOR));
	}
}

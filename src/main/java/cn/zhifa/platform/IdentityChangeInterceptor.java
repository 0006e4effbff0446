package cn.zhifa.platform;

import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Tells the {@link LoginCache} when users, groups, agencies (tenants) or memberships change, by whatever way:
 * Camunda Admin, {@code /engine-rest}, our own set-up. The engine's identity commands are the one door all of them
 * pass; the ones that change who may log in, or with which groups and agencies, are named here. A refused password
 * counts too, wherever it was tried (the webapps' login form included): it may have started a login delay, which
 * the remembered logins must not pass.
 */
class IdentityChangeInterceptor extends CommandInterceptor {

	static final Set<String> IDENTITY_CHANGES = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd",
			"CreateMembershipCmd", "DeleteMembershipCmd", "SaveGroupCmd", "DeleteGroupCmd", "SaveTenantCmd",
			"DeleteTenantCmd", "CreateTenantUserMembershipCmd", "DeleteTenantUserMembershipCmd",
			"CreateTenantGroupMembershipCmd", "DeleteTenantGroupMembershipCmd");

	static final String PASSWORD_CHECK = "CheckPassword";

	private final Runnable identityChanged;

	IdentityChangeInterceptor(Runnable identityChanged) {
		this.identityChanged = identityChanged;
	}

	@Override
	public <T> T execute(Command<T> command) {
		T result = next.execute(command);
		String name = command.getClass().getSimpleName();
		if (IDENTITY_CHANGES.contains(name) || (PASSWORD_CHECK.equals(name) && Boolean.FALSE.equals(result))) {
			identityChanged.run();
		}
		return result;
	}
}

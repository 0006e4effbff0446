package cn.zhifa.platform;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Work a step does as the system, inside the engine command it runs in: without the tenant and the
 * authorization checks of the user who completed the step (e.g. answering the sending agency's transfer,
 * moving the case's timers, reading a shared model). The checks are restored afterwards. The one place
 * where feature code switches them off (ADR-0004: agencies as tenants).
 */
public final class AsSystem {

	private AsSystem() {
	}

	public static void run(Runnable action) {
		call(() -> {
			action.run();
			return null;
		});
	}

	public static <T> T call(Supplier<T> action) {
		CommandContext context = Context.getCommandContext();
		if (context == null) {
			return action.get();
		}
		boolean tenantCheck = context.isTenantCheckEnabled();
		boolean authorizationCheck = context.isAuthorizationCheckEnabled();
		context.disableTenantCheck();
		context.disableAuthorizationCheck();
		try {
			return action.get();
		}
		finally {
			context.setAuthorizationCheckEnabled(authorizationCheck);
			context.setTenantCheckEnabled(tenantCheck);
		}
	}

	/**
	 * Runs {@code action} without the authorization checks of the current user, keeping the tenant checks
	 * (e.g. a gate reading the model version a case was deployed with); restored afterwards.
	 */
	public static <T> T withoutAuthorization(Supplier<T> action) {
		CommandContext context = Context.getCommandContext();
		if (context == null) {
			return action.get();
		}
		boolean authorizationCheck = context.isAuthorizationCheckEnabled();
		context.disableAuthorizationCheck();
		try {
			return action.get();
		}
		finally {
			context.setAuthorizationCheckEnabled(authorizationCheck);
		}
	}

	/** As {@link #call(Supplier)} for work that declares checked exceptions (they come back unchecked). */
	public static <T> T callChecked(Callable<T> action) {
		return call(() -> {
			try {
				return action.call();
			}
			catch (RuntimeException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}
}

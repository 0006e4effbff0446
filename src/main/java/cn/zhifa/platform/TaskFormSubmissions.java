package cn.zhifa.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import cn.zhifa.platform.form.DeployedForm;
import cn.zhifa.platform.form.DeployedForms;
import cn.zhifa.platform.form.EngineErrorMessages;
import cn.zhifa.platform.problem.Problem;

/**
 * The REST guard's rules for a task's form submission ({@code submit-form}, what Tasklist sends), checked inside the
 * engine's own command for it (ADR-0065). The guard names the task and the submitted variables
 * ({@link #expect}, for the request's thread); this interceptor, inside the command context, checks them when that
 * command starts — before the engine applies anything — by the guard's rules ({@link EngineVariableRules}): the task's
 * form if the caller reads or works on the task, else none. The task is looked up once, for both; before, the guard
 * asked in a command (and a transaction) of its own. A refusal is an {@link AuthorizationException} carrying
 * {@link EngineErrorMessages#SYSTEM_OWNED_CODE}: the API answers the guard's 403 problem naming the variable, and
 * nothing was stored. A submission from Java inside the application (no request through the guard) is not checked.
 */
final class TaskFormSubmissions extends CommandInterceptor {

	/** The submission the guard let through on this thread, until the engine's command for it starts. */
	private static final ThreadLocal<Expected> EXPECTED = new ThreadLocal<>();

	private record Expected(String taskId, List<String> names) {
	}

	private final EngineVariableRules rules;

	TaskFormSubmissions(EngineVariableRules rules) {
		this.rules = rules;
	}

	/** The guard lets a submission of these variables for this task through to the engine on this thread. */
	static void expect(String taskId, Collection<String> names) {
		EXPECTED.set(new Expected(taskId, List.copyOf(names)));
	}

	/** The request is over (the engine's command ran, or never came). */
	static void clear() {
		EXPECTED.remove();
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof SubmitTaskFormCmd) {
			Expected expected = EXPECTED.get();
			if (expected != null) {
				EXPECTED.remove(); // the request's one submission; commands nested in it are the application's
				check(Context.getCommandContext(), expected);
			}
		}
		return next.execute(command);
	}

	private void check(CommandContext context, Expected expected) {
		Optional<DeployedForm> form = EngineTaskReadAuthorization.readsOrWorksOn(context, expected.taskId(), (c, task) -> {
			try {
				return DeployedForms.of(c, new GetTaskFormCmd(expected.taskId()).execute(c)).orElse(null);
			}
			catch (ProcessEngineException noForm) {
				return null; // the engine's own step answers
			}
		});
		try {
			rules.checkAgainstForm(expected.names(), form, () -> asSystem(context));
		}
		catch (Problem refused) {
			throw new SystemOwnedVariable(refused.field(), refused.detail());
		}
	}

	/** Every deployed form's fields, read without the caller's authorization and agency checks. */
	private Map<String, String> asSystem(CommandContext context) {
		boolean authorization = context.isAuthorizationCheckEnabled();
		boolean tenants = context.isTenantCheckEnabled();
		context.disableAuthorizationCheck();
		context.disableTenantCheck();
		try {
			return rules.formFields(context.getProcessEngineConfiguration().getRepositoryService());
		}
		finally {
			if (authorization) {
				context.enableAuthorizationCheck();
			}
			if (tenants) {
				context.enableTenantCheck();
			}
		}
	}

	/** The guard's refusal from inside the engine: "variable: reason", answered as the guard's 403 problem. */
	static final class SystemOwnedVariable extends AuthorizationException {

		private static final long serialVersionUID = 1L;

		SystemOwnedVariable(String variable, String detail) {
			super(variable + ": " + detail);
			setCode(EngineErrorMessages.SYSTEM_OWNED_CODE);
		}
	}
}

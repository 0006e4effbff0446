package cn.zhifa.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhifa.platform.form.EngineErrorMessages;

/**
 * The engine wraps any exception thrown by a task or execution listener into a generic
 * {@code ProcessEngineException} (ENGINE-03051), which the REST API answers with 500. Our listeners
 * throw two kinds of user errors on purpose: {@link FormFieldValidationException} (bad input: the
 * field and the rule) and {@link AuthorizationException} (this person may not do this). This
 * outermost command interceptor rethrows them unwrapped — after the transaction rolled back, so
 * nothing was stored — and REST answers 400 (code {@link EngineErrorMessages#INVALID_INPUT_CODE}) and
 * 403 with the message; Tasklist shows it.
 * <p>
 * It also logs what a command threw, in place of the engine (whose command exception logging is off,
 * {@link EngineConfiguration}): the engine logged a refused input as an ERROR with the whole stack trace
 * (ENGINE-16004), since it saw only the wrapping exception. A refusal of the user's input or permission,
 * a conflict with another user's change and a task someone else claimed are logged at DEBUG (INFO for the
 * claim), as the engine logs its own such refusals; anything else at ERROR with its stack trace. Like the
 * engine, once per command context: by the command that opened it, not by the commands nested in it.
 */
class UserErrorUnwrapping extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(UserErrorUnwrapping.class);

	/** true in front of the executor that always opens its own command context (transaction required new) */
	private final boolean opensOwnContext;

	UserErrorUnwrapping(boolean opensOwnContext) {
		this.opensOwnContext = opensOwnContext;
	}

	@Override
	public <T> T execute(Command<T> command) {
		boolean opensContext = opensOwnContext || Context.getCommandContext() == null;
		try {
			return next.execute(command);
		}
		catch (RuntimeException e) {
			RuntimeException thrown = unwrapped(e);
			if (opensContext) {
				logFailure(command, thrown);
			}
			throw thrown;
		}
		catch (Error e) {
			if (opensContext) {
				logFailure(command, e);
			}
			throw e;
		}
	}

	private static RuntimeException unwrapped(RuntimeException e) {
		if (e instanceof ProcessEngineException) {
			for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
				if (cause instanceof FormFieldValidationException validation) {
					validation.setCode(EngineErrorMessages.INVALID_INPUT_CODE);
					return validation;
				}
				if (cause instanceof AuthorizationException refusal) {
					return refusal;
				}
			}
		}
		return e;
	}

	private static void logFailure(Command<?> command, Throwable e) {
		String name = command.getClass().getSimpleName();
		if (e instanceof TaskAlreadyClaimedException) {
			log.info("Engine command {} refused: {}", name, e.getMessage());
		}
		else if (isRefusalOrConflict(e)) {
			log.debug("Engine command {} refused: {}", name, e.getMessage(), e);
		}
		else {
			log.error("Engine command {} failed: {}", name, e.getMessage(), e);
		}
	}

	/** The user's input or permission refused, or another user's change first: the caller is told, nothing is wrong. */
	private static boolean isRefusalOrConflict(Throwable e) {
		return e instanceof FormFieldValidationException || e instanceof AuthorizationException
				|| e instanceof BadUserRequestException || e instanceof OptimisticLockingException;
	}
}

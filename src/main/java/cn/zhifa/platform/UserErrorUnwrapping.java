package cn.zhifa.platform;

import cn.zhifa.platform.form.EngineErrorMessages;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps any exception thrown by a task or execution listener into a generic
 * {@code ProcessEngineException} (ENGINE-03051), which the REST API answers with 500. Our listeners
 * throw two kinds of user errors on purpose: {@link FormFieldValidationException} (bad input: the
 * field and the rule) and {@link AuthorizationException} (this person may not do this). This
 * outermost command interceptor rethrows them unwrapped — after the transaction rolled back, so
 * nothing was stored — and REST answers 400 (code {@link EngineErrorMessages#INVALID_INPUT_CODE}) and
 * 403 with the message; Tasklist shows it.
 */
class UserErrorUnwrapping extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return next.execute(command);
		}
		catch (ProcessEngineException e) {
			for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
				if (cause instanceof FormFieldValidationException validation) {
					validation.setCode(EngineErrorMessages.INVALID_INPUT_CODE);
					throw validation;
				}
				if (cause instanceof AuthorizationException refusal) {
					throw refusal;
				}
			}
			throw e;
		}
	}
}

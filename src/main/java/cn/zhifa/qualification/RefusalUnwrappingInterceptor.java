package cn.zhifa.qualification;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps every exception thrown by a task listener in a plain ProcessEngineException
 * (ENGINE-03051), which {@code /engine-rest} would answer with 500. As the outermost command
 * interceptor — after the transaction has been rolled back — this rethrows the guard's
 * {@link NotQualifiedException} itself, so REST answers 403 with the reason and Java callers can
 * catch it by type.
 */
class RefusalUnwrappingInterceptor extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return next.execute(command);
		}
		catch (ProcessEngineException e) {
			NotQualifiedException refusal = refusalIn(e);
			throw refusal != null ? refusal : e;
		}
	}

	static NotQualifiedException refusalIn(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof NotQualifiedException refusal) {
				return refusal;
			}
		}
		return null;
	}
}

package cn.zhifa.qualification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/** A refusal wrapped by the engine's listener invocation surfaces as itself (→ HTTP 403); others pass. */
class RefusalUnwrappingInterceptorTest {

	private static RefusalUnwrappingInterceptor throwing(RuntimeException e) {
		RefusalUnwrappingInterceptor interceptor = new RefusalUnwrappingInterceptor();
		interceptor.setNext(new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				throw e;
			}
		});
		return interceptor;
	}

	@Test
	void rethrowsTheWrappedRefusal() {
		NotQualifiedException refusal = new NotQualifiedException("aux1", Refusal.AUXILIARY, "辅助人员不得实施");
		ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 …", refusal);

		assertThatThrownBy(() -> throwing(wrapped).execute(context -> null)).isSameAs(refusal);
	}

	@Test
	void leavesOtherEngineExceptionsAlone() {
		ProcessEngineException other = new ProcessEngineException("boom", new IllegalStateException());

		assertThatThrownBy(() -> throwing(other).execute(context -> null)).isSameAs(other);
	}
}

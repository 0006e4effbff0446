package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.zhifa.platform.form.EngineErrorMessages;

/**
 * The outermost command interceptor: user errors unwrapped from the engine's listener wrapping, and what a command
 * threw logged once per command context — a refused input at DEBUG, not as an ERROR with its stack trace.
 */
class UserErrorUnwrappingTest {

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
	private final Logger log = (Logger) LoggerFactory.getLogger(UserErrorUnwrapping.class);
	private Level levelBefore;

	@BeforeEach
	void captureLog() {
		levelBefore = log.getLevel();
		log.setLevel(Level.DEBUG);
		logs.start();
		log.addAppender(logs);
	}

	@AfterEach
	void releaseLog() {
		log.detachAppender(logs);
		log.setLevel(levelBefore);
	}

	@Test
	void aRefusedInputAListenerThrewReachesTheCallerUnwrappedAndIsNoError() {
		FormFieldValidationException refused = new FormFieldValidationException("facts", "基本案情：必须填写");
		ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
				new ProcessEngineException("Exception while invoking TaskListener", refused));

		assertThatThrownBy(() -> run(new UserErrorUnwrapping(false), wrapped)).isSameAs(refused);
		assertThat(refused.getCode()).isEqualTo(EngineErrorMessages.INVALID_INPUT_CODE);
		assertThat(levels()).containsExactly(Level.DEBUG);
		assertThat(logs.list.get(0).getFormattedMessage()).contains("基本案情：必须填写");
	}

	@Test
	void aRefusedPermissionIsUnwrappedAndLoggedAtDebug() {
		AuthorizationException refusal = new AuthorizationException("指导案例由执法机关从本机关办结的案件中报送");
		assertThatThrownBy(() -> run(new UserErrorUnwrapping(false), new ProcessEngineException("ENGINE-03051", refusal)))
			.isSameAs(refusal);
		assertThat(levels()).containsExactly(Level.DEBUG);
	}

	@Test
	void aTaskSomeoneElseClaimedIsOneInfoLine() {
		TaskAlreadyClaimedException claimed = new TaskAlreadyClaimedException("task-1", "officer2");
		assertThatThrownBy(() -> run(new UserErrorUnwrapping(false), claimed)).isSameAs(claimed);
		assertThat(levels()).containsExactly(Level.INFO);
		assertThat(logs.list.get(0).getThrowableProxy()).isNull();
	}

	@Test
	void anythingElseIsAnErrorWithItsStackTrace() {
		IllegalStateException broken = new IllegalStateException("记录链断裂");
		assertThatThrownBy(() -> run(new UserErrorUnwrapping(false), broken)).isSameAs(broken);
		assertThat(levels()).containsExactly(Level.ERROR);
		assertThat(logs.list.get(0).getThrowableProxy().getMessage()).isEqualTo("记录链断裂");
	}

	@Test
	void aCommandNestedInAnotherCommandsContextLeavesTheLogToThatCommand() {
		IllegalStateException broken = new IllegalStateException("记录链断裂");
		Context.setCommandContext(mock(CommandContext.class));
		try {
			assertThatThrownBy(() -> run(new UserErrorUnwrapping(false), broken)).isSameAs(broken);
			assertThat(logs.list).as("the outer command logs it").isEmpty();
			// the executor that always opens its own context logs what its command threw, even inside another's
			assertThatThrownBy(() -> run(new UserErrorUnwrapping(true), broken)).isSameAs(broken);
			assertThat(levels()).containsExactly(Level.ERROR);
		}
		finally {
			Context.removeCommandContext();
		}
	}

	private static void run(UserErrorUnwrapping unwrapping, RuntimeException thrown) {
		unwrapping.setNext(new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				throw thrown;
			}
		});
		unwrapping.execute(commandContext -> null);
	}

	private List<Level> levels() {
		return logs.list.stream().map(ILoggingEvent::getLevel).toList();
	}
}

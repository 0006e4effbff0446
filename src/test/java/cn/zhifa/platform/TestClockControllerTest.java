package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.zhifa.platform.problem.Problem;

/**
 * The browser suite's clock hook: moving the engine clock wakes the job executor, so a timer the move made due fires at
 * once rather than at the executor's next look (its back-off waits up to a minute when idle).
 */
class TestClockControllerTest {

	final ProcessEngineConfigurationImpl engine = mock(ProcessEngineConfigurationImpl.class);
	final JobExecutor jobs = mock(JobExecutor.class);

	@BeforeEach
	void admin() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, List.of(new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + Roles.ADMIN))));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void movingTheClockWakesTheJobExecutor() {
		when(engine.getJobExecutor()).thenReturn(jobs);

		new TestClockController(engine).set(new TestClockController.ClockRequest("2027-06-20T10:00:00+08:00"));

		assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(Instant.parse("2027-06-20T02:00:00Z"));
		verify(jobs).jobWasAdded();
	}

	@Test
	void aBadTimeMovesNothingAndWakesNothing() {
		when(engine.getJobExecutor()).thenReturn(jobs);
		Instant before = ClockUtil.getCurrentTime().toInstant();

		assertThatThrownBy(() -> new TestClockController(engine).set(new TestClockController.ClockRequest("明天")))
			.isInstanceOf(Problem.class);

		assertThat(ClockUtil.getCurrentTime().toInstant()).isBetween(before, Instant.now());
		verify(jobs, never()).jobWasAdded();
	}

	@Test
	void withoutAJobExecutorTheClockStillMoves() {
		new TestClockController(engine).set(new TestClockController.ClockRequest("2027-06-20T10:00:00+08:00"));

		assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(Instant.parse("2027-06-20T02:00:00Z"));
	}
}

package cn.zhifa.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.problem.Problem;

/**
 * A test hook for the browser suite (e2e/run.sh): moves the engine clock ({@link ClockUtil}, the "now" of
 * due dates, timers and deadlines) of a running application, e.g. to show green, yellow and red deadlines
 * on the SLA board. Exists only when {@code zhifa.test-clock.enabled=true} (never set by any profile of
 * the repository; e2e/run.sh passes it on the command line), and only administrators may use it.
 * <ul>
 * <li>{@code GET /api/test-clock} — the engine's now</li>
 * <li>{@code PUT /api/test-clock {"now": "2026-11-04T10:00:00+08:00"}} — sets it (it then stands still) and wakes the
 * job executor, so timers due by then fire at once instead of at its next look, which its back-off may put a minute
 * away</li>
 * <li>{@code DELETE /api/test-clock} — back to the system clock</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/test-clock")
@ConditionalOnProperty(name = "zhifa.test-clock.enabled", havingValue = "true")
@RoleRequired(value = Roles.ADMIN, refusal = "只有系统管理员可以调整测试时钟")
class TestClockController {

	private static final Logger log = LoggerFactory.getLogger(TestClockController.class);

	record ClockRequest(String now) {
	}

	private final ProcessEngineConfigurationImpl engine;

	TestClockController(ProcessEngineConfigurationImpl engine) {
		this.engine = engine;
		log.warn("zhifa.test-clock.enabled: administrators can move the engine clock (PUT /api/test-clock) — for tests only");
	}

	@GetMapping
	Map<String, Object> now() {
		return Map.of("now", ClockUtil.getCurrentTime().toInstant());
	}

	@PutMapping
	Map<String, Object> set(@RequestBody ClockRequest request) {
		if (request == null || request.now() == null) {
			throw Problem.invalid("now", "请填写时间（now），例如 2026-11-04T10:00:00+08:00");
		}
		Instant now;
		try {
			now = OffsetDateTime.parse(request.now()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("now", "时间（now）应为带时区的 ISO-8601 时间，例如 2026-11-04T10:00:00+08:00");
		}
		ClockUtil.setCurrentTime(Date.from(now));
		log.warn("engine clock set to {} by {}", now, CurrentUser.get().id());
		JobExecutor jobs = engine.getJobExecutor();
		if (jobs != null) {
			jobs.jobWasAdded();
		}
		return Map.of("now", now);
	}

	@DeleteMapping
	Map<String, Object> reset() {
		ClockUtil.reset();
		log.warn("engine clock back to the system clock by {}", CurrentUser.get().id());
		return Map.of("now", ClockUtil.getCurrentTime().toInstant());
	}
}

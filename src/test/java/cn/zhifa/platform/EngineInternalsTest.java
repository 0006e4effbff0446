package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 20 §1/§3, read from the sources (no ArchUnit): the engine's internal classes ({@code org.camunda.bpm.engine.impl})
 * are used only in {@code cn.zhifa.platform}, and the engine's execution and task only by edges (delegates, listeners,
 * task checks); the engine's internal clock is touched only in
 * {@code cn.zhifa.platform} (features take the injected {@link java.time.Clock}, {@link EngineClock}); the
 * administrators' and the bureau's groups are spelled only in {@link Roles} ({@code "supervisor"} is also a
 * JSON key, so it is not checked here); the zone only in {@code EngineClock.ZONE}.
 */
class EngineInternalsTest {

	static final Path MAIN = Path.of("src/main/java");
	static final Path PLATFORM = MAIN.resolve("cn/zhifa/platform");

	@Test
	void onlyThePlatformTouchesTheEngineClock() throws IOException {
		assertThat(filesOutside(PLATFORM, "org.camunda.bpm.engine.impl.util.ClockUtil"))
			.as("features take the injected java.time.Clock (platform.EngineClock), not ClockUtil").isEmpty();
	}

	@Test
	void onlyThePlatformUsesTheEnginesInternalClasses() throws IOException {
		assertThat(filesOutside(PLATFORM, "import org.camunda.bpm.engine.impl."))
			.as("engine internals stay in cn.zhifa.platform (ADR-0038, ADR-0039, ADR-0040)").isEmpty();
	}

	/**
	 * The bodies of engine listeners that a feature's {@link ModelParseExtension} attaches (or, for provisional
	 * deadlines, the running tasks and timers it moves): they are the edge, called by the engine with its execution
	 * or task, and keep the rule in the feature.
	 */
	static final Map<String, String> LISTENER_BODIES = Map.of(
			"cn/zhifa/record/StepRecorder.java", "the recording listeners of RecordingParseListener",
			"cn/zhifa/sla/SlaOutcomes.java", "the ended tasks and timers of SlaHistoryEventHandler",
			"cn/zhifa/suspension/PeriodSuspensions.java", "the period listeners of PeriodSuspensionPlugin",
			"cn/zhifa/calendar/ProvisionalDeadlines.java", "running tasks and timers given new due dates");

	/**
	 * Only the edges see the engine's execution and task (ADR-0038): a class that mentions them is a delegate, a
	 * listener, a task-check bean or an engine extension, which maps variables for its service. A process's
	 * delegates are the {@code @Bean JavaDelegate} methods of its configuration.
	 */
	@Test
	void onlyEdgesSeeTheExecutionOrTheTask() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<Path> services = files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.startsWith(PLATFORM))
				.filter(p -> !LISTENER_BODIES.containsKey(MAIN.relativize(p).toString().replace('\\', '/')))
				.filter(p -> seesTheEngineOutsideAnEdge(read(p))).toList();
			assertThat(services).as("services take values; the delegate or task check maps the variables").isEmpty();
		}
	}

	@Test
	void aServiceThatTakesTheExecutionIsFound() {
		assertThat(seesTheEngineOutsideAnEdge(read(FIXTURES.resolve("ExecutionTakingService.java"))))
			.as("a service with a DelegateExecution parameter (and a JavaDelegate that is no bean)").isTrue();
		assertThat(seesTheEngineOutsideAnEdge(read(FIXTURES.resolve("FixtureDelegates.java"))))
			.as("a configuration of @Bean JavaDelegate methods is an edge").isFalse();
	}

	/** Fixture sources of {@link #aServiceThatTakesTheExecutionIsFound()}: a service and a delegates configuration. */
	static final Path FIXTURES = Path.of("src/test/java/fixture/edges");

	/**
	 * Whether a source mentions the engine's execution, task or variable scope without being an edge: a delegate
	 * class or {@code @Bean} delegate method, a listener, a task-check bean or an engine extension.
	 */
	static boolean seesTheEngineOutsideAnEdge(String source) {
		return source.matches("(?s).*\\b(DelegateExecution|DelegateTask|VariableScope)\\b.*")
				&& !source.matches("(?s).*(implements (JavaDelegate|TaskListener|ExecutionListener|ModelParseExtension"
						+ "|HistoryEndListener)|extends (FormChecks|SpringExpressionManager)"
						+ "|\\((JavaDelegate|TaskListener|ExecutionListener)\\)"
						+ "|@Bean\\s+(JavaDelegate|TaskListener|ExecutionListener) [a-z]\\w*\\().*");
	}

	@Test
	void theAdministratorsGroupIsNamedOnlyInRoles() throws IOException {
		assertThat(filesOutside(PLATFORM.resolve("Roles.java"), "camunda-admin", "\"legal-office\"", "\"justice-bureau\""))
			.as("use Roles (or CurrentUser.isAdmin())").isEmpty();
	}

	@Test
	void theZoneIsDefinedOnce() throws IOException {
		assertThat(filesOutside(MAIN.resolve("cn/zhifa/platform/EngineClock.java"), "\"Asia/Shanghai\""))
			.as("use EngineClock.ZONE (or WorkingDayCalendar.SHANGHAI, the same zone)").isEmpty();
	}

	/** Java files of src/main/java not under {@code allowed} that contain any of {@code needles}. */
	private static List<Path> filesOutside(Path allowed, String... needles) throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.startsWith(allowed))
				.filter(p -> Stream.of(needles).anyMatch(read(p)::contains)).toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}

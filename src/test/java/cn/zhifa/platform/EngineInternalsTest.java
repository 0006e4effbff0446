package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 20 §1/§3, read from the sources (no ArchUnit): the engine's internal clock is touched only in
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

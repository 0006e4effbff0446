package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every {@code deadlines.limit('KEY', …)} in {@code processes/} names a key of
 * {@code calendar/statutory-limits.yml}: a renamed or deleted limit fails the build, not a running case.
 */
class LimitKeysInModelsTest {

	private static final Pattern LIMIT_CALL = Pattern.compile("deadlines\\s*\\.\\s*limit(?:NotCounting)?\\(\\s*['\"]([^'\"]+)['\"]");

	@Test
	void everyLimitAModelUsesExists() throws IOException {
		StatutoryLimits limits = CalendarFiles.load(Path.of("calendar")).limits();
		List<String> missing = new ArrayList<>();
		Path processes = Path.of("processes");
		if (!Files.isDirectory(processes)) {
			return;
		}
		try (Stream<Path> files = Files.walk(processes)) {
			for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
				Matcher m = LIMIT_CALL.matcher(Files.readString(bpmn));
				while (m.find()) {
					if (!limits.byKey().containsKey(m.group(1))) {
						missing.add(bpmn + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).as("limits used in models but missing from calendar/statutory-limits.yml").isEmpty();
	}

	@Test
	void thePatternFindsTheKey() {
		Matcher m = LIMIT_CALL.matcher("${deadlines.limit('LEGAL_REVIEW', materialsReceivedAt)}");
		assertThat(m.find()).isTrue();
		assertThat(m.group(1)).isEqualTo("LEGAL_REVIEW");
	}
}

package cn.zhifa.guidingcase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The yearly rule of guiding cases as data ({@code disclosure/guiding-cases.yml}, seed 002 (十一) "每年一般不少于3件"):
 * the minimum per year, the day of the following year by which a year's cases are due, and the day of the year from
 * which a shortfall is shown as a warning. A broken file stops the start-up.
 */
@Component
class GuidingCaseTargets {

	static final String CLASSPATH_COPY = "disclosure/guiding-cases.yml";

	private final int minimumPerYear;
	private final MonthDay submitBy;
	private final MonthDay warnFrom;
	private final String source;

	GuidingCaseTargets(@Value("${zhifa.guiding-cases.targets:disclosure/guiding-cases.yml}") String file) {
		Map<String, Object> data = read(Path.of(file));
		this.minimumPerYear = ((Number) required(data, "minimumPerYear")).intValue();
		if (minimumPerYear < 0) {
			throw new IllegalStateException(file + ": minimumPerYear must not be negative");
		}
		this.submitBy = MonthDay.parse("--" + required(data, "submitBy"));
		this.warnFrom = MonthDay.parse("--" + required(data, "warnFrom"));
		this.source = String.valueOf(required(data, "source"));
	}

	public int minimumPerYear() {
		return minimumPerYear;
	}

	/** The last day for the cases of {@code year}: {@code submitBy} of the following year. */
	public LocalDate deadlineFor(int year) {
		return submitBy.atYear(year + 1);
	}

	/** From this day a year with fewer than the minimum shows a warning. */
	public LocalDate warnFrom(int year) {
		return warnFrom.atYear(year);
	}

	public String source() {
		return source;
	}

	private static Object required(Map<String, Object> data, String key) {
		Object value = data.get(key);
		if (value == null) {
			throw new IllegalStateException("guiding-cases.yml: " + key + " is missing");
		}
		return value;
	}

	private static Map<String, Object> read(Path file) {
		try {
			String text;
			if (Files.isRegularFile(file)) {
				text = Files.readString(file, StandardCharsets.UTF_8);
			}
			else {
				try (InputStream in = GuidingCaseTargets.class.getClassLoader().getResourceAsStream(CLASSPATH_COPY)) {
					if (in == null) {
						throw new IllegalStateException("guiding case targets not found: " + file.toAbsolutePath());
					}
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
			if (data == null) {
				throw new IllegalStateException("guiding-cases.yml is empty");
			}
			return data;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

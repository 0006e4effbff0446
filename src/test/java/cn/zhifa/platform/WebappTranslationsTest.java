package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12 §3: the Camunda webapps are Chinese throughout. For each app, every key of the English
 * locale file bundled in Camunda's webjar (the one on the classpath, from the jar) must have a
 * non-empty entry in our {@code locales/zh.json}, carrying the same {@code {{placeholders}}}.
 * An upgrade of Camunda that adds texts therefore fails here, naming them.
 */
class WebappTranslationsTest {

	private static final String WEBJAR_APP = "META-INF/resources/webjars/camunda/app/";
	private static final Path OURS = Path.of("src/main/resources", WEBJAR_APP);
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");
	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyEnglishTextHasAChineseOne(String app) throws IOException {
		Map<String, JsonNode> english = flatten(bundledEnglish(app));
		Path zhFile = OURS.resolve(app + "/locales/zh.json");
		assertThat(zhFile).as("Chinese translation of %s", app).exists();
		Map<String, JsonNode> chinese;
		try (InputStream in = Files.newInputStream(zhFile)) {
			chinese = flatten(JSON.readTree(in));
		}

		Problems problems = compare(english, chinese);
		SoftAssertions.assertSoftly(soft -> {
			soft.assertThat(problems.untranslated())
				.as("%s: keys of the bundled en.json without a Chinese text in %s", app, zhFile).isEmpty();
			soft.assertThat(problems.lostPlaceholders())
				.as("%s: placeholders of the English text missing in the Chinese one", app).isEmpty();
		});
	}

	@Test
	void comparisonNamesMissingAndEmptyTextsAndLostPlaceholders() throws IOException {
		Map<String, JsonNode> en = flatten(JSON.readTree("""
				{"labels": {"OK": "Saved {{name}}", "GONE": "Gone", "EMPTY": "Empty", "BLANK_EN": "", "SUFFIX": "s",
				  "LOST": "{{count}} tasks of {{ user }}"}, "dateLocales": {"months": ["January", "February"]}}"""));
		Map<String, JsonNode> zh = flatten(JSON.readTree("""
				{"labels": {"OK": "已保存{{ name }}", "EMPTY": "", "BLANK_EN": "", "SUFFIX": " ", "LOST": "{{user}}的任务"},
				 "dateLocales": {"months": ["一月"]}}"""));
		Problems problems = compare(en, zh);
		assertThat(problems.untranslated()).containsExactly("labels.GONE", "labels.EMPTY", "dateLocales.months[1]");
		assertThat(problems.lostPlaceholders()).containsExactly("labels.LOST [count]");
	}

	record Problems(List<String> untranslated, List<String> lostPlaceholders) {
	}

	/**
	 * Keys of {@code english} with no non-empty Chinese text, and those whose Chinese text lost a placeholder.
	 * Whitespace counts as a text: Cockpit's plural suffix "s" rightly becomes " " in Chinese.
	 */
	static Problems compare(Map<String, JsonNode> english, Map<String, JsonNode> chinese) {
		List<String> untranslated = new ArrayList<>();
		List<String> lostPlaceholders = new ArrayList<>();
		english.forEach((key, en) -> {
			JsonNode zh = chinese.get(key);
			boolean englishEmpty = en.isTextual() && en.asText().isEmpty();
			if (zh == null || zh.isNull() || (!englishEmpty && zh.asText().isEmpty())) {
				untranslated.add(key);
				return;
			}
			Set<String> missing = placeholders(en.asText());
			missing.removeAll(placeholders(zh.asText()));
			if (!missing.isEmpty()) {
				lostPlaceholders.add(key + " " + missing);
			}
		});
		return new Problems(untranslated, lostPlaceholders);
	}

	/** The en.json inside Camunda's webjar, not any copy of ours that might shadow it on the classpath. */
	private static JsonNode bundledEnglish(String app) throws IOException {
		String name = WEBJAR_APP + app + "/locales/en.json";
		for (URL url : Collections.list(WebappTranslationsTest.class.getClassLoader().getResources(name))) {
			if (url.getProtocol().equals("jar") && url.getPath().contains("camunda-webapp-webjar")) {
				try (InputStream in = url.openStream()) {
					return JSON.readTree(in);
				}
			}
		}
		throw new AssertionError("no " + name + " from camunda-webapp-webjar on the test classpath");
	}

	/** {@code {"labels": {"A": "x"}, "dateLocales": {"months": ["…"]}}} → {@code labels.A}, {@code dateLocales.months[0]}. */
	static Map<String, JsonNode> flatten(JsonNode root) {
		Map<String, JsonNode> flat = new LinkedHashMap<>();
		flatten("", root, flat);
		return flat;
	}

	private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
		if (node.isObject()) {
			node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
					e.getValue(), flat));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + i + "]", node.get(i), flat);
			}
		}
		else {
			flat.put(prefix, node);
		}
	}

	static Set<String> placeholders(String text) {
		Set<String> names = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}
}

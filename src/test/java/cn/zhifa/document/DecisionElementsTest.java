package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * 行政处罚法 arts. 52 and 59, 行政强制法 art. 25(3) (issue 16 point 20): every element the statute requires of a
 * decision is in its template, as a required field or the template's own words ({@code document/decision-elements.yml},
 * the statutes' list kept as data). A template that loses one — e.g. the party's address made optional or dropped —
 * fails, naming the element and its article.
 */
class DecisionElementsTest {

	private final DocumentTemplates templates = new DocumentTemplates("templates");

	@Test
	@SuppressWarnings("unchecked")
	void everyDecisionTemplateStatesEveryElementItsStatuteRequires() throws IOException {
		Map<String, Object> data;
		try (InputStream in = getClass().getResourceAsStream("/document/decision-elements.yml")) {
			data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		Map<String, List<Map<String, Object>>> kinds = (Map<String, List<Map<String, Object>>>) data.get("kinds");
		assertThat(kinds).containsKeys("PENALTY_DECISION", "NO_PENALTY_DECISION", "SUMMARY_PENALTY_DECISION");
		List<String> missing = new ArrayList<>();
		for (var kind : kinds.entrySet()) {
			DocumentKind documentKind = templates.kinds().get(kind.getKey());
			assertThat(documentKind).as("document kind " + kind.getKey()).isNotNull();
			String text = text(templates.template(documentKind));
			for (Map<String, Object> element : kind.getValue()) {
				for (String field : (List<String>) element.getOrDefault("placeholders", List.of())) {
					if (!text.contains("${" + field + "}")) {
						missing.add(kind.getKey() + ": " + element.get("element") + "（" + element.get("article") + "）— no required field ${"
								+ field + "}" + (text.contains("${" + field + "?}") ? " (it is optional: ${" + field + "?})" : ""));
					}
				}
				for (String words : (List<String>) element.getOrDefault("texts", List.of())) {
					if (!text.contains(words)) {
						missing.add(kind.getKey() + ": " + element.get("element") + "（" + element.get("article") + "）— no \"" + words + "\"");
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/** The template's text, tables included. */
	static String text(byte[] template) throws IOException {
		try (XWPFDocument doc = DocxTemplateFillerTest.reopen(template); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}
}

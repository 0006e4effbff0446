package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The disclosure's texts for its codes (also shown on the public portal) are those of the one
 * dictionary, {@code templates/labels.yml}: the screens and the portal cannot drift apart.
 */
class DisclosureLabelsTest {

	@Test
	void disclosureTextsAreTheLabelsFileTexts() throws IOException {
		assertThat(DisclosureVariables.DECISION_TYPES).isEqualTo(labels("decisionType"));
		assertThat(DisclosureVariables.WITHHOLDING_REASONS).isEqualTo(labels("withholdingReason"));
		assertThat(DisclosureVariables.REVOCATION_KINDS).isEqualTo(labels("revocationKind"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> labels(String field) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("templates/labels.yml"))) {
			Map<String, Object> root = new Yaml().load(in);
			return ((Map<String, Map<String, String>>) root.get("fields")).get(field);
		}
	}
}

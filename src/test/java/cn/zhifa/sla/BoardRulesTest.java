package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** sla/board.yml: the shipped file parses; a kind inherits what it does not set; mistakes name the entry. */
class BoardRulesTest {

	@Test
	void shippedFile() throws IOException {
		BoardRules.Rules rules = BoardRules.parse(Files.readString(Path.of("sla/board.yml"), StandardCharsets.UTF_8),
				"sla/board.yml");
		assertThat(rules.defaults()).isEqualTo(new BoardRules.Thresholds(1, 20));
		assertThat(rules.of("legal-review")).isEqualTo(rules.defaults());
		assertThat(rules.indicator("reviewCompliance")).isNotEmpty();
	}

	@Test
	void kindInheritsDefaults() {
		BoardRules.Rules rules = BoardRules.parse("""
				default: {yellowWorkdaysLeft: 2, yellowPercentLeft: 25}
				byKind:
				  seizure: {yellowWorkdaysLeft: 3}
				""", "x.yml");
		assertThat(rules.of("seizure")).isEqualTo(new BoardRules.Thresholds(3, 25));
		assertThat(rules.of("other")).isEqualTo(new BoardRules.Thresholds(2, 25));
		assertThat(rules.indicator("untransferred")).isEmpty();
	}

	@Test
	void mistakesNameTheEntry() {
		assertThatThrownBy(() -> BoardRules.parse("byKind: {}", "x.yml")).hasMessageContaining("default");
		assertThatThrownBy(() -> BoardRules.parse("default: {yellowWorkdaysLeft: 1, yellowPercentLeft: 120}", "x.yml"))
			.hasMessageContaining("default.yellowPercentLeft");
		assertThatThrownBy(() -> BoardRules.parse("default: {yellowWorkdaysLeft: one, yellowPercentLeft: 20}", "x.yml"))
			.hasMessageContaining("default.yellowWorkdaysLeft");
		assertThatThrownBy(() -> BoardRules.parse("""
				default: {yellowWorkdaysLeft: 1, yellowPercentLeft: 20}
				indicators: {speed: []}
				""", "x.yml")).hasMessageContaining("speed");
	}
}

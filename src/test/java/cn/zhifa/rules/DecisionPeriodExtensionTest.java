package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;

/** dmn/decision-period-extension.dmn (行政处罚法 art. 60): the 90 days are extended once, by the head. */
class DecisionPeriodExtensionTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("decision-period-extension");

	@Test
	void theFirstExtensionMayBeApproved() {
		var evaluation = TABLE.evaluate(Map.of("extensionsGranted", 0));
		assertThat(evaluation.matchedRuleIds()).containsExactly("rule_firstExtension");
		assertThat(evaluation.single()).containsEntry("mayExtend", true);
	}

	@Test
	void aSecondExtensionMayNot() {
		for (int granted : new int[] { 1, 2 }) {
			var evaluation = TABLE.evaluate(Map.of("extensionsGranted", granted));
			assertThat(evaluation.matchedRuleIds()).containsExactly("rule_alreadyExtended");
			assertThat(evaluation.single()).containsEntry("mayExtend", false);
		}
	}

	@Test
	void everyRuleCitesArticle60() {
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("第六十条"));
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrder("rule_firstExtension", "rule_alreadyExtended");
	}
}

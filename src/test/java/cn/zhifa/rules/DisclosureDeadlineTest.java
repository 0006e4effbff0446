package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dmn/disclosure-deadline.dmn: one scenario per rule (R-DISC-3: 7 working days for 许可/处罚, 20 otherwise). */
class DisclosureDeadlineTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("disclosure-deadline");

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				Arguments.of("rule_permit", "PERMIT", 7),
				Arguments.of("rule_penalty", "PENALTY", 7),
				Arguments.of("rule_otherDecision", "COERCION", 20));
	}

	@ParameterizedTest(name = "{0}: {1} → {2} working days")
	@MethodSource("oneScenarioPerRule")
	void ruleGivesWorkingDays(String ruleId, String decisionType, int workingDays) {
		var evaluation = TABLE.evaluate(Map.of("decisionType", decisionType));

		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		assertThat(evaluation.single()).containsEntry("workingDays", workingDays);
		assertThat((String) evaluation.single().get("basis")).contains("个工作日");
	}

	@Test
	void everyRuleHasAScenarioAndCitesItsBasis() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrderElementsOf(
				oneScenarioPerRule().map(a -> (String) a.get()[0]).toList());
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("118号"));
	}

	@Test
	void otherDecisionTypesAndExpropriationGetTwentyDays() {
		assertThat(TABLE.evaluate(Map.of("decisionType", "EXPROPRIATION")).single()).containsEntry("workingDays", 20);
		assertThat(TABLE.evaluate(Map.of("decisionType", "OTHER")).single()).containsEntry("workingDays", 20);
	}
}

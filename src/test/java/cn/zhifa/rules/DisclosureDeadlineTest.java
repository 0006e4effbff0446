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
				Arguments.of("rule_permit", "PERMIT", 7, "P3Y"),
				Arguments.of("rule_penalty", "PENALTY", 7, "P1Y"),
				Arguments.of("rule_coercion", "COERCION", 20, "P6M"),
				Arguments.of("rule_expropriation", "EXPROPRIATION", 20, "P3Y"),
				Arguments.of("rule_otherDecision", "OTHER", 20, "P1Y"));
	}

	@ParameterizedTest(name = "{0}: {1} → {2} working days, public for {3}")
	@MethodSource("oneScenarioPerRule")
	void ruleGivesWorkingDaysAndPublicPeriod(String ruleId, String decisionType, int workingDays, String publicPeriod) {
		var evaluation = TABLE.evaluate(Map.of("decisionType", decisionType));

		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		assertThat(evaluation.single()).containsEntry("workingDays", workingDays).containsEntry("publicPeriod", publicPeriod);
		assertThat((String) evaluation.single().get("basis")).contains("个工作日");
		assertThat((String) evaluation.single().get("publicPeriodBasis")).isNotBlank();
	}

	/** Issue 16 point 14: how long a decision stays on the portal is data by decision kind, not 3 years for all. */
	@Test
	void publicPeriodIsDataByDecisionKind() {
		var periods = oneScenarioPerRule().map(a -> (String) a.get()[3]).map(java.time.Period::parse).distinct().toList();
		assertThat(periods).hasSizeGreaterThan(2);
		assertThat(TABLE.evaluate(Map.of("decisionType", "PENALTY")).single().get("publicPeriod"))
			.isNotEqualTo(TABLE.evaluate(Map.of("decisionType", "COERCION")).single().get("publicPeriod"));
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

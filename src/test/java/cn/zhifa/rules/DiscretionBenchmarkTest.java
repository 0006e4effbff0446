package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmn/discretion-benchmark.dmn (裁量基准 with 减免责清单, R-DISCR-1/2): one scenario per rule.
 * FIRST hit policy: the lenient rows come first, so each scenario also proves that no earlier row
 * shadows the rule it names.
 */
class DiscretionBenchmarkTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("discretion-benchmark");

	static Arguments scenario(String ruleId, String code, String circumstance, boolean firstOffence,
			boolean correctedPromptly, boolean harmCaused, String handling, double fineMin, double fineMax, String unit) {
		return Arguments.of(ruleId, Map.of("violationCode", code, "circumstance", circumstance, "firstOffence",
				firstOffence, "correctedPromptly", correctedPromptly, "harmCaused", harmCaused), handling, fineMin,
				fineMax, unit);
	}

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				// 减免责清单
				scenario("rule_minorNoPenalty", "MR-EXPIRED-FOOD", "MINOR", false, true, false, "NO_PENALTY", 0, 0, "YUAN"),
				scenario("rule_firstOffenceNoPenalty", "CM-OCCUPY-ROAD", "MINOR", true, true, true, "NO_PENALTY", 0, 0, "YUAN"),
				// 占道经营
				scenario("rule_occupyRoadMinor", "CM-OCCUPY-ROAD", "MINOR", false, true, true, "LIGHTER", 0, 2000, "YUAN"),
				scenario("rule_occupyRoadOrdinary", "CM-OCCUPY-ROAD", "ORDINARY", true, true, false, "STANDARD", 2000, 8000, "YUAN"),
				scenario("rule_occupyRoadSerious", "CM-OCCUPY-ROAD", "SERIOUS", false, false, true, "HEAVIER", 8000, 15000, "YUAN"),
				scenario("rule_occupyRoadVerySerious", "CM-OCCUPY-ROAD", "VERY_SERIOUS", false, false, true, "HEAVIER", 15000, 20000, "YUAN"),
				// 违法建设: percentages of the construction cost
				scenario("rule_illegalBuildMitigated", "CM-ILLEGAL-BUILD", "MINOR", true, true, true, "MITIGATED", 3, 5, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildMinor", "CM-ILLEGAL-BUILD", "MINOR", false, false, true, "LIGHTER", 5, 6, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildOrdinary", "CM-ILLEGAL-BUILD", "ORDINARY", false, false, true, "STANDARD", 6, 8, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildSerious", "CM-ILLEGAL-BUILD", "SERIOUS", false, false, true, "HEAVIER", 8, 10, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildVerySerious", "CM-ILLEGAL-BUILD", "VERY_SERIOUS", false, false, true, "HEAVIER", 0, 10, "PERCENT_OF_COST"),
				// 乱倒垃圾 (individual)
				scenario("rule_dumpWasteMitigated", "CM-DUMP-WASTE", "MINOR", false, true, true, "MITIGATED", 50, 100, "YUAN"),
				scenario("rule_dumpWasteMinor", "CM-DUMP-WASTE", "MINOR", true, false, true, "LIGHTER", 100, 200, "YUAN"),
				scenario("rule_dumpWasteOrdinary", "CM-DUMP-WASTE", "ORDINARY", false, false, true, "STANDARD", 200, 350, "YUAN"),
				scenario("rule_dumpWasteSerious", "CM-DUMP-WASTE", "SERIOUS", false, false, true, "HEAVIER", 350, 450, "YUAN"),
				scenario("rule_dumpWasteVerySerious", "CM-DUMP-WASTE", "VERY_SERIOUS", false, false, true, "HEAVIER", 450, 500, "YUAN"),
				// 无照经营
				scenario("rule_unlicensedMinor", "MR-UNLICENSED", "MINOR", false, false, false, "LIGHTER", 0, 2000, "YUAN"),
				scenario("rule_unlicensedOrdinary", "MR-UNLICENSED", "ORDINARY", false, false, true, "STANDARD", 2000, 5000, "YUAN"),
				scenario("rule_unlicensedSerious", "MR-UNLICENSED", "SERIOUS", false, false, true, "HEAVIER", 5000, 8000, "YUAN"),
				scenario("rule_unlicensedVerySerious", "MR-UNLICENSED", "VERY_SERIOUS", false, false, true, "HEAVIER", 8000, 10000, "YUAN"),
				// 销售过期食品: first offence is not on the lenient list
				scenario("rule_expiredFoodMitigated", "MR-EXPIRED-FOOD", "MINOR", true, true, true, "MITIGATED", 25000, 50000, "YUAN"),
				scenario("rule_expiredFoodMinor", "MR-EXPIRED-FOOD", "MINOR", false, false, true, "LIGHTER", 50000, 60000, "YUAN"),
				scenario("rule_expiredFoodOrdinary", "MR-EXPIRED-FOOD", "ORDINARY", false, false, true, "STANDARD", 60000, 80000, "YUAN"),
				scenario("rule_expiredFoodSerious", "MR-EXPIRED-FOOD", "SERIOUS", false, false, true, "HEAVIER", 80000, 100000, "YUAN"),
				scenario("rule_expiredFoodVerySerious", "MR-EXPIRED-FOOD", "VERY_SERIOUS", false, false, true, "HEAVIER", 100000, 100000, "YUAN"),
				// 不按规定明码标价
				scenario("rule_priceTagMinor", "MR-PRICE-TAG", "MINOR", false, false, true, "LIGHTER", 0, 500, "YUAN"),
				scenario("rule_priceTagOrdinary", "MR-PRICE-TAG", "ORDINARY", false, false, true, "STANDARD", 500, 2000, "YUAN"),
				scenario("rule_priceTagSerious", "MR-PRICE-TAG", "SERIOUS", false, false, true, "HEAVIER", 2000, 4000, "YUAN"),
				scenario("rule_priceTagVerySerious", "MR-PRICE-TAG", "VERY_SERIOUS", false, false, true, "HEAVIER", 4000, 5000, "YUAN"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneScenarioPerRule")
	void ruleGivesTheBenchmark(String ruleId, Map<String, Object> facts, String handling, double fineMin, double fineMax,
			String unit) {
		var evaluation = TABLE.evaluate(facts);

		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		Map<String, Object> row = evaluation.single();
		assertThat(row).containsEntry("handling", handling).containsEntry("fineMin", fineMin)
			.containsEntry("fineMax", fineMax).containsEntry("fineUnit", unit);
		assertThat((String) row.get("penaltyKinds")).isNotBlank();
		assertThat((String) row.get("basis")).contains("《");
	}

	@Test
	void everyRuleHasAScenarioCitesItsBasisAndMarksSampleAmounts() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrderElementsOf(
				oneScenarioPerRule().map(a -> (String) a.get()[0]).toList());
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent())
			.contains("《").containsAnyOf("R-DISCR-1", "R-DISCR-2"));
		assertThat(TABLE.rules()).filteredOn(rule -> !rule.getId().endsWith("NoPenalty"))
			.allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("示例数据"));
	}

	@Test
	void everyFineRangeIsOrdered() {
		oneScenarioPerRule().forEach(a -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> row = TABLE.evaluate((Map<String, Object>) a.get()[1]).single();
			assertThat((Double) row.get("fineMin")).isLessThanOrEqualTo((Double) row.get("fineMax"));
		});
	}

	@Test
	void unknownViolationCodeHasNoBenchmark() {
		var evaluation = TABLE.evaluate(Map.of("violationCode", "XX-UNKNOWN", "circumstance", "ORDINARY",
				"firstOffence", false, "correctedPromptly", false, "harmCaused", true));
		assertThat(evaluation.result().getResultList()).isEmpty();
	}
}

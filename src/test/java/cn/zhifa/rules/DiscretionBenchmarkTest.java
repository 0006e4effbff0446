package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
		return scenario(ruleId, code, "PERSON", circumstance, firstOffence, correctedPromptly, harmCaused, Map.of(),
				handling, fineMin, fineMax, unit);
	}

	/** A scenario with the party type and the branch facts (拒不改正, 货值金额, 第一百三十六条) it needs. */
	static Arguments scenario(String ruleId, String code, String partyType, String circumstance, boolean firstOffence,
			boolean correctedPromptly, boolean harmCaused, Map<String, Object> branch, String handling, double fineMin,
			double fineMax, String unit) {
		Map<String, Object> facts = new HashMap<>(Map.of("violationCode", code, "partyType", partyType, "circumstance",
				circumstance, "firstOffence", firstOffence, "correctedPromptly", correctedPromptly, "harmCaused",
				harmCaused, "refusedToCorrect", false, "lawfulSourceShown", false));
		facts.put("goodsValue", null);
		facts.putAll(branch);
		return Arguments.of(ruleId, facts, handling, fineMin, fineMax, unit);
	}

	static final Map<String, Object> REFUSED = Map.of("refusedToCorrect", true);
	static final Map<String, Object> HIGH_VALUE = Map.of("goodsValue", 25000.0);

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				// 减免责清单
				scenario("rule_minorNoPenalty", "MR-EXPIRED-FOOD", "MINOR", false, true, false, "NO_PENALTY", 0, 0, "YUAN"),
				scenario("rule_firstOffenceNoPenalty", "CM-OCCUPY-ROAD", "MINOR", true, true, true, "NO_PENALTY", 0, 0, "YUAN"),
				scenario("rule_expiredFoodExemptNoPenalty", "MR-EXPIRED-FOOD", "ORG", "SERIOUS", false, false, true,
						Map.of("lawfulSourceShown", true), "NO_PENALTY", 0, 0, "YUAN"),
				// 占道经营: street vendors (persons) and shops (organisations)
				scenario("rule_occupyRoadPersonMinor", "CM-OCCUPY-ROAD", "MINOR", false, true, true, "LIGHTER", 0, 200, "YUAN"),
				scenario("rule_occupyRoadPersonOrdinary", "CM-OCCUPY-ROAD", "ORDINARY", true, true, false, "STANDARD", 200, 1000, "YUAN"),
				scenario("rule_occupyRoadPersonSerious", "CM-OCCUPY-ROAD", "SERIOUS", false, false, true, "HEAVIER", 1000, 5000, "YUAN"),
				scenario("rule_occupyRoadPersonVerySerious", "CM-OCCUPY-ROAD", "VERY_SERIOUS", false, false, true, "HEAVIER", 5000, 20000, "YUAN"),
				scenario("rule_occupyRoadMinor", "CM-OCCUPY-ROAD", "ORG", "MINOR", false, true, true, Map.of(), "LIGHTER", 0, 2000, "YUAN"),
				scenario("rule_occupyRoadOrdinary", "CM-OCCUPY-ROAD", "ORG", "ORDINARY", true, true, false, Map.of(), "STANDARD", 2000, 8000, "YUAN"),
				scenario("rule_occupyRoadSerious", "CM-OCCUPY-ROAD", "ORG", "SERIOUS", false, false, true, Map.of(), "HEAVIER", 8000, 15000, "YUAN"),
				scenario("rule_occupyRoadVerySerious", "CM-OCCUPY-ROAD", "ORG", "VERY_SERIOUS", false, false, true, Map.of(), "HEAVIER", 15000, 20000, "YUAN"),
				// 违法建设: percentages of the construction cost (城乡规划法 art. 64); township: no fine (art. 65)
				scenario("rule_illegalBuildMitigated", "CM-ILLEGAL-BUILD", "MINOR", true, true, true, "MITIGATED", 3, 5, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildMinor", "CM-ILLEGAL-BUILD", "MINOR", false, false, true, "LIGHTER", 5, 6, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildOrdinary", "CM-ILLEGAL-BUILD", "ORDINARY", false, false, true, "STANDARD", 6, 8, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildSerious", "CM-ILLEGAL-BUILD", "SERIOUS", false, false, true, "HEAVIER", 8, 10, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildVerySerious", "CM-ILLEGAL-BUILD", "VERY_SERIOUS", false, false, true, "HEAVIER", 0, 10, "PERCENT_OF_COST"),
				scenario("rule_illegalBuildRural", "CM-ILLEGAL-BUILD-RURAL", "VERY_SERIOUS", false, false, true, "STANDARD", 0, 0, "YUAN"),
				// 乱倒垃圾: persons 100–500, organisations 5万–50万 (固废法 art. 111)
				scenario("rule_dumpWasteMitigated", "CM-DUMP-WASTE", "MINOR", false, true, true, "MITIGATED", 50, 100, "YUAN"),
				scenario("rule_dumpWasteMinor", "CM-DUMP-WASTE", "MINOR", true, false, true, "LIGHTER", 100, 200, "YUAN"),
				scenario("rule_dumpWasteOrdinary", "CM-DUMP-WASTE", "ORDINARY", false, false, true, "STANDARD", 200, 350, "YUAN"),
				scenario("rule_dumpWasteSerious", "CM-DUMP-WASTE", "SERIOUS", false, false, true, "HEAVIER", 350, 450, "YUAN"),
				scenario("rule_dumpWasteVerySerious", "CM-DUMP-WASTE", "VERY_SERIOUS", false, false, true, "HEAVIER", 450, 500, "YUAN"),
				scenario("rule_dumpWasteOrgMitigated", "CM-DUMP-WASTE", "ORG", "MINOR", false, true, true, Map.of(), "MITIGATED", 20000, 50000, "YUAN"),
				scenario("rule_dumpWasteOrgMinor", "CM-DUMP-WASTE", "ORG", "MINOR", true, false, true, Map.of(), "LIGHTER", 50000, 100000, "YUAN"),
				scenario("rule_dumpWasteOrgOrdinary", "CM-DUMP-WASTE", "ORG", "ORDINARY", false, false, true, Map.of(), "STANDARD", 100000, 250000, "YUAN"),
				scenario("rule_dumpWasteOrgSerious", "CM-DUMP-WASTE", "ORG", "SERIOUS", false, false, true, Map.of(), "HEAVIER", 250000, 400000, "YUAN"),
				scenario("rule_dumpWasteOrgVerySerious", "CM-DUMP-WASTE", "ORG", "VERY_SERIOUS", false, false, true, Map.of(), "HEAVIER", 400000, 500000, "YUAN"),
				// 无照经营: a fine only after refusal to correct (市场主体登记管理条例 art. 43)
				scenario("rule_unlicensedVerySerious", "MR-UNLICENSED", "VERY_SERIOUS", false, false, true, "HEAVIER", 100000, 500000, "YUAN"),
				scenario("rule_unlicensedMinor", "MR-UNLICENSED", "PERSON", "MINOR", false, false, false, REFUSED, "LIGHTER", 10000, 30000, "YUAN"),
				scenario("rule_unlicensedOrdinary", "MR-UNLICENSED", "PERSON", "ORDINARY", false, false, true, REFUSED, "STANDARD", 30000, 60000, "YUAN"),
				scenario("rule_unlicensedSerious", "MR-UNLICENSED", "ORG", "SERIOUS", false, false, true, REFUSED, "HEAVIER", 60000, 100000, "YUAN"),
				scenario("rule_unlicensedOrderToCorrect", "MR-UNLICENSED", "SERIOUS", false, false, true, "STANDARD", 0, 0, "YUAN"),
				// 销售过期食品: first offence is not on the lenient list; ≥ 1万 goods value: 10–20 times
				scenario("rule_expiredFoodHighValueMitigated", "MR-EXPIRED-FOOD", "ORG", "MINOR", true, true, true, HIGH_VALUE, "MITIGATED", 5, 10, "TIMES_GOODS_VALUE"),
				scenario("rule_expiredFoodHighValueMinor", "MR-EXPIRED-FOOD", "ORG", "MINOR", false, false, true, HIGH_VALUE, "LIGHTER", 10, 12, "TIMES_GOODS_VALUE"),
				scenario("rule_expiredFoodHighValueOrdinary", "MR-EXPIRED-FOOD", "ORG", "ORDINARY", false, false, true, HIGH_VALUE, "STANDARD", 12, 15, "TIMES_GOODS_VALUE"),
				scenario("rule_expiredFoodHighValueSerious", "MR-EXPIRED-FOOD", "ORG", "SERIOUS", false, false, true, HIGH_VALUE, "HEAVIER", 15, 18, "TIMES_GOODS_VALUE"),
				scenario("rule_expiredFoodHighValueVerySerious", "MR-EXPIRED-FOOD", "ORG", "VERY_SERIOUS", false, false, true, HIGH_VALUE, "HEAVIER", 18, 20, "TIMES_GOODS_VALUE"),
				scenario("rule_expiredFoodMitigated", "MR-EXPIRED-FOOD", "MINOR", true, true, true, "MITIGATED", 25000, 50000, "YUAN"),
				scenario("rule_expiredFoodMinor", "MR-EXPIRED-FOOD", "MINOR", false, false, true, "LIGHTER", 50000, 60000, "YUAN"),
				scenario("rule_expiredFoodOrdinary", "MR-EXPIRED-FOOD", "ORG", "ORDINARY", false, false, true, Map.of("goodsValue", 9999.0), "STANDARD", 60000, 80000, "YUAN"),
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

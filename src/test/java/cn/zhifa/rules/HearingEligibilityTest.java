package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmn/hearing-eligibility.dmn (行政处罚法 art. 63, issue 16 §10): the party is told of a right to a hearing
 * exactly when the proposed penalty is one the article lists; the amounts are data, at their thresholds.
 */
class HearingEligibilityTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("hearing-eligibility");

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				Arguments.of("rule_suspension", facts("ORG", 0, 0, "ordersSuspension")),
				Arguments.of("rule_occupation", facts("PERSON", 0, 0, "restrictsOccupation")),
				Arguments.of("rule_licence", facts("ORG", 0, 0, "revokesLicence")),
				Arguments.of("rule_downgrade", facts("ORG", 0, 0, "downgradesQualification")),
				Arguments.of("rule_finePerson", facts("PERSON", 10000, 0, null)),
				Arguments.of("rule_fineOrg", facts("ORG", 100000, 0, null)),
				Arguments.of("rule_confiscationPerson", facts("PERSON", 0, 10000, null)),
				Arguments.of("rule_confiscationOrg", facts("ORG", 0, 100000, null)));
	}

	static Stream<Arguments> everyRule() {
		return Stream.concat(oneScenarioPerRule(), Stream.of(Arguments.of("rule_otherwise", Map.of())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneScenarioPerRule")
	void eachGroundOfArticle63GivesTheRight(String ruleId, Map<String, Object> facts) {
		var evaluation = TABLE.evaluate(facts);
		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		assertThat(evaluation.single()).containsEntry("eligible", true);
		assertThat((String) evaluation.single().get("ground")).contains("第六十三条");
		assertThat((String) evaluation.single().get("notice")).contains("有权要求听证")
			.contains("五个工作日内提出听证申请").contains("第八十五条");
	}

	@Test
	void belowTheThresholdsAndWithoutTheListedKindsThereIsNoRight() {
		var below = TABLE.evaluate(facts("PERSON", 9999.99, 9999.99, null));
		assertThat(below.matchedRuleIds()).containsExactly("rule_otherwise");
		assertThat(below.single()).containsEntry("eligible", false);
		assertThat((String) below.single().get("notice")).contains("不属于").doesNotContain("有权要求听证");
		assertThat(TABLE.evaluate(facts("ORG", 99999.99, 0, null)).matchedRuleIds()).containsExactly("rule_otherwise");
		// a person's threshold is not an organisation's
		assertThat(TABLE.evaluate(facts("ORG", 10000, 10000, null)).matchedRuleIds()).containsExactly("rule_otherwise");
		// nothing proposed yet (no fine, no flags): no right, no error
		Map<String, Object> empty = new HashMap<>();
		empty.put("partyType", "PERSON");
		for (String v : List.of("fineAmount", "confiscationValue", "revokesLicence", "downgradesQualification",
				"ordersSuspension", "restrictsOccupation")) {
			empty.put(v, null);
		}
		assertThat(TABLE.evaluate(empty).matchedRuleIds()).containsExactly("rule_otherwise");
	}

	@Test
	void everyRuleHasAScenarioAndCitesArticle63() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrderElementsOf(everyRule().map(a -> (String) a.get()[0]).toList());
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("第六十三条"));
	}

	private static Map<String, Object> facts(String partyType, double fine, double confiscation, String flag) {
		Map<String, Object> facts = new HashMap<>();
		facts.put("partyType", partyType);
		facts.put("fineAmount", fine);
		facts.put("confiscationValue", confiscation);
		for (String f : List.of("revokesLicence", "downgradesQualification", "ordersSuspension", "restrictsOccupation")) {
			facts.put(f, f.equals(flag));
		}
		return facts;
	}
}

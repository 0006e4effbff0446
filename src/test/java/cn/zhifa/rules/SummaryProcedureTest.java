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
 * dmn/summary-procedure.dmn (行政处罚法 art. 51): the cap is checked on the kind and the amount — at
 * registration (kind FINE, the fine typed) and again on what is decided on the spot (issue 16 point 8).
 */
class SummaryProcedureTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("summary-procedure");

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				Arguments.of("rule_warning", "WARNING", "ORG", 0.0, true),
				Arguments.of("rule_warning", "WARNING", "PERSON", 0.0, true),
				Arguments.of("rule_person", "FINE", "PERSON", 200.0, true),
				Arguments.of("rule_org", "FINE", "ORG", 3000.0, true),
				Arguments.of("rule_otherwise", "FINE", "PERSON", 200.01, false),
				Arguments.of("rule_otherwise", "FINE", "PERSON", 5000.0, false),
				Arguments.of("rule_otherwise", "FINE", "ORG", 3000.5, false),
				// a warning does not carry a fine on the spot; any other kind (confiscation, suspension) is not summary
				Arguments.of("rule_otherwise", "WARNING", "PERSON", 100.0, false),
				Arguments.of("rule_otherwise", "CONFISCATION", "PERSON", 0.0, false));
	}

	@ParameterizedTest(name = "{1} {2} {3} → {4} ({0})")
	@MethodSource("oneScenarioPerRule")
	void theDecidedKindAndAmountAreWithinTheCap(String ruleId, String kind, String partyType, double fine,
			boolean eligible) {
		var evaluation = TABLE.evaluate(Map.of("summaryPenaltyKind", kind, "partyType", partyType, "proposedFine", fine));

		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		assertThat(evaluation.single()).containsEntry("eligible", eligible);
		assertThat((String) evaluation.single().get("basis")).contains("第五十一条");
	}

	@Test
	void everyRuleHasAScenarioAndCitesArticle51() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrderElementsOf(
				oneScenarioPerRule().map(a -> (String) a.get()[0]).distinct().toList());
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("第五十一条"));
	}
}

package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dmn/late-payment-surcharge.dmn (行政处罚法 art. 72(1)(一)): 3 % of the fine a day overdue, never more than the
 * fine itself.
 */
class LatePaymentSurchargeTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("late-payment-surcharge");

	@ParameterizedTest(name = "{0} 元, {1} 日 → {2} 元 ({3})")
	@CsvSource({ "1000, 0, 0, rule_notOverdue", "1000, 1, 30, rule_overdue", "1000, 10, 300, rule_overdue",
			"800, 7, 168, rule_overdue", "1000, 33, 990, rule_overdue", "1000, 34, 1000, rule_overdue",
			"1000, 400, 1000, rule_overdue", "333.33, 1, 10, rule_overdue" })
	void threePercentADayCappedAtTheFine(double fine, double days, double surcharge, String rule) {
		var evaluation = TABLE.evaluate(Map.of("fineAmount", fine, "overdueDays", days));
		assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
		assertThat(((Number) evaluation.single().get("surchargeAmount")).doubleValue()).isEqualTo(surcharge);
		assertThat((String) evaluation.single().get("basis")).contains("第七十二条");
	}

	@Test
	void everyRuleCitesArticle72() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrder("rule_notOverdue", "rule_overdue");
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("第七十二条"));
	}
}

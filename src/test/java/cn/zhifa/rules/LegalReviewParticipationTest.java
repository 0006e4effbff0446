package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;

/**
 * dmn/legal-review-participation.dmn (R-REV-8, seed 000): public lawyers and legal advisers may take part in a legal
 * review; where an agency's own plan says they shall (寥廓街道's 实施方案 四（一）), its row makes their part
 * compulsory, with the basis the reviewer is shown.
 */
class LegalReviewParticipationTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("legal-review-participation");

	@Test
	void theStreetOfficesPlanMakesTheCounselsPartCompulsory() {
		var liaokuo = TABLE.evaluate(Map.of("agencyCode", "LIAOKUO"));
		assertThat(liaokuo.matchedRuleIds()).containsExactly("rule_liaokuo");
		assertThat(liaokuo.single()).containsEntry("counselRequired", true);
		assertThat((String) liaokuo.single().get("counselBasis")).contains("寥廓街道", "应当组织公职律师或者法律顾问参与");
	}

	@Test
	void elsewhereTheCounselMayTakePart() {
		var other = TABLE.evaluate(Map.of("agencyCode", "QLSCJ"));
		assertThat(other.matchedRuleIds()).containsExactly("rule_otherwise");
		assertThat(other.single()).containsEntry("counselRequired", false);
		assertThat((String) other.single().get("counselBasis")).contains("可以参与");
	}

	@Test
	void everyRuleStatesItsBasisAndTheLastRowCatchesTheRest() {
		assertThat(TABLE.ruleIds()).containsExactly("rule_liaokuo", "rule_otherwise");
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).containsPattern("实施方案|国办发"));
	}
}

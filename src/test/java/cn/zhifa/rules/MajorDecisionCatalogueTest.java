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
 * dmn/major-decision-catalogue.dmn (R-REV-2): one scenario per rule, each starting from an ordinary
 * case that hits no rule and adding the one fact the rule is about; COLLECT gathers every reason.
 */
class MajorDecisionCatalogueTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("major-decision-catalogue");

	/** An ordinary penalty on a person: small fine, no aggravating fact — not a major decision. */
	static Map<String, Object> ordinaryCase() {
		Map<String, Object> v = new HashMap<>();
		v.put("decisionType", "PENALTY");
		v.put("partyType", "PERSON");
		v.put("fineAmount", 500);
		v.put("confiscationValue", 0);
		v.put("revokesLicence", false);
		v.put("ordersSuspension", false);
		v.put("coercionKind", null);
		v.put("hearingHeld", false);
		v.put("publicInterest", false);
		v.put("socialRisk", false);
		v.put("complexCase", false);
		v.put("downgradesQualification", false);
		v.put("restrictsOccupation", false);
		v.put("seizureValue", null);
		v.put("permitAction", null);
		v.put("requiredByLaw", false);
		return v;
	}

	static Map<String, Object> with(Object... keyValues) {
		Map<String, Object> v = ordinaryCase();
		for (int i = 0; i < keyValues.length; i += 2) {
			v.put((String) keyValues[i], keyValues[i + 1]);
		}
		return v;
	}

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				Arguments.of("rule_publicInterest", with("publicInterest", true), "涉及重大公共利益"),
				Arguments.of("rule_socialRisk", with("socialRisk", true), "社会风险"),
				Arguments.of("rule_revokesLicence", with("revokesLicence", true), "吊销"),
				Arguments.of("rule_ordersSuspension", with("ordersSuspension", true), "责令停产停业"),
				Arguments.of("rule_forcedDemolition", with("decisionType", "COERCION", "fineAmount", null,
						"coercionKind", "FORCED_DEMOLITION"), "强制拆除"),
				Arguments.of("rule_freezeFunds", with("decisionType", "COERCION", "fineAmount", null,
						"coercionKind", "FREEZE"), "冻结"),
				Arguments.of("rule_hearingHeld", with("hearingHeld", true), "听证"),
				Arguments.of("rule_complexCase", with("complexCase", true), "疑难复杂"),
				Arguments.of("rule_largeAmountPerson", with("fineAmount", 10000), "较大数额罚没（公民）"),
				Arguments.of("rule_largeAmountOrganisation", with("partyType", "ORG", "fineAmount", 100000),
						"较大数额罚没（法人或其他组织）"),
				Arguments.of("rule_downgradesQualification", with("downgradesQualification", true), "降低资质等级"),
				Arguments.of("rule_restrictsOccupation", with("restrictsOccupation", true), "限制从业"),
				Arguments.of("rule_largeValueSeizure", with("decisionType", "COERCION", "fineAmount", null,
						"coercionKind", "SEIZURE", "seizureValue", 150000), "查封扣押较大价值财物"),
				Arguments.of("rule_coerciveExecution", with("decisionType", "COERCION", "fineAmount", null,
						"coercionKind", "FORCED_EXECUTION"), "行政强制执行"),
				Arguments.of("rule_permitRefusedOrRevoked", with("decisionType", "PERMIT", "fineAmount", null,
						"permitAction", "REVOKE"), "撤销或撤回许可"),
				Arguments.of("rule_requiredByLaw", with("requiredByLaw", true), "法律、法规规定"),
				Arguments.of("rule_expropriation", with("decisionType", "EXPROPRIATION", "fineAmount", null), "征收征用"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneScenarioPerRule")
	void ruleMakesTheDecisionMajor(String ruleId, Map<String, Object> facts, String catalogueItemMentions) {
		var evaluation = TABLE.evaluate(facts);

		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		Map<String, Object> row = evaluation.single();
		assertThat(row).containsEntry("isMajor", true);
		assertThat((String) row.get("catalogueItem")).contains(catalogueItemMentions);
		assertThat((String) row.get("reason")).isNotBlank();
	}

	@Test
	void everyRuleHasAScenarioAndCitesItsLegalBasis() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrderElementsOf(
				oneScenarioPerRule().map(a -> (String) a.get()[0]).toList());
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent())
			.containsAnyOf("《行政处罚法》", "118号").contains("R-REV-2"));
	}

	@Test
	void ordinaryCaseIsNotMajor() {
		assertThat(TABLE.evaluate(ordinaryCase()).result().getResultList()).isEmpty();
	}

	/** Issue 16 point 18: "large amount" is judged on the total of fines and confiscations, not on each alone. */
	@Test
	void largeAmountIsTheTotalOfFineAndConfiscation() {
		assertThat(TABLE.evaluate(with("fineAmount", 6000, "confiscationValue", 4000)).matchedRuleIds())
			.containsExactly("rule_largeAmountPerson");
		assertThat(TABLE.evaluate(with("partyType", "ORG", "fineAmount", 60000, "confiscationValue", 45000.5))
			.matchedRuleIds()).containsExactly("rule_largeAmountOrganisation");
		assertThat(TABLE.evaluate(with("fineAmount", 6000, "confiscationValue", 3999)).matchedRuleIds()).isEmpty();
		// a confiscation alone counts, and a missing fine counts as none
		assertThat(TABLE.evaluate(with("fineAmount", null, "confiscationValue", 12000.5)).matchedRuleIds())
			.containsExactly("rule_largeAmountPerson");
	}

	@Test
	void smallSeizuresAndGrantedPermitsAreNotMajorByThemselves() {
		assertThat(TABLE.evaluate(with("decisionType", "COERCION", "fineAmount", null, "coercionKind", "SEIZURE",
				"seizureValue", 99999)).matchedRuleIds()).isEmpty();
		assertThat(TABLE.evaluate(with("decisionType", "PERMIT", "fineAmount", null, "permitAction", "GRANT"))
			.matchedRuleIds()).isEmpty();
	}

	@Test
	void amountsJustBelowTheSampleThresholdsAreNotMajor() {
		assertThat(TABLE.evaluate(with("fineAmount", 9999.99)).matchedRuleIds()).isEmpty();
		assertThat(TABLE.evaluate(with("partyType", "ORG", "fineAmount", 99999)).matchedRuleIds()).isEmpty();
		// an organisation's 10,000 yuan fine is not "large" by the organisation threshold
		assertThat(TABLE.evaluate(with("partyType", "ORG", "fineAmount", 10000)).matchedRuleIds()).isEmpty();
	}

	@Test
	void collectsEveryReasonOfACaseMajorForSeveralReasons() {
		var evaluation = TABLE.evaluate(with("hearingHeld", true, "ordersSuspension", true, "fineAmount", 50000));

		assertThat(evaluation.matchedRuleIds()).containsExactly("rule_ordersSuspension", "rule_hearingHeld",
				"rule_largeAmountPerson");
		List<Object> items = evaluation.result().collectEntries("catalogueItem");
		assertThat(items).hasSize(3);
		assertThat(evaluation.result().collectEntries("isMajor")).containsOnly(true);
	}
}

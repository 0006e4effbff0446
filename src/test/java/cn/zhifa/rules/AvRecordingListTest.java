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

/** dmn/av-recording-list.dmn (音像记录事项清单, R-REC-2): one scenario per rule. */
class AvRecordingListTest {

	static final DecisionTableHarness TABLE = DecisionTableHarness.load("av-recording-list");

	static Stream<Arguments> oneScenarioPerRule() {
		return Stream.of(
				Arguments.of("rule_seizure", "SEIZURE", "FULL"),
				Arguments.of("rule_forcedDemolition", "FORCED_DEMOLITION", "FULL"),
				Arguments.of("rule_restrictLiberty", "RESTRICT_LIBERTY", "FULL"),
				Arguments.of("rule_onSiteInspection", "ON_SITE_INSPECTION", "AS_NEEDED"),
				Arguments.of("rule_randomInspection", "RANDOM_INSPECTION", "AS_NEEDED"),
				Arguments.of("rule_evidenceCollection", "EVIDENCE_COLLECTION", "AS_NEEDED"),
				// seed 000: 证据先行登记保存 needs full recording
				Arguments.of("rule_evidencePreservation", "EVIDENCE_PRESERVATION", "FULL"),
				Arguments.of("rule_hearing", "HEARING", "AS_NEEDED"),
				Arguments.of("rule_leftService", "LEFT_SERVICE", "AS_NEEDED"),
				Arguments.of("rule_publicNoticeService", "PUBLIC_NOTICE_SERVICE", "AS_NEEDED"),
				Arguments.of("rule_summaryPenalty", "SUMMARY_PENALTY", "AS_NEEDED"),
				Arguments.of("rule_documentReview", "DOCUMENT_REVIEW", "NONE"),
				Arguments.of("rule_otherAction", "SOMETHING_NOT_LISTED", "AS_NEEDED"));
	}

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@MethodSource("oneScenarioPerRule")
	void ruleGivesAvRequirement(String ruleId, String actionKind, String avRequirement) {
		var evaluation = TABLE.evaluate(Map.of("actionKind", actionKind));

		assertThat(evaluation.matchedRuleIds()).containsExactly(ruleId);
		assertThat(evaluation.single()).containsEntry("avRequirement", avRequirement);
	}

	@Test
	void everyRuleHasAScenarioAndCitesItsBasis() {
		assertThat(TABLE.ruleIds()).containsExactlyInAnyOrderElementsOf(
				oneScenarioPerRule().map(a -> (String) a.get()[0]).toList());
		assertThat(TABLE.table().getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(TABLE.rules()).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent())
			.contains("118号").contains("R-REC"));
	}

	@Test
	void missingActionKindFallsBackToAsNeeded() {
		Map<String, Object> noKind = new HashMap<>();
		noKind.put("actionKind", null);
		assertThat(TABLE.evaluate(noKind).single()).containsEntry("avRequirement", "AS_NEEDED");
	}
}

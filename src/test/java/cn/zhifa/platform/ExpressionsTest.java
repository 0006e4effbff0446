package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionsTest {

	@ParameterizedTest
	@ValueSource(strings = { "${agencyCode}", "${agencyCode}-head", "${!isMajor}", "${reviewOutcome == 'NEEDS_CORRECTION'}",
			"${partyIsOfficial && decisionKind == 'PENALTY'}", "${discretion.fineMin}", "${disclosureDeadlineRule['workingDays']}",
			"${execution.getVariable('headRuling') != null}", "${deadlines.limit('FILING_APPROVAL', discoveredOn)}",
			"${deadlines.workdaysBefore(deadlines.limit('FILING_APPROVAL', discoveredOn), 2)}",
			"${decisionKind == 'PENALTY' ? 'PENALTY_DECISION' : 'NO_PENALTY_DECISION'}", "${a + 1 > b * 2 and not empty c}",
			"#{x}", "${list[0]}", "${x eq \"}\"}" })
	void accepts(String text) {
		assertThat(Expressions.check(text).problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${identityService.createMembership('reviewer2','camunda-admin')}",
			"${execution.processEngineServices.identityService}", "${execution.getProcessEngine()}",
			"${execution.setVariable('legalReviewResult', 'PASSED')}", "${agencyCode.class.forName('java.lang.Runtime')}",
			"${agencyCode['class']}", "${agencyCode.getBytes()}", "${now()}", "${fn:foo(1)}", "${x = 1}", "${x -> x}",
			"${deadlines.limit(key, discoveredOn).time}", "${deadlines.exit(1)}", "${task.delegate}", "${caseStage}",
			"${''.getClass()}", "${(x).y}", "${a; b}", "${unterminated", "${x[y]}", "${S(x).prop('a')}",
			"${deadlines.limit('A')}" })
	void refuses(String text) {
		assertThat(Expressions.check(text).problems()).as(text).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${currentUser()}", "${currentUserGroups()}", "${now()}", "${dateTime().plusDays(2)}",
			"${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}", "LIAOKUO-officer", "%张%" })
	void filtersMayUseWhatTasklistOffers(String text) {
		assertThat(Expressions.filterProblem(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${identityService.createMembership('reviewer2','camunda-admin')}", "${currentUser().class}",
			"${now().getClass()}", "${x}", "#{task.execution}" })
	void filtersMayNotRunAnythingElse(String text) {
		assertThat(Expressions.filterProblem(text)).isNotNull();
	}
}

package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/disclosure-publication.bpmn} (R-DISC: a served decision is registered and redacted,
 * its disclosure limit comes from {@code dmn/disclosure-deadline.dmn}; the officer prepares the information, the
 * office and then the justice office review it, either may return it; a reminder two working days before the limit
 * and supervision at the limit; published, it is withdrawn when the decision is revoked, prepared again when it is
 * corrected, archived when the public period ends; a decision revoked before publication ends the disclosure),
 * engine only: the decision table runs as it is, the services behind the delegates are stand-ins.
 */
class DisclosurePublicationPathsTest extends ModelPathTestSupport {

	static final Instant DECIDED = Instant.parse("2026-11-02T01:00:00Z");
	static final Instant DUE = DECIDED.plus(7, ChronoUnit.DAYS);
	static final Instant PUBLIC_UNTIL = Instant.parse("2027-11-10T01:00:00Z");

	/** The stand-in for the working-day calendar: working days are counted as calendar days. */
	public static final class Deadlines {
		public Date workdays(Object start, Object days) {
			return Date.from(((Date) start).toInstant().plus(((Number) days).longValue(), ChronoUnit.DAYS));
		}

		public String workdaysBasis(Object start, Object days) {
			return days + "个工作日";
		}

		public Date workdaysBefore(Object date, int days) {
			return Date.from(((Date) date).toInstant().minus(days, ChronoUnit.DAYS));
		}
	}

	ProcessInstance instance;
	/** what the model gives the SLA stand-ins */
	List<Map<String, Object>> warnings, breaches;

	@BeforeEach
	void deployAndStart() throws Exception {
		// the model binds its decision to its own deployment: both in one
		deployTogether("disclosure-publication.bpmn", List.of("disclosure-deadline"), List.of());
		delegate("registerDisclosure");
		delegate("publishDisclosure", Map.of("disclosurePublicUntilAt", Date.from(PUBLIC_UNTIL)));
		delegate("withdrawDisclosure");
		delegate("archiveDisclosure");
		warnings = delegateGiven("slaWarning");
		breaches = delegateGiven("slaBreach");
		taskChecks("disclosureTaskChecks");
		bean("deadlines", new Deadlines());
		instance = start("disclosure-publication", "寥街罚〔2026〕1号",
				Map.of("caseId", "case-1", "agencyCode", "LIAOKUO", "decisionType", "PENALTY", "decisionDate", Date.from(DECIDED)));
	}

	void reviewedAndPublished() {
		complete(task(instance));
		complete(task(instance), Map.of("disclosureReviewOutcome", "APPROVE"));
		complete(task(instance), Map.of("disclosureReviewOutcome", "APPROVE"));
		assertThat(instance).hasPassed("endEvent_approved", "serviceTask_publishDisclosure")
			.isWaitingAt("gateway_afterPublication");
	}

	void correlate(String message) {
		engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).correlate();
	}

	@Test
	void aPenaltyIsPreparedReviewedTwicePublishedAndArchivedWhenThePublicPeriodEnds() {
		assertThat(instance).isWaitingAt("userTask_prepareDisclosure").variables().containsEntry("disclosureWorkingDays", 7)
			.containsEntry("disclosurePublicPeriod", "P1Y").containsEntry("disclosureDueAt", Date.from(DUE));
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-officer").hasDueDate(Date.from(DUE));
		complete(task(instance));
		assertThat(task(instance)).hasDefinitionKey("userTask_reviewDisclosure").hasCandidateGroup("LIAOKUO-office")
			.hasDueDate(Date.from(DUE));
		complete(task(instance), Map.of("disclosureReviewOutcome", "APPROVE"));
		assertThat(task(instance)).hasDefinitionKey("userTask_justiceReviewDisclosure").hasCandidateGroup("LIAOKUO-reviewer")
			.hasDueDate(Date.from(DUE));
		complete(task(instance), Map.of("disclosureReviewOutcome", "APPROVE"));

		assertThat(job("timerEvent_publicPeriodOver", instance)).hasDueDate(Date.from(PUBLIC_UNTIL));
		execute(job("timerEvent_publicPeriodOver", instance));

		assertThat(instance).hasPassedInOrder("serviceTask_registerDisclosure", "businessRuleTask_disclosureDeadline",
				"userTask_prepareDisclosure", "userTask_reviewDisclosure", "userTask_justiceReviewDisclosure",
				"endEvent_approved", "serviceTask_publishDisclosure", "serviceTask_archiveDisclosure", "endEvent_archived")
			.hasNotPassed("serviceTask_withdrawDisclosure").isEnded();
		assertThat(calls()).containsExactly("registerDisclosure", "disclosureTaskChecks:complete:userTask_prepareDisclosure",
				"disclosureTaskChecks:complete:userTask_reviewDisclosure",
				"disclosureTaskChecks:complete:userTask_justiceReviewDisclosure", "publishDisclosure", "archiveDisclosure");
	}

	@Test
	void theOfficeReturnsTheInformationForPreparingAgain() {
		complete(task(instance));

		complete(task(instance), Map.of("disclosureReviewOutcome", "RETURN"));

		assertThat(instance).hasNotPassed("userTask_justiceReviewDisclosure").isWaitingAt("userTask_prepareDisclosure");
	}

	@Test
	void theJusticeOfficeReturnsTheInformationForPreparingAgain() {
		complete(task(instance));
		complete(task(instance), Map.of("disclosureReviewOutcome", "APPROVE"));

		complete(task(instance), Map.of("disclosureReviewOutcome", "RETURN"));

		assertThat(instance).hasNotPassed("endEvent_approved", "serviceTask_publishDisclosure")
			.isWaitingAt("userTask_prepareDisclosure");
	}

	@Test
	void twoWorkingDaysBeforeTheLimitTheReviewersAreRemindedAndAtTheLimitTheBreachIsRecorded() {
		fireWarningAndBreach(instance, "timerEvent_disclosureWarning", "timerEvent_disclosureBreach", DUE);

		assertThat(instance).hasPassed("serviceTask_warnDisclosure", "endEvent_warned", "serviceTask_recordBreach",
				"endEvent_breachRecorded").isWaitingAt("userTask_prepareDisclosure");
		assertThat(calls()).containsExactly("registerDisclosure", "slaWarning", "slaBreach");
		// both reviewing offices are reminded; at the limit the head and the supervisors are told (priority and a
		// notification per group: SlaService; was DisclosurePublicationProcessTests.otherDecisionGetsTwentyWorkingDays…)
		assertThat(warnings).singleElement().satisfies(given -> assertThat(given)
			.containsEntry("notifyGroups", "LIAOKUO-office,LIAOKUO-reviewer"));
		assertThat(breaches).singleElement()
			.satisfies(given -> assertThat(given).containsEntry("notifyGroups", "LIAOKUO-head,supervisor"));
	}

	@Test
	void aDecisionRevokedBeforePublicationEndsTheDisclosure() {
		correlate("disclosure.decisionRevoked");

		assertThat(instance).hasPassedInOrder("messageEvent_revokedBeforePublication", "serviceTask_closeRevoked",
				"endEvent_revokedBeforePublication").hasNotPassed("serviceTask_publishDisclosure").isEnded();
		assertThat(calls()).containsExactly("registerDisclosure", "withdrawDisclosure");
	}

	@Test
	void aPublishedDecisionRevokedIsWithdrawn() {
		reviewedAndPublished();

		correlate("disclosure.decisionRevoked");

		assertThat(instance).hasPassedInOrder("messageEvent_decisionRevoked", "serviceTask_withdrawDisclosure", "endEvent_withdrawn")
			.hasNotPassed("serviceTask_archiveDisclosure").isEnded();
	}

	@Test
	void aPublishedDecisionCorrectedIsRegisteredAndPreparedAgain() {
		reviewedAndPublished();

		correlate("disclosure.decisionCorrected");

		assertThat(instance).hasPassed("messageEvent_decisionCorrected", "serviceTask_registerCorrection")
			.isWaitingAt("userTask_prepareDisclosure");
		assertThat(calls()).endsWith("publishDisclosure", "registerDisclosure");
	}
}

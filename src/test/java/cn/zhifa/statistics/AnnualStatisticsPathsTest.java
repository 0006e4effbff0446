package cn.zhifa.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/annual-statistics.bpmn} (R-DISC-7, R-DISC-6: an agency's statistics of the past year:
 * computed from the enforcement data, signed off by the office and then the justice office, either of which may return
 * them for recomputation; submitted to the justice bureau and published; late submission and late publication are
 * reported to the head and the supervisor), engine only: the services behind the delegates are stand-ins.
 */
class AnnualStatisticsPathsTest extends ModelPathTestSupport {

	static final Date SUBMIT_DUE = Date.from(Instant.parse("2027-01-15T09:00:00Z"));
	static final Date PUBLISH_DUE = Date.from(Instant.parse("2027-01-31T09:00:00Z"));

	ProcessInstance instance;
	final Map<String, Object> breach = new HashMap<>();

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("annual-statistics.bpmn");
		delegate("openAnnualStatistics",
				Map.of("annualStatisticsSubmitDueAt", SUBMIT_DUE, "annualStatisticsPublishDueAt", PUBLISH_DUE));
		delegate("computeAnnualStatistics");
		delegate("submitAnnualStatistics");
		delegate("publishAnnualStatistics");
		slaBreachInto(breach);
		taskChecks("annualStatisticsTaskChecks");
		instance = start("annual-statistics", "LIAOKUO-2026", Map.of("agencyCode", "LIAOKUO"));
	}

	/** Only the January schedule starts a report (was AnnualStatisticsProcessTests.nobodyStartsAReportByHand). */
	@Test
	void theReportIsNotOfferedForAStartInTasklist() {
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("annual-statistics")
			.singleResult().isStartableInTasklist()).isFalse();
	}

	@Test
	void statisticsSignedOffByBothAreSubmittedAndPublished() {
		assertThat(instance).hasPassedInOrder("serviceTask_open", "serviceTask_compute").isWaitingAt("userTask_officeSignOff");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-office").hasDueDate(SUBMIT_DUE);
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));

		assertThat(instance).isWaitingAt("userTask_justiceSignOff");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-reviewer").hasDueDate(SUBMIT_DUE);
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));

		assertThat(instance).hasPassedInOrder("userTask_justiceSignOff", "endEvent_signedOff", "serviceTask_submit")
			.hasPassed("subProcess_signOff").isWaitingAt("userTask_publish");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-office").hasDueDate(PUBLISH_DUE);
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("serviceTask_submit", "userTask_publish", "serviceTask_publish",
				"endEvent_published").hasNotPassed("serviceTask_recordSubmitBreach", "serviceTask_recordPublishBreach")
			.isEnded();
		assertThat(calls()).containsExactly("openAnnualStatistics", "computeAnnualStatistics",
				"annualStatisticsTaskChecks:complete:userTask_officeSignOff",
				"annualStatisticsTaskChecks:complete:userTask_justiceSignOff", "submitAnnualStatistics",
				"annualStatisticsTaskChecks:complete:userTask_publish", "publishAnnualStatistics");
	}

	@Test
	void theOfficeReturnsWrongDataForRecomputation() {
		complete(task(instance), Map.of("annualStatisticsOutcome", "RETURN"));

		assertThat(instance).hasNotPassed("userTask_justiceSignOff").isWaitingAt("userTask_officeSignOff");
		assertThat(calls()).containsExactly("openAnnualStatistics", "computeAnnualStatistics",
				"annualStatisticsTaskChecks:complete:userTask_officeSignOff", "computeAnnualStatistics");
	}

	@Test
	void theJusticeOfficeReturnsWrongDataForRecomputationAndTheOfficeSignsAgain() {
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));
		complete(task(instance), Map.of("annualStatisticsOutcome", "RETURN"));

		assertThat(instance).hasNotPassed("serviceTask_submit").isWaitingAt("userTask_officeSignOff");
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));

		assertThat(instance).hasPassed("serviceTask_submit").isWaitingAt("userTask_publish");
		assertThat(calls()).filteredOn("computeAnnualStatistics"::equals).hasSize(2);
	}

	@Test
	void lateSubmissionIsEscalatedAndTheSignOffContinues() {
		assertBreachRecorded(instance, "timerEvent_submitBreach", SUBMIT_DUE, breach,
				"userTask_officeSignOff", "LIAOKUO-head,supervisor",
				"serviceTask_recordSubmitBreach", "endEvent_submitBreachRecorded");
	}

	@Test
	void latePublicationIsEscalatedAndTheOfficeStillPublishes() {
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));
		complete(task(instance), Map.of("annualStatisticsOutcome", "APPROVE"));
		assertBreachRecorded(instance, "timerEvent_publishBreach", PUBLISH_DUE, breach,
				"userTask_publish", "LIAOKUO-head,supervisor",
				"serviceTask_recordPublishBreach", "endEvent_publishBreachRecorded");
		complete(task(instance));
		assertThat(instance).hasPassed("endEvent_published").isEnded();
	}
}

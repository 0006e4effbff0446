package cn.zhifa.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/agency-dispute.bpmn} (R-COORD-5: an enforcement dispute between agencies: negotiation
 * with the other agency, then an application to the justice bureau, which rejects it, coordinates an agreement, or
 * gives a written opinion both sides answer; if one side does not accept it the supervisor reports to the district
 * government and records its ruling; every step not taken in time is reported), engine only: the services behind the
 * delegates are stand-ins.
 * <p>
 * Several delegates serve more than one step and tell them apart by an input parameter ({@code replyStage},
 * {@code disputeOutcome}, {@code documentKind}, {@code slaActivity}); the stand-ins record {@code name:parameter} in
 * {@link #steps}, in the order they ran.
 */
class AgencyDisputePathsTest extends ModelPathTestSupport {

	static final Date APPLICATION_DUE = Date.from(Instant.parse("2026-11-10T09:00:00Z"));
	static final Date ACCEPTANCE_DUE = Date.from(Instant.parse("2026-11-15T09:00:00Z"));
	static final Date COORDINATION_DUE = Date.from(Instant.parse("2026-12-15T09:00:00Z"));
	static final Date OPINION_REPLY_DUE = Date.from(Instant.parse("2026-12-25T09:00:00Z"));
	static final Date REPORT_DUE = Date.from(Instant.parse("2027-01-05T09:00:00Z"));
	static final Date RULING_DUE = Date.from(Instant.parse("2027-02-05T09:00:00Z"));

	final List<String> steps = new ArrayList<>();
	final Map<String, Object> breach = new HashMap<>();
	ProcessInstance instance;

	@BeforeEach
	void deployModel() throws Exception {
		deploy("agency-dispute.bpmn");
		recording("openAgencyDispute", null, Map.of("disputeApplicationDueAt", APPLICATION_DUE));
		recording("askDisputeCounterpart", "replyStage", Map.of());
		recording("takeDisputeReply", "replyStage", Map.of());
		recording("concludeAgencyDispute", "disputeOutcome", Map.of());
		recording("applyDisputeCoordination", null, Map.of("disputeAcceptanceDueAt", ACCEPTANCE_DUE));
		recording("acceptDisputeCoordination", null, Map.of("disputeCoordinationDueAt", COORDINATION_DUE));
		recording("recordDisputeOpinion", null, Map.of("disputeOpinionReplyDueAt", OPINION_REPLY_DUE));
		recording("generateDocument", "documentKind", Map.of());
		recording("weighDisputeAnswers", null, Map.of("opinionAccepted", true, "disputeReportDueAt", REPORT_DUE));
		recording("recordDisputeReport", null, Map.of("disputeRulingDueAt", RULING_DUE));
		bean("slaBreach", (JavaDelegate) execution -> {
			steps.add("slaBreach:" + execution.getVariableLocal("slaActivity"));
			breach.putAll(Map.of("slaDueAt", execution.getVariableLocal("slaDueAt"), "notifyGroups",
					execution.getVariableLocal("notifyGroups")));
		});
		taskChecks("agencyDisputeTaskChecks");
	}

	@Test
	void anAgreedNegotiationEndsTheDispute() {
		toNegotiation();
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(APPLICATION_DUE);
		complete(task(instance), Map.of("negotiationOutcome", "AGREED"));

		assertThat(instance).hasPassedInOrder("serviceTask_open", "serviceTask_askNegotiation",
				"messageEvent_negotiationReplied", "serviceTask_takeNegotiationReply", "userTask_negotiate",
				"serviceTask_concludeAgreed", "endEvent_agreed").hasNotPassed("serviceTask_apply").isEnded();
		assertThat(steps).containsExactly("openAgencyDispute", "askDisputeCounterpart:NEGOTIATION",
				"takeDisputeReply:NEGOTIATION", "concludeAgencyDispute:AGREED_IN_NEGOTIATION");
		assertThat(calls()).containsExactly("agencyDisputeTaskChecks:complete:userTask_negotiate");
	}

	@Test
	void aRejectedApplicationEndsTheDispute() {
		toAcceptance();
		assertThat(task(instance)).hasCandidateGroup("supervisor").hasDueDate(ACCEPTANCE_DUE);
		complete(task(instance), Map.of("disputeAcceptance", "REJECT"));

		assertThat(instance).hasPassedInOrder("serviceTask_apply", "userTask_accept", "serviceTask_concludeRejected",
				"endEvent_rejected").hasNotPassed("serviceTask_accepted").isEnded();
		assertThat(steps).endsWith("applyDisputeCoordination", "concludeAgencyDispute:NOT_ACCEPTED");
	}

	@Test
	void anAgreementReachedInCoordinationEndsTheDispute() {
		toCoordination();
		assertThat(task(instance)).hasCandidateGroup("supervisor").hasDueDate(COORDINATION_DUE);
		complete(task(instance), Map.of("coordinationOutcome", "AGREED"));

		assertThat(instance).hasPassedInOrder("serviceTask_accepted", "userTask_coordinate",
				"serviceTask_concludeCoordinated", "endEvent_coordinated").hasNotPassed("serviceTask_recordOpinion")
			.isEnded();
		assertThat(steps).endsWith("acceptDisputeCoordination", "concludeAgencyDispute:AGREED_IN_COORDINATION");
	}

	@Test
	void anOpinionBothSidesAcceptEndsTheDispute() {
		toAnswers();
		assertThat(instance).hasPassedInOrder("serviceTask_recordOpinion", "serviceTask_generateOpinion",
				"gateway_answersFork", "serviceTask_askOpinion").isWaitingAt("userTask_answerOpinion",
				"messageEvent_opinionReplied");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(OPINION_REPLY_DUE);
		complete(task(instance));
		assertThat(instance).hasNotPassed("serviceTask_weighAnswers").isWaitingAt("messageEvent_opinionReplied");
		opinionReplied();

		assertThat(instance).hasPassedInOrder("serviceTask_takeOpinionReply", "gateway_answersJoin",
				"serviceTask_weighAnswers", "serviceTask_concludeAccepted", "endEvent_opinionAccepted")
			.hasNotPassed("userTask_report").isEnded();
		assertThat(steps).endsWith("recordDisputeOpinion", "generateDocument:AGENCY_DISPUTE_OPINION",
				"askDisputeCounterpart:OPINION", "takeDisputeReply:OPINION", "weighDisputeAnswers",
				"concludeAgencyDispute:OPINION_ACCEPTED");
	}

	@Test
	void anOpinionOneSideRefusesGoesToTheGovernmentForARuling() {
		toReport();
		assertThat(instance).hasPassed("serviceTask_weighAnswers").hasNotPassed("serviceTask_concludeAccepted");
		assertThat(task(instance)).hasCandidateGroup("supervisor").hasDueDate(REPORT_DUE);
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("serviceTask_recordReport", "serviceTask_generateReport")
			.isWaitingAt("userTask_ruling");
		assertThat(task(instance)).hasCandidateGroup("supervisor").hasDueDate(RULING_DUE);
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("userTask_report", "userTask_ruling", "serviceTask_concludeRuled",
				"endEvent_ruled").isEnded();
		assertThat(steps).endsWith("weighDisputeAnswers", "recordDisputeReport", "generateDocument:AGENCY_DISPUTE_REPORT",
				"concludeAgencyDispute:RULED");
		assertThat(calls()).endsWith("agencyDisputeTaskChecks:complete:userTask_report",
				"agencyDisputeTaskChecks:complete:userTask_ruling");
	}

	@Test
	void aLateNegotiationResultIsEscalated() {
		toNegotiation();
		escalated("timerEvent_negotiateBreach", "serviceTask_escalateNegotiate", "endEvent_negotiateEscalated",
				"userTask_negotiate", APPLICATION_DUE, "LIAOKUO-head,supervisor");
	}

	@Test
	void aLateAcceptanceIsEscalated() {
		toAcceptance();
		escalated("timerEvent_acceptBreach", "serviceTask_escalateAccept", "endEvent_acceptEscalated", "userTask_accept",
				ACCEPTANCE_DUE, "supervisor");
	}

	@Test
	void aLateCoordinationIsEscalated() {
		toCoordination();
		escalated("timerEvent_coordinateBreach", "serviceTask_escalateCoordinate", "endEvent_coordinateEscalated",
				"userTask_coordinate", COORDINATION_DUE, "supervisor");
	}

	@Test
	void aLateAnswerToTheOpinionIsEscalated() {
		toAnswers();
		escalated("timerEvent_answerOpinionBreach", "serviceTask_escalateAnswerOpinion",
				"endEvent_answerOpinionEscalated", "userTask_answerOpinion", OPINION_REPLY_DUE, "LIAOKUO-head,supervisor");
	}

	@Test
	void aLateReportIsEscalated() {
		toReport();
		escalated("timerEvent_reportBreach", "serviceTask_escalateReport", "endEvent_reportEscalated", "userTask_report",
				REPORT_DUE, "supervisor");
	}

	@Test
	void aLateRulingIsEscalated() {
		toReport();
		complete(task(instance));
		escalated("timerEvent_rulingBreach", "serviceTask_escalateRuling", "endEvent_rulingEscalated", "userTask_ruling",
				RULING_DUE, "supervisor");
	}

	/** A non-interrupting timer: the breach is recorded, the task stays open. */
	private void escalated(String timer, String escalation, String end, String taskKey, Date due, String groups) {
		assertThat(job(timer, instance)).hasDueDate(due);

		execute(job(timer, instance));

		assertThat(instance).hasPassedInOrder(escalation, end).isWaitingAt(taskKey);
		assertThat(steps).endsWith("slaBreach:" + taskKey);
		assertThat(breach).containsEntry("slaDueAt", due).containsEntry("notifyGroups", groups);
	}

	private void toNegotiation() {
		instance = start("agency-dispute", "寥争〔2026〕1号", Map.of("agencyCode", "LIAOKUO", "counterpartAgency", "HEXI"));
		assertThat(instance).isWaitingAt("messageEvent_negotiationReplied");
		engine.getRuntimeService().createMessageCorrelation("agencyDispute.negotiationReplied")
			.processInstanceId(instance.getId()).correlate();
		assertThat(instance).isWaitingAt("userTask_negotiate");
	}

	private void toAcceptance() {
		toNegotiation();
		complete(task(instance), Map.of("negotiationOutcome", "APPLY"));
		assertThat(instance).isWaitingAt("userTask_accept");
	}

	private void toCoordination() {
		toAcceptance();
		complete(task(instance), Map.of("disputeAcceptance", "ACCEPT"));
		assertThat(instance).isWaitingAt("userTask_coordinate");
	}

	private void toAnswers() {
		toCoordination();
		complete(task(instance), Map.of("coordinationOutcome", "OPINION"));
	}

	private void toReport() {
		recording("weighDisputeAnswers", null, Map.of("opinionAccepted", false, "disputeReportDueAt", REPORT_DUE));
		toAnswers();
		opinionReplied();
		complete(task(instance));
		assertThat(instance).isWaitingAt("userTask_report");
	}

	private void opinionReplied() {
		engine.getRuntimeService().createMessageCorrelation("agencyDispute.opinionReplied")
			.processInstanceId(instance.getId()).correlate();
	}

	/** A stand-in recorded as {@code name} or {@code name:value of the input parameter}, then setting variables. */
	private void recording(String name, String parameter, Map<String, Object> variables) {
		bean(name, (JavaDelegate) execution -> {
			steps.add(parameter == null ? name : name + ":" + execution.getVariableLocal(parameter));
			execution.setVariables(variables);
		});
	}
}

package cn.zhifa.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/complaint-handling.bpmn} (R-COORD-4: a complaint is registered and routed by the
 * {@code dmn/complaint-routing.dmn} decision; a complaint for another agency is transferred at once; the competent
 * agency accepts, transfers or refuses it; an accepted complaint is handled, may open a case, and is replied to; late
 * acceptance and late handling are reported to the head and the supervisor), engine only: the decision is the real
 * one, the services behind the delegates are stand-ins.
 */
class ComplaintHandlingPathsTest extends ModelPathTestSupport {

	static final Date ACCEPTANCE_DUE = Date.from(Instant.parse("2026-11-05T09:00:00Z"));
	static final Date HANDLING_DUE = Date.from(Instant.parse("2026-12-05T09:00:00Z"));

	final Map<String, Object> breach = new HashMap<>();

	@BeforeEach
	void deployWithTheRoutingDecision() throws Exception {
		// decisionRefBinding="deployment": the model and its decision in one deployment.
		deployTogether("complaint-handling.bpmn", List.of("complaint-routing"), List.of());
		delegate("registerComplaint", Map.of("complaintAcceptanceDueAt", ACCEPTANCE_DUE));
		delegate("recordComplaintRouting");
		delegate("acceptComplaint", Map.of("complaintHandlingDueAt", HANDLING_DUE));
		delegate("openComplaintCase");
		delegate("replyComplaint");
		delegate("transferComplaint");
		slaBreachInto(breach);
		taskChecks("complaintTaskChecks");
		taskChecks("agencyOptions");
	}

	@AfterEach
	void signOut() {
		engine.getIdentityService().clearAuthentication();
	}

	@Test
	void anAcceptedComplaintThatOpensACaseEndsWithAReply() {
		engine.getIdentityService().setAuthenticatedUserId("clerk1");
		ProcessInstance instance = complaint("CITY_MANAGEMENT", false);

		assertThat(instance).hasPassedInOrder("serviceTask_registerComplaint", "businessRuleTask_routing",
				"serviceTask_recordRouting").isWaitingAt("userTask_decideAcceptance");
		assertThat(instance).variables().containsEntry("registeredBy", "clerk1");
		assertThat(routedTo(instance)).isEqualTo("LIAOKUO");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-officer").hasDueDate(ACCEPTANCE_DUE);
		complete(task(instance), Map.of("complaintAcceptance", "ACCEPTED", "handlerId", "officer1"));

		assertThat(instance).hasPassed("serviceTask_accept").isWaitingAt("userTask_handle");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(HANDLING_DUE);
		complete(task(instance), Map.of("openCase", true));

		assertThat(instance).hasPassedInOrder("userTask_handle", "serviceTask_openCase", "serviceTask_reply",
				"endEvent_replied").hasNotPassed("serviceTask_transfer").isEnded();
		assertThat(calls()).containsExactly("registerComplaint", "recordComplaintRouting",
				"agencyOptions:create:userTask_decideAcceptance", "complaintTaskChecks:complete:userTask_decideAcceptance",
				"acceptComplaint", "complaintTaskChecks:complete:userTask_handle", "openComplaintCase", "replyComplaint");
	}

	@Test
	void anAcceptedComplaintWithoutACaseIsRepliedTo() {
		ProcessInstance instance = complaint("ENVIRONMENT", false);
		complete(task(instance), Map.of("complaintAcceptance", "ACCEPTED", "handlerId", "officer1"));
		complete(task(instance), Map.of("openCase", false));

		assertThat(instance).hasPassedInOrder("userTask_handle", "serviceTask_reply", "endEvent_replied")
			.hasNotPassed("serviceTask_openCase").isEnded();
	}

	@Test
	void aRefusedComplaintEndsWithAReply() {
		ProcessInstance instance = complaint("OTHER", false);
		complete(task(instance), Map.of("complaintAcceptance", "NOT_ACCEPTED"));

		assertThat(instance).hasPassedInOrder("userTask_decideAcceptance", "serviceTask_reply", "endEvent_replied")
			.hasNotPassed("serviceTask_accept", "userTask_handle", "serviceTask_transfer").isEnded();
		assertThat(calls()).endsWith("complaintTaskChecks:complete:userTask_decideAcceptance", "replyComplaint");
	}

	@Test
	void theCompetentAgencyMayTransferTheComplaintToAnotherAgencyOrOutside() {
		for (String acceptance : new String[] { "TRANSFER_AGENCY", "TRANSFER_EXTERNAL" }) {
			ProcessInstance instance = complaint("CITY_MANAGEMENT", false);
			complete(task(instance), Map.of("complaintAcceptance", acceptance));

			assertThat(instance).hasPassedInOrder("userTask_decideAcceptance", "serviceTask_transfer", "endEvent_transferred")
				.hasNotPassed("serviceTask_reply").isEnded();
		}
		assertThat(calls()).filteredOn("transferComplaint"::equals).hasSize(2);
	}

	@Test
	void aComplaintRoutedToAnotherAgencyIsTransferredWithoutAcceptance() {
		ProcessInstance instance = complaint("FOOD_SAFETY", false);

		assertThat(routedTo(instance)).isEqualTo("QLSCJ");
		assertThat(instance).hasPassedInOrder("serviceTask_recordRouting", "serviceTask_transfer", "endEvent_transferred")
			.hasNotPassed("userTask_decideAcceptance").isEnded();
		assertThat(calls()).containsExactly("registerComplaint", "recordComplaintRouting", "transferComplaint");
	}

	@Test
	void aComplaintAlreadyTransferredHereIsDecidedHereWhateverTheRouting() {
		ProcessInstance instance = complaint("FOOD_SAFETY", true);

		assertThat(routedTo(instance)).isEqualTo("QLSCJ");
		assertThat(instance).hasNotPassed("serviceTask_transfer").isWaitingAt("userTask_decideAcceptance");
	}

	@Test
	void lateAcceptanceIsEscalatedAndTheOfficerStillDecides() {
		ProcessInstance instance = complaint("CITY_MANAGEMENT", false);
		assertBreachRecorded(instance, "timerEvent_acceptanceBreach", ACCEPTANCE_DUE, breach,
				"userTask_decideAcceptance", "LIAOKUO-head,supervisor",
				"serviceTask_escalateAcceptance", "endEvent_acceptanceEscalated");
	}

	@Test
	void lateHandlingIsEscalatedAndTheHandlerStillReplies() {
		ProcessInstance instance = complaint("CITY_MANAGEMENT", false);
		complete(task(instance), Map.of("complaintAcceptance", "ACCEPTED", "handlerId", "officer1"));
		assertBreachRecorded(instance, "timerEvent_handlingBreach", HANDLING_DUE, breach,
				"userTask_handle", "LIAOKUO-head,supervisor",
				"serviceTask_escalateHandling", "endEvent_handlingEscalated");
		complete(task(instance), Map.of("openCase", false));
		assertThat(instance).hasPassed("endEvent_replied").isEnded();
	}

	private ProcessInstance complaint(String category, boolean transferred) {
		return start("complaint-handling", "TS-2026-1", Map.of("agencyCode", "LIAOKUO", "complaintCategory", category,
				"complaintLocation", "寥阔街道", "complaintTransferred", transferred));
	}

	@SuppressWarnings("unchecked")
	private Object routedTo(ProcessInstance instance) {
		return ((Map<String, Object>) engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId()).variableName("complaintRouting").singleResult().getValue()).get("agencyCode");
	}
}

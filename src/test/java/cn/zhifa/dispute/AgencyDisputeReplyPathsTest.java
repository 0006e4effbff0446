package cn.zhifa.dispute;

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
 * The paths of {@code processes/agency-dispute-reply.bpmn} (R-COORD-5: the other agency's side of an enforcement
 * dispute: its head answers the negotiation, or says whether it accepts the coordination opinion, and the answer goes
 * back to the applying agency; an answer not given in time is reported to the head and the supervisor), engine only:
 * the services behind the delegates are stand-ins.
 */
class AgencyDisputeReplyPathsTest extends ModelPathTestSupport {

	static final Date NEGOTIATION_DUE = Date.from(Instant.parse("2026-11-10T09:00:00Z"));
	static final Date OPINION_DUE = Date.from(Instant.parse("2026-11-20T09:00:00Z"));

	final Map<String, Object> breach = new HashMap<>();

	@BeforeEach
	void deployModel() throws Exception {
		deploy("agency-dispute-reply.bpmn");
		delegate("openDisputeReply");
		delegate("sendDisputeReply");
		slaBreachInto(breach);
		taskChecks("agencyDisputeTaskChecks");
	}

	@Test
	void theHeadAnswersTheNegotiation() {
		ProcessInstance instance = reply("NEGOTIATION");

		assertThat(instance).isWaitingAt("userTask_replyNegotiation");
		assertThat(task(instance)).hasCandidateGroup("HEXI-head").hasDueDate(NEGOTIATION_DUE);
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("serviceTask_openReply", "userTask_replyNegotiation", "serviceTask_sendReply",
				"endEvent_replied").hasNotPassed("userTask_replyOpinion").isEnded();
		assertThat(calls()).containsExactly("openDisputeReply", "agencyDisputeTaskChecks:complete:userTask_replyNegotiation",
				"sendDisputeReply");
	}

	@Test
	void theHeadSaysWhetherItAcceptsTheCoordinationOpinion() {
		ProcessInstance instance = reply("OPINION");

		assertThat(instance).isWaitingAt("userTask_replyOpinion");
		assertThat(task(instance)).hasCandidateGroup("HEXI-head").hasDueDate(OPINION_DUE);
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("userTask_replyOpinion", "serviceTask_sendReply", "endEvent_replied")
			.hasNotPassed("userTask_replyNegotiation").isEnded();
		assertThat(calls()).containsExactly("openDisputeReply", "agencyDisputeTaskChecks:complete:userTask_replyOpinion",
				"sendDisputeReply");
	}

	@Test
	void aLateNegotiationAnswerIsEscalated() {
		ProcessInstance instance = reply("NEGOTIATION");
		assertBreachRecorded(instance, "timerEvent_replyNegotiationBreach", NEGOTIATION_DUE, breach,
				"userTask_replyNegotiation", "HEXI-head,supervisor",
				"serviceTask_escalateReplyNegotiation", "endEvent_replyNegotiationEscalated");
	}

	@Test
	void aLateOpinionAnswerIsEscalated() {
		ProcessInstance instance = reply("OPINION");
		assertBreachRecorded(instance, "timerEvent_replyOpinionBreach", OPINION_DUE, breach,
				"userTask_replyOpinion", "HEXI-head,supervisor",
				"serviceTask_escalateReplyOpinion", "endEvent_replyOpinionEscalated");
	}

	private ProcessInstance reply(String stage) {
		return start("agency-dispute-reply", "寥争〔2026〕1号", Map.of("agencyCode", "HEXI", "replyStage", stage,
				"disputeNegotiationDueAt", NEGOTIATION_DUE, "disputeOpinionReplyDueAt", OPINION_DUE));
	}
}

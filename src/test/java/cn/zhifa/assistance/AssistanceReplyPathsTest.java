package cn.zhifa.assistance;

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
 * The paths of {@code processes/assistance-reply.bpmn} (seed 002 (十五) 五, ADR-0028: the requested agency's side of an
 * assistance request: its head answers, and if it accepts reports the outcome to the requesting agency; an answer not
 * given in time is reported to both heads), engine only: the services behind the delegates are stand-ins.
 */
class AssistanceReplyPathsTest extends ModelPathTestSupport {

	static final Date REPLY_DUE = Date.from(Instant.parse("2026-11-10T09:00:00Z"));
	static final Date COMPLETION_DUE = Date.from(Instant.parse("2026-11-30T09:00:00Z"));

	ProcessInstance instance;
	final Map<String, Object> breach = new HashMap<>();

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("assistance-reply.bpmn");
		delegate("registerAssistanceReply", Map.of("assistanceReplyDueAt", REPLY_DUE));
		delegate("answerAssistanceRequest", Map.of("assistanceCompletionDueAt", COMPLETION_DUE));
		delegate("reportAssistanceOutcome");
		slaBreachInto(breach);
		taskChecks("assistanceTaskChecks");
		instance = start("assistance-reply", "寥协〔2026〕1号",
				Map.of("agencyCode", "HEXI", "assistanceRequesterAgency", "LIAOKUO"));
	}

	@Test
	void anAcceptedRequestEndsWhenTheOutcomeIsReported() {
		assertThat(instance).isWaitingAt("userTask_answer");
		assertThat(task(instance)).hasCandidateGroup("HEXI-head").hasDueDate(REPLY_DUE);
		complete(task(instance), Map.of("assistanceAnswer", "ACCEPT"));

		assertThat(instance).hasPassed("serviceTask_answer").isWaitingAt("userTask_report");
		assertThat(task(instance)).hasCandidateGroup("HEXI-head").hasDueDate(COMPLETION_DUE);
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("serviceTask_register", "userTask_answer", "serviceTask_answer",
				"userTask_report", "serviceTask_report", "endEvent_completed").hasNotPassed("endEvent_refused").isEnded();
		assertThat(calls()).containsExactly("registerAssistanceReply", "assistanceTaskChecks:complete:userTask_answer",
				"answerAssistanceRequest", "assistanceTaskChecks:complete:userTask_report", "reportAssistanceOutcome");
	}

	@Test
	void aRefusedRequestEndsWithTheAnswer() {
		complete(task(instance), Map.of("assistanceAnswer", "REFUSE"));

		assertThat(instance).hasPassed("serviceTask_answer", "endEvent_refused").hasNotPassed("userTask_report").isEnded();
		assertThat(calls()).containsExactly("registerAssistanceReply", "assistanceTaskChecks:complete:userTask_answer",
				"answerAssistanceRequest");
	}

	@Test
	void anAnswerNotGivenInTimeIsEscalatedToBothHeads() {
		assertBreachRecorded(instance, "timerEvent_replyBreach", REPLY_DUE, breach,
				"userTask_answer", "HEXI-head,LIAOKUO-head", "serviceTask_escalateReply", "endEvent_replyEscalated");
	}
}

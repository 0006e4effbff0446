package cn.zhifa.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/assistance-request.bpmn} (seed 002 (十五) 五, ADR-0028: an agency asks another for
 * enforcement assistance: the letter is generated and delivered, the requested agency answers, and if it accepts it
 * later reports the outcome), engine only: the services behind the delegates are stand-ins.
 */
class AssistanceRequestPathsTest extends ModelPathTestSupport {

	ProcessInstance instance;
	final Map<String, Object> document = new HashMap<>();

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("assistance-request.bpmn");
		delegate("openAssistanceRequest");
		generateDocumentInto(document);
		delegate("deliverAssistanceRequest");
		delegate("recordAssistanceAnswer");
		delegate("recordAssistanceOutcome");
		instance = start("assistance-request", "寥协〔2026〕1号", Map.of("agencyCode", "LIAOKUO"));
	}

	@Test
	void anAcceptedRequestEndsWhenTheOutcomeIsReported() {
		assertThat(instance).hasPassedInOrder("serviceTask_open", "serviceTask_generateLetter", "serviceTask_deliver")
			.isWaitingAt("messageEvent_answered");
		assertThat(document).containsEntry("documentKind", "ASSISTANCE_REQUEST_LETTER")
			.containsEntry("documentVariable", "assistanceRequestDocId");

		answered("ACCEPT");
		assertThat(instance).hasPassed("serviceTask_recordAnswer").isWaitingAt("messageEvent_completed");

		engine.getRuntimeService().createMessageCorrelation("assistance.completed").processInstanceId(instance.getId())
			.correlate();

		assertThat(instance).hasPassedInOrder("messageEvent_answered", "serviceTask_recordAnswer", "messageEvent_completed",
				"serviceTask_recordOutcome", "endEvent_completed").hasNotPassed("endEvent_refused").isEnded();
		assertThat(calls()).containsExactly("openAssistanceRequest", "deliverAssistanceRequest", "recordAssistanceAnswer",
				"recordAssistanceOutcome");
	}

	@Test
	void aRefusedRequestEndsWithTheAnswer() {
		answered("REFUSE");

		assertThat(instance).hasPassed("serviceTask_recordAnswer", "endEvent_refused")
			.hasNotPassed("messageEvent_completed", "serviceTask_recordOutcome").isEnded();
		assertThat(calls()).containsExactly("openAssistanceRequest", "deliverAssistanceRequest", "recordAssistanceAnswer");
	}

	private void answered(String answer) {
		engine.getRuntimeService().createMessageCorrelation("assistance.answered").processInstanceId(instance.getId())
			.setVariable("assistanceAnswer", answer).correlate();
	}
}

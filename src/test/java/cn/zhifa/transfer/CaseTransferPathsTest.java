package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/case-transfer.bpmn} (R-TRANS: a case outside the agency's jurisdiction is
 * transferred; the head signs the transfer within its limit, supervised when it passes; a receiving agency on the
 * platform answers by message, one outside it through the handler's records; a refusal is negotiated and, failing
 * agreement, coordinated by the justice administration), engine only: the services behind the delegates are
 * stand-ins.
 */
class CaseTransferPathsTest extends ModelPathTestSupport {

	static final Instant DUE = Instant.parse("2026-11-10T01:00:00Z");

	/** what the model gives the document stand-in */
	List<Map<String, Object>> documents;

	ProcessInstance start(boolean targetInZhifa) throws Exception {
		deploy("case-transfer.bpmn");
		delegate("openCaseTransfer", Map.of("transferDueAt", Date.from(DUE), "targetInZhifa", targetInZhifa));
		documents = delegateGiven("generateDocument");
		delegate("deliverCaseTransfer");
		delegate("recordCaseTransferAnswer");
		delegate("concludeCaseTransfer");
		delegate("recordExternalCaseHandover");
		delegate("slaBreach");
		taskChecks("transferTaskChecks");
		ProcessInstance instance = start("case-transfer", "寥街罚〔2026〕1号",
				Map.of("caseId", "case-1", "agencyCode", "LIAOKUO", "handlerId", "officer1", "targetAgencyCode", "HEXI"));
		assertThat(instance).hasPassedInOrder("serviceTask_openCaseTransfer", "serviceTask_generateCaseTransferLetter")
			.isWaitingAt("userTask_signCaseTransfer");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(Date.from(DUE));
		// the letter numbered in its own series (寥街案移〔2026〕n号; was CaseTransferProcessTests
		// .toAnAgencyOnZhifaTheCaseAppearsInItsQueueAndItAccepts; the series format: DocumentNumbersIT)
		assertThat(documents).singleElement().satisfies(given -> assertThat(given)
			.containsEntry("documentKind", "CASE_TRANSFER_LETTER")
			.containsEntry("documentNumberVariable", "caseTransferLetterNo"));
		return instance;
	}

	void answer(String message, ProcessInstance instance) {
		engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).correlate();
	}

	@Test
	void anAgencyOnThePlatformAcceptsTheDeliveredCase() throws Exception {
		ProcessInstance instance = start(true);
		complete(task(instance));
		assertThat(instance).hasPassed("serviceTask_deliverToAgency").isWaitingAt("gateway_receivingAnswer");

		answer("transfer.accepted", instance);

		assertThat(instance).hasPassedInOrder("userTask_signCaseTransfer", "serviceTask_deliverToAgency", "messageEvent_accepted",
				"serviceTask_recordAccepted", "endEvent_accepted").hasNotPassed("userTask_recordExternalHandover").isEnded();
		assertThat(calls()).containsExactly("openCaseTransfer", "generateDocument",
				"transferTaskChecks:complete:userTask_signCaseTransfer", "deliverCaseTransfer", "recordCaseTransferAnswer");
	}

	@Test
	void aRefusalSettledByNegotiationEndsNegotiated() throws Exception {
		ProcessInstance instance = start(true);
		complete(task(instance));

		answer("transfer.refused", instance);
		assertThat(instance).hasPassed("serviceTask_recordRefused").isWaitingAt("userTask_negotiateJurisdiction");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task(instance), Map.of("jurisdictionNegotiation", "TARGET_HANDLES"));

		assertThat(instance).hasPassedInOrder("userTask_negotiateJurisdiction", "serviceTask_concludeNegotiated",
				"endEvent_negotiated").hasNotPassed("serviceTask_recordAccepted", "userTask_recordCoordination").isEnded();
	}

	@Test
	void aRefusalNotSettledByNegotiationIsCoordinatedByTheJusticeAdministration() throws Exception {
		ProcessInstance instance = start(true);
		complete(task(instance));
		answer("transfer.refused", instance);

		complete(task(instance), Map.of("jurisdictionNegotiation", "NO_AGREEMENT"));
		assertThat(task(instance)).hasDefinitionKey("userTask_recordCoordination").hasCandidateGroup("LIAOKUO-head");
		complete(task(instance), Map.of("coordinationResult", "TARGET_HANDLES"));

		assertThat(instance).hasPassedInOrder("userTask_recordCoordination", "serviceTask_concludeCoordinated",
				"endEvent_coordinated").hasNotPassed("serviceTask_concludeNegotiated").isEnded();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ACCEPTED,serviceTask_recordAccepted", "REFUSED,serviceTask_recordRefused" })
	void anAgencyOutsideThePlatformIsHandedTheCaseAndItsAnswerRecordedByTheHandler(String answer, String recorded)
			throws Exception {
		ProcessInstance instance = start(false);
		complete(task(instance));

		assertThat(instance).hasNotPassed("serviceTask_deliverToAgency").isWaitingAt("userTask_recordExternalHandover");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(Date.from(DUE));
		complete(task(instance));
		assertThat(task(instance)).hasDefinitionKey("userTask_recordExternalFeedback").isAssignedTo("officer1");
		complete(task(instance), Map.of("transferAnswer", answer));

		assertThat(instance).hasPassedInOrder("serviceTask_recordExternalHandover", "userTask_recordExternalFeedback", recorded);
		assertThat(calls()).contains("recordExternalCaseHandover", "recordCaseTransferAnswer");
		if ("ACCEPTED".equals(answer)) {
			assertThat(instance).hasPassed("endEvent_accepted").isEnded();
		}
		else {
			assertThat(instance).isWaitingAt("userTask_negotiateJurisdiction");
		}
	}

	@Test
	void aTransferNotSignedWithinTheLimitIsSupervised() throws Exception {
		ProcessInstance instance = start(true);

		assertThat(job("timerEvent_signBreach", instance)).hasDueDate(Date.from(DUE));
		execute(job("timerEvent_signBreach", instance));

		assertThat(instance).hasPassed("serviceTask_escalateSign", "endEvent_signEscalated")
			.isWaitingAt("userTask_signCaseTransfer");
		assertThat(calls()).endsWith("slaBreach");
	}

	@Test
	void aHandoverOutsideThePlatformNotRecordedWithinTheLimitIsSupervised() throws Exception {
		ProcessInstance instance = start(false);
		complete(task(instance));

		assertThat(job("timerEvent_handoverBreach", instance)).hasDueDate(Date.from(DUE));
		execute(job("timerEvent_handoverBreach", instance));

		assertThat(instance).hasPassed("serviceTask_escalateHandover", "endEvent_handoverEscalated")
			.isWaitingAt("userTask_recordExternalHandover");
	}
}

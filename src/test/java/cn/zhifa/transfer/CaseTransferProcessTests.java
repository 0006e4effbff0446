package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code case-transfer} (R-COORD-1, R-COORD-5): 3 working days (urgent 24 hours) to the
 * competent agency; a receiving agency on Zhifa gets a new enforcement case and answers with a
 * message; an outside agency's hand-over and feedback are recorded; a refusal is negotiated, then
 * coordinated by the justice bureau.
 */
@ZhifaIntegrationTest
class CaseTransferProcessTests extends TransferTestSupport {

	@Override
	String casePrefix() {
		return "C";
	}

	@Test
	void toAnAgencyOnZhifaTheCaseAppearsInItsQueueAndItAccepts() {
		clockAt(moment("2026-09-29T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("targetAgencyCode", "QLSCJ"));
		Task sign = openTask(pi, "userTask_signCaseTransfer");
		// the clock starts at the discovery on Mon 28 Sep, not at the transfer on Tue 29 Sep (issue 16 point 4):
		// 29, 30 Sep, (1–7 Oct), 8 Oct = 3 working days
		assertThat(sign.getDueDate()).isEqualTo(moment("2026-10-08T23:59:59+08:00"));
		assertThat(historicVariable(pi, "targetAgencyName")).isEqualTo("某区市场监督管理局");
		assertThat((String) historicVariable(pi, "caseTransferLetterNo")).startsWith("寥街案移〔2026〕");

		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_signCaseTransfer", Map.of("transferSigned", false)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transferSigned");
		completeTaskAs("head1", pi, "userTask_signCaseTransfer", Map.of("transferSigned", true));

		String receivingCaseNo = (String) historicVariable(pi, "receivingCaseNo");
		assertThat(receivingCaseNo).isNotBlank();
		ProcessInstance receiving = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey("enforcement-case").variableValueEquals("transferProcessInstanceId", pi.getId())
			.singleResult();
		assertThat(receiving.getTenantId()).isEqualTo("QLSCJ");
		assertThat(engine.getRuntimeService().getVariable(receiving.getId(), "caseSource")).isEqualTo("TRANSFER");
		assertThat(pi).isWaitingAt("gateway_receivingAnswer");
		assertThat(records.get(pi.getId()).getHandedOverOnTime()).isTrue();

		correlate("transfer.accepted", pi, Map.of("receivingCaseNo", receivingCaseNo));
		assertThat(pi).isEnded().hasPassed("serviceTask_recordAccepted", "endEvent_accepted");
		assertThat(historicVariable(pi, "caseTransferOutcome")).isEqualTo("ACCEPTED");
		assertThat(records.get(pi.getId()).getReceivingCaseNo()).isEqualTo(receivingCaseNo);
	}

	@Test
	void refusedThenTheAgenciesAgreeInNegotiation() {
		clockAt(moment("2026-11-02T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("targetAgencyCode", "QLSCJ"));
		completeTaskAs("head1", pi, "userTask_signCaseTransfer", Map.of("transferSigned", true));
		assertThatThrownBy(() -> correlate("transfer.refused", pi, Map.of()))
			.hasMessageContaining("transferRefusalReasons");
		assertThat(pi).isWaitingAt("gateway_receivingAnswer");

		correlate("transfer.refused", pi, Map.of("transferRefusalReasons", "占道经营属城市管理部门管辖"));
		assertThat(records.get(pi.getId()).getStatus()).isEqualTo(Transfer.Status.DISPUTED);
		completeTaskAs("head1", pi, "userTask_negotiateJurisdiction",
				Map.of("jurisdictionNegotiation", "TARGET_ACCEPTS", "jurisdictionNotes", "经协商，涉及食品经营部分由市监局办理"));

		assertThat(pi).isEnded().hasPassed("serviceTask_concludeNegotiated", "endEvent_negotiated");
		assertThat(historicVariable(pi, "caseTransferOutcome")).isEqualTo("ACCEPTED_AFTER_NEGOTIATION");
		assertThat(steps(pi)).containsExactly("REQUESTED", "SIGNED", "DELIVERED", "REFUSED", "NEGOTIATED_TARGET_ACCEPTS");
	}

	@Test
	void urgentTransferToAnOutsideAgencyLateRefusedAndCoordinatedByTheJusticeBureau() {
		clockAt(moment("2026-11-02T10:00:00+08:00"));
		// found outside the agency's competence at 09:00: 24 hours from then, not from the transfer at 10:00
		ProcessInstance pi = start(Map.of("targetAgencyName", "某区自然资源局", "urgent", true, "outsideCompetenceFoundOn",
				"2026-11-02T09:00:00+08:00"));
		Task sign = openTask(pi, "userTask_signCaseTransfer");
		assertThat(sign.getDueDate()).isEqualTo(moment("2026-11-03T09:00:00+08:00"));
		completeTaskAs("head1", pi, "userTask_signCaseTransfer", Map.of("transferSigned", true));
		assertThat(historicVariable(pi, "targetInZhifa")).isEqualTo(false);

		Task handover = openTask(pi, "userTask_recordExternalHandover");
		assertThat(handover.getAssignee()).isEqualTo("officer1");
		clockAt(moment("2026-11-03T09:00:01+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).hasPassed("serviceTask_escalateHandover");
		completeTaskAs("officer1", pi, "userTask_recordExternalHandover", Map.of("receivedBy", "某区自然资源局办公室 李某"));
		assertThat(records.get(pi.getId()).getHandedOverOnTime()).isFalse();

		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_recordExternalFeedback", Map.of("transferAnswer", "REFUSED")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transferRefusalReasons");
		completeTaskAs("officer1", pi, "userTask_recordExternalFeedback",
				Map.of("transferAnswer", "REFUSED", "transferRefusalReasons", "不属于自然资源执法范围"));
		completeTaskAs("head1", pi, "userTask_negotiateJurisdiction",
				Map.of("jurisdictionNegotiation", "NO_AGREEMENT", "jurisdictionNotes", "双方各执己见"));
		assertThat(records.get(pi.getId()).getStatus()).isEqualTo(Transfer.Status.COORDINATION);
		completeTaskAs("head1", pi, "userTask_recordCoordination",
				Map.of("coordinationResult", "TARGET_HANDLES", "coordinationNotes", "区司法局协调意见：由自然资源局管辖"));

		assertThat(pi).isEnded().hasPassed("userTask_recordCoordination", "endEvent_coordinated");
		assertThat(historicVariable(pi, "caseTransferOutcome")).isEqualTo("REFUSED_THEN_COORDINATED");
		assertThat(steps(pi)).containsExactly("REQUESTED_URGENT", "SIGNED", "HANDED_OVER", "REFUSED",
				"NEGOTIATED_NO_AGREEMENT", "COORDINATED_TARGET_HANDLES");
	}

	@Test
	void anOutsideAgencyAccepts() {
		clockAt(moment("2026-11-02T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("targetAgencyName", "某区自然资源局"));
		completeTaskAs("head1", pi, "userTask_signCaseTransfer", Map.of("transferSigned", true));
		completeTaskAs("officer1", pi, "userTask_recordExternalHandover", Map.of("receivedBy", "李某"));
		completeTaskAs("officer1", pi, "userTask_recordExternalFeedback",
				Map.of("transferAnswer", "ACCEPTED", "receivingCaseNo", "某自然资源罚〔2026〕3号"));
		assertThat(pi).isEnded().hasPassed("endEvent_accepted");
		assertThat(records.get(pi.getId()).getReceivingCaseNo()).isEqualTo("某自然资源罚〔2026〕3号");
	}

	@Test
	void aTargetIsRequired() {
		Map<String, Object> vars = variables();
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("case-transfer", caseId, vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("targetAgencyName");
		vars.put("targetAgencyCode", "LIAOKUO");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("case-transfer", caseId, vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("本机关");
	}

	private ProcessInstance start(Map<String, Object> target) {
		Map<String, Object> vars = variables();
		vars.putAll(target);
		return engine.getRuntimeService().startProcessInstanceByKey("case-transfer", caseId, vars);
	}

	private Map<String, Object> variables() {
		Map<String, Object> vars = new HashMap<>();
		vars.put("caseId", caseId);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("handlerId", "officer1");
		vars.put("transferReason", "当事人无证经营食品，依法由市场监督管理部门管辖");
		vars.put("partyType", "PERSON");
		vars.put("partyName", "赵某");
		vars.put("partyIdNumber", "530302199001011232");
		vars.put("partyContact", "13800000000");
		vars.put("partyIsOfficial", false);
		vars.put("violationCode", "CM-OCCUPY-ROAD");
		vars.put("facts", "当事人在寥廓路无证经营熟食摊点");
		vars.put("discoveredOn", "2026-09-28");
		return vars;
	}
}

package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhifa.sla.Notification;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code discipline-transfer} (R-COORD-3): 10 working days after the case was closed, counted
 * across National Day 2026; signed by the unit head; a late transfer leaves a breach (supervision) record.
 */
@ZhifaIntegrationTest
class DisciplineTransferProcessTests extends TransferTestSupport {

	/** Closed Monday 28 Sep 2026, 17:00. */
	static final String CLOSED = "2026-09-28T17:00:00+08:00";

	@Override
	String casePrefix() {
		return "D";
	}

	@Test
	void headSignsInTimeAndTheLetterGoesToTheDisciplineOrgan() throws Exception {
		clockAt(moment("2026-09-29T09:00:00+08:00"));
		ProcessInstance pi = start(moment(CLOSED));
		Task sign = openTask(pi, "userTask_signDisciplineTransfer");
		// 29, 30 Sep, (1–7 Oct), 8, 9, 10 (adjusted Saturday), 12, 13, 14, 15, 16 Oct = 10 working days
		assertThat(sign.getDueDate()).isEqualTo(moment("2026-10-16T23:59:59+08:00"));
		assertThat(timerDue(pi, "timerEvent_disciplineWarning")).isEqualTo(moment("2026-10-14T00:00:00+08:00"));

		clockAt(moment("2026-10-09T10:00:00+08:00"));
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_signDisciplineTransfer",
				Map.of("disciplineClues", "当事人系某局干部，经营无证餐馆", "disciplineOrgan", "麒麟区纪委监委"))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("signedAndSealed");
		completeTaskAs("head1", pi, "userTask_signDisciplineTransfer",
				Map.of("disciplineClues", "当事人系某局干部，经营无证餐馆", "signedAndSealed", true, "disciplineOrgan", "麒麟区纪委监委"));

		assertThat(pi).isEnded().hasPassedInOrder("userTask_signDisciplineTransfer", "serviceTask_generateDisciplineLetter",
				"serviceTask_recordDisciplineTransfer", "endEvent_transferred");
		Transfer transfer = records.get(pi.getId());
		assertThat(transfer.getOutcome()).isEqualTo("SENT");
		assertThat(transfer.getHandedOverOnTime()).isTrue();
		assertThat(transfer.getApprovedBy()).isEqualTo("head1");
		byte[] letter = documents.find((String) historicVariable(pi, "disciplineTransferLetterDocId")).orElseThrow().content();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(letter));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("麒麟区纪委监委", "经营无证餐馆", caseId, "张伟", "寥街罚决〔2026〕3号")
				.doesNotContain("${");
		}
	}

	@Test
	void lateSignatureLeavesWarningBreachAndALateRecord() {
		clockAt(moment("2026-09-29T09:00:00+08:00"));
		ProcessInstance pi = start(moment(CLOSED));
		clockAt(moment("2026-10-14T08:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(openTask(pi, "userTask_signDisciplineTransfer").getPriority()).isEqualTo(80);
		clockAt(moment("2026-10-17T10:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).hasPassed("serviceTask_escalateDiscipline");
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.containsExactly("LIAOKUO-head", "LIAOKUO-head", "supervisor");

		completeTaskAs("head1", pi, "userTask_signDisciplineTransfer",
				Map.of("disciplineClues", "线索", "signedAndSealed", true, "disciplineOrgan", "麒麟区纪委监委第二派驻纪检监察组"));
		Transfer transfer = records.get(pi.getId());
		assertThat(transfer.getOutcome()).isEqualTo("SENT_LATE");
		assertThat(transfer.getCounterpart()).isEqualTo("麒麟区纪委监委第二派驻纪检监察组");
		assertThat(records.steps(pi.getId())).filteredOn(s -> s.getStep().equals("SENT")).singleElement()
			.satisfies(s -> assertThat(s.getOnTime()).isFalse());
	}

	@Test
	void aDateFromTheStartFormStartsTheClockAtThatDay() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start("2026-10-30");
		// Fri 30 Oct: 2–6, 9–13 Nov
		assertThat(openTask(pi, "userTask_signDisciplineTransfer").getDueDate()).isEqualTo(moment("2026-11-13T23:59:59+08:00"));
	}

	@Test
	void aPartyWhoIsNoOfficialIsNotTransferred() {
		Map<String, Object> vars = variables(moment(CLOSED));
		vars.put("partyIsOfficial", false);
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("discipline-transfer", caseId, vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("partyIsOfficial");
	}

	/** Issue 16 point 21: the letter's 行政处罚决定书 cell was empty when the case was reported without its number. */
	@Test
	void withoutTheDecisionNumberNoLetterIsStarted() {
		Map<String, Object> vars = variables(moment(CLOSED));
		vars.remove("decisionNumber");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("discipline-transfer", caseId, vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("decisionNumber")
			.hasMessageContaining("行政处罚决定书文号");
	}

	private ProcessInstance start(Object closedAt) {
		return engine.getRuntimeService().startProcessInstanceByKey("discipline-transfer", caseId, variables(closedAt));
	}

	private Map<String, Object> variables(Object closedAt) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("caseId", caseId);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("partyName", "王某");
		vars.put("partyIsOfficial", true);
		vars.put("closedAt", closedAt);
		vars.put("decisionNumber", "寥街罚决〔2026〕3号");
		return vars;
	}
}

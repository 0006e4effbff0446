package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhifa.sla.Notification;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code criminal-transfer} (两法衔接, 国务院令第310号, R-COORD-2), one scenario per path and timer,
 * each step taken by the demo user who would take it (authorization checks apply). Time moves with the
 * engine clock across National Day 2026 (1–7 October).
 */
@ZhifaIntegrationTest
class CriminalTransferProcessTests extends TransferTestSupport {

	/** Monday 28 Sep 2026, 10:00 Beijing time. */
	static final String REPORTED = "2026-09-28T10:00:00+08:00";

	@Override
	String casePrefix() {
		return "X";
	}

	@Test
	void headRefusesWithReasonsAndTheCaseMayDecideAdministratively() {
		clockAt(moment(REPORTED));
		ProcessInstance pi = start();
		Task approval = openTask(pi, "userTask_approveCriminalTransfer");
		// 3 days from 28 Sep end on 1 Oct, a holiday: rolled forward to the first working day, 8 Oct
		assertThat(approval.getDueDate()).isEqualTo(moment("2026-10-08T23:59:59+08:00"));
		assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
			.anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("LIAOKUO-head"));

		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_approveCriminalTransfer", Map.of("headDecision", "REFUSE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("refusalReasons");
		completeTaskAs("head1", pi, "userTask_approveCriminalTransfer",
				Map.of("headDecision", "REFUSE", "refusalReasons", "涉案金额未达立案追诉标准"));

		assertThat(pi).isEnded().hasPassedInOrder("userTask_approveCriminalTransfer", "serviceTask_concludeRefused",
				"endEvent_refused");
		assertThat(historicVariable(pi, "mayDecideAdministratively")).isEqualTo(true);
		assertThat(historicVariable(pi, "criminalTransferOutcome")).isEqualTo("REFUSED_BY_HEAD");
		Transfer transfer = records.get(pi.getId());
		assertThat(transfer.getStatus()).isEqualTo(Transfer.Status.CLOSED);
		assertThat(transfer.getApprovedAt()).isNull();
		assertThat(steps(pi)).containsExactly("REPORTED", "HEAD_REFUSE", "CLOSED_REFUSED_BY_HEAD");
	}

	@Test
	void approvalWarningOneWorkingDayBeforeAndBreachAtTheDueDate() {
		clockAt(moment(REPORTED));
		ProcessInstance pi = start();
		// one working day before 8 Oct, across the holiday: 30 Sep
		assertThat(timerDue(pi, "timerEvent_approvalWarning")).isEqualTo(moment("2026-09-30T00:00:00+08:00"));
		assertThat(timerDue(pi, "timerEvent_approvalBreach")).isEqualTo(moment("2026-10-08T23:59:59+08:00"));

		assertOneJobRunsAt(pi, "2026-09-29T12:00:00+08:00", "2026-09-30T08:00:00+08:00");
		assertThat(openTask(pi, "userTask_approveCriminalTransfer").getPriority()).isEqualTo(80);

		clockAt(moment("2026-10-09T00:00:01+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).isWaitingAt("userTask_approveCriminalTransfer").hasPassed("serviceTask_escalateApproval");
		assertThat(openTask(pi, "userTask_approveCriminalTransfer").getPriority()).isEqualTo(100);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.containsExactly("LIAOKUO-head", "LIAOKUO-head", "supervisor");
	}

	@Test
	void approvedHandedOverWithin24HoursPoliceFileAndTheCourtConvicts() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start();
		clockAt(moment("2026-11-03T15:00:00+08:00"));
		approve(pi);
		assertThat(historicVariable(pi, "approverId")).isEqualTo("head1");
		String letter = (String) historicVariable(pi, "criminalTransferLetterDocId");
		assertThat(documents.find(letter)).isPresent();
		assertThat((String) historicVariable(pi, "criminalTransferLetterNo")).startsWith("寥街刑移〔2026〕");

		Task handover = openTask(pi, "userTask_handOverToPolice");
		assertThat(handover.getAssignee()).isEqualTo("officer1");
		assertThat(handover.getDueDate()).isEqualTo(moment("2026-11-04T15:00:00+08:00"));
		Map<String, Object> noCopies = Map.of("copiedToProcuratorate", true, "copiedToJusticeBureau", false,
				"reportedToSuperior", true);
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_handOverToPolice", noCopies))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("copiedToJusticeBureau");
		clockAt(moment("2026-11-04T10:00:00+08:00"));
		handOver(pi);
		assertThat(pi).isWaitingAt("receiveTask_awaitPoliceDecision");
		// 3 days from Wed 4 Nov end on Saturday 7 Nov: rolled forward to Monday 9 Nov
		assertThat(timerDue(pi, "timerEvent_policeDecisionOverdue")).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThat(records.get(pi.getId()).getHandedOverOnTime()).isTrue();

		clockAt(moment("2026-11-05T11:00:00+08:00"));
		correlate("transfer.policeDecision", pi, Map.of("policeDecision", "FILED"));
		Task evidence = openTask(pi, "userTask_handOverEvidence");
		assertThat(evidence.getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_handOverEvidence", Map.of("evidenceItems", "假冒白酒120箱")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("evidenceReceivedBy");
		completeTaskAs("officer1", pi, "userTask_handOverEvidence",
				Map.of("evidenceItems", "假冒白酒120箱；检验报告1份", "evidenceReceivedBy", "某区公安分局经侦大队 王警官"));
		assertThat(pi).isWaitingAt("receiveTask_awaitJudicialOutcome");

		correlate("transfer.judicialOutcome", pi, Map.of("judicialOutcome", "CONVICTED"));
		// convicted: the principal head decides on what the court cannot impose (licence revocation etc.)
		assertThat(pi).isWaitingAt("userTask_decideAfterConviction");
		assertThat(historicVariable(pi, "mayDecideAdministratively")).isEqualTo(false);
		engine.getTaskService().setAssignee(openTask(pi, "userTask_decideAfterConviction").getId(), "officer1");
		Map<String, Object> revoke = Map.of("afterConvictionDecision", "SANCTION", "afterConvictionReasons",
				"依照《商标法》第六十条吊销营业执照");
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_decideAfterConviction", revoke))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("afterConvictionDecision")
			.hasMessageContaining("第五条");
		engine.getTaskService().setAssignee(openTask(pi, "userTask_decideAfterConviction").getId(), "head1");
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_decideAfterConviction",
				Map.of("afterConvictionDecision", "SANCTION")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("afterConvictionReasons");
		completeTaskAs("head1", pi, "userTask_decideAfterConviction", revoke);
		assertThat(pi).isEnded().hasPassed("serviceTask_concludeJudicial", "endEvent_afterConviction")
			.hasNotPassed("endEvent_judicialOutcome");
		assertThat(historicVariable(pi, "mayDecideAdministratively")).isEqualTo(true);
		assertThat(historicVariable(pi, "afterConviction")).isEqualTo(true);
		assertThat(historicVariable(pi, "criminalTransferOutcome")).isEqualTo("CONVICTED");
		assertThat(steps(pi)).containsExactly("REPORTED", "HEAD_APPROVE", "HANDED_OVER", "POLICE_FILED",
				"EVIDENCE_HANDED_OVER", "CLOSED_CONVICTED", "AFTER_CONVICTION_SANCTION");
		assertThat(records.steps(pi.getId())).filteredOn(s -> s.getStep().equals("EVIDENCE_HANDED_OVER"))
			.singleElement().satisfies(s -> assertThat(s.getOnTime()).isTrue());
	}

	@Test
	void lateHandoverAndASilentPoliceLeaveBreachRecords() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start();
		approve(pi);
		clockAt(moment("2026-11-03T09:00:01+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).hasPassed("serviceTask_escalateHandover");
		handOver(pi);
		assertThat(records.get(pi.getId()).getHandedOverOnTime()).isFalse();

		clockAt(moment("2026-11-07T00:00:01+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).isWaitingAt("receiveTask_awaitPoliceDecision").hasPassed("serviceTask_remindPoliceDecision");
	}

	@Test
	void policeRefuseReconsiderationMakesThemFileAndTheProcuratorateDoesNotProsecute() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start();
		approve(pi);
		handOver(pi);
		clockAt(moment("2026-11-04T16:00:00+08:00"));
		correlate("transfer.policeDecision", pi, Map.of("policeDecision", "NOT_FILED", "policeDecisionNotes", "认为没有犯罪事实"));
		Task followUp = openTask(pi, "userTask_chooseFollowUp");
		assertThat(followUp.getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_chooseFollowUp", Map.of("followUp", "RECONSIDERATION")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("followUpNotes");
		completeTaskAs("head1", pi, "userTask_chooseFollowUp",
				Map.of("followUp", "RECONSIDERATION", "followUpNotes", "涉案金额已达追诉标准，提请复议"));
		assertThat(pi).isWaitingAt("receiveTask_awaitReconsideration");

		correlate("transfer.reconsiderationResult", pi,
				Map.of("reconsiderationResult", "FILED", "reconsiderationNotes", "复议决定立案"));
		completeTaskAs("officer1", pi, "userTask_handOverEvidence",
				Map.of("evidenceItems", "涉案物品清单所列物品", "evidenceReceivedBy", "某区公安分局"));
		correlate("transfer.judicialOutcome", pi, Map.of("judicialOutcome", "NOT_PROSECUTED", "judicialNotes", "检察院决定不起诉"));

		assertThat(pi).isEnded().hasPassed("gateway_reconsiderationResult", "serviceTask_recordFiled", "endEvent_judicialOutcome");
		assertThat(historicVariable(pi, "mayDecideAdministratively")).isEqualTo(true);
		assertThat(historicVariable(pi, "criminalTransferOutcome")).isEqualTo("NOT_PROSECUTED");
		assertThat(steps(pi)).contains("POLICE_NOT_FILED", "FOLLOW_UP_RECONSIDERATION", "POLICE_FILED_AFTER_FOLLOW_UP");
	}

	@Test
	void policeRefuseAndTheAgencyDoesNotFollowUp() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start();
		approve(pi);
		handOver(pi);
		correlate("transfer.policeDecision", pi, Map.of("policeDecision", "NOT_FILED", "policeDecisionNotes", "情节显著轻微"));
		completeTaskAs("head1", pi, "userTask_chooseFollowUp", Map.of("followUp", "NONE"));

		assertThat(pi).isEnded().hasPassed("serviceTask_concludeNotFiled", "endEvent_notFiled");
		assertThat(historicVariable(pi, "mayDecideAdministratively")).isEqualTo(true);
		assertThat(historicVariable(pi, "criminalTransferOutcome")).isEqualTo("POLICE_NOT_FILED");
		assertThat(records.get(pi.getId()).getExternalDecision()).isEqualTo("NOT_FILED");
	}

	@Test
	void afterThreeDaysOnlyFilingSupervisionIsPossibleAndThePoliceMaintainTheRefusal() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start();
		approve(pi);
		handOver(pi);
		correlate("transfer.policeDecision", pi, Map.of("policeDecision", "NOT_FILED", "policeDecisionNotes", "证据不足"));
		Task followUp = openTask(pi, "userTask_chooseFollowUp");

		clockAt(new Date(followUp.getDueDate().getTime() + 1000));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).hasPassed("serviceTask_escalateFollowUp");
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_chooseFollowUp",
				Map.of("followUp", "BOTH", "followUpNotes", "逾期提请"))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("立案监督");
		completeTaskAs("head1", pi, "userTask_chooseFollowUp",
				Map.of("followUp", "SUPERVISION", "followUpNotes", "建议人民检察院立案监督"));
		correlate("transfer.reconsiderationResult", pi, Map.of("reconsiderationResult", "NOT_FILED"));

		assertThat(pi).isEnded().hasPassed("endEvent_notFiled");
		assertThat(historicVariable(pi, "criminalTransferOutcome")).isEqualTo("POLICE_NOT_FILED");
		assertThat(steps(pi)).contains("FOLLOW_UP_SUPERVISION");
	}

	@Test
	void anUnknownJudicialOutcomeChangesNothing() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = start();
		approve(pi);
		handOver(pi);
		correlate("transfer.policeDecision", pi, Map.of("policeDecision", "FILED"));
		completeTaskAs("officer1", pi, "userTask_handOverEvidence", Map.of("evidenceItems", "物品", "evidenceReceivedBy", "某警官"));
		assertThatThrownBy(() -> correlate("transfer.judicialOutcome", pi, Map.of("judicialOutcome", "PARDONED")))
			.hasMessageContaining("judicialOutcome");
		assertThat(pi).isWaitingAt("receiveTask_awaitJudicialOutcome");
		assertThat(records.get(pi.getId()).getStatus()).isEqualTo(Transfer.Status.AWAITING_JUDICIAL);
	}

	@Test
	void badStartInputNamesTheField() {
		Map<String, Object> vars = startVariables();
		vars.remove("crimeSuspicion");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("criminal-transfer", caseId, vars))
			.hasMessageContaining("crimeSuspicion");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
	}

	@Test
	void onlyThePrincipalHeadApprovesAndAnExistingDecisionGoesWithTheTransfer() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		// the case was decided before the crime came to light
		String decisionNo = documents.generate("PENALTY_DECISION", "LIAOKUO", caseId, null,
				Map.of("partyName", "某商贸有限公司"), "officer1").number();
		ProcessInstance pi = start();
		Map<String, Object> approval = Map.of("headDecision", "APPROVE", "policeOrgan", "曲靖市公安局麒麟分局",
				"transferAttachments", "涉嫌犯罪案件移送书\n调查报告\n涉案物品清单");
		// handed to an officer, the task is still the principal head's decision (第五条)
		engine.getTaskService().setAssignee(openTask(pi, "userTask_approveCriminalTransfer").getId(), "officer1");
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_approveCriminalTransfer", approval))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("headDecision")
			.hasMessageContaining("主要负责人");
		engine.getTaskService().setAssignee(openTask(pi, "userTask_approveCriminalTransfer").getId(), "head1");
		// the decision already made goes with it (第十一条)
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_approveCriminalTransfer", approval))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transferAttachments")
			.hasMessageContaining(decisionNo).hasMessageContaining("第十一条");
		completeTaskAs("head1", pi, "userTask_approveCriminalTransfer", Map.of("headDecision", "APPROVE", "policeOrgan",
				"曲靖市公安局麒麟分局", "transferAttachments",
				"涉嫌犯罪案件移送书\n调查报告\n涉案物品清单\n行政处罚决定书（副本）" + decisionNo));
		assertThat(pi).isWaitingAt("userTask_handOverToPolice");
		assertThat(records.steps(pi.getId())).filteredOn(s -> s.getStep().equals("HEAD_APPROVE")).singleElement()
			.satisfies(s -> assertThat(s.getDetails()).contains(decisionNo));
	}

	// --- steps ---

	private ProcessInstance start() {
		return engine.getRuntimeService().startProcessInstanceByKey("criminal-transfer", caseId, startVariables());
	}

	private Map<String, Object> startVariables() {
		Map<String, Object> vars = new HashMap<>();
		vars.put("caseId", caseId);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("handlerId", "officer1");
		vars.put("partyName", "某商贸有限公司");
		vars.put("crimeSuspicion", "销售假冒注册商标的商品，货值金额逾十五万元，涉嫌销售假冒注册商标的商品罪");
		return vars;
	}

	private void approve(ProcessInstance pi) {
		completeTaskAs("head1", pi, "userTask_approveCriminalTransfer",
				Map.of("headDecision", "APPROVE", "policeOrgan", "曲靖市公安局麒麟分局"));
	}

	private void handOver(ProcessInstance pi) {
		completeTaskAs("officer1", pi, "userTask_handOverToPolice", Map.of("copiedToProcuratorate", true,
				"copiedToJusticeBureau", true, "reportedToSuperior", true, "handoverNotes", "公安分局法制大队签收"));
	}
}

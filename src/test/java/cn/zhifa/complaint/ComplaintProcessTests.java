package cn.zhifa.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.sla.Notification;
import cn.zhifa.support.ProcessScenarioSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code complaint-handling} (R-COORD-4, seed 002 (十五) 二), every path: a portal complaint accepted,
 * handled and answered (the answer on the complainant's query); not accepted with reasons; routed by the table
 * to the competent agency; moved by the officer to another agency on Zhifa (which does not send it back) or to
 * a body outside; an enforcement case opened from it (source COMPLAINT, linked both ways); the acceptance and
 * the handling periods breached (supervision record, the task stays open); bad staff input refused naming the field.
 */
@ZhifaIntegrationTest
class ComplaintProcessTests extends ProcessScenarioSupport {

	@Autowired
	ComplaintService complaints;
	@Autowired
	ComplaintRepository rows;

	@Test
	void portalComplaintIsAcceptedHandledAndTheReplyShowsOnTheQuery() {
		clockAt(moment(MONDAY));
		ComplaintService.Receipt r = complaints.submit(input("CITY_MANAGEMENT", "人民路12号门前"), "PORTAL", null, null);
		assertThat(r.receiptNo()).matches("TS-2026-\\d{6}");
		assertThat(r.queryCode()).matches("[A-Z2-9]{8}");
		assertThat(r.handlingBody()).isEqualTo("寥廓街道综合行政执法队");
		ProcessInstance pi = instanceOf(r.receiptNo());
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		assertThat(pi).isWaitingAt("userTask_decideAcceptance")
			.hasPassedInOrder("serviceTask_registerComplaint", "businessRuleTask_routing", "serviceTask_recordRouting");
		Task accept = openTask(pi, "userTask_decideAcceptance");
		// 7 working days from Mon 2 Nov: 3, 4, 5, 6, 9, 10, 11 Nov
		assertThat(accept.getDueDate()).isEqualTo(moment("2026-11-11T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(accept.getId()).taskCandidateGroup("LIAOKUO-officer").count())
			.isEqualTo(1);
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(v -> {
			assertThat(v.status()).isEqualTo("已收到，正在分办");
			assertThat(v.handlingBody()).isEqualTo("寥廓街道综合行政执法队");
			assertThat(v.reply()).isNull();
		});

		clockAt(moment("2026-11-03T10:00:00+08:00"));
		completeTaskAs("officer1", pi, "userTask_decideAcceptance", Map.of("complaintAcceptance", "ACCEPTED"));
		Task handle = openTask(pi, "userTask_handle");
		assertThat(handle.getAssignee()).isEqualTo("officer1");
		// 15 working days from Tue 3 Nov: 4–6, 9–13, 16–20, 23, 24 Nov
		assertThat(handle.getDueDate()).isEqualTo(moment("2026-11-24T23:59:59+08:00"));
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(v -> {
			assertThat(v.status()).isEqualTo("已受理，正在调查处理");
			assertThat(v.promisedBy()).isEqualTo(moment("2026-11-24T23:59:59+08:00").toInstant());
		});

		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_handle", Map.of("openCase", false)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("complaintReply");
		clockAt(moment("2026-11-10T15:00:00+08:00"));
		completeTaskAs("officer1", pi, "userTask_handle", Map.of("complaintReply", "经现场核查，占道经营的摊点已责令清除。", "openCase", false));
		assertThat(pi).isEnded().hasPassedInOrder("userTask_handle", "gateway_openCase", "serviceTask_reply", "endEvent_replied")
			.hasNotPassed("serviceTask_openCase");
		Complaint c = rows.findById(r.receiptNo()).orElseThrow();
		assertThat(c.getStatus()).isEqualTo(Complaint.REPLIED);
		assertThat(c.getRepliedOnTime()).isTrue();
		assertThat(c.getHandlerId()).isEqualTo("officer1");
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(v -> {
			assertThat(v.status()).isEqualTo("已办结并答复");
			assertThat(v.reply()).isEqualTo("经现场核查，占道经营的摊点已责令清除。");
		});
		// every step is in the full-process record under the receipt number, with who did it
		assertThat(record.list(r.receiptNo())).filteredOn(e -> e.kind().equals("TASK_COMPLETED"))
			.extracting(cn.zhifa.record.RecordEntry::actor).containsExactly("officer1", "officer1");
		// the query needs both: a wrong code and an unknown number are the same nothing
		assertThat(complaints.query(r.receiptNo(), "AAAAAAAA")).isEmpty();
		assertThat(complaints.query("TS-2026-999999", r.queryCode())).isEmpty();
	}

	@Test
	void notAcceptedNeedsReasonsAndTellsThem() {
		ComplaintService.Receipt r = complaints.submit(input("ILLEGAL_BUILDING", "寥廓街道北门村"), "PORTAL", null, null);
		ProcessInstance pi = instanceOf(r.receiptNo());
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_decideAcceptance", Map.of("complaintAcceptance", "NOT_ACCEPTED")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("notAcceptedReason");
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_decideAcceptance", Map.of("complaintAcceptance", "MAYBE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("complaintAcceptance");
		completeTaskAs("officer1", pi, "userTask_decideAcceptance",
				Map.of("complaintAcceptance", "NOT_ACCEPTED", "notAcceptedReason", "该建筑已于2025年依法办理规划许可，不属违法建设"));
		assertThat(pi).isEnded().hasPassed("serviceTask_reply", "endEvent_replied").hasNotPassed("userTask_handle");
		assertThat(rows.findById(r.receiptNo()).orElseThrow().getStatus()).isEqualTo(Complaint.NOT_ACCEPTED);
		assertThat(complaints.query(r.receiptNo(), r.queryCode().toLowerCase())).hasValueSatisfying(v -> {
			assertThat(v.status()).isEqualTo("不予受理");
			assertThat(v.reply()).contains("不予受理", "已于2025年依法办理规划许可");
		});
	}

	@Test
	void staffEntryIsRoutedByTheTableToTheCompetentAgency() {
		as("officer1");
		ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("complaint-handling",
				staffEntry("FOOD_SAFETY", "某超市销售过期牛奶，货架上有多盒", "13812345678"));
		engine.getIdentityService().clearAuthentication();
		String no = (String) historicVariable(pi, "complaintNo");
		assertThat((String) historicVariable(pi, "complaintQueryCode")).matches("[A-Z2-9]{8}");
		assertThat(pi).isEnded().hasPassed("serviceTask_transfer", "endEvent_transferred").hasNotPassed("userTask_decideAcceptance");
		Complaint c = rows.findById(no).orElseThrow();
		assertThat(c.getChannel()).isEqualTo("STAFF");
		assertThat(c.getRegisteredBy()).isEqualTo("officer1");
		assertThat(c.getFirstAgencyCode()).isEqualTo("LIAOKUO");
		assertThat(c.getAgencyCode()).isEqualTo("QLSCJ");
		assertThat(c.getTransfers()).isEqualTo(1);
		assertThat(c.getRoutingBasis()).contains("寥廓街道综合行政执法队 移送", "市场监督管理");
		ProcessInstance there = instanceOf(no);
		assertThat(there.getTenantId()).isEqualTo("QLSCJ");
		assertThat(there).isWaitingAt("userTask_decideAcceptance");
		// the other agency's officer does not see it; QLSCJ's does
		as("officer1");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(there.getId()).count()).isZero();
		as("officer4");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(there.getId()).count()).isEqualTo(1);
		engine.getIdentityService().clearAuthentication();
	}

	@Test
	void badStaffEntryIsRefusedNamingTheField() {
		as("officer1");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("complaint-handling",
				staffEntry("CITY_MANAGEMENT", "人民路有人乱倒建筑垃圾，持续一周", "12345"))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("complainantContact").hasMessageContaining("手机号码");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("complaint-handling",
				staffEntry("CITY_MANAGEMENT", "太短", null))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("complaintContent");
		assertThatThrownBy(() -> complaints.submit(input("NOISE", "人民路"), "PORTAL", null, null)).isInstanceOf(Problem.class)
			.hasMessageContaining("事项类别");
	}

	@Test
	void officerMovesItToAnotherAgencyWhichDoesNotSendItBack() {
		ComplaintService.Receipt r = complaints.submit(input("OTHER", "寥廓街道菜市场"), "PORTAL", null, null);
		ProcessInstance pi = instanceOf(r.receiptNo());
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_decideAcceptance",
				Map.of("complaintAcceptance", "TRANSFER_AGENCY", "transferAgencyCode", "LIAOKUO", "transferReason", "x")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transferAgencyCode");
		completeTaskAs("officer1", pi, "userTask_decideAcceptance",
				Map.of("complaintAcceptance", "TRANSFER_AGENCY", "transferAgencyCode", "QLSCJ", "transferReason", "反映的是计量器具问题"));
		assertThat(pi).isEnded().hasPassed("endEvent_transferred");
		ProcessInstance there = instanceOf(r.receiptNo());
		assertThat(there.getTenantId()).isEqualTo("QLSCJ");
		// the table would say LIAOKUO (OTHER), but a moved complaint stays with the agency it was moved to
		assertThat(there).isWaitingAt("userTask_decideAcceptance");
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(
				v -> assertThat(v.handlingBody()).isEqualTo("某区市场监督管理局"));
		completeTaskAs("officer4", there, "userTask_decideAcceptance", Map.of("complaintAcceptance", "ACCEPTED"));
		assertThat(openTask(there, "userTask_handle").getAssignee()).isEqualTo("officer4");
		assertThat(rows.findById(r.receiptNo()).orElseThrow().getReferredByAgencyCode()).isEqualTo("LIAOKUO");

		// seed 002 (十五)二: once answered, the result goes back to the agency that moved it
		completeTaskAs("officer4", there, "userTask_handle", Map.of("complaintReply", "经核查，该摊位电子秤已检定合格，未发现计量违法行为。",
				"openCase", false));
		ProcessInstance feedback = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("complaint-feedback")
			.processInstanceBusinessKey(r.receiptNo()).singleResult();
		assertThat(feedback.getTenantId()).isEqualTo("LIAOKUO");
		assertThat(feedback).isWaitingAt("userTask_read");
		assertThat(engine.getRuntimeService().getVariables(feedback.getId())).containsEntry("feedbackHandlingBody", "某区市场监督管理局")
			.containsEntry("feedbackReply", "经核查，该摊位电子秤已检定合格，未发现计量违法行为。").containsEntry("feedbackRepliedOnTime", true);
		// QLSCJ's officers do not see LIAOKUO's feedback task; LIAOKUO's do
		as("officer4");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(feedback.getId()).count()).isZero();
		engine.getIdentityService().clearAuthentication();
		assertThatThrownBy(() -> completeTaskAs("officer1", feedback, "userTask_read", Map.of("feedbackRead", false)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("feedbackRead");
		completeTaskAs("officer1", feedback, "userTask_read", Map.of("feedbackRead", true));
		assertThat(feedback).isEnded();
		// nobody fakes a feedback: the register decides (another agency's, or one not yet answered, is refused)
		assertThatThrownBy(() -> complaints.feedback(r.receiptNo(), "QLSCJ")).hasMessageContaining("没有可反馈的办理结果");
	}

	@Test
	void aBodyOutsideZhifaIsNamedInTheReply() {
		ComplaintService.Receipt r = complaints.submit(input("OTHER", "寥廓街道幸福小区"), "PORTAL", null, null);
		ProcessInstance pi = instanceOf(r.receiptNo());
		completeTaskAs("officer1", pi, "userTask_decideAcceptance", Map.of("complaintAcceptance", "TRANSFER_EXTERNAL", "externalBody",
				"麒麟区住房和城乡建设局", "transferReason", "物业服务纠纷由住房城乡建设部门处理"));
		assertThat(pi).isEnded().hasPassed("serviceTask_transfer", "endEvent_transferred");
		Complaint c = rows.findById(r.receiptNo()).orElseThrow();
		assertThat(c.getStatus()).isEqualTo(Complaint.TRANSFERRED_EXTERNAL);
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(v -> {
			assertThat(v.handlingBody()).isEqualTo("麒麟区住房和城乡建设局");
			assertThat(v.reply()).contains("转送麒麟区住房和城乡建设局处理");
		});
	}

	@Test
	void aComplaintOpensAnEnforcementCaseLinkedToIt() {
		ComplaintService.Receipt r = complaints.submit(input("CITY_MANAGEMENT", "人民路35号"), "PORTAL", null, null);
		ProcessInstance pi = instanceOf(r.receiptNo());
		completeTaskAs("officer1", pi, "userTask_decideAcceptance", Map.of("complaintAcceptance", "ACCEPTED"));
		Map<String, Object> vars = new HashMap<>();
		vars.put("complaintReply", "经核查，反映情况属实，已立案查处。");
		vars.put("openCase", true);
		vars.put("partyType", "PERSON");
		vars.put("partyName", "李某");
		vars.put("partyIdNumber", "530302199001011232");
		vars.put("partyAddress", "曲靖市麒麟区人民路35号");
		vars.put("violationCode", "CM-OCCUPY-ROAD");
		vars.put("facts", "当事人在人民路35号门前占道摆摊经营水果");
		assertThatThrownBy(() -> completeTaskAs("officer1", pi, "userTask_handle", withValue(vars, "partyIdNumber", "123")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("partyIdNumber");
		completeTaskAs("officer1", pi, "userTask_handle", vars);
		assertThat(pi).isEnded().hasPassedInOrder("serviceTask_openCase", "serviceTask_reply", "endEvent_replied");
		Complaint c = rows.findById(r.receiptNo()).orElseThrow();
		assertThat(c.getCaseNo()).startsWith("寥街罚〔");
		ProcessInstance enforcement = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("enforcement-case")
			.processInstanceBusinessKey(c.getCaseNo()).singleResult();
		assertThat(enforcement.getTenantId()).isEqualTo("LIAOKUO");
		assertThat(engine.getRuntimeService().getVariable(enforcement.getId(), "caseSource")).isEqualTo("COMPLAINT");
		assertThat(engine.getRuntimeService().getVariable(enforcement.getId(), "complaintNo")).isEqualTo(r.receiptNo());
		assertThat(engine.getRuntimeService().getVariable(enforcement.getId(), "registeredBy")).isEqualTo("officer1");
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(v -> {
			assertThat(v.reply()).contains("已立案查处，案号 " + c.getCaseNo());
			assertThat(v.caseNo()).isEqualTo(c.getCaseNo());
			assertThat(v.caseStage()).isEqualTo("已登记");
		});
		// the complainant follows the case to its result: here the head decides not to file it
		completeTaskAs("head1", enforcement, "userTask_approveFiling", Map.of("filingDecision", "NOT_FILE", "notFilingReasons",
				"经复核，摊点已自行撤离，违法行为轻微并及时改正"));
		assertThat(complaints.query(r.receiptNo(), r.queryCode())).hasValueSatisfying(v -> {
			assertThat(v.caseStage()).isEqualTo("不予立案");
			assertThat(v.caseStageAt()).isNotNull();
		});
	}

	@Test
	void aLateAnswerIsEscalatedAndRecordedLate() {
		clockAt(moment(MONDAY));
		ComplaintService.Receipt r = complaints.submit(input("ENVIRONMENT", "寥廓街道南门饭店"), "PORTAL", null, null);
		ProcessInstance pi = instanceOf(r.receiptNo());
		completeTaskAs("officer1", pi, "userTask_decideAcceptance", Map.of("complaintAcceptance", "ACCEPTED"));
		// 15 working days from Mon 2 Nov: 3–6, 9–13, 16–20, 23 Nov
		assertThat(openTask(pi, "userTask_handle").getDueDate()).isEqualTo(moment("2026-11-23T23:59:59+08:00"));
		assertOneJobRunsAt(pi, "2026-11-23T10:00:00+08:00", "2026-11-24T08:00:00+08:00");
		assertThat(pi).hasPassed("serviceTask_escalateHandling");
		assertThat(openTask(pi, "userTask_handle").getPriority()).isEqualTo(100);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.contains("LIAOKUO-head", "supervisor");
		completeTaskAs("officer1", pi, "userTask_handle", Map.of("complaintReply", "油烟净化设施已整改。", "openCase", false));
		assertThat(rows.findById(r.receiptNo()).orElseThrow().getRepliedOnTime()).isFalse();
	}

	@Test
	void aLateAcceptanceIsEscalatedAndTheTaskStaysOpen() {
		clockAt(moment(MONDAY));
		ComplaintService.Receipt r = complaints.submit(input("ILLEGAL_BUILDING", "寥廓街道东门村"), "PORTAL", null, null);
		ProcessInstance pi = instanceOf(r.receiptNo());
		assertOneJobRunsAt(pi, "2026-11-11T18:00:00+08:00", "2026-11-12T08:00:00+08:00");
		assertThat(pi).hasPassed("serviceTask_escalateAcceptance", "endEvent_acceptanceEscalated").isWaitingAt("userTask_decideAcceptance");
		assertThat(openTask(pi, "userTask_decideAcceptance").getPriority()).isEqualTo(100);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.contains("LIAOKUO-head", "supervisor");
		completeTaskAs("officer1", pi, "userTask_decideAcceptance",
				Map.of("complaintAcceptance", "NOT_ACCEPTED", "notAcceptedReason", "已由规划部门另案处理"));
		assertThat(rows.findById(r.receiptNo()).orElseThrow().getRepliedOnTime()).isFalse();
	}

	// --- helpers ---

	static ComplaintInput input(String category, String location) {
		return new ComplaintInput(category, null, location, "有人长期在此处违法经营，影响周边居民，请依法处理。", "张三", "13912345678");
	}

	static Map<String, Object> staffEntry(String category, String content, String contact) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("complaintCategory", category);
		vars.put("complaintLocation", "寥廓街道人民路");
		vars.put("complaintContent", content);
		vars.put("complainantName", "王五");
		if (contact != null) {
			vars.put("complainantContact", contact);
		}
		return vars;
	}

	private static Map<String, Object> withValue(Map<String, Object> vars, String name, Object value) {
		Map<String, Object> copy = new HashMap<>(vars);
		copy.put(name, value);
		return copy;
	}

	ProcessInstance instanceOf(String receiptNo) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("complaint-handling")
			.processInstanceBusinessKey(receiptNo).active().singleResult();
	}
}

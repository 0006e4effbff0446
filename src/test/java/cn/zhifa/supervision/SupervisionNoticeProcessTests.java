package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.record.RecordEntry;
import cn.zhifa.sla.Notification;
import cn.zhifa.support.ProcessScenarioSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code supervision-notice} (行政执法监督通知书, R-COORD-8), every path: issued by a supervisor to an agency (its
 * tenant), the notice generated, the head reports, the bureau closes it; sent back and then circulated (通报); a period
 * stated in the notice and an escalation to the government; the rectification period breached (督办, the task stays
 * open, the report is late); who may issue and who sees it; bad input refused naming the field.
 */
@ZhifaIntegrationTest
class SupervisionNoticeProcessTests extends ProcessScenarioSupport {

	@Autowired
	SupervisionNoticeRepository rows;
	@Autowired
	SupervisionNoticeService notices;

	@Test
	void issuedReportedAndClosed() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = issue("supervisor1", notice("LIAOKUO", "COMPLAINT", "TS-2026-000001"));
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		String no = pi.getBusinessKey();
		assertThat(no).matches("区司法监通〔2026〕\\d+号");
		assertThat(pi).isWaitingAt("userTask_rectify").hasPassedInOrder("serviceTask_issue", "serviceTask_generateNotice");
		Task rectify = openTask(pi, "userTask_rectify");
		// 15 working days from Mon 2 Nov: 3–6, 9–13, 16–20, 23 Nov
		assertThat(rectify.getDueDate()).isEqualTo(moment("2026-11-23T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(rectify.getId()).taskCandidateGroup("LIAOKUO-head").count())
			.isEqualTo(1);
		assertThat(historicVariable(pi, "rectificationWorkingDays")).isEqualTo(15);
		assertThat(historicVariable(pi, "supervisedAgencyName")).isEqualTo("寥廓街道综合行政执法队");
		assertThat((String) historicVariable(pi, "supervisionNoticeDocId")).isNotBlank();
		SupervisionNotice n = rows.findById(no).orElseThrow();
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ISSUED);
		assertThat(n.getIssuedBy()).isEqualTo("supervisor1");
		assertThat(n.getSourceRef()).isEqualTo("TS-2026-000001");
		assertThat(notices.openNotices("LIAOKUO")).isPositive();

		// another agency's head does not see it; the addressed head does
		as("head2");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		as("head1");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
		engine.getIdentityService().clearAuthentication();

		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_rectify", Map.of()))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("rectificationReport");
		clockAt(moment("2026-11-16T10:00:00+08:00"));
		completeTaskAs("head1", pi, "userTask_rectify", Map.of("rectificationReport", "已对承办人员批评教育，补充了告知程序，建立台账。"));
		assertThat(pi).isWaitingAt("userTask_check");
		Task check = openTask(pi, "userTask_check");
		// 10 working days from Mon 16 Nov: 17–20, 23–27, 30 Nov
		assertThat(check.getDueDate()).isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(check.getId()).taskCandidateGroup("supervisor").count())
			.isEqualTo(1);
		n = rows.findById(no).orElseThrow();
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.REPORTED);
		assertThat(n.getReportedOnTime()).isTrue();
		assertThat(n.getReportedBy()).isEqualTo("head1");

		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_check", Map.of("supervisionOutcome", "MAYBE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisionOutcome");
		completeTaskAs("supervisor1", pi, "userTask_check", Map.of("supervisionOutcome", "CLOSE"));
		assertThat(pi).isEnded().hasPassedInOrder("userTask_check", "gateway_outcome", "serviceTask_conclude", "endEvent_concluded")
			.hasNotPassed("serviceTask_sendBack");
		n = rows.findById(no).orElseThrow();
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.CLOSED);
		assertThat(n.getCheckedBy()).isEqualTo("supervisor1");
		assertThat(n.isOpen()).isFalse();
		// the steps are in the full-process record under the notice number, with who did them
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.containsExactly("head1", "supervisor1");
	}

	@Test
	void sentBackThenCirculated() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = issue("supervisor1", notice("QLSCJ", "SLA_BREACH", null));
		assertThat(pi.getTenantId()).isEqualTo("QLSCJ");
		completeTaskAs("head2", pi, "userTask_rectify", Map.of("rectificationReport", "已整改。"));
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_check", Map.of("supervisionOutcome", "REDO")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisionOpinion");
		clockAt(moment("2026-11-09T09:00:00+08:00"));
		completeTaskAs("supervisor1", pi, "userTask_check",
				Map.of("supervisionOutcome", "REDO", "supervisionOpinion", "整改报告未说明超期案件的处理情况，请补充整改。"));
		assertThat(pi).isWaitingAt("userTask_rectify").hasPassed("serviceTask_sendBack");
		// a new period of the same length from the day it was sent back: 15 working days from Mon 9 Nov
		assertThat(openTask(pi, "userTask_rectify").getDueDate()).isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		SupervisionNotice n = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(n.getRounds()).isEqualTo(2);
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ISSUED);
		completeTaskAs("head2", pi, "userTask_rectify", Map.of("rectificationReport", "超期案件已全部办结。"));
		completeTaskAs("supervisor1", pi, "userTask_check",
				Map.of("supervisionOutcome", "CIRCULATE", "supervisionOpinion", "两次整改仍不到位，予以全区通报。"));
		assertThat(pi).isEnded().hasPassed("serviceTask_conclude");
		n = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ESCALATED);
		assertThat(n.getEscalation()).isEqualTo("CIRCULATED");
	}

	@Test
	void statedPeriodAndReportToGovernment() {
		clockAt(moment(MONDAY));
		Map<String, Object> vars = notice("LIAOKUO", "UNTRANSFERRED_CASE", "寥街罚〔2026〕12号");
		vars.put("rectificationWorkingDays", 5L);
		ProcessInstance pi = issue("supervisor1", vars);
		// 5 working days from Mon 2 Nov: 3–6, 9 Nov
		assertThat(openTask(pi, "userTask_rectify").getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThat(rows.findById(pi.getBusinessKey()).orElseThrow().getPeriodWorkingDays()).isEqualTo(5);
		completeTaskAs("head1", pi, "userTask_rectify", Map.of("rectificationReport", "认为该案不涉嫌犯罪，不予移送。"));
		completeTaskAs("supervisor1", pi, "userTask_check",
				Map.of("supervisionOutcome", "REPORT_TO_GOVERNMENT", "supervisionOpinion", "应移送而不移送，报请区人民政府处理。"));
		SupervisionNotice n = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ESCALATED);
		assertThat(n.getEscalation()).isEqualTo("REPORTED_TO_GOVERNMENT");
	}

	@Test
	void aLateReportIsEscalatedAndRecordedLate() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = issue("supervisor1", notice("LIAOKUO", "CASE_FILE_REVIEW", null));
		assertOneJobRunsAt(pi, "2026-11-23T18:00:00+08:00", "2026-11-24T08:00:00+08:00");
		assertThat(pi).hasPassed("serviceTask_escalateRectification", "endEvent_rectificationEscalated")
			.isWaitingAt("userTask_rectify");
		assertThat(openTask(pi, "userTask_rectify").getPriority()).isEqualTo(100);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.contains("LIAOKUO-head", "supervisor");
		completeTaskAs("head1", pi, "userTask_rectify", Map.of("rectificationReport", "已整改。"));
		assertThat(rows.findById(pi.getBusinessKey()).orElseThrow().getReportedOnTime()).isFalse();
	}

	@Test
	void onlySupervisorsIssueAndOnlySupervisorsCheck() {
		assertThatThrownBy(() -> issue("officer1", notice("LIAOKUO", "OTHER", null))).isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("只有执法监督人员");
		assertThatThrownBy(() -> issue("head1", notice("LIAOKUO", "OTHER", null))).isInstanceOf(AuthorizationException.class);
		ProcessInstance pi = issue("supervisor1", notice("LIAOKUO", "OTHER", null));
		completeTaskAs("head1", pi, "userTask_rectify", Map.of("rectificationReport", "已整改。"));
		// the check is the bureau's: the agency cannot close its own notice
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_check", Map.of("supervisionOutcome", "CLOSE")))
			.isInstanceOf(AuthorizationException.class);
		// (the head reads his agency's tasks, as managers do in Cockpit, but it is not offered to him)
		as("head1");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroupIn(
				java.util.List.of("LIAOKUO-head", "head")).count()).isZero();
		engine.getIdentityService().clearAuthentication();
		completeTaskAs("supervisor1", pi, "userTask_check", Map.of("supervisionOutcome", "CLOSE", "supervisionOpinion", "整改到位。"));
		assertThat(pi).isEnded();
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		Map<String, Object> noProblem = notice("LIAOKUO", "OTHER", null);
		noProblem.remove("supervisionProblem");
		assertThatThrownBy(() -> issue("supervisor1", noProblem)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("supervisionProblem").hasMessageContaining("发现的问题必须填写");
		assertThatThrownBy(() -> issue("supervisor1", notice("LIAOKUO", "COMPLAINT", null)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisionSourceRef");
		assertThatThrownBy(() -> issue("supervisor1", notice("LIAOKUO", "RUMOUR", null)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisionSource");
		Map<String, Object> longPeriod = notice("LIAOKUO", "OTHER", null);
		longPeriod.put("rectificationWorkingDays", 365L);
		assertThatThrownBy(() -> issue("supervisor1", longPeriod)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("rectificationWorkingDays");
		assertThatThrownBy(() -> issue("supervisor1", notice("NOWHERE", "OTHER", null)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisedAgency");
		Map<String, Object> noAgency = notice("LIAOKUO", "OTHER", null);
		noAgency.remove("supervisedAgency");
		assertThatThrownBy(() -> issue("supervisor1", noAgency)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("supervisedAgency");
	}

	// --- helpers ---

	static Map<String, Object> notice(String agency, String source, String ref) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("supervisedAgency", agency);
		vars.put("supervisionSource", source);
		if (ref != null) {
			vars.put("supervisionSourceRef", ref);
		}
		vars.put("supervisionProblem", "部分案件事先告知书未告知当事人陈述、申辩的权利。");
		vars.put("rectificationRequirement", "逐案核查，对程序违法的案件依法纠正，并对相关人员进行培训。");
		return vars;
	}

	ProcessInstance issue(String user, Map<String, Object> variables) {
		as(user);
		try {
			ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("supervision-notice", variables);
			engine.getIdentityService().clearAuthentication();
			return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}
}

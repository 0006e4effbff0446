package cn.zhifa.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * Processes {@code assistance-request} and {@code assistance-reply} (执法协助, seed 002 (十五) 五), every path: LIAOKUO asks
 * QLSCJ in writing (the letter generated), the request becomes QLSCJ's task in QLSCJ's tenant with the reply deadline, QLSCJ
 * accepts and reports the outcome, LIAOKUO is told each time; refused with reasons; the reply deadline breached (督办, both
 * heads told, the late answer recorded late); who may ask and answer; bad input refused naming the field.
 */
@ZhifaIntegrationTest
class AssistanceRequestProcessTests extends ProcessScenarioSupport {

	@Autowired
	AssistanceRequestRepository rows;

	@Test
	void acceptedAndCompleted() {
		clockAt(moment(MONDAY));
		ProcessInstance request = startProcessAs("officer1", "assistance-request", request("QLSCJ", "TECHNICAL"));
		assertThat(request.getTenantId()).isEqualTo("LIAOKUO");
		String no = request.getBusinessKey();
		assertThat(no).matches(".+协〔2026〕\\d+号");
		assertThat(request).isWaitingAt("messageEvent_answered")
			.hasPassedInOrder("serviceTask_open", "serviceTask_generateLetter", "serviceTask_deliver");
		String letter = (String) variableOf(request, "assistanceRequestDocId");
		assertThat(documents.find(letter)).isPresent();

		// the request is the requested agency's own process, in its tenant, under the same number
		ProcessInstance reply = reply(no);
		assertThat(reply.getTenantId()).isEqualTo("QLSCJ");
		assertThat(reply).isWaitingAt("userTask_answer");
		Task answer = openTask(reply, "userTask_answer");
		// 5 working days from Mon 2 Nov: 3–6, 9 Nov
		assertThat(answer.getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(answer.getId()).taskCandidateGroup("QLSCJ-head").count())
			.isEqualTo(1);
		AssistanceRequest r = rows.findById(no).orElseThrow();
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.SENT);
		assertThat(r.getReplyProcessInstanceId()).isEqualTo(reply.getId());
		assertThat(r.getRequestedBy()).isEqualTo("officer1");
		// the requesting agency does not see the other agency's task; the requested one does not see the requester's process
		as("head1");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(reply.getId()).count()).isZero();
		as("head2");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
		engine.getIdentityService().clearAuthentication();

		clockAt(moment("2026-11-04T10:00:00+08:00"));
		completeTaskAs("head2", reply, "userTask_answer", Map.of("assistanceAnswer", "ACCEPT"));
		assertThat(request).isWaitingAt("messageEvent_completed").hasPassed("serviceTask_recordAnswer");
		assertThat(reply).isWaitingAt("userTask_report");
		// 15 working days from Wed 4 Nov: 5–6, 9–13, 16–20, 23–25 Nov
		assertThat(openTask(reply, "userTask_report").getDueDate()).isEqualTo(moment("2026-11-25T23:59:59+08:00"));
		r = rows.findById(no).orElseThrow();
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.ACCEPTED);
		assertThat(r.getAnsweredOnTime()).isTrue();
		assertThat(r.getAnsweredBy()).isEqualTo("head2");
		assertThat(sla.notificationsOf(request.getId())).extracting(Notification::getMessage).anyMatch(m -> m.contains("同意协助"));

		assertThatThrownBy(() -> completeTaskAs("head2", reply, "userTask_report", Map.of()))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("assistanceOutcome");
		completeTaskAs("head2", reply, "userTask_report", Map.of("assistanceOutcome", "经抽样检测，12箱预包装食品中8箱超过保质期，认定意见书已送达。"));
		assertThat(reply).isEnded().hasPassed("serviceTask_report", "endEvent_completed");
		assertThat(request).isEnded().hasPassed("serviceTask_recordOutcome", "endEvent_completed");
		assertThat(variableOf(request, "assistanceResult")).asString().contains("8箱超过保质期");
		r = rows.findById(no).orElseThrow();
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.COMPLETED);
		assertThat(r.getOutcomeBy()).isEqualTo("head2");
		assertThat(sla.notificationsOf(request.getId())).filteredOn(n -> n.getMessage().contains("反馈了协助结果"))
			.extracting(n -> n.getRecipientUser() != null ? n.getRecipientUser() : n.getRecipientGroup())
			.containsExactlyInAnyOrder("officer1", "LIAOKUO-head");
		// both sides' steps are in the full-process record under the request's number, with who did them
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.containsExactly("head2", "head2");
	}

	@Test
	void refusedWithReasons() {
		clockAt(moment(MONDAY));
		ProcessInstance request = startProcessAs("officer4", "assistance-request", request("LIAOKUO", "RECORDS"));
		assertThat(request.getTenantId()).isEqualTo("QLSCJ");
		ProcessInstance reply = reply(request.getBusinessKey());
		assertThat(reply.getTenantId()).isEqualTo("LIAOKUO");
		assertThatThrownBy(() -> completeTaskAs("head1", reply, "userTask_answer", Map.of("assistanceAnswer", "REFUSE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("assistanceRefusalReasons");
		completeTaskAs("head1", reply, "userTask_answer",
				Map.of("assistanceAnswer", "REFUSE", "assistanceRefusalReasons", "所请求的档案已移交区档案馆，请向区档案馆查阅。"));
		assertThat(reply).isEnded().hasPassed("endEvent_refused");
		assertThat(request).isEnded().hasPassed("serviceTask_recordAnswer", "endEvent_refused").hasNotPassed("serviceTask_recordOutcome");
		AssistanceRequest r = rows.findById(request.getBusinessKey()).orElseThrow();
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.REFUSED);
		assertThat(r.getRefusalReasons()).contains("区档案馆");
		assertThat(variableOf(request, "assistanceAnswer")).isEqualTo("REFUSE");
		assertThat(sla.notificationsOf(request.getId())).extracting(Notification::getMessage)
			.anyMatch(m -> m.contains("不予协助") && m.contains("区档案馆"));
	}

	@Test
	void aLateReplyIsEscalatedAndRecordedLate() {
		clockAt(moment(MONDAY));
		ProcessInstance request = startProcessAs("officer1", "assistance-request", request("QLSCJ", "JOINT_ACTION"));
		ProcessInstance reply = reply(request.getBusinessKey());
		assertOneJobRunsAt(reply, "2026-11-09T18:00:00+08:00", "2026-11-10T08:00:00+08:00");
		assertThat(reply).hasPassed("serviceTask_escalateReply", "endEvent_replyEscalated").isWaitingAt("userTask_answer");
		assertThat(openTask(reply, "userTask_answer").getPriority()).isEqualTo(100);
		// both heads hear of it: the one who must answer and the one who asked
		assertThat(sla.notificationsOf(reply.getId())).extracting(Notification::getRecipientGroup)
			.contains("QLSCJ-head", "LIAOKUO-head");
		completeTaskAs("head2", reply, "userTask_answer", Map.of("assistanceAnswer", "ACCEPT"));
		assertThat(rows.findById(request.getBusinessKey()).orElseThrow().getAnsweredOnTime()).isFalse();
	}

	@Test
	void whoMayAskAndWhoMayAnswer() {
		clockAt(moment(MONDAY));
		// supervisors read, they do not ask
		assertThatThrownBy(() -> startProcessAs("supervisor1", "assistance-request", request("QLSCJ", "OTHER")))
			.isInstanceOf(AuthorizationException.class);
		// an agency does not ask itself
		assertThatThrownBy(() -> startProcessAs("officer1", "assistance-request", request("LIAOKUO", "OTHER")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("assistanceRequestedAgency");
		// the reply side starts only from a delivered request
		Map<String, Object> forged = new HashMap<>();
		forged.put("assistanceRequestNo", "寥街协〔2026〕999号");
		assertThatThrownBy(() -> startProcessAs("head2", "assistance-reply", forged)).isInstanceOf(AuthorizationException.class);
		ProcessInstance request = startProcessAs("officer1", "assistance-request", request("QLSCJ", "OTHER"));
		ProcessInstance reply = reply(request.getBusinessKey());
		// the answer is the requested agency's head's
		assertThatThrownBy(() -> completeTaskAs("head1", reply, "userTask_answer", Map.of("assistanceAnswer", "ACCEPT")))
			.isInstanceOf(ProcessEngineException.class);
		assertThatThrownBy(() -> completeTaskAs("officer4", reply, "userTask_answer", Map.of("assistanceAnswer", "ACCEPT")))
			.isInstanceOf(AuthorizationException.class);
		// a message sent to the requester's process without an answer moves nothing
		assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("assistance.answered")
			.processInstanceId(request.getId()).correlate()).isInstanceOf(AuthorizationException.class);
		assertThat(request).isWaitingAt("messageEvent_answered");
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		Map<String, Object> noMatter = request("QLSCJ", "TECHNICAL");
		noMatter.remove("assistanceMatter");
		assertThatThrownBy(() -> startProcessAs("officer1", "assistance-request", noMatter)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("assistanceMatter").hasMessageContaining("请求协助的事项必须填写");
		assertThatThrownBy(() -> startProcessAs("officer1", "assistance-request", request("QLSCJ", "FAVOUR")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("assistanceKind");
		assertThatThrownBy(() -> startProcessAs("officer1", "assistance-request", request("NOWHERE", "OTHER")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("assistanceRequestedAgency");
		Map<String, Object> unknownCase = request("QLSCJ", "OTHER");
		unknownCase.put("caseId", "寥街罚〔2026〕99998号");
		assertThatThrownBy(() -> startProcessAs("officer1", "assistance-request", unknownCase))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("caseId");
	}

	// --- helpers ---

	private ProcessInstance reply(String requestNo) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("assistance-reply")
			.processInstanceBusinessKey(requestNo).singleResult();
	}

	static Map<String, Object> request(String agency, String kind) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("assistanceRequestedAgency", agency);
		vars.put("assistanceKind", kind);
		vars.put("assistanceMatter", "对查扣的12箱预包装食品是否超过保质期出具认定意见。");
		vars.put("assistanceReason", "认定违法事项需要食品安全专业技术支撑（执法协助制度）。");
		return vars;
	}
}

package cn.zhifa.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
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
 * Processes {@code agency-dispute} and {@code agency-dispute-reply} (行政执法争议协调, R-COORD-5), every path: agreed in the
 * negotiation; not accepted by the justice bureau; agreed in the bureau's coordination; the bureau's written opinion
 * accepted by both agencies; an opinion one agency objects to, reported to the county government and its ruling recorded
 * by the bureau; the periods on every step and their breach (督办); who sees and works which step (the other agency's
 * steps in its own tenant, the bureau's steps the supervisors' only); bad input refused naming the field.
 */
@ZhifaIntegrationTest
class AgencyDisputeProcessTests extends ProcessScenarioSupport {

	@Autowired
	AgencyDisputeRepository rows;

	@Test
	void agreedInNegotiation() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = startProcessAs("officer1", "agency-dispute", dispute("QLSCJ", "JURISDICTION"));
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		String no = pi.getBusinessKey();
		assertThat(no).matches("区执争〔2026〕\\d+号");
		assertThat(pi).isWaitingAt("messageEvent_negotiationReplied").hasPassedInOrder("serviceTask_open", "serviceTask_askNegotiation");
		AgencyDispute d = rows.findById(no).orElseThrow();
		assertThat(d.getStatus()).isEqualTo(AgencyDispute.NEGOTIATING);
		assertThat(d.getRaisedBy()).isEqualTo("officer1");
		assertThat(d.getCounterpartCode()).isEqualTo("QLSCJ");

		// the other agency's step is in its own tenant, offered to its head, due in 10 working days (3–6, 9–13, 16 Nov)
		ProcessInstance reply = replyOf(no);
		assertThat(reply.getTenantId()).isEqualTo("QLSCJ");
		Task answer = openTask(reply, "userTask_replyNegotiation");
		assertThat(answer.getDueDate()).isEqualTo(moment("2026-11-16T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(answer.getId()).taskCandidateGroup("QLSCJ-head").count())
			.isEqualTo(1);
		as("head1");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(reply.getId()).count()).isZero();
		as("head2");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
		engine.getIdentityService().clearAuthentication();

		// the applicant cannot answer for the other agency: neither its task nor a message of its own
		assertThatThrownBy(() -> completeTaskAs("head1", reply, "userTask_replyNegotiation", Map.of("counterpartReply", "AGREE")))
			.isInstanceOf(ProcessEngineException.class).hasMessageContaining("no authenticated tenant");
		as("head1");
		assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("agencyDispute.negotiationReplied")
			.processInstanceId(pi.getId()).correlate()).isInstanceOf(AuthorizationException.class);
		engine.getIdentityService().clearAuthentication();
		assertThat(pi).isWaitingAt("messageEvent_negotiationReplied");

		assertThatThrownBy(() -> completeTaskAs("head2", reply, "userTask_replyNegotiation", Map.of("counterpartReply", "DISAGREE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("counterpartPosition");
		clockAt(moment("2026-11-04T10:00:00+08:00"));
		completeTaskAs("head2", reply, "userTask_replyNegotiation", Map.of("counterpartReply", "AGREE"));
		assertThat(reply).isEnded();
		assertThat(pi).isWaitingAt("userTask_negotiate").hasPassed("serviceTask_takeNegotiationReply");
		// 5 working days from Wed 4 Nov: 5, 6, 9, 10, 11 Nov
		assertThat(openTask(pi, "userTask_negotiate").getDueDate()).isEqualTo(moment("2026-11-11T23:59:59+08:00"));
		assertThat(variableOf(pi, "counterpartReply")).isEqualTo("AGREE");

		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_negotiate", Map.of("negotiationOutcome", "AGREED")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("disputeNegotiationResult");
		completeTaskAs("head1", pi, "userTask_negotiate",
				Map.of("negotiationOutcome", "AGREED", "disputeNegotiationResult", "双方同意由某区市场监督管理局管辖。"));
		assertThat(pi).isEnded().hasPassedInOrder("gateway_negotiation", "serviceTask_concludeAgreed", "endEvent_agreed")
			.hasNotPassed("serviceTask_apply");
		d = rows.findById(no).orElseThrow();
		assertThat(d.getStatus()).isEqualTo(AgencyDispute.CLOSED);
		assertThat(d.getOutcome()).isEqualTo("AGREED_IN_NEGOTIATION");
		assertThat(d.getCounterpartReply()).isEqualTo("AGREE");
		assertThat(d.getCounterpartRepliedBy()).isEqualTo("head2");
		// both agencies' steps are in the full-process record under the dispute number, with who did them
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.contains("head1", "head2");
	}

	@Test
	void notAcceptedByTheBureau() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = toTheBureau("officer1", "QLSCJ");
		// the bureau's acceptance: 5 working days from the application (Mon 2 Nov: 3–6, 9 Nov)
		Task accept = openTask(pi, "userTask_accept");
		assertThat(accept.getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(accept.getId()).taskCandidateGroup("supervisor").count())
			.isEqualTo(1);
		assertThat(rows.findById(pi.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(AgencyDispute.APPLIED);
		// the agency cannot accept its own application
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_accept", Map.of("disputeAcceptance", "ACCEPT")))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_accept", Map.of("disputeAcceptance", "REJECT")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("acceptanceNotes");
		completeTaskAs("supervisor1", pi, "userTask_accept",
				Map.of("disputeAcceptance", "REJECT", "acceptanceNotes", "不属于行政执法争议，属于内部分工问题。"));
		assertThat(pi).isEnded().hasPassed("serviceTask_concludeRejected", "endEvent_rejected");
		AgencyDispute d = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(d.getOutcome()).isEqualTo("NOT_ACCEPTED");
		assertThat(d.getAcceptedBy()).isEqualTo("supervisor1");
		assertThat(d.getAcceptanceNotes()).contains("内部分工");
	}

	@Test
	void agreedInTheBureausCoordination() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = toTheBureau("officer4", "LIAOKUO");
		assertThat(pi.getTenantId()).isEqualTo("QLSCJ");
		completeTaskAs("supervisor1", pi, "userTask_accept", Map.of("disputeAcceptance", "ACCEPT"));
		// coordination and written opinion: 20 working days from Mon 2 Nov (3–6, 9–13, 16–20, 23–27, 30 Nov)
		assertThat(openTask(pi, "userTask_coordinate").getDueDate()).isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		assertThat(rows.findById(pi.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(AgencyDispute.COORDINATING);
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_coordinate",
				Map.of("coordinationOutcome", "OPINION", "coordinationNotes", "召开协调会。")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("disputeOpinion");
		completeTaskAs("supervisor1", pi, "userTask_coordinate",
				Map.of("coordinationOutcome", "AGREED", "coordinationNotes", "经协调，双方同意由寥廓街道综合行政执法队查处。"));
		assertThat(pi).isEnded().hasPassed("serviceTask_concludeCoordinated", "endEvent_coordinated")
			.hasNotPassed("serviceTask_generateOpinion");
		assertThat(rows.findById(pi.getBusinessKey()).orElseThrow().getOutcome()).isEqualTo("AGREED_IN_COORDINATION");
	}

	@Test
	void theBureausOpinionAcceptedByBoth() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = toOpinion("officer1", "QLSCJ");
		String no = pi.getBusinessKey();
		String doc = (String) variableOf(pi, "disputeOpinionDocId");
		assertThat(documents.find(doc)).isPresent();
		assertThat(rows.findById(no).orElseThrow().getStatus()).isEqualTo(AgencyDispute.OPINION_ISSUED);
		// both answer within 5 working days (Mon 2 Nov: 3–6, 9 Nov): the applicant here, the other agency in its tenant
		assertThat(openTask(pi, "userTask_answerOpinion").getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		ProcessInstance reply = replyOf(no);
		assertThat(reply.getTenantId()).isEqualTo("QLSCJ");
		assertThat(openTask(reply, "userTask_replyOpinion").getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		// the supervisor does not answer for an agency
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_answerOpinion",
				Map.of("applicantOpinionAnswer", "ACCEPT"))).isInstanceOf(AuthorizationException.class);
		completeTaskAs("head2", reply, "userTask_replyOpinion", Map.of("counterpartOpinionAnswer", "ACCEPT"));
		assertThat(pi).isWaitingAt("userTask_answerOpinion").hasPassed("serviceTask_takeOpinionReply");
		completeTaskAs("head1", pi, "userTask_answerOpinion", Map.of("applicantOpinionAnswer", "ACCEPT"));
		assertThat(pi).isEnded().hasPassedInOrder("gateway_answersJoin", "serviceTask_weighAnswers", "gateway_answers",
				"serviceTask_concludeAccepted", "endEvent_opinionAccepted").hasNotPassed("userTask_report");
		AgencyDispute d = rows.findById(no).orElseThrow();
		assertThat(d.getOutcome()).isEqualTo("OPINION_ACCEPTED");
		assertThat(d.getApplicantAnswer()).isEqualTo("ACCEPT");
		assertThat(d.getCounterpartAnswer()).isEqualTo("ACCEPT");
		assertThat(d.getOpinionBy()).isEqualTo("supervisor1");
	}

	@Test
	void anObjectionIsReportedToTheGovernmentAndTheBureauRecordsItsRuling() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = toOpinion("officer1", "QLSCJ");
		String no = pi.getBusinessKey();
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_answerOpinion", Map.of("applicantOpinionAnswer", "OBJECT")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("applicantOpinionNotes");
		completeTaskAs("head1", pi, "userTask_answerOpinion",
				Map.of("applicantOpinionAnswer", "OBJECT", "applicantOpinionNotes", "该事项未赋权街道，不应由本机关查处。"));
		assertThat(pi).isWaitingAt("messageEvent_opinionReplied");
		clockAt(moment("2026-11-04T09:00:00+08:00"));
		completeTaskAs("head2", replyOf(no), "userTask_replyOpinion", Map.of("counterpartOpinionAnswer", "ACCEPT"));
		assertThat(pi).isWaitingAt("userTask_report").hasPassed("serviceTask_weighAnswers");
		assertThat(variableOf(pi, "opinionAccepted")).isEqualTo(false);
		// the written suggestion within 5 working days of the last answer (Wed 4 Nov: 5, 6, 9, 10, 11 Nov)
		assertThat(openTask(pi, "userTask_report").getDueDate()).isEqualTo(moment("2026-11-11T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(openTask(pi, "userTask_report").getId())
			.taskCandidateGroup("supervisor").count()).isEqualTo(1);
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_report", Map.of()))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("governmentReport");
		completeTaskAs("supervisor1", pi, "userTask_report", Map.of("governmentReport", "建议由某区市场监督管理局管辖。"));
		assertThat(pi).isWaitingAt("userTask_ruling").hasPassedInOrder("serviceTask_recordReport", "serviceTask_generateReport");
		assertThat(documents.find((String) variableOf(pi, "disputeReportDocId"))).isPresent();
		// the bureau follows the report and records the ruling: 30 working days from Wed 4 Nov
		assertThat(openTask(pi, "userTask_ruling").getDueDate()).isEqualTo(moment("2026-12-16T23:59:59+08:00"));
		assertThat(rows.findById(no).orElseThrow().getStatus()).isEqualTo(AgencyDispute.REPORTED);
		// the agencies do not record the government's ruling
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_ruling", Map.of("governmentRuling", "由本机关管辖。")))
			.isInstanceOf(AuthorizationException.class);
		completeTaskAs("supervisor1", pi, "userTask_ruling",
				Map.of("governmentRuling", "由某区市场监督管理局管辖，寥廓街道综合行政执法队配合。", "governmentRulingNo", "某政裁〔2026〕2号"));
		assertThat(pi).isEnded().hasPassed("serviceTask_concludeRuled", "endEvent_ruled");
		AgencyDispute d = rows.findById(no).orElseThrow();
		assertThat(d.getOutcome()).isEqualTo("RULED");
		assertThat(d.getRulingNo()).isEqualTo("某政裁〔2026〕2号");
		assertThat(d.getRulingRecordedBy()).isEqualTo("supervisor1");
		assertThat(d.getApplicantAnswer()).isEqualTo("OBJECT");
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.contains("head1", "head2", "supervisor1");
	}

	@Test
	void missedPeriodsAreEscalatedAndTheTasksStayOpen() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = startProcessAs("officer1", "agency-dispute", dispute("QLSCJ", "STANDARD"));
		ProcessInstance reply = replyOf(pi.getBusinessKey());
		assertOneJobRunsAt(reply, "2026-11-16T18:00:00+08:00", "2026-11-17T08:00:00+08:00");
		assertThat(reply).hasPassed("serviceTask_escalateReplyNegotiation").isWaitingAt("userTask_replyNegotiation");
		assertThat(sla.notificationsOf(reply.getId())).extracting(Notification::getRecipientGroup)
			.contains("QLSCJ-head", "supervisor");
		completeTaskAs("head2", reply, "userTask_replyNegotiation", Map.of("counterpartReply", "DISAGREE",
				"counterpartPosition", "本局认为不属于食品安全事项。"));
		completeTaskAs("head1", pi, "userTask_negotiate",
				Map.of("negotiationOutcome", "APPLY", "disputeNegotiationResult", "双方对管辖意见不一，申请协调。"));
		// the bureau's acceptance period (5 working days from Tue 17 Nov: 18–20, 23, 24 Nov) breached
		clockAt(moment("2026-11-25T08:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).hasPassed("serviceTask_escalateAccept").isWaitingAt("userTask_accept");
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup).contains("supervisor");
	}

	@Test
	void whoMayRaiseADisputeAndBadInput() {
		assertThatThrownBy(() -> startProcessAs("supervisor1", "agency-dispute", dispute("QLSCJ", "OTHER")))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> startProcessAs("officer1", "agency-dispute", dispute("LIAOKUO", "OTHER")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("counterpartAgency");
		assertThatThrownBy(() -> startProcessAs("officer1", "agency-dispute", dispute("NOWHERE", "OTHER")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("counterpartAgency");
		assertThatThrownBy(() -> startProcessAs("officer1", "agency-dispute", dispute("QLSCJ", "GOSSIP")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("disputeSubject");
		Map<String, Object> noMatter = dispute("QLSCJ", "OTHER");
		noMatter.remove("disputeMatter");
		assertThatThrownBy(() -> startProcessAs("officer1", "agency-dispute", noMatter))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("disputeMatter").hasMessageContaining("必须填写");
		Map<String, Object> unknownCase = dispute("QLSCJ", "OTHER");
		unknownCase.put("relatedCaseNo", "没有这个案号");
		assertThatThrownBy(() -> startProcessAs("officer1", "agency-dispute", unknownCase))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("relatedCaseNo");
		// nobody starts the other agency's reply by hand
		assertThatThrownBy(() -> startProcessAs("head2", "agency-dispute-reply", new HashMap<>())).isInstanceOf(RuntimeException.class);
		assertThat(rows.findAll()).noneMatch(d -> d.getMatter().contains("GOSSIP"));
	}

	// --- helpers ---

	static Map<String, Object> dispute(String counterpart, String subject) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("counterpartAgency", counterpart);
		vars.put("disputeSubject", subject);
		vars.put("disputeMatter", "农贸市场内销售过期食品的行为由谁查处，双方意见不一。");
		vars.put("applicantPosition", "该行为属于食品安全违法行为，应由市场监督管理部门查处。");
		return vars;
	}

	/** The other agency's open reply process of the dispute. */
	ProcessInstance replyOf(String disputeNo) {
		engine.getIdentityService().clearAuthentication();
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agency-dispute-reply")
			.processInstanceBusinessKey(disputeNo).active().singleResult();
	}

	/** Raised by {@code user}'s agency, the other agency disagrees, the applicant's head applies to the bureau. */
	ProcessInstance toTheBureau(String user, String counterpart) {
		ProcessInstance pi = startProcessAs(user, "agency-dispute", dispute(counterpart, "JURISDICTION"));
		String otherHead = "QLSCJ".equals(counterpart) ? "head2" : "head1";
		String ownHead = "QLSCJ".equals(counterpart) ? "head1" : "head2";
		completeTaskAs(otherHead, replyOf(pi.getBusinessKey()), "userTask_replyNegotiation",
				Map.of("counterpartReply", "DISAGREE", "counterpartPosition", "该事项已赋权街道，应由街道查处。"));
		completeTaskAs(ownHead, pi, "userTask_negotiate",
				Map.of("negotiationOutcome", "APPLY", "disputeNegotiationResult", "双方对管辖意见不一，申请司法局协调。"));
		assertThat(pi).isWaitingAt("userTask_accept").hasPassed("serviceTask_apply");
		return pi;
	}

	/** As {@link #toTheBureau}, accepted, and the bureau issues its written opinion. */
	ProcessInstance toOpinion(String user, String counterpart) {
		ProcessInstance pi = toTheBureau(user, counterpart);
		completeTaskAs("supervisor1", pi, "userTask_accept", Map.of("disputeAcceptance", "ACCEPT"));
		completeTaskAs("supervisor1", pi, "userTask_coordinate", Map.of("coordinationOutcome", "OPINION", "coordinationNotes",
				"召开协调会，双方各自陈述意见，未能达成一致。", "disputeOpinion", "由某区市场监督管理局依法查处，街道予以配合。"));
		assertThat(pi).hasPassedInOrder("serviceTask_recordOpinion", "serviceTask_generateOpinion", "gateway_answersFork");
		List<String> waiting = engine.getRuntimeService().getActiveActivityIds(pi.getId());
		assertThat(waiting).contains("userTask_answerOpinion", "messageEvent_opinionReplied");
		return pi;
	}
}

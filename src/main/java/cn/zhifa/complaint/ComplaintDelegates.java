package cn.zhifa.complaint;

import static cn.zhifa.complaint.ComplaintService.ATTACHMENTS;
import static cn.zhifa.complaint.ComplaintService.CASE_FACTS;
import static cn.zhifa.complaint.ComplaintService.CASE_NO;
import static cn.zhifa.complaint.ComplaintService.CATEGORY;
import static cn.zhifa.complaint.ComplaintService.CHANNEL;
import static cn.zhifa.complaint.ComplaintService.CONCERNED;
import static cn.zhifa.complaint.ComplaintService.CONTACT;
import static cn.zhifa.complaint.ComplaintService.CONTENT;
import static cn.zhifa.complaint.ComplaintService.DECISION;
import static cn.zhifa.complaint.ComplaintService.EXTERNAL_BODY;
import static cn.zhifa.complaint.ComplaintService.FEEDBACK_READ;
import static cn.zhifa.complaint.ComplaintService.LOCATION;
import static cn.zhifa.complaint.ComplaintService.NAME;
import static cn.zhifa.complaint.ComplaintService.NO;
import static cn.zhifa.complaint.ComplaintService.NOT_ACCEPTED_REASON;
import static cn.zhifa.complaint.ComplaintService.OPEN_CASE;
import static cn.zhifa.complaint.ComplaintService.QUERY_CODE;
import static cn.zhifa.complaint.ComplaintService.REPLY;
import static cn.zhifa.complaint.ComplaintService.ROUTING;
import static cn.zhifa.complaint.ComplaintService.ROUTING_BASIS;
import static cn.zhifa.complaint.ComplaintService.ROUTING_DUE;
import static cn.zhifa.complaint.ComplaintService.TRANSFERRED;
import static cn.zhifa.complaint.ComplaintService.TRANSFER_AGENCY;
import static cn.zhifa.complaint.ComplaintService.TRANSFER_REASON;
import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.CaseVariables.HANDLER_ID;
import static cn.zhifa.platform.CaseVariables.REGISTERED_BY;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code complaint-handling}: each maps the variables of one step of {@link ComplaintService}
 * in and its results out (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class ComplaintDelegates {

	@Bean
	JavaDelegate registerComplaint(ComplaintService service) {
		return execution -> {
			ComplaintInput taken = new ComplaintInput(Steps.text(execution, CATEGORY), Steps.text(execution, CONCERNED),
					Steps.text(execution, LOCATION), Steps.text(execution, CONTENT), Steps.text(execution, NAME),
					Steps.text(execution, CONTACT));
			ComplaintService.Registered r = service.register(Steps.of(execution), Steps.text(execution, NO), taken,
					Steps.text(execution, AGENCY_CODE), Steps.text(execution, REGISTERED_BY));
			Complaint c = r.complaint();
			if (r.queryCode() != null) {
				execution.setVariable(NO, c.getReceiptNo());
				execution.setVariable(QUERY_CODE, r.queryCode());
				execution.setProcessBusinessKey(c.getReceiptNo());
			}
			execution.setVariable(CHANNEL, c.getChannel());
			execution.setVariable(CATEGORY, c.getCategory());
			execution.setVariable(LOCATION, c.getLocation() == null ? "" : c.getLocation());
			execution.setVariable(CONCERNED, c.getConcernedAgency());
			execution.setVariable(CONTENT, c.getContent());
			execution.setVariable(NAME, c.getComplainantName());
			execution.setVariable(CONTACT, c.getComplainantContact());
			execution.setVariable(TRANSFERRED, c.getTransfers() > 0);
			execution.setVariable(ATTACHMENTS, r.attachments());
			execution.setVariable("agencyName", r.agencyName());
			execution.setVariables(r.routingDue().variables());
			execution.setVariables(r.acceptanceDue().variables());
		};
	}

	@Bean
	JavaDelegate recordComplaintRouting(ComplaintService service) {
		return execution -> {
			Object result = execution.getVariable(ROUTING);
			String target = result instanceof Map<?, ?> m ? String.valueOf(m.get("agencyCode")) : null;
			String basis = result instanceof Map<?, ?> m ? String.valueOf(m.get("basis")) : null;
			execution.setVariable(ROUTING_BASIS,
					service.recordRouting(Steps.of(execution), Steps.text(execution, NO), target, basis));
		};
	}

	@Bean
	JavaDelegate transferComplaint(ComplaintService service) {
		return execution -> {
			Object routing = execution.getVariable(ROUTING);
			String routedTo = routing instanceof Map<?, ?> m ? String.valueOf(m.get("agencyCode")) : null;
			Date routingDue = execution.getVariable(ROUTING_DUE) instanceof Date d ? d : null;
			service.transfer(Steps.of(execution), Steps.text(execution, NO), acceptance(execution), routedTo,
					Steps.text(execution, ROUTING_BASIS), routingDue == null ? null : routingDue.toInstant());
		};
	}

	@Bean
	JavaDelegate acceptComplaint(ComplaintService service) {
		return execution -> {
			execution.setVariables(service.accept(Steps.of(execution), Steps.text(execution, NO),
					Steps.text(execution, HANDLER_ID)).variables());
		};
	}

	@Bean
	JavaDelegate openComplaintCase(ComplaintService service) {
		return execution -> {
			execution.setVariable(CASE_NO, service.openCase(Steps.of(execution), Steps.text(execution, NO),
					caseInput(execution), Steps.text(execution, HANDLER_ID)));
		};
	}

	@Bean
	JavaDelegate replyComplaint(ComplaintService service) {
		return execution -> {
			service.reply(Steps.of(execution), Steps.text(execution, NO), acceptance(execution), Steps.text(execution, REPLY));
		};
	}

	/** The referring agency's feedback (seed 002 (十五)二): the result as the register holds it. */
	@Bean
	JavaDelegate registerComplaintFeedback(ComplaintService service) {
		return execution -> execution.setVariables(service.feedback(Steps.text(execution, NO), execution.getTenantId())
			.variables());
	}

	/** Task listener {@code ${complaintTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("complaintTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(ComplaintService service) {
			super("complaintTaskChecks");
			onComplete("complaint-handling-accept",
					task -> task.setVariable(HANDLER_ID, service.checkAcceptance(Steps.of(task), acceptance(task))));
			onComplete("complaint-handling-handle", task -> service.checkHandling(Steps.text(task, REPLY),
					flag(task, OPEN_CASE), caseInput(task)));
			onComplete("complaint-feedback-read", task -> {
				if (!flag(task, FEEDBACK_READ)) {
					throw FormFields.invalid(FEEDBACK_READ, "请阅知办理结果后勾选（移送的投诉举报，由办理机关反馈调查处理结果）");
				}
			});
		}
	}

	static ComplaintService.Acceptance acceptance(VariableScope scope) {
		return new ComplaintService.Acceptance(Steps.text(scope, DECISION), Steps.text(scope, NOT_ACCEPTED_REASON),
				Steps.text(scope, TRANSFER_AGENCY), Steps.text(scope, EXTERNAL_BODY), Steps.text(scope, TRANSFER_REASON));
	}

	static ComplaintService.CaseInput caseInput(VariableScope scope) {
		return new ComplaintService.CaseInput(Steps.text(scope, CASE_FACTS), Steps.text(scope, "partyType"),
				Steps.text(scope, "partyName"), Steps.text(scope, "partyIdNumber"), Steps.text(scope, "partyAddress"),
				Steps.text(scope, "violationCode"));
	}

	/** {@code true} only for {@code true} or "true". */
	static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}
}

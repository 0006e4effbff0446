package cn.zhifa.dispute;

import static cn.zhifa.dispute.AgencyDisputeService.*;
import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.Steps.text;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code agency-dispute} and {@code agency-dispute-reply}: each maps the process's variables to one
 * step of {@link AgencyDisputeService} and its result back (ADR-0038); {@code replyStage} is the service task's input
 * parameter (NEGOTIATION or OPINION).
 */
@Configuration(proxyBeanMethods = false)
final class AgencyDisputeDelegates {

	static String stage(DelegateExecution execution) {
		Object stage = execution.getVariableLocal(AgencyDisputeService.STAGE);
		if (stage == null) {
			throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
					+ " needs the input parameter 'replyStage' (NEGOTIATION or OPINION)");
		}
		return stage.toString();
	}

	@Bean
	JavaDelegate openAgencyDispute(AgencyDisputeService service) {
		return execution -> {
			AgencyDisputeService.Opened o = service.open(Steps.of(execution), text(execution, AGENCY_CODE),
					text(execution, COUNTERPART), text(execution, SUBJECT), text(execution, MATTER), text(execution, POSITION),
					text(execution, RELATED_CASE));
			execution.setVariables(o.negotiationDue().variables());
			Steps.numbered(execution, NO, o.no(), o.agency(), o.agencyName());
			execution.setVariable(APPLICANT_NAME, o.agencyName());
			execution.setVariable(COUNTERPART_NAME, o.counterpartName());
			execution.setVariable(SUBJECT_LABEL, o.subjectLabel());
			execution.setVariable(RELATED_CASE, o.relatedCase());
			execution.setVariable(RAISED_BY, o.raisedBy());
			execution.setVariable(RAISED_ON, o.raisedOn());
			execution.setVariable(BUREAU, o.bureau());
			execution.setVariable(GOVERNMENT, o.government());
		};
	}

	@Bean
	JavaDelegate askDisputeCounterpart(AgencyDisputeService service) {
		return execution -> {
			Map<String, Object> shown = new HashMap<>();
			for (String name : SHOWN_TO_COUNTERPART) {
				shown.put(name, execution.getVariable(name));
			}
			service.askCounterpart(Steps.of(execution), text(execution, NO), stage(execution), shown);
		};
	}

	@Bean
	JavaDelegate openDisputeReply(AgencyDisputeService service) {
		return execution -> {
			execution.setVariable("agencyName", service.openReply(Steps.of(execution), text(execution, NO),
					text(execution, STAGE), text(execution, MAIN_PROCESS)));
		};
	}

	@Bean
	JavaDelegate sendDisputeReply(AgencyDisputeService service) {
		return execution -> {
			service.sendReply(Steps.of(execution), text(execution, NO), text(execution, STAGE), text(execution, REPLY),
					text(execution, COUNTERPART_POSITION), text(execution, COUNTERPART_ANSWER), text(execution, COUNTERPART_NOTES));
		};
	}

	@Bean
	JavaDelegate takeDisputeReply(AgencyDisputeService service) {
		return execution -> {
			if (NEGOTIATION.equals(stage(execution))) {
				AgencyDisputeService.NegotiationReply r = service.takeNegotiationReply(Steps.of(execution), text(execution, NO));
				execution.setVariable(REPLY, r.reply());
				execution.setVariable("counterpartReplyLabel", r.replyLabel());
				execution.setVariable(COUNTERPART_POSITION, r.position());
				execution.setVariables(r.applicationDue().variables());
			}
			else {
				AgencyDisputeService.OpinionAnswer a = service.takeOpinionAnswer(Steps.of(execution), text(execution, NO));
				execution.setVariable(COUNTERPART_ANSWER, a.answer());
				execution.setVariable(COUNTERPART_NOTES, a.notes());
			}
		};
	}

	@Bean
	JavaDelegate applyDisputeCoordination(AgencyDisputeService service) {
		return execution -> {
			execution.setVariables(service.apply(Steps.of(execution), text(execution, NO),
					text(execution, NEGOTIATION_RESULT)).variables());
		};
	}

	@Bean
	JavaDelegate acceptDisputeCoordination(AgencyDisputeService service) {
		return execution -> {
			execution.setVariables(service.accept(Steps.of(execution), text(execution, NO),
					text(execution, ACCEPTANCE_NOTES)).variables());
		};
	}

	@Bean
	JavaDelegate recordDisputeOpinion(AgencyDisputeService service) {
		return execution -> {
			AgencyDisputeService.Opinion o = service.recordOpinion(Steps.of(execution), text(execution, NO),
					text(execution, COORDINATION_NOTES), text(execution, OPINION));
			execution.setVariables(o.replyDue().variables());
			execution.setVariable(OPINION_ISSUED_ON, o.issuedOn());
		};
	}

	@Bean
	JavaDelegate weighDisputeAnswers(AgencyDisputeService service) {
		return execution -> {
			AgencyDisputeService.Weighed w = service.weighAnswers(Steps.of(execution), text(execution, NO),
					text(execution, APPLICANT_ANSWER), text(execution, APPLICANT_NOTES), text(execution, APPLICANT_NAME),
					text(execution, COUNTERPART_NAME));
			execution.setVariable(OPINION_ACCEPTED, w.accepted());
			execution.setVariable("opinionAnswers", w.answers());
			if (w.reportDue() != null) {
				execution.setVariables(w.reportDue().variables());
			}
		};
	}

	@Bean
	JavaDelegate recordDisputeReport(AgencyDisputeService service) {
		return execution -> {
			AgencyDisputeService.Reported r = service.recordReport(Steps.of(execution), text(execution, NO),
					text(execution, REPORT));
			execution.setVariables(r.rulingDue().variables());
			execution.setVariable(REPORTED_ON, r.reportedOn());
		};
	}

	@Bean
	JavaDelegate concludeAgencyDispute(AgencyDisputeService service) {
		return execution -> {
			service.conclude(Steps.of(execution), text(execution, NO), new AgencyDisputeService.Conclusion(
					text(execution, OUTCOME), text(execution, NEGOTIATION_RESULT), text(execution, ACCEPTANCE_NOTES),
					text(execution, COORDINATION_NOTES), text(execution, RULING), text(execution, RULING_NO)));
		};
	}

	/** Task listener {@code ${agencyDisputeTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("agencyDisputeTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(AgencyDisputeService service) {
			super("agencyDisputeTaskChecks");
			onComplete("agency-dispute-reply-negotiate",
					task -> service.checkNegotiationReply(text(task, REPLY), text(task, COUNTERPART_POSITION)));
			onComplete("agency-dispute-reply-opinion",
					task -> service.checkCounterpartAnswer(text(task, COUNTERPART_ANSWER), text(task, COUNTERPART_NOTES)));
			onComplete("agency-dispute-negotiate",
					task -> service.checkNegotiation(text(task, NEGOTIATION_OUTCOME), text(task, NEGOTIATION_RESULT)));
			onComplete("agency-dispute-accept",
					task -> service.checkAcceptance(text(task, ACCEPTANCE), text(task, ACCEPTANCE_NOTES)));
			onComplete("agency-dispute-coordinate", task -> service.checkCoordination(text(task, COORDINATION_OUTCOME),
					text(task, COORDINATION_NOTES), text(task, OPINION)));
			onComplete("agency-dispute-answer",
					task -> service.checkApplicantAnswer(text(task, APPLICANT_ANSWER), text(task, APPLICANT_NOTES)));
			onComplete("agency-dispute-report", task -> service.checkReport(text(task, REPORT)));
			onComplete("agency-dispute-ruling", task -> service.checkRuling(text(task, RULING), text(task, RULING_NO)));
		}
	}
}

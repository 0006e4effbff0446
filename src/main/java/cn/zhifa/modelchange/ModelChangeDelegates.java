package cn.zhifa.modelchange;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * The system steps of {@code processes/model-change.bpmn} (issue 14 §6). Thin: the process decides what
 * happens when; these record it and deploy. The change number is the instance's business key.
 */
@Configuration(proxyBeanMethods = false)
final class ModelChangeDelegates {

	/**
	 * {@code ${recordModelChange}} with input {@code changeEvent}: APPROVED or RETURNED (after the approval
	 * task: who decided, the opinion), DEPLOYED, ROLLED_BACK or FAILED (after deploying).
	 */
	@Bean
	JavaDelegate recordModelChange(ModelChangeService changes) {
		return execution -> {
			String event = String.valueOf(execution.getVariableLocal("changeEvent"));
			String changeNo = execution.getProcessBusinessKey();
			switch (event) {
				case "APPROVED", "RETURNED" -> changes.decided(changeNo, "APPROVED".equals(event), Steps.of(execution).actor(),
						(String) execution.getVariable("approvalOpinion"), execution.getProcessInstanceId());
				case "DEPLOYED", "ROLLED_BACK", "FAILED" -> changes.recordOutcome(changeNo, "MODEL_CHANGE_" + event,
						execution.getProcessInstanceId());
				default -> throw new IllegalArgumentException("unknown model change event " + event);
			}
		};
	}

	/**
	 * {@code ${deployModelChange}}: deploys the change into its target as the system (the step runs in a job:
	 * after the effective-date timer, or asynchronously for a rollback), so the model guard's authority check
	 * sees no user. Sets {@code deploymentId}; a set the guard refuses now ends in BPMN error
	 * {@code MODEL_CHANGE_REFUSED}.
	 */
	@Bean
	JavaDelegate deployModelChange(ModelChangeService changes) {
		return execution -> {
			ModelChangeService.Deployed deployed = changes.deploy(execution.getProcessBusinessKey());
			if (deployed.refusal() != null) {
				throw new BpmnError("MODEL_CHANGE_REFUSED", deployed.refusal());
			}
			execution.setVariable("deploymentId", deployed.deploymentId());
		};
	}

	/**
	 * {@code ${modelChangeTaskChecks}} on completing the approval: nobody approves their own change (four
	 * eyes), and a return says why.
	 */
	@Component("modelChangeTaskChecks")
	static class ModelChangeTaskChecks extends FormChecks {

		ModelChangeTaskChecks(ModelChangeService changes) {
			super("modelChangeTaskChecks");
			onComplete("model-change-approve", task -> changes.checkApproval(Steps.of(task),
					task.getVariable("submittedBy") instanceof String s ? s : null,
					task.getVariable("approvalDecision") instanceof String s ? s : null, Steps.text(task, "approvalOpinion")));
		}
	}
}

package cn.zhifa.platform;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Generic delegate {@code ${startProcess}}: starts another process (input parameter
 * {@code processKey}) with a copy of this instance's variables and the same business key, without
 * waiting for it — e.g. disclosure after a decision is served, discipline transfer after closing.
 * Idempotent: a retried job does not start a second instance for the same caller.
 */
@Component("startProcess")
class StartProcessDelegate implements JavaDelegate {

	static final String STARTED_BY = CaseVariables.STARTED_BY;

	@Override
	public void execute(DelegateExecution execution) {
		Object key = execution.getVariableLocal("processKey");
		if (key == null) {
			throw new ProcessEngineException(execution.getCurrentActivityId() + " needs the input parameter processKey");
		}
		var runtime = execution.getProcessEngineServices().getRuntimeService();
		String businessKey = execution.getProcessBusinessKey();
		// history, not runtime: the started instance may already have ended
		boolean started = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey(key.toString())
			.processInstanceBusinessKey(businessKey).variableValueEquals(STARTED_BY, execution.getProcessInstanceId())
			.count() > 0;
		if (started) {
			return;
		}
		Map<String, Object> variables = execution.getVariables();
		variables.remove("processKey");
		variables.put(STARTED_BY, execution.getProcessInstanceId());
		runtime.startProcessInstanceByKey(key.toString(), businessKey, variables);
	}
}

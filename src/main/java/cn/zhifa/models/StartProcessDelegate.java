package cn.zhifa.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.Steps;
import cn.zhifa.platform.form.DeployedForm;

/**
 * Generic delegate {@code ${startProcess}}: starts another process of the same agency (input
 * parameter {@code processKey}) with the same business key, without waiting for it — e.g. disclosure
 * after a decision is served, discipline transfer after closing. Idempotent: a retried job does not
 * start a second instance for the same caller.
 * <p>
 * What is handed over is explicit (ADR-0015), like a call activity's mappings: the case's identity
 * ({@link #IDENTITY}) and the fields of the started process's own start form — the same contract a
 * person starting that process by hand fills in — taken from this instance where it has them. No
 * other variable of the calling instance crosses over.
 */
@Component("startProcess")
class StartProcessDelegate implements JavaDelegate {

	static final String STARTED_BY = CaseVariables.STARTED_BY;
	/** Who the case is: passed to every started process. */
	static final List<String> IDENTITY = List.of(CaseVariables.CASE_ID, CaseVariables.AGENCY_CODE, "agencyName");

	@Override
	public void execute(DelegateExecution execution) {
		String key = Steps.input(execution, "processKey");
		ProcessEngineServices engine = execution.getProcessEngineServices();
		String businessKey = execution.getProcessBusinessKey();
		// history, not runtime: the started instance may already have ended
		boolean started = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey(key)
			.processInstanceBusinessKey(businessKey).variableValueEquals(STARTED_BY, execution.getProcessInstanceId())
			.count() > 0;
		if (started) {
			return;
		}
		// pinned: the version deployed with this case's process, else the agency's own or the shared one
		ProcessDefinition target = cn.zhifa.models.ModelVersions.processFor(engine.getRepositoryService(), key,
				execution.getProcessDefinitionId(), execution.getTenantId());
		Map<String, Object> variables = new HashMap<>();
		for (String name : handedOver(engine, target)) {
			Object value = execution.getVariable(name);
			if (value != null) {
				variables.put(name, value);
			}
		}
		variables.put(STARTED_BY, execution.getProcessInstanceId());
		engine.getRuntimeService().startProcessInstanceById(target.getId(), businessKey, variables);
	}

	private static Set<String> handedOver(ProcessEngineServices engine, ProcessDefinition target) {
		Set<String> names = new LinkedHashSet<>(IDENTITY);
		try (InputStream form = engine.getFormService().getDeployedStartForm(target.getId())) {
			names.addAll(DeployedForm.read(form).storedKeys());
		}
		catch (IOException | ProcessEngineException noCamundaForm) {
			// a process without a Camunda start form receives the identity only
		}
		return names;
	}
}

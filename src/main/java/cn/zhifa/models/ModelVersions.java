package cn.zhifa.models;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Which version of a model applies (issue 14 §4–5, ADR-0016), in one place:
 * <ul>
 * <li>a new case or process runs the agency's own version if its legal office deployed one into the
 * agency's tenant, else the shared (county-wide) version;</li>
 * <li>a running case keeps the models it started with: a decision table it evaluates, or a process it
 * starts, comes from the deployment of its own process version (falling back to the rule above only
 * for processes deployed before models were deployed as complete sets).</li>
 * </ul>
 */
public final class ModelVersions {

	private ModelVersions() {
	}

	/** The latest version of process {@code key} for the agency {@code tenantId}: its own, else the shared one. */
	public static ProcessDefinition latestProcess(RepositoryService repository, String key, String tenantId) {
		return ownElseShared("process " + key, tenantId,
				t -> repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(t).latestVersion().singleResult(),
				() -> repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
					.singleResult());
	}

	/** The agency's own definition if it has one, else the shared one; never none. */
	private static <T> T ownElseShared(String what, String tenantId, java.util.function.Function<String, T> own,
			java.util.function.Supplier<T> shared) {
		T definition = tenantId == null ? null : own.apply(tenantId);
		if (definition == null) {
			definition = shared.get();
		}
		if (definition == null) {
			throw new ProcessEngineException("no deployed " + what + " for tenant " + tenantId);
		}
		return definition;
	}

	/** Process {@code key} as deployed with the calling process version, else the agency's latest. */
	public static ProcessDefinition processFor(RepositoryService repository, String key, String callerDefinitionId,
			String tenantId) {
		String deployment = repository.getProcessDefinition(callerDefinitionId).getDeploymentId();
		ProcessDefinition pinned = repository.createProcessDefinitionQuery().deploymentId(deployment).processDefinitionKey(key)
			.singleResult();
		return pinned != null ? pinned : latestProcess(repository, key, tenantId);
	}

	/** Decision table {@code key} as deployed with the process version {@code processDefinitionId}, else the agency's latest. */
	public static DecisionDefinition decisionFor(RepositoryService repository, String key, String processDefinitionId,
			String tenantId) {
		DecisionDefinition pinned = pinnedDecision(repository, key, processDefinitionId);
		return pinned != null ? pinned : ownElseShared("decision " + key, tenantId,
				t -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).tenantIdIn(t).latestVersion().singleResult(),
				() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId().latestVersion()
					.singleResult());
	}

	/**
	 * Decision table {@code key} as deployed with the process version {@code processDefinitionId}, or null when that
	 * deployment has none. A deployment never changes, so neither does the answer for a given process version.
	 */
	public static DecisionDefinition pinnedDecision(RepositoryService repository, String key, String processDefinitionId) {
		String deployment = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
		return repository.createDecisionDefinitionQuery().deploymentId(deployment).decisionDefinitionKey(key).singleResult();
	}

	/** Evaluates decision table {@code key} in the version the running process {@code processDefinitionId} is pinned to. */
	public static DmnDecisionTableResult evaluate(ProcessEngineServices engine, String key, String processDefinitionId,
			String tenantId, VariableMap inputs) {
		return evaluate(engine, decisionFor(engine.getRepositoryService(), key, processDefinitionId, tenantId), inputs);
	}

	/** Evaluates the decision table {@code definition}. */
	public static DmnDecisionTableResult evaluate(ProcessEngineServices engine, DecisionDefinition definition,
			VariableMap inputs) {
		return engine.getDecisionService().evaluateDecisionTableById(definition.getId()).variables(inputs).evaluate();
	}
}

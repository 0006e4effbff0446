package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine extension points of ADR-0039, put into the engine: the features' {@link ModelParseExtension}s
 * as one BPMN parse listener (after the engine's own), their {@link ModelDeploymentCheck}s as the first
 * deployer, their {@link EngineAuthorizationDefaults} as the engine's authorization provider (no per-task rows), a
 * {@link CandidateTaskChecker} in place of Camunda's authorization checker, an {@link EngineTaskReadAuthorization}
 * in place of its authorization manager and an
 * {@link EngineExpressionManager} as its expression manager; the inputs of steps that end in their transaction are
 * transient ({@link TransientStepInputs}). The features' beans are what decides; this
 * only adapts the engine's internal machinery to them. They are built before the engine: each looks up
 * the services it needs when its listeners run.
 */
@Component
class EngineExtensionPlugin extends AbstractProcessEnginePlugin {

	private final List<ModelParseExtension> parseExtensions;
	private final List<ModelDeploymentCheck> deploymentChecks;
	private final List<EngineAuthorizationDefaults> authorizationDefaults;
	private final ObjectProvider<EngineExpressionManager> expressions;

	EngineExtensionPlugin(ObjectProvider<ModelParseExtension> parseExtensions,
			ObjectProvider<ModelDeploymentCheck> deploymentChecks,
			ObjectProvider<EngineAuthorizationDefaults> authorizationDefaults,
			ObjectProvider<EngineExpressionManager> expressions) {
		this.parseExtensions = parseExtensions.orderedStream().toList();
		this.deploymentChecks = deploymentChecks.orderedStream().toList();
		this.authorizationDefaults = authorizationDefaults.orderedStream().toList();
		this.expressions = expressions;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		List<BpmnParseListener> listeners = config.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(config.getCustomPostBPMNParseListeners());
		if (!parseExtensions.isEmpty()) {
			listeners.add(new ModelParseListener(parseExtensions));
		}
		// a step's inputs live in its own transaction only (ADR-0064)
		listeners.add(new TransientStepInputs());
		config.setCustomPostBPMNParseListeners(listeners);
		if (!deploymentChecks.isEmpty()) {
			List<Deployer> deployers = new ArrayList<>();
			deployers.add(new ModelCheckDeployer(deploymentChecks));
			if (config.getCustomPreDeployers() != null) {
				deployers.addAll(config.getCustomPreDeployers());
			}
			config.setCustomPreDeployers(deployers);
		}
		config.setResourceAuthorizationProvider(new EngineExtensionAuthorizations(authorizationDefaults));
		// task queries of users who read every task without the per-row authorization join (ADR-0051)
		List<SessionFactory> sessions = config.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(config.getCustomSessionFactories());
		sessions.add(new EngineTaskReadAuthorization.Factory());
		config.setCustomSessionFactories(sessions);
		expressions.ifAvailable(provider -> config.setExpressionManager(provider.expressionManager()));
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl config) {
		// task work narrowed to the task's own people (ADR-0044), in place of Camunda's authorization checker
		config.getCommandCheckers().replaceAll(checker -> checker.getClass() == AuthorizationCommandChecker.class
				? new CandidateTaskChecker() : checker);
	}
}

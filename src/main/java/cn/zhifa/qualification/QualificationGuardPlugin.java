package cn.zhifa.qualification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine plugin installing the officer-qualification guard (R-QUAL-2/3) as a BPMN parse listener, so
 * every deployed or re-parsed process gets it. The engine wraps a listener's exception in a plain
 * ProcessEngineException; the platform's outermost command interceptor ({@code UserErrorUnwrapping})
 * rethrows our {@link NotQualifiedException} — an AuthorizationException — so REST answers 403.
 * The service is looked up lazily: the engine is built before the JPA repositories it needs may be
 * ready.
 */
@Component
class QualificationGuardPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<QualificationService> qualifications;

	QualificationGuardPlugin(ObjectProvider<QualificationService> qualifications) {
		this.qualifications = qualifications;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new EnforcementStepParseListener(qualifications::getObject));
		configuration.setCustomPostBPMNParseListeners(listeners);
	}
}

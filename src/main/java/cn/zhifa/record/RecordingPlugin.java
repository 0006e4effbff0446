package cn.zhifa.record;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine plugin installing {@link RecordingParseListener} (R-REC-1): every process deployed —
 * including one a legal office adds or edits in Camunda Modeler — is recorded without anything in
 * its BPMN. The services are looked up lazily: the engine is built before them.
 */
@Component
class RecordingPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<StepRecorder> recorder;

	RecordingPlugin(ObjectProvider<StepRecorder> recorder) {
		this.recorder = recorder;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new RecordingParseListener(recorder::getObject));
		configuration.setCustomPostBPMNParseListeners(listeners);
	}
}

package cn.zhifa.platform;

import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's parse listener for the {@link ModelParseExtension}s: every activity the BPMN parser
 * creates, and every process when its activities are parsed, is handed to each extension in turn.
 */
final class ModelParseListener extends AbstractBpmnParseListener {

	private final List<ModelParseExtension> extensions;

	ModelParseListener(List<ModelParseExtension> extensions) {
		this.extensions = List.copyOf(extensions);
	}

	private void activity(ActivityImpl activity, Element element, String type) {
		ParsedActivity parsed = new ParsedActivity(activity, element, type);
		for (ModelParseExtension extension : extensions) {
			extension.activity(parsed);
		}
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		ParsedProcess parsed = new ParsedProcess(processDefinition);
		for (ModelParseExtension extension : extensions) {
			extension.process(parsed);
		}
	}

	@Override
	public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "startEvent");
	}

	@Override
	public void parseExclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "exclusiveGateway");
	}

	@Override
	public void parseInclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "inclusiveGateway");
	}

	@Override
	public void parseParallelGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "parallelGateway");
	}

	@Override
	public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "scriptTask");
	}

	@Override
	public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "serviceTask");
	}

	@Override
	public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "businessRuleTask");
	}

	@Override
	public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "task");
	}

	@Override
	public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "manualTask");
	}

	@Override
	public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "userTask");
	}

	@Override
	public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "endEvent");
	}

	@Override
	public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "subProcess");
	}

	@Override
	public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "callActivity");
	}

	@Override
	public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "sendTask");
	}

	@Override
	public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "receiveTask");
	}

	@Override
	public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "eventBasedGateway");
	}

	@Override
	public void parseTransaction(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "transaction");
	}

	@Override
	public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "intermediateThrowEvent");
	}

	@Override
	public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "intermediateCatchEvent");
	}

	@Override
	public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		activity(activity, element, "boundaryEvent");
	}
}

package cn.zhifa.caselifecycle;

import cn.zhifa.platform.CaseVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.zhifa.legalreview.LegalReviewService;
import cn.zhifa.platform.ModelMarkers;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.platform.ModelVocabulary;

/**
 * The hard legal-review gate (R-REV-1): no major decision may be made without a legal review that
 * passed, or the principal head's ruling after a disagreement (R-REV-6). Enforced by an engine plugin
 * on every deployed process — not by the diagram — at the steps a model marks as decision steps
 * ({@code statutoryStep = DECISION}, which the model guard requires on every task that sets a decision's
 * outcome or generates a decision document, issue 14 §3) and, besides, at any service task generating
 * a decision document: a user task when it is created and completed, a service task when it starts.
 * Whether the case is major is decided again here from the major-decision catalogue the case's process
 * version was deployed with; whether the review allows it is read from the stored review record
 * ({@link LegalReviewService#permitsMajorDecision}), never from process variables.
 */
@Component
class DecisionGate extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(DecisionGate.class);
	static final List<String> CATALOGUE_INPUTS = List.of("decisionType", "partyType", "fineAmount", "confiscationValue",
			"revokesLicence", "ordersSuspension", "coercionKind", "hearingHeld", "publicInterest", "socialRisk",
			"complexCase", "downgradesQualification", "restrictsOccupation", "seizureValue", "permitAction", "requiredByLaw");
	static final String CATALOGUE = "major-decision-catalogue";

	private final ObjectProvider<LegalReviewService> reviews;

	DecisionGate(ObjectProvider<LegalReviewService> reviews) {
		this.reviews = reviews;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		if (config.getCustomPostBPMNParseListeners() == null) {
			config.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
		}
		config.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (ModelMarkers.isStep(element, ModelVocabulary.DECISION)
						&& activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					TaskDefinition task = behavior.getTaskDefinition();
					TaskListener gate = t -> check(t, t.getTaskDefinitionKey(), t.getProcessDefinitionId(), t.getTenantId());
					task.addTaskListener(TaskListener.EVENTNAME_CREATE, gate);
					task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, gate);
				}
			}

			@Override
			public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (ModelMarkers.isStep(element, ModelVocabulary.DECISION) || generatesDecisionDocument(element)) {
					activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) e -> check(e,
							e.getCurrentActivityId(), e.getProcessDefinitionId(), e.getTenantId()));
				}
			}
		});
	}

	static boolean generatesDecisionDocument(Element serviceTask) {
		Element ext = serviceTask.element("extensionElements");
		Element io = ext == null ? null : ext.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputOutput");
		if (io == null) {
			return false;
		}
		for (Element p : io.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputParameter")) {
			if ("documentKind".equals(p.attribute("name")) && p.getText() != null
					&& ModelVocabulary.DECISION_DOCUMENTS.stream().anyMatch(p.getText()::contains)) {
				return true;
			}
		}
		return false;
	}

	/** Refuses (HTTP 403 through REST) when the case is major and its stored review neither passed nor was ruled on by the head. */
	void check(VariableScope scope, String step, String processDefinitionId, String tenantId) {
		if (!isMajor(scope, processDefinitionId, tenantId)) {
			return;
		}
		Object caseId = scope.getVariable(CaseVariables.CASE_ID);
		String agency = tenantId != null ? tenantId : (String) scope.getVariable(CaseVariables.AGENCY_CODE);
		LegalReviewService service = reviews.getObject();
		String id = caseId == null ? null : caseId.toString();
		if (service.permitsMajorDecision(id, agency)) {
			return;
		}
		String result = service.latestResult(id, agency);
		log.warn("Decision gate refused step {} of case {}: major decision, stored legal review result {}", step, caseId,
				result);
		throw new AuthorizationException("R-REV-1：重大执法决定未经法制审核或者审核未通过的，不得作出决定（案号 " + caseId
				+ "，法制审核结果：" + (result == null ? "未审核" : result) + "）");
	}

	@SuppressWarnings("unchecked")
	static boolean isMajor(VariableScope scope, String processDefinitionId, String tenantId) {
		if (Boolean.TRUE.equals(scope.getVariable("isMajor")) || Boolean.TRUE.equals(scope.getVariable("flaggedMajor"))) {
			return true;
		}
		VariableMap inputs = Variables.createVariables();
		for (String name : CATALOGUE_INPUTS) {
			inputs.putValue(name, scope.getVariable(name));
		}
		if (inputs.get("decisionType") == null) {
			inputs.putValue("decisionType", "PENALTY");
		}
		if (inputs.get("hearingHeld") == null) {
			inputs.putValue("hearingHeld", false);
		}
		try {
			// the gate, not the acting user, reads the catalogue the case's process version was deployed with
			return Context.getCommandContext().runWithoutAuthorization(() -> ModelVersions
				.evaluate(Context.getProcessEngineConfiguration().getProcessEngine(), CATALOGUE, processDefinitionId, tenantId,
						inputs)
				.getResultList().stream()
				.anyMatch(row -> Boolean.TRUE.equals(((Map<String, Object>) new HashMap<>(row)).get("isMajor"))));
		}
		catch (RuntimeException e) {
			// fail closed: if the catalogue cannot be evaluated, treat the decision as major
			log.warn("Decision gate could not evaluate {} ({}): treating the decision as major", CATALOGUE, e.getMessage());
			return true;
		}
	}
}

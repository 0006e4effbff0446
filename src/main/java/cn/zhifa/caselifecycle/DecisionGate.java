package cn.zhifa.caselifecycle;

import cn.zhifa.platform.CaseVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
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
import org.springframework.stereotype.Component;

/**
 * The hard legal-review gate (R-REV-1): no major decision may be made without a legal review that
 * passed, or the principal head's ruling after a disagreement (R-REV-6). Enforced by an engine
 * plugin on every deployed process — not by the diagram — at two points a model cannot avoid:
 * creating or completing a decision task ({@link #DECISION_TASKS}) and generating a decision
 * document (a service task whose {@code documentKind} names a {@code …PENALTY_DECISION}). Whether
 * the case is major is decided again here from the deployed {@code major-decision-catalogue}, so a
 * model that skips the catalogue or the review is still caught.
 */
@Component
class DecisionGate extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(DecisionGate.class);
	static final List<String> CATALOGUE_INPUTS = List.of("decisionType", "partyType", "fineAmount", "confiscationValue",
			"revokesLicence", "ordersSuspension", "coercionKind", "hearingHeld", "publicInterest", "socialRisk",
			"complexCase", "downgradesQualification", "restrictsOccupation", "seizureValue", "permitAction", "requiredByLaw");
	/** The decision steps of the case models (ids are the contract; the document gate covers renamed ones). */
	static final Set<String> DECISION_TASKS = Set.of("userTask_decide", "userTask_decideOnTheSpot");
	static final Set<String> HEAD_OVERRIDES = Set.of("ADOPT_HANDLER", "OTHER");

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		if (config.getCustomPostBPMNParseListeners() == null) {
			config.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
		}
		config.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (DECISION_TASKS.contains(activity.getId())
						&& activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					TaskDefinition task = behavior.getTaskDefinition();
					TaskListener gate = t -> check(t, t.getTaskDefinitionKey());
					task.addTaskListener(TaskListener.EVENTNAME_CREATE, gate);
					task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, gate);
				}
			}

			@Override
			public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (generatesDecisionDocument(element)) {
					activity.addListener(ExecutionListener.EVENTNAME_START,
							(ExecutionListener) e -> check(e, e.getCurrentActivityId()));
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
					&& p.getText().contains("PENALTY_DECISION")) {
				return true;
			}
		}
		return false;
	}

	/** Refuses (HTTP 403 through REST) when the case is major and the review neither passed nor was ruled on by the head. */
	static void check(VariableScope scope, String step) {
		if (!isMajor(scope)) {
			return;
		}
		Object result = scope.getVariable(CaseVariables.LEGAL_REVIEW_RESULT);
		Object ruling = scope.getVariable(CaseVariables.HEAD_RULING);
		if ("PASSED".equals(result) || ("NOT_PASSED".equals(result) && HEAD_OVERRIDES.contains(String.valueOf(ruling)))) {
			return;
		}
		log.warn("Decision gate refused step {} of case {}: major decision, legal review result {}", step,
				scope.getVariable(CaseVariables.CASE_ID), result);
		throw new AuthorizationException("R-REV-1：重大执法决定未经法制审核或者审核未通过的，不得作出决定（案号 "
				+ scope.getVariable(CaseVariables.CASE_ID) + "，法制审核结果：" + (result == null ? "未审核" : result) + "）");
	}

	@SuppressWarnings("unchecked")
	static boolean isMajor(VariableScope scope) {
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
		DecisionService decisions = Context.getProcessEngineConfiguration().getDecisionService();
		try {
			// the gate, not the acting user, reads the catalogue: no authorization check for this evaluation
			return Context.getCommandContext().runWithoutAuthorization(() -> decisions
				.evaluateDecisionTableByKey("major-decision-catalogue", inputs).getResultList().stream()
				.anyMatch(row -> Boolean.TRUE.equals(((Map<String, Object>) new HashMap<>(row)).get("isMajor"))));
		}
		catch (RuntimeException e) {
			// fail closed: if the catalogue cannot be evaluated, treat the decision as major
			log.warn("Decision gate could not evaluate major-decision-catalogue ({}): treating the decision as major",
					e.getMessage());
			return true;
		}
	}
}

package cn.zhifa.enforcementcase;

import cn.zhifa.platform.CaseVariables;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zhifa.legalreview.LegalReviewService;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.ModelVocabulary;
import cn.zhifa.platform.ParsedActivity;

/**
 * The hard legal-review gate (R-REV-1): no major decision may be made without a legal review that
 * passed, or the principal head's ruling after a disagreement (R-REV-6). Enforced by a model parse
 * extension (ADR-0039) on every deployed process — not by the diagram — at the steps a model marks as decision steps
 * ({@code statutoryStep = DECISION}, which the model guard requires on every task that sets a decision's
 * outcome or generates a decision document, issue 14 §3) and, besides, at any service task generating
 * a decision document: a user task when it is created and completed, a service task when it starts.
 * Whether the case is major is decided again here from the major-decision catalogue the case's process
 * version was deployed with; whether the review allows it is read from the stored review record
 * ({@link LegalReviewService#permitsMajorDecision}), never from process variables.
 */
@Component
@Order(20) // ADR-0039: the order of the model parse extensions, explicit
class DecisionGate implements ModelParseExtension {

	private static final Logger log = LoggerFactory.getLogger(DecisionGate.class);
	static final List<String> CATALOGUE_INPUTS = List.of("decisionType", "partyType", "fineAmount", "confiscationValue",
			"revokesLicence", "ordersSuspension", "coercionKind", "hearingHeld", "publicInterest", "socialRisk",
			"complexCase", "downgradesQualification", "restrictsOccupation", "seizureValue", "permitAction", "requiredByLaw");
	static final String CATALOGUE = "major-decision-catalogue";

	private final ObjectProvider<LegalReviewService> reviews;
	/** The catalogue's answers by pinned decision definition id and inputs, the most recently used 1,000. */
	private final Map<List<Object>, Boolean> answers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Object>, Boolean> eldest) {
			return size() > 1_000;
		}
	});

	DecisionGate(ObjectProvider<LegalReviewService> reviews) {
		this.reviews = reviews;
	}

	@Override
	public void activity(ParsedActivity activity) {
		if ("userTask".equals(activity.type())) {
			if (ModelVocabulary.DECISION.equals(activity.property(ModelVocabulary.STATUTORY_STEP)) && activity.isUserTask()) {
				TaskListener gate = t -> check(t, t.getProcessEngine(), t.getTaskDefinitionKey(), t.getProcessDefinitionId(),
						t.getTenantId());
				activity.addTaskListener(TaskListener.EVENTNAME_CREATE, gate);
				activity.addTaskListener(TaskListener.EVENTNAME_COMPLETE, gate);
			}
		}
		else if ("serviceTask".equals(activity.type())) {
			if (ModelVocabulary.DECISION.equals(activity.property(ModelVocabulary.STATUTORY_STEP))
					|| generatesDecisionDocument(activity)) {
				activity.addListener(ExecutionListener.EVENTNAME_START, e -> check(e, e.getProcessEngine(),
						e.getCurrentActivityId(), e.getProcessDefinitionId(), e.getTenantId()));
			}
		}
	}

	static boolean generatesDecisionDocument(ParsedActivity serviceTask) {
		for (String kind : serviceTask.inputParameters("documentKind")) {
			if (kind != null && ModelVocabulary.DECISION_DOCUMENTS.stream().anyMatch(kind::contains)) {
				return true;
			}
		}
		return false;
	}

	/** Refuses (HTTP 403 through REST) when the case is major and its stored review neither passed nor was ruled on by the head. */
	void check(VariableScope scope, ProcessEngine engine, String step, String processDefinitionId, String tenantId) {
		if (!isMajor(scope, engine, processDefinitionId, tenantId)) {
			return;
		}
		Object caseId = scope.getVariable(CaseVariables.CASE_ID);
		String agency = tenantId != null ? tenantId : (String) scope.getVariable(CaseVariables.AGENCY_CODE);
		Object type = scope.getVariable("decisionType");
		String decisionType = type == null ? "PENALTY" : type.toString();
		LegalReviewService service = reviews.getObject();
		String id = caseId == null ? null : caseId.toString();
		if (service.permitsMajorDecision(id, agency, decisionType)) {
			return;
		}
		String result = service.latestResult(id, agency, decisionType);
		log.warn("Decision gate refused step {} of case {}: major decision, stored legal review result {}", step, caseId,
				result);
		throw new AuthorizationException("R-REV-1：重大执法决定未经法制审核或者审核未通过的，不得作出决定（案号 " + caseId
				+ "，法制审核结果：" + (result == null ? "未审核" : result) + "）");
	}

	/**
	 * R-REV-1/2 for a seizure (查封、扣押, a 行政强制 decision): when the catalogue finds it major — its kind and the value
	 * of the property, with the case's other factors — the head's approval needs the case's legal review of a
	 * {@code COERCION} decision that passed (or the head's ruling after a disagreement); refused naming
	 * {@code field} otherwise. An on-the-spot seizure (行政强制法 art. 19) is approved afterwards within 24 hours and is
	 * not held here: no review can precede it.
	 */
	void checkSeizure(VariableScope scope, ProcessEngine engine, String processDefinitionId, String tenantId, String field) {
		Map<String, Object> seizure = Map.of("decisionType", "COERCION", "coercionKind", "SEIZURE");
		if (!isMajor(scope, seizure, engine, processDefinitionId, tenantId)) {
			return;
		}
		Object caseId = scope.getVariable(CaseVariables.CASE_ID);
		String agency = tenantId != null ? tenantId : (String) scope.getVariable(CaseVariables.AGENCY_CODE);
		if (reviews.getObject().permitsMajorDecision(caseId == null ? null : caseId.toString(), agency, "COERCION")) {
			return;
		}
		log.warn("Decision gate refused the seizure of case {}: major, no passed legal review of the coercion", caseId);
		throw FormFields.invalid(field, "本次查封、扣押财物估价合计 " + scope.getVariable("seizureValue") + " 元，依照重大执法决定目录属于"
				+ "重大执法决定，须经法制审核通过后方可批准（R-REV-1；未经法制审核或者审核未通过的，不得作出决定）。请承办人在任务中心发起"
				+ "「重大执法决定法制审核」，拟作决定类型选择“行政强制”，审核通过后再批准");
	}

	boolean isMajor(VariableScope scope, ProcessEngine engine, String processDefinitionId, String tenantId) {
		return isMajor(scope, Map.of(), engine, processDefinitionId, tenantId);
	}

	/** {@code overrides}: catalogue inputs that name the decision at hand instead of the case's variables. */
	private boolean isMajor(VariableScope scope, Map<String, Object> overrides, ProcessEngine engine, String processDefinitionId,
			String tenantId) {
		// the case's own finding (and the officer's flag) concern its penalty, not a decision named by the overrides
		if (overrides.isEmpty()
				&& (Boolean.TRUE.equals(scope.getVariable("isMajor")) || Boolean.TRUE.equals(scope.getVariable("flaggedMajor")))) {
			return true;
		}
		VariableMap inputs = Variables.createVariables();
		for (String name : CATALOGUE_INPUTS) {
			inputs.putValue(name, overrides.containsKey(name) ? overrides.get(name) : scope.getVariable(name));
		}
		if (inputs.get("decisionType") == null) {
			inputs.putValue("decisionType", "PENALTY");
		}
		if (inputs.get("hearingHeld") == null) {
			inputs.putValue("hearingHeld", false);
		}
		try {
			// the gate, not the acting user, reads the catalogue the case's process version was deployed with
			return AsSystem.withoutAuthorization(() -> catalogueSays(engine, processDefinitionId, tenantId, inputs));
		}
		catch (RuntimeException e) {
			// fail closed: if the catalogue cannot be evaluated, treat the decision as major
			log.warn("Decision gate could not evaluate {} ({}): treating the decision as major", CATALOGUE, e.getMessage());
			return true;
		}
	}

	/**
	 * Whether the catalogue finds the decision major. A catalogue deployed with the case's process version is the
	 * same table for every case of that version, and a decision table's answer depends on its inputs only: the
	 * answer for the same version and inputs is remembered (issue 15 §2 — the gate asks at every decision step,
	 * when its task is created and again when it is completed). A catalogue found otherwise (the agency's latest)
	 * may change with the next deployment and is evaluated every time.
	 */
	private boolean catalogueSays(ProcessEngine engine, String processDefinitionId, String tenantId, VariableMap inputs) {
		DecisionDefinition pinned = ModelVersions.pinnedDecision(engine.getRepositoryService(), CATALOGUE, processDefinitionId);
		if (pinned == null) {
			return major(ModelVersions.evaluate(engine, CATALOGUE, processDefinitionId, tenantId, inputs));
		}
		List<Object> key = List.of(pinned.getId(), new TreeMap<>(inputs));
		Boolean known = answers.get(key);
		if (known == null) {
			known = major(ModelVersions.evaluate(engine, pinned, inputs));
			answers.put(key, known);
		}
		return known;
	}

	@SuppressWarnings("unchecked")
	private static boolean major(DmnDecisionTableResult result) {
		return result.getResultList().stream()
			.anyMatch(row -> Boolean.TRUE.equals(((Map<String, Object>) new HashMap<>(row)).get("isMajor")));
	}
}

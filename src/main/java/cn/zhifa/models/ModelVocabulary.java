package cn.zhifa.models;

import java.util.Map;
import java.util.Set;

/**
 * What a model may call (issue 14 §1, ADR-0016): the explicit whitelist of Zhifa's beans a BPMN model
 * may name, and of the methods it may call on them. Everything else a model may use is data: its
 * variables, literals and operators. The model guard checks every expression of a model against this
 * list before deploying, and the engine resolves expressions with these beans only
 * ({@link GuardedExpressionManager}). A new delegate is added here and to its class; a test checks
 * the list against the application's beans.
 */
public final class ModelVocabulary {

	/** Service-task delegates ({@code camunda:delegateExpression="${name}"} on a service task). */
	public static final Set<String> SERVICE_DELEGATES = Set.of("answerTransfer", "approveCriminalTransfer",
			"archiveDisclosure", "caseStage", "closeReviewDisagreement", "concludeCaseTransfer",
			"concludeCriminalTransfer", "concludeLegalReview", "deliverCaseTransfer", "evaluateMajor",
			"extendDecisionPeriod", "extendReview", "extendSeizure", "generateDocument", "negotiationStalled",
			"openCaseTransfer", "openCriminalTransfer", "openDisciplineTransfer", "openLegalReview",
			"openReviewDisagreement", "publishDisclosure", "recordCaseTransferAnswer", "recordCriminalHandover",
			"recordDisciplineTransfer", "recordEvidenceHandover", "recordExternalCaseHandover", "recordInvestigators",
			"recordPoliceFiled", "recordPoliceNotFiled", "recordReviewOpinion", "registerCase", "registerDisclosure",
			"slaBreach", "slaWarning", "startProcess", "startReviewRound", "startSeizure", "withdrawDisclosure");

	/** Task listeners ({@code camunda:taskListener delegateExpression="${name}"}). */
	public static final Set<String> TASK_LISTENERS = Set.of("caseTaskChecks", "transferTaskChecks",
			"legalReviewTaskChecks", "disclosureTaskChecks", "certifiedOfficers", "agencyOptions");

	/** Beans with methods a model may call in an expression, and those methods with their number of arguments. */
	public static final Map<String, Map<String, Integer>> CALLABLE = Map.of("deadlines",
			Map.of("limit", 2, "workdays", 2, "workdaysBefore", 2, "workdaysBetween", 2, "days", 2, "hours", 2,
					"provisional", 1));

	/** {@code execution.getVariable('name')}: the one method of the engine's execution a model may call. */
	public static final String EXECUTION = "execution";
	public static final String GET_VARIABLE = "getVariable";

	/**
	 * Names that reach the engine or the application rather than a case's data: never usable in an
	 * expression (besides {@code execution.getVariable}).
	 */
	static final Set<String> FORBIDDEN_NAMES = Set.of("task", "caseExecution", "externalTask", "variableScope",
			"processEngine", "processEngineServices", "processEngineConfiguration", "applicationContext", "environment",
			"systemProperties", "systemEnvironment", "identityService", "runtimeService", "taskService",
			"repositoryService", "historyService", "managementService", "authorizationService", "formService",
			"filterService", "externalTaskService", "caseService", "decisionService", "S", "JSON", "XML");

	/** Property names that lead from data to the Java runtime. */
	static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
			"processEngine", "processEngineServices", "processEngineConfiguration", "runtime");

	private ModelVocabulary() {
	}

	/** Every bean name the engine's expressions may resolve. */
	public static Set<String> beanNames() {
		java.util.Set<String> all = new java.util.TreeSet<>(SERVICE_DELEGATES);
		all.addAll(TASK_LISTENERS);
		all.addAll(CALLABLE.keySet());
		return Set.copyOf(all);
	}
}

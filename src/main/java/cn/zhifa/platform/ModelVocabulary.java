package cn.zhifa.platform;

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
			"concludeCriminalTransfer", "concludeLegalReview", "deliverCaseTransfer", "deployModelChange", "evaluateMajor",
			"extendDecisionPeriod", "extendReview", "extendSeizure", "generateDocument", "negotiationStalled",
			"openCaseTransfer", "openCriminalTransfer", "openDisciplineTransfer", "openLegalReview",
			"openReviewDisagreement", "prepareDemand", "publishDisclosure", "recordCaseTransferAnswer", "recordCriminalHandover",
			"recordDisciplineTransfer", "recordEvidenceHandover", "recordExternalCaseHandover", "recordInvestigators",
			"recordAfterConviction", "recordModelChange", "requestAppraisal", "recordPoliceFiled", "recordPoliceNotFiled", "recordReconsiderationRefused", "requestDisclosureWithdrawal", "recordInterference",
			"recordReviewOpinion", "recordRecusal", "registerCase", "replaceRecusedOfficer", "requestRecusal",
			"registerDisclosure", "slaBreach", "slaWarning", "startProcess", "startReviewRound", "startSeizure", "liftSeizure",
			"withdrawDisclosure", "registerComplaint", "recordComplaintRouting", "transferComplaint", "acceptComplaint",
			"openComplaintCase", "replyComplaint", "registerComplaintFeedback", "issueSupervisionNotice", "recordRectificationReport",
			"returnSupervisionNotice", "concludeSupervisionNotice", "drawCaseFiles", "summariseCaseFileReview",
			"concludeCaseFileReview", "issueReviewNotice", "recordReviewAcknowledgement", "openAgencyDispute", "askDisputeCounterpart",
			"openDisputeReply", "sendDisputeReply", "takeDisputeReply", "applyDisputeCoordination", "acceptDisputeCoordination",
			"recordDisputeOpinion", "weighDisputeAnswers", "recordDisputeReport", "concludeAgencyDispute",
			"proposeGuidingCase", "returnGuidingCase",
			"resubmitGuidingCase", "concludeGuidingCase", "openAssistanceRequest", "deliverAssistanceRequest",
			"recordAssistanceAnswer", "recordAssistanceOutcome", "registerAssistanceReply", "answerAssistanceRequest",
			"reportAssistanceOutcome",
			// annual statistics (R-DISC-7, cn.zhifa.statistics)
			"startAnnualStatistics", "openAnnualStatistics", "computeAnnualStatistics", "submitAnnualStatistics",
			"publishAnnualStatistics",
			// enforcement item lists (R-QUAL-4, cn.zhifa.itemlist)
			"proposeItemListChange", "returnItemListChange", "resubmitItemListChange", "publishItemListChange",
			// officers' annual certificate review (R-QUAL-2, cn.zhifa.officers)
			"startOfficerAnnualReviews", "openOfficerAnnualReview", "passOfficerAnnualReview", "suspendOfficer",
			// random inspections (R-DISC-1, cn.zhifa.inspection)
			"drawInspectionTargets", "prepareInspection", "recordInspectionResult", "openInspectionCase", "publishInspectionResult",
			"finishInspectionPlan");

	/** Task listeners ({@code camunda:taskListener delegateExpression="${name}"}). */
	public static final Set<String> TASK_LISTENERS = Set.of("caseTaskChecks", "transferTaskChecks",
			"legalReviewTaskChecks", "disclosureTaskChecks", "certifiedOfficers", "hearingChairs", "agencyOptions",
			"modelChangeTaskChecks", "complaintTaskChecks", "supervisionNoticeTaskChecks", "caseFileReviewTaskChecks",
			"agencyDisputeTaskChecks", "guidingCaseTaskChecks", "assistanceTaskChecks", "annualStatisticsTaskChecks",
			"itemListTaskChecks",
			"officerAnnualReviewTaskChecks", "inspectionTaskChecks");

	/**
	 * The checks of each form's input (issue 14 §3: by form, fail closed): a user task showing one of
	 * these forms must have the listed task listener; the listener runs the form's check whatever the
	 * task is called, and refuses a form it has no check for.
	 */
	public static final Map<String, Set<String>> TASK_CHECKS = Map.ofEntries(
			Map.entry("caseTaskChecks", Set.of("enforcement-case-decide-on-the-spot", "enforcement-case-file-summary",
					"enforcement-case-record-execution", "enforcement-case-approve-filing", "enforcement-case-investigate",
					"enforcement-case-handle-seizure", "enforcement-case-request-seizure", "enforcement-case-approve-seizure",
					"enforcement-case-conclude-investigation",
					"enforcement-case-propose-penalty", "enforcement-case-serve-prior-notice",
					"enforcement-case-record-party-reply", "enforcement-case-schedule-hearing", "enforcement-case-hold-hearing",
					"enforcement-case-collective-discussion", "enforcement-case-decide", "enforcement-case-educate",
					"enforcement-case-seizure-extension", "enforcement-case-serve", "enforcement-case-approve-extension",
					"enforcement-case-serve-demand-notice", "enforcement-case-record-demand-outcome",
					"enforcement-case-apply-to-court", "enforcement-case-record-court-ruling",
					"enforcement-case-record-appraisal", "enforcement-case-decide-recusal",
					"enforcement-case-study-review-opinion")),
			Map.entry("legalReviewTaskChecks", Set.of("legal-review-check-materials", "legal-review-decision", "legal-review-revise",
					"legal-review-respond", "legal-review-supplement", "review-disagreement-negotiate",
					"review-disagreement-head-ruling")),
			Map.entry("transferTaskChecks", Set.of("case-transfer-sign", "case-transfer-negotiate", "case-transfer-coordination",
					"case-transfer-external-handover", "case-transfer-external-feedback", "criminal-transfer-approve",
					"criminal-transfer-handover", "criminal-transfer-evidence", "criminal-transfer-follow-up", "criminal-transfer-supervision",
					"criminal-transfer-after-conviction",
					"discipline-transfer-sign")),
			Map.entry("disclosureTaskChecks", Set.of("disclosure-prepare", "disclosure-review")),
			Map.entry("modelChangeTaskChecks", Set.of("model-change-approve")),
			Map.entry("complaintTaskChecks", Set.of("complaint-handling-accept", "complaint-handling-handle",
					"complaint-feedback-read")),
			Map.entry("supervisionNoticeTaskChecks", Set.of("supervision-notice-rectify", "supervision-notice-check")),
			Map.entry("caseFileReviewTaskChecks", Set.of("case-file-review-score", "case-file-review-conclude",
					"case-file-review-acknowledge")),
			Map.entry("agencyDisputeTaskChecks", Set.of("agency-dispute-negotiate", "agency-dispute-accept", "agency-dispute-coordinate",
					"agency-dispute-answer", "agency-dispute-report", "agency-dispute-ruling", "agency-dispute-reply-negotiate",
					"agency-dispute-reply-opinion")),
			Map.entry("guidingCaseTaskChecks", Set.of("guiding-case-review", "guiding-case-revise")),
			Map.entry("assistanceTaskChecks", Set.of("assistance-reply-answer", "assistance-reply-report")),
			Map.entry("annualStatisticsTaskChecks", Set.of("annual-statistics-sign-off", "annual-statistics-publish")),
			Map.entry("itemListTaskChecks", Set.of("item-list-change-review", "item-list-change-revise")),
			Map.entry("officerAnnualReviewTaskChecks", Set.of("officer-annual-review-decide")),
			Map.entry("inspectionTaskChecks", Set.of("random-inspection-result", "random-inspection-publish")));


	/** The task listener that checks {@code formId}, or null when the form has no check. */
	public static String checkOf(String formId) {
		return TASK_CHECKS.entrySet().stream().filter(e -> e.getValue().contains(formId)).map(Map.Entry::getKey).findFirst()
			.orElse(null);
	}

	/** Beans with methods a model may call in an expression, and those methods with their number of arguments. */
	public static final Map<String, Map<String, Integer>> CALLABLE = Map.of("deadlines",
			Map.of("limit", 2, "limitNotCounting", 3, "workdays", 2, "workdaysBefore", 2, "workdaysBetween", 2, "days", 2,
					"hours", 2, "provisional", 1, "workdaysBasis", 2, "limitBasis", 2));

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
	public static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
			"processEngine", "processEngineServices", "processEngineConfiguration", "runtime");

	/**
	 * The marker of a statutory step ({@code <camunda:property name="statutoryStep" value="…"/>} in the
	 * element's extension properties, "Extension properties" in Camunda Modeler): the gate and the graph
	 * proofs of the model guard attach to it, not to an element id (issue 14 §3).
	 */
	public static final String STATUTORY_STEP = "statutoryStep";
	/** Makes or records an enforcement decision: gated by R-REV-1, needs review, discussion and disclosure around it. */
	public static final String DECISION = "DECISION";
	/** The legal review of a major decision (R-REV-1). */
	public static final String LEGAL_REVIEW = "LEGAL_REVIEW";
	/** The collective discussion of the agency's heads (行政处罚法 art. 57). */
	public static final String COLLECTIVE_DISCUSSION = "COLLECTIVE_DISCUSSION";
	/** Starts the disclosure of the decision (R-DISC). */
	public static final String DISCLOSURE = "DISCLOSURE";
	public static final Set<String> STATUTORY_STEPS = Set.of(DECISION, LEGAL_REVIEW, COLLECTIVE_DISCUSSION, DISCLOSURE);

	/** Document kinds that are enforcement decisions: a task generating one must be marked {@link #DECISION}. */
	public static final Set<String> DECISION_DOCUMENTS = Set.of("PENALTY_DECISION", "NO_PENALTY_DECISION",
			"SUMMARY_PENALTY_DECISION");
	/** Form fields that set a decision's outcome: a user task whose form has one must be marked {@link #DECISION}. */
	public static final Set<String> DECISION_FIELDS = Set.of("decisionKind");
	/**
	 * Qualification marker (R-QUAL-2/3): the step is enforcement work, so only a registered, certified
	 * officer of the agency may be given or complete it. Every user task of a process with a decision step
	 * carries it (fail closed: a new step is refused at deploy without it).
	 */
	public static final String ENFORCEMENT_ACTION = "enforcementAction";
	/** The kinds of enforcement work a step may name: 许可, 处罚, 强制, 调查取证, 检查. */
	public static final Set<String> ENFORCEMENT_ACTIONS = Set.of("PERMIT", "PENALTY", "COERCION", "INVESTIGATION",
			"INSPECTION");

	/**
	 * Conditions of a sequence flow after which the decision is by law not major, so no legal review is
	 * needed on that path: {@code isMajor} is set by the system's {@code evaluateMajor} from the major-decision
	 * catalogue; the summary procedure (行政处罚法 art. 51) only allows fines far below every major threshold.
	 * The runtime gate checks the catalogue again at every decision step whatever the path.
	 */
	public static final Set<String> NOT_MAJOR_CONDITIONS = Set.of("${!isMajor}", "${summaryEligible}");

	/** Delegates that record an SLA warning or breach: the task their timer is attached to needs a due date. */
	public static final Set<String> SLA_DELEGATES = Set.of("slaWarning", "slaBreach");

	private ModelVocabulary() {
	}

	/**
	 * Every bean name the engine's expressions may resolve, made once: the expression resolver asks for each name
	 * an expression uses (building the set at each question was 1.1 % of a whole case's CPU).
	 */
	private static final Set<String> BEAN_NAMES = beanNamesOf(SERVICE_DELEGATES, TASK_LISTENERS, CALLABLE.keySet());

	/** Every bean name the engine's expressions may resolve. */
	public static Set<String> beanNames() {
		return BEAN_NAMES;
	}

	@SafeVarargs
	private static Set<String> beanNamesOf(Set<String>... groups) {
		java.util.Set<String> all = new java.util.TreeSet<>();
		for (Set<String> group : groups) {
			all.addAll(group);
		}
		return Set.copyOf(all);
	}
}

package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/enforcement-case.bpmn} (R-CASE: registration, the on-the-spot summary procedure,
 * filing approval with its warning and breach, transfer out, investigation with seizure — approved, urgent,
 * extended, breached —, criminal transfer, discretion, prior notice and hearing, major decisions and the legal
 * review, decision, service, disclosure, execution with demand and court enforcement, discipline transfer, and the
 * non-interrupting events of the handling period: warnings, breach, extension, appraisal and recusal), engine only:
 * the DMN decisions of {@code dmn/} run as they are, the services behind the delegates and the called processes
 * ({@code case-transfer}, {@code criminal-transfer}, {@code legal-review}) are stand-ins.
 */
class EnforcementCasePathsTest extends ModelPathTestSupport {

	static final Instant DISCOVERED = Instant.parse("2026-11-02T01:00:00Z");
	static final Instant FILED = Instant.parse("2026-11-04T01:00:00Z");
	static final Instant DECISION_DUE = FILED.plus(90, ChronoUnit.DAYS);
	static final Instant SEIZED = Instant.parse("2026-11-10T01:00:00Z");
	static final Instant SEIZURE_DUE = SEIZED.plus(30, ChronoUnit.DAYS);
	static final Instant NOTICE_SERVED = Instant.parse("2026-12-01T01:00:00Z");
	static final Instant DECIDED = Instant.parse("2026-12-20T01:00:00Z");
	static final Instant SERVED = Instant.parse("2026-12-22T01:00:00Z");
	static final Instant DEMAND_DUE = Instant.parse("2027-01-20T01:00:00Z");
	static final Instant LITIGATION_ENDS = Instant.parse("2027-06-22T01:00:00Z");
	static final Instant COURT_DUE = Instant.parse("2027-09-22T01:00:00Z");

	/**
	 * The stand-in for the statutory limits: each kind a fixed number of days from its start; working days are
	 * counted as calendar days.
	 */
	public static final class Deadlines {
		static final Map<String, Integer> DAYS = Map.of("FILING_APPROVAL", 7, "PAYMENT", 15, "HEARING_REQUEST", 5,
				"COERCION_URGENT_APPROVAL", 1, "SERVICE_ABSENT", 7, "PENALTY_DECISION_WARNING_FIRST", 60,
				"PENALTY_DECISION_WARNING_SECOND", 80);

		public Date limit(String kind, Object start) {
			assertThat(DAYS).containsKey(kind);
			return Date.from(((Date) start).toInstant().plus(DAYS.get(kind), ChronoUnit.DAYS));
		}

		public Date limitNotCounting(String kind, Object start, Object suspendedDays) {
			assertThat(suspendedDays).isNull();
			return limit(kind, start);
		}

		public Date workdaysBefore(Object date, int days) {
			return Date.from(((Date) date).toInstant().minus(days, ChronoUnit.DAYS));
		}
	}

	static Date at(Instant instant) {
		return Date.from(instant);
	}

	@BeforeEach
	void deployModelsAndStandIns() throws Exception {
		// the model binds its decisions and called processes to its own deployment: all in one
		deployTogether("enforcement-case.bpmn", List.of("summary-procedure", "late-payment-surcharge", "discretion-benchmark",
				"hearing-eligibility", "major-decision-catalogue"), List.of("case-transfer", "criminal-transfer", "legal-review"));

		delegate("registerCase");
		delegate("generateDocument", Map.of("decisionNumber", "寥街罚决〔2026〕1号", "priorNoticeNumber", "寥街罚告〔2026〕1号",
				"demandNoticeNumber", "寥街催〔2026〕1号"));
		delegate("caseStage", Map.of("filedAt", at(FILED), "decisionDueAt", at(DECISION_DUE), "decisionAt", at(DECIDED),
				"servedOn", at(SERVED)));
		delegate("startProcess");
		delegate("answerTransfer");
		delegate("recordInvestigators");
		delegate("startSeizure", Map.of("seizedAt", at(SEIZED), "seizureDueAt", at(SEIZURE_DUE)));
		delegate("liftSeizure");
		delegate("extendSeizure");
		delegate("slaWarning");
		delegate("slaBreach");
		delegate("prepareDemand", Map.of("overdueDays", 10, "demandDueAt", at(DEMAND_DUE), "litigationEndsAt",
				at(LITIGATION_ENDS), "courtApplicationDueAt", at(COURT_DUE)));
		delegate("extendDecisionPeriod");
		delegate("recordRecusal");
		delegate("replaceRecusedOfficer");
		taskChecks("caseTaskChecks");
		taskChecks("certifiedOfficers");
		taskChecks("agencyOptions");
		taskChecks("hearingChairs");
		bean("deadlines", new Deadlines());
	}

	/** The variables of a registered case; {@code more} adds or replaces. */
	static Map<String, Object> caseVariables(Object... more) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseId", "case-1");
		variables.put("agencyCode", "LIAOKUO");
		variables.put("handlerId", "officer1");
		variables.put("summaryProcedure", false);
		variables.put("discoveredOn", at(DISCOVERED));
		variables.put("partyType", "PERSON");
		variables.put("partyIsOfficial", false);
		variables.put("violationCode", "CM-OCCUPY-ROAD");
		variables.put("circumstance", "ORDINARY");
		variables.put("fineAmount", 500.0);
		for (int i = 0; i < more.length; i += 2) {
			variables.put((String) more[i], more[i + 1]);
		}
		return variables;
	}

	ProcessInstance register(Object... more) {
		return start("enforcement-case", "寥街罚〔2026〕1号", caseVariables(more));
	}

	/** Starts a case before {@code activity} (the paths after it), with the variables the earlier steps set. */
	ProcessInstance startBefore(String activity, Object... more) {
		Map<String, Object> variables = caseVariables("filedAt", at(FILED), "decisionDueAt", at(DECISION_DUE));
		variables.putAll(caseVariables(more));
		return engine.getRuntimeService().createProcessInstanceByKey("enforcement-case").businessKey("寥街罚〔2026〕1号")
			.setVariables(variables).startBeforeActivity(activity).execute();
	}

	/** The candidate groups of a task (the assertion library checks them only on unassigned tasks). */
	List<String> candidateGroups(Task task) {
		return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
	}

	void correlate(String message, ProcessInstance instance) {
		engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).correlate();
	}

	// registration and the summary procedure

	@Test
	void aSummaryCaseDecidedOnTheSpotIsFiledWithTheHeadPublishedAndClosedOncePaid() {
		ProcessInstance instance = register("summaryProcedure", true, "proposedFine", 100.0, "servedOn", at(SERVED));

		assertThat(instance).isWaitingAt("userTask_decideOnTheSpot").variables().containsEntry("summaryEligible", true);
		assertThat(task(instance)).isAssignedTo("officer1");
		assertThat(candidateGroups(task(instance))).containsExactly("LIAOKUO-officer");
		complete(task(instance), Map.of("decisionKind", "PENALTY"));
		assertThat(instance).isWaitingAt("userTask_fileSummaryCase");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task(instance));

		assertThat(instance).isWaitingAt("serviceTask_startDisclosure");
		execute(job(instance));
		assertThat(instance).isWaitingAt("userTask_recordExecution");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(at(SERVED.plus(15, ChronoUnit.DAYS)));
		complete(task(instance), Map.of("executionResult", "PAID"));

		assertThat(instance).hasPassedInOrder("serviceTask_registerCase", "businessRuleTask_summaryEligibility",
				"userTask_decideOnTheSpot", "serviceTask_generateSummaryDecision", "serviceTask_summaryDecided",
				"userTask_fileSummaryCase", "serviceTask_startDisclosure", "userTask_recordExecution", "serviceTask_executed",
				"serviceTask_closeCase", "endEvent_closed")
			.hasNotPassed("userTask_approveFiling", "serviceTask_startDisciplineTransfer").isEnded();
		assertThat(calls()).containsExactly("registerCase", "caseTaskChecks:complete:userTask_decideOnTheSpot",
				"generateDocument", "caseStage", "caseTaskChecks:complete:userTask_fileSummaryCase", "startProcess",
				"caseTaskChecks:complete:userTask_recordExecution", "caseStage", "caseStage");
	}

	@Test
	void aSummaryCaseBeyondTheOnTheSpotLimitsGoesToFilingApproval() {
		ProcessInstance instance = register("summaryProcedure", true, "proposedFine", 5000.0);

		assertThat(instance).hasPassed("businessRuleTask_summaryEligibility").hasNotPassed("userTask_decideOnTheSpot")
			.isWaitingAt("userTask_approveFiling").variables().containsEntry("summaryEligible", false);
	}

	@Test
	void anOrdinaryCaseWaitsForFilingApprovalByTheHeadWithinTheFilingLimit() {
		ProcessInstance instance = register();

		assertThat(instance).hasNotPassed("businessRuleTask_summaryEligibility").isWaitingAt("userTask_approveFiling");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(at(DISCOVERED.plus(7, ChronoUnit.DAYS)));
		assertThat(calls()).containsExactly("registerCase", "certifiedOfficers:create:userTask_approveFiling",
				"agencyOptions:create:userTask_approveFiling");
	}

	@Test
	void twoWorkingDaysBeforeTheFilingLimitTheHeadIsRemindedAndAtTheLimitTheCaseIsSupervised() {
		ProcessInstance instance = register();

		assertThat(job("timerEvent_filingWarning", instance)).hasDueDate(at(DISCOVERED.plus(5, ChronoUnit.DAYS)));
		assertThat(job("timerEvent_filingBreach", instance)).hasDueDate(at(DISCOVERED.plus(7, ChronoUnit.DAYS)));
		execute(job("timerEvent_filingWarning", instance));
		execute(job("timerEvent_filingBreach", instance));

		assertThat(instance).hasPassed("serviceTask_filingWarning", "endEvent_filingWarning", "serviceTask_filingBreach",
				"endEvent_filingBreach").isWaitingAt("userTask_approveFiling");
		assertThat(calls()).endsWith("slaWarning", "slaBreach");
	}

	@Test
	void aCaseNotFiledEndsAfterTheTransferringAgencyIsAnswered() {
		ProcessInstance instance = register();

		complete(task(instance), Map.of("filingDecision", "NOT_FILE"));

		assertThat(instance).hasPassedInOrder("userTask_approveFiling", "serviceTask_answerTransfer", "serviceTask_notFiled",
				"endEvent_notFiled").hasNotPassed("serviceTask_fileCase").isEnded();
		assertThat(calls()).endsWith("caseTaskChecks:complete:userTask_approveFiling", "answerTransfer", "caseStage");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "ACCEPTED,", "ACCEPTED_AFTER_NEGOTIATION,", "REFUSED_THEN_COORDINATED,TARGET_HANDLES" })
	void aCaseTheReceivingAgencyTakesOverEndsAsTransferredOut(String outcome, String coordinationResult) {
		ProcessInstance instance = register("targetAgencyCode", "HEXI");

		complete(task(instance), Map.of("filingDecision", "TRANSFER_OUT"));
		assertThat(instance).isWaitingAt("callActivity_caseTransfer");
		ProcessInstance transfer = calledProcessInstance("case-transfer", instance);
		assertThat(transfer).variables().containsEntry("caseId", "case-1").containsEntry("targetAgencyCode", "HEXI");
		Map<String, Object> result = new HashMap<>(Map.of("caseTransferOutcome", outcome));
		result.put("coordinationResult", coordinationResult);
		complete(task(transfer), result);

		assertThat(instance).hasPassedInOrder("callActivity_caseTransfer", "serviceTask_transferredOut",
				"endEvent_transferredOut").isEnded();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "REFUSED_THEN_COORDINATED,SOURCE_HANDLES", "REFUSED_THEN_COORDINATED,", "RETURNED," })
	void aCaseTheReceivingAgencyDoesNotTakeComesBackForFiling(String outcome, String coordinationResult) {
		ProcessInstance instance = register();

		complete(task(instance), Map.of("filingDecision", "TRANSFER_OUT"));
		Map<String, Object> result = new HashMap<>(Map.of("caseTransferOutcome", outcome));
		result.put("coordinationResult", coordinationResult);
		complete(task(calledProcessInstance("case-transfer", instance)), result);

		assertThat(instance).hasPassed("callActivity_caseTransfer").hasNotPassed("serviceTask_transferredOut")
			.isWaitingAt("userTask_approveFiling");
	}

	/** R-COORD-1: lack of competence found in the investigation — the filed case is transferred, its handling ended. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "ACCEPTED,", "ACCEPTED_AFTER_NEGOTIATION,", "REFUSED_THEN_COORDINATED,TARGET_HANDLES" })
	void aFiledCaseFoundOutsideTheAgencysCompetenceIsTransferredAndItsHandlingEnds(String outcome, String coordinationResult) {
		ProcessInstance instance = register();
		complete(task(instance), Map.of("filingDecision", "FILE"));
		complete(task(instance), Map.of("inquiryHeld", false, "inspectionHeld", false, "seizureNeeded", false));

		complete(task(instance), Map.of("outsideCompetence", true, "targetAgencyCode", "HEXI", "transferReason",
				"违法行为发生地属河西街道"));
		assertThat(instance).isWaitingAt("callActivity_transferAfterFiling");
		ProcessInstance transfer = calledProcessInstance("case-transfer", instance);
		assertThat(transfer).variables().containsEntry("caseId", "case-1").containsEntry("targetAgencyCode", "HEXI")
			.containsEntry("transferReason", "违法行为发生地属河西街道");
		Map<String, Object> result = new HashMap<>(Map.of("caseTransferOutcome", outcome));
		result.put("coordinationResult", coordinationResult);
		complete(task(transfer), result);

		assertThat(instance).hasPassedInOrder("callActivity_transferAfterFiling", "endEvent_transferredAfterFiling",
				"errorEvent_transferredAfterFiling", "serviceTask_transferredOut", "endEvent_transferredOut")
			.hasNotPassed("callActivity_criminalTransfer", "gateway_violation").isEnded();
		// the 90-day timers of the handling went with it
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void aTransferAfterFilingTheOtherBodyDoesNotTakeComesBackToTheInvestigationReport() {
		ProcessInstance instance = register();
		complete(task(instance), Map.of("filingDecision", "FILE"));
		complete(task(instance), Map.of("inquiryHeld", false, "inspectionHeld", false, "seizureNeeded", false));
		complete(task(instance), Map.of("outsideCompetence", true, "targetAgencyCode", "HEXI"));

		complete(task(calledProcessInstance("case-transfer", instance)), Map.of("caseTransferOutcome", "RETURNED"));

		assertThat(instance).hasPassed("callActivity_transferAfterFiling").hasNotPassed("serviceTask_transferredOut")
			.isWaitingAt("userTask_concludeInvestigation");
		complete(task(instance), Map.of("outsideCompetence", false, "suspectedCrime", false, "violationConfirmed", true));
		assertThat(instance).hasPassed("gateway_violation").isNotEnded();
	}

	@Test
	void anOrdinaryCaseRunsFromRegistrationThroughInvestigationDecisionServiceAndPaymentToClosure() {
		delegate("evaluateMajor", Map.of("isMajor", false));
		ProcessInstance instance = register("partyIsOfficial", true);

		complete(task(instance), Map.of("filingDecision", "FILE"));
		complete(task(instance), Map.of("inquiryHeld", true, "inspectionHeld", false, "seizureNeeded", false));
		complete(task(instance), Map.of("suspectedCrime", false, "violationConfirmed", true));
		complete(task(instance));
		complete(task(instance), Map.of("priorNoticeMethod", "DIRECT", "priorNoticeServedAt", at(NOTICE_SERVED)));
		complete(task(instance), Map.of("partyReply", "NONE"));
		complete(task(instance), Map.of("decisionKind", "PENALTY"));
		complete(task(instance));
		execute(job(instance));
		complete(task(instance), Map.of("executionResult", "PAID"));

		assertThat(instance).hasPassedInOrder("serviceTask_registerCase", "userTask_approveFiling", "serviceTask_answerTransfer",
				"serviceTask_fileCase", "userTask_investigate", "serviceTask_recordInvestigators",
				"serviceTask_generateInquiryRecord", "userTask_concludeInvestigation", "businessRuleTask_discretion",
				"userTask_proposePenalty", "businessRuleTask_hearingEligibility", "serviceTask_generatePriorNotice",
				"userTask_servePriorNotice", "serviceTask_generatePriorNoticeReceipt", "userTask_recordPartyReply",
				"businessRuleTask_majorCatalogue", "serviceTask_evaluateMajor", "userTask_decide", "serviceTask_generateDecision",
				"serviceTask_decided", "endEvent_decided", "userTask_serve", "serviceTask_generateDecisionReceipt",
				"serviceTask_served", "serviceTask_startDisclosure", "userTask_recordExecution", "serviceTask_executed",
				"serviceTask_closeCase", "serviceTask_startDisciplineTransfer", "endEvent_closed")
			.hasNotPassed("serviceTask_generateInspectionRecord", "userTask_requestSeizure", "callActivity_criminalTransfer",
					"callActivity_legalReview", "userTask_scheduleHearing", "serviceTask_prepareDemand")
			.isEnded();
		assertThat(calls()).containsSubsequence("registerCase", "answerTransfer", "caseStage", "recordInvestigators",
				"evaluateMajor", "startProcess", "startProcess");
	}

	// investigation

	@Test
	void aFiledCaseIsInvestigatedWithInquiryAndInspectionRecordsWithoutSeizure() {
		ProcessInstance instance = register();
		complete(task(instance), Map.of("filingDecision", "FILE"));

		assertThat(instance).hasPassed("serviceTask_fileCase").isWaitingAt("userTask_investigate");
		assertThat(task(instance)).isAssignedTo("officer1");
		assertThat(candidateGroups(task(instance))).containsExactly("LIAOKUO-officer");
		complete(task(instance), Map.of("inquiryHeld", true, "inspectionHeld", true, "seizureNeeded", false));

		assertThat(instance).hasPassedInOrder("userTask_investigate", "serviceTask_recordInvestigators",
				"serviceTask_generateInquiryRecord", "serviceTask_generateInspectionRecord")
			.hasNotPassed("userTask_requestSeizure").isWaitingAt("userTask_concludeInvestigation");
		assertThat(calls()).endsWith("caseStage", "certifiedOfficers:create:userTask_investigate",
				"caseTaskChecks:complete:userTask_investigate", "recordInvestigators", "generateDocument", "generateDocument",
				"agencyOptions:create:userTask_concludeInvestigation");
	}

	@Test
	void withoutInquiryOrInspectionNoRecordIsGenerated() {
		ProcessInstance instance = startBefore("userTask_investigate");

		complete(task(instance), Map.of("inquiryHeld", false, "inspectionHeld", false, "seizureNeeded", false));

		assertThat(instance).hasNotPassed("serviceTask_generateInquiryRecord", "serviceTask_generateInspectionRecord")
			.isWaitingAt("userTask_concludeInvestigation");
		assertThat(calls()).doesNotContain("generateDocument");
	}

	@Test
	void aSeizureApprovedByTheHeadIsCarriedOutAndItsGoodsHandledWithinTheSeizurePeriod() {
		ProcessInstance instance = startBefore("userTask_investigate");
		complete(task(instance), Map.of("inquiryHeld", false, "inspectionHeld", false, "seizureNeeded", true));

		assertThat(task(instance)).hasDefinitionKey("userTask_requestSeizure").isAssignedTo("officer1");
		complete(task(instance), Map.of("seizureUrgent", false));
		assertThat(task(instance)).hasDefinitionKey("userTask_approveSeizure").hasCandidateGroup("LIAOKUO-head");
		// 行政强制法 art. 18(1): nothing is seized or documented before the head approves
		assertThat(instance).hasNotPassed("serviceTask_startSeizure", "serviceTask_generateSeizureDecision",
				"serviceTask_generateSeizureInventory");
		complete(task(instance), Map.of("seizureApproved", true));

		assertThat(instance).hasPassedInOrder("serviceTask_startSeizure", "serviceTask_generateSeizureDecision",
				"serviceTask_generateSeizureInventory").hasNotPassed("userTask_approveUrgentSeizure")
			.isWaitingAt("userTask_handleSeizure");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(at(SEIZURE_DUE));
		complete(task(instance));
		assertThat(instance).isWaitingAt("userTask_concludeInvestigation");
	}

	@Test
	void aRefusedSeizureIsNotCarriedOut() {
		ProcessInstance instance = startBefore("userTask_requestSeizure");
		complete(task(instance), Map.of("seizureUrgent", false));

		complete(task(instance), Map.of("seizureApproved", false));

		assertThat(instance).hasNotPassed("serviceTask_startSeizure", "serviceTask_generateSeizureDecision",
				"serviceTask_generateSeizureInventory").isWaitingAt("userTask_concludeInvestigation");
	}

	@Test
	void anUrgentSeizureApprovedAfterwardsWithin24HoursIsHandled() {
		ProcessInstance instance = startBefore("userTask_requestSeizure");
		complete(task(instance), Map.of("seizureUrgent", true));

		// 行政强制法 art. 19: seized and documented at once, the head approves afterwards
		assertThat(instance).hasNotPassed("userTask_approveSeizure").hasPassedInOrder("serviceTask_startSeizure",
				"serviceTask_generateSeizureDecision", "serviceTask_generateSeizureInventory")
			.isWaitingAt("userTask_approveUrgentSeizure");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(at(SEIZED.plus(1, ChronoUnit.DAYS)));
		complete(task(instance), Map.of("seizureApproved", true));

		assertThat(instance).hasNotPassed("serviceTask_liftSeizure").isWaitingAt("userTask_handleSeizure");
	}

	@Test
	void anUrgentSeizureRefusedAfterwardsIsLiftedAtOnce() {
		ProcessInstance instance = startBefore("userTask_requestSeizure");
		complete(task(instance), Map.of("seizureUrgent", true));

		complete(task(instance), Map.of("seizureApproved", false));

		assertThat(instance).hasPassed("serviceTask_liftSeizure").hasNotPassed("userTask_handleSeizure")
			.isWaitingAt("userTask_concludeInvestigation");
		assertThat(calls()).endsWith("caseTaskChecks:complete:userTask_approveUrgentSeizure", "liftSeizure",
				"agencyOptions:create:userTask_concludeInvestigation");
	}

	@Test
	void anUrgentSeizureNotApprovedWithin24HoursIsSupervisedAndStillAwaitsApproval() {
		ProcessInstance instance = startBefore("userTask_requestSeizure");
		complete(task(instance), Map.of("seizureUrgent", true));

		assertThat(job("timerEvent_urgentSeizureApprovalBreach", instance)).hasDueDate(at(SEIZED.plus(1, ChronoUnit.DAYS)));
		execute(job("timerEvent_urgentSeizureApprovalBreach", instance));

		assertThat(instance).hasPassed("serviceTask_urgentSeizureApprovalBreach", "endEvent_urgentSeizureApprovalEscalated")
			.isWaitingAt("userTask_approveUrgentSeizure");
		assertThat(calls()).endsWith("slaBreach");
	}

	ProcessInstance handlingSeizure(Object... more) {
		ProcessInstance instance = startBefore("userTask_handleSeizure", more);
		return instance;
	}

	@Test
	void threeWorkingDaysBeforeTheSeizurePeriodEndsTheHeadMayExtendItOnce() {
		ProcessInstance instance = handlingSeizure("seizedAt", at(SEIZED), "seizureDueAt", at(SEIZURE_DUE),
				"seizureExtended", false);

		assertThat(job("timerEvent_seizureWarning", instance)).hasDueDate(at(SEIZURE_DUE.minus(3, ChronoUnit.DAYS)));
		execute(job("timerEvent_seizureWarning", instance));
		assertThat(task("userTask_decideSeizureExtension", instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task("userTask_decideSeizureExtension", instance), Map.of("seizureExtensionApproved", true));

		assertThat(instance).hasPassedInOrder("serviceTask_extendSeizure", "serviceTask_generateSeizureExtensionNotice",
				"endEvent_seizureExtended").isWaitingAt("userTask_handleSeizure");
		assertThat(calls()).endsWith("caseTaskChecks:complete:userTask_decideSeizureExtension", "extendSeizure",
				"generateDocument");
	}

	@Test
	void aRefusedSeizureExtensionLeavesThePeriodAsItIs() {
		ProcessInstance instance = handlingSeizure("seizureDueAt", at(SEIZURE_DUE), "seizureExtended", false);
		execute(job("timerEvent_seizureWarning", instance));

		complete(task("userTask_decideSeizureExtension", instance), Map.of("seizureExtensionApproved", false));

		assertThat(instance).hasPassed("endEvent_seizureNotExtended").hasNotPassed("serviceTask_extendSeizure")
			.isWaitingAt("userTask_handleSeizure");
	}

	@Test
	void aSeizureAlreadyExtendedCannotBeExtendedAgain() {
		ProcessInstance instance = handlingSeizure("seizureDueAt", at(SEIZURE_DUE), "seizureExtended", true);

		execute(job("timerEvent_seizureWarning", instance));

		assertThat(instance).hasPassed("endEvent_seizureAlreadyExtended").hasNotPassed("userTask_decideSeizureExtension")
			.isWaitingAt("userTask_handleSeizure");
	}

	@Test
	void aSeizurePeriodThatEndsWithTheGoodsUnhandledIsSupervised() {
		ProcessInstance instance = handlingSeizure("seizureDueAt", at(SEIZURE_DUE), "seizureExtended", false);

		assertThat(job("timerEvent_seizureBreach", instance)).hasDueDate(at(SEIZURE_DUE));
		execute(job("timerEvent_seizureBreach", instance));

		assertThat(instance).hasPassed("serviceTask_seizureBreach", "endEvent_seizureBreach")
			.isWaitingAt("userTask_handleSeizure");
		assertThat(calls()).containsExactly("slaBreach");
	}

	// criminal transfer, violation and discretion

	@Test
	void aSuspectedCrimeHandedToJusticeEndsTheCaseAsTransferredToJustice() {
		ProcessInstance instance = startBefore("userTask_concludeInvestigation", "crimeSuspicion", "涉嫌生产销售伪劣产品");
		complete(task(instance), Map.of("suspectedCrime", true));

		ProcessInstance transfer = calledProcessInstance("criminal-transfer", instance);
		assertThat(transfer).variables().containsEntry("crimeSuspicion", "涉嫌生产销售伪劣产品");
		complete(task(transfer), Map.of("mayDecideAdministratively", false));

		assertThat(instance).hasPassedInOrder("callActivity_criminalTransfer", "endEvent_handedToJustice",
				"serviceTask_transferredToJustice", "endEvent_transferredToJustice").hasNotPassed("userTask_serve").isEnded();
	}

	@Test
	void aCaseTheJudicialOrganReturnsForAdministrativePenaltyGoesOnToTheViolation() {
		ProcessInstance instance = startBefore("userTask_concludeInvestigation");
		complete(task(instance), Map.of("suspectedCrime", true, "violationConfirmed", true));

		complete(task(calledProcessInstance("criminal-transfer", instance)), Map.of("mayDecideAdministratively", true));

		assertThat(instance).hasPassed("businessRuleTask_discretion").hasNotPassed("endEvent_handedToJustice")
			.isWaitingAt("userTask_proposePenalty").variables().containsEntry("handling", "STANDARD");
	}

	@Test
	void aConfirmedViolationGetsTheDiscretionBenchmarkAndAPenaltyProposal() {
		ProcessInstance instance = startBefore("userTask_concludeInvestigation");

		complete(task(instance), Map.of("suspectedCrime", false, "violationConfirmed", true));

		assertThat(instance).hasNotPassed("callActivity_criminalTransfer").isWaitingAt("userTask_proposePenalty")
			.variables().containsEntry("handling", "STANDARD").containsEntry("fineMin", 200.0).containsEntry("fineMax", 1000.0);
		assertThat(task(instance)).isAssignedTo("officer1");
	}

	@Test
	void aViolationNotEstablishedGoesStraightToTheMajorDecisionCheck() {
		ProcessInstance instance = startBefore("userTask_concludeInvestigation");
		delegate("evaluateMajor", Map.of("isMajor", false));

		complete(task(instance), Map.of("suspectedCrime", false, "violationConfirmed", false));

		assertThat(instance).hasNotPassed("businessRuleTask_discretion", "userTask_proposePenalty", "userTask_educate")
			.hasPassed("businessRuleTask_majorCatalogue", "serviceTask_evaluateMajor").isWaitingAt("userTask_decide");
	}

	@Test
	void aMinorViolationCorrectedWithoutHarmIsNotPenalisedButTheOffenderEducated() {
		ProcessInstance instance = startBefore("userTask_concludeInvestigation", "circumstance", "MINOR",
				"correctedPromptly", true, "harmCaused", false);
		delegate("evaluateMajor", Map.of("isMajor", false));

		complete(task(instance), Map.of("suspectedCrime", false, "violationConfirmed", true));
		assertThat(instance).isWaitingAt("userTask_educate").variables().containsEntry("handling", "NO_PENALTY");
		assertThat(task(instance)).isAssignedTo("officer1");
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("userTask_educate", "businessRuleTask_majorCatalogue", "serviceTask_evaluateMajor")
			.hasNotPassed("userTask_proposePenalty").isWaitingAt("userTask_decide");
	}

	// prior notice and hearing

	ProcessInstance priorNoticeServed(String method) {
		ProcessInstance instance = startBefore("userTask_proposePenalty");
		complete(task(instance));
		assertThat(instance).hasPassedInOrder("businessRuleTask_hearingEligibility", "serviceTask_generatePriorNotice")
			.isWaitingAt("userTask_servePriorNotice").variables().containsKey("hearingEligible");
		complete(task(instance), Map.of("priorNoticeMethod", method, "priorNoticeServedAt", at(NOTICE_SERVED)));
		return instance;
	}

	@Test
	void aPriorNoticeServedInPersonAwaitsThePartysReplyWithinTheHearingRequestPeriod() {
		ProcessInstance instance = priorNoticeServed("DIRECT");

		assertThat(instance).hasPassed("serviceTask_generatePriorNoticeReceipt").hasNotPassed("timerEvent_publicNoticePeriod")
			.isWaitingAt("userTask_recordPartyReply");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(at(NOTICE_SERVED.plus(5, ChronoUnit.DAYS)));
	}

	@Test
	void aPriorNoticeServedByPublicNoticeCountsAsServedWhenTheNoticePeriodEnds() {
		ProcessInstance instance = priorNoticeServed("PUBLIC_NOTICE");

		assertThat(instance).isWaitingAt("timerEvent_publicNoticePeriod");
		assertThat(job("timerEvent_publicNoticePeriod", instance)).hasDueDate(at(NOTICE_SERVED));
		execute(job("timerEvent_publicNoticePeriod", instance));

		assertThat(instance).isWaitingAt("userTask_recordPartyReply");
	}

	@Test
	void aHearingRequestedInTheReplyIsScheduledAndHeldBeforeTheMajorDecisionCheck() {
		ProcessInstance instance = priorNoticeServed("DIRECT");
		delegate("evaluateMajor", Map.of("isMajor", false));

		complete(task(instance), Map.of("partyReply", "HEARING_REQUESTED"));
		assertThat(task(instance)).hasDefinitionKey("userTask_scheduleHearing").isAssignedTo("officer1");
		complete(task(instance));
		assertThat(task(instance)).hasDefinitionKey("userTask_holdHearing");
		complete(task(instance), Map.of("hearingHeld", true));

		assertThat(instance).hasPassedInOrder("userTask_scheduleHearing", "serviceTask_generateHearingNotice",
				"userTask_holdHearing", "serviceTask_generateHearingRecord", "businessRuleTask_majorCatalogue")
			.isWaitingAt("userTask_decide");
		assertThat(calls()).endsWith("caseTaskChecks:complete:userTask_recordPartyReply",
				"hearingChairs:create:userTask_scheduleHearing", "caseTaskChecks:complete:userTask_scheduleHearing",
				"generateDocument", "caseTaskChecks:complete:userTask_holdHearing", "generateDocument", "evaluateMajor");
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "majorCatalogue")).asList().isNotEmpty();
	}

	@Test
	void aHearingRequestArrivingWhileTheReplyIsAwaitedInterruptsIt() {
		ProcessInstance instance = priorNoticeServed("DIRECT");

		correlate("enforcement.hearingRequested", instance);

		assertThat(instance).hasPassed("messageEvent_hearingRequested").isWaitingAt("userTask_scheduleHearing");
		assertThat(calls()).doesNotContain("caseTaskChecks:complete:userTask_recordPartyReply");
	}

	@Test
	void aReplyWithoutAHearingRequestGoesToTheMajorDecisionCheck() {
		ProcessInstance instance = priorNoticeServed("DIRECT");
		delegate("evaluateMajor", Map.of("isMajor", false));

		complete(task(instance), Map.of("partyReply", "STATEMENT"));

		assertThat(instance).hasNotPassed("userTask_scheduleHearing").hasPassed("businessRuleTask_majorCatalogue")
			.isWaitingAt("userTask_decide");
	}

	@Test
	void whenTheHearingRequestPeriodPassesWithoutAReplyTheCaseGoesOn() {
		ProcessInstance instance = priorNoticeServed("DIRECT");
		delegate("evaluateMajor", Map.of("isMajor", false));

		assertThat(job("timerEvent_hearingWindowClosed", instance)).hasDueDate(at(NOTICE_SERVED.plus(5, ChronoUnit.DAYS)));
		execute(job("timerEvent_hearingWindowClosed", instance));

		assertThat(instance).hasPassed("timerEvent_hearingWindowClosed", "businessRuleTask_majorCatalogue")
			.hasNotPassed("userTask_scheduleHearing").isWaitingAt("userTask_decide");
	}

	// major decisions and the legal review

	@Test
	void aMajorDecisionPassedByTheLegalReviewIsDiscussedCollectivelyAndDecided() {
		delegate("evaluateMajor", Map.of("isMajor", true));
		ProcessInstance instance = startBefore("businessRuleTask_majorCatalogue", "publicInterest", true,
				"decisionKind", "PENALTY");
		assertThat(instance).isWaitingAt("callActivity_legalReview");
		assertThat(calledProcessInstance("legal-review", instance)).variables().containsEntry("caseId", "case-1");

		complete(task(calledProcessInstance("legal-review", instance)), Map.of("legalReviewResult", "PASSED"));
		assertThat(task(instance)).hasDefinitionKey("userTask_collectiveDiscussion").hasCandidateGroup("LIAOKUO-head");
		complete(task(instance));
		assertThat(task(instance)).hasDefinitionKey("userTask_decide").hasCandidateGroup("LIAOKUO-head");
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("callActivity_legalReview", "userTask_collectiveDiscussion", "userTask_decide",
				"serviceTask_generateDecision", "serviceTask_decided", "endEvent_decided").isWaitingAt("userTask_serve");
		assertThat(calls()).startsWith("evaluateMajor");
	}

	@Test
	void aReviewNotPassedButOverruledByTheHeadStillGoesToCollectiveDiscussion() {
		delegate("evaluateMajor", Map.of("isMajor", true));
		ProcessInstance instance = startBefore("businessRuleTask_majorCatalogue", "publicInterest", true);

		complete(task(calledProcessInstance("legal-review", instance)),
				Map.of("legalReviewResult", "NOT_PASSED", "headRuling", "KEEP_ORIGINAL"));

		assertThat(instance).hasNotPassed("endEvent_reviewNotPassed").isWaitingAt("userTask_collectiveDiscussion");
	}

	@ParameterizedTest(name = "head ruling {0}, then {1}")
	@CsvSource({ "ADOPT_REVIEW, RECONCLUDE, userTask_concludeInvestigation", "'', REINVESTIGATE, userTask_investigate" })
	void aReviewNotPassedThatStandsIsStudiedAndTheCaseHandledAgainNeverDecidedAsProposed(String headRuling, String followUp,
			String backAt) {
		delegate("evaluateMajor", Map.of("isMajor", true));
		ProcessInstance instance = startBefore("businessRuleTask_majorCatalogue", "publicInterest", true);

		Map<String, Object> result = new HashMap<>(Map.of("legalReviewResult", "NOT_PASSED"));
		result.put("headRuling", headRuling.isEmpty() ? null : headRuling);
		complete(task(calledProcessInstance("legal-review", instance)), result);

		// R-REV-5: the handler studies the opinion; the case is neither decided as proposed nor left without an outcome
		assertThat(task(instance)).hasDefinitionKey("userTask_studyReviewOpinion").isAssignedTo("officer1");
		assertThat(instance).hasNotPassed("userTask_collectiveDiscussion", "userTask_decide").isNotEnded();
		complete(task(instance), Map.of("reviewNotPassedAction", followUp, "reviewNotPassedStudy", "补充询问当事人，重新认定违法所得"));

		assertThat(task(instance)).hasDefinitionKey(backAt);
		assertThat(instance).hasPassedInOrder("userTask_studyReviewOpinion", "gateway_reviewNotPassedAction")
			.hasNotPassed("userTask_decide");
	}

	@Test
	void aSuspectedCrimeFoundByTheLegalReviewIsTransferred() {
		delegate("evaluateMajor", Map.of("isMajor", true));
		ProcessInstance instance = startBefore("businessRuleTask_majorCatalogue", "publicInterest", true);

		complete(task(calledProcessInstance("legal-review", instance)),
				Map.of("legalReviewResult", "SUSPECTED_CRIME", "reviewOpinion", "涉嫌犯罪"));

		assertThat(instance).isWaitingAt("callActivity_criminalTransfer");
		assertThat(calledProcessInstance("criminal-transfer", instance)).variables().containsEntry("crimeSuspicion", "涉嫌犯罪");
	}

	@Test
	void aDecisionThatIsNotMajorSkipsTheLegalReview() {
		delegate("evaluateMajor", Map.of("isMajor", false));
		ProcessInstance instance = startBefore("businessRuleTask_majorCatalogue");

		assertThat(instance).hasNotPassed("callActivity_legalReview").isWaitingAt("userTask_decide");
		assertThat(calls()).containsExactly("evaluateMajor");
	}

	// service, disclosure, execution

	@Test
	void aDecisionIsServedWithinTheServiceLimitAndPublished() {
		ProcessInstance instance = startBefore("userTask_decide", "decisionKind", "PENALTY");
		delegate("evaluateMajor");
		complete(task(instance));

		assertThat(task(instance)).hasDefinitionKey("userTask_serve").isAssignedTo("officer1")
			.hasDueDate(at(DECIDED.plus(7, ChronoUnit.DAYS)));
		complete(task(instance));
		assertThat(instance).hasPassedInOrder("serviceTask_generateDecisionReceipt", "serviceTask_served")
			.isWaitingAt("serviceTask_startDisclosure");
		execute(job(instance));

		assertThat(instance).isWaitingAt("userTask_recordExecution");
		assertThat(calls()).endsWith("caseTaskChecks:complete:userTask_serve", "generateDocument", "caseStage", "startProcess");
	}

	@Test
	void aDecisionWithoutPenaltyIsClosedAfterPublicationWithoutExecution() {
		ProcessInstance instance = startBefore("serviceTask_startDisclosure", "decisionKind", "NO_PENALTY",
				"partyIsOfficial", true);

		execute(job(instance));

		assertThat(instance).hasNotPassed("userTask_recordExecution", "serviceTask_startDisciplineTransfer")
			.hasPassedInOrder("serviceTask_closeCase", "endEvent_closed").isEnded();
	}

	@Test
	void aPenaltyOnAPartyMemberOrPublicOfficialIsTransferredToTheDisciplineOrgans() {
		ProcessInstance instance = startBefore("userTask_recordExecution", "decisionKind", "PENALTY", "partyIsOfficial", true,
				"servedOn", at(SERVED));

		complete(task(instance), Map.of("executionResult", "PAID"));

		assertThat(instance).hasPassedInOrder("serviceTask_executed", "serviceTask_closeCase",
				"serviceTask_startDisciplineTransfer", "endEvent_closed").isEnded();
		assertThat(calls()).endsWith("caseStage", "caseStage", "startProcess");
	}

	ProcessInstance demandServed() {
		ProcessInstance instance = startBefore("userTask_recordExecution", "decisionKind", "PENALTY", "servedOn", at(SERVED));
		complete(task(instance), Map.of("executionResult", "NOT_PAID_OVERDUE"));
		assertThat(instance).hasPassedInOrder("serviceTask_prepareDemand", "businessRuleTask_surcharge",
				"serviceTask_generateDemandNotice").isWaitingAt("userTask_serveDemandNotice");
		assertThat(instance).variables().containsEntry("surchargeAmount", 150.0).containsEntry("amountDue", 650.0);
		complete(task(instance), Map.of("demandServiceMethod", "POST", "demandServedOn", at(DEMAND_DUE)));
		assertThat(instance).hasPassed("serviceTask_generateDemandReceipt").isWaitingAt("userTask_recordDemandOutcome");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(at(DEMAND_DUE));
		return instance;
	}

	@Test
	void aFineOverdueIsDemandedWithTheSurchargeAndPaidAfterTheDemand() {
		ProcessInstance instance = demandServed();

		complete(task(instance), Map.of("demandOutcome", "PAID_AFTER_DEMAND"));

		assertThat(instance).hasPassedInOrder("userTask_recordDemandOutcome", "serviceTask_executed", "serviceTask_closeCase",
				"endEvent_closed").hasNotPassed("userTask_applyToCourt").isEnded();
	}

	@Test
	void aFineUnpaidAfterTheDemandGoesToCourtWhenTheLitigationPeriodEndsAndIsEnforced() {
		ProcessInstance instance = demandServed();
		complete(task(instance), Map.of("demandOutcome", "NOT_PAID"));

		assertThat(instance).isWaitingAt("timerEvent_litigationPeriodEnds");
		assertThat(job("timerEvent_litigationPeriodEnds", instance)).hasDueDate(at(LITIGATION_ENDS));
		execute(job("timerEvent_litigationPeriodEnds", instance));
		assertThat(task(instance)).hasDefinitionKey("userTask_applyToCourt").hasCandidateGroup("LIAOKUO-head")
			.hasDueDate(at(COURT_DUE));
		complete(task(instance));
		assertThat(task(instance)).hasDefinitionKey("userTask_recordCourtRuling").isAssignedTo("officer1");
		complete(task(instance), Map.of("courtRuling", "ENFORCED"));

		assertThat(instance).hasPassedInOrder("userTask_applyToCourt", "userTask_recordCourtRuling", "serviceTask_executed",
				"serviceTask_closeCase").isEnded();
	}

	@Test
	void aFineTheCourtDoesNotEnforceIsClosedWithoutExecution() {
		ProcessInstance instance = startBefore("userTask_recordCourtRuling", "decisionKind", "PENALTY");

		complete(task(instance), Map.of("courtRuling", "NOT_ENFORCED"));

		assertThat(instance).hasNotPassed("serviceTask_executed").hasPassed("serviceTask_closeCase", "endEvent_closed")
			.isEnded();
	}

	// the handling period's events

	@Test
	void theHandlingPeriodWarnsAt60And80DaysAndIsSupervisedWhenItEnds() {
		ProcessInstance instance = startBefore("userTask_investigate");

		assertThat(job("timerEvent_decisionWarningFirst", instance)).hasDueDate(at(FILED.plus(60, ChronoUnit.DAYS)));
		assertThat(job("timerEvent_decisionWarningSecond", instance)).hasDueDate(at(FILED.plus(80, ChronoUnit.DAYS)));
		assertThat(job("timerEvent_decisionBreach", instance)).hasDueDate(at(DECISION_DUE));
		execute(job("timerEvent_decisionWarningFirst", instance));
		execute(job("timerEvent_decisionWarningSecond", instance));
		execute(job("timerEvent_decisionBreach", instance));

		assertThat(instance).hasPassed("endEvent_decisionWarningFirst", "endEvent_decisionWarningSecond",
				"endEvent_decisionBreach").isWaitingAt("userTask_investigate");
		assertThat(calls()).containsExactly("certifiedOfficers:create:userTask_investigate", "slaWarning", "slaWarning",
				"slaBreach");
	}

	@ParameterizedTest(name = "approved {0}")
	@CsvSource({ "true,serviceTask_extendDecisionPeriod,endEvent_decisionPeriodExtended",
			"false,endEvent_extensionRefused,endEvent_extensionRefused" })
	void anExtensionOfTheHandlingPeriodIsApprovedOrRefusedByTheHead(boolean approved, String passed, String end) {
		ProcessInstance instance = startBefore("userTask_investigate");

		correlate("enforcement.extensionRequested", instance);
		assertThat(task("userTask_approveDecisionExtension", instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task("userTask_approveDecisionExtension", instance), Map.of("extensionApproved", approved));

		assertThat(instance).hasPassed(passed, end).isWaitingAt("userTask_investigate");
		assertThat(calls().contains("extendDecisionPeriod")).isEqualTo(approved);
	}

	@Test
	void anAppraisalIsNotifiedAndItsResultRecordedWhileTheInvestigationGoesOn() {
		ProcessInstance instance = startBefore("userTask_investigate");

		correlate("enforcement.appraisalRequested", instance);
		assertThat(task("userTask_recordAppraisal", instance)).isAssignedTo("officer1");
		complete(task("userTask_recordAppraisal", instance));

		assertThat(instance).hasPassedInOrder("serviceTask_generateAppraisalNotice", "userTask_recordAppraisal",
				"endEvent_appraisalRecorded").isWaitingAt("userTask_investigate");
	}

	@ParameterizedTest(name = "granted {0}")
	@CsvSource({ "true,endEvent_recusalGranted", "false,endEvent_recusalRefused" })
	void aRecusalRequestIsDecidedByTheHeadAndAGrantedOneReplacesTheOfficer(boolean granted, String end) {
		ProcessInstance instance = startBefore("userTask_investigate");
		delegate("recordRecusal", Map.of("recusalGranted", granted));

		correlate("enforcement.recusalRequested", instance);
		assertThat(task("userTask_decideRecusal", instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task("userTask_decideRecusal", instance));

		assertThat(instance).hasPassed("serviceTask_recordRecusalDecision", end).isWaitingAt("userTask_investigate");
		assertThat(calls().contains("replaceRecusedOfficer")).isEqualTo(granted);
	}
}

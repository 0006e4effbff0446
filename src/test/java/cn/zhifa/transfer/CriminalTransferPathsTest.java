package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/criminal-transfer.bpmn} (R-TRANS: a case suspected of a crime is transferred to the
 * police — the head approves or refuses within the approval period, reminded and supervised; the handler hands over
 * within 24 hours; the police decide whether to file, reminded when their review period passes; a filed case's
 * evidence is handed over within its limit and the judicial outcome awaited, after a conviction the head decides on
 * penalties other than the criminal one; a case not filed may be brought to reconsideration or filing supervision),
 * engine only: the services behind the delegates are stand-ins.
 */
class CriminalTransferPathsTest extends ModelPathTestSupport {

	static final Instant APPROVAL_DUE = Instant.parse("2026-11-05T01:00:00Z");
	static final Instant HANDOVER_DUE = Instant.parse("2026-11-06T01:00:00Z");
	static final Instant POLICE_DUE = Instant.parse("2026-11-09T01:00:00Z");
	static final Instant POLICE_FILED = Instant.parse("2026-11-08T01:00:00Z");
	static final Instant RECONSIDERATION_DUE = Instant.parse("2026-11-12T01:00:00Z");
	static final Instant SUPERVISION_DUE = Instant.parse("2026-11-20T15:59:59Z");

	/** The stand-in for the statutory limits: evidence is handed over within three days; working days are calendar days. */
	public static final class Deadlines {
		public Date limit(String kind, Object start) {
			assertThat(kind).isEqualTo("EVIDENCE_HANDOVER");
			return Date.from(((Date) start).toInstant().plus(3, ChronoUnit.DAYS));
		}

		public Date workdaysBefore(Object date, int days) {
			return Date.from(((Date) date).toInstant().minus(days, ChronoUnit.DAYS));
		}
	}

	ProcessInstance instance;

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("criminal-transfer.bpmn");
		delegate("openCriminalTransfer", Map.of("approvalDueAt", Date.from(APPROVAL_DUE)));
		delegate("approveCriminalTransfer", Map.of("handoverDueAt", Date.from(HANDOVER_DUE)));
		delegate("generateDocument");
		delegate("recordCriminalHandover", Map.of("policeDecisionDueAt", Date.from(POLICE_DUE)));
		delegate("recordPoliceFiled", Map.of("policeFiledAt", Date.from(POLICE_FILED)));
		delegate("recordPoliceNotFiled", Map.of("reconsiderationDueAt", Date.from(RECONSIDERATION_DUE)));
		delegate("recordReconsiderationRefused", Map.of("supervisionDueAt", Date.from(SUPERVISION_DUE)));
		delegate("recordEvidenceHandover");
		delegate("concludeCriminalTransfer");
		delegate("recordAfterConviction");
		delegate("slaWarning");
		delegate("slaBreach");
		taskChecks("transferTaskChecks");
		bean("deadlines", new Deadlines());
		instance = start("criminal-transfer", "寥街罚〔2026〕1号",
				Map.of("caseId", "case-1", "agencyCode", "LIAOKUO", "handlerId", "officer1"));
	}

	void message(String name, Map<String, Object> variables) {
		engine.getRuntimeService().createMessageCorrelation(name).processInstanceId(instance.getId()).setVariables(variables)
			.correlate();
	}

	void handedOver() {
		complete(task(instance), Map.of("headDecision", "APPROVE"));
		assertThat(instance).hasPassedInOrder("serviceTask_recordApproval", "serviceTask_generateTransferLetter")
			.isWaitingAt("userTask_handOverToPolice");
		assertThat(task(instance)).isAssignedTo("officer1").hasDueDate(Date.from(HANDOVER_DUE));
		complete(task(instance));
		assertThat(instance).hasPassed("serviceTask_recordHandover").isWaitingAt("receiveTask_awaitPoliceDecision");
	}

	void evidenceHandedOver() {
		assertThat(task(instance)).hasDefinitionKey("userTask_handOverEvidence").isAssignedTo("officer1")
			.hasDueDate(Date.from(POLICE_FILED.plus(3, ChronoUnit.DAYS)));
		complete(task(instance));
		assertThat(instance).hasPassed("serviceTask_recordEvidenceHandover").isWaitingAt("receiveTask_awaitJudicialOutcome");
	}

	@Test
	void theHeadApprovesWithinTheApprovalPeriod() {
		assertThat(instance).isWaitingAt("userTask_approveCriminalTransfer");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(Date.from(APPROVAL_DUE));

		handedOver();

		assertThat(calls()).containsExactly("openCriminalTransfer",
				"transferTaskChecks:complete:userTask_approveCriminalTransfer", "approveCriminalTransfer", "generateDocument",
				"transferTaskChecks:complete:userTask_handOverToPolice", "recordCriminalHandover");
	}

	@Test
	void aTransferTheHeadRefusesEnds() {
		complete(task(instance), Map.of("headDecision", "REFUSE"));

		assertThat(instance).hasPassedInOrder("serviceTask_concludeRefused", "endEvent_refused")
			.hasNotPassed("serviceTask_recordApproval").isEnded();
	}

	@Test
	void oneWorkingDayBeforeTheApprovalPeriodEndsTheHeadIsRemindedAndAtItsEndSupervised() {
		assertThat(job("timerEvent_approvalWarning", instance)).hasDueDate(Date.from(APPROVAL_DUE.minus(1, ChronoUnit.DAYS)));
		assertThat(job("timerEvent_approvalBreach", instance)).hasDueDate(Date.from(APPROVAL_DUE));

		execute(job("timerEvent_approvalWarning", instance));
		execute(job("timerEvent_approvalBreach", instance));

		assertThat(instance).hasPassed("endEvent_headWarned", "endEvent_approvalEscalated")
			.isWaitingAt("userTask_approveCriminalTransfer");
		assertThat(calls()).containsExactly("openCriminalTransfer", "slaWarning", "slaBreach");
	}

	@Test
	void aHandoverNotMadeWithin24HoursIsSupervised() {
		complete(task(instance), Map.of("headDecision", "APPROVE"));

		assertThat(job("timerEvent_handoverBreach", instance)).hasDueDate(Date.from(HANDOVER_DUE));
		execute(job("timerEvent_handoverBreach", instance));

		assertThat(instance).hasPassed("serviceTask_escalateHandover", "endEvent_handoverEscalated")
			.isWaitingAt("userTask_handOverToPolice");
	}

	@Test
	void thePoliceAreRemindedWhenTheirReviewPeriodPassesWithoutADecision() {
		handedOver();

		assertThat(job("timerEvent_policeDecisionOverdue", instance)).hasDueDate(Date.from(POLICE_DUE));
		execute(job("timerEvent_policeDecisionOverdue", instance));

		assertThat(instance).hasPassed("serviceTask_remindPoliceDecision", "endEvent_policeReminded")
			.isWaitingAt("receiveTask_awaitPoliceDecision");
	}

	@Test
	void aFiledCaseWhoseJudicialOutcomeIsNotAConvictionEnds() {
		handedOver();
		message("transfer.policeDecision", Map.of("policeDecision", "FILED"));
		assertThat(instance).hasPassed("serviceTask_recordFiled");
		evidenceHandedOver();
		delegate("concludeCriminalTransfer", Map.of("criminalTransferOutcome", "NOT_PROSECUTED"));

		message("transfer.judicialOutcome", Map.of("judicialOutcome", "NOT_PROSECUTED"));

		assertThat(instance).hasPassedInOrder("receiveTask_awaitJudicialOutcome", "serviceTask_concludeJudicial",
				"endEvent_judicialOutcome").hasNotPassed("userTask_decideAfterConviction").isEnded();
	}

	@Test
	void afterAConvictionTheHeadDecidesOnOtherPenalties() {
		handedOver();
		message("transfer.policeDecision", Map.of("policeDecision", "FILED"));
		evidenceHandedOver();
		delegate("concludeCriminalTransfer", Map.of("criminalTransferOutcome", "CONVICTED"));

		message("transfer.judicialOutcome", Map.of("judicialOutcome", "CONVICTED"));
		assertThat(task(instance)).hasDefinitionKey("userTask_decideAfterConviction").hasCandidateGroup("LIAOKUO-head");
		complete(task(instance), Map.of("afterConviction", "NO_FURTHER_PENALTY"));

		assertThat(instance).hasPassedInOrder("userTask_decideAfterConviction", "serviceTask_recordAfterConviction",
				"endEvent_afterConviction").isEnded();
	}

	@Test
	void evidenceNotHandedOverWithinItsLimitIsSupervised() {
		handedOver();
		message("transfer.policeDecision", Map.of("policeDecision", "FILED"));

		assertThat(job("timerEvent_evidenceBreach", instance)).hasDueDate(Date.from(POLICE_FILED.plus(3, ChronoUnit.DAYS)));
		execute(job("timerEvent_evidenceBreach", instance));

		assertThat(instance).hasPassed("serviceTask_escalateEvidence", "endEvent_evidenceEscalated")
			.isWaitingAt("userTask_handOverEvidence");
	}

	void notFiled() {
		handedOver();
		message("transfer.policeDecision", Map.of("policeDecision", "NOT_FILED"));
		assertThat(instance).hasPassed("serviceTask_recordNotFiled").isWaitingAt("userTask_chooseFollowUp");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(Date.from(RECONSIDERATION_DUE));
	}

	@Test
	void aCaseThePoliceDoNotFileEndsWhenTheHeadSeeksNoFollowUp() {
		notFiled();

		complete(task(instance), Map.of("followUp", "NONE"));

		assertThat(instance).hasPassedInOrder("userTask_chooseFollowUp", "serviceTask_concludeNotFiled", "endEvent_notFiled")
			.hasNotPassed("receiveTask_awaitReconsideration").isEnded();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "RECONSIDERATION", "BOTH" })
	void aReconsiderationThatMakesThePoliceFileLeadsToTheEvidenceHandover(String followUp) {
		notFiled();
		complete(task(instance), Map.of("followUp", followUp, "followUpNotes", "涉案金额已达追诉标准"));
		assertThat(instance).isWaitingAt("receiveTask_awaitReconsideration");

		message("transfer.reconsiderationResult", Map.of("reconsiderationResult", "FILED"));

		assertThat(instance).hasPassedInOrder("receiveTask_awaitReconsideration", "serviceTask_recordFiled")
			.isWaitingAt("userTask_handOverEvidence");
	}

	/** Filing supervision alone: no reconsideration, the procuratorate's supervision makes the police file. */
	@Test
	void aFilingSupervisionThatMakesThePoliceFileLeadsToTheEvidenceHandover() {
		notFiled();
		complete(task(instance), Map.of("followUp", "SUPERVISION", "followUpNotes", "涉案金额已达追诉标准"));
		assertThat(instance).hasNotPassed("receiveTask_awaitReconsideration").isWaitingAt("receiveTask_awaitSupervision");

		message("transfer.reconsiderationResult", Map.of("reconsiderationResult", "FILED"));

		assertThat(instance).hasPassedInOrder("receiveTask_awaitSupervision", "serviceTask_recordFiled")
			.isWaitingAt("userTask_handOverEvidence");
	}

	/**
	 * 第九条: the police uphold their refusal on reconsideration — the head decides within 3 days of receiving the
	 * reconsideration decision whether to suggest filing supervision; the procuratorate's supervision leaves the refusal
	 * standing here, so the transfer ends not filed.
	 */
	@Test
	void aReconsiderationThatUpholdsTheRefusalLeadsToTheSupervisionChoice() {
		notFiled();
		complete(task(instance), Map.of("followUp", "RECONSIDERATION", "followUpNotes", "涉案金额已达追诉标准"));

		message("transfer.reconsiderationResult", Map.of("reconsiderationResult", "NOT_FILED"));

		assertThat(instance).hasPassedInOrder("receiveTask_awaitReconsideration", "serviceTask_recordReconsiderationRefused")
			.isWaitingAt("userTask_chooseSupervision");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(Date.from(SUPERVISION_DUE));
		complete(task(instance), Map.of("supervisionAfterReconsideration", "SUPERVISION", "supervisionNotes", "复议决定认定事实错误"));
		assertThat(instance).isWaitingAt("receiveTask_awaitSupervision");

		message("transfer.reconsiderationResult", Map.of("reconsiderationResult", "NOT_FILED"));

		assertThat(instance).hasPassedInOrder("receiveTask_awaitSupervision", "serviceTask_concludeNotFiled", "endEvent_notFiled")
			.hasNotPassed("serviceTask_recordFiled").isEnded();
	}

	@Test
	void anUpheldRefusalTheHeadDoesNotContestFurtherEndsNotFiled() {
		notFiled();
		complete(task(instance), Map.of("followUp", "RECONSIDERATION", "followUpNotes", "涉案金额已达追诉标准"));
		message("transfer.reconsiderationResult", Map.of("reconsiderationResult", "NOT_FILED"));

		complete(task(instance), Map.of("supervisionAfterReconsideration", "NONE"));

		assertThat(instance).hasPassedInOrder("userTask_chooseSupervision", "serviceTask_concludeNotFiled", "endEvent_notFiled")
			.hasNotPassed("receiveTask_awaitSupervision").isEnded();
	}

	/** Reconsideration and supervision asked together: an upheld refusal waits for the supervision's result. */
	@Test
	void anUpheldRefusalWithSupervisionAlreadySuggestedWaitsForIt() {
		notFiled();
		complete(task(instance), Map.of("followUp", "BOTH", "followUpNotes", "涉案金额已达追诉标准"));
		message("transfer.reconsiderationResult", Map.of("reconsiderationResult", "NOT_FILED"));

		assertThat(instance).hasNotPassed("userTask_chooseSupervision").isWaitingAt("receiveTask_awaitSupervision");
	}

	@Test
	void theHeadIsRemindedWhenTheReconsiderationPeriodPasses() {
		notFiled();

		assertThat(job("timerEvent_reconsiderationBreach", instance)).hasDueDate(Date.from(RECONSIDERATION_DUE));
		execute(job("timerEvent_reconsiderationBreach", instance));

		assertThat(instance).hasPassed("serviceTask_escalateFollowUp", "endEvent_followUpEscalated")
			.isWaitingAt("userTask_chooseFollowUp");
	}
}

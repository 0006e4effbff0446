package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/supervision-notice.bpmn} (R-COORD-8: the supervisor issues a supervision notice; the
 * agency head rectifies and reports, the supervisor closes the notice or sends it back for another rectification; a
 * report not sent in time is reported to the head and the supervisor), engine only: the services behind the delegates
 * are stand-ins.
 */
class SupervisionNoticePathsTest extends ModelPathTestSupport {

	static final Date RECTIFICATION_DUE = Date.from(Instant.parse("2026-12-01T09:00:00Z"));
	static final Date CHECK_DUE = Date.from(Instant.parse("2026-12-15T09:00:00Z"));

	ProcessInstance instance;
	final Map<String, Object> document = new HashMap<>();
	final Map<String, Object> breach = new HashMap<>();

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("supervision-notice.bpmn");
		delegate("issueSupervisionNotice", Map.of("supervisionRectificationDueAt", RECTIFICATION_DUE));
		generateDocumentInto(document);
		delegate("recordRectificationReport", Map.of("supervisionCheckDueAt", CHECK_DUE));
		delegate("concludeSupervisionNotice");
		delegate("returnSupervisionNotice");
		slaBreachInto(breach);
		taskChecks("supervisionNoticeTaskChecks");
		instance = start("supervision-notice", "寥监通〔2026〕1号", Map.of("agencyCode", "LIAOKUO"));
	}

	@Test
	void aRectificationAcceptedByTheSupervisorConcludesTheNotice() {
		assertThat(instance).hasPassedInOrder("serviceTask_issue", "serviceTask_generateNotice")
			.isWaitingAt("userTask_rectify");
		assertThat(document).containsEntry("documentKind", "SUPERVISION_NOTICE")
			.containsEntry("documentVariable", "supervisionNoticeDocId");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(RECTIFICATION_DUE);
		complete(task(instance));

		assertThat(instance).hasPassed("serviceTask_recordReport").isWaitingAt("userTask_check");
		assertThat(task(instance)).hasCandidateGroup("supervisor").hasDueDate(CHECK_DUE);
		complete(task(instance), Map.of("supervisionOutcome", "CLOSE"));

		assertThat(instance).hasPassedInOrder("userTask_check", "serviceTask_conclude", "endEvent_concluded")
			.hasNotPassed("serviceTask_sendBack", "serviceTask_escalateRectification").isEnded();
		assertThat(calls()).containsExactly("issueSupervisionNotice", "supervisionNoticeTaskChecks:complete:userTask_rectify",
				"recordRectificationReport", "supervisionNoticeTaskChecks:complete:userTask_check",
				"concludeSupervisionNotice");
	}

	@Test
	void aCirculatedNoticeIsAlsoConcluded() {
		complete(task(instance));
		complete(task(instance), Map.of("supervisionOutcome", "CIRCULATE"));

		assertThat(instance).hasPassed("serviceTask_conclude", "endEvent_concluded").hasNotPassed("serviceTask_sendBack")
			.isEnded();
	}

	@Test
	void anInsufficientRectificationIsSentBackToTheHead() {
		complete(task(instance));
		complete(task(instance), Map.of("supervisionOutcome", "REDO"));

		assertThat(instance).hasPassed("serviceTask_sendBack").hasNotPassed("serviceTask_conclude")
			.isWaitingAt("userTask_rectify");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task(instance));
		complete(task(instance), Map.of("supervisionOutcome", "REPORT_TO_GOVERNMENT"));

		assertThat(instance).hasPassed("endEvent_concluded").isEnded();
		assertThat(calls()).containsExactly("issueSupervisionNotice", "supervisionNoticeTaskChecks:complete:userTask_rectify",
				"recordRectificationReport", "supervisionNoticeTaskChecks:complete:userTask_check", "returnSupervisionNotice",
				"supervisionNoticeTaskChecks:complete:userTask_rectify", "recordRectificationReport",
				"supervisionNoticeTaskChecks:complete:userTask_check", "concludeSupervisionNotice");
	}

	@Test
	void aReportNotSentInTimeIsEscalatedAndTheHeadStillRectifies() {
		assertBreachRecorded(instance, "timerEvent_rectificationBreach", RECTIFICATION_DUE, breach,
				"userTask_rectify", "LIAOKUO-head,supervisor",
				"serviceTask_escalateRectification", "endEvent_rectificationEscalated");
		complete(task(instance));
		assertThat(instance).isWaitingAt("userTask_check");
	}

	/** The bureau's own commitment (SUPERVISION_CHECK, ADR-0025): a check not made in time is recorded as a breach too. */
	@Test
	void aCheckNotMadeInTimeIsRecordedAndTheSupervisorStillChecks() {
		complete(task(instance));
		assertBreachRecorded(instance, "timerEvent_checkBreach", CHECK_DUE, breach, "userTask_check", "supervisor",
				"serviceTask_escalateCheck", "endEvent_checkEscalated");
		complete(task(instance), Map.of("supervisionOutcome", "CLOSE"));
		assertThat(instance).hasPassed("endEvent_concluded").isEnded();
	}
}

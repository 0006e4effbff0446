package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/discipline-transfer.bpmn} (R-TRANS: a closed case whose penalised party is a party
 * member or public official is transferred to the discipline inspection and supervision organs; the agency head
 * signs the transfer within its limit, is reminded two working days before and supervised when it passes), engine
 * only: the services behind the delegates are stand-ins.
 */
class DisciplineTransferPathsTest extends ModelPathTestSupport {

	static final Instant DUE = Instant.parse("2026-12-15T01:00:00Z");

	ProcessInstance instance;
	/** what the model gives the SLA stand-ins */
	List<Map<String, Object>> warnings, breaches;

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("discipline-transfer.bpmn");
		delegate("openDisciplineTransfer", Map.of("disciplineDueAt", Date.from(DUE)));
		delegate("generateDocument");
		delegate("recordDisciplineTransfer");
		warnings = delegateGiven("slaWarning");
		breaches = delegateGiven("slaBreach");
		taskChecks("transferTaskChecks");
		bean("deadlines", new CalendarDayReminders());
		instance = start("discipline-transfer", "寥街罚〔2026〕1号", Map.of("caseId", "case-1", "agencyCode", "LIAOKUO"));
	}

	@Test
	void theHeadSignsTheTransferAndTheLetterIsSent() {
		assertThat(instance).isWaitingAt("userTask_signDisciplineTransfer");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head").hasDueDate(Date.from(DUE));

		complete(task(instance));

		assertThat(instance).hasPassedInOrder("serviceTask_openDisciplineTransfer", "userTask_signDisciplineTransfer",
				"serviceTask_generateDisciplineLetter", "serviceTask_recordDisciplineTransfer", "endEvent_transferred")
			.hasNotPassed("serviceTask_warnHead", "serviceTask_escalateDiscipline").isEnded();
		assertThat(calls()).containsExactly("openDisciplineTransfer",
				"transferTaskChecks:complete:userTask_signDisciplineTransfer", "generateDocument", "recordDisciplineTransfer");
	}

	@Test
	void twoWorkingDaysBeforeTheLimitTheHeadIsRemindedAndAtTheLimitSupervised() {
		fireWarningAndBreach(instance, "timerEvent_disciplineWarning", "timerEvent_disciplineBreach", DUE);

		assertThat(instance).hasPassed("serviceTask_warnHead", "endEvent_headWarned", "serviceTask_escalateDiscipline",
				"endEvent_disciplineEscalated").isWaitingAt("userTask_signDisciplineTransfer");
		assertThat(calls()).containsExactly("openDisciplineTransfer", "slaWarning", "slaBreach");
		// the head is reminded; at the limit the head and the supervisors are told (was DisciplineTransferProcessTests
		// .lateSignatureLeavesWarningBreachAndALateRecord; the priority and a notification per group: SlaService)
		assertThat(warnings).singleElement().satisfies(given -> assertThat(given)
			.containsEntry("slaActivity", "userTask_signDisciplineTransfer").containsEntry("notifyGroups", "LIAOKUO-head"));
		assertThat(breaches).singleElement().satisfies(given -> assertThat(given)
			.containsEntry("slaActivity", "userTask_signDisciplineTransfer")
			.containsEntry("notifyGroups", "LIAOKUO-head,supervisor"));
		complete(task(instance));
		assertThat(instance).isEnded();
	}
}

package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 9 (R-REC-1/2): a whole case of the test model leaves a complete, verifiable record — process
 * start/end, each activity's start/end, task creation/claim/completion with the form data, the
 * decision outcome, the generated document, the timer and the message — and a FULL audio-video
 * step completes only with a recording or a written explanation.
 */
@ZhifaIntegrationTest
class WholeCaseRecordIT extends EngineTestSupport {

	@Autowired
	RecordService records;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	RecordVerifier verifier;
	@Autowired
	AvEvidenceService evidence;
	@Autowired
	CaseFiles caseFiles;
	@Autowired
	RecordSealer sealer;
	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void deploy() {
		RecordTestSupport.deployTestModel(engine);
		RecordTestSupport.loginAs("officer1");
	}

	@AfterEach
	void logout() {
		RecordTestSupport.logout();
	}

	@Test
	void everyKindOfStepIsRecordedForAWholeCaseAndTheRecordVerifies() {
		String caseNo = "REC-WHOLE-" + UUID.randomUUID();
		ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(RecordTestSupport.PROCESS, caseNo,
				RecordTestSupport.caseVariables(caseNo, "91110000" + UUID.randomUUID().toString().substring(0, 10)));
		Task inspect = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
		engine.getTaskService().claim(inspect.getId(), "officer1");
		engine.getTaskService().complete(inspect.getId(), Map.of("inspectionNote", "现场发现无照经营"));

		clockAt(Date.from(Instant.now().plusSeconds(2 * 3600)));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		engine.getRuntimeService().createMessageCorrelation("record-test:evidenceReceived").processInstanceBusinessKey(caseNo)
			.correlate();
		Task seize = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
		engine.getTaskService().complete(seize.getId(), Map.of("avMissingExplanation", "执法记录仪故障，已书面记录"));

		List<RecordEntry> entries = records.list(caseNo);
		// ADR-0057: an event that starts and ends with nothing recorded between is one entry; a step during which
		// something is recorded keeps its start, written before what happened in it
		assertThat(entries).extracting(RecordEntry::kind).containsExactly("PROCESS_STARTED", "ACTIVITY_PASSED",
				"ACTIVITY_START", "TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED", "ACTIVITY_END",
				"ACTIVITY_START", "DECISION_EVALUATED", "ACTIVITY_START", "DOCUMENT_GENERATED", "ACTIVITY_START",
				"TIMER_FIRED", "ACTIVITY_START", "MESSAGE_RECEIVED", "ACTIVITY_START", "TASK_CREATED",
				"AV_MISSING_EXPLAINED", "TASK_COMPLETED", "ACTIVITY_END", "ACTIVITY_PASSED", "PROCESS_ENDED");
		RecordEntry passed = first(entries, "ACTIVITY_PASSED");
		assertThat(passed.activityId()).isEqualTo("startEvent_caseStarted");
		assertThat(passed.dataMap()).containsEntry("activityType", "startEvent").containsKeys("startedAt", "endedAt",
				"activityInstanceId").doesNotContainKey("event");
		assertThat(entries.get(2).activityId()).isEqualTo("userTask_inspectSite");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.caseNo()).isEqualTo(caseNo);
			assertThat(e.agencyCode()).isEqualTo("LIAOKUO");
		});
		assertThat(entries).extracting(RecordEntry::caseSeq).containsExactlyElementsOf(
				java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());

		RecordEntry started = first(entries, "PROCESS_STARTED");
		assertThat(started.actor()).isEqualTo("officer1");
		assertThat(started.dataMap()).extractingByKey("variables").asString().contains("partyIdNumber");
		RecordEntry claimed = first(entries, "TASK_CLAIMED");
		assertThat(claimed.activityId()).isEqualTo("userTask_inspectSite");
		assertThat(claimed.dataMap()).containsEntry("assignee", "officer1");
		RecordEntry completed = first(entries, "TASK_COMPLETED");
		assertThat(completed.dataMap().get("formData")).isEqualTo(Map.of("inspectionNote", "现场发现无照经营"));
		assertThat(first(entries, "DECISION_EVALUATED").dataMap()).containsEntry("decision", "av-recording-list")
			.containsEntry("result", "FULL");
		assertThat(first(entries, "DOCUMENT_GENERATED").dataMap()).containsEntry("documentKind", "REVIEW_SUBMISSION")
			.containsEntry("documentId", engine.getHistoryService().createHistoricVariableInstanceQuery()
				.processInstanceId(pi.getId()).variableName("submissionDocumentId").singleResult().getValue());
		assertThat(first(entries, "TIMER_FIRED").activityId()).isEqualTo("event_waitOneHour");
		assertThat(first(entries, "MESSAGE_RECEIVED").activityId()).isEqualTo("event_evidenceReceived");
		assertThat(first(entries, "AV_MISSING_EXPLAINED").dataMap()).containsEntry("explanation", "执法记录仪故障，已书面记录")
			.containsEntry("avActionKind", "SEIZURE");

		VerificationReport report = verifier.verifyCase(caseNo);
		assertThat(report.ok()).as(report.describe()).isTrue();
		assertThat(report.recordsChecked()).isEqualTo(entries.size());

		// ADR-0058: the engine's history keeps the variables with their last values and the decisions, but not a
		// second copy of each variable change — the record above holds what each step set (TASK_COMPLETED's formData)
		HistoryService history = engine.getHistoryService();
		assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel", "3");
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("inspectionNote")
			.singleResult().getValue()).isEqualTo("现场发现无照经营");
		assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).count()).isPositive();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count()).isPositive();
		assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().count()).isZero();

		// R-REC-6: the closed case is on this year's handover list and its file is complete per the checklist
		int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
		assertThat(caseFiles.handover(year, Set.of("LIAOKUO"))).extracting(CaseFiles.HandoverItem::caseNo).contains(caseNo);
		assertThat(caseFiles.handover(year, Set.of("QLSCJ"))).extracting(CaseFiles.HandoverItem::caseNo)
			.doesNotContain(caseNo);
		CaseFiles.Check check = caseFiles.check(caseNo);
		assertThat(check.kind()).isEqualTo("record-whole-case");
		assertThat(check.complete()).isTrue();
	}

	@Test
	void fullAvStepWithoutRecordingOrExplanationIsRefusedAndLeavesNoRecord() throws Exception {
		String caseNo = "REC-AV-" + UUID.randomUUID();
		ProcessInstance pi = runToSeizure(caseNo);
		Task seize = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
		int before = records.list(caseNo).size();

		assertThatThrownBy(() -> engine.getTaskService().complete(seize.getId(), Map.of("seizedItems", "货物10箱")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("全程音像记录");
		assertThat(records.list(caseNo)).hasSize(before);
		assertThat(engine.getTaskService().createTaskQuery().taskId(seize.getId()).count()).isEqualTo(1);

		// a recording of another step does not count; one linked to the seizure step does
		evidence.add(caseNo, "inspection.mp4", "video/mp4", new ByteArrayInputStream(randomBytes()),
				metadata("userTask_inspectSite"), "officer1");
		assertThatThrownBy(() -> engine.getTaskService().complete(seize.getId()))
			.isInstanceOf(FormFieldValidationException.class);
		AvFile recording = evidence.add(caseNo, "seizure.mp4", "video/mp4", new ByteArrayInputStream(randomBytes()),
				metadata("userTask_seizeProperty"), "officer1");
		engine.getTaskService().complete(seize.getId(), Map.of("seizedItems", "货物10箱"));

		RecordEntry completed = records.list(caseNo).stream()
			.filter(e -> e.kind().equals("TASK_COMPLETED") && "userTask_seizeProperty".equals(e.activityId()))
			.findFirst().orElseThrow();
		assertThat(completed.dataMap()).containsEntry("avRequirement", "FULL")
			.containsEntry("avRecordings", List.of(recording.id()));
		assertThat(records.list(caseNo)).extracting(RecordEntry::kind).doesNotContain("AV_MISSING_EXPLAINED")
			.contains("EVIDENCE_ADDED");
		assertThat(verifier.verifyCase(caseNo).ok()).isTrue();
	}

	@Test
	void recordingOffRecordsNoStepsButTheAvGateStillApplies() {
		String caseNo = "REC-OFF-" + UUID.randomUUID();
		records.stepRecording(false);
		try {
			ProcessInstance pi = runToSeizure(caseNo);
			assertThat(records.list(caseNo)).isEmpty();
			Task seize = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
			assertThatThrownBy(() -> engine.getTaskService().complete(seize.getId()))
				.isInstanceOf(FormFieldValidationException.class);
		}
		finally {
			records.stepRecording(true);
		}
	}

	private ProcessInstance runToSeizure(String caseNo) {
		ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(RecordTestSupport.PROCESS, caseNo,
				RecordTestSupport.caseVariables(caseNo, "P-" + UUID.randomUUID()));
		Task inspect = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
		engine.getTaskService().complete(inspect.getId());
		clockAt(Date.from(Instant.now().plusSeconds(2 * 3600)));
		executeDueJobs(pi.getId());
		engine.getRuntimeService().createMessageCorrelation("record-test:evidenceReceived").processInstanceBusinessKey(caseNo)
			.correlate();
		return pi;
	}

	static AvEvidenceService.Metadata metadata(String step) {
		return new AvEvidenceService.Metadata(step, "LIAOKUO", List.of("officer1", "officer2"), "执法记录仪 DSJ-01",
				Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-20T01:30:00Z"), true,
				List.of(new AvFile.Interruption(Instant.parse("2026-11-20T01:10:00Z"), "更换电池")));
	}

	/** A unique "MP4": an ISO media header (size, "ftyp", brand) and random content. */
	static byte[] randomBytes() {
		return withHead(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' });
	}

	/** A unique "JPEG": the JPEG start-of-image marker and random content. */
	static byte[] randomJpeg() {
		return withHead(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 });
	}

	private static byte[] withHead(byte[] head) {
		byte[] body = UUID.randomUUID().toString().repeat(50).getBytes();
		byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		return all;
	}

	@Test
	void aStepsStartIsHeldUntilTheNextEntryOfItsCaseAndNothingOfARolledBackStepRemains() {
		String caseNo = "REC-HELD-" + UUID.randomUUID();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Map<String, Object> gateway = Map.of("activityInstanceId", "gw:1", "activityType", "exclusiveGateway", "event", "start");
		Map<String, Object> task = Map.of("activityInstanceId", "task:1", "activityType", "userTask", "event", "start");
		tx.executeWithoutResult(status -> {
			records.appendStart(caseNo, "officer1", "LIAOKUO", "pi", "gw", gateway);
			// a read in the transaction sees the start held back
			assertThat(records.list(caseNo)).extracting(RecordEntry::kind).containsExactly("ACTIVITY_START");
			records.append(caseNo, "ACTIVITY_END", "officer1", "LIAOKUO", "pi", "gw",
					Map.of("activityInstanceId", "gw:1", "activityType", "exclusiveGateway", "event", "end"));
			records.appendStart(caseNo, "officer1", "LIAOKUO", "pi", "task", task);
			records.appendStart(caseNo, "officer1", "LIAOKUO", "pi", "gw", Map.of("activityInstanceId", "gw:2"));
			records.append(caseNo, "ACTIVITY_END", "officer1", "LIAOKUO", "pi", "gw",
					Map.of("activityInstanceId", "gw:2", "canceled", true));
			records.appendStart(caseNo, "officer1", "LIAOKUO", "pi", "task", task); // written at the commit
		});
		// the first read found the start alone (its end had not happened); then start and end of gw:1 were one entry
		assertThat(records.list(caseNo)).extracting(e -> e.kind() + " " + e.activityId()).containsExactly(
				"ACTIVITY_START gw", "ACTIVITY_END gw", "ACTIVITY_START task", "ACTIVITY_START gw", "ACTIVITY_END gw",
				"ACTIVITY_START task");

		String other = "REC-HELD-" + UUID.randomUUID();
		tx.executeWithoutResult(status -> {
			records.appendStart(other, "officer1", "LIAOKUO", "pi", "gw", gateway);
			records.append(other, "ACTIVITY_END", "officer1", "LIAOKUO", "pi", "gw",
					Map.of("activityInstanceId", "gw:1", "activityType", "exclusiveGateway", "event", "end"));
			records.appendStart(other, "officer1", "LIAOKUO", "pi", "task", task);
		});
		List<RecordEntry> merged = records.list(other);
		assertThat(merged).extracting(RecordEntry::kind).containsExactly("ACTIVITY_PASSED", "ACTIVITY_START");
		assertThat(merged.get(0).dataMap()).containsEntry("activityInstanceId", "gw:1").containsKeys("startedAt", "endedAt")
			.doesNotContainKey("event");
		assertThat(verifier.verifyCase(other).ok()).isTrue();

		String rolledBack = "REC-HELD-" + UUID.randomUUID();
		tx.executeWithoutResult(status -> {
			records.appendStart(rolledBack, "officer1", "LIAOKUO", "pi", "task", task);
			status.setRollbackOnly();
		});
		assertThat(records.list(rolledBack)).isEmpty();
		assertThat(records.head(rolledBack)).isEmpty();
	}

	@Test
	void aTransactionsStepEntriesAreInsertedTogetherInAppendOrderThenSealed() {
		String caseNo = "REC-BATCH-" + UUID.randomUUID();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String count = "SELECT COUNT(*) FROM zf_record WHERE case_no = ?";
		tx.executeWithoutResult(status -> {
			records.appendStep(caseNo, "TASK_CREATED", "officer1", "LIAOKUO", "pi", "task", Map.of("taskId", "t1"));
			records.appendStep(caseNo, "TASK_CLAIMED", "officer1", "LIAOKUO", "pi", "task", Map.of("taskId", "t1"));
			assertThat(jdbc.queryForObject(count, Integer.class, caseNo)).as("queued, not inserted yet").isZero();
			// a read in the transaction sees them, inserted in one batch
			assertThat(records.list(caseNo)).extracting(RecordEntry::kind).containsExactly("TASK_CREATED", "TASK_CLAIMED");
			records.appendStep(caseNo, "TASK_COMPLETED", "officer1", "LIAOKUO", "pi", "task", Map.of("taskId", "t1"));
			// an entry appended at once comes after the queued one (its id too)
			RecordEntry reported = records.append(caseNo, "INTERFERENCE_REPORTED", "officer1", "LIAOKUO", null, null,
					Map.of("text", "说情"));
			assertThat(reported.caseSeq()).isEqualTo(4);
			assertThat(jdbc.queryForObject(count, Integer.class, caseNo)).isEqualTo(4);
			records.appendStep(caseNo, "ACTIVITY_END", "officer1", "LIAOKUO", "pi", "task", Map.of("event", "end"));
		});
		List<RecordEntry> entries = records.list(caseNo);
		assertThat(entries).extracting(RecordEntry::kind).containsExactly("TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED",
				"INTERFERENCE_REPORTED", "ACTIVITY_END");
		assertThat(entries).extracting(RecordEntry::caseSeq).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(entries).extracting(RecordEntry::id).isSorted().doesNotHaveDuplicates();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_unsealed u JOIN zf_record r ON r.id = u.record_id "
				+ "WHERE r.case_no = ?", Integer.class, caseNo) + jdbc.queryForObject("SELECT COUNT(*) FROM zf_record_seal "
						+ "WHERE case_no = ?", Integer.class, caseNo)).as("each entry waits for its seal or has it").isEqualTo(5);
		sealer.seal();
		assertThat(records.list(caseNo)).allSatisfy(e -> assertThat(e.globalSeq()).isNotNull());
		assertThat(verifier.verifyCase(caseNo).ok()).isTrue();

		String rolledBack = "REC-BATCH-" + UUID.randomUUID();
		tx.executeWithoutResult(status -> {
			records.appendStep(rolledBack, "TASK_CREATED", "officer1", "LIAOKUO", "pi", "task", Map.of("taskId", "t2"));
			status.setRollbackOnly();
		});
		assertThat(records.list(rolledBack)).isEmpty();
		assertThat(records.head(rolledBack)).isEmpty();
	}

	private static RecordEntry first(List<RecordEntry> entries, String kind) {
		return entries.stream().filter(e -> e.kind().equals(kind)).findFirst().orElseThrow(() -> new AssertionError(
				"no " + kind + " in " + entries.stream().map(RecordEntry::kind).toList()));
	}
}

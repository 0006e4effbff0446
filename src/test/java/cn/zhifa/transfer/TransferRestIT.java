package cn.zhifa.transfer;

import static cn.zhifa.support.Fixtures.complete;
import static cn.zhifa.support.Fixtures.tasks;
import static cn.zhifa.support.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * End to end through {@code /engine-rest} and {@code /api} as the demo users: a criminal transfer that
 * the police refuse to file, with every bad or late answer refused and nothing changed; and the
 * supervision list of suspected crimes not transferred in time (应移送未移送, R-COORD-2).
 */
@ZhifaIntegrationTest
class TransferRestIT extends TransferTestSupport {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	/** Its suspected-crime cases are numbered with S (each test starts its own). */
	@Override
	String casePrefix() {
		return "S";
	}

	@Test
	void policeRefuseToFileAndTheAgencyMayDecideAdministratively() {
		String caseId = newCaseId("R");
		// the start form's fields; agency, handler and business key come from the login and the case number
		Map<String, Object> start = Map.of("variables", Map.of("caseId", value(caseId), "partyName", value("某副食店"),
				"crimeSuspicion", value("销售有毒有害食品，涉嫌生产、销售有毒、有害食品罪")));
		ResponseEntity<Map<String, Object>> started = rest("officer1").exchange(
				"/engine-rest/process-definition/key/criminal-transfer/start", HttpMethod.POST, new HttpEntity<>(start), MAP);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();

		// only the agency's head sees the approval; a refusal without reasons is a 400 naming the field
		assertThat(tasks(rest("officer4"), pid)).isEmpty();
		Map<String, Object> approval = tasks(rest("head1"), pid).get(0);
		assertThat(approval.get("taskDefinitionKey")).isEqualTo("userTask_approveCriminalTransfer");
		assertThat(approval.get("due")).isNotNull();
		ResponseEntity<String> bad = complete(rest("head1"), approval, Map.of("headDecision", value("REFUSE")));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("refusalReasons");
		assertThat(complete(rest("head1"), approval, Map.of("headDecision", value("APPROVE"), "policeOrgan",
				value("曲靖市公安局麒麟分局"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// an answer before the hand-over: the process is not waiting for it
		assertThat(post("officer1", pid, "police-decision", Map.of("policeDecision", "FILED")).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		Map<String, Object> handover = tasks(rest("officer1"), pid).get(0);
		assertThat(complete(rest("officer1"), handover, Map.of("copiedToProcuratorate", value(true), "copiedToJusticeBureau",
				value(true), "reportedToSuperior", value(true))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// bad and misplaced answers: nothing changes
		assertThat(post("officer1", "no-such-transfer", "police-decision", Map.of("policeDecision", "FILED"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("officer4", pid, "police-decision", Map.of("policeDecision", "FILED")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("supervisor1", pid, "police-decision", Map.of("policeDecision", "FILED")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> unknownValue = post("officer1", pid, "police-decision",
				Map.of("policeDecision", "MAYBE"));
		assertThat(unknownValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownValue.getBody()).containsEntry("field", "policeDecision");
		assertThat(post("officer1", pid, "police-decision", Map.of("policeDecision", "NOT_FILED")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map<String, Object>> early = post("officer1", pid, "judicial-outcome",
				Map.of("judicialOutcome", "CONVICTED"));
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(early.getBody().get("detail").toString()).contains("等待司法处理结果");
		assertThat(post("officer1", pid, "acceptance", Map.of("accepted", true)).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(records.get(pid).getStatus()).isEqualTo(Transfer.Status.AWAITING_POLICE);

		// the day the notice was received: a date, not in the future, not before the hand-over (310号 第九条 counts from it)
		for (String day : List.of("明天", "2099-01-01", "2020-01-01")) {
			ResponseEntity<Map<String, Object>> badDay = post("officer1", pid, "police-decision",
					Map.of("policeDecision", "NOT_FILED", "notes", "不予立案通知书：情节显著轻微，不认为是犯罪", "receivedOn", day));
			assertThat(badDay.getStatusCode()).as(day).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(badDay.getBody()).containsEntry("field", "receivedOn");
		}
		assertThat(records.get(pid).getStatus()).isEqualTo(Transfer.Status.AWAITING_POLICE);
		ResponseEntity<Map<String, Object>> refused = post("officer1", pid, "police-decision",
				Map.of("policeDecision", "NOT_FILED", "notes", "不予立案通知书：情节显著轻微，不认为是犯罪"));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(refused.getBody()).containsEntry("status", "FOLLOW_UP").containsEntry("externalDecision", "NOT_FILED");

		Map<String, Object> followUp = tasks(rest("head1"), pid).get(0);
		assertThat(followUp.get("taskDefinitionKey")).isEqualTo("userTask_chooseFollowUp");
		assertThat(complete(rest("head1"), followUp, Map.of("followUp", value("NONE"))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		List<Map<String, Object>> mayDecide = rest("officer1").exchange("/engine-rest/history/variable-instance?processInstanceId="
				+ pid + "&variableName=mayDecideAdministratively", HttpMethod.GET, null, LIST).getBody();
		assertThat(mayDecide).singleElement().satisfies(v -> assertThat(v.get("value")).isEqualTo(true));
		ResponseEntity<Map<String, Object>> record = rest("officer1").exchange("/api/transfers/" + pid, HttpMethod.GET, null,
				MAP);
		assertThat(record.getBody()).containsEntry("outcome", "POLICE_NOT_FILED").containsEntry("mayDecideAdministratively",
				true);
		assertThat((List<?>) record.getBody().get("steps")).extracting(s -> (Object) ((Map<?, ?>) s).get("step"))
			.containsExactly((Object) "REPORTED", "HEAD_APPROVE", "HANDED_OVER", "POLICE_NOT_FILED", "FOLLOW_UP_NONE",
					"CLOSED_POLICE_NOT_FILED");
		assertThat((List<?>) record.getBody().get("steps")).anySatisfy(s -> assertThat(((Map<?, ?>) s).get("actor"))
			.isEqualTo("officer1"));

		// a late answer for a finished transfer
		ResponseEntity<Map<String, Object>> late = post("officer1", pid, "police-decision", Map.of("policeDecision", "FILED"));
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(late.getBody().get("detail").toString()).contains("已办结");
		assertThat(rest("officer4").exchange("/api/transfers/" + pid, HttpMethod.GET, null, MAP).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	/**
	 * 国务院令第310号第九条 and 第十二条 through the API: the periods run from the day each notice was received — the
	 * reconsideration request within 3 days of the refusal notice, the police's reconsideration within 3 days of the
	 * request (the transfer's due date, a Saturday moved to Monday), after an upheld refusal the head's suggestion of
	 * filing supervision within 3 days of the reconsideration decision, the evidence within 3 days of the filing notice.
	 */
	@Test
	void anUpheldRefusalIsFollowedByFilingSupervisionCountedFromEachNotice() {
		clockAt(moment("2026-11-02T10:00:00+08:00"));
		String caseId = newCaseId("V");
		Map<String, Object> start = Map.of("variables", Map.of("caseId", value(caseId), "partyName", value("某副食店"),
				"crimeSuspicion", value("销售有毒有害食品，涉嫌生产、销售有毒、有害食品罪")));
		String pid = rest("officer1").exchange("/engine-rest/process-definition/key/criminal-transfer/start", HttpMethod.POST,
				new HttpEntity<>(start), MAP).getBody().get("id").toString();
		assertThat(complete(rest("head1"), tasks(rest("head1"), pid).get(0), Map.of("headDecision", value("APPROVE"),
				"policeOrgan", value("曲靖市公安局麒麟分局"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete(rest("officer1"), tasks(rest("officer1"), pid).get(0), Map.of("copiedToProcuratorate", value(true),
				"copiedToJusticeBureau", value(true), "reportedToSuperior", value(true))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		// the refusal notice arrived on Tue 3 Nov, registered on Wed 4 Nov: reconsideration until Fri 6 Nov
		clockAt(moment("2026-11-04T09:00:00+08:00"));
		assertThat(post("officer1", pid, "police-decision", Map.of("policeDecision", "NOT_FILED", "notes", "情节显著轻微",
				"receivedOn", "2026-11-03")).getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> followUp = tasks(rest("head1"), pid).get(0);
		assertThat(due(followUp)).isEqualTo(moment("2026-11-06T23:59:59+08:00").toInstant());
		assertThat(complete(rest("head1"), followUp, Map.of("followUp", value("RECONSIDERATION"), "followUpNotes",
				value("货值金额已达追诉标准"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		// the police's 3 days from the request end on Sat 7 Nov: moved to Mon 9 Nov
		assertThat(records.get(pid).getStatus()).isEqualTo(Transfer.Status.AWAITING_RECONSIDERATION);
		assertThat(records.get(pid).getCurrentDueAt()).isEqualTo(moment("2026-11-09T23:59:59+08:00").toInstant());

		// the reconsideration upholds the refusal (notice received Mon 9 Nov): supervision suggested by Thu 12 Nov
		clockAt(moment("2026-11-10T09:00:00+08:00"));
		assertThat(post("officer1", pid, "reconsideration-result", Map.of("reconsiderationResult", "NOT_FILED", "notes",
				"复议维持不予立案", "receivedOn", "2026-11-09")).getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> supervision = tasks(rest("head1"), pid).get(0);
		assertThat(supervision.get("taskDefinitionKey")).isEqualTo("userTask_chooseSupervision");
		assertThat(due(supervision)).isEqualTo(moment("2026-11-12T23:59:59+08:00").toInstant());
		ResponseEntity<String> noReasons = complete(rest("head1"), supervision,
				Map.of("supervisionAfterReconsideration", value("SUPERVISION")));
		assertThat(noReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noReasons.getBody()).contains("supervisionNotes");
		assertThat(complete(rest("head1"), supervision, Map.of("supervisionAfterReconsideration", value("SUPERVISION"),
				"supervisionNotes", value("复议决定对货值金额认定错误"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// the procuratorate's supervision: the police file (notice received Tue 10 Nov), evidence by Fri 13 Nov
		assertThat(post("officer1", pid, "reconsideration-result", Map.of("reconsiderationResult", "FILED",
				"receivedOn", "2026-11-10")).getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> evidence = tasks(rest("officer1"), pid).get(0);
		assertThat(evidence.get("taskDefinitionKey")).isEqualTo("userTask_handOverEvidence");
		assertThat(due(evidence)).isEqualTo(moment("2026-11-13T23:59:59+08:00").toInstant());
		Map<String, Object> record = rest("officer1").exchange("/api/transfers/" + pid, HttpMethod.GET, null, MAP).getBody();
		assertThat((List<?>) record.get("steps")).extracting(s -> (Object) ((Map<?, ?>) s).get("step")).containsSubsequence(
				"POLICE_NOT_FILED", "FOLLOW_UP_RECONSIDERATION", "RECONSIDERATION_NOT_FILED", "SUPERVISION_SUPERVISION",
				"POLICE_FILED_AFTER_FOLLOW_UP");
	}

	@Test
	void suspectedCrimesWithoutATransferApprovedWithinThreeDaysAreListed() {
		clockAt(moment("2026-11-02T10:00:00+08:00"));
		String notStarted = suspectedCrime();
		String inTime = suspectedCrime();
		String late = suspectedCrime();
		String pending = suspectedCrime();
		clockAt(moment("2026-11-03T09:00:00+08:00"));
		ProcessInstance approvedInTime = startTransfer(inTime);
		ProcessInstance approvedLate = startTransfer(late);
		startTransfer(pending);
		clockAt(moment("2026-11-04T09:00:00+08:00"));
		approve(approvedInTime);

		// within the 3 days (until 5 Nov 23:59:59) nothing is listed yet
		clockAt(moment("2026-11-05T20:00:00+08:00"));
		assertThat(untransferred("supervisor1")).extracting(u -> u.get("caseId")).doesNotContain(notStarted, inTime, late,
				pending);

		clockAt(moment("2026-11-09T09:00:00+08:00"));
		approve(approvedLate);
		clockAt(moment("2026-11-10T09:00:00+08:00"));
		Map<String, Map<String, Object>> listed = new HashMap<>();
		untransferred("supervisor1").forEach(u -> listed.put((String) u.get("caseId"), u));
		assertThat(listed).containsKeys(notStarted, late, pending).doesNotContainKey(inTime);
		assertThat(listed.get(notStarted)).containsEntry("state", "NOT_STARTED").containsEntry("agencyCode", "LIAOKUO");
		assertThat(listed.get(late)).containsEntry("state", "APPROVED_LATE").containsEntry("transferId", approvedLate.getId());
		assertThat(listed.get(pending)).containsEntry("state", "AWAITING_APPROVAL");
		assertThat(listed.get(notStarted).get("transferDueAt").toString()).isEqualTo("2026-11-05T15:59:59Z"); // 23:59:59 Beijing time

		assertThat(untransferred("head1")).extracting(u -> u.get("caseId")).contains(notStarted);
		assertThat(untransferred("officer4")).extracting(u -> u.get("caseId")).doesNotContain(notStarted, late, pending);
	}

	// --- steps ---

	/** A legal review (issue 4) of a new case that concludes "suspected crime" now; returns the case id. */
	private String suspectedCrime() {
		String caseId = newCaseId("S");
		Map<String, Object> vars = Fixtures.legalReviewVariables(caseId);
		vars.put("majorReasons", "拟处较大数额罚款");
		vars.put("materials", "调查终结报告");
		ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseId, vars);
		completeTaskAs("reviewer1", review, "userTask_checkMaterials", Map.of("materialsComplete", true));
		Task decision = openTask(review, "userTask_reviewDecision");
		as("reviewer1");
		engine.getTaskService().claim(decision.getId(), "reviewer1");
		Map<String, Object> opinion = new HashMap<>();
		List.of("checkCompetence", "checkQualification", "checkProcedure", "checkFacts", "checkEvidence", "checkLegalBasis",
				"checkDiscretion", "checkDocuments").forEach(c -> opinion.put(c, true));
		opinion.put("checkCrime", false);
		opinion.put("reviewAction", "DECIDE");
		opinion.put("reviewOutcome", "SUSPECTED_CRIME");
		opinion.put("reviewOpinion", "货值金额逾五万元，涉嫌犯罪，应移送公安机关");
		opinion.putAll(Fixtures.counsel());
		engine.getTaskService().complete(decision.getId(), opinion);
		engine.getIdentityService().clearAuthentication();
		return caseId;
	}

	private ProcessInstance startTransfer(String caseId) {
		return engine.getRuntimeService().startProcessInstanceByKey("criminal-transfer", caseId, Map.of("caseId", caseId,
				"agencyCode", "LIAOKUO", "handlerId", "officer1", "partyName", "某公司", "crimeSuspicion", "涉嫌犯罪"));
	}

	private void approve(ProcessInstance pi) {
		completeTaskAs("head1", pi, "userTask_approveCriminalTransfer",
				Map.of("headDecision", "APPROVE", "policeOrgan", "曲靖市公安局麒麟分局"));
	}

	private List<Map<String, Object>> untransferred(String user) {
		ResponseEntity<List<Map<String, Object>>> response = rest(user).exchange("/api/supervision/untransferred",
				HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private TestRestTemplate rest(String user) {
		return http.withBasicAuth(user, "demo");
	}

	/** A task's due date as the engine's REST gives it ({@code 2026-11-06T23:59:59.000+0800}). */
	private static java.time.Instant due(Map<String, Object> task) {
		return java.time.OffsetDateTime.parse(task.get("due").toString(),
				java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
	}

	private ResponseEntity<Map<String, Object>> post(String user, String pid, String answer, Map<String, Object> body) {
		return rest(user).exchange("/api/transfers/" + pid + "/" + answer, HttpMethod.POST,
				new HttpEntity<>(new LinkedHashMap<>(body)), MAP);
	}
}

package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Only an administrator changes a deadline, and only with a reason that the case's record keeps
 * (issue 17 §5): the engine's own routes (a task's {@code due} through {@code PUT /task/{id}}, a job's
 * due date) are refused to everyone, the follow-up date stays the user's; the SLA board's change is
 * refused to heads and supervisors, checked field by field, and recorded.
 */
@ZhifaIntegrationTest
class DueDateChangeIT extends SlaApiSupport {

	@Autowired
	RecordService record;

	@Test
	void theEngineRoutesKeepTheDueDateAndTheFollowUpDateStaysTheUsers() {
		clockAt(at("2026-10-12T09:00:00+08:00"));
		String caseNo = register("2026-10-12");
		Task filing = filingTask(caseNo);
		engine.getTaskService().claim(filing.getId(), "head1");
		String url = "/engine-rest/task/" + filing.getId();
		Map<String, Object> task = client("head1").exchange(url, HttpMethod.GET, null, MAP).getBody();
		assertThat(task).containsKey("due");

		// as Tasklist saves a follow-up date: the whole task back (with its form reference), the follow-up date set
		Map<String, Object> followUp = new LinkedHashMap<>(task);
		followUp.put("followUp", "2026-10-20T09:00:00.000+0800");
		ResponseEntity<Map<String, Object>> saved = put("head1", url, followUp);
		assertThat(saved.getStatusCode()).as("%s", followUp).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(filingTask(caseNo).getFollowUpDate()).isEqualTo(at("2026-10-20T09:00:00+08:00"));
		assertThat(filingTask(caseNo).getDueDate()).isEqualTo(filing.getDueDate());

		// another due date, clearing it, another priority or name: refused, nothing changed
		Map<String, Object> later = new LinkedHashMap<>(task);
		later.put("due", "2026-12-31T17:00:00.000+0800");
		assertRefused(put("head1", url, later), HttpStatus.FORBIDDEN, "due");
		assertRefused(put("admin", url, later), HttpStatus.FORBIDDEN, "due");
		Map<String, Object> cleared = new LinkedHashMap<>(task);
		cleared.remove("due");
		assertRefused(put("head1", url, cleared), HttpStatus.FORBIDDEN, "due");
		Map<String, Object> priority = new LinkedHashMap<>(task);
		priority.put("priority", 99);
		assertRefused(put("head1", url, priority), HttpStatus.FORBIDDEN, "priority");
		Map<String, Object> name = new LinkedHashMap<>(task);
		name.put("name", "改名");
		assertRefused(put("head1", url, name), HttpStatus.FORBIDDEN, "name");
		Map<String, Object> tenant = new LinkedHashMap<>(task);
		tenant.put("tenantId", "QLSCJ");
		assertRefused(put("head1", url, tenant), HttpStatus.FORBIDDEN, "tenantId");
		Map<String, Object> badDate = new LinkedHashMap<>(task);
		badDate.put("due", "明天");
		assertRefused(put("head1", url, badDate), HttpStatus.BAD_REQUEST, "due");
		Task after = filingTask(caseNo);
		assertThat(after.getDueDate()).isEqualTo(filing.getDueDate());
		assertThat(after.getName()).isEqualTo(filing.getName());
		assertThat(after.getPriority()).isEqualTo(filing.getPriority());

		// a timer's due date by hand: refused to everyone, the administrator included
		Job timer = engine.getManagementService().createJobQuery().processInstanceId(filing.getProcessInstanceId()).timers()
			.list().get(0);
		assertRefused(put("admin", "/engine-rest/job/" + timer.getId() + "/duedate",
				Map.of("duedate", "2026-12-31T17:00:00.000+0800")), HttpStatus.FORBIDDEN, "duedate");
		assertRefused(client("admin").exchange("/engine-rest/job/" + timer.getId() + "/duedate/recalculate",
				HttpMethod.POST, new HttpEntity<>(Map.of()), MAP), HttpStatus.FORBIDDEN, "duedate");
		assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
			.isEqualTo(timer.getDuedate());
	}

	@Test
	void anAdministratorMovesADeadlineWithAReasonTheRecordKeeps() {
		clockAt(at("2026-10-12T09:00:00+08:00"));
		String caseNo = register("2026-10-12");
		Task filing = filingTask(caseNo);
		Map<String, Object> change = new LinkedHashMap<>(Map.of("source", "task", "id", filing.getId(), "dueAt",
				"2026-11-09T17:00", "reason", "当事人住院，经局长批准延后审批立案"));

		// heads, officers and supervisors may not; nobody logged in: 401
		assertThat(post("head1", change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("officer1", change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("supervisor1", change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.postForEntity("/api/sla/due-date-changes", change, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// bad input names the field
		assertRefused(post("admin", with(change, "reason", "")), HttpStatus.BAD_REQUEST, "reason");
		assertRefused(post("admin", with(change, "reason", "延期")), HttpStatus.BAD_REQUEST, "reason");
		assertRefused(post("admin", with(change, "dueAt", "下周一")), HttpStatus.BAD_REQUEST, "dueAt");
		assertRefused(post("admin", with(change, "dueAt", "2026-10-01T17:00")), HttpStatus.BAD_REQUEST, "dueAt");
		assertRefused(post("admin", with(change, "source", "job")), HttpStatus.BAD_REQUEST, "source");
		assertRefused(post("admin", with(change, "id", "no-such-task")), HttpStatus.NOT_FOUND, "id");
		assertThat(filingTask(caseNo).getDueDate()).isEqualTo(filing.getDueDate());
		assertThat(changes(caseNo)).isEmpty();

		// the administrator's change: the task, the board and the record
		ResponseEntity<Map<String, Object>> done = post("admin", change);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Instant newDue = OffsetDateTime.parse("2026-11-09T17:00+08:00").toInstant();
		assertThat(filingTask(caseNo).getDueDate().toInstant()).isEqualTo(newDue);
		assertThat(done.getBody()).containsEntry("caseNo", caseNo).containsEntry("step", "审批立案")
			.containsEntry("before", "2026-11-02T15:59:59Z").containsEntry("after", newDue.toString())
			.containsEntry("changedBy", "admin");
		List<RecordEntry> recorded = changes(caseNo);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0).actor()).isEqualTo("admin");
		assertThat(recorded.get(0).dataMap()).containsEntry("reason", "当事人住院，经局长批准延后审批立案")
			.containsEntry("before", "2026-11-02T15:59:59Z").containsEntry("after", newDue.toString())
			.containsEntry("step", "审批立案");
		Map<String, Object> board = client("head1").exchange("/api/sla/deadlines?kind=enforcement-case&size=200",
				HttpMethod.GET, null, MAP).getBody();
		assertThat(((List<?>) board.get("rows")).stream().map(Map.class::cast)
			.filter(r -> caseNo.equals(r.get("caseNo")) && "TASK".equals(r.get("source"))).findFirst().orElseThrow())
			.containsEntry("dueAt", newDue.toString());

		// a deadline timer (the 90-day decision period once filed), moved the same way
		as("head1");
		engine.getTaskService().claim(filing.getId(), "head1");
		engine.getTaskService().complete(filing.getId(), Map.of("filingDecision", "FILE", "handlerId", "officer1"));
		engine.getIdentityService().clearAuthentication();
		Job period = engine.getManagementService().createJobQuery().processInstanceId(filing.getProcessInstanceId())
			.timers().activityId("timerEvent_decisionBreach").singleResult();
		Instant periodDue = OffsetDateTime.parse("2027-02-01T17:00+08:00").toInstant();
		ResponseEntity<Map<String, Object>> timer = post("admin", Map.of("source", "timer", "id", period.getId(), "dueAt",
				periodDue.toString(), "reason", "听证期间依法不计入办案期限，顺延"));
		assertThat(timer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(engine.getManagementService().createJobQuery().jobId(period.getId()).singleResult().getDuedate()
			.toInstant()).isEqualTo(periodDue);
		assertThat(timer.getBody()).containsEntry("source", "TIMER").containsEntry("after", periodDue.toString());
		assertThat(changes(caseNo)).hasSize(2);
	}

	private List<RecordEntry> changes(String caseNo) {
		return record.list(caseNo).stream().filter(e -> DueDateChanges.RECORD_KIND.equals(e.kind())).toList();
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String field) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getBody()).containsEntry("field", field);
		assertThat(response.getBody().get("detail").toString()).matches(".*[\\u4e00-\\u9fff].*");
	}

	private Task filingTask(String caseNo) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("userTask_approveFiling").singleResult();
	}

	private ResponseEntity<Map<String, Object>> put(String user, String url, Map<String, Object> body) {
		return client(user).exchange(url, HttpMethod.PUT, new HttpEntity<>(body), MAP);
	}

	private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
		return client(user).exchange("/api/sla/due-date-changes", HttpMethod.POST, new HttpEntity<>(body), MAP);
	}
}

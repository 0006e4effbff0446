package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 16 point 7: deadlines held in process variables are recomputed with the timers and tasks
 * that follow them when a missing year's calendar arrives, and the officer's task says while it
 * lasts that its due date is provisional. The packaged calendar has no 2027 file; the test adds one
 * (invented holidays 1–5 Jan and 6–12 Feb 2027) and calls {@code POST /api/calendar/recompute-provisional}.
 */
@ZhifaIntegrationTest
class ProvisionalDeadlinesIT extends EngineTestSupport {

	private static final String PROCESS = "test-provisional-decision-period";
	private static final String NOTE = "期限暂按周末推算（2027年节假日安排尚未发布），日历发布后将重新计算";

	@Autowired
	TestRestTemplate http;

	@Autowired
	cn.zhifa.record.RecordService caseRecord;
	@Autowired
	CalendarRegistry registry;
	@Autowired
	Deadlines deadlines;

	@TempDir
	Path folder;

	@BeforeEach
	void deployDecisionPeriodModel() {
		// the decision period as enforcement-case.bpmn uses it: a task due at decisionDueAt, a breach timer and
		// a warning timer that follow the variable (set by startDecisionPeriod as EnforcementCaseService sets it)
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
			.startEvent("event_filed")
			.userTask("userTask_extend").camundaCandidateGroups("LIAOKUO-officer").camundaFormRef("test-form").camundaFormRefBinding("deployment")
			.userTask("userTask_decide").name("作出处罚决定").camundaCandidateGroups("LIAOKUO-officer")
			.camundaFormRef("test-form").camundaFormRefBinding("deployment").camundaDueDate("${decisionDueAt}")
			.boundaryEvent("timerEvent_decisionBreach").timerWithDate("${decisionDueAt}").endEvent("event_breached")
			.moveToActivity("userTask_decide").boundaryEvent("timerEvent_decisionWarning").cancelActivity(false)
			.timerWithDate("${deadlines.workdaysBefore(decisionDueAt, 3)}").endEvent("event_warned")
			.moveToActivity("userTask_decide").endEvent("event_decided").done();
		engine.getRepositoryService().createDeployment().name(PROCESS).enableDuplicateFiltering(false)
			.addModelInstance(PROCESS + ".bpmn", model).addClasspathResource("models/test-form.form").deploy();
	}

	@AfterEach
	void restoreRealCalendar() {
		registry.reload();
	}

	@Test
	@SuppressWarnings("unchecked")
	void variablesTimersAndTasksMoveToTheStatuteExactDateAndTheMarkGoes() throws IOException {
		assertThat(registry.current().calendar().hasYear(2027)).as("the packaged calendar has no 2027 file").isFalse();

		// legal review (the real model): materials received Wednesday 30 Dec 2026; 5 working days, weekends only
		// in 2027: 31 Dec, 1, 4, 5, 6 Jan → 6 Jan 2027 (provisional)
		clockAt(moment("2026-12-30T10:00:00+08:00"));
		ProcessInstance review = startLegalReview();
		as("reviewer1");
		engine.getTaskService().complete(openTask(review).getId(), Map.of("materialsComplete", true));
		assertThat(variable(review, "reviewDueAt")).isEqualTo(moment("2027-01-06T23:59:59+08:00"));
		assertThat(openTask(review).getDueDate()).isEqualTo(moment("2027-01-06T23:59:59+08:00"));
		assertThat(timers(review)).containsExactlyInAnyOrder(moment("2027-01-06T23:59:59+08:00"),
				moment("2027-01-05T00:00:00+08:00"));
		// the officer sees that the due date is provisional
		assertThat(mark(openTask(review))).isEqualTo(NOTE);
		assertThat(reviewRecord(review)).containsEntry("dueAt", "2027-01-06T15:59:59Z");
		assertThat(boardRows(review)).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("provisional", true));

		// the decision period: filed Monday 9 Nov 2026 + 90 days = Sunday 7 Feb 2027 → Monday 8 Feb (weekends only);
		// extended by 30 days from it → Wednesday 10 Mar 2027
		ProcessInstance decision = startDecisionPeriod(moment("2026-11-09T09:00:00+08:00"));
		assertThat(variable(decision, "decisionDueAt")).isEqualTo(moment("2027-03-10T23:59:59+08:00"));
		assertThat((String) variable(decision, "decisionDueAtBasis")).startsWith("limit PENALTY_DECISION from ")
			.endsWith("; limit PENALTY_DECISION_EXTENSION");
		assertThat(openTask(decision).getDueDate()).isEqualTo(moment("2027-03-10T23:59:59+08:00"));
		assertThat(timers(decision)).contains(moment("2027-03-10T23:59:59+08:00"));
		assertThat(mark(openTask(decision))).isEqualTo(NOTE);
		// a deadline someone else moved (not the weekends-only guess) is left alone
		ProcessInstance movedByHand = startDecisionPeriod(moment("2026-11-09T09:00:00+08:00"));
		engine.getRuntimeService().setVariable(movedByHand.getId(), "decisionDueAt", moment("2027-03-31T23:59:59+08:00"));

		// the 2027 notice arrives
		addCalendar2027();
		ResponseEntity<Map> response = recompute();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

		// legal review: 31 Dec, 6, 7, 8, 11 Jan → Monday 11 Jan; the warning one working day before → 8 Jan
		Date reviewDue = moment("2027-01-11T23:59:59+08:00");
		assertThat(variable(review, "reviewDueAt")).isEqualTo(reviewDue);
		assertThat(openTask(review).getDueDate()).isEqualTo(reviewDue);
		assertThat(timers(review)).containsExactlyInAnyOrder(reviewDue, moment("2027-01-08T00:00:00+08:00"));
		assertThat(mark(openTask(review))).isNull();
		assertThat(boardRows(review)).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("provisional", false));
		// the review's own record (GET /api/reviews: the review and its round) follows
		Map<String, Object> record = reviewRecord(review);
		assertThat(record).containsEntry("dueAt", "2027-01-11T15:59:59Z");
		assertThat((List<Map<String, Object>>) record.get("rounds")).singleElement()
			.satisfies(round -> assertThat(round).containsEntry("dueAt", "2027-01-11T15:59:59Z"));

		// decision period: 7 Feb falls in the (test) Spring Festival 6–12 Feb → Monday 15 Feb; + 30 days from
		// the recomputed date (the chain runs again) → Wednesday 17 Mar, not 10 Mar + a week
		Date decisionDue = moment("2027-03-17T23:59:59+08:00");
		assertThat(variable(decision, "decisionDueAt")).isEqualTo(decisionDue);
		assertThat(openTask(decision).getDueDate()).isEqualTo(decisionDue);
		// the breach timer ${decisionDueAt} follows the variable; the warning 3 working days before: 12, 15, 16 Mar
		assertThat(timers(decision)).containsExactlyInAnyOrder(decisionDue, moment("2027-03-12T00:00:00+08:00"));
		assertThat(mark(openTask(decision))).isNull();
		assertThat(variable(movedByHand, "decisionDueAt")).isEqualTo(moment("2027-03-31T23:59:59+08:00"));

		// the answer lists each change: kind, id, before, after
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> changed = (List<Map<String, Object>>) response.getBody().get("changed");
		assertThat(changed).anySatisfy(c -> {
			assertThat(c).containsEntry("kind", "variable").containsEntry("id", review.getId() + "/reviewDueAt");
			assertThat(Instant.parse(c.get("before").toString().replace("+00:00", "Z")))
				.isEqualTo(Instant.parse("2027-01-06T15:59:59Z"));
			assertThat(Instant.parse(c.get("after").toString().replace("+00:00", "Z")))
				.isEqualTo(Instant.parse("2027-01-11T15:59:59Z"));
		});
		assertThat(changed).anySatisfy(c -> assertThat(c).containsEntry("kind", "variable")
			.containsEntry("id", decision.getId() + "/decisionDueAt"));
		assertThat(changed).noneSatisfy(c -> assertThat(c.get("id").toString()).startsWith(movedByHand.getId()));
		assertThat(changed).filteredOn(c -> "timer".equals(c.get("kind"))).hasSizeGreaterThanOrEqualTo(4);
		assertThat(changed).filteredOn(c -> c.get("kind").toString().startsWith("task")).hasSizeGreaterThanOrEqualTo(2);

		// the case's full-process record keeps what moved (the review's case number), once per recompute
		List<cn.zhifa.record.RecordEntry> recorded = caseRecord.list(review.getBusinessKey()).stream()
			.filter(e -> "DEADLINES_RECOMPUTED".equals(e.kind())).toList();
		assertThat(recorded).singleElement().satisfies(e -> {
			assertThat(e.actor()).isEqualTo("system");
			assertThat(e.dataMap().toString()).contains("reviewDueAt").contains("2027-01-11T15:59:59Z");
		});

		// repeatable: a second run changes nothing
		ResponseEntity<Map> again = recompute();
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<?>) again.getBody().get("changed")).isEmpty();
		assertThat(caseRecord.list(review.getBusinessKey())).filteredOn(e -> "DEADLINES_RECOMPUTED".equals(e.kind())).hasSize(1);
	}

	@Test
	void aTaskWhoseDueDateIsMovedOutOfTheMissingYearLosesTheMark() {
		ProcessInstance decision = startDecisionPeriod(moment("2026-11-09T09:00:00+08:00"));
		Task task = openTask(decision);
		assertThat(mark(task)).isEqualTo(NOTE);
		task.setDueDate(moment("2026-12-31T23:59:59+08:00"));
		engine.getTaskService().saveTask(task);
		assertThat(mark(openTask(decision))).isNull();
	}

	private ProcessInstance startLegalReview() {
		String caseId = "寥街罚〔2026〕P" + UUID.randomUUID().toString().substring(0, 8) + "号";
		Map<String, Object> vars = Fixtures.legalReviewVariables(caseId);
		return engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseId, vars);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> reviewRecord(ProcessInstance review) {
		List<Map<String, Object>> reviews = http.withBasicAuth("reviewer1", "demo").getForObject("/api/reviews", List.class);
		return reviews.stream().filter(r -> review.getBusinessKey().equals(r.get("caseId"))).findFirst().orElseThrow();
	}

	/** The SLA board's rows of the instance (GET /api/sla/deadlines as the agency's head, every page). */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> boardRows(ProcessInstance pi) {
		List<Map<String, Object>> found = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			Map<String, Object> answer = http.withBasicAuth("head1", "demo")
				.getForObject("/api/sla/deadlines?agency=LIAOKUO&size=100&page=" + page, Map.class);
			List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.get("rows");
			rows.stream().filter(r -> pi.getId().equals(r.get("processInstanceId"))).forEach(found::add);
			if (rows.size() < 100) {
				return found;
			}
		}
	}

	/**
	 * Filed at {@code filedAt} and the period extended once, set as EnforcementCaseService sets them (moveTo FILED,
	 * extendDecisionPeriod) — in a delegate's transaction on the instance's execution.
	 */
	private ProcessInstance startDecisionPeriod(Date filedAt) {
		engine.getIdentityService().clearAuthentication();
		ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "PROV-" + UUID.randomUUID(),
				Map.of("agencyCode", "LIAOKUO", "filedAt", filedAt));
		Deadlines.Due due = deadlines.limitDue("decisionDueAt", "PENALTY_DECISION", filedAt);
		engine.getRuntimeService().setVariables(pi.getId(),
				deadlines.extendedDue("decisionDueAt", due.at(), due.basis(), "PENALTY_DECISION_EXTENSION").variables());
		engine.getTaskService().complete(openTask(pi).getId());
		return pi;
	}

	private void addCalendar2027() throws IOException {
		CalendarFixtures.realFilesWith2027(folder, CalendarFixtures.NEW_YEAR_2027 + """
				  - name: 春节
				    from: 2027-02-06
				    to: 2027-02-12
				""");
		registry.reloadFrom(folder);
	}

	@SuppressWarnings("rawtypes")
	private ResponseEntity<Map> recompute() {
		return http.withBasicAuth("admin", "demo").postForEntity("/api/calendar/recompute-provisional?year=2027", null,
				Map.class);
	}

	private Object mark(Task task) {
		return engine.getTaskService().getVariableLocal(task.getId(), ProvisionalTaskMark.VARIABLE);
	}

	private Object variable(ProcessInstance pi, String name) {
		engine.getIdentityService().clearAuthentication();
		return engine.getRuntimeService().getVariable(pi.getId(), name);
	}

	private List<Date> timers(ProcessInstance pi) {
		engine.getIdentityService().clearAuthentication();
		return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
			.map(Job::getDuedate).toList();
	}
}

package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
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
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 3 end to end (the REST API's answers and refusals: CalendarControllerTest): reloading changed files, the health component, deadlines written
 * in BPMN expressions (due date, warning timer, breach timer) and the recomputation of provisional
 * deadlines when a year's file arrives.
 */
@ZhifaIntegrationTest
class CalendarApiIT extends EngineTestSupport {

	private static final String PROCESS = "test-calendar-deadlines";
	private static final String DUE = "${deadlines.limit('LEGAL_REVIEW', materialsReceivedAt)}";
	private static final String WARNING = "${deadlines.workdaysBefore(deadlines.limit('LEGAL_REVIEW', materialsReceivedAt), 1)}";

	@Autowired
	TestRestTemplate http;
	@Autowired
	CalendarRegistry registry;

	@TempDir
	Path folder;

	@BeforeEach
	void deployTestProcess() {
		// what a legal office draws in Camunda Modeler (docs/calendar.md): due date, warning and breach timers
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
			.startEvent("event_materialsReceived")
			.userTask("userTask_reviewCase").name("出具法制审核意见").camundaCandidateGroups("reviewer")
			.camundaFormRef("test-form").camundaFormRefBinding("deployment")
			.camundaDueDate(DUE).camundaFollowUpDate(WARNING)
			.boundaryEvent("event_reviewWarning").cancelActivity(false).timerWithDate(WARNING).endEvent("event_warned")
			.moveToActivity("userTask_reviewCase").boundaryEvent("event_reviewBreached").timerWithDate(DUE)
			.endEvent("event_breached")
			.moveToActivity("userTask_reviewCase").endEvent("event_reviewed").done();
		engine.getRepositoryService().createDeployment().name("test-calendar-deadlines").enableDuplicateFiltering(false)
			.addModelInstance(PROCESS + ".bpmn", model).addClasspathResource("models/test-form.form").deploy();
	}

	@AfterEach
	void restoreRealCalendar() {
		registry.reload();
	}

	// --- REST: the answers, the checks of parameters, login and administrators-only actions are in the web slice
	// CalendarControllerTest; here what needs the engine or the files changed

	@Test
	void aMalformedFileOnReloadIs400AndTheCalendarStays() throws IOException {
		CalendarFixtures.copyRealFiles(folder);
		registry.reloadFrom(folder);
		CalendarData before = registry.current();
		Files.writeString(folder.resolve("2027.yml"), "year: 2027\nholidays:\n  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-0x\n");
		// the admin call reads the configured folder; the loader is exercised on the temp copy directly
		try {
			registry.reloadFrom(folder);
		}
		catch (CalendarFileException e) {
			assertThat(e.line()).isEqualTo(5);
		}
		assertThat(registry.current()).isSameAs(before);
		assertThat(get("/api/calendar/days/2027-01-01").getBody()).containsEntry("workday", true)
			.containsEntry("provisional", true);
	}

	@Test
	void healthShowsAMissingYearAsWarnButStaysUp() {
		Map<String, Object> health = http.withBasicAuth("admin", "demo").getForEntity("/actuator/health", Map.class)
			.getBody();
		assertThat(health).containsEntry("status", "UP");
		@SuppressWarnings("unchecked")
		Map<String, Object> calendar = (Map<String, Object>) ((Map<String, Object>) health.get("components"))
			.get("calendar");
		int year = LocalDate.now(WorkingDayCalendar.SHANGHAI).getYear();
		boolean missing = !registry.current().calendar().hasYear(year) || !registry.current().calendar().hasYear(year + 1);
		assertThat(calendar).containsEntry("status", missing ? "WARN" : "UP");
		if (missing) {
			assertThat((Map<String, Object>) calendar.get("details")).extractingByKey("warning").asString()
				.startsWith("calendar for ").endsWith(" missing");
		}
		assertThat(http.getForEntity("/actuator/health", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// --- BPMN ------------------------------------------------------------------------------

	@Test
	void aLegalReviewDeadlineWithWarningAndBreachTimers() {
		// materials received Tuesday 29 Sep 2026, 10:00: 5 working days = 30 Sep, 8, 9, 10 (adjusted Saturday), 12 Oct
		Date received = moment("2026-09-29T10:00:00+08:00");
		clockAt(received);
		ProcessInstance pi = start(received);
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(task.getDueDate()).isEqualTo(moment("2026-10-12T23:59:59+08:00"));
		assertThat(task.getFollowUpDate()).isEqualTo(moment("2026-10-10T00:00:00+08:00"));

		assertOneJobRunsAt(pi, "2026-10-09T18:00:00+08:00", "2026-10-10T00:00:01+08:00");
		assertThat(pi).hasPassed("event_warned").isWaitingAt("userTask_reviewCase");

		assertOneJobRunsAt(pi, "2026-10-12T23:59:58+08:00", "2026-10-13T00:00:00+08:00");
		assertThat(pi).hasPassed("event_breached").isEnded();
	}

	@Test
	void provisionalDeadlinesAreRecomputedWhenTheYearFileArrives() throws IOException {
		// 2027 has no file: received Friday 1 Jan 2027 → weekends only → Friday 8 Jan (provisional)
		Date received = moment("2027-01-01T09:00:00+08:00");
		ProcessInstance pi = start(received);
		ProcessInstance editedByHand = start(received);
		Task task = openTask(pi);
		assertThat(task.getDueDate()).isEqualTo(moment("2027-01-08T23:59:59+08:00"));
		Task edited = openTask(editedByHand);
		edited.setDueDate(moment("2027-01-20T23:59:59+08:00"));
		engine.getTaskService().saveTask(edited);

		// the 2027 notice arrives (a test file: 1–3 Jan New Year, 4–5 Jan invented holidays for the test)
		CalendarFixtures.realFilesWith2027(folder, CalendarFixtures.NEW_YEAR_2027);
		registry.reloadFrom(folder);
		ResponseEntity<Map> response = http.withBasicAuth("admin", "demo")
			.postForEntity("/api/calendar/recompute-provisional?year=2027", null, Map.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

		// now 6, 7, 8, 11, 12 Jan → Tuesday 12 Jan; the warning one working day before → 11 Jan
		Date due = moment("2027-01-12T23:59:59+08:00");
		assertThat(openTask(pi).getDueDate()).isEqualTo(due);
		assertThat(openTask(pi).getFollowUpDate()).isEqualTo(moment("2027-01-11T00:00:00+08:00"));
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list())
			.extracting(Job::getDuedate).containsExactlyInAnyOrder(due, moment("2027-01-11T00:00:00+08:00"));
		// a due date a head set by hand is not a provisional value: left alone
		assertThat(openTask(editedByHand).getDueDate()).isEqualTo(moment("2027-01-20T23:59:59+08:00"));

		@SuppressWarnings("rawtypes")
		ResponseEntity<Map> noFile = http.withBasicAuth("admin", "demo")
			.postForEntity("/api/calendar/recompute-provisional?year=2031", null, Map.class);
		assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noFile.getBody()).containsEntry("field", "year").containsEntry("type", "https://zhifa.cn/problems/invalid-field")
			.extractingByKey("detail").asString().contains("year");
	}

	private ProcessInstance start(Date received) {
		return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "CAL-" + UUID.randomUUID(),
				Map.of("agencyCode", "LIAOKUO", "materialsReceivedAt", received));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private ResponseEntity<Map<String, Object>> get(String url) {
		ResponseEntity<Map> response = http.withBasicAuth("officer1", "demo").getForEntity(url, Map.class);
		return (ResponseEntity) response;
	}
}

package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The SLA board over REST (issue 17): three cases registered at different engine times give, at one
 * moment, a red, a yellow and a green filing deadline (审批立案, 15 working days from the discovery);
 * rows are ordered by urgency, scoped to the user's agency, and bad input is a problem naming the field.
 */
@ZhifaIntegrationTest
class SlaBoardIT extends SlaApiSupport {

	@Autowired
	DeadlineModels models;

	@Autowired
	javax.sql.DataSource dataSource;

	/** ADR-0024: the engine has built its schema, then our indexes were added to its tables (H2 and PostgreSQL). */
	@Test
	void theBoardsIndexesAreOnTheEngineTables() throws java.sql.SQLException {
		java.util.Set<String> names = new java.util.HashSet<>();
		try (java.sql.Connection c = dataSource.getConnection()) {
			for (String table : List.of("ACT_RU_TASK", "act_ru_task", "ACT_RU_JOB", "act_ru_job")) {
				try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, true)) {
					while (rs.next()) {
						if (rs.getString("INDEX_NAME") != null) {
							names.add(rs.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
						}
					}
				}
			}
		}
		assertThat(names).contains("ZF_IDX_TASK_DEADLINE", "ZF_IDX_TASK_DUE", "ZF_IDX_JOB_DEADLINE", "ZF_IDX_JOB_DUE",
				"ZF_IDX_JOB_CREATE", "ZF_IDX_JOB_DEF_DUE", "ZF_IDX_TASK_PROCINST_DUE", "ZF_IDX_TASK_DUE_DATE",
				"ZF_IDX_TASK_PRIORITY");
	}

	@Test
	@SuppressWarnings("unchecked")
	void greenYellowRedByTheEngineClockOwnAgencyOnly() {
		// red: discovered Mon 12 Oct 2026, due 2 Nov (15 working days); at Wed 4 Nov it is 2 working days late
		clockAt(at("2026-10-12T09:00:00+08:00"));
		String red = register("2026-10-12");
		// yellow: discovered Thu 15 Oct, due Thu 5 Nov: 1 working day left on 4 Nov
		clockAt(at("2026-10-15T09:00:00+08:00"));
		String yellow = register("2026-10-15");
		// green: discovered on 4 Nov, due 25 Nov
		clockAt(at("2026-11-04T10:00:00+08:00"));
		String green = register("2026-11-04");

		List<Map<String, Object>> rows = all("head1", "kind=enforcement-case");
		Map<String, Object> r = row(rows, red);
		Map<String, Object> y = row(rows, yellow);
		Map<String, Object> g = row(rows, green);
		assertThat(r).containsEntry("state", "RED").containsEntry("stateLabel", "已超期").containsEntry("workdaysLeft", -2)
			.containsEntry("step", "审批立案").containsEntry("agencyCode", "LIAOKUO").containsEntry("kind", "enforcement-case")
			.containsEntry("kindName", "行政处罚案件办理").containsEntry("source", "TASK")
			.containsEntry("dueAt", "2026-11-02T15:59:59Z");
		assertThat(r.get("agencyName").toString()).contains("寥廓");
		assertThat(r.get("responsible").toString()).isNotBlank().doesNotContain("LIAOKUO-head");
		assertThat(r.get("processInstanceId")).isNotNull();
		assertThat(y).containsEntry("state", "YELLOW").containsEntry("workdaysLeft", 1).containsEntry("dueAt",
				"2026-11-05T15:59:59Z");
		assertThat(g).containsEntry("state", "GREEN").containsEntry("workdaysLeft", 15);
		// most urgent first
		assertThat(rows.indexOf(r)).isLessThan(rows.indexOf(y));
		assertThat(rows.indexOf(y)).isLessThan(rows.indexOf(g));

		// a full page says there is more and is not counted; the summary with the same filters has the counts
		for (String query : List.of("kind=enforcement-case", "state=red", "person=officer1")) {
			Map<String, Object> one = get("head1", "/api/sla/deadlines?size=1&" + query).getBody();
			List<Map<String, Object>> every = all("head1", query);
			assertThat(one).as(query).containsEntry("more", every.size() > 1);
			assertThat(one.get("total")).as(query).isEqualTo(every.size() > 1 ? null : every.size());
			Map<?, ?> counts = (Map<?, ?>) get("head1", "/api/sla/summary?" + query.replace("state=red", "")).getBody()
				.get("counts");
			long counted = query.startsWith("state=") ? ((Number) counts.get("RED")).longValue()
					: counts.values().stream().mapToLong(n -> ((Number) n).longValue()).sum();
			assertThat(counted).as(query).isEqualTo(every.size());
			Map<String, Object> last = get("head1", "/api/sla/deadlines?size=1&page=" + Math.max(0, every.size() - 1) + "&" + query)
				.getBody();
			assertThat(last).as(query).containsEntry("more", false);
			assertThat(((Number) last.get("total")).longValue()).as(query).isEqualTo(every.size());
		}
		// the state filter and the counts
		assertThat(caseNos(all("head1", "state=red"))).contains(red).doesNotContain(yellow, green);
		assertThat(caseNos(all("head1", "state=yellow"))).contains(yellow).doesNotContain(red, green);
		assertThat(caseNos(all("head1", "state=GREEN&agency=LIAOKUO"))).contains(green).doesNotContain(red, yellow);
		Map<String, Object> summary = get("head1", "/api/sla/summary").getBody();
		Map<?, ?> counts = (Map<?, ?>) summary.get("counts");
		assertThat(((Number) counts.get("RED")).longValue()).isPositive();
		assertThat(((Number) counts.get("YELLOW")).longValue()).isPositive();
		assertThat(((Number) counts.get("GREEN")).longValue()).isPositive();
		assertThat(summary).containsEntry("supervisor", false).containsEntry("agencies", List.of());

		// a supervisor sees every agency, with the per-agency table
		assertThat(caseNos(all("supervisor1", "kind=enforcement-case"))).contains(red, yellow, green);
		Map<String, Object> supervision = get("supervisor1", "/api/sla/summary").getBody();
		assertThat(supervision).containsEntry("supervisor", true);
		List<?> agencies = (List<?>) supervision.get("agencies");
		Map<String, Object> liaokuo = agencies.stream().map(a -> (Map<String, Object>) a).filter(a -> "LIAOKUO".equals(a.get("agencyCode")))
			.findFirst().orElseThrow();
		assertThat(((Number) ((Map<?, ?>) liaokuo.get("counts")).get("RED")).longValue()).isPositive();
		assertThat(liaokuo).containsKeys("reviewCompliancePercent", "disclosureTimelinessPercent", "overdueSeizures",
				"untransferred");
		assertThat(agencies.stream().map(Map.class::cast).map(a -> a.get("agencyCode"))).contains("QLSCJ");

		// another agency's officer sees none of them, and may not ask for them
		assertThat(caseNos(all("officer4", ""))).doesNotContain(red, yellow, green);
		assertThat(get("officer4", "/api/sla/deadlines?agency=LIAOKUO").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("officer4", "/api/sla/summary?agency=LIAOKUO").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// nobody logged in: 401
		assertThat(http.getForEntity("/api/sla/deadlines", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity("/api/sla/summary", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// the e2e test clock does not exist unless zhifa.test-clock.enabled is set
		assertThat(client("admin").exchange("/api/test-clock", HttpMethod.PUT,
				new HttpEntity<>(Map.of("now", "2026-11-04T10:00:00+08:00")), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		// read-only
		assertThat(client("supervisor1").exchange("/api/sla/deadlines", HttpMethod.POST, new HttpEntity<>(Map.of()), String.class)
			.getStatusCode().is4xxClientError()).isTrue();

		// a person's deadlines: the red case once the head claims it
		String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(red).singleResult().getId();
		engine.getTaskService().claim(taskId, "head1");
		Map<String, Object> mine = row(all("head1", "person=head1"), red);
		assertThat(mine).containsEntry("assignee", "head1").containsEntry("responsible", "张伟");
		assertThat(caseNos(all("head1", "person=head1"))).doesNotContain(yellow, green);
		Map<?, ?> mineCounts = (Map<?, ?>) get("head1", "/api/sla/summary?kind=enforcement-case&person=head1").getBody()
			.get("counts");
		assertThat(((Number) mineCounts.get("RED")).longValue())
			.isEqualTo(all("head1", "kind=enforcement-case&person=head1&state=red").size());
		assertThat(((Number) mineCounts.get("YELLOW")).longValue())
			.isEqualTo(all("head1", "kind=enforcement-case&person=head1&state=yellow").size());
	}

	@Test
	void theNinetyDayPeriodTurnsYellowByItsShareLeft() {
		// filed Mon 2 Mar 2026: the decision is due 90 days later, 31 May (a Sunday) → Mon 1 Jun 2026
		clockAt(at("2026-03-02T09:00:00+08:00"));
		String caseNo = register("2026-03-02");
		decideFiling(caseNo);

		// 27 Apr: 35 of 91 days left → green
		clockAt(at("2026-04-27T10:00:00+08:00"));
		Map<String, Object> period = row(all("head1", "kind=enforcement-case&person=officer1"), caseNo);
		assertThat(period).containsEntry("source", "TIMER").containsEntry("step", "调查与决定（立案之日起90日内）")
			.containsEntry("state", "GREEN").containsEntry("dueAt", "2026-06-01T15:59:59Z");
		assertThat(period.get("responsible").toString()).contains("李明");
		// 18 May: 10 working days left (more than the 3 of sla/board.yml), but only 16 % of the period → yellow
		clockAt(at("2026-05-18T10:00:00+08:00"));
		period = row(all("head1", "kind=enforcement-case"), caseNo);
		assertThat(period).containsEntry("state", "YELLOW").containsEntry("workdaysLeft", 10);
		// 2 Jun: red
		clockAt(at("2026-06-02T10:00:00+08:00"));
		assertThat(row(all("head1", "state=red"), caseNo)).containsEntry("source", "TIMER").containsEntry("workdaysLeft", -1);
	}

	/** Each request is refused naming its field. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/sla/deadlines?state=purple | state
			/api/sla/deadlines?size=0 | size
			/api/sla/deadlines?size=201 | size
			/api/sla/deadlines?page=-1 | page
			/api/sla/deadlines?kind=no-such-process | kind
			/api/sla/deadlines?page=x | page
			/api/sla/summary?kind=no-such-process | kind
			""")
	void badInputNamesTheField(String path, String field) {
		assertField(get("head1", path), field);
	}

	@Test
	void wholePeriodTimersComeFromTheModels() {
		// the 90-day decision period on the handling sub-process and the police's 3 days on a receive task;
		// breach timers on user tasks are the task's due date already
		assertThat(models.deadlineTimerIds()).contains("timerEvent_decisionBreach", "timerEvent_policeDecisionOverdue")
			.doesNotContain("timerEvent_seizureBreach", "timerEvent_filingBreach", "timerEvent_decisionWarningFirst");
	}

	private List<Map<String, Object>> all(String user, String query) {
		return allRows(user, "/api/sla/deadlines", query);
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String caseNo) {
		return rows.stream().filter(r -> caseNo.equals(r.get("caseNo"))).findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + caseNo + " in " + rows.size() + " rows"));
	}

	private static List<Object> caseNos(List<Map<String, Object>> rows) {
		return rows.stream().map(r -> r.get("caseNo")).toList();
	}
}

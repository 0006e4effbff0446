package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.platform.HistoryEndListener;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Closed deadlines keep their outcome (issue 17 §4): the filing deadline (审批立案, 15 working days)
 * of one case is met, of another breached across the National Day holiday by 2 working days (7 by
 * weekdays alone); a withdrawn case's open deadlines close as cancelled, and its 90-day period (a
 * deadline timer on the handling sub-process) closes with it. The compliance figures agree with the
 * rows, the Excel export reads back with POI, and only the user's agencies are shown.
 */
@ZhifaIntegrationTest
class SlaHistoryIT extends SlaApiSupport {

	private static final String PERIOD = "from=2026-09-09&to=2026-10-09";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SlaOutcomes outcomes;

	@Test
	@SuppressWarnings("unchecked")
	void metAndBreachedByWorkingDaysAcrossAHolidayWithComplianceExportAndScope() throws Exception {
		// met: discovered Wed 9 Sep 2026, filing due Wed 30 Sep (15 working days: 20 Sep is a working Sunday,
		// 25-27 Sep the Mid-Autumn holiday); decided on 29 Sep
		clockAt(at("2026-09-09T09:00:00+08:00"));
		String met = register("2026-09-09");
		clockAt(at("2026-09-29T16:00:00+08:00"));
		String metInstance = decideFiling(met);
		// breached: the same deadline, decided on Fri 9 Oct, after the National Day holiday (1-7 Oct):
		// late by 8 and 9 Oct = 2 working days
		clockAt(at("2026-09-09T09:30:00+08:00"));
		String late = register("2026-09-09");
		clockAt(at("2026-10-09T10:00:00+08:00"));
		decideFiling(late);

		List<Map<String, Object>> rows = all("head1", PERIOD + "&kind=enforcement-case");
		Map<String, Object> m = row(rows, met, "userTask_approveFiling");
		assertThat(m).containsEntry("outcome", "MET").containsEntry("outcomeLabel", "按期").containsEntry("breachedWorkdays", 0)
			.containsEntry("step", "审批立案").containsEntry("kindName", "行政处罚案件办理").containsEntry("closedBy", "COMPLETED")
			.containsEntry("closedByLabel", "办结").containsEntry("dueAt", "2026-09-30T15:59:59Z")
			.containsEntry("closedAt", "2026-09-29T08:00:00Z").containsEntry("responsible", "张伟")
			.containsEntry("agencyCode", "LIAOKUO");
		assertThat(m.get("agencyName").toString()).contains("寥廓");
		Map<String, Object> b = row(rows, late, "userTask_approveFiling");
		assertThat(b).containsEntry("outcome", "BREACHED").containsEntry("breachedWorkdays", 2)
			.containsEntry("outcomeLabel", "超期 2 个工作日").containsEntry("dueAt", "2026-09-30T15:59:59Z")
			.containsEntry("closedAt", "2026-10-09T02:00:00Z");
		assertThat(all("head1", PERIOD + "&outcome=breached").stream().map(r -> r.get("caseNo"))).contains(late)
			.doesNotContain(met);

		// withdrawn on 8 Oct: its open deadlines close as cancelled, the 90-day period (due in December) as met
		clockAt(at("2026-10-08T11:00:00+08:00"));
		engine.getRuntimeService().deleteProcessInstance(metInstance, "撤销立案");
		Map<String, Object> period = row(all("supervisor1", PERIOD), met, "subProcess_handling");
		assertThat(period).containsEntry("source", "TIMER").containsEntry("closedBy", "CANCELLED")
			.containsEntry("outcome", "MET").containsEntry("step", "调查与决定（立案之日起90日内）");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_outcome WHERE source_id LIKE ?", Long.class,
				"%/timerEvent_decisionBreach")).isPositive();
		// kept once: the same closing heard again (a retried command, another node) stores nothing twice
		var again = new HistoryEndListener.EndedTask("sla-history-it-" + late, null, "userTask_approveFiling", null,
				"LIAOKUO", null, "enforcement-case", metInstance, null, at("2026-10-09T10:00:00+08:00").toInstant(),
				at("2026-09-30T23:59:59+08:00").toInstant(), "completed");
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_outcome", Long.class);
		outcomes.taskEnded(again);
		outcomes.taskEnded(again);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_outcome", Long.class)).isEqualTo(before + 1);
		assertThat(jdbc.queryForObject("SELECT breached_workdays FROM zf_sla_outcome WHERE source_id = ?", Integer.class,
				"sla-history-it-" + late)).isEqualTo(2);
		jdbc.update("DELETE FROM zf_sla_outcome WHERE source_id = ?", "sla-history-it-" + late);
		// a step its own interrupting timer ends at the deadline (the hearing window) closes met; another step
		// ended after its deadline without being done closes breached, as cancelled
		String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("enforcement-case")
			.latestVersion().singleResult().getId();
		assertThat(closedBy(definition, metInstance, "userTask_recordPartyReply")).isEqualTo("TIMER/MET/0");
		assertThat(closedBy(definition, metInstance, "userTask_approveFiling")).isEqualTo("CANCELLED/BREACHED/1");

		// compliance over the period agrees with the rows
		List<Map<String, Object>> filing = all("head1", PERIOD + "&kind=enforcement-case&agency=LIAOKUO");
		long metRows = filing.stream().filter(r -> "MET".equals(r.get("outcome"))).count();
		List<Integer> breachedBy = filing.stream().filter(r -> "BREACHED".equals(r.get("outcome")))
			.map(r -> (Integer) r.get("breachedWorkdays")).toList();
		Map<String, Object> c = get("head1", "/api/sla/compliance?" + PERIOD + "&kind=enforcement-case").getBody();
		assertThat(c).containsEntry("from", "2026-09-09").containsEntry("to", "2026-10-09");
		Map<String, Object> total = (Map<String, Object>) c.get("total");
		assertThat(((Number) total.get("closed")).longValue()).isEqualTo(filing.size());
		assertThat(((Number) total.get("met")).longValue()).isEqualTo(metRows).isPositive();
		assertThat(((Number) total.get("breached")).longValue()).isEqualTo(breachedBy.size()).isPositive();
		assertThat(((Number) total.get("compliancePercent")).doubleValue())
			.isEqualTo(Math.round(1000.0 * metRows / filing.size()) / 10.0);
		assertThat(((Number) total.get("averageBreachWorkdays")).doubleValue())
			.isEqualTo(Math.round(10.0 * breachedBy.stream().mapToInt(Integer::intValue).sum() / breachedBy.size()) / 10.0);
		Map<String, Object> byKind = ((List<Map<String, Object>>) c.get("byKind")).get(0);
		assertThat(byKind).containsEntry("code", "enforcement-case").containsEntry("name", "行政处罚案件办理");
		Map<String, Object> liaokuo = ((List<Map<String, Object>>) c.get("byAgency")).stream()
			.filter(a -> "LIAOKUO".equals(a.get("code"))).findFirst().orElseThrow();
		assertThat(liaokuo.get("closed")).isEqualTo(total.get("closed"));

		// the export: rows and totals, with the agency and the period in the heading
		ResponseEntity<byte[]> xlsx = client("head1").exchange("/api/sla/history.xlsx?" + PERIOD + "&agency=LIAOKUO",
				HttpMethod.GET, null, byte[].class);
		assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(xlsx.getHeaders().getContentType().toString()).startsWith(SlaHistoryController.XLSX);
		assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment").contains(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			DataFormatter text = new DataFormatter();
			Sheet detail = book.getSheet("期限明细");
			assertThat(detail.getRow(1).getCell(0).getStringCellValue()).contains("寥廓").contains("2026-09-09 至 2026-10-09");
			assertThat(text.formatCellValue(detail.getRow(3).getCell(0))).isEqualTo("案号");
			Row lateRow = null;
			for (Row r : detail) {
				if (r.getRowNum() > 3 && late.equals(text.formatCellValue(r.getCell(0)))
						&& "审批立案".equals(text.formatCellValue(r.getCell(3)))) {
					lateRow = r;
				}
			}
			assertThat(lateRow).as("the breached row in the export").isNotNull();
			assertThat(text.formatCellValue(lateRow.getCell(8))).isEqualTo("超期 2 个工作日");
			assertThat(lateRow.getCell(9).getNumericCellValue()).isEqualTo(2.0);
			assertThat(text.formatCellValue(lateRow.getCell(6))).isEqualTo("2026-09-30 23:59");
			Sheet totals = book.getSheet("汇总");
			assertThat(totals.getRow(1).getCell(0).getStringCellValue()).contains("寥廓");
			boolean totalRow = false;
			for (Row r : totals) {
				if ("合计".equals(text.formatCellValue(r.getCell(0)))) {
					totalRow = true;
					assertThat(r.getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(3);
				}
			}
			assertThat(totalRow).isTrue();
		}

		// another agency's head sees nothing of LIAOKUO and may not ask; a supervisor sees every agency
		assertThat(all("head2", PERIOD).stream().map(r -> r.get("caseNo"))).doesNotContain(met, late);
		assertThat(all("head2", PERIOD).stream().map(r -> r.get("agencyCode"))).doesNotContain("LIAOKUO");
		assertThat(((List<Map<String, Object>>) get("head2", "/api/sla/compliance?" + PERIOD).getBody().get("byAgency"))
			.stream().map(a -> a.get("code"))).containsExactly("QLSCJ");
		for (String route : List.of("/api/sla/history?", "/api/sla/compliance?", "/api/sla/history.xlsx?")) {
			assertThat(client("head2").exchange(route + PERIOD + "&agency=LIAOKUO", HttpMethod.GET, null, String.class)
				.getStatusCode()).as(route).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(http.getForEntity(route + PERIOD, String.class).getStatusCode()).as(route)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(all("supervisor1", PERIOD).stream().map(r -> r.get("caseNo"))).contains(met, late);
		assertThat(((List<Map<String, Object>>) get("supervisor1", "/api/sla/compliance?" + PERIOD).getBody().get("byAgency"))
			.stream().map(a -> a.get("code"))).contains("LIAOKUO", "QLSCJ");
		// read-only
		assertThat(client("head1").exchange("/api/sla/history", HttpMethod.POST, new HttpEntity<>(Map.of()), String.class)
			.getStatusCode().is4xxClientError()).isTrue();
	}

	@Test
	void aDeadlineTimerThatFiredClosesBreachedWhenItsStepEnds() {
		// filed 2 Mar 2026: the decision is due 1 Jun; the breach timer fires, the case is withdrawn on Wed 3 Jun
		clockAt(at("2026-03-02T09:00:00+08:00"));
		String caseNo = register("2026-03-02");
		String pi = decideFiling(caseNo);
		clockAt(at("2026-06-02T10:00:00+08:00"));
		assertThat(executeDueJobs(pi)).isPositive();
		clockAt(at("2026-06-03T10:00:00+08:00"));
		engine.getRuntimeService().deleteProcessInstance(pi, "撤销立案");
		Map<String, Object> period = row(all("head1", "from=2026-06-03&to=2026-06-03"), caseNo, "subProcess_handling");
		assertThat(period).containsEntry("outcome", "BREACHED").containsEntry("dueAt", "2026-06-01T15:59:59Z")
			.containsEntry("breachedWorkdays", 2).containsEntry("closedBy", "CANCELLED");
	}

	/** Each request is refused naming its field. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/sla/history?from=2026-13-01 | from
			/api/sla/history?to=yesterday | to
			/api/sla/history?from=2026-10-01&to=2026-09-01 | from
			/api/sla/compliance?from=2020-01-01&to=2026-01-02 | to
			/api/sla/history?agency=NO-SUCH-AGENCY | agency
			/api/sla/compliance?kind=no-such-process | kind
			/api/sla/history?outcome=late | outcome
			/api/sla/history?size=0 | size
			/api/sla/history?page=-1 | page
			/api/sla/history.xlsx?from=1999-12-31 | from
			""")
	void badInputNamesTheField(String path, String field) {
		assertField(get("head1", path), field);
	}

	/** Hears a synthetic deletion of step {@code step} 1 working day after its due day; "closedBy/outcome/late". */
	private String closedBy(String definition, String processInstance, String step) {
		var deleted = new HistoryEndListener.EndedTask("sla-history-it-" + step + "-" + processInstance, null, step, null,
				"LIAOKUO", definition, "enforcement-case", processInstance, null,
				at("2026-10-09T00:00:05+08:00").toInstant(), at("2026-10-08T23:59:59+08:00").toInstant(), "deleted");
		outcomes.taskEnded(deleted);
		String result = jdbc.queryForObject("SELECT closed_by || '/' || outcome || '/' || breached_workdays FROM zf_sla_outcome"
				+ " WHERE source_id = ?", String.class, deleted.taskId());
		jdbc.update("DELETE FROM zf_sla_outcome WHERE source_id = ?", deleted.taskId());
		return result;
	}

	private List<Map<String, Object>> all(String user, String query) {
		return allRows(user, "/api/sla/history", query);
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String caseNo, String stepId) {
		return rows.stream().filter(r -> caseNo.equals(r.get("caseNo")) && stepId.equals(r.get("stepId"))).findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + caseNo + " " + stepId + " in " + rows));
	}
}

package cn.zhifa.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Annual statistics over HTTP (R-DISC-7): staff read their own agency's report, supervisors (司法局) every agency's side
 * by side and as one workbook; another agency's is 403; the sign-off is the agency's own (another agency's user and a
 * supervisor cannot submit it, nor can anyone set the system's figures through a form); the portal shows a report only
 * once published, with its charts as inline SVG and no script; bad input is 400 naming the field in Chinese. And the
 * figures count what the agency's data hold.
 */
@ZhifaIntegrationTest
class AnnualStatisticsIT extends RestTestSupport {

	static final int YEAR = 2021;

	@Autowired
	AnnualStatisticsService service;
	@Autowired
	AnnualFigures figures;
	@Autowired
	ProcessEngine engine;
	@Autowired
	DataSource dataSource;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void ownAgencyOnlySupervisorsAllPortalOnlyPublished() throws Exception {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2022-01-05T09:00:00+08:00").toInstant()));
		String liaokuo = service.startFor("LIAOKUO", YEAR).orElseThrow();
		String qlscj = service.startFor("QLSCJ", YEAR).orElseThrow();
		try {
			assertThat(status("/api/annual-statistics?year=" + YEAR, null)).isEqualTo(401);
			assertThat(agencies(get("/api/annual-statistics?year=" + YEAR, "officer1"))).containsExactly("LIAOKUO");
			assertThat(agencies(get("/api/annual-statistics?year=" + YEAR, "officer4"))).containsExactly("QLSCJ");
			HttpResponse<String> all = get("/api/annual-statistics?year=" + YEAR, "supervisor1");
			assertThat(agencies(all)).containsExactly("LIAOKUO", "QLSCJ");
			JsonNode body = json.readTree(all.body());
			assertThat(body.path("categories").get(0).path("title").asText()).startsWith("行政处罚");
			assertThat(body.path("reports").get(0).path("figures").has("penalty.decisions")).isTrue();
			assertThat(body.path("reports").get(0).path("statusLabel").asText()).isEqualTo("核对签署中");

			// bad input: 400 naming the field, in Chinese
			assertProblem(get("/api/annual-statistics?year=abc", "officer1"), 400, "year");
			assertProblem(get("/api/annual-statistics?year=1999", "officer1"), 400, "year");
			assertProblem(get("/api/annual-statistics?year=" + YEAR + "&agency=NOWHERE", "officer1"), 400, "agency");
			assertProblem(get("/api/annual-statistics/LIAOKUO/20x1.xlsx", "officer1"), 400, "year");
			// another agency's: 403
			assertProblem(get("/api/annual-statistics?year=" + YEAR + "&agency=QLSCJ", "officer1"), 403, null);
			assertProblem(get("/api/annual-statistics/QLSCJ/" + YEAR + ".xlsx", "officer1"), 403, null);
			assertProblem(get("/api/annual-statistics/LIAOKUO/2001.xlsx", "officer1"), 404, "year");

			// the sign-off is the agency's: not another agency's user, not a supervisor; the figures are not a form's
			String office = taskOf(liaokuo, "office1");
			assertThat(submit(office, Map.of("annualStatisticsOutcome", "APPROVE"), "officer4")).isIn(403, 404);
			assertThat(submit(office, Map.of("annualStatisticsOutcome", "APPROVE"), "supervisor1")).isEqualTo(403);
			assertThat(submit(office, Map.of("annualStatisticsOutcome", "APPROVE", "annualStatisticsSummary", "伪造"), "office1"))
				.isEqualTo(403);
			assertProblem(post("/engine-rest/task/" + office + "/submit-form",
					Map.of("variables", Map.of("annualStatisticsOutcome", Map.of("value", "RETURN"))), "office1"), 400,
					"annualStatisticsOpinion");
			assertThat(submit(office, Map.of("annualStatisticsOutcome", "APPROVE"), "office1")).isEqualTo(204);
			assertThat(submit(taskOf(liaokuo, "reviewer1"), Map.of("annualStatisticsOutcome", "APPROVE"), "reviewer1")).isEqualTo(204);

			// the portal: not before publication
			assertThat(status("/public/annual-statistics/LIAOKUO/" + YEAR, null)).isEqualTo(404);
			assertThat(get("/public/annual-statistics?year=" + YEAR, null).body()).doesNotContain("寥廓街道综合行政执法队");
			assertThat(submit(taskOf(liaokuo, "office1"), Map.of("annualStatisticsPublishConfirmed", true), "office1")).isEqualTo(204);
			HttpResponse<String> page = get("/public/annual-statistics/LIAOKUO/" + YEAR, null);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("寥廓街道综合行政执法队", YEAR + "年1月1日至" + YEAR + "年12月31日", "<svg", "<rect", "行政处罚",
					"本系统尚无行政收费数据").doesNotContain("<script");
			assertThat(get("/public/annual-statistics?year=" + YEAR, null).body()).contains("寥廓街道综合行政执法队")
				.doesNotContain("某区市场监督管理局");
			assertThat(status("/public/annual-statistics/QLSCJ/" + YEAR, null)).isEqualTo(404);
			assertThat(status("/public/annual-statistics/LIAOKUO/abcd", null)).isEqualTo(400);
			assertThat(json.readTree(get("/api/annual-statistics?year=" + YEAR, "supervisor1").body()).path("reports").get(0)
				.path("portal").asText()).isEqualTo("/public/annual-statistics/LIAOKUO/" + YEAR);

			// one workbook of every agency for the bureau; the agency's own for the agency
			HttpResponse<byte[]> book = bytes("/api/annual-statistics.xlsx?year=" + YEAR, "supervisor1");
			assertThat(book.statusCode()).isEqualTo(200);
			assertThat(book.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("spreadsheetml"));
			try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book.body()))) {
				XSSFSheet s = wb.getSheet("行政处罚");
				DataFormatter f = new DataFormatter();
				assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains("全部执法主体", YEAR + "年1月1日至" + YEAR + "年12月31日");
				assertThat(f.formatCellValue(s.getRow(4).getCell(1))).isEqualTo("寥廓街道综合行政执法队");
				assertThat(f.formatCellValue(s.getRow(4).getCell(2))).isEqualTo("已向社会公开");
				assertThat(f.formatCellValue(s.getRow(5).getCell(1))).isEqualTo("某区市场监督管理局");
				assertThat(f.formatCellValue(s.getRow(6).getCell(0))).isEqualTo("合计");
			}
			HttpResponse<byte[]> own = bytes("/api/annual-statistics.xlsx?year=" + YEAR, "officer1");
			try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
				XSSFSheet s = wb.getSheet("行政强制");
				assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains("寥廓街道综合行政执法队");
				assertThat(s.getRow(5).getCell(0).getStringCellValue()).isEqualTo("合计");
			}
			assertThat(bytes("/api/annual-statistics/LIAOKUO/" + YEAR + ".xlsx", "office1").statusCode()).isEqualTo(200);
		}
		finally {
			if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(qlscj).count() > 0) {
				engine.getRuntimeService().deleteProcessInstance(qlscj, "test");
			}
			if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(liaokuo).count() > 0) {
				engine.getRuntimeService().deleteProcessInstance(liaokuo, "test");
			}
		}
	}

	/** The figures of a year count the agency's decided cases (with their decisions' variables), steps and records. */
	@Test
	void theFiguresCountTheAgencysData() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		int year = 2019;
		Timestamp decided = Timestamp.from(Instant.parse("2019-06-01T02:00:00Z"));
		// (kind, summary, fine, confiscation, revokes licence)
		Object[][] cases = { { "PENALTY", true, 100.0, 0.0, false }, { "PENALTY", false, 5_000.0, 0.0, false },
				{ "PENALTY", false, 50_000.0, 2_000.0, true }, { "PENALTY", false, 200_000.0, 0.0, false },
				{ "PENALTY", false, 0.0, 0.0, false }, { "NO_PENALTY", false, 0.0, 0.0, false } };
		for (int i = 0; i < cases.length; i++) {
			String caseNo = "统计测试罚〔2019〕" + (i + 1) + "号";
			String pi = "stats-it-pi-" + i;
			jdbc.update("""
					INSERT INTO zf_case (case_no, agency_code, process_instance_id, source, summary_procedure, party_type, party_name,
					  party_id_number, violation_code, facts, discovered_on, stage, registered_at, decided_at)
					VALUES (?, 'QLSCJ', ?, 'PATROL', ?, 'PERSON', '张三', '530300199001011234', 'X', '事实', DATE '2019-05-01', 'CLOSED', ?, ?)""",
					caseNo, pi, cases[i][1], decided, decided);
			variable(jdbc, pi, i, "decisionKind", "string", cases[i][0], null, null);
			variable(jdbc, pi, i, "fineAmount", "double", null, null, cases[i][2]);
			variable(jdbc, pi, i, "confiscationValue", "double", null, null, cases[i][3]);
			variable(jdbc, pi, i, "revokesLicence", "boolean", null, (Boolean) cases[i][4] ? 1L : 0L, null);
		}
		// a case decided in another year does not count
		jdbc.update("""
				INSERT INTO zf_case (case_no, agency_code, source, summary_procedure, party_type, party_name, party_id_number,
				  violation_code, facts, discovered_on, stage, registered_at, decided_at)
				VALUES ('统计测试罚〔2020〕1号', 'QLSCJ', 'PATROL', FALSE, 'PERSON', '李四', '530300199001011235', 'X', '事实',
				  DATE '2020-05-01', 'CLOSED', ?, ?)""", Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")),
				Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
		// a seizure carried out in the year (the engine's history)
		jdbc.update("""
				INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_,
				  START_TIME_, END_TIME_, TENANT_ID_) VALUES ('stats-it-act-1', 'enforcement-case', 'x', 'stats-it-pi-2', 'x',
				  'serviceTask_startSeizure', 'serviceTask', ?, ?, 'QLSCJ')""", decided, decided);

		// random inspections (R-DISC-7 行政检查): two concluded in the year, one finding a violation and published; one the next year
		jdbc.update("""
				INSERT INTO zf_inspection_plan (plan_no, agency_code, plan_name, item_code, item_name, status, started_by,
				  started_at, draw_seed, target_count, target_population, target_hash, officer_population, officer_hash,
				  exclusions, drawn) VALUES ('统计测试抽查〔2019〕1号', 'QLSCJ', '食品经营抽查', 'X', '食品经营', 'DONE', 'officer4',
				  ?, 1, 3, 'a', 'h', 'o', 'h', '', '')""", decided);
		Object[][] inspections = { { "VIOLATION", "2019-06-03T02:00:00Z", true }, { "NO_PROBLEM", "2019-12-31T15:59:59Z", false },
				{ "NO_PROBLEM", "2019-12-31T16:00:00Z", true } };
		for (int i = 0; i < inspections.length; i++) {
			Timestamp concluded = Timestamp.from(Instant.parse((String) inspections[i][1]));
			jdbc.update("""
					INSERT INTO zf_inspection (inspection_no, plan_no, draw_order, agency_code, target_code, target_name, inspector1,
					  inspector2, status, result, concluded_at, published_at) VALUES (?, '统计测试抽查〔2019〕1号', ?, 'QLSCJ', ?, '对象',
					  'officer4', 'officer5', 'PUBLISHED', ?, ?, ?)""", "统计测试抽查〔2019〕1号-" + (i + 1), i + 1, "T" + i,
					inspections[i][0], concluded, (Boolean) inspections[i][2] ? concluded : null);
		}

		Map<String, Number> f = figures.compute("QLSCJ", year);
		assertThat(f.get("inspection.items")).as("concluded in 2019, Beijing time").isEqualTo(2L);
		assertThat(f.get("inspection.violations")).isEqualTo(1L);
		assertThat(f.get("inspection.published")).isEqualTo(1L);
		assertThat(f.get("penalty.decisions")).isEqualTo(5L);
		assertThat(f.get("penalty.noPenalty")).isEqualTo(1L);
		assertThat(f.get("penalty.summary")).isEqualTo(1L);
		assertThat(f.get("penalty.ordinary")).isEqualTo(4L);
		assertThat(f.get("penalty.fine")).isEqualTo(4L);
		assertThat(f.get("penalty.fineAmount").doubleValue()).isEqualTo(255_100.0);
		assertThat(List.of(f.get("penalty.fineBand1"), f.get("penalty.fineBand2"), f.get("penalty.fineBand3"), f.get("penalty.fineBand4")))
			.containsExactly(1L, 1L, 1L, 1L);
		assertThat(f.get("penalty.confiscation")).isEqualTo(1L);
		assertThat(f.get("penalty.licence")).isEqualTo(1L);
		assertThat(f.get("penalty.warning")).isEqualTo(1L);
		assertThat(f.get("coercion.seizure")).isEqualTo(1L);
		assertThat(f.get("fees.items")).isEqualTo(0L);
		assertThat(f.get("review.onTimePercent")).isNull();
		assertThat(figures.compute("LIAOKUO", year).get("penalty.decisions")).isEqualTo(0L);
	}

	private static void variable(JdbcTemplate jdbc, String pi, int i, String name, String type, Object text, Long longValue,
			Object doubleValue) {
		jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, TEXT_, LONG_, DOUBLE_, REV_) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", "stats-it-" + i + "-" + name, pi, pi, name, type, text, longValue, doubleValue);
	}

	// --- helpers ---

	private List<String> agencies(HttpResponse<String> r) throws Exception {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		json.readTree(r.body()).path("reports").forEach(n -> codes.add(n.path("agencyCode").asText()));
		return codes;
	}

	@Override
	protected String taskOf(String processInstanceId, String user) throws Exception {
		HttpResponse<String> r = get("/engine-rest/task?processInstanceId=" + processInstanceId, user);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode list = json.readTree(r.body());
		assertThat(list.size()).as(r.body()).isEqualTo(1);
		return list.get(0).path("id").asText();
	}

	private int submit(String task, Map<String, Object> values, String user) throws Exception {
		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
		HttpResponse<String> r = post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", variables), user);
		return r.statusCode();
	}

	private int status(String path, String user) throws Exception {
		return get(path, user).statusCode();
	}

	private HttpResponse<byte[]> bytes(String path, String user) throws Exception {
		return http.send(authed(HttpRequest.newBuilder(uri(path)).GET(), user).build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}

package cn.zhifa.ledger;

import static cn.zhifa.support.Fixtures.MULTIPART;
import static cn.zhifa.support.Fixtures.avMetadata;
import static cn.zhifa.support.Fixtures.legalReviewAllChecksPassed;
import static cn.zhifa.support.Fixtures.legalReviewStart;
import static cn.zhifa.support.Fixtures.multipart;
import static cn.zhifa.support.Fixtures.validCase;
import static cn.zhifa.support.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.disclosure.DisclosureScenario;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The ledgers (issue 19 §2) over REST on real data: a LIAOKUO case registered through the API with its
 * evidence, a recording, an interference report and a supervisor's retrieval; a legal review decided by
 * the reviewer; a criminal transfer approved and handed over; a published disclosure; and a QLSCJ case.
 * Each ledger is downloaded and read back with POI: its title, Chinese headers and labels (no internal
 * code), its rows, and only the agencies the user may see. Downloading as a supervisor needs a purpose
 * and is itself recorded as a retrieval. Bad input is a problem naming the field.
 */
@ZhifaIntegrationTest
class LedgerIT extends EngineTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Test
	void eachLedgerHoldsTheAgencysDataWithChineseLabelsOnly() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		// a LIAOKUO case with evidence, a recording and an interference report
		Map<String, Object> c = validCase();
		c.put("partyName", "台账甲" + tag);
		String caseNo = created(post("officer1", "/api/cases", c)).path("caseNo").asText();
		created(post("officer1", "/api/cases/" + caseNo + "/evidence", Map.of("kind", "现场笔录", "description",
				"台账现场检查笔录" + tag, "obtainedAt", "2026-11-20T10:00:00+08:00", "obtainedBy", "李明、王芳", "fileRefs", "照片1",
				"confirmation", "签名确认")));
		HttpHeaders multipart = new HttpHeaders();
		multipart.setContentType(MediaType.parseMediaType(MULTIPART));
		Map<String, String> metadata = avMetadata();
		metadata.put("step", "userTask_investigate");
		ResponseEntity<String> av = client("officer1").exchange("/api/records/" + caseNo + "/evidence", HttpMethod.POST,
				new HttpEntity<>(multipart("台账录像" + tag + ".mp4", "video/mp4", metadata), multipart), String.class);
		assertThat(av.getStatusCode()).as(av.getBody()).isEqualTo(HttpStatus.CREATED);
		created(post("officer1", "/api/records/" + caseNo + "/interference", Map.of("intervener", "干预人" + tag,
				"intervenerUnit", "某局", "occurredAt", "2026-11-20T02:00:00Z", "description", "电话要求从轻处理" + tag)));
		// a supervisor reads the case's record (a retrieval)
		assertThat(client("supervisor1").getForEntity("/api/records/" + caseNo + "?purpose=台账抽查" + tag, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		// a QLSCJ case
		Map<String, Object> q = validCase();
		q.put("agencyCode", "QLSCJ");
		q.put("violationCode", "MR-PRICE-TAG");
		q.put("partyName", "台账乙" + tag);
		String qlscjCase = created(post("officer4", "/api/cases", q)).path("caseNo").asText();

		String reviewCase = "寥街罚〔2026〕L" + tag + "号";
		decidedLegalReview(reviewCase);
		String transferCase = "寥街罚〔2026〕T" + tag + "号";
		criminalTransferHandedOver(transferCase, "涉嫌犯罪线索" + tag);
		DisclosureScenario disclosure = new DisclosureScenario(engine);
		String disclosureCase = "寥街罚〔2026〕D" + tag + "号";
		ProcessInstance pi = disclosure.start(disclosure.decision(disclosureCase, "寥街罚决〔2026〕D" + tag + "号", ""));
		String itemNo = disclosure.publish(pi);

		LocalDate today = WorkingDayCalendar.dayOf(ClockUtil.getCurrentTime().toInstant());
		String period = "from=" + today.minusDays(7) + "&to=" + today;

		// the list of ledgers
		List<Map<String, Object>> list = client("officer1").exchange("/api/ledgers", HttpMethod.GET, null, LIST).getBody();
		assertThat(list).extracting(l -> l.get("key")).containsExactly("cases", "reviews", "transfers", "disclosures",
				"evidence", "retrievals", "interference", "complaints", "supervision-notices");
		assertThat(list).extracting(l -> l.get("name").toString()).allMatch(n -> n.endsWith("台账"));

		// cases: the LIAOKUO case with its labels, not the QLSCJ one
		Workbook cases = download("head1", "cases", period);
		assertThat(cases.sheet(0).title()).isEqualTo("行政执法案件台账");
		assertThat(cases.sheet(0).heading()).contains("寥廓", today.getYear() + "年");
		assertThat(cases.sheet(0).headers()).contains("序号", "案号", "案件来源", "当事人", "违法行为", "办理阶段", "登记时间");
		List<String> row = cases.sheet(0).row(caseNo);
		assertThat(row).contains("巡查发现", "自然人", "台账甲" + tag, "占道经营（城市管理）", "普通程序");
		assertThat(cases.sheet(0).column(row, "办理阶段")).isNotBlank().doesNotMatch("[A-Z_]+");
		assertThat(cases.sheet(0).column(row, "证据（件）")).isEqualTo("1");
		assertThat(cases.sheet(0).column(row, "登记时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(cases.sheet(0).totals().get(1)).startsWith("共 ");
		assertThat(cases.text()).doesNotContain(qlscjCase, "台账乙" + tag, "PATROL", "PERSON", "CM-OCCUPY-ROAD", "REGISTERED",
				"LIAOKUO");
		// another agency: its own rows only, and not LIAOKUO's even when asked
		assertThat(download("officer4", "cases", period).text()).contains(qlscjCase).doesNotContain(caseNo);
		assertProblem(get("officer4", "/api/ledgers/cases.xlsx?agency=LIAOKUO&" + period), HttpStatus.FORBIDDEN, null);
		assertProblem(get("head1", "/api/ledgers/cases.xlsx?agency=QLSCJ&" + period), HttpStatus.FORBIDDEN, null);

		// legal reviews: the round decided on time
		Workbook reviews = download("reviewer1", "reviews", period);
		List<String> review = reviews.sheet(0).row(reviewCase);
		assertThat(reviews.sheet(0).column(review, "决定类别")).isEqualTo("行政处罚");
		assertThat(reviews.sheet(0).column(review, "审核结论")).isEqualTo("审核通过");
		assertThat(reviews.sheet(0).column(review, "审核期限")).isEqualTo("按期");
		assertThat(reviews.sheet(0).column(review, "审核轮次")).isEqualTo("1");
		List<String> round = reviews.sheet(1).row(reviewCase);
		assertThat(reviews.sheet(1).column(round, "审核意见")).isEqualTo("同意");
		assertThat(reviews.sheet(1).column(round, "是否按期")).isEqualTo("按期");
		assertThat(reviews.sheet(1).column(round, "审核人员")).isNotBlank().isNotEqualTo("reviewer1");
		assertThat(reviews.text()).doesNotContain("PASSED", "APPROVED", "CONCLUDED", "PENALTY");

		// transfers with their clocks
		Workbook transfers = download("head1", "transfers", period);
		List<String> transfer = transfers.sheet(0).row(transferCase);
		assertThat(transfers.sheet(0).column(transfer, "移送类别")).isEqualTo("涉嫌犯罪案件移送");
		assertThat(transfers.sheet(0).column(transfer, "办理状态")).isEqualTo("待公安机关立案决定");
		assertThat(transfers.sheet(0).column(transfer, "接收机关")).isEqualTo("曲靖市公安局麒麟分局");
		assertThat(transfers.sheet(0).column(transfer, "是否按期移送")).isEqualTo("按期");
		assertThat(transfers.sheet(0).column(transfer, "当前期限")).isNotBlank();
		assertThat(transfers.sheet(1).rows(transferCase)).extracting(r -> transfers.sheet(1).column(r, "办理节点"))
			.contains("承办人报告涉嫌犯罪", "负责人批准移送", "移送公安机关");
		assertThat(transfers.sheet(1).rows(transferCase)).extracting(r -> transfers.sheet(1).column(r, "是否按期"))
			.contains("按期");
		assertThat(transfers.text()).doesNotContain("CRIMINAL", "AWAITING_POLICE", "HEAD_APPROVE", "HANDED_OVER");

		// disclosures
		Workbook disclosures = download("head1", "disclosures", period);
		List<String> item = disclosures.sheet(0).row(itemNo);
		assertThat(disclosures.sheet(0).column(item, "公示状态")).isEqualTo("公示中");
		assertThat(disclosures.sheet(0).column(item, "是否按期公示")).isEqualTo("按期");
		assertThat(disclosures.sheet(0).column(item, "案号")).isEqualTo(disclosureCase);
		assertThat(disclosures.sheet(0).column(item, "决定类别")).isEqualTo("行政处罚");
		assertThat(disclosures.text()).doesNotContain(DisclosureScenario.PERSON_ID, "PUBLISHED");

		// evidence and recordings
		Workbook evidence = download("officer1", "evidence", period);
		List<List<String>> items = evidence.sheet(0).rows(caseNo);
		assertThat(items).extracting(r -> evidence.sheet(0).column(r, "类别")).containsExactlyInAnyOrder("证据材料", "音像记录");
		List<String> recording = items.stream().filter(r -> r.contains("音像记录")).findFirst().orElseThrow();
		assertThat(evidence.sheet(0).column(recording, "证据种类")).isEqualTo("视频");
		assertThat(evidence.sheet(0).column(recording, "告知当事人")).isEqualTo("是");
		assertThat(evidence.sheet(0).column(recording, "中断情况")).isEqualTo("2026-11-20 09:10 更换电池");
		assertThat(evidence.sheet(0).column(recording, "取证（记录）人员")).contains("、").doesNotContain("officer");
		assertThat(evidence.sheet(0).column(recording, "执法环节")).isEqualTo("调查取证");
		assertThat(evidence.text()).contains("台账现场检查笔录" + tag);
		List<String> registered = items.stream().filter(r -> r.contains("证据材料")).findFirst().orElseThrow();
		assertThat(evidence.sheet(0).column(registered, "当事人证据确认")).isEqualTo("签名确认");

		// interference
		Workbook interference = download("head1", "interference", period);
		List<String> report = interference.sheet(0).row(caseNo);
		assertThat(report).contains("干预人" + tag, "某局", "电话要求从轻处理" + tag, "2026-11-20 10:00");
		assertThat(download("officer4", "interference", period).text()).doesNotContain(caseNo);

		// a supervisor: every agency, with a purpose only, and the download is itself a retrieval
		assertProblem(get("supervisor1", "/api/ledgers/cases.xlsx?" + period), HttpStatus.BAD_REQUEST, "purpose");
		Workbook all = download("supervisor1", "cases", period + "&purpose=年度执法监督检查" + tag);
		assertThat(all.text()).contains(caseNo, qlscjCase);
		assertThat(all.sheet(0).heading()).contains("全部执法主体");
		Workbook retrievals = download("head1", "retrievals", period);
		assertThat(retrievals.sheet(0).headers()).contains("调阅时间", "调阅人", "调阅目的", "调阅内容");
		List<String> recordRead = retrievals.sheet(0).row("台账抽查" + tag);
		assertThat(recordRead).contains(caseNo, "执法监督人员", "执法记录", "系统接口");
		List<String> ledgerRead = retrievals.sheet(0).row("年度执法监督检查" + tag);
		assertThat(ledgerRead).contains("（执法台账）", "执法监督人员");
		assertThat(retrievals.sheet(0).column(ledgerRead, "调阅内容")).startsWith("执法台账：行政执法案件台账");
		assertThat(download("officer4", "retrievals", period).text()).contains("年度执法监督检查" + tag)
			.doesNotContain("台账抽查" + tag);
	}

	/** The refusals of bad parameters, other agencies and anonymous callers: LedgerControllerTest (web slice). */
	@Test
	void anEmptyLedgerSaysSoAndStillHasItsTotalsRow() throws Exception {
		// five years exactly is allowed; an empty ledger says so and still has its totals row
		Workbook empty = download("head1", "interference", "from=2001-01-01&to=2006-01-01");
		assertThat(empty.text()).contains("该期间没有干预执法活动的记录。", "共 0 条");
	}

	/** Issue 18 §1: the register of complaints and how each was handled, in the agency's ledger only. */
	@Test
	void theComplaintsLedgerListsEachComplaintAndItsHandling() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		cn.zhifa.complaint.ComplaintService.Receipt r = complaints.submit(new cn.zhifa.complaint.ComplaintInput("CITY_MANAGEMENT",
				null, "人民路" + tag + "号", "门前长期占道堆放杂物" + tag + "，行人无法通过。", null, null), "PORTAL", null, null);
		String pid = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(r.receiptNo())
			.singleResult().getId();
		completeTask("officer1", pid, Map.of("complaintAcceptance", value("ACCEPTED")));
		completeTask("officer1", pid, Map.of("complaintReply", value("已责令清除杂物" + tag), "openCase", value(false)));

		LocalDate today = WorkingDayCalendar.dayOf(ClockUtil.getCurrentTime().toInstant());
		Workbook ledger = download("head1", "complaints", "from=" + today.minusDays(7) + "&to=" + today);
		assertThat(ledger.sheet(0).title()).isEqualTo("投诉举报登记办理台账");
		assertThat(ledger.sheet(0).headers()).contains("投诉举报编号", "事项类别", "承办机关", "办理状态", "承诺答复期限", "是否按期答复",
				"答复内容");
		List<String> row = ledger.sheet(0).row(r.receiptNo());
		assertThat(row).contains("网上投诉举报", "市容环境和城市管理（占道经营、乱倒垃圾等）", "匿名", "寥廓街道综合行政执法队", "已办结并答复",
				"按期", "已责令清除杂物" + tag);
		assertThat(ledger.sheet(0).column(row, "承办人")).isNotBlank().isNotEqualTo("officer1");
		assertThat(ledger.text()).doesNotContain("CITY_MANAGEMENT", "REPLIED", "PORTAL", "LIAOKUO");
		assertThat(download("officer4", "complaints", "from=" + today.minusDays(7) + "&to=" + today).text())
			.doesNotContain(r.receiptNo());
	}

	@Autowired
	cn.zhifa.complaint.ComplaintService complaints;

	/** Issue 18 §3: the bureau's supervision notices to the agency and their rectification, in that agency's ledger only. */
	@Test
	void theSupervisionNoticesLedgerListsEachNoticeAndItsRectification() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("supervisedAgency", value("LIAOKUO"));
		form.put("supervisionSource", value("OTHER"));
		form.put("supervisionProblem", value("专项检查发现案卷归档不及时" + tag + "。"));
		form.put("rectificationRequirement", value("十五个工作日内完成归档并报送整改报告。"));
		ResponseEntity<Map<String, Object>> started = client("supervisor1").exchange(
				"/engine-rest/process-definition/key/supervision-notice/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", form)), MAP);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();
		String noticeNo = started.getBody().get("businessKey").toString();
		completeTask("head1", pid, Map.of("rectificationReport", value("已完成归档" + tag)));

		LocalDate today = WorkingDayCalendar.dayOf(ClockUtil.getCurrentTime().toInstant());
		String period = "from=" + today.minusDays(7) + "&to=" + today;
		Workbook ledger = download("head1", "supervision-notices", period);
		assertThat(ledger.sheet(0).title()).isEqualTo("行政执法监督通知书台账");
		assertThat(ledger.sheet(0).headers()).contains("通知书编号", "来源", "发现的问题", "整改要求", "整改期限届满", "办理状态",
				"是否按期报送", "整改报告", "审查意见");
		List<String> row = ledger.sheet(0).row(noticeNo);
		assertThat(row).contains("寥廓街道综合行政执法队", "日常监督、专项监督等其他来源", "已报送整改报告，待审查", "按期",
				"已完成归档" + tag);
		assertThat(ledger.sheet(0).column(row, "制发人")).isNotBlank().isNotEqualTo("supervisor1");
		assertThat(ledger.text()).doesNotContain("REPORTED", "OTHER", "LIAOKUO");
		// the supervisors read it for every agency; another agency does not see it
		assertThat(download("supervisor1", "supervision-notices", "agency=LIAOKUO&purpose=监督通知书办理情况检查&" + period).text()).contains(noticeNo);
		assertThat(download("officer4", "supervision-notices", period).text()).doesNotContain(noticeNo);
	}

	// --- data through the API and the engine ---

	private void decidedLegalReview(String caseId) throws Exception {
		ResponseEntity<Map<String, Object>> started = client("officer1").exchange(
				"/engine-rest/process-definition/key/legal-review/start", HttpMethod.POST, new HttpEntity<>(legalReviewStart(caseId)),
				MAP);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();
		completeTask("reviewer1", pid, Map.of("materialsComplete", value(true)));
		String review = task("reviewer1", pid);
		assertThat(client("reviewer1").postForEntity("/engine-rest/task/" + review + "/claim", Map.of("userId", "reviewer1"),
				String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> decision = legalReviewAllChecksPassed();
		decision.put("reviewOutcome", value("APPROVED"));
		completeTask("reviewer1", pid, decision);
	}

	private void criminalTransferHandedOver(String caseId, String suspicion) throws Exception {
		ResponseEntity<Map<String, Object>> started = client("officer1").exchange(
				"/engine-rest/process-definition/key/criminal-transfer/start", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", Map.of("caseId", value(caseId), "partyName", value("移送甲"),
						"crimeSuspicion", value(suspicion)))), MAP);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();
		completeTask("head1", pid, Map.of("headDecision", value("APPROVE"), "policeOrgan", value("曲靖市公安局麒麟分局")));
		completeTask("officer1", pid, Map.of("copiedToProcuratorate", value(true), "copiedToJusticeBureau", value(true),
				"reportedToSuperior", value(true)));
	}

	private String task(String user, String pid) {
		List<Map<String, Object>> tasks = client(user).exchange("/engine-rest/task?processInstanceId=" + pid, HttpMethod.GET, null,
				LIST).getBody();
		assertThat(tasks).as("%s's tasks of %s", user, pid).hasSize(1);
		return tasks.get(0).get("id").toString();
	}

	private void completeTask(String user, String pid, Map<String, Object> variables) {
		ResponseEntity<String> done = client(user).postForEntity("/engine-rest/task/" + task(user, pid) + "/submit-form",
				Map.of("variables", variables), String.class);
		assertThat(done.getStatusCode()).as("%s: %s", user, done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	// --- HTTP ---

	private TestRestTemplate client(String user) {
		return http.withBasicAuth(user, "demo");
	}

	private ResponseEntity<String> post(String user, String path, Object body) {
		return client(user).postForEntity(path, body, String.class);
	}

	private static JsonNode created(ResponseEntity<String> response) throws Exception {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(response.getBody());
	}

	private ResponseEntity<String> get(String user, String path) {
		return client(user).getForEntity(path, String.class);
	}

	private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) throws Exception {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.getBody());
		assertThat(problem.path("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
		if (field != null) {
			assertThat(problem.path("field").asText()).isEqualTo(field);
			assertThat(problem.path("detail").asText()).contains(field);
		}
	}

	private Workbook download(String user, String ledger, String query) throws Exception {
		ResponseEntity<byte[]> response = client(user).getForEntity("/api/ledgers/" + ledger + ".xlsx?" + query, byte[].class);
		assertThat(response.getStatusCode()).as(() -> new String(response.getBody() == null ? new byte[0] : response.getBody(),
				java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().toString()).startsWith(LedgerController.XLSX);
		assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx").contains("台账");
		return new Workbook(response.getBody());
	}

	/** A downloaded workbook read back with POI, as texts the way a spreadsheet shows them. */
	private static final class Workbook {

		private final List<Table> sheets = new ArrayList<>();

		Workbook(byte[] bytes) throws Exception {
			DataFormatter format = new DataFormatter(Locale.CHINA);
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
				for (Sheet sheet : book) {
					List<List<String>> rows = new ArrayList<>();
					for (int r = 0; r <= sheet.getLastRowNum(); r++) {
						Row row = sheet.getRow(r);
						List<String> cells = new ArrayList<>();
						if (row != null) {
							for (int c = 0; c < row.getLastCellNum(); c++) {
								Cell cell = row.getCell(c);
								cells.add(cell == null ? "" : format.formatCellValue(cell));
							}
						}
						rows.add(cells);
					}
					sheets.add(new Table(rows));
				}
			}
		}

		Table sheet(int index) {
			return sheets.get(index);
		}

		String text() {
			StringBuilder text = new StringBuilder();
			sheets.forEach(s -> s.rows.forEach(r -> text.append(String.join("\t", r)).append('\n')));
			return text.toString();
		}
	}

	private record Table(List<List<String>> rows) {

		String title() {
			return rows.get(0).get(0);
		}

		String heading() {
			return rows.get(1).get(0);
		}

		List<String> headers() {
			return rows.get(LedgerWriter.HEADER_ROW);
		}

		List<List<String>> rows(String containing) {
			return rows.subList(LedgerWriter.HEADER_ROW + 1, rows.size()).stream().filter(r -> r.contains(containing)).toList();
		}

		List<String> row(String containing) {
			List<List<String>> found = rows(containing);
			assertThat(found).as("rows with %s in %s", containing, title()).hasSize(1);
			return found.get(0);
		}

		String column(List<String> row, String header) {
			int i = headers().indexOf(header);
			assertThat(i).as("column %s of %s", header, title()).isNotNegative();
			return i < row.size() ? row.get(i) : "";
		}

		List<String> totals() {
			return rows.get(rows.size() - 1);
		}
	}
}

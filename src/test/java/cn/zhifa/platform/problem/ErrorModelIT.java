package cn.zhifa.platform.problem;

import static cn.zhifa.support.Fixtures.validCase;
import static cn.zhifa.support.Fixtures.avMetadata;
import static cn.zhifa.support.Fixtures.multipart;
import static cn.zhifa.support.Fixtures.MULTIPART;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.record.RecordService;
import cn.zhifa.support.ProblemChecks;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13, "one error model, and no 500 for bad input": every refusal of /api, the portal's JSON API
 * and the engine's REST is a problem detail ({@code application/problem+json}) with a stable type, a
 * Chinese detail and the field at fault; no class name, SQL or stack trace; and nothing is written.
 * Each case here answered 500 (or a different shape) before. What the controller alone refuses (unreadable JSON,
 * wrong types, methods and media types, bad paging and years, an upload's unreadable metadata) is checked in the web
 * slices ({@code CaseControllerTest}, {@code CalendarControllerTest}, {@code RecordControllerTest}).
 */
@ZhifaIntegrationTest
class ErrorModelIT {

	/** Escapes non-ASCII, so a lone surrogate reaches the server as sent (\\ud800), not as "?". */
	private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
	private static final String MB = "字".repeat(1 << 20);
	private static final String CASES = "/api/cases";

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	ProcessEngine engine;
	@Autowired
	RecordService records;

	private final HttpClient client = HttpClient.newHttpClient();

	// --- POST /api/cases ---

	@Test
	void overLongTextsInEveryFieldOfANewCaseAreRefusedNamingTheField() throws Exception {
		Map<String, Integer> columns = Map.of("caseSource", 32, "partyType", 16, "partyName", 200, "partyIdNumber", 64,
				"partyContact", 200, "partyAddress", 300, "violationCode", 64, "facts", 4000);
		for (var column : columns.entrySet()) {
			for (String value : List.of("长".repeat(column.getValue() + 1), MB)) {
				Map<String, Object> c = validCase();
				c.put(column.getKey(), value);
				assertRefusedAndNothingWritten(() -> post("officer1", CASES, c), 400, column.getKey());
			}
		}
	}

	@Test
	void zeroBytesLoneSurrogatesHugeFinesAndUnknownCodesAreRefused() throws Exception {
		for (String field : List.of("partyName", "facts", "partyContact")) {
			for (String bad : List.of("张\u0000三", "张\ud800三")) {
				Map<String, Object> c = validCase();
				c.put(field, bad);
				assertRefusedAndNothingWritten(() -> post("officer1", CASES, c), 400, field);
			}
		}
		Map<String, Object> fine = validCase();
		fine.put("proposedFine", 1e308);
		assertRefusedAndNothingWritten(() -> post("officer1", CASES, fine), 400, "proposedFine");
		Map<String, Object> code = validCase();
		code.put("violationCode", "XX-NO-SUCH-CODE");
		assertRefusedAndNothingWritten(() -> post("officer1", CASES, code), 400, "violationCode");
	}

	// --- lists and parameters ---

	@Test
	void reviewStatusesAndUnknownDocuments() throws Exception {
		assertProblem(send("officer1", "GET", "/api/reviews?status=NOPE", null, null), 400, "status");
		assertProblem(send("officer1", "GET", "/api/documents/no-such-document", null, null), 404, "id");
	}

	// --- evidence and the deadline extension of a case ---

	@Test
	void evidenceAndExtensionTextsAreCheckedBeforeAnythingIsStored() throws Exception {
		String caseNo = JSON.readTree(post("officer1", CASES, validCase()).body()).path("caseNo").asText();
		String evidence = CASES + "/" + caseNo + "/evidence";
		Map<String, Object> valid = Map.of("kind", "现场笔录", "description", "占道经营现场检查笔录", "obtainedAt",
				"2026-11-20T10:00:00+08:00", "obtainedBy", "李明、王芳", "confirmation", "签名确认");
		Map<String, Integer> columns = Map.of("kind", 64, "description", 2000, "obtainedBy", 200, "fileRefs", 2000);
		for (var column : columns.entrySet()) {
			for (String value : List.of("证".repeat(column.getValue() + 1), MB, "证\u0000据")) {
				Map<String, Object> e = new HashMap<>(valid);
				e.put(column.getKey(), value);
				assertRefusedAndNothingWritten(() -> post("officer1", evidence, e), 400, column.getKey());
			}
		}
		Map<String, Object> badTime = new HashMap<>(valid);
		badTime.put("obtainedAt", "yesterday");
		assertRefusedAndNothingWritten(() -> post("officer1", evidence, badTime), 400, "obtainedAt");

		String pid = jdbc.queryForObject("SELECT process_instance_id FROM zf_case WHERE case_no = ?", String.class, caseNo);
		for (String reason : List.of(MB, "理由\u0000")) {
			assertRefusedAndNothingWritten(() -> post("officer1", CASES + "/" + caseNo + "/deadline-extension",
					Map.of("reason", reason)), 400, "reason");
		}
		assertThat(engine.getRuntimeService().getVariable(pid, "extensionRequestReason")).isNull();
		// the right request at the wrong stage: 409, still nothing
		assertRefusedAndNothingWritten(() -> post("officer1", CASES + "/" + caseNo + "/deadline-extension",
				Map.of("reason", "案情复杂")), 409, "caseNo");
	}

	// --- AV evidence upload ---

	@Test
	void avUploadRefusesBadMetadataNamesAndMultipart() throws Exception {
		String caseNo = "ERR-AV-" + UUID.randomUUID();
		records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("note", "立案"));
		String url = "/api/records/" + caseNo + "/evidence";
		Map<String, String> meta = avMetadata();

		assertAvRefused(caseNo, url, "ev\u0000il.mp4", "video/mp4", meta, 400, null); // the multipart parser refuses it
		assertAvRefused(caseNo, url, "a".repeat(301) + ".mp4", "video/mp4", meta, 400, "fileName");
		// a part header longer than the multipart parser allows (512 bytes) is too large for it
		assertAvRefused(caseNo, url, "长".repeat(301) + ".mp4", "video/mp4", meta, 413, "file");
		assertAvRefused(caseNo, url, "x.mp4", "image/../../x", meta, 400, "file");
		for (var bad : Map.of("endedAt", "2026-11-20T00:30:00Z", "officers", "officer1,officer4", "device", "记".repeat(201), "step",
				"s".repeat(256)).entrySet()) {
			Map<String, String> m = new LinkedHashMap<>(meta);
			m.put(bad.getKey(), bad.getValue());
			assertAvRefused(caseNo, url, "x.mp4", "video/mp4", m, 400, bad.getKey());
		}
		// unreadable interruptions and times (the controller's checks): RecordControllerTest

		// a multipart body cut off in the middle of the file
		byte[] whole = multipart("x.mp4", "video/mp4", meta);
		byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 60);
		assertRefusedAndNothingWritten(() -> sendBytes("officer1", url, MULTIPART, truncated),
				400, null);
		assertThat(avFiles(caseNo)).isZero();
		// and the same upload whole is stored
		HttpResponse<String> stored = sendBytes("officer1", url, MULTIPART, whole);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
	}

	// --- the public portal ---

	@Test
	void thePortalsJsonApiAnswersProblemsItsPagesChineseHtml() throws Exception {
		assertProblem(send(null, "GET", "/public/api/disclosures?q=%00", null, null), 400, "q");
		assertProblem(send(null, "GET", "/public/api/disclosures?page=abc", null, null), 400, "page");
		assertProblem(send(null, "GET", "/public/api/disclosures?from=2026-02-30", null, null), 400, "from");
		assertProblem(send(null, "GET", "/public/api/disclosures/NO-SUCH-ITEM", null, null), 404, "itemNo");
		assertProblem(send(null, "GET", "/public/api/rules/no-such-table", null, null), 404, "key");
		HttpResponse<String> page = send(null, "GET", "/public/disclosures?page=abc", null, null);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("页码应为数字").doesNotContain("Exception");
	}

	@Test
	void theServletContainersErrorPageAnswersAProblemToo() throws Exception {
		HttpResponse<String> error = send("officer1", "GET", "/error", null, null);
		assertProblem(error, 404, null);
		assertThat(error.body()).doesNotContain("Whitelabel", "timestamp");
		assertProblem(send(null, "GET", "/api/cases", null, null), 401, null);
	}

	@Test
	void whatTheServletContainerRefusesIsAProblemInChineseToo() throws Exception {
		// refused by Tomcat's connector before any filter or servlet: its English HTML page answered these before
		for (String path : List.of("/engine-rest/task/%00/form-variables", "/api/cases/%2F", "/api/cases/a%5Cb",
				"/api/cases/..%2F..")) {
			HttpResponse<String> refused = send("officer1", "GET", path, null, null);
			assertProblem(refused, 400, null);
			assertThat(refused.body()).as(path).doesNotContain("Tomcat", "Bad Request", "<html");
		}
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/public/disclosures/%00")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("请求无法处理").doesNotContain("Tomcat", "Bad Request");
	}

	// --- the engine's REST API ---

	@Test
	void engineRestRefusalsAreProblemsInChineseAndStartNothing() throws Exception {
		String start = "/engine-rest/process-definition/key/enforcement-case/start";
		String serialized = "{\"variables\": {\"x\": {\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", \"valueInfo\": "
				+ "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}";
		assertRefusedAndNothingWritten(() -> send("officer1", "POST", start, "application/json", serialized), 400, "x");

		Map<String, Object> variables = startVariables();
		variables.put("partyName", Map.of("value", 5, "type", "Integer"));
		assertRefusedAndNothingWritten(() -> post("officer1", start, Map.of("variables", variables)), 400, "partyName");
		assertRefusedAndNothingWritten(() -> post("officer1",
				"/engine-rest/process-definition/key/enforcement-case/submit-form", Map.of("variables", variables)), 400,
				"partyName");

		assertRefusedAndNothingWritten(() -> post("officer1", "/engine-rest/task/no-such-task/complete", Map.of()), 404, null);
		assertRefusedAndNothingWritten(() -> send("officer1", "PUT", "/engine-rest/process-instance/no-such-instance/variables/x",
				"application/json", "{\"value\": \"a\", \"type\": \"String\"}"), 404, null);
		assertRefusedAndNothingWritten(() -> post("officer1", "/engine-rest/process-definition/key/legal-review/start",
				Map.of("variables", Map.of())), 400, "caseId");
		assertRefusedAndNothingWritten(() -> send("officer1", "POST", start, "application/json", "{bad"), 400, null);
		assertProblem(send("officer1", "GET", "/engine-rest/task?maxResults=abc", null, null), 400, null);
	}

	@Test
	void aHugeCaseIdReturnsNoSql() throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("caseId", Map.of("value", "寥街罚〔2026〕" + MB + "号"));
		variables.put("decisionType", Map.of("value", "PENALTY"));
		variables.put("majorReasons", Map.of("value", "拟吊销许可证"));
		variables.put("materials", Map.of("value", "处罚决定书（草稿）"));
		HttpResponse<String> refused = assertRefusedAndNothingWritten(() -> post("officer1",
				"/engine-rest/process-definition/key/legal-review/start", Map.of("variables", variables)), 400, "caseId");
		assertThat(refused.body()).doesNotContain("zf_record", "INSERT");
	}

	@Test
	void anotherAgencysTaskIsNotFound() throws Exception {
		String caseNo = JSON.readTree(post("officer1", CASES, validCase()).body()).path("caseNo").asText();
		String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
		assertRefusedAndNothingWritten(() -> post("officer4", "/engine-rest/task/" + task + "/complete", Map.of()), 404, null);
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
	}

	// --- helpers ---

	interface Call {
		HttpResponse<String> send() throws Exception;
	}

	/** The call is refused with {@code status} as a problem, and no table it could write to changed. */
	private HttpResponse<String> assertRefusedAndNothingWritten(Call call, int status, String field) throws Exception {
		Map<String, Long> before = counts();
		HttpResponse<String> response = call.send();
		assertProblem(response, status, field);
		assertThat(counts()).as("rows after a refused request").isEqualTo(before);
		return response;
	}

	private void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
		ProblemChecks.assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), status, field);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("zf_case", "zf_evidence", "zf_av_file", "zf_record", "zf_legal_review", "zf_transfer")) {
			counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		counts.put("instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
		counts.put("variables", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE", Long.class));
		return counts;
	}

	private long avFiles(String caseNo) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM zf_av_file WHERE case_no = ?", Long.class, caseNo);
	}

	/** The register form's values for the engine's REST, as Tasklist sends them (the agency comes from the login). */
	private static Map<String, Object> startVariables() {
		Map<String, Object> v = new LinkedHashMap<>();
		validCase().forEach((name, value) -> v.put(name, Map.of("value", value)));
		v.remove("agencyCode");
		return v;
	}


	private void assertAvRefused(String caseNo, String url, String fileName, String mediaType, Map<String, String> meta,
			int status, String field) throws Exception {
		byte[] body = multipart(fileName, mediaType, meta);
		assertRefusedAndNothingWritten(() -> sendBytes("officer1", url, MULTIPART, body),
				status, field);
		assertThat(avFiles(caseNo)).isZero();
	}

	private HttpResponse<String> post(String user, String path, Object body) throws Exception {
		return send(user, "POST", path, "application/json", JSON.writeValueAsString(body));
	}

	private HttpResponse<String> send(String user, String method, String path, String contentType, String body)
			throws Exception {
		return RestTestSupport.send(client, port, user, method, path, contentType,
				body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> sendBytes(String user, String path, String contentType, byte[] body) throws Exception {
		return RestTestSupport.send(client, port, user, "POST", path, contentType, body);
	}
}

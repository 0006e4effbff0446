package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.WebappSession;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Case-file reviews over HTTP (R-REC-7, ADR-0026): only supervisors start one (the engine's REST API, as Tasklist's
 * start form does) and score its files — with the case file (ZIP) and the record open to them, their retrieval
 * recorded; an agency's user cannot start or score it; another agency sees nothing of it (404); supervisors write
 * nothing through {@code /api} and nothing else of the review; bad input is 400 naming the field; the interference
 * reports of a drawn case are in the review's results.
 */
@ZhifaIntegrationTest
class CaseFileReviewIT extends RestTestSupport {

	private static final String START = "/engine-rest/process-definition/key/case-file-review/submit-form";

	@Autowired
	TestRestTemplate rest;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void supervisorsDrawAndScoreAgenciesReadTheirOwnOthersNothing() throws Exception {
		String closed = closedCase();
		// nobody but a supervisor starts a review; an anonymous caller is not let in
		assertThat(post(START, start("LIAOKUO", "2026"), "officer1").statusCode()).isEqualTo(403);
		assertThat(post(START, start("LIAOKUO", "2026"), "head1").statusCode()).isEqualTo(403);
		assertThat(post(START, start("LIAOKUO", "2026"), null).statusCode()).isEqualTo(401);
		// bad input: 400 naming the field, in Chinese; the system's variables are not the form's
		assertProblem(post(START, start("LIAOKUO", "1999"), "supervisor1"), 400, "reviewYear");
		assertProblem(post(START, start("NOWHERE", "2026"), "supervisor1"), 400, "supervisedAgency");
		Map<String, Object> forged = start("LIAOKUO", "2026");
		forged.put("reviewCases", Map.of("value", closed));
		assertThat(post(START, forged, "supervisor1").statusCode()).isEqualTo(403);

		JsonNode instance = postOk(START, start("LIAOKUO", "2026"), "supervisor1");
		String pi = instance.path("id").asText();
		String no = instance.path("businessKey").asText();
		assertThat(no).matches("区司法评查〔\\d{4}〕\\d+号");
		assertThat(instance.path("tenantId").asText()).isEqualTo("LIAOKUO");

		// the register: the agency and the supervisors read it, another agency gets 404 and an empty list
		JsonNode detail = json.readTree(ok(get("/api/case-file-reviews/" + enc(no), "supervisor1")).body());
		assertThat(detail.path("draw").path("population").toString()).contains(closed);
		assertThat(detail.path("draw").path("populationSha256").asText()).hasSize(64);
		assertThat(detail.path("draw").path("seed").asText()).isNotBlank();
		String drawn = detail.path("draw").path("drawn").get(0).asText();
		assertThat(ok(get("/api/case-file-reviews/" + enc(no), "officer1")).body()).contains(no);
		assertProblem(get("/api/case-file-reviews/" + enc(no), "officer4"), 404, "reviewNo");
		assertThat(ok(get("/api/case-file-reviews", "officer4")).body()).doesNotContain(no);
		assertThat(ok(get("/api/case-file-reviews", "supervisor1")).body()).contains(no);
		assertThat(ok(get("/api/case-file-reviews", "head1")).body()).contains(no);

		// an interference report in a drawn case shows in the review's results
		HttpResponse<String> reported = post("/api/records/" + enc(drawn) + "/interference", Map.of("intervener", "某领导" + tag,
				"intervenerUnit", "某单位", "occurredAt", "2026-11-01T02:00:00Z", "description", "要求撤案" + tag), "officer1");
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		detail = json.readTree(ok(get("/api/case-file-reviews/" + enc(no), "supervisor1")).body());
		assertThat(detail.path("cases").get(0).path("caseNo").asText()).isEqualTo(drawn);
		assertThat(detail.path("cases").get(0).path("interference").toString()).contains("某领导" + tag, "要求撤案" + tag);

		// the scoring task: the supervisors', with the case file one click away
		String task = taskOf(pi, "supervisor1");
		assertThat(task).isNotNull();
		assertThat(taskOf(pi, "officer4")).isNull();
		JsonNode variables = json.readTree(ok(get("/engine-rest/task/" + task + "/form-variables", "supervisor1")).body());
		assertThat(variables.path("reviewCaseNo").path("value").asText()).isEqualTo(drawn);
		String fileUrl = variables.path("reviewCaseFileUrl").path("value").asText();
		HttpResponse<String> zip = get(fileUrl, "supervisor1");
		assertThat(zip.statusCode()).as(zip.body()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(get(variables.path("reviewCaseRecordUrl").path("value").asText(), "supervisor1").statusCode()).isEqualTo(200);
		// as the link opens from Tasklist: with the webapps' session, the streamed ZIP arrives whole
		WebappSession session = WebappSession.login(rest, "supervisor1", "tasklist");
		HttpResponse<byte[]> viaSession = http.send(HttpRequest.newBuilder(uri(fileUrl))
			.header("Cookie", "JSESSIONID=" + session.session()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(viaSession.statusCode()).isEqualTo(200);
		assertThat(viaSession.body()).hasSizeGreaterThan(100).startsWith((byte) 'P', (byte) 'K');
		// the supervisor's retrieval is itself on the case's record (R-REC-5)
		assertThat(ok(get("/api/records/" + enc(drawn), "officer1")).body()).contains("案卷评查");
		assertThat(variables.path("reviewInterference").path("value").asText()).isNotBlank();

		// an agency's user does not score its own files; another agency does not see the task
		Map<String, Object> score = Map.of("reviewDeductions", Map.of("value", "[\"DOCUMENTS-IRREGULAR\"]", "type", "Json"),
				"reviewComments", Map.of("value", "文书未加盖印章。" + tag));
		assertThat(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", score), "head1").statusCode())
			.isIn(403, 404);
		assertThat(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", score), "officer4").statusCode())
			.isIn(403, 404);
		// a supervisor writes nothing through /api, nor the review's variables, nor another process
		assertProblem(post("/api/case-file-reviews", Map.of("supervisedAgency", "LIAOKUO"), "supervisor1"), 403, null);
		assertProblem(post("/api/records/" + enc(drawn) + "/interference", Map.of("intervener", "x", "description", "x"),
				"supervisor1"), 403, null);
		assertProblem(send(authed(HttpRequest.newBuilder(uri("/engine-rest/task/" + task + "/variables/reviewCaseNo")),
				"supervisor1").header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"x\"}")).build()), 403, null);
		assertThat(post("/engine-rest/process-definition/key/complaint-handling/submit-form", Map.of("variables", Map.of()),
				"supervisor1").statusCode()).isEqualTo(403);
		// a deficiency without its reason: 400 naming the field
		assertProblem(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of("reviewDeductions",
				Map.of("value", "[\"DOCUMENTS-IRREGULAR\"]", "type", "Json"))), "supervisor1"), 400, "reviewComments");
		assertThat(post("/engine-rest/task/" + task + "/claim", Map.of("userId", "supervisor1"), "supervisor1").statusCode())
			.isEqualTo(204);
		HttpResponse<String> done = post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", score), "supervisor1");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		detail = json.readTree(ok(get("/api/case-file-reviews/" + enc(no), "supervisor1")).body());
		assertThat(detail.path("cases").get(0).path("score").asInt()).isEqualTo(95);
		assertThat(detail.path("cases").get(0).path("deductions").toString()).contains("DOCUMENTS-IRREGULAR");
		assertThat(detail.path("cases").get(0).path("reviewedBy").asText()).isEqualTo("supervisor1");
	}

	// --- helpers ---

	/** A LIAOKUO case registered by officer1 and closed by head1 refusing to file it (不予立案). */
	private String closedCase() throws Exception {
		Map<String, Object> body = Fixtures.validCase();
		body.put("partyName", "评查乙" + tag);
		HttpResponse<String> created = post("/api/cases", body, "officer1");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String caseNo = json.readTree(created.body()).path("caseNo").asText();
		JsonNode tasks = json.readTree(ok(get("/engine-rest/task?processInstanceBusinessKey=" + enc(caseNo), "head1")).body());
		String filing = tasks.get(0).path("id").asText();
		assertThat(post("/engine-rest/task/" + filing + "/claim", Map.of("userId", "head1"), "head1").statusCode()).isEqualTo(204);
		HttpResponse<String> refused = post("/engine-rest/task/" + filing + "/submit-form", Map.of("variables", Map.of(
				"filingDecision", Map.of("value", "NOT_FILE"), "notFilingReasons", Map.of("value", "违法事实不存在"))), "head1");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(204);
		return caseNo;
	}

	private static Map<String, Object> start(String agency, String year) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("supervisedAgency", Map.of("value", agency));
		vars.put("reviewYear", Map.of("value", Integer.parseInt(year)));
		return vars;
	}

	@Override
	protected HttpResponse<String> post(String path, Object body, String user) throws Exception {
		Object payload = body instanceof Map<?, ?> m && m.containsKey("supervisedAgency") && path.equals(START)
				? Map.of("variables", body) : body;
		return super.post(path, payload, user);
	}
}

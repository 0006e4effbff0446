package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Supervision notices over HTTP (R-COORD-8, ADR-0025): only supervisors issue one (the engine's REST API, as Tasklist's
 * start form does), for the agency the form names; only that agency's head sees and answers it (another agency: not
 * seen, not answerable); the bureau's check is the supervisors' only; every other write of a supervisor stays 403; bad
 * input is 400 with a Chinese problem detail naming the field; the open notice is on the supervisors' SLA board.
 */
@ZhifaIntegrationTest
class SupervisionNoticeIT extends RestTestSupport {

	private static final String START = "/engine-rest/process-definition/key/supervision-notice/submit-form";

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void supervisorsIssueTheAddressedHeadAnswersTheBureauChecks() throws Exception {
		// nobody but a supervisor issues a notice
		assertThat(post(START, form("LIAOKUO", "OTHER", null), "officer1").statusCode()).isEqualTo(403);
		assertThat(post(START, form("LIAOKUO", "OTHER", null), "head1").statusCode()).isEqualTo(403);
		assertThat(post(START, form("QLSCJ", "OTHER", null), "head1").statusCode()).isEqualTo(403);
		assertThat(post(START, form("LIAOKUO", "OTHER", null), null).statusCode()).isEqualTo(401);
		// bad input: 400 naming the field, in Chinese
		Map<String, Object> noProblem = form("LIAOKUO", "OTHER", null);
		noProblem.remove("supervisionProblem");
		assertProblem(post(START, noProblem, "supervisor1"), 400, "supervisionProblem");
		assertProblem(post(START, form("LIAOKUO", "COMPLAINT", null), "supervisor1"), 400, "supervisionSourceRef");
		Map<String, Object> period = form("LIAOKUO", "OTHER", null);
		period.put("rectificationWorkingDays", Map.of("value", 0));
		assertProblem(post(START, period, "supervisor1"), 400, "rectificationWorkingDays");
		// the system's variables are not the form's
		Map<String, Object> forged = form("LIAOKUO", "OTHER", null);
		forged.put("supervisionNoticeNo", Map.of("value", "区司法监通〔2026〕999号"));
		assertThat(post(START, forged, "supervisor1").statusCode()).isEqualTo(403);

		long openBefore = openNotices("LIAOKUO");
		JsonNode instance = postOk(START, form("LIAOKUO", "COMPLAINT", "TS-2026-" + tag), "supervisor1");
		String pi = instance.path("id").asText();
		String no = instance.path("businessKey").asText();
		assertThat(no).matches("区司法监通〔\\d{4}〕\\d+号");
		assertThat(instance.path("tenantId").asText()).isEqualTo("LIAOKUO");

		// the addressed agency's head sees the task; the other agency's does not, and cannot answer it
		String rectify = taskOf(pi, "head1");
		assertThat(rectify).isNotNull();
		assertThat(taskOf(pi, "head2")).isNull();
		assertThat(taskOf(pi, "officer4")).isNull();
		Map<String, Object> report = Map.of("rectificationReport", Map.of("value", "已组织整改：" + tag));
		assertThat(post("/engine-rest/task/" + rectify + "/submit-form", Map.of("variables", report), "head2").statusCode())
			.isIn(403, 404);
		// the supervisor may not answer for the agency
		assertProblem(post("/engine-rest/task/" + rectify + "/submit-form", Map.of("variables", report), "supervisor1"), 403, null);
		// the register: the agency and the supervisors read it; another agency does not
		assertThat(get("/api/supervision-notices/" + enc(no), "officer1").statusCode()).isEqualTo(200);
		assertProblem(get("/api/supervision-notices/" + enc(no), "officer4"), 404, "noticeNo");
		assertThat(get("/api/supervision-notices", "officer4").body()).doesNotContain(no);
		assertThat(get("/api/supervision-notices", "supervisor1").body()).contains(no);
		// the open notice is on the supervisors' SLA board, with its rectification deadline
		HttpResponse<String> board = get("/api/sla/deadlines?kind=supervision-notice&agency=LIAOKUO&size=200", "supervisor1");
		assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
		assertThat(board.body()).contains(pi, "userTask_rectify");
		// and counted in the supervisors' per-agency table
		assertThat(openNotices("LIAOKUO")).isEqualTo(openBefore + 1);

		assertProblem(post("/engine-rest/task/" + rectify + "/submit-form", Map.of("variables",
				Map.of("rectificationReport", Map.of("value", " "))), "head1"), 400, "rectificationReport");
		assertThat(post("/engine-rest/task/" + rectify + "/submit-form", Map.of("variables", report), "head1").statusCode())
			.isEqualTo(204);

		// the bureau's check: the supervisors' step; the agency cannot close its own notice
		String check = taskOf(pi, "supervisor1");
		assertThat(check).isNotNull();
		Map<String, Object> close = Map.of("supervisionOutcome", Map.of("value", "CLOSE"));
		assertThat(post("/engine-rest/task/" + check + "/submit-form", Map.of("variables", close), "head1").statusCode())
			.isIn(403, 404);
		// other writes of a supervisor stay refused, also on this task
		assertProblem(send(authed(HttpRequest.newBuilder(uri("/engine-rest/task/" + check + "/variables/x")), "supervisor1")
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":1}")).build()), 403,
				null);
		assertThat(post("/engine-rest/process-definition/key/complaint-handling/submit-form", Map.of("variables", Map.of()),
				"supervisor1").statusCode()).isEqualTo(403);
		assertProblem(post("/engine-rest/task/" + check + "/submit-form", Map.of("variables",
				Map.of("supervisionOutcome", Map.of("value", "REDO"))), "supervisor1"), 400, "supervisionOpinion");
		assertThat(post("/engine-rest/task/" + check + "/claim", Map.of("userId", "supervisor1"), "supervisor1").statusCode())
			.isEqualTo(204);
		assertThat(post("/engine-rest/task/" + check + "/submit-form", Map.of("variables", close), "supervisor1").statusCode())
			.isEqualTo(204);
		JsonNode row = json.readTree(get("/api/supervision-notices/" + enc(no), "supervisor1").body());
		assertThat(row.path("summary").path("status").asText()).isEqualTo("CLOSED");
		assertThat(row.path("report").asText()).contains(tag);
		assertThat(openNotices("LIAOKUO")).isEqualTo(openBefore);
	}

	/** The supervisors' SLA summary: the agency's column 未办结监督通知书. */
	private long openNotices(String agency) throws Exception {
		HttpResponse<String> r = get("/api/sla/summary", "supervisor1");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		for (JsonNode a : json.readTree(r.body()).path("agencies")) {
			if (agency.equals(a.path("agencyCode").asText())) {
				assertThat(a.has("openNotices")).as(r.body()).isTrue();
				return a.path("openNotices").asLong();
			}
		}
		throw new AssertionError("no row of " + agency + " in " + r.body());
	}

	// --- helpers ---

	private static Map<String, Object> form(String agency, String source, String ref) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("supervisedAgency", Map.of("value", agency));
		vars.put("supervisionSource", Map.of("value", source));
		if (ref != null) {
			vars.put("supervisionSourceRef", Map.of("value", ref));
		}
		vars.put("supervisionProblem", Map.of("value", "投诉举报反映的占道经营问题未按期答复。"));
		vars.put("rectificationRequirement", Map.of("value", "立即调查处理并答复投诉举报人，建立投诉举报办理台账。"));
		return vars;
	}

	@Override
	protected HttpResponse<String> post(String path, Object body, String user) throws Exception {
		Object payload = body instanceof Map<?, ?> m && m.containsKey("supervisedAgency") ? Map.of("variables", body) : body;
		return super.post(path, payload, user);
	}
}

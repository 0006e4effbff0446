package cn.zhifa.guidingcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Guiding cases and enforcement assistance over HTTP (ADR-0028), as Tasklist calls the engine's REST API: an agency
 * proposes a closed case of its own (another agency's is 403; the system's variables are 403; bad input 400 naming the
 * field); only supervisors review it, and a supervisor's other writes stay 403; the register is read by the agency and
 * the supervisors and is 404 to another agency; the portal shows only published guiding cases, anonymously, without the
 * party's personal data. An assistance request is read by the two agencies it concerns and the supervisors, 404 to
 * anyone else; only the requested agency's head answers; its open answer is on the SLA board.
 */
@ZhifaIntegrationTest
class GuidingCaseAndAssistanceIT extends RestTestSupport {

	private static final String PROPOSE = "/engine-rest/process-definition/key/guiding-case/submit-form";
	private static final String REQUEST = "/engine-rest/process-definition/key/assistance-request/submit-form";

	@Autowired
	JdbcTemplate jdbc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void guidingCaseProposedReviewedAndOnThePortalWithoutPersonalData() throws Exception {
		String party = "王秀" + "英";
		String caseNo = Fixtures.closedCase(jdbc, "LIAOKUO", party, "530302197001011234", "13812345678", "曲靖市麒麟区南宁西路6号",
				Instant.parse("2026-10-01T02:00:00Z"));
		String otherCase = Fixtures.closedCase(jdbc, "QLSCJ", party, "530302197001011234", "13812345678", "曲靖市麒麟区南宁西路6号",
				Instant.parse("2026-10-01T02:00:00Z"));
		// another agency's case, a supervisor, the system's variables: refused
		assertThat(post(PROPOSE, vars(proposal(otherCase)), "head1").statusCode()).isEqualTo(403);
		assertThat(post(PROPOSE, vars(proposal(caseNo)), "supervisor1").statusCode()).isEqualTo(403);
		Map<String, Object> forged = proposal(caseNo);
		forged.put("guidingCaseNo", Map.of("value", "区执法案例〔2026〕999号"));
		assertThat(post(PROPOSE, vars(forged), "head1").statusCode()).isEqualTo(403);
		assertThat(post(PROPOSE, vars(proposal(caseNo)), null).statusCode()).isEqualTo(401);
		Map<String, Object> noSummary = proposal(caseNo);
		noSummary.remove("guidingSummary");
		assertProblem(post(PROPOSE, vars(noSummary), "head1"), 400, "guidingSummary");

		JsonNode instance = postOk(PROPOSE, vars(proposal(caseNo)), "head1");
		String pi = instance.path("id").asText();
		String no = instance.path("businessKey").asText();
		assertThat(instance.path("tenantId").asText()).isEqualTo("LIAOKUO");

		// the register: the agency and the supervisors read it, another agency does not
		JsonNode detail = json.readTree(get("/api/guiding-cases/" + enc(no), "officer1").body());
		assertThat(detail.path("summary").path("status").asText()).isEqualTo("PROPOSED");
		assertThat(detail.toString()).doesNotContain(party, "530302197001011234", "13812345678");
		assertProblem(get("/api/guiding-cases/" + enc(no), "officer4"), 404, "guidingNo");
		assertThat(get("/api/guiding-cases", "officer4").body()).doesNotContain(no);
		assertThat(get("/api/guiding-cases", "supervisor1").body()).contains(no);
		JsonNode summary = json.readTree(get("/api/guiding-cases/summary?year=2026", "supervisor1").body());
		assertThat(summary.path("minimumPerYear").asInt()).isEqualTo(3);
		assertThat(summary.path("deadline").asText()).isEqualTo("2027-01-31");
		assertThat(summary.path("agencies").toString()).contains("LIAOKUO", "QLSCJ");
		assertThat(get("/api/guiding-cases/summary?year=2026", "officer4").body()).doesNotContain("LIAOKUO");
		assertProblem(get("/api/guiding-cases/summary?year=99", "officer1"), 400, "year");
		// not on the portal before it is published
		assertThat(get("/public/guiding-cases/" + enc(no), null).statusCode()).isEqualTo(404);
		assertThat(get("/public/guiding-cases", null).body()).doesNotContain(no);

		// the bureau's review: the supervisors' step only; the agency cannot publish its own proposal
		String review = taskOf(pi, "supervisor1");
		Map<String, Object> publish = Map.of("guidingReviewOutcome", Map.of("value", "PUBLISH"));
		assertThat(post("/engine-rest/task/" + review + "/submit-form", Map.of("variables", publish), "head1").statusCode())
			.isIn(403, 404);
		assertProblem(send(authed(HttpRequest.newBuilder(uri("/engine-rest/task/" + review + "/variables/x")), "supervisor1")
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":1}")).build()), 403, null);
		assertProblem(post("/engine-rest/task/" + review + "/submit-form", Map.of("variables",
				Map.of("guidingReviewOutcome", Map.of("value", "REJECT"))), "supervisor1"), 400, "guidingReviewOpinion");
		assertThat(post("/engine-rest/task/" + review + "/submit-form", Map.of("variables", publish), "supervisor1").statusCode())
			.isEqualTo(204);

		// published: on the portal for anyone, without the party's personal data
		HttpResponse<String> list = get("/public/guiding-cases", null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(no, "行政执法指导案例", "王**占道经营案" + tag);
		HttpResponse<String> page = get("/public/guiding-cases/" + enc(no), null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		assertThat(page.body()).contains("基本案情", "案例要点", "法律依据", "王**").doesNotContain(party, "530302197001011234",
				"13812345678", "南宁西路6号", caseNo);
	}

	@Test
	void assistanceRequestReadByItsTwoAgenciesAnsweredByTheRequestedHead() throws Exception {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("assistanceRequestedAgency", Map.of("value", "QLSCJ"));
		request.put("assistanceKind", Map.of("value", "TECHNICAL"));
		request.put("assistanceMatter", Map.of("value", "对查扣食品是否过期出具认定意见（" + tag + "）。"));
		request.put("assistanceReason", Map.of("value", "认定违法事项需要技术支撑。"));
		assertThat(post(REQUEST, vars(request), "supervisor1").statusCode()).isEqualTo(403);
		Map<String, Object> self = new LinkedHashMap<>(request);
		self.put("assistanceRequestedAgency", Map.of("value", "LIAOKUO"));
		assertProblem(post(REQUEST, vars(self), "officer1"), 400, "assistanceRequestedAgency");
		String no = postOk(REQUEST, vars(request), "officer1").path("businessKey").asText();

		// both agencies read it, the supervisors read it; nobody else
		for (String user : new String[] { "officer1", "head2", "supervisor1" }) {
			assertThat(get("/api/assistance-requests/" + enc(no), user).statusCode()).as(user).isEqualTo(200);
			assertThat(get("/api/assistance-requests", user).body()).as(user).contains(no);
		}
		JsonNode row = json.readTree(get("/api/assistance-requests/" + enc(no), "head2").body());
		String replyPi = row.path("summary").path("replyProcessInstanceId").asText();
		// the requested agency's answer is on the SLA board (its task's due date), for it and the supervisors
		HttpResponse<String> board = get("/api/sla/deadlines?kind=assistance-reply&agency=QLSCJ&size=200", "supervisor1");
		assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
		assertThat(board.body()).contains(replyPi, "userTask_answer");
		// only the requested agency's head answers
		assertThat(taskOf(replyPi, "head1")).isNull();
		String answer = taskOf(replyPi, "head2");
		Map<String, Object> accept = Map.of("assistanceAnswer", Map.of("value", "ACCEPT"));
		assertThat(post("/engine-rest/task/" + answer + "/submit-form", Map.of("variables", accept), "head1").statusCode())
			.isIn(403, 404);
		assertThat(post("/engine-rest/task/" + answer + "/submit-form", Map.of("variables", accept), "supervisor1").statusCode())
			.isEqualTo(403);
		assertProblem(post("/engine-rest/task/" + answer + "/submit-form", Map.of("variables",
				Map.of("assistanceAnswer", Map.of("value", "REFUSE"))), "head2"), 400, "assistanceRefusalReasons");
		assertThat(post("/engine-rest/task/" + answer + "/submit-form", Map.of("variables", accept), "head2").statusCode())
			.isEqualTo(204);
		assertThat(json.readTree(get("/api/assistance-requests/" + enc(no), "officer1").body()).path("summary").path("status")
			.asText()).isEqualTo("ACCEPTED");
		// the requester cannot fake the requested agency's answer by a message
		assertThat(post("/engine-rest/message", Map.of("messageName", "assistance.completed", "businessKey", no), "head1")
			.statusCode()).isBetween(400, 499);
	}

	// --- helpers ---

	private Map<String, Object> proposal(String caseNo) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("caseId", Map.of("value", caseNo));
		v.put("guidingCategory", Map.of("value", "PENALTY"));
		v.put("guidingTitle", Map.of("value", "王秀英占道经营案" + tag));
		v.put("guidingSummary", Map.of("value", "当事人王秀英（身份证号码530302197001011234，电话13812345678，住址：曲靖市麒麟区南宁西路6号）占道经营。"));
		v.put("guidingKeyPoints", Map.of("value", "先责令改正，拒不改正的依法处罚。"));
		v.put("guidingLegalBasis", Map.of("value", "《城市市容和环境卫生管理条例》第十七条"));
		return v;
	}
}

package cn.zhifa.officers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Officers over HTTP (R-QUAL-2/3): the agency's legal office, head or general office enters training, exams and
 * half-yearly evaluations of its own staff; other staff, other agencies (404) and supervisors (read only, 403) cannot;
 * bad input is a Chinese 400 problem naming the field. The annual review runs through the engine's REST API held to its
 * forms, and a failed review shows the officer suspended.
 */
@ZhifaIntegrationTest
class OfficerIT extends RestTestSupport {

	private static final String START = "/engine-rest/process-definition/key/officer-annual-review/submit-form";

	@Autowired
	OfficerRepository officers;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void theAgencyKeepsItsOwnOfficersRecordsOthersReadOrNothing() throws Exception {
		String year = String.valueOf(LocalDate.now().getYear());
		Map<String, Object> training = Map.of("date", year + "-03-01", "title", "行政处罚法专题培训", "organiser", "区司法局", "hours", 8);
		HttpResponse<String> created = post("/api/officers/officer2/trainings", training, "reviewer1");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json.readTree(created.body()).path("hoursOfYear").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("8"));
		assertThat(post("/api/officers/officer2/exams", Map.of("date", year + "-09-01", "title", "业务知识考试", "score", 59), "head1")
			.body()).contains("\"passed\":false");
		assertThat(put("/api/officers/officer2/evaluations/" + year + "-H1", Map.of("grade", "GOOD"), "office1").statusCode())
			.isEqualTo(200);

		HttpResponse<String> one = get("/api/officers/officer2", "reviewer1");
		assertThat(one.statusCode()).isEqualTo(200);
		JsonNode officer2 = json.readTree(one.body());
		assertThat(officer2.path("trainings").size()).isGreaterThanOrEqualTo(1);
		assertThat(officer2.path("exams").toString()).contains("业务知识考试");
		assertThat(officer2.path("evaluations").toString()).contains("良好");
		assertThat(officer2.path("mayEnforceToday").asBoolean()).isTrue();

		// the list: own agency only; supervisors every agency
		assertThat(get("/api/officers", "officer1").body()).contains("officer2").doesNotContain("officer4");
		assertThat(get("/api/officers", "supervisor1").body()).contains("officer2", "officer4");
		assertThat(get("/api/officers/auxiliary-negative-list", "officer1").body()).contains("PENALTY", "行政处罚");

		// another agency: 404 to read and to write
		assertProblem(get("/api/officers/officer2", "officer4"), 404, "userId");
		assertProblem(post("/api/officers/officer2/trainings", training, "reviewer2"), 404, "userId");
		// supervisors read only
		assertThat(get("/api/officers/officer2", "supervisor1").statusCode()).isEqualTo(200);
		assertProblem(post("/api/officers/officer2/trainings", training, "supervisor1"), 403, null);
		assertProblem(put("/api/officers/officer2/evaluations/" + year + "-H1", Map.of("grade", "FAIL", "remarks", "x"), "supervisor1"),
				403, null);
		// officers and auxiliary staff do not keep the records; nobody enters their own
		assertProblem(post("/api/officers/officer2/trainings", training, "officer1"), 403, null);
		assertProblem(post("/api/officers/officer2/trainings", training, "aux1"), 403, null);
		assertProblem(post("/api/officers/reviewer1/trainings", training, "reviewer1"), 403, null);
		assertThat(post("/api/officers/officer2/trainings", training, null).statusCode()).isEqualTo(401);

		// bad input: a Chinese 400 naming the field
		assertProblem(post("/api/officers/officer2/trainings", with(training, "hours", -1), "reviewer1"), 400, "hours");
		assertProblem(post("/api/officers/officer2/trainings", with(training, "hours", 8.25), "reviewer1"), 400, "hours");
		assertProblem(post("/api/officers/officer2/trainings", with(training, "date", "2999-01-01"), "reviewer1"), 400, "date");
		assertProblem(post("/api/officers/officer2/trainings", with(training, "title", " "), "reviewer1"), 400, "title");
		assertProblem(post("/api/officers/officer2/exams", Map.of("date", year + "-09-01", "title", "考试", "score", 120), "reviewer1"),
				400, "score");
		assertProblem(put("/api/officers/officer2/evaluations/" + year + "-H3", Map.of("grade", "GOOD"), "reviewer1"), 400, "halfYear");
		assertProblem(put("/api/officers/officer2/evaluations/" + year + "-H1", Map.of("grade", "SO_SO"), "reviewer1"), 400, "grade");
		assertProblem(put("/api/officers/officer2/evaluations/" + year + "-H1", Map.of("grade", "FAIL"), "reviewer1"), 400, "remarks");
		HttpResponse<String> unreadable = send(authed(HttpRequest.newBuilder(uri("/api/officers/officer2/trainings")), "reviewer1")
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"date\": \"昨天\"")).build());
		assertProblem(unreadable, 400, null);
	}

	@Test
	void aFailedReviewThroughTheEngineRestApiSuspendsTheOfficer() throws Exception {
		String id = "ar-it-" + tag;
		Officer o = new Officer(id, "LIAOKUO", "测试人员", StaffRole.OFFICER, "执法三中队");
		o.addCertificate("5303IT" + tag, "云南省人民政府", LocalDate.of(2024, 1, 1), LocalDate.of(2029, 12, 31));
		officers.save(o);
		try {
			reviewFails(id);
		}
		finally {
			// other tests count the agency's officers
			officers.deleteById(id);
		}
	}

	private void reviewFails(String id) throws Exception {
		int year = LocalDate.now().getYear();

		// officers and the general office do not start reviews; supervisors change nothing; another agency's person is refused
		assertProblem(post(START, Map.of("variables", start(id, year)), "officer1"), 403, null);
		assertProblem(post(START, Map.of("variables", start(id, year)), "supervisor1"), 403, null);
		assertProblem(post(START, Map.of("variables", start(id, year)), "reviewer2"), 400, "reviewedOfficer");
		assertProblem(post(START, Map.of("variables", start(id, year + 1)), "reviewer1"), 400, "annualReviewYear");

		String pi = postOk(START, Map.of("variables", start(id, year)), "reviewer1").path("id").asText();
		// the other agency does not see the task
		assertThat(json.readTree(get("/engine-rest/task?processInstanceId=" + pi, "reviewer2").body()).size()).isZero();
		String task = json.readTree(get("/engine-rest/task?processInstanceId=" + pi, "reviewer1").body()).get(0).path("id").asText();

		assertProblem(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables",
				Map.of("annualReviewOutcome", Map.of("value", "PASS"))), "reviewer1"), 400, "annualReviewOutcome");
		assertProblem(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables",
				Map.of("annualReviewOutcome", Map.of("value", "FAIL"))), "reviewer1"), 400, "annualReviewOpinion");
		assertProblem(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables",
				Map.of("annualReviewOutcome", Map.of("value", "FAIL"), "annualReviewOpinion", Map.of("value", "x"))), "supervisor1"), 403,
				null);
		Map<String, Object> fail = new LinkedHashMap<>();
		fail.put("annualReviewOutcome", Map.of("value", "FAIL"));
		fail.put("annualReviewOpinion", Map.of("value", "未参加本年度业务知识考试，培训学时不足。"));
		HttpResponse<String> done = post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", fail), "reviewer1");
		assertThat(done.statusCode()).as(done.body()).isIn(200, 204);

		JsonNode suspended = json.readTree(get("/api/officers/" + id, "head1").body());
		assertThat(suspended.path("mayEnforceToday").asBoolean()).isFalse();
		assertThat(suspended.path("suspendedSince").asText()).isNotBlank();
		assertThat(suspended.path("suspensionReason").asText()).contains("年审不合格", "未参加本年度业务知识考试");
		assertThat(suspended.path("annualReviews").toString()).contains("FAILED");
	}

	private static Map<String, Object> start(String officer, int year) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("reviewedOfficer", Map.of("value", officer));
		vars.put("annualReviewYear", Map.of("value", year, "type", "Long"));
		return vars;
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> m = new LinkedHashMap<>(base);
		m.put(key, value);
		return m;
	}
}

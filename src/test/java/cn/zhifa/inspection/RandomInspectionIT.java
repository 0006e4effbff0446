package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Random inspections over HTTP (R-DISC-1, ADR-0033): the agency plans through the engine's REST API (as Tasklist's
 * start form does), supervisors cannot (403) and anonymous callers are not let in (401); bad input is a Chinese 400
 * problem naming the field; the system's variables cannot be forged; the plan and its draw are read by the agency and
 * the supervisors, another agency gets 404 and an empty list; the draw redone from the record is the same; only the
 * drawn inspectors record a result, another agency's users and the supervisors change nothing; the published result
 * is on the public portal.
 */
@ZhifaIntegrationTest
class RandomInspectionIT extends RestTestSupport {

	private static final String START = "/engine-rest/process-definition/key/random-inspection/submit-form";

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void theAgencyPlansInspectsAndPublishesOthersReadOrNothing() throws Exception {
		// who may plan
		assertThat(post(START, start("LK-SC-001", 1), "supervisor1").statusCode()).isEqualTo(403);
		assertThat(post(START, start("LK-SC-001", 1), null).statusCode()).isEqualTo(401);
		// bad input: 400 naming the field, in Chinese
		assertProblem(post(START, start("NO-SUCH", 1), "officer1"), 400, "inspectionItemCode");
		assertProblem(post(START, start("LK-SC-001", 0), "officer1"), 400, "inspectionTargetCount");
		assertProblem(post(START, start("QL-SC-001", 1), "officer4"), 400, "inspectionTargetCount");
		// the system's variables are not the form's
		Map<String, Object> forged = start("LK-SC-001", 1);
		forged.put("inspectionNos", Map.of("value", "x"));
		assertThat(post(START, forged, "officer1").statusCode()).isEqualTo(403);

		JsonNode instance = postOk(START, start("LK-SC-001", 1), "officer1");
		String pi = instance.path("id").asText();
		String no = instance.path("businessKey").asText();
		assertThat(no).matches("寥街抽查〔\\d{4}〕\\d+号");
		assertThat(instance.path("tenantId").asText()).isEqualTo("LIAOKUO");

		// the plan: the agency and the supervisors read it; another agency nothing
		JsonNode detail = json.readTree(ok(get("/api/inspections/" + enc(no), "officer1")).body());
		assertThat(detail.path("draw").path("seed").asText()).isNotBlank();
		assertThat(detail.path("draw").path("targetPopulationSha256").asText()).hasSize(64);
		assertThat(detail.path("draw").path("officerPopulation").toString()).contains("officer1", "officer2", "officer5");
		JsonNode inspection = detail.path("inspections").get(0);
		String inspectionNo = inspection.path("inspectionNo").asText();
		String inspector = inspection.path("inspectors").get(0).asText();
		String targetName = inspection.path("targetName").asText();
		assertThat(ok(get("/api/inspections/" + enc(no), "supervisor1")).body()).contains(no);
		assertProblem(get("/api/inspections/" + enc(no), "officer4"), 404, "planNo");
		assertProblem(get("/api/inspections/" + enc(no) + "/redraw", "officer4"), 404, "planNo");
		assertThat(ok(get("/api/inspections", "officer4")).body()).doesNotContain(no);
		assertThat(ok(get("/api/inspections", "supervisor1")).body()).contains(no);
		assertThat(ok(get("/api/inspections", "head1")).body()).contains(no);
		JsonNode redraw = json.readTree(ok(get("/api/inspections/" + enc(no) + "/redraw", "supervisor1")).body());
		assertThat(redraw.path("sameAsRecorded").asBoolean()).isTrue();
		// supervisors write nothing
		assertThat(post("/api/inspections", Map.of("x", "y"), "supervisor1").statusCode()).isIn(403, 405);

		// the inspection task: its inspectors only
		String task = taskOf(pi, inspector);
		assertThat(task).isNotNull();
		assertThat(taskOf(pi, "officer4")).isNull();
		JsonNode variables = json.readTree(ok(get("/engine-rest/task/" + task + "/form-variables", inspector)).body());
		assertThat(variables.path("inspectionNo").path("value").asText()).isEqualTo(inspectionNo);
		Map<String, Object> result = Map.of("inspectionResult", Map.of("value", "VIOLATION"), "inspectionFindings",
				Map.of("value", "店外人行道摆放货架出店经营。" + tag));
		assertThat(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", result), "officer4").statusCode())
			.isIn(403, 404);
		assertThat(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", result), "supervisor1").statusCode())
			.isIn(403, 404);
		assertProblem(post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of("inspectionResult",
				Map.of("value", "MAYBE"), "inspectionFindings", Map.of("value", "x"))), inspector), 400, "inspectionResult");
		HttpResponse<String> done = post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", result), inspector);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		detail = json.readTree(ok(get("/api/inspections/" + enc(no), "officer1")).body());
		String caseNo = detail.path("inspections").get(0).path("caseNo").asText();
		assertThat(caseNo).isNotBlank();
		assertThat(ok(get("/api/cases/" + enc(caseNo), "officer1")).body()).contains(targetName);

		// the head publishes; another agency's head does not see the task; the portal shows the result
		String publish = taskOf(pi, "head1");
		assertThat(publish).isNotNull();
		assertThat(taskOf(pi, "head2")).isNull();
		assertProblem(post("/engine-rest/task/" + publish + "/submit-form", Map.of("variables", Map.of("inspectionPublicText",
				Map.of("value", " "))), "head1"), 400, "inspectionPublicText");
		String text = "经检查，发现出店经营，已立案查处。" + tag;
		assertThat(post("/engine-rest/task/" + publish + "/submit-form", Map.of("variables", Map.of("inspectionPublicText",
				Map.of("value", text))), "head1").statusCode()).isEqualTo(204);
		HttpResponse<String> portal = get("/public/inspections", null);
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains(text, inspectionNo, caseNo, "随机抽查事项清单", "LK-SC-001");
	}

	// --- helpers ---

	private static Map<String, Object> start(String item, int count) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("inspectionPlanName", Map.of("value", "HTTP抽查计划"));
		vars.put("inspectionItemCode", Map.of("value", item));
		vars.put("inspectionTargetCount", Map.of("value", count));
		return vars;
	}

	@Override
	protected HttpResponse<String> post(String path, Object body, String user) throws Exception {
		Object payload = path.equals(START) ? Map.of("variables", body) : body;
		return super.post(path, payload, user);
	}
}

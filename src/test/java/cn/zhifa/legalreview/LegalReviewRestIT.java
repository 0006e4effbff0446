package cn.zhifa.legalreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * End to end through {@code /engine-rest} and {@code /api} as the demo users, as Tasklist and the
 * dashboards do: officer1 requests a review, reviewer1 works it, documents and the review list are
 * visible to the agency only (issue 4).
 */
@ZhifaIntegrationTest
class LegalReviewRestIT {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Test
	void officerRequestsReviewerApprovesAgencyOnlySeesIt() throws Exception {
		String caseId = "寥街罚〔2026〕R" + UUID.randomUUID().toString().substring(0, 6) + "号";
		// the start form's fields; agency, handler and business key come from the login and the case number
		Map<String, Object> start = Map.of("variables", Map.of("caseId", value(caseId), "decisionType", value("PENALTY"),
				"majorReasons", value("拟责令停产停业"), "materials", value("处罚决定书（草稿）\n调查终结报告")));
		ResponseEntity<Map<String, Object>> started = as("officer1")
			.exchange("/engine-rest/process-definition/key/legal-review/start", HttpMethod.POST, new HttpEntity<>(start), MAP);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();

		// only the agency's reviewers see the review task
		assertThat(tasks("officer1", pid)).isEmpty();
		assertThat(tasks("reviewer2", pid)).isEmpty();
		Map<String, Object> check = tasks("reviewer1", pid).get(0);
		assertThat(check.get("taskDefinitionKey")).isEqualTo("userTask_checkMaterials");

		// bad input: 400 naming the field, nothing changed
		ResponseEntity<String> bad = complete("reviewer1", check, Map.of("materialsComplete", value(false)));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("missingMaterials");
		assertThat(tasks("reviewer1", pid)).extracting(t -> t.get("id")).containsExactly(check.get("id"));

		assertThat(complete("reviewer1", check, Map.of("materialsComplete", value(true))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> review = tasks("reviewer1", pid).get(0);
		assertThat(review.get("taskDefinitionKey")).isEqualTo("userTask_reviewDecision");
		assertThat(review.get("due")).isNotNull();

		assertThat(as("reviewer1").postForEntity("/engine-rest/task/" + review.get("id") + "/claim",
				Map.of("userId", "reviewer1"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> decision = new LinkedHashMap<>();
		for (String c : List.of("checkCompetence", "checkQualification", "checkProcedure", "checkFacts", "checkEvidence",
				"checkLegalBasis", "checkDiscretion", "checkDocuments", "checkCrime")) {
			decision.put(c, value(true));
		}
		decision.put("reviewAction", value("DECIDE"));
		decision.put("reviewOutcome", value("APPROVED"));
		assertThat(complete("reviewer1", review, decision).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// the review list: own agency only
		List<Map<String, Object>> mine = as("officer1").exchange("/api/reviews", HttpMethod.GET, null, LIST).getBody();
		Map<String, Object> listed = mine.stream().filter(r -> pid.equals(r.get("id"))).findFirst().orElseThrow();
		assertThat(listed).containsEntry("result", "PASSED").containsEntry("status", "CONCLUDED").containsEntry("sla", "DONE");
		assertThat(as("officer4").exchange("/api/reviews", HttpMethod.GET, null, LIST).getBody())
			.noneMatch(r -> pid.equals(r.get("id")));
		assertThat(as("officer4").getForEntity("/api/reviews?agency=LIAOKUO", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("officer1").getForEntity("/api/reviews?status=NOPE", String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);

		// the review opinion is a real .docx, for the agency only
		List<?> rounds = (List<?>) listed.get("rounds");
		String docId = ((Map<?, ?>) rounds.get(0)).get("opinionDocId").toString();
		ResponseEntity<byte[]> doc = as("officer1").getForEntity("/api/documents/" + docId, byte[].class);
		assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(doc.getBody()));
				XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
			assertThat(text.getText()).contains("法制审核意见书", caseId, "寥街法审〔");
		}
		assertThat(as("officer4").getForEntity("/api/documents/" + docId, byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	/**
	 * Issue 12: Tasklist submits the form's read-only fields back as text (审核轮次 "1") and every other
	 * field untyped; the decision must go through, and a refused value must come back as a Chinese
	 * message naming the field, without the engine's English wrapper.
	 */
	@Test
	void reviewerDecidesThroughTheFormAsTasklistSendsIt() {
		String caseId = "寥街罚〔2026〕F" + UUID.randomUUID().toString().substring(0, 6) + "号";
		Map<String, Object> start = Map.of("variables", Map.of("caseId", value(caseId), "decisionType", value("PENALTY"),
				"majorReasons", value("拟责令停产停业"), "materials", value("处罚决定书（草稿）")));
		ResponseEntity<Map<String, Object>> started = as("officer1")
			.exchange("/engine-rest/process-definition/key/legal-review/start", HttpMethod.POST, new HttpEntity<>(start), MAP);
		String pid = started.getBody().get("id").toString();
		Map<String, Object> check = tasks("reviewer1", pid).get(0);
		Map<String, Object> checkForm = new LinkedHashMap<>();
		checkForm.put("materialsComplete", value(true));
		assertThat(submitForm("reviewer1", check, checkForm).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> review = tasks("reviewer1", pid).get(0);
		as("reviewer1").postForEntity("/engine-rest/task/" + review.get("id") + "/claim", Map.of("userId", "reviewer1"),
				String.class);

		// what the case shows (case number, round, materials) is text in the form, not fields: sending it is
		// refused — the round is the system's (ADR-0015)
		ResponseEntity<String> displayed = submitForm("reviewer1", review, Map.of("reviewRound", value("1")));
		assertThat(displayed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(displayed.getBody()).contains("reviewRound").doesNotContain("Cannot submit");

		Map<String, Object> form = new LinkedHashMap<>();
		form.put("reviewAction", value("DECIDE"));
		for (String c : List.of("checkCompetence", "checkQualification", "checkProcedure", "checkFacts", "checkEvidence",
				"checkLegalBasis", "checkDiscretion", "checkDocuments", "checkCrime")) {
			form.put(c, value(true));
		}
		form.put("reviewOutcome", value("同意"));
		ResponseEntity<String> refused = submitForm("reviewer1", review, form);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("审核结论：请从列表中选择").doesNotContain("Cannot submit", "reviewOutcome:");

		form.put("reviewOutcome", value("NEEDS_CORRECTION"));
		ResponseEntity<String> noOpinion = submitForm("reviewer1", review, form);
		assertThat(noOpinion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noOpinion.getBody()).contains("书面审核意见：").doesNotContain("Cannot submit", "reviewOpinion:");

		form.put("reviewOutcome", value("APPROVED"));
		assertThat(submitForm("reviewer1", review, form).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		List<Map<String, Object>> mine = as("officer1").exchange("/api/reviews", HttpMethod.GET, null, LIST).getBody();
		assertThat(mine.stream().filter(r -> pid.equals(r.get("id"))).findFirst().orElseThrow())
			.containsEntry("result", "PASSED");
	}

	private ResponseEntity<String> submitForm(String user, Map<String, Object> task, Map<String, Object> variables) {
		return as(user).postForEntity("/engine-rest/task/" + task.get("id") + "/submit-form", Map.of("variables", variables),
				String.class);
	}

	@Test
	void staffingReportsReviewersAgainstFivePercentOfOfficers() {
		List<Map<String, Object>> staffing = as("officer1").exchange("/api/reviews/staffing", HttpMethod.GET, null, LIST)
			.getBody();
		assertThat(staffing).extracting(s -> s.get("agencyCode")).containsExactly("LIAOKUO");
		// officers 1, 2, 3 and 5 (周杰, who takes over after a recusal)
		assertThat(staffing.get(0)).containsEntry("officers", 4).containsEntry("reviewers", 1).containsEntry("required", 1)
			.containsEntry("compliant", true);
		assertThat(as("supervisor1").exchange("/api/reviews/staffing", HttpMethod.GET, null, LIST).getBody())
			.extracting(s -> s.get("agencyCode")).contains("LIAOKUO", "QLSCJ");
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "demo");
	}

	private List<Map<String, Object>> tasks(String user, String pid) {
		return as(user).exchange("/engine-rest/task?processInstanceId=" + pid, HttpMethod.GET, null, LIST).getBody();
	}

	private ResponseEntity<String> complete(String user, Map<String, Object> task, Map<String, Object> variables) {
		return as(user).postForEntity("/engine-rest/task/" + task.get("id") + "/complete", Map.of("variables", variables),
				String.class);
	}

	private static Map<String, Object> value(Object v) {
		return Map.of("value", v);
	}
}

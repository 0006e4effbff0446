package cn.zhifa.legalreview;

import static cn.zhifa.support.Fixtures.complete;
import static cn.zhifa.support.Fixtures.APPROVING_OPINION;
import static cn.zhifa.support.Fixtures.legalReviewAllChecksPassed;
import static cn.zhifa.support.Fixtures.legalReviewStart;
import static cn.zhifa.support.Fixtures.tasks;
import static cn.zhifa.support.Fixtures.value;
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

import cn.zhifa.support.Fixtures;
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
	void officerRequestsReviewerApprovesAgencySeesIt() throws Exception {
		String caseId = "寥街罚〔2026〕R" + UUID.randomUUID().toString().substring(0, 6) + "号";
		// the start form's fields; agency, handler and business key come from the login and the case number
		ResponseEntity<Map<String, Object>> started = as("officer1").exchange(
				"/engine-rest/process-definition/key/legal-review/start", HttpMethod.POST, new HttpEntity<>(legalReviewStart(caseId)),
				MAP);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();

		// the agency sees the review task (ADR-0044), only its reviewers work on it; another agency does not see it
		assertThat(tasks(as("reviewer2"), pid)).isEmpty();
		Map<String, Object> check = tasks(as("reviewer1"), pid).get(0);
		assertThat(tasks(as("officer1"), pid)).extracting(t -> t.get("id")).containsExactly(check.get("id"));
		assertThat(as("officer1").postForEntity("/engine-rest/task/" + check.get("id") + "/claim",
				Map.of("userId", "officer1"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(check.get("taskDefinitionKey")).isEqualTo("userTask_checkMaterials");

		// bad input: 400 naming the field, nothing changed
		ResponseEntity<String> bad = complete(as("reviewer1"), check, Map.of("materialsComplete", value(false)));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("missingMaterials");
		assertThat(tasks(as("reviewer1"), pid)).extracting(t -> t.get("id")).containsExactly(check.get("id"));

		assertThat(complete(as("reviewer1"), check, Map.of("materialsComplete", value(true))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> review = tasks(as("reviewer1"), pid).get(0);
		assertThat(review.get("taskDefinitionKey")).isEqualTo("userTask_reviewDecision");
		assertThat(review.get("due")).isNotNull();

		assertThat(as("reviewer1").postForEntity("/engine-rest/task/" + review.get("id") + "/claim",
				Map.of("userId", "reviewer1"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> decision = legalReviewAllChecksPassed();
		decision.put("reviewOutcome", value("APPROVED"));
		assertThat(complete(as("reviewer1"), review, decision).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

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
		Map<String, Object> check = tasks(as("reviewer1"), pid).get(0);
		Map<String, Object> checkForm = new LinkedHashMap<>();
		checkForm.put("materialsComplete", value(true));
		assertThat(submitForm("reviewer1", check, checkForm).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> review = tasks(as("reviewer1"), pid).get(0);
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

		form.put("reviewOutcome", value("APPROVED"));
		ResponseEntity<String> noOpinion = submitForm("reviewer1", review, form);
		assertThat(noOpinion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noOpinion.getBody()).contains("书面审核意见：").doesNotContain("Cannot submit", "reviewOpinion:");

		// R-REV-4: a point found wanting and 同意 contradict each other
		form.put("reviewOpinion", value(APPROVING_OPINION));
		form.put("checkEvidence", value(false));
		ResponseEntity<String> contradiction = submitForm("reviewer1", review, form);
		assertThat(contradiction.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(contradiction.getBody()).contains("不能为“同意”").doesNotContain("Cannot submit", "checkEvidence:");

		form.put("checkEvidence", value(true));
		// seed 000: LIAOKUO's reviews are done with a public lawyer or legal adviser
		ResponseEntity<String> noCounsel = submitForm("reviewer1", review, form);
		assertThat(noCounsel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noCounsel.getBody()).contains("应当组织公职律师或者法律顾问参与").doesNotContain("Cannot submit", "counselKind:");
		Fixtures.counsel().forEach((field, v) -> form.put(field, value(v)));
		assertThat(submitForm("reviewer1", review, form).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		List<Map<String, Object>> mine = as("officer1").exchange("/api/reviews", HttpMethod.GET, null, LIST).getBody();
		Map<String, Object> passed = mine.stream().filter(r -> pid.equals(r.get("id"))).findFirst().orElseThrow();
		assertThat(passed).containsEntry("result", "PASSED");
		// R-REV-8: the counsel's part is read with the round
		assertThat((List<?>) passed.get("rounds")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("counselKind", "LEGAL_ADVISER").containsEntry("counselName", "云南某律师事务所赵律师")
			.containsEntry("counselAdoption", "ADOPTED");
	}

	/**
	 * Issue 20: the handler disagrees with a rejecting opinion, the negotiation fails, the head rules (R-REV-6/7):
	 * the stored disagreement record is readable in {@code GET /api/reviews/{id}} (own agency only) and in the
	 * exported case file ({@code legal-review/disagreements.json}, listed in the manifest).
	 */
	@Test
	void disagreementRecordIsReadableInTheReviewAndTheCaseFile() throws Exception {
		String caseId = "寥街罚〔2026〕D" + UUID.randomUUID().toString().substring(0, 6) + "号";
		Map<String, Object> start = Map.of("variables", Map.of("caseId", value(caseId), "decisionType", value("PENALTY"),
				"majorReasons", value("拟处较大数额罚款"), "materials", value("处罚决定书（草稿）")));
		String pid = as("officer1")
			.exchange("/engine-rest/process-definition/key/legal-review/start", HttpMethod.POST, new HttpEntity<>(start), MAP)
			.getBody().get("id").toString();
		assertThat(complete(as("reviewer1"), tasks(as("reviewer1"), pid).get(0), Map.of("materialsComplete", value(true)))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> review = tasks(as("reviewer1"), pid).get(0);
		as("reviewer1").postForEntity("/engine-rest/task/" + review.get("id") + "/claim", Map.of("userId", "reviewer1"),
				String.class);
		Map<String, Object> decision = legalReviewAllChecksPassed();
		decision.put("reviewOutcome", value("REJECTED"));
		decision.put("checkFacts", value(false));
		decision.put("reviewOpinion", value("事实不清，证据不足"));
		assertThat(complete(as("reviewer1"), review, decision).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		Map<String, Object> respond = tasks(as("officer1"), pid).get(0);
		assertThat(respond.get("taskDefinitionKey")).isEqualTo("userTask_respondToOpinion");
		assertThat(complete(as("officer1"), respond, Map.of("handlerResponse", value("DISAGREE"), "disagreementReasons",
				value("当事人系初次违法且已改正"), "disagreementBasis", value("《行政处罚法》第三十三条"))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		// while the disagreement is open the record shows the handler's side only
		Map<String, Object> open = as("officer1").exchange("/api/reviews/" + pid, HttpMethod.GET, null, MAP).getBody();
		assertThat(open).containsEntry("id", pid).containsEntry("status", "DISAGREEMENT");
		assertThat((List<?>) open.get("disagreements")).singleElement().satisfies(d -> assertThat(map(d))
			.containsEntry("handlerId", "officer1").containsEntry("handlerReasons", "当事人系初次违法且已改正")
			.containsEntry("handlerBasis", "《行政处罚法》第三十三条").containsEntry("reviewerId", "reviewer1")
			.containsEntry("reviewOpinion", "事实不清，证据不足").containsEntry("round", 1)
			.containsEntry("headRuling", null).containsEntry("closedAt", null));

		String dispute = as("officer1").exchange("/engine-rest/process-instance?superProcessInstance=" + pid, HttpMethod.GET,
				null, LIST).getBody().get(0).get("id").toString();
		Map<String, Object> negotiate = tasks(as("reviewer1"), dispute).get(0);
		as("reviewer1").postForEntity("/engine-rest/task/" + negotiate.get("id") + "/claim", Map.of("userId", "reviewer1"),
				String.class);
		assertThat(complete(as("reviewer1"), negotiate, Map.of("negotiationResult", value("NO_AGREEMENT"), "negotiationNotes",
				value("双方各执己见"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> ruling = tasks(as("head1"), dispute).get(0);
		assertThat(ruling.get("taskDefinitionKey")).isEqualTo("userTask_headRuling");
		as("head1").postForEntity("/engine-rest/task/" + ruling.get("id") + "/claim", Map.of("userId", "head1"), String.class);
		assertThat(complete(as("head1"), ruling, Map.of("headRuling", value("ADOPT_HANDLER"), "headRulingReasons",
				value("经研究决定"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		Map<String, Object> ruled = as("officer1").exchange("/api/reviews/" + pid, HttpMethod.GET, null, MAP).getBody();
		assertThat(ruled).containsEntry("status", "CONCLUDED").containsEntry("headRuling", "ADOPT_HANDLER");
		assertThat((List<?>) ruled.get("disagreements")).singleElement().satisfies(d -> assertThat(map(d))
			.containsEntry("handlerReasons", "当事人系初次违法且已改正").containsEntry("negotiationResult", "NO_AGREEMENT")
			.containsEntry("negotiationNotes", "双方各执己见").containsEntry("negotiatedBy", "reviewer1")
			.containsEntry("headId", "head1").containsEntry("headRuling", "ADOPT_HANDLER")
			.containsEntry("headReasons", "经研究决定").containsEntry("headOverridesReview", true)
			.containsKeys("outcome", "openedAt", "closedAt"));
		// the review list shows the same records
		assertThat(as("officer1").exchange("/api/reviews", HttpMethod.GET, null, LIST).getBody().stream()
			.filter(r -> pid.equals(r.get("id"))).findFirst().orElseThrow().get("disagreements"))
			.isEqualTo(ruled.get("disagreements"));
		// another agency: 404, its existence not revealed; an unknown id: 404
		ResponseEntity<String> foreign = as("officer4").getForEntity("/api/reviews/" + pid, String.class);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getBody()).doesNotContain("当事人系初次违法");
		assertThat(as("officer1").getForEntity("/api/reviews/no-such-review", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		// the case file carries the disagreement records, covered by the manifest
		ResponseEntity<byte[]> zip = as("officer1").getForEntity("/api/case-files/" + caseId + "/export", byte[].class);
		assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, byte[]> files = unzip(zip.getBody());
		assertThat(files).containsKey("legal-review/disagreements.json");
		List<Map<String, Object>> inFile = new com.fasterxml.jackson.databind.ObjectMapper()
			.readValue(files.get("legal-review/disagreements.json"), new com.fasterxml.jackson.core.type.TypeReference<>() {
			});
		assertThat(inFile).singleElement().satisfies(d -> assertThat(d).containsEntry("reviewId", pid)
			.containsEntry("handlerReasons", "当事人系初次违法且已改正").containsEntry("headRuling", "ADOPT_HANDLER")
			.containsEntry("headReasons", "经研究决定").containsEntry("headOverridesReview", true));
		assertThat(new String(files.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8))
			.contains("legal-review/disagreements.json");
		var report = cn.zhifa.record.CaseFileZip.verify(new ByteArrayInputStream(zip.getBody()), "export.zip");
		assertThat(report.ok()).as(report.describe()).isTrue();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws java.io.IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
			for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
				files.put(e.getName(), in.readAllBytes());
			}
		}
		return files;
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

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object json) {
		return (Map<String, Object>) json;
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "demo");
	}
}

package cn.zhifa.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Valid inputs the tests start from (and spoil one field at a time): a case, AV metadata, a multipart upload; the forms
 * of a legal review as the engine's REST takes them.
 */
public final class Fixtures {

	/** The multipart boundary of {@link #multipart}. */
	public static final String BOUNDARY = "zhifa-test-boundary";
	public static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

	private Fixtures() {
	}

	/** A BPMN file of one executable process of this id (history kept a day) whose elements are {@code elements}. */
	public static String process(String id, String elements) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s" targetNamespace="t">
				  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
				%2$s
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(id, elements);
	}

	/** A valid body of {@code POST /api/cases} for LIAOKUO (a mutable copy). */
	public static Map<String, Object> validCase() {
		return new HashMap<>(Map.of("agencyCode", "LIAOKUO", "caseSource", "PATROL", "partyType", "PERSON", "partyName", "张三",
				"partyIdNumber", "530302199001011232", "partyAddress", "曲靖市麒麟区人民路12号", "violationCode", "CM-OCCUPY-ROAD",
				"facts", "在人民路占道经营", "discoveredOn", "2026-11-20", "violationDate", "2026-11-19"));
	}

	/** A form field's value as the engine's REST takes it: {@code {"value": v}}. */
	public static Map<String, Object> value(Object v) {
		return Map.of("value", v);
	}

	/** The tasks of process instance {@code pid} that the user of {@code client} sees in the engine's REST API. */
	public static List<Map<String, Object>> tasks(TestRestTemplate client, String pid) {
		return client.exchange("/engine-rest/task?processInstanceId=" + pid, HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
	}

	/** Completes {@code task} (as {@link #tasks} lists it) with {@code variables} ({@link #value}s) in the engine's REST API. */
	public static ResponseEntity<String> complete(TestRestTemplate client, Map<String, Object> task,
			Map<String, Object> variables) {
		return client.postForEntity("/engine-rest/task/" + task.get("id") + "/complete", Map.of("variables", variables),
				String.class);
	}

	/**
	 * The body of {@code POST /engine-rest/process-definition/key/legal-review/start} for case {@code caseId}: the start
	 * form's fields (agency, handler and business key come from the login and the case number).
	 */
	public static Map<String, Object> legalReviewStart(String caseId) {
		return Map.of("variables", Map.of("caseId", value(caseId), "decisionType", value("PENALTY"), "majorReasons",
				value("拟责令停产停业"), "materials", value("处罚决定书（草稿）\n调查终结报告")));
	}

	/**
	 * Starts a {@code legal-review} of a new case number as officer1 through the engine's REST API, as Tasklist does;
	 * its first task is offered to LIAOKUO's reviewers. The process instance's id.
	 */
	public static String startLegalReview(TestRestTemplate client) {
		String caseId = "寥街罚〔2026〕T" + UUID.randomUUID().toString().substring(0, 6) + "号";
		ResponseEntity<Map> started = client.withBasicAuth("officer1", "demo")
			.postForEntity("/engine-rest/process-definition/key/legal-review/start", legalReviewStart(caseId), Map.class);
		if (started.getStatusCode().value() != 200) {
			throw new AssertionError("legal-review not started: " + started.getStatusCode() + " " + started.getBody());
		}
		return started.getBody().get("id").toString();
	}

	/**
	 * The start variables of a {@code legal-review} of case {@code caseId} as the engine takes them (a mutable copy): a
	 * penalty of LIAOKUO handled by officer1, with the usual materials.
	 */
	public static Map<String, Object> legalReviewVariables(String caseId) {
		return new HashMap<>(Map.of("caseId", caseId, "agencyCode", "LIAOKUO", "decisionType", "PENALTY", "majorReasons",
				"拟处较大数额罚款（R-REV-2）", "materials", "行政处罚决定书（草稿）\n调查终结报告\n证据材料清单", "handlerId", "officer1"));
	}

	/** The nine checks of the review decision form (R-REV-4), in order. */
	public static final List<String> REVIEW_CHECKS = List.of("checkCompetence", "checkQualification", "checkProcedure",
			"checkFacts", "checkEvidence", "checkLegalBasis", "checkDiscretion", "checkDocuments", "checkCrime");

	/** A specific written opinion approving a decision (seed 004: every conclusion has one). */
	public static final String APPROVING_OPINION = "主体、人员适格，程序合法，事实清楚，证据确凿，适用法律准确，罚款在裁量基准幅度内。同意作出该决定。";

	/**
	 * The review decision form's nine checks all ticked, deciding, with an approving opinion and the legal adviser's
	 * part (a mutable copy; the caller adds the outcome, and for any other outcome unticks the points found wanting
	 * and writes its opinion).
	 */
	public static Map<String, Object> legalReviewAllChecksPassed() {
		Map<String, Object> decision = new LinkedHashMap<>();
		for (String c : REVIEW_CHECKS) {
			decision.put(c, value(true));
		}
		decision.put("reviewAction", value("DECIDE"));
		decision.put("reviewOpinion", value(APPROVING_OPINION));
		counsel().forEach((field, v) -> decision.put(field, value(v)));
		return decision;
	}

	/**
	 * The review decision form's counsel fields (as the engine takes them): a legal adviser took part and was followed —
	 * LIAOKUO's plan makes their part compulsory (dmn/legal-review-participation.dmn, seed 000).
	 */
	public static Map<String, Object> counsel() {
		Map<String, Object> counsel = new LinkedHashMap<>();
		counsel.put("counselKind", "LEGAL_ADVISER");
		counsel.put("counselName", "云南某律师事务所赵律师");
		counsel.put("counselOpinion", "同意审核意见");
		counsel.put("counselAdoption", "ADOPTED");
		return counsel;
	}

	/** Valid metadata of an AV recording upload (a mutable copy). */
	public static Map<String, String> avMetadata() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("step", "userTask_seizeProperty");
		m.put("officers", "officer1,officer2");
		m.put("device", "执法记录仪 DSJ-01");
		m.put("startedAt", "2026-11-20T01:00:00Z");
		m.put("endedAt", "2026-11-20T01:30:00Z");
		m.put("partyInformed", "true");
		m.put("interruptions", "[{\"at\":\"2026-11-20T01:10:00Z\",\"reason\":\"更换电池\"}]");
		return m;
	}

	/** A multipart body ({@link #MULTIPART}) with an MP4 file (ISO base media header) and the metadata fields. */
	public static byte[] multipart(String fileName, String mediaType, Map<String, String> fields) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (var f : fields.entrySet()) {
				out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
						+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			byte[] video = new byte[4096];
			new Random().nextBytes(video);
			System.arraycopy(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2' }, 0, video, 0, 12);
			out.write(video);
			out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A file part of a multipart form sent with {@code TestRestTemplate}: {@code bytes} named {@code name}, of media type {@code type}. */
	/** Text files as the parts {@code field} of a multipart form, without a content type of their own (as the model uploads send them). */
	public static void addTextFiles(org.springframework.util.MultiValueMap<String, Object> form, String field,
			Map<String, String> files) {
		files.forEach((name, content) -> form.add(field, new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		}, new HttpHeaders())));
	}

	public static HttpEntity<ByteArrayResource> filePart(String name, byte[] bytes, String type) {
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType(type));
		return new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}, partHeaders);
	}

	/**
	 * A multipart form (for {@code TestRestTemplate}) uploading {@code video} as {@code seizure.mp4}, the recording of the
	 * seizure step with the least metadata.
	 */
	public static MultiValueMap<String, Object> avUploadForm(byte[] video) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", filePart("seizure.mp4", video, "video/mp4"));
		form.add("step", "userTask_seizeProperty");
		form.add("device", "执法记录仪 DSJ-01");
		form.add("startedAt", "2026-11-20T01:00:00Z");
		form.add("endedAt", "2026-11-20T01:30:00Z");
		form.add("partyInformed", "true");
		return form;
	}

	/**
	 * A closed case of {@code agency} put straight into the case register (as a case that ran its whole process), for
	 * processes that start from a closed case (guiding cases): a natural person with the identity number, contact and
	 * address given. Returns its case number (unique per call).
	 */
	public static String closedCase(org.springframework.jdbc.core.JdbcTemplate jdbc, String agency, String partyName,
			String idNumber, String contact, String address, java.time.Instant closedAt) {
		String caseNo = "测结〔" + java.time.LocalDate.ofInstant(closedAt, java.time.ZoneId.of("Asia/Shanghai")).getYear() + "〕"
				+ UUID.randomUUID().toString().substring(0, 8) + "号";
		java.sql.Timestamp at = java.sql.Timestamp.from(closedAt);
		jdbc.update("INSERT INTO zf_case (case_no, agency_code, source, summary_procedure, party_type, party_name, party_id_number,"
				+ " party_contact, party_address, party_is_official, violation_code, facts, discovered_on, stage, registered_at,"
				+ " registered_by, filed_at, decided_at, closed_at) VALUES (?, ?, 'PATROL', FALSE, 'PERSON', ?, ?, ?, ?, FALSE,"
				+ " 'CM-OCCUPY-ROAD', '在人民路占道经营', ?, 'CLOSED', ?, 'officer1', ?, ?, ?)", caseNo, agency, partyName, idNumber,
				contact, address, java.sql.Date.valueOf(java.time.LocalDate.ofInstant(closedAt, java.time.ZoneId.of("Asia/Shanghai"))
					.minusDays(30)), at, at, at, at);
		return caseNo;
	}
}

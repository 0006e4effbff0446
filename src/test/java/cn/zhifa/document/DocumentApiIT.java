package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.WebappSession;
import cn.zhifa.support.ZhifaIntegrationTest;

/** Issue 4: generated documents through HTTP, only for users of the owning agency (404 otherwise). */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentApiIT {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	DocumentService documents;
	@Autowired
	RecordService records;

	String caseId = "DOC-API-" + UUID.randomUUID();
	GeneratedDocument opinion;
	GeneratedDocument submission;

	@BeforeAll
	void generateTwoLiaokuoDocuments() {
		Map<String, Object> fields = DocumentTemplatesTest.legalReviewVariables();
		fields.put("caseId", caseId);
		submission = documents.generate("REVIEW_SUBMISSION", "LIAOKUO", caseId, null, fields);
		opinion = documents.generate("REVIEW_OPINION", "LIAOKUO", caseId, null, fields);
	}

	@Test
	void generatedDocumentIsNumberedAndStoredWithItsHash() {
		int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
		assertThat(opinion.number()).matches("寥街法审〔" + year + "〕\\d+号");
		assertThat(submission.number()).matches("寥街法审送〔" + year + "〕\\d+号");
		assertThat(opinion.fileName()).isEqualTo("法制审核意见书-" + opinion.number() + ".docx");
		StoredDocument stored = documents.find(opinion.id()).orElseThrow();
		assertThat(stored.sha256()).isEqualTo(opinion.sha256()).isEqualTo(DocumentService.sha256(stored.content()));
		assertThat(stored.agencyCode()).isEqualTo("LIAOKUO");
		assertThat(stored.kind()).isEqualTo("REVIEW_OPINION");
		assertThat(stored.caseId()).isEqualTo(caseId);
		assertThat(stored.createdBy()).isEqualTo(DocumentService.SYSTEM_USER);
	}

	/**
	 * Issue 12 §4: a document linked in a task form opens for the user logged in to Tasklist, with the
	 * webapp session alone (no HTTP Basic); the session gives the same agency limits, and only reads.
	 */
	@Test
	void aLinkFromTasklistOpensTheDocumentWithTheWebappSession() {
		String officer1 = WebappSession.login(http, "officer1", "tasklist").session();
		ResponseEntity<byte[]> opened = http.exchange("/api/documents/" + opinion.id(), HttpMethod.GET,
				new HttpEntity<>(cookie(officer1)), byte[].class);
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(DocumentService.sha256(opened.getBody())).isEqualTo(opinion.sha256());
		assertThat(opened.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");

		// another agency: as if it did not exist
		String officer4 = WebappSession.login(http, "officer4", "tasklist").session();
		assertThat(http.exchange("/api/documents/" + opinion.id(), HttpMethod.GET, new HttpEntity<>(cookie(officer4)),
				byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// no session, or a session without a login: a login is needed
		assertThat(http.getForEntity("/api/documents/" + opinion.id(), byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.exchange("/api/documents/" + opinion.id(), HttpMethod.GET,
				new HttpEntity<>(cookie(anonymousSession())), byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// the session reads only: changing something still needs the API's own login
		HttpHeaders post = cookie(officer1);
		post.setContentType(MediaType.APPLICATION_JSON);
		assertThat(http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{}", post), String.class).getStatusCode()
			.is2xxSuccessful()).isFalse();
		assertThat(http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{}", post), String.class).getStatusCode()
			.value()).isIn(401, 403);
	}


	private String anonymousSession() {
		return WebappSession.setCookie(http.getForEntity("/camunda/app/tasklist/default/", String.class), "JSESSIONID");
	}

	private static HttpHeaders cookie(String session) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
		return headers;
	}


	@Test
	void ownAgencyDownloadsTheDocxWithItsFileName() throws IOException {
		ResponseEntity<byte[]> response = http.withBasicAuth("officer1", "demo")
			.getForEntity("/api/documents/" + opinion.id(), byte[].class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().toString()).isEqualTo(StoredDocument.DOCX_MEDIA_TYPE);
		String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
			.isEqualTo(opinion.fileName());
		assertThat(DocumentService.sha256(response.getBody())).isEqualTo(opinion.sha256());
		try (XWPFWordExtractor text = new XWPFWordExtractor(DocxTemplateFillerTest.reopen(response.getBody()))) {
			assertThat(text.getText()).contains("法制审核意见书", opinion.number(), caseId, "寥廓街道综合行政执法队");
		}
	}

	/** R-REC-5: a supervisor reads a document with a stated purpose, and the read is recorded in the case's record. */
	@Test
	void aSupervisorStatesAPurposeAndTheReadIsRecorded() {
		long before = retrievals();
		ResponseEntity<String> refused = http.withBasicAuth("supervisor1", "demo")
			.getForEntity("/api/documents/" + opinion.id(), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("调阅目的");
		assertThat(retrievals()).isEqualTo(before);

		ResponseEntity<byte[]> read = http.withBasicAuth("supervisor1", "demo")
			.getForEntity("/api/documents/" + opinion.id() + "?purpose=案卷评查", byte[].class);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(DocumentService.sha256(read.getBody())).isEqualTo(opinion.sha256());
		RecordEntry entry = records.list(caseId).stream().filter(e -> e.kind().equals("RETRIEVAL")).reduce((a, b) -> b)
			.orElseThrow();
		assertThat(entry.actor()).isEqualTo("supervisor1");
		assertThat(entry.dataMap()).containsEntry("purpose", "案卷评查").containsEntry("retrieved", "document " + opinion.id());
		assertThat(retrievals()).isEqualTo(before + 1);
		// the agency's own reviewer reads without a purpose and without an entry
		assertThat(http.withBasicAuth("reviewer1", "demo").getForEntity("/api/documents/" + opinion.id(), byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retrievals()).isEqualTo(before + 1);
	}

	private long retrievals() {
		return records.list(caseId).stream().filter(e -> e.kind().equals("RETRIEVAL")).count();
	}

	@Test
	void anotherAgencysDocumentIsNotFound() {
		// officer4 belongs to QLSCJ: the LIAOKUO document must look exactly like a missing one
		ResponseEntity<String> foreign = http.withBasicAuth("officer4", "demo")
			.getForEntity("/api/documents/" + opinion.id(), String.class);
		ResponseEntity<String> missing = http.withBasicAuth("officer4", "demo")
			.getForEntity("/api/documents/" + UUID.randomUUID(), String.class);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(String.valueOf(foreign.getBody())).doesNotContain(opinion.number(), "LIAOKUO");
	}

	@Test
	void downloadNeedsLogin() {
		assertThat(http.getForEntity("/api/documents/" + opinion.id(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void listShowsOnlyTheUsersAgencysDocumentsWithoutContent() {
		List<Map<String, Object>> own = list("reviewer1");
		assertThat(own).extracting(d -> d.get("id")).containsExactly(submission.id(), opinion.id());
		assertThat(own).extracting(d -> d.get("number")).containsExactly(submission.number(), opinion.number());
		assertThat(own.get(0)).doesNotContainKey("content").containsEntry("kind", "REVIEW_SUBMISSION");
		assertThat(list("officer4")).isEmpty();
		// the administrator reads another agency's case files as a supervisor does: with a purpose, recorded (R-REC-5)
		assertThat(list("admin", "&purpose=系统维护核对")).hasSize(2);
	}

	private List<Map<String, Object>> list(String user) {
		return list(user, "");
	}

	private List<Map<String, Object>> list(String user, String purpose) {
		ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, "demo")
			.exchange("/api/documents?caseId=" + caseId + purpose, HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}
}

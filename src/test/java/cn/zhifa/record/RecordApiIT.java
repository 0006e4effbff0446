package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 9 through HTTP (R-REC-2/4/5/6, R-COORD-6): own agency reads, other agencies do not;
 * supervisors need a purpose and their retrieval is recorded; evidence upload checks the content
 * type and stores by hash; interference reports reach supervisors; the exported case file verifies
 * offline and fails after one byte changed; the public head is anonymous.
 */
@ZhifaIntegrationTest
class RecordApiIT {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	RecordService records;
	@Autowired
	RecordVerifier verifier;
	@Autowired
	AvFileStore store;

	private String newCase() {
		String caseNo = "REC-API-" + UUID.randomUUID();
		records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("note", "立案"));
		return caseNo;
	}

	@Test
	void ownAgencyReadsOthersDoNotSupervisorsStateAPurposeAndAreRecorded() {
		String caseNo = newCase();
		ResponseEntity<List<Map<String, Object>>> own = http.withBasicAuth("officer1", "demo")
			.exchange("/api/records/" + caseNo, HttpMethod.GET, null, LIST);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).hasSize(1);
		assertThat(http.withBasicAuth("officer4", "demo").getForEntity("/api/records/" + caseNo, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.withBasicAuth("supervisor1", "demo").getForEntity("/api/records/" + caseNo, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(records.list(caseNo)).hasSize(1);

		ResponseEntity<List<Map<String, Object>>> supervised = http.withBasicAuth("supervisor1", "demo")
			.exchange("/api/records/" + caseNo + "?purpose=案卷评查", HttpMethod.GET, null, LIST);
		assertThat(supervised.getStatusCode()).isEqualTo(HttpStatus.OK);
		RecordEntry retrieval = records.list(caseNo).get(1);
		assertThat(retrieval.kind()).isEqualTo("RETRIEVAL");
		assertThat(retrieval.actor()).isEqualTo("supervisor1");
		assertThat(retrieval.dataMap()).containsEntry("purpose", "案卷评查").containsEntry("retrieved", "record");
		assertThat(supervised.getBody()).extracting(m -> m.get("kind")).containsExactly("TEST_STEP", "RETRIEVAL");

		ResponseEntity<Map<String, Object>> verify = http.withBasicAuth("officer1", "demo")
			.exchange("/api/records/" + caseNo + "/verify", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(verify.getBody()).containsEntry("ok", true);
	}

	@Test
	void evidenceUploadChecksTypeStoresByHashAndTheVerifierNoticesChangedBytes() throws IOException {
		String caseNo = newCase();
		byte[] video = WholeCaseRecordIT.randomBytes();
		ResponseEntity<Map<String, Object>> created = upload("officer1", caseNo, video, "seizure.mp4", "video/mp4");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String sha256 = Hashing.sha256(video);
		assertThat(created.getBody()).containsEntry("sha256", sha256).containsEntry("step", "userTask_seizeProperty")
			.containsEntry("partyInformed", true).containsEntry("device", "执法记录仪 DSJ-01");
		assertThat(Files.readAllBytes(store.path(sha256))).isEqualTo(video);
		assertThat(records.list(caseNo)).extracting(RecordEntry::kind).contains("EVIDENCE_ADDED");

		// declared as a video, but the bytes are text: refused
		assertThat(upload("officer1", caseNo, "hello, not a video".getBytes(), "fake.mp4", "video/mp4").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(upload("officer1", caseNo, "hello".getBytes(), "note.txt", "text/plain").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(upload("officer4", caseNo, video, "x.mp4", "video/mp4").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// R-REC-3: the party must have been told that recording starts — a missing or negative statement is refused
		for (String informed : new String[] { null, "false" }) {
			ResponseEntity<Map<String, Object>> refused = upload("officer1", caseNo, WholeCaseRecordIT.randomBytes(), "y.mp4",
					"video/mp4", informed);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody()).containsEntry("field", "partyInformed");
			assertThat((String) refused.getBody().get("detail")).contains("告知当事人");
		}

		Path file = store.path(sha256);
		Files.write(file, "tampered".getBytes());
		try {
			VerificationReport report = verifier.verifyCase(caseNo);
			assertThat(report.ok()).isFalse();
			assertThat(report.firstBroken().fileId()).isEqualTo(created.getBody().get("id"));
			assertThat(report.firstBroken().kind()).isEqualTo(VerificationReport.Kind.FILE_CHANGED);
			assertThat(report.firstBroken().description()).contains("被修改");
		}
		finally {
			Files.write(file, video);
		}
		assertThat(verifier.verifyCase(caseNo).ok()).isTrue();
	}

	@Test
	void interferenceIsRecordedByAnyoneAndListedForSupervisors() {
		String caseNo = newCase();
		Map<String, Object> report = Map.of("intervener", "某区领导", "intervenerUnit", "某区政府办公室",
				"occurredAt", "2026-11-20T02:00:00Z", "description", "电话要求从轻处理");
		ResponseEntity<Map<String, Object>> created = http.withBasicAuth("officer4", "demo").exchange(
				"/api/records/" + caseNo + "/interference", HttpMethod.POST, new HttpEntity<>(report),
				new ParameterizedTypeReference<>() {
				});
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(records.list(caseNo)).last().satisfies(e -> {
			assertThat(e.kind()).isEqualTo("INTERFERENCE_REPORTED");
			assertThat(e.actor()).isEqualTo("officer4");
			assertThat(e.agencyCode()).isEqualTo("LIAOKUO");
		});
		List<Map<String, Object>> listed = http.withBasicAuth("supervisor1", "demo")
			.exchange("/api/interference", HttpMethod.GET, null, LIST).getBody();
		assertThat(listed).anySatisfy(m -> {
			assertThat(m.get("caseNo")).isEqualTo(caseNo);
			assertThat(((Map<?, ?>) m.get("data")).get("description")).isEqualTo("电话要求从轻处理");
		});
		List<Map<String, Object>> otherAgency = http.withBasicAuth("officer4", "demo")
			.exchange("/api/interference", HttpMethod.GET, null, LIST).getBody();
		assertThat(otherAgency).extracting(m -> m.get("caseNo")).doesNotContain(caseNo);
	}

	@Test
	void exportedCaseFileVerifiesOfflineAndFailsAfterOneByteChanged() throws IOException {
		String caseNo = newCase();
		upload("officer1", caseNo, WholeCaseRecordIT.randomJpeg(), "photo.jpg", "image/jpeg");
		ResponseEntity<byte[]> zip = http.withBasicAuth("officer1", "demo")
			.getForEntity("/api/case-files/" + caseNo + "/export", byte[].class);
		assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
		VerificationReport intact = CaseFileZip.verify(new ByteArrayInputStream(zip.getBody()), "export.zip");
		assertThat(intact.ok()).as(intact.describe()).isTrue();
		assertThat(intact.recordsChecked()).isEqualTo(2);
		assertThat(records.list(caseNo)).last().extracting(RecordEntry::kind).isEqualTo("CASE_FILE_EXPORTED");

		byte[] changed = changeOneByte(zip.getBody(), "evidence/");
		VerificationReport broken = CaseFileZip.verify(new ByteArrayInputStream(changed), "changed.zip");
		assertThat(broken.ok()).isFalse();
		assertThat(broken.firstBroken().fileId()).startsWith("evidence/");
		byte[] changedRecord = changeOneByte(zip.getBody(), CaseFileZip.RECORD);
		assertThat(CaseFileZip.verify(new ByteArrayInputStream(changedRecord), "record.zip").ok()).isFalse();

		ResponseEntity<Map<String, Object>> check = http.withBasicAuth("officer1", "demo").exchange(
				"/api/case-files/" + caseNo + "/check", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(check.getBody()).containsEntry("kind", "default").containsEntry("complete", false);
	}

	@Test
	void publicHeadIsAnonymousAndContainedInTheChain() {
		ResponseEntity<Map<String, Object>> head = http.exchange("/public/api/records/head", HttpMethod.GET, null,
				new ParameterizedTypeReference<>() {
				});
		assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) head.getBody().get("hash")).hasSize(64);
		assertThat(head.getBody()).containsKeys("period", "date", "sequence").containsEntry("publishInterval", "PT1H");
		assertThat((String) head.getBody().get("period")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:00\\+08:00")
			.startsWith((String) head.getBody().get("date"));
		// signed (Ed25519): anyone can check the published value with the public key shown beside it
		Map<String, Object> h = head.getBody();
		String message = "zhifa-record-head|" + h.get("period") + "|" + h.get("sequence") + "|" + h.get("hash");
		assertThat(h.get("signedMessage")).isEqualTo(message);
		assertThat(HeadSigner.verify(message, (String) h.get("signature"), (String) h.get("publicKey"))).isTrue();
		String forged = "zhifa-record-head|" + h.get("period") + "|" + h.get("sequence") + "|" + "f".repeat(64);
		assertThat(HeadSigner.verify(forged, (String) h.get("signature"), (String) h.get("publicKey"))).isFalse();
	}

	private ResponseEntity<Map<String, Object>> upload(String user, String caseNo, byte[] bytes, String name, String type) {
		return upload(user, caseNo, bytes, name, type, "true");
	}

	private ResponseEntity<Map<String, Object>> upload(String user, String caseNo, byte[] bytes, String name, String type,
			String partyInformed) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType(type));
		form.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}, partHeaders));
		form.add("step", "userTask_seizeProperty");
		form.add("officers", "officer1,officer2");
		form.add("device", "执法记录仪 DSJ-01");
		form.add("startedAt", "2026-11-20T01:00:00Z");
		form.add("endedAt", "2026-11-20T01:30:00Z");
		if (partyInformed != null) {
			form.add("partyInformed", partyInformed);
		}
		form.add("interruptions", "[{\"at\":\"2026-11-20T01:10:00Z\",\"reason\":\"更换电池\"}]");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, "demo").exchange("/api/records/" + caseNo + "/evidence", HttpMethod.POST,
				new HttpEntity<>(form, headers), new ParameterizedTypeReference<>() {
				});
	}

	/** A copy of the ZIP with the last byte of the first entry whose name starts with {@code prefix} flipped. */
	static byte[] changeOneByte(byte[] zip, String prefix) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boolean done = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream copy = new ZipOutputStream(out)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				byte[] bytes = in.readAllBytes();
				if (!done && entry.getName().startsWith(prefix)) {
					bytes[bytes.length - 1] ^= 1;
					done = true;
				}
				copy.putNextEntry(new ZipEntry(entry.getName()));
				copy.write(bytes);
				copy.closeEntry();
			}
		}
		assertThat(done).as("entry " + prefix + " in the ZIP").isTrue();
		return out.toByteArray();
	}
}

package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.RoleRequired;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * REST for the full-process record (R-REC-1…6, R-COORD-6). Users of a case's agency read its
 * record; supervisors read any case with a {@code purpose}, and each such retrieval is recorded
 * ({@link RecordAccess}).
 */
@RestController
class RecordController {

	private final RecordService records;
	private final RecordVerifier verifier;
	private final AvEvidenceService evidence;
	private final CaseFiles caseFiles;
	private final RecordAccess access;
	private final HistoryService history;
	private final InterferenceReports interference;

	RecordController(RecordService records, RecordVerifier verifier, AvEvidenceService evidence, CaseFiles caseFiles,
			RecordAccess access, HistoryService history, InterferenceReports interference) {
		this.records = records;
		this.verifier = verifier;
		this.evidence = evidence;
		this.caseFiles = caseFiles;
		this.access = access;
		this.history = history;
		this.interference = interference;
	}

	/**
	 * An entry as served: the stored fields with {@code data} as an object; {@code globalSeq} null until the
	 * entry is sealed (ADR-0043, seconds after its step).
	 */
	record EntryView(String caseNo, long caseSeq, Long globalSeq, String kind, String actor, String agencyCode,
			String processInstanceId, String activityId, Instant occurredAt, Map<String, Object> data, String prevHash,
			String hash) {

		static EntryView of(RecordEntry e) {
			return new EntryView(e.caseNo(), e.caseSeq(), e.globalSeq(), e.kind(), e.actor(), e.agencyCode(), e.processInstanceId(),
					e.activityId(), e.occurredAt(), e.dataMap(), e.prevHash(), e.hash());
		}
	}

	/** The case's record in order. */
	@GetMapping("/api/records/{caseNo}")
	List<EntryView> record(@PathVariable String caseNo, @RequestParam(required = false) String purpose) {
		access.read(caseNo, purpose, "record");
		return records.list(caseNo).stream().map(EntryView::of).toList();
	}

	/** Verification of the case's chain and files. */
	@GetMapping("/api/records/{caseNo}/verify")
	VerificationReport verify(@PathVariable String caseNo, @RequestParam(required = false) String purpose) {
		access.read(caseNo, purpose, "verify");
		return verifier.verifyCase(caseNo);
	}

	/** Verification of the whole store (supervisors and administrators). */
	@GetMapping("/api/records/verify")
	@RoleRequired(value = { Roles.SUPERVISOR, Roles.ADMIN }, refusal = "只有监督人员可以校验全部执法记录")
	VerificationReport verifyAll() {
		return verifier.verifyAll();
	}

	/**
	 * Upload of a recording or photo (multipart {@code file}) with its metadata (R-REC-2/3); the
	 * step is the BPMN activity id it documents.
	 */
	@PostMapping(path = "/api/records/{caseNo}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AvFile> upload(@PathVariable String caseNo, @RequestParam MultipartFile file,
			@RequestParam(required = false) String step, @RequestParam(required = false) String officers,
			@RequestParam(required = false) String device, @RequestParam(required = false) Instant startedAt,
			@RequestParam(required = false) Instant endedAt, @RequestParam(required = false) Boolean partyInformed,
			@RequestParam(required = false) String interruptions) throws IOException {
		String agency = access.write(caseNo);
		List<String> officerIds = officers == null || officers.isBlank() ? List.of(CurrentUser.get().id())
				: Arrays.stream(officers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		AvEvidenceService.Metadata metadata = new AvEvidenceService.Metadata(step, agency, officerIds, device, startedAt,
				endedAt, partyInformed, interruptions(interruptions));
		try (InputStream in = file.getInputStream()) {
			AvFile stored = evidence.add(caseNo, file.getOriginalFilename(), file.getContentType(), in, metadata,
					CurrentUser.get().id());
			return ResponseEntity.status(HttpStatus.CREATED).body(stored);
		}
		catch (AvFileStore.FileTooLargeException e) {
			throw Problem.tooLarge("file", e.getMessage());
		}
	}

	/** {@code [{"at": "2026-11-20T01:10:00Z", "reason": "更换电池"}, …]}; 400 naming the entry that cannot be read. */
	private static List<AvFile.Interruption> interruptions(String json) {
		List<AvFile.Interruption> breaks = new ArrayList<>();
		if (json == null || json.isBlank()) {
			return breaks;
		}
		List<Map<String, String>> list;
		try {
			list = Hashing.JSON.readValue(json, new TypeReference<List<Map<String, String>>>() {
			});
		}
		catch (IOException e) {
			throw Problem.invalid("interruptions", "中断记录应为 JSON 列表，例如 [{\"at\":\"2026-11-20T01:10:00Z\",\"reason\":\"更换电池\"}]");
		}
		for (int i = 0; i < list.size(); i++) {
			Map<String, String> m = list.get(i);
			String at = m == null ? null : m.get("at");
			try {
				breaks.add(new AvFile.Interruption(at == null ? null : Instant.parse(at), m == null ? null : m.get("reason")));
			}
			catch (DateTimeParseException e) {
				throw Problem.invalid("interruptions[" + i + "].at", "中断时间应为 ISO-8601 时间，例如 2026-11-20T01:10:00Z");
			}
		}
		return breaks;
	}

	@GetMapping("/api/records/{caseNo}/evidence")
	List<AvFile> evidence(@PathVariable String caseNo, @RequestParam(required = false) String purpose) {
		access.read(caseNo, purpose, "evidence list");
		return evidence.list(caseNo);
	}

	/** The bytes of one recording or photo. */
	@GetMapping("/api/records/{caseNo}/evidence/{fileId}")
	ResponseEntity<InputStreamResource> file(@PathVariable String caseNo, @PathVariable String fileId,
			@RequestParam(required = false) String purpose) throws IOException {
		AvFile file = evidence.find(fileId).filter(f -> f.caseNo().equals(caseNo))
			.orElseThrow(() -> RecordAccess.notFound(caseNo));
		access.read(caseNo, purpose, "evidence " + fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.contentLength(file.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(new InputStreamResource(evidence.open(file)));
	}

	/** A report of interference in a case (R-COORD-6): who intervened, when, what; any logged-in person. */
	record InterferenceReport(String intervener, String intervenerUnit, Instant occurredAt, String description) {
	}

	@PostMapping("/api/records/{caseNo}/interference")
	ResponseEntity<EntryView> reportInterference(@PathVariable String caseNo, @RequestBody InterferenceReport report) {
		String agency = caseFiles.agencyOf(caseNo).orElseThrow(() -> RecordAccess.notFound(caseNo));
		RecordEntry entry = interference.report(caseNo, agency, CurrentUser.get().id(), new InterferenceReports.Report(
				report.intervener(), report.intervenerUnit(), report.occurredAt(), report.description()));
		return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(entry));
	}

	/** Interference reports: supervisors see all, others their agencies'. */
	@GetMapping("/api/interference")
	List<EntryView> interference() {
		CurrentUser user = CurrentUser.get();
		return records.listByKind(InterferenceReports.KIND, RecordAccess.supervises(user) ? null : user.agencies())
			.stream().map(EntryView::of).toList();
	}

	/** One party's cases (by 身份证号/统一社会信用代码) with their records and evidence (R-REC-4). */
	record PartyCase(String caseNo, String agencyCode, String partyName, List<EntryView> record, List<AvFile> evidence) {
	}

	@GetMapping("/api/parties/{partyIdNumber}/records")
	List<PartyCase> party(@PathVariable String partyIdNumber, @RequestParam(required = false) String purpose) {
		CurrentUser user = CurrentUser.get();
		Set<String> caseNos = new LinkedHashSet<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
			.variableValueEquals("partyIdNumber", partyIdNumber).list()) {
			HistoricProcessInstance p = history.createHistoricProcessInstanceQuery()
				.processInstanceId(v.getProcessInstanceId()).singleResult();
			if (p == null || p.getBusinessKey() == null) {
				continue;
			}
			caseNos.add(p.getBusinessKey());
			history.createHistoricVariableInstanceQuery().processInstanceId(p.getId()).variableName("partyName").list()
				.stream().findFirst().ifPresent(n -> names.put(p.getBusinessKey(), String.valueOf(n.getValue())));
		}
		List<PartyCase> cases = new ArrayList<>();
		for (String caseNo : caseNos) {
			String agency = caseFiles.agencyOf(caseNo).orElse(null);
			boolean visible = RecordAccess.supervises(user) || (agency != null && user.mayAccessAgency(agency));
			if (!visible) {
				continue;
			}
			access.read(caseNo, purpose, "party " + partyIdNumber);
			cases.add(new PartyCase(caseNo, agency, names.get(caseNo),
					records.list(caseNo).stream().map(EntryView::of).toList(), evidence.list(caseNo)));
		}
		return cases;
	}

	/** Completeness of the case file against the checklist of its kind (shown before closing). */
	@GetMapping("/api/case-files/{caseNo}/check")
	CaseFiles.Check check(@PathVariable String caseNo, @RequestParam(required = false) String purpose) {
		access.read(caseNo, purpose, "case-file check");
		return caseFiles.check(caseNo);
	}

	/** The whole case file as a ZIP with a manifest of hashes (R-REC-6). */
	@GetMapping("/api/case-files/{caseNo}/export")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String caseNo,
			@RequestParam(required = false) String purpose) {
		access.read(caseNo, purpose, "case-file export");
		String user = CurrentUser.get().id();
		StreamingResponseBody body = out -> caseFiles.export(caseNo, out, user);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("案卷-" + caseNo + ".zip", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	/** Year-end handover list (default: last year) of closed case files, own agencies or all for supervisors. */
	@GetMapping("/api/case-files/handover")
	List<CaseFiles.HandoverItem> handover(@RequestParam(required = false) Integer year) {
		if (year != null && (year < 1949 || year > 9999)) {
			throw Problem.invalid("year", "年份（year）应为四位数字，例如 " + caseFiles.lastYear());
		}
		CurrentUser user = CurrentUser.get();
		return caseFiles.handover(year == null ? caseFiles.lastYear() : year,
				RecordAccess.supervises(user) ? null : user.agencies());
	}
}

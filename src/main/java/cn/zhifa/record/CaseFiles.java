package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.document.DocumentMetadata;
import cn.zhifa.document.DocumentService;
import cn.zhifa.document.StoredDocument;

/**
 * Case files (案卷, R-REC-6): the completeness check against {@code templates/case-file-checklist.yml},
 * the ZIP export with a manifest of hashes, and the year-end handover list of last year's closed
 * cases. A case is identified by its number (the business key of its root process instance).
 */
@Service
class CaseFiles {

	private final HistoryService history;
	private final RecordService records;
	private final AvEvidenceService evidence;
	private final DocumentService documents;
	private final CaseFileChecklist checklist;
	private final List<CaseFileSection> sections;
	private final Clock clock;

	CaseFiles(HistoryService history, RecordService records, AvEvidenceService evidence, DocumentService documents,
			CaseFileChecklist checklist, List<CaseFileSection> sections, Clock clock) {
		this.clock = clock;
		this.history = history;
		this.records = records;
		this.evidence = evidence;
		this.documents = documents;
		this.checklist = checklist;
		this.sections = sections;
	}

	/** The case as the engine knows it: root process instance, its kind and agency. */
	public record CaseInfo(String caseNo, String agencyCode, String processInstanceId, String processKey,
			String kind, Date startedAt, Date endedAt) {
	}

	/** One line of the completeness check. */
	public record CheckItem(String label, String requirement, boolean present, List<String> found) {
	}

	/** Completeness of a case file (shown before closing). */
	public record Check(String caseNo, String kind, String kindName, boolean complete, List<CheckItem> items) {
	}

	/** One case of the year-end handover list. */
	public record HandoverItem(String caseNo, String agencyCode, String processKey, String kind, Date startedAt,
			Date endedAt, long recordEntries, String recordHeadHash, boolean complete) {
	}

	/** The root process instance of the case, if the engine knows it. */
	public Optional<CaseInfo> caseInfo(String caseNo) {
		return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).list().stream()
			.filter(p -> p.getSuperProcessInstanceId() == null)
			.min(Comparator.comparing(HistoricProcessInstance::getStartTime))
			.map(this::info);
	}

	private CaseInfo info(HistoricProcessInstance p) {
		HistoricVariableInstance kind = history.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
			.variableName("caseKind").list().stream().findFirst().orElse(null);
		String kindName = kind != null && kind.getValue() != null ? kind.getValue().toString()
				: p.getProcessDefinitionKey();
		return new CaseInfo(p.getBusinessKey(), p.getTenantId(), p.getId(), p.getProcessDefinitionKey(), kindName,
				p.getStartTime(), p.getEndTime());
	}

	/** The agency of a case: from its record, else from its process instance. */
	public Optional<String> agencyOf(String caseNo) {
		Optional<String> recorded = records.head(caseNo).map(RecordService.CaseHead::agencyCode);
		if (recorded.isPresent()) {
			return recorded;
		}
		return caseInfo(caseNo).map(CaseInfo::agencyCode);
	}

	/** Checks the case file against the checklist of its kind. */
	@Transactional(readOnly = true)
	public Check check(String caseNo) {
		String kind = caseInfo(caseNo).map(CaseInfo::kind).orElse(null);
		CaseFileChecklist.Kind list = checklist.kind(kind);
		List<DocumentMetadata> docs = documents.listByCase(caseNo);
		List<AvFile> files = evidence.list(caseNo);
		List<RecordEntry> entries = records.list(caseNo);
		List<CheckItem> items = new ArrayList<>();
		for (CaseFileChecklist.Item item : list.items()) {
			List<String> found;
			String requirement;
			if (item.document() != null) {
				requirement = "document:" + item.document();
				found = docs.stream().filter(d -> item.document().equals(d.kind()))
					.map(d -> d.number() != null ? d.number() : d.id()).toList();
			}
			else if (item.evidence()) {
				requirement = "evidence";
				found = files.stream().map(AvFile::fileName).toList();
			}
			else {
				requirement = "record:" + item.record();
				found = entries.stream().filter(e -> e.kind().equals(item.record())).map(e -> "#" + e.caseSeq()).toList();
			}
			items.add(new CheckItem(item.label(), requirement, !found.isEmpty(), found));
		}
		return new Check(caseNo, kind == null ? list.kind() : kind, list.name(),
				items.stream().allMatch(CheckItem::present), items);
	}

	/**
	 * Writes the case file as a ZIP to {@code out}: {@code record.json}, {@code documents/…},
	 * {@code evidence/…}, the features' sections ({@link CaseFileSection}, e.g.
	 * {@code legal-review/disagreements.json}), {@code manifest.json}; records the export (who, manifest
	 * hash) in the case.
	 */
	@Transactional
	public void export(String caseNo, OutputStream out, String exportedBy) throws IOException {
		List<RecordEntry> entries = records.list(caseNo);
		CaseFileZip.Writer zip = new CaseFileZip.Writer(out);
		zip.add(CaseFileZip.RECORD, CaseFileZip.recordJson(entries));
		for (DocumentMetadata d : documents.listByCase(caseNo)) {
			StoredDocument doc = documents.find(d.id()).orElseThrow();
			zip.add("documents/" + safe(doc.id() + "-" + doc.fileName()), doc.content());
		}
		for (AvFile f : evidence.list(caseNo)) {
			try (InputStream in = evidence.open(f)) {
				zip.add("evidence/" + safe(f.id() + "-" + f.fileName()), in);
			}
		}
		String agency = agencyOf(caseNo).orElse(null);
		for (CaseFileSection section : sections) {
			List<Map<String, Object>> lines = section.entriesOf(caseNo, agency);
			if (!lines.isEmpty()) {
				zip.add(section.path(), Hashing.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(lines));
			}
		}
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("caseNo", caseNo);
		header.put("exportedAt", Hashing.iso(clock.instant()));
		header.put("exportedBy", exportedBy);
		header.put("recordEntries", entries.size());
		header.put("recordHeadHash", entries.isEmpty() ? Hashing.GENESIS : entries.get(entries.size() - 1).hash());
		header.put("checklist", Hashing.JSON.convertValue(check(caseNo), Map.class));
		String manifestSha256 = zip.finish(header);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("recordEntries", entries.size());
		data.put("recordHeadHash", header.get("recordHeadHash"));
		data.put("manifestSha256", manifestSha256);
		records.append(caseNo, "CASE_FILE_EXPORTED", exportedBy, data);
	}

	/** Root process instances of the agencies (null: all) closed in {@code year}, for the archive room. */
	@Transactional(readOnly = true)
	public List<HandoverItem> handover(int year, Collection<String> agencies) {
		Date from = Date.from(LocalDate.of(year, 1, 1).atStartOfDay(PublishedHeads.CHINA).toInstant());
		Date to = Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(PublishedHeads.CHINA).toInstant());
		HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().finished()
			.finishedAfter(from).finishedBefore(to).rootProcessInstances();
		if (agencies != null) {
			if (agencies.isEmpty()) {
				return List.of();
			}
			query.tenantIdIn(agencies.toArray(String[]::new));
		}
		List<HandoverItem> items = new ArrayList<>();
		for (HistoricProcessInstance p : query.orderByProcessInstanceEndTime().asc().list()) {
			if (p.getBusinessKey() == null || !RecordingParseListener.recorded(p.getProcessDefinitionKey())) {
				continue;
			}
			CaseInfo info = info(p);
			Optional<RecordService.CaseHead> head = records.head(p.getBusinessKey());
			items.add(new HandoverItem(p.getBusinessKey(), p.getTenantId(), p.getProcessDefinitionKey(), info.kind(),
					p.getStartTime(), p.getEndTime(), head.map(RecordService.CaseHead::lastSeq).orElse(0L),
					head.map(RecordService.CaseHead::lastHash).orElse(null), check(p.getBusinessKey()).complete()));
		}
		return items;
	}

	/** Last year in China. */
	int lastYear() {
		return Year.from(clock.instant().atZone(PublishedHeads.CHINA))
			.getValue() - 1;
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|]+", "_");
	}
}

package cn.zhifa.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.OfficerRepository;

/**
 * Generates, numbers and stores documents (R-REC-1). One call fills the kind's template with the
 * given fields plus the standard ones below, takes the next document number of the agency's series
 * for the current year, and stores the file - all in one transaction, so a failure leaves neither a
 * file nor a used number behind.
 * <p>
 * Standard fields every template may use: {@code agencyName}, {@code agencyShortName},
 * {@code documentNumber}, {@code documentName} (the kind's Chinese name), {@code caseId},
 * {@code today} (China time); {@code <field>Label} for every field with a label in
 * {@code labels.yml}; {@code <x>Name} for every text field {@code <x>Id} (the officer's full name, or the id itself
 * when it is not an officer's user id); and the kind's derived lists ({@code document-kinds.yml}).
 */
@Service
public class DocumentService {

	private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
	static final String SYSTEM_USER = "system";

	private final DocumentTemplates templates;
	private final DocumentNumbers numbers;
	private final DocumentRepository documents;
	private final AgencyRepository agencies;
	private final OfficerRepository officers;

	DocumentService(DocumentTemplates templates, DocumentNumbers numbers, DocumentRepository documents,
			AgencyRepository agencies, OfficerRepository officers) {
		this.templates = templates;
		this.numbers = numbers;
		this.documents = documents;
		this.agencies = agencies;
		this.officers = officers;
	}

	/**
	 * Generates a document of {@code kind} for the agency, recorded as produced by the logged-in user
	 * (or {@value #SYSTEM_USER}).
	 *
	 * @throws UnknownDocumentKindException if {@code templates/document-kinds.yml} does not list the kind
	 * @throws IllegalArgumentException if the agency does not exist
	 */
	@Transactional
	public GeneratedDocument generate(String kind, String agencyCode, String caseId, String processInstanceId,
			Map<String, Object> fields) {
		return generate(kind, agencyCode, caseId, processInstanceId, fields, currentUser());
	}

	/**
	 * As {@link #generate(String, String, String, String, Map)}, naming who produced the document
	 * ({@code null}: the logged-in user, else {@value #SYSTEM_USER}).
	 */
	@Transactional
	public GeneratedDocument generate(String kind, String agencyCode, String caseId, String processInstanceId,
			Map<String, Object> fields, String createdBy) {
		DocumentKind documentKind = templates.kind(kind);
		Agency agency = agencies.findById(agencyCode)
			.orElseThrow(() -> new IllegalArgumentException("Unknown agency '" + agencyCode + "' for document " + kind));
		Labels labels = templates.labels();
		byte[] template = templates.template(documentKind);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		LocalDate today = now.atZone(FieldFormatter.CHINA).toLocalDate();

		String number = null;
		if (documentKind.numbered()) {
			int sequence = numbers.next(agencyCode, documentKind.series(), today.getYear());
			number = DocumentNumbers.format(agency.getShortName(), documentKind.abbreviation(), today.getYear(), sequence);
		}
		Map<String, Object> all = fields(documentKind, agency, caseId, number, today, labels, fields);
		DocxTemplateFiller.Filled filled = new DocxTemplateFiller(labels).fill(template, all);
		if (!filled.missingFields().isEmpty()) {
			log.warn("Document {} of case {} generated with empty fields {}", kind, caseId, filled.missingFields());
		}
		String id = UUID.randomUUID().toString();
		String fileName = fileName(documentKind, number, caseId);
		String sha256 = sha256(filled.content());
		documents.save(new DocumentEntity(id, agencyCode, kind, number, caseId, processInstanceId, fileName,
				filled.content(), sha256, now, createdBy == null || createdBy.isBlank() ? currentUser() : createdBy));
		log.info("Generated {} {} for case {} of {}", documentKind.name(), number == null ? id : number, caseId, agencyCode);
		return new GeneratedDocument(id, number, fileName, sha256);
	}

	/** The stored document with its file, whoever's agency it belongs to: callers check access. */
	@Transactional(readOnly = true)
	public Optional<StoredDocument> find(String id) {
		return documents.findById(id).map(DocumentEntity::toStoredDocument);
	}

	/** Metadata of a case's documents that belong to one of {@code agencies}. */
	@Transactional(readOnly = true)
	public List<DocumentMetadata> listByCase(String caseId, Collection<String> agencies) {
		return agencies.isEmpty() ? List.of() : documents.findMetadataByCase(caseId, agencies);
	}

	/** Metadata of all a case's documents (administrators). */
	@Transactional(readOnly = true)
	public List<DocumentMetadata> listByCase(String caseId) {
		return documents.findMetadataByCase(caseId);
	}

	/** Whether {@code templates/document-kinds.yml} lists the kind. */
	public boolean isKnownKind(String kind) {
		return templates.kinds().containsKey(kind);
	}

	private Map<String, Object> fields(DocumentKind kind, Agency agency, String caseId, String number, LocalDate today,
			Labels labels, Map<String, Object> given) {
		Map<String, Object> all = new LinkedHashMap<>(given == null ? Map.of() : given);
		all.put("agencyName", agency.getName());
		all.put("agencyShortName", agency.getShortName());
		all.put("documentNumber", number);
		all.put("documentName", kind.name());
		all.put("today", today);
		if (caseId != null) {
			all.putIfAbsent("caseId", caseId);
		}
		FieldFormatter formatter = new FieldFormatter(labels);
		for (Map.Entry<String, Object> field : new ArrayList<>(all.entrySet())) {
			String label = labels.label(field.getKey(), field.getValue());
			if (label != null) {
				all.putIfAbsent(field.getKey() + Labels.SUFFIX, label);
			}
			if (field.getKey().endsWith("Id") && field.getKey().length() > 2 && field.getValue() instanceof String userId) {
				String nameField = field.getKey().substring(0, field.getKey().length() - 2) + "Name";
				if (!all.containsKey(nameField)) {
					all.put(nameField, officers.findById(userId).map(o -> o.getFullName()).orElse(userId));
				}
			}
		}
		kind.lists().forEach((name, items) -> {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (DocumentKind.ListItem item : items) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("item", item.item());
				row.put("field", item.field());
				if (all.containsKey(item.field())) {
					Object value = all.get(item.field());
					String label = labels.label(item.field(), value);
					row.put("value", label != null ? label : formatter.format(value));
				}
				else {
					log.warn("Field '{}' of list {} in document {} has no value: left empty", item.field(), name, kind.kind());
					row.put("value", "");
				}
				rows.add(row);
			}
			all.putIfAbsent(name, rows);
		});
		return all;
	}

	static String fileName(DocumentKind kind, String number, String caseId) {
		String suffix = number != null ? number : caseId != null ? caseId : LocalDate.now(FieldFormatter.CHINA).toString();
		return (kind.name() + "-" + suffix).replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + ".docx";
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	private static String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
				&& auth.getName() != null ? auth.getName() : SYSTEM_USER;
	}
}

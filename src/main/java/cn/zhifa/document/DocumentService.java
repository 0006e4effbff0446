package cn.zhifa.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;

/**
 * Generates, numbers and stores documents (R-REC-1). One call fills the kind's template with the
 * given fields plus the standard ones, takes the next document number of the agency's series
 * for the current year, and stores the file - all in one transaction, so a failure leaves neither a
 * file nor a used number behind.
 * <p>
 * The fields a template sees are the given ones plus the standard fields of {@link DocumentFields}.
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
	private final Clock clock;

	DocumentService(DocumentTemplates templates, DocumentNumbers numbers, DocumentRepository documents,
			AgencyRepository agencies, OfficerRepository officers, Clock clock) {
		this.clock = clock;
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
		Instant now = clock.instant();
		LocalDate today = now.atZone(FieldFormatter.CHINA).toLocalDate();

		String number = null;
		if (documentKind.numbered()) {
			int sequence = numbers.next(agencyCode, documentKind.series(), today.getYear());
			number = DocumentNumbers.format(agency.getShortName(), documentKind.abbreviation(), today.getYear(), sequence);
		}
		Map<String, Object> all = DocumentFields.build(documentKind, DocumentFields.Issuer.of(agency), caseId, number,
				now, labels, fields, id -> officers.findById(id).map(Officer::getFullName).orElse(null));
		DocxTemplateFiller.Filled filled = new DocxTemplateFiller(labels).fill(template, all,
				kind + " of case " + caseId + " (" + templates.origin() + documentKind.template() + ")");
		String id = UUID.randomUUID().toString();
		String fileName = fileName(documentKind, number, caseId);
		String sha256 = sha256(filled.content());
		documents.save(new DocumentEntity(id, agencyCode, kind, number, caseId, processInstanceId, fileName,
				filled.content(), sha256, now, createdBy == null || createdBy.isBlank() ? currentUser() : createdBy));
		log.info("Generated {} {} for case {} of {}", documentKind.name(), number == null ? id : number, caseId, agencyCode);
		return new GeneratedDocument(id, number, fileName, sha256);
	}

	/** A blank form of a document kind, for the public (文书示范文本, R-DISC-8): its file name and content. */
	public record BlankForm(String fileName, byte[] content) {
	}

	/**
	 * The blank form of {@code kind} as the agency's service window hands it out (R-DISC-8): the agency's name, address
	 * and where its decisions are challenged filled in as its documents show them, every other field a blank line; no
	 * document number is taken and nothing is stored.
	 *
	 * @throws UnknownDocumentKindException if {@code templates/document-kinds.yml} does not list the kind
	 * @throws IllegalArgumentException if the agency does not exist
	 */
	@Transactional(readOnly = true)
	public BlankForm blankForm(String kind, String agencyCode) {
		DocumentKind documentKind = templates.kind(kind);
		Agency agency = agencies.findById(agencyCode)
			.orElseThrow(() -> new IllegalArgumentException("Unknown agency '" + agencyCode + "' for blank form " + kind));
		DocumentFields.Issuer issuer = DocumentFields.Issuer.of(agency);
		Map<String, String> known = new HashMap<>();
		known.put("agencyName", issuer.name());
		known.put("agencyShortName", issuer.shortName());
		known.put("documentName", documentKind.name());
		if (issuer.address() != null) {
			known.put("agencyAddress", issuer.address());
		}
		if (issuer.reconsiderationBody() != null) {
			known.put("reconsiderationBody", issuer.reconsiderationBody());
		}
		if (issuer.litigationCourt() != null) {
			known.put("litigationCourt", issuer.litigationCourt());
		}
		return new BlankForm("示范文本-" + documentKind.name() + ".docx",
				DocxTemplateFiller.blankForm(templates.template(documentKind), known));
	}

	/** The Chinese name of a document kind listed in {@code templates/document-kinds.yml}, if it is listed. */
	public Optional<String> kindName(String kind) {
		return Optional.ofNullable(templates.kinds().get(kind)).map(DocumentKind::name);
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

	/** The kinds {@code templates/document-kinds.yml} lists (models may generate only these). */
	public java.util.Set<String> kindNames() {
		return java.util.Set.copyOf(templates.kinds().keySet());
	}

	/** The kinds listed in a templates folder (or in the jar's copy when the folder does not exist). */
	public static java.util.Set<String> kindNames(java.nio.file.Path templatesDir) {
		return java.util.Set.copyOf(new DocumentTemplates(templatesDir.toString()).kinds().keySet());
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

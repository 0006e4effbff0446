package cn.zhifa.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.CurrentUser;

/**
 * Documents for logged-in users of the owning agency (cross-agency users: supervisors and
 * administrators through their agency memberships; they state a purpose and each read is recorded,
 * R-REC-5). Another agency's document answers 404, exactly
 * like a document that does not exist, so ids reveal nothing.
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

	private final DocumentService documents;
	private final CaseRetrievals retrievals;

	DocumentController(DocumentService documents, CaseRetrievals retrievals) {
		this.documents = documents;
		this.retrievals = retrievals;
	}

	/**
	 * The {@code .docx} file, named in Content-Disposition (UTF-8, RFC 6266). A supervisor states a
	 * purpose and the retrieval is recorded in the case's record (R-REC-5).
	 */
	@GetMapping("/{id}")
	ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(required = false) String purpose) {
		CurrentUser user = CurrentUser.get();
		return documents.find(id)
			.filter(doc -> user.mayAccessAgency(doc.agencyCode()))
			.map(doc -> retrieved(doc, user, purpose, "document " + doc.id()))
			.map(doc -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(StoredDocument.DOCX_MEDIA_TYPE))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(doc.fileName(), StandardCharsets.UTF_8).build().toString())
				.eTag("\"" + doc.sha256() + "\"")
				.body(doc.content()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/** Metadata of the case's documents that belong to the user's agencies (a supervisor's list is a recorded retrieval). */
	@GetMapping
	List<DocumentMetadata> list(@RequestParam String caseId, @RequestParam(required = false) String purpose) {
		CurrentUser user = CurrentUser.get();
		List<DocumentMetadata> listed = user.isAdmin() ? documents.listByCase(caseId)
				: documents.listByCase(caseId, user.agencies());
		listed.stream().map(DocumentMetadata::agencyCode).filter(agency -> CaseRetrievals.supervised(user, agency))
			.findFirst()
			.ifPresent(agency -> retrievals.record(caseId, agency, user, CaseRetrievals.purposeOfRequest(purpose),
					"document list"));
		return listed;
	}

	private StoredDocument retrieved(StoredDocument doc, CurrentUser user, String purpose, String what) {
		if (doc.caseId() != null && CaseRetrievals.supervised(user, doc.agencyCode())) {
			retrievals.record(doc.caseId(), doc.agencyCode(), user, CaseRetrievals.purposeOfRequest(purpose), what);
		}
		return doc;
	}
}

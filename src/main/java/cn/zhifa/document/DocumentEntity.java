package cn.zhifa.document;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A generated document as stored in {@code zf_document}: the file itself (not a path: the nodes of
 * a cluster share only the database), its SHA-256 and who produced it for which case and process.
 * Written once, never changed (R-REC-4); a corrected document is a new document with a new number.
 */
@Entity
@Table(name = "zf_document")
class DocumentEntity {

	@Id
	private String id;
	@Column(name = "agency_code", nullable = false)
	private String agencyCode;
	@Column(nullable = false)
	private String kind;
	private String number;
	@Column(name = "case_id")
	private String caseId;
	@Column(name = "process_instance_id")
	private String processInstanceId;
	@Column(name = "file_name", nullable = false)
	private String fileName;
	/** bytea on PostgreSQL, BINARY VARYING on H2 - a plain byte array, never an oid large object. */
	@JdbcTypeCode(SqlTypes.VARBINARY)
	@Column(nullable = false)
	private byte[] content;
	@Column(nullable = false)
	private String sha256;
	@Column(name = "created_at", nullable = false)
	private Instant createdAt;
	@Column(name = "created_by", nullable = false)
	private String createdBy;

	protected DocumentEntity() {
	}

	DocumentEntity(String id, String agencyCode, String kind, String number, String caseId, String processInstanceId,
			String fileName, byte[] content, String sha256, Instant createdAt, String createdBy) {
		this.id = id;
		this.agencyCode = agencyCode;
		this.kind = kind;
		this.number = number;
		this.caseId = caseId;
		this.processInstanceId = processInstanceId;
		this.fileName = fileName;
		this.content = content;
		this.sha256 = sha256;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	StoredDocument toStoredDocument() {
		return new StoredDocument(id, agencyCode, kind, number, caseId, processInstanceId, fileName, content.clone(), sha256,
				createdAt, createdBy);
	}

	String getId() {
		return id;
	}
}

package cn.zhifa.complaint;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file sent with a complaint: its sniffed type, size, SHA-256 and bytes ({@code zf_complaint_attachment}). */
@Entity
@Table(name = "zf_complaint_attachment")
class ComplaintAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Column(name = "receipt_no", length = 32)
	private String receiptNo;
	@Column(name = "file_name", length = 200)
	private String fileName;
	@Column(name = "media_type", length = 64)
	private String mediaType;
	@Column(name = "size_bytes")
	private long sizeBytes;
	@Column(length = 64)
	private String sha256;
	@Basic(fetch = FetchType.LAZY)
	@JdbcTypeCode(SqlTypes.VARBINARY)
	@Column(nullable = false)
	private byte[] content;
	@Column(name = "uploaded_at")
	private Instant uploadedAt;

	protected ComplaintAttachment() {
	}

	ComplaintAttachment(String receiptNo, String fileName, String mediaType, byte[] content, String sha256, Instant at) {
		this.receiptNo = receiptNo;
		this.fileName = fileName;
		this.mediaType = mediaType;
		this.sizeBytes = content.length;
		this.content = content;
		this.sha256 = sha256;
		this.uploadedAt = at;
	}

	public Long getId() {
		return id;
	}

	public String getReceiptNo() {
		return receiptNo;
	}

	public String getFileName() {
		return fileName;
	}

	public String getMediaType() {
		return mediaType;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public String getSha256() {
		return sha256;
	}

	byte[] getContent() {
		return content;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}
}

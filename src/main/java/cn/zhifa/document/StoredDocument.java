package cn.zhifa.document;

import java.time.Instant;

/** A stored document with its file ({@code .docx} bytes) and the SHA-256 of those bytes. */
public record StoredDocument(String id, String agencyCode, String kind, String number, String caseId,
		String processInstanceId, String fileName, byte[] content, String sha256, Instant createdAt, String createdBy) {

	public static final String DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

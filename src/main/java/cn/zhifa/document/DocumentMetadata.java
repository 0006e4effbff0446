package cn.zhifa.document;

import java.time.Instant;

/** What {@code GET /api/documents?caseId=} lists about a document: everything except the file. */
public record DocumentMetadata(String id, String agencyCode, String kind, String number, String caseId,
		String processInstanceId, String fileName, String sha256, Instant createdAt, String createdBy) {
}

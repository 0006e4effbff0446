package cn.zhifa.record;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;

/**
 * Metadata of an audio-video recording or photo (R-REC-2/3): the case and step it documents, who
 * recorded it with which device, when, whether the party was told that recording started, and each
 * interruption with its reason. The bytes are in the file store under {@code sha256}. Stored with JDBC in
 * {@code zf_av_file}; {@code @Column} states the lengths of its text columns ({@code V8__record.sql}).
 */
public record AvFile(String id, @Column(name = "case_no", length = 100) String caseNo,
		@Column(length = 255) String step, @Column(name = "agency_code", length = 32) String agencyCode, String sha256,
		long sizeBytes, @Column(name = "media_type", length = 100) String mediaType,
		@Column(name = "file_name", length = 300) String fileName, @Column(length = 500) List<String> officers,
		@Column(length = 200) String device, Instant startedAt, Instant endedAt, Boolean partyInformed,
		List<Interruption> interruptions, @Column(name = "uploaded_by", length = 64) String uploadedBy, Instant uploadedAt) {

	/** A break in a recording and why (R-REC-3: recording is continuous, interruptions are explained). */
	public record Interruption(Instant at, String reason) {
	}
}

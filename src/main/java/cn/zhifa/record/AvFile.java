package cn.zhifa.record;

import java.time.Instant;
import java.util.List;

/**
 * Metadata of an audio-video recording or photo (R-REC-2/3): the case and step it documents, who
 * recorded it with which device, when, whether the party was told that recording started, and each
 * interruption with its reason. The bytes are in the file store under {@code sha256}.
 */
public record AvFile(String id, String caseNo, String step, String agencyCode, String sha256, long sizeBytes,
		String mediaType, String fileName, List<String> officers, String device, Instant startedAt, Instant endedAt,
		Boolean partyInformed, List<Interruption> interruptions, String uploadedBy, Instant uploadedAt) {

	/** A break in a recording and why (R-REC-3: recording is continuous, interruptions are explained). */
	public record Interruption(Instant at, String reason) {
	}
}

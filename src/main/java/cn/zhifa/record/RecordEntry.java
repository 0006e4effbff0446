package cn.zhifa.record;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * One entry of the full-process record (R-REC-1): what happened ({@code kind}), to which case, who
 * did it, when, and the details ({@code data}, canonical JSON). {@code hash} chains it to the
 * previous entry of the case, {@code globalHash} to the previous entry of all cases.
 * <p>
 * The global position ({@code globalSeq}, {@code globalPrevHash}, {@code globalHash}) is given when the
 * entry is sealed (ADR-0043): null until then. Entries appended before V33 were sealed as they were
 * appended and their hash also covers {@code globalSeq} ({@code globalSeqHashed}); entries appended since
 * do not have a global number when their hash is computed, so it does not cover one.
 */
public record RecordEntry(long id, @Column(name = "case_no", length = 100) String caseNo, long caseSeq, Long globalSeq,
		String kind, String actor, String agencyCode, String processInstanceId, String activityId, Instant occurredAt,
		String data, String prevHash, String hash, String globalPrevHash, String globalHash, boolean globalSeqHashed) {

	/** An entry appended before V33: sealed when appended, its hash covering {@code globalSeq}. */
	public RecordEntry(long id, String caseNo, long caseSeq, long globalSeq, String kind, String actor, String agencyCode,
			String processInstanceId, String activityId, Instant occurredAt, String data, String prevHash, String hash,
			String globalPrevHash, String globalHash) {
		this(id, caseNo, caseSeq, Long.valueOf(globalSeq), kind, actor, agencyCode, processInstanceId, activityId,
				occurredAt, data, prevHash, hash, globalPrevHash, globalHash, true);
	}

	/**
	 * The canonical content that {@link #hash} covers: every field except the id and the hashes, keys
	 * sorted, {@code data} embedded verbatim (it is canonical JSON already); {@code globalSeq} only for
	 * entries appended before V33 ({@link #globalSeqHashed}).
	 */
	public String canonicalContent() {
		return canonicalContent(caseNo, caseSeq, globalSeqHashed ? globalSeq : null, kind, actor, agencyCode,
				processInstanceId, activityId, occurredAt, data);
	}

	/** {@code globalSeq} null: an entry appended since V33, whose hash covers no global number. */
	static String canonicalContent(String caseNo, long caseSeq, Long globalSeq, String kind, String actor,
			String agencyCode, String processInstanceId, String activityId, Instant occurredAt, String data) {
		StringWriter out = new StringWriter();
		try (JsonGenerator json = Hashing.JSON.createGenerator(out)) {
			json.writeStartObject();
			// alphabetical order
			json.writeStringField("activityId", activityId);
			json.writeStringField("actor", actor);
			json.writeStringField("agencyCode", agencyCode);
			json.writeStringField("caseNo", caseNo);
			json.writeNumberField("caseSeq", caseSeq);
			json.writeFieldName("data");
			json.writeRawValue(data);
			if (globalSeq != null) {
				json.writeNumberField("globalSeq", globalSeq);
			}
			json.writeStringField("kind", kind);
			json.writeStringField("occurredAt", Hashing.iso(occurredAt));
			json.writeStringField("processInstanceId", processInstanceId);
			json.writeEndObject();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toString();
	}

	/** The hash this entry should have after {@code previousHash}. */
	public String expectedHash(String previousHash) {
		return Hashing.chain(previousHash, canonicalContent());
	}

	/** The global hash this entry should have after {@code previousGlobalHash}. */
	public String expectedGlobalHash(String previousGlobalHash) {
		return Hashing.chain(previousGlobalHash, hash);
	}

	/** {@code data} as a map, for display. */
	public Map<String, Object> dataMap() {
		try {
			return Hashing.JSON.readValue(data, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException e) {
			return Map.of("unreadable", data);
		}
	}
}

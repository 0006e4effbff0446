package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** R-REC-4: canonical content gives the same hash wherever it is recomputed; any change gives another. */
class HashingTest {

	@Test
	void canonicalJsonSortsKeysAndWritesInstantsInUtc() {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("b", 1);
		a.put("a", Map.of("z", true, "y", List.of(2L, "x")));
		a.put("at", Date.from(Instant.parse("2026-11-20T01:02:03.456789Z")));
		assertThat(Hashing.canonical(a))
			.isEqualTo("{\"a\":{\"y\":[2,\"x\"],\"z\":true},\"at\":\"2026-11-20T01:02:03.456Z\",\"b\":1}");
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("at", Instant.parse("2026-11-20T01:02:03.456Z"));
		b.put("a", Map.of("y", List.of(2, "x"), "z", true));
		b.put("b", 1L);
		assertThat(Hashing.canonical(b)).isEqualTo(Hashing.canonical(a));
	}

	@Test
	void entryHashCoversEveryFieldAndChainsToThePrevious() {
		RecordEntry entry = entry("officer1", 3, "{\"n\":1}");
		String hash = entry.expectedHash(Hashing.GENESIS);
		assertThat(hash).hasSize(64).isEqualTo(entry("officer1", 3, "{\"n\":1}").expectedHash(Hashing.GENESIS));
		assertThat(entry("officer2", 3, "{\"n\":1}").expectedHash(Hashing.GENESIS)).isNotEqualTo(hash);
		assertThat(entry("officer1", 4, "{\"n\":1}").expectedHash(Hashing.GENESIS)).isNotEqualTo(hash);
		assertThat(entry("officer1", 3, "{\"n\":2}").expectedHash(Hashing.GENESIS)).isNotEqualTo(hash);
		assertThat(entry.expectedHash(Hashing.sha256("other"))).isNotEqualTo(hash);
	}

	@Test
	void canonicalContentIsStableText() {
		assertThat(entry("officer1", 3, "{\"n\":1}").canonicalContent()).isEqualTo(
				"{\"activityId\":\"step\",\"actor\":\"officer1\",\"agencyCode\":\"LIAOKUO\",\"caseNo\":\"C-1\",\"caseSeq\":3,"
						+ "\"data\":{\"n\":1},\"globalSeq\":10,\"kind\":\"TEST\",\"occurredAt\":\"2026-11-20T00:00:00Z\","
						+ "\"processInstanceId\":null}");
	}

	@Test
	void entriesAppendedSinceTheSealerHashNoGlobalNumber() {
		// ADR-0043: the global number is given when the entry is sealed, after its hash was computed
		RecordEntry sealedLater = new RecordEntry(0, "C-1", 3, 10L, "TEST", "officer1", "LIAOKUO", null, "step",
				Instant.parse("2026-11-20T00:00:00Z"), "{\"n\":1}", null, null, null, null, false);
		assertThat(sealedLater.canonicalContent()).isEqualTo(
				"{\"activityId\":\"step\",\"actor\":\"officer1\",\"agencyCode\":\"LIAOKUO\",\"caseNo\":\"C-1\",\"caseSeq\":3,"
						+ "\"data\":{\"n\":1},\"kind\":\"TEST\",\"occurredAt\":\"2026-11-20T00:00:00Z\","
						+ "\"processInstanceId\":null}");
		assertThat(sealedLater.expectedHash(Hashing.GENESIS)).isNotEqualTo(entry("officer1", 3, "{\"n\":1}")
			.expectedHash(Hashing.GENESIS));
	}

	private static RecordEntry entry(String actor, long seq, String data) {
		return new RecordEntry(0, "C-1", seq, 10, "TEST", actor, "LIAOKUO", null, "step",
				Instant.parse("2026-11-20T00:00:00Z"), data, null, null, null, null);
	}
}

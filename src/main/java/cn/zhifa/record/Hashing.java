package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Canonical JSON and SHA-256 (R-REC-4 防删改): the same content always gives the same bytes —
 * keys sorted, instants in UTC ISO-8601 with milliseconds, no whitespace — so a verifier on
 * another machine recomputes exactly the hash that was stored.
 */
final class Hashing {

	/** The previous hash of the first record of a chain. */
	public static final String GENESIS = "0".repeat(64);

	static final ObjectMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.build();

	private Hashing() {
	}

	public static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	/** Hash of a stream, read once in 64 KiB blocks (recordings may be gigabytes). */
	public static String sha256(InputStream in) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[65536];
		for (int n; (n = in.read(buffer)) > 0;) {
			digest.update(buffer, 0, n);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** Link of a chain: sha256(previous hash + "\n" + content). */
	public static String chain(String previousHash, String content) {
		return sha256(previousHash + "\n" + content);
	}

	/** Instants as the record stores them: UTC, millisecond precision. */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	public static String iso(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(truncate(instant));
	}

	/** Canonical JSON of a value made of maps, lists, strings, numbers, booleans and dates. */
	public static String canonical(Object value) {
		try {
			return JSON.writeValueAsString(normalise(value));
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
		}
	}

	/**
	 * Plain JSON values only: maps with sorted string keys, lists, strings, booleans, integral numbers
	 * as long, other numbers as their decimal text, dates as UTC instants; anything else as its text.
	 */
	static Object normalise(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Number number) {
			return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Instant instant) {
			return iso(instant);
		}
		if (value instanceof Date date) {
			return iso(date.toInstant());
		}
		if (value instanceof OffsetDateTime time) {
			return iso(time.toInstant());
		}
		if (value instanceof ZonedDateTime time) {
			return iso(time.toInstant());
		}
		if (value instanceof TemporalAccessor temporal) {
			return temporal.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put(String.valueOf(k), normalise(v)));
			return sorted;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>();
			collection.forEach(v -> list.add(normalise(v)));
			return list;
		}
		if (value instanceof Object[] array) {
			return normalise(java.util.Arrays.asList(array));
		}
		if (value instanceof byte[] bytes) {
			return "sha256:" + sha256(bytes);
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		return value.toString();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
	}
}

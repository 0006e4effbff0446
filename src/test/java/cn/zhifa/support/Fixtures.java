package cn.zhifa.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Valid inputs the tests start from (and spoil one field at a time): a case, AV metadata, a multipart upload. */
public final class Fixtures {

	/** The multipart boundary of {@link #multipart}. */
	public static final String BOUNDARY = "zhifa-test-boundary";
	public static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

	private Fixtures() {
	}

	/** A valid body of {@code POST /api/cases} for LIAOKUO (a mutable copy). */
	public static Map<String, Object> validCase() {
		Map<String, Object> c = new HashMap<>();
		c.put("agencyCode", "LIAOKUO");
		c.put("caseSource", "PATROL");
		c.put("partyType", "PERSON");
		c.put("partyName", "张三");
		c.put("partyIdNumber", "530302199001011232");
		c.put("partyAddress", "曲靖市麒麟区人民路12号");
		c.put("violationCode", "CM-OCCUPY-ROAD");
		c.put("facts", "在人民路占道经营");
		c.put("discoveredOn", "2026-11-20");
		c.put("violationDate", "2026-11-19");
		return c;
	}

	/** Valid metadata of an AV recording upload (a mutable copy). */
	public static Map<String, String> avMetadata() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("step", "userTask_seizeProperty");
		m.put("officers", "officer1,officer2");
		m.put("device", "执法记录仪 DSJ-01");
		m.put("startedAt", "2026-11-20T01:00:00Z");
		m.put("endedAt", "2026-11-20T01:30:00Z");
		m.put("partyInformed", "true");
		m.put("interruptions", "[{\"at\":\"2026-11-20T01:10:00Z\",\"reason\":\"更换电池\"}]");
		return m;
	}

	/** A multipart body ({@link #MULTIPART}) with an MP4 file (ISO base media header) and the metadata fields. */
	public static byte[] multipart(String fileName, String mediaType, Map<String, String> fields) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (var f : fields.entrySet()) {
				out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
						+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			byte[] video = new byte[4096];
			new Random().nextBytes(video);
			System.arraycopy(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2' }, 0, video, 0, 12);
			out.write(video);
			out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}

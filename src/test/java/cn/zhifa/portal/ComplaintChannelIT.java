package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The public complaint channel over HTTP (R-COORD-4, issue 18 §1 and "Bad input"): anonymous submission on the
 * portal page and as JSON, answered with a receipt number and a query code; validation (lengths, contact format,
 * category, control characters, unreadable bodies) as 4xx problem details naming the field in Chinese, never 500;
 * the rate limit per client; a query shows only the complainant's own complaint, and only with both its number
 * and its code; staff entry through {@code /api/complaints} and the Tasklist start form (engine REST), agency from
 * the login, each agency seeing its own complaints, supervisors reading all and writing nothing.
 */
@ZhifaIntegrationTest
class ComplaintChannelIT extends RestTestSupport {

	private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-no\">([^<]+)<");
	private static final Pattern CODE = Pattern.compile("id=\"query-code\">([^<]+)<");

	@Autowired
	ComplaintRateLimitFilter limiter;

	String tag;

	@BeforeEach
	void setUp() {
		limiter.limits(5, 30, 600); // the defaults of application.yml (the test profile sets them high)
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void tearDown() {
		limiter.limits(1_000_000, 1_000_000, 600);
	}

	@Test
	void aComplaintFromThePortalPageGetsAReceiptAndItsQueryShowsOnlyItself() throws Exception {
		HttpResponse<String> page = get("/public/complaints");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("投诉举报", "name=\"category\"", "市容环境和城市管理", "lang=\"zh-CN\"");

		HttpResponse<String> done = postForm("/public/complaints", form("CITY_MANAGEMENT", "人民路" + tag + "号",
				"有人在人民路" + tag + "号门前占道经营，已持续一周。", "张三", "13912345678"));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
		String receiptNo = group(RECEIPT, done.body());
		String code = group(CODE, done.body());
		assertThat(receiptNo).matches("TS-\\d{4}-\\d{6}");
		assertThat(done.body()).contains("寥廓街道综合行政执法队", "查询码只显示这一次");

		HttpResponse<String> other = postJson("/public/api/complaints", Map.of("category", "FOOD_SAFETY", "concernedAgency",
				"某超市" + tag, "content", "销售过期牛奶，保质期至上月" + tag + "。"));
		assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
		JsonNode otherReceipt = json.readTree(other.body());
		assertThat(otherReceipt.path("handlingBody").asText()).isEqualTo("某区市场监督管理局");

		HttpResponse<String> mine = postForm("/public/complaints/query", Map.of("receiptNo", receiptNo, "queryCode", code));
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains(receiptNo, "已收到，正在分办", "寥廓街道综合行政执法队", "承诺答复日期")
			.doesNotContain("张三", "13912345678", "某超市" + tag);
		// a number with another complaint's code, a wrong code, an unknown number: the same nothing
		for (Map<String, String> wrong : new Map[] { Map.of("receiptNo", receiptNo, "queryCode", otherReceipt.path("queryCode").asText()),
				Map.of("receiptNo", receiptNo, "queryCode", "AAAAAAAA"), Map.of("receiptNo", "TS-2026-999999", "queryCode", code),
				Map.of("receiptNo", "", "queryCode", "") }) {
			HttpResponse<String> none = postForm("/public/complaints/query", wrong);
			assertThat(none.statusCode()).isEqualTo(404);
			assertThat(none.body()).contains("投诉举报编号或查询码不正确").doesNotContain("人民路" + tag, "某超市" + tag, "已收到");
		}
		HttpResponse<String> jsonView = postJson("/public/api/complaints/query", Map.of("receiptNo", otherReceipt.path("receiptNo")
			.asText(), "queryCode", otherReceipt.path("queryCode").asText()));
		assertThat(jsonView.statusCode()).isEqualTo(200);
		JsonNode view = json.readTree(jsonView.body());
		assertThat(view.path("status").asText()).isEqualTo("已收到，正在分办");
		assertThat(iterable(view.fieldNames())).containsExactlyInAnyOrder("receiptNo", "submittedAt", "category", "status",
				"handlingBody", "promisedBy", "reply", "repliedAt", "caseNo", "caseStage", "caseStageAt");
		assertProblem(postJson("/public/api/complaints/query", Map.of("receiptNo", receiptNo, "queryCode", "AAAAAAAA")), 404, "receiptNo");
	}

	@Test
	void badInputIsAProblemNamingTheFieldNeverA500() throws Exception {
		limiter.limits(1_000, 1_000, 600); // a refused submission counts too: here many are sent on purpose
		Map<String, String> ok = Map.of("category", "CITY_MANAGEMENT", "location", "人民路", "content", "人民路有人乱倒建筑垃圾" + tag);
		assertProblem(postJson("/public/api/complaints", with(ok, "category", "NOISE")), 400, "category");
		assertProblem(postJson("/public/api/complaints", without(ok, "category")), 400, "category");
		assertProblem(postJson("/public/api/complaints", without(ok, "location")), 400, "location");
		assertProblem(postJson("/public/api/complaints", with(ok, "content", "太短了")), 400, "content");
		assertProblem(postJson("/public/api/complaints", with(ok, "content", "长".repeat(2001))), 400, "content");
		assertProblem(postJson("/public/api/complaints", with(ok, "content", "含有控制字符\u0000的内容很长很长")), 400, "content");
		assertProblem(postJson("/public/api/complaints", with(ok, "location", "路".repeat(201))), 400, "location");
		assertProblem(postJson("/public/api/complaints", with(ok, "complainantName", "名".repeat(51))), 400, "complainantName");
		assertProblem(postJson("/public/api/complaints", with(ok, "complainantContact", "12345")), 400, "complainantContact");
		assertProblem(postJson("/public/api/complaints", with(ok, "complainantContact", "a@b")), 400, "complainantContact");
		assertProblem(send(HttpRequest.newBuilder(uri("/public/api/complaints")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"category\": [1, 2]")).build()), 400, null);
		assertProblem(send(HttpRequest.newBuilder(uri("/public/api/complaints")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"content\": {\"a\": 1}}")).build()), 400, null);
		assertThat(send(HttpRequest.newBuilder(uri("/public/api/complaints")).header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode()).isEqualTo(415);
		// the page shows the form again with the rule, in Chinese, and keeps what was typed
		HttpResponse<String> page = postForm("/public/complaints", form("CITY_MANAGEMENT", "人民路", "有人乱倒垃圾" + tag + "很多", "李四",
				"0874-12"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("请修改「联系方式」", "手机号码", "有人乱倒垃圾" + tag, "李四").doesNotContain("Exception");
		HttpResponse<String> xss = postForm("/public/complaints", form("CITY_MANAGEMENT", "<script>alert(1)</script>", "短", null, null));
		assertThat(xss.statusCode()).isEqualTo(400);
		assertThat(xss.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
	}

	@Test
	void submissionsAndQueriesAreRateLimitedPerClient() throws Exception {
		Map<String, String> ok = Map.of("category", "OTHER", "location", "寥廓街道" + tag, "content", "限流测试的投诉举报内容" + tag);
		for (int i = 0; i < 5; i++) {
			assertThat(postJson("/public/api/complaints", ok).statusCode()).isEqualTo(201);
		}
		HttpResponse<String> limited = postJson("/public/api/complaints", ok);
		assertProblem(limited, 429, null);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
		assertThat(json.readTree(limited.body()).path("detail").asText()).contains("过于频繁");
		HttpResponse<String> page = postForm("/public/complaints", form("OTHER", "寥廓街道", "限流测试的投诉举报内容" + tag, null, null));
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.body()).contains("过于频繁");
		// reading the form is not limited
		assertThat(get("/public/complaints").statusCode()).isEqualTo(200);
		for (int i = 0; i < 30; i++) {
			assertThat(postForm("/public/complaints/query", Map.of("receiptNo", "TS-2026-999999", "queryCode", "AAAAAAA" + i % 10))
				.statusCode()).isEqualTo(404);
		}
		assertThat(postForm("/public/complaints/query", Map.of("receiptNo", "TS-2026-999999", "queryCode", "AAAAAAAA")).statusCode())
			.isEqualTo(429);
	}

	@Test
	void staffEnterComplaintsForTheirOwnAgencyAndSupervisorsOnlyRead() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/api/complaints")).GET().build()).statusCode()).isEqualTo(401);
		Map<String, String> entry = Map.of("category", "CITY_MANAGEMENT", "location", "人民路" + tag, "content",
				"来电反映人民路夜间施工噪声扰民" + tag, "complainantName", "赵六", "complainantContact", "0874-3123456");
		HttpResponse<String> created = postJson("/api/complaints", entry, "officer1");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String receiptNo = json.readTree(created.body()).path("receiptNo").asText();
		assertThat(json.readTree(created.body()).path("queryCode").asText()).matches("[A-Z2-9]{8}");

		JsonNode detail = json.readTree(send(authed(HttpRequest.newBuilder(uri("/api/complaints/" + receiptNo)), "officer1").GET()
			.build()).body());
		assertThat(detail.path("summary").path("channel").asText()).isEqualTo("STAFF");
		assertThat(detail.path("summary").path("agencyCode").asText()).isEqualTo("LIAOKUO");
		assertThat(detail.path("complainantName").asText()).isEqualTo("赵六");
		// another agency: not found; its list does not have it
		assertProblem(send(authed(HttpRequest.newBuilder(uri("/api/complaints/" + receiptNo)), "officer4").GET().build()), 404,
				"receiptNo");
		assertThat(send(authed(HttpRequest.newBuilder(uri("/api/complaints")), "officer4").GET().build()).body())
			.doesNotContain(receiptNo);
		// a supervisor reads every agency's, writes nothing
		assertThat(send(authed(HttpRequest.newBuilder(uri("/api/complaints")), "supervisor1").GET().build()).body())
			.contains(receiptNo);
		assertThat(postJson("/api/complaints", entry, "supervisor1").statusCode()).isEqualTo(403);
		assertProblem(postJson("/api/complaints", Map.of("category", "CITY_MANAGEMENT"), "officer1"), 400, "location");

		// the Tasklist start form, over the engine's REST API: the agency is the login's; the receipt belongs to the system
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("complaintCategory", Map.of("value", "CITY_MANAGEMENT"));
		vars.put("complaintLocation", Map.of("value", "人民路" + tag));
		vars.put("complaintContent", Map.of("value", "来访反映人民路有人占道经营" + tag));
		HttpResponse<String> started = postJson("/engine-rest/process-definition/key/complaint-handling/submit-form",
				Map.of("variables", vars), "officer1");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		Map<String, Object> forged = new LinkedHashMap<>(vars);
		forged.put("complaintNo", Map.of("value", receiptNo));
		HttpResponse<String> refused = postJson("/engine-rest/process-definition/key/complaint-handling/submit-form",
				Map.of("variables", forged), "officer1");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("complaintNo");
		Map<String, Object> bad = new LinkedHashMap<>(vars);
		bad.put("complainantContact", Map.of("value", "not-a-phone"));
		HttpResponse<String> invalid = postJson("/engine-rest/process-definition/key/complaint-handling/submit-form",
				Map.of("variables", bad), "officer1");
		assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
		assertThat(invalid.body()).contains("complainantContact");
		// a foreign page cannot submit in a visitor's name
		HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("/public/complaints")).header("Origin", "http://evil.example")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form("OTHER", "x", "来自其他网站的投诉举报内容", null, null)))).build());
		assertThat(foreign.statusCode()).isEqualTo(403);
	}

	@Test
	void attachmentsAreCheckedByTheirContentAndSizeAndOnlyTheAgencyReadsThem() throws Exception {
		limiter.limits(1_000, 1_000, 600);
		byte[] png = new byte[2048];
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, png, 0, 8);
		Map<String, String> fields = form("CITY_MANAGEMENT", "人民路" + tag, "人民路有人占道经营，附现场照片" + tag, null, null);

		HttpResponse<String> done = postMultipart("/public/complaints", fields, Map.of("现场照片.png", png));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
		String receiptNo = group(RECEIPT, done.body());
		JsonNode detail = json.readTree(send(authed(HttpRequest.newBuilder(uri("/api/complaints/" + receiptNo)), "officer1").GET()
			.build()).body());
		JsonNode file = detail.path("attachments").get(0);
		assertThat(file.path("fileName").asText()).isEqualTo("现场照片.png");
		assertThat(file.path("mediaType").asText()).isEqualTo("image/png");
		assertThat(file.path("sizeBytes").asLong()).isEqualTo(2048);
		HttpResponse<byte[]> download = http.send(authed(HttpRequest.newBuilder(uri("/api/complaints/" + receiptNo
				+ "/attachments/" + file.path("id").asText())), "officer1").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(png);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
		assertProblem(send(authed(HttpRequest.newBuilder(uri("/api/complaints/" + receiptNo + "/attachments/"
				+ file.path("id").asText())), "officer4").GET().build()), 404, "receiptNo");
		assertThat(send(HttpRequest.newBuilder(uri("/api/complaints/" + receiptNo + "/attachments/" + file.path("id").asText()))
			.GET().build()).statusCode()).isEqualTo(401);

		// a web page or a program named .png, too many files, too large a file, too large a request: refused
		HttpResponse<String> disguised = postMultipart("/public/complaints", fields,
				Map.of("photo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
		assertThat(disguised.statusCode()).isEqualTo(400);
		assertThat(disguised.body()).contains("请修改「附件」", "不是 JPG、PNG 图片或 PDF 文件").doesNotContain("<script>alert");
		HttpResponse<String> exe = postMultipart("/public/complaints", fields, Map.of("a.pdf", new byte[] { 'M', 'Z', 0, 0 }));
		assertThat(exe.statusCode()).isEqualTo(400);
		Map<String, byte[]> four = new LinkedHashMap<>();
		for (int i = 0; i < 4; i++) {
			four.put("p" + i + ".png", png);
		}
		assertThat(postMultipart("/public/complaints", fields, four).body()).contains("附件最多 3 个");
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(png, 0, big, 0, 8);
		HttpResponse<String> tooBig = postMultipart("/public/complaints", fields, Map.of("big.png", big));
		assertThat(tooBig.statusCode()).isEqualTo(413);
		assertThat(tooBig.body()).contains("超过 5 MB");
		// announced as 100 MB: refused from the headers, before a byte of the body is read
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("POST /public/complaints HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[1024];
			for (int n; !read.toString(StandardCharsets.UTF_8).contains("attachments") && (n = socket.getInputStream().read(buffer)) > 0;) {
				read.write(buffer, 0, n);
			}
			String answer = read.toString(StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json", "attachments");
		}
	}

	// --- helpers ---

	private HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) throws Exception {
		String boundary = "----zhifa" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, String> f : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (Map.Entry<String, byte[]> f : files.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + f.getKey()
					+ "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(f.getValue());
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
	}

	private static Map<String, String> form(String category, String location, String content, String name, String contact) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("category", category);
		f.put("location", location);
		f.put("content", content);
		if (name != null) {
			f.put("complainantName", name);
		}
		if (contact != null) {
			f.put("complainantContact", contact);
		}
		return f;
	}

	private static Map<String, String> with(Map<String, String> m, String k, String v) {
		Map<String, String> copy = new LinkedHashMap<>(m);
		copy.put(k, v);
		return copy;
	}

	private static Map<String, String> without(Map<String, String> m, String k) {
		Map<String, String> copy = new LinkedHashMap<>(m);
		copy.remove(k);
		return copy;
	}

	private static String group(Pattern p, String body) {
		Matcher m = p.matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
		return () -> it;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, null);
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
	}

	private HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
	}

	private HttpResponse<String> postJson(String path, Object body) throws Exception {
		return postJson(path, body, null);
	}

	private HttpResponse<String> postJson(String path, Object body, String user) throws Exception {
		return post(path, body, user);
	}
}

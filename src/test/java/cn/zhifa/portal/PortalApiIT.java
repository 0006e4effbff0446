package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.disclosure.DisclosureScenario;
import cn.zhifa.support.ZhifaIntegrationTest;

import static cn.zhifa.disclosure.DisclosureScenario.*;

/**
 * The portal over HTTP, anonymous (R-DISC-1/3/4/5): a decision that went through the process is
 * listed, searchable and shown redacted and escaped; the JSON API and Atom feed carry the same
 * redacted data; unpublished and withdrawn content is unreachable; errors carry no stack trace;
 * searches are rate-limited per client; pre-disclosure pages come from live data and deployed models.
 */
@ZhifaIntegrationTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PortalApiIT {

	static final String SCRIPT = "<script>alert('xss')</script>";

	@LocalServerPort
	int port;
	@Autowired
	ProcessEngine engine;
	@Autowired
	ObjectMapper json;
	@Autowired
	SearchRateLimitFilter searchLimit;

	final HttpClient http = HttpClient.newHttpClient();
	DisclosureScenario scenario;
	String tag;
	String caseId;

	@BeforeEach
	void setUp() {
		scenario = new DisclosureScenario(engine);
		tag = UUID.randomUUID().toString().substring(0, 8);
		caseId = "寥街罚〔2026〕P" + tag + "号";
	}

	@Test
	void publishedDecisionIsListedSearchableAndShownRedactedAndEscaped() throws Exception {
		String itemNo = scenario.publish(scenario.start(scenario.decision(caseId, "寥街罚决〔2026〕" + tag + "号", SCRIPT)));

		HttpResponse<String> list = get("/public/disclosures?q=" + tag);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		assertThat(list.body()).contains("/public/disclosures/" + itemNo, "王**", "lang=\"zh-CN\"", "name=\"viewport\"");
		assertNoPersonalData(list.body());

		HttpResponse<String> detail = get("/public/disclosures/" + itemNo);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("寥廓街道综合行政执法队", "行政处罚", "王**", "决定罚款200元",
				"&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", "《城市市容和环境卫生管理条例》第三十六条");
		assertThat(detail.body()).doesNotContain(SCRIPT, "<script");
		assertNoPersonalData(detail.body());

		JsonNode page = json.readTree(get("/public/api/disclosures?q=" + tag).body());
		assertThat(page.get("items")).hasSize(1);
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("itemNo").asText()).isEqualTo(itemNo);
		assertThat(item.get("partyName").asText()).isEqualTo("王**");
		assertThat(item.get("conclusion").asText()).contains(SCRIPT).contains("[身份证号码已隐去]");
		assertThat(item.has("partyIdNumber")).isFalse();
		assertThat(item.has("caseId")).isFalse();
		assertThat(page.get("hasNext").asBoolean()).isFalse();
		assertNoPersonalData(get("/public/api/disclosures/" + itemNo).body());

		HttpResponse<String> feed = get("/public/feed/disclosures.atom");
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
		var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(doc.getDocumentElement().getTagName()).isEqualTo("feed");
		assertThat(feed.body()).contains("urn:zhifa:disclosure:" + itemNo + ":1").doesNotContain("<script");
		assertNoPersonalData(feed.body());
	}

	@Test
	void unpublishedAndWithdrawnContentIsUnreachable() throws Exception {
		ProcessInstance inReview = scenario.start(scenario.decision(caseId, "寥街罚决〔2026〕" + tag + "号", "未公开内容" + tag));
		String draft = scenario.itemNo(inReview);
		assertThat(get("/public/disclosures/" + draft).statusCode()).isEqualTo(404);
		assertThat(get("/public/api/disclosures/" + draft).statusCode()).isEqualTo(404);
		assertThat(get("/public/api/disclosures?q=" + tag).body()).doesNotContain(draft);

		String itemNo = scenario.publish(inReview);
		assertThat(get("/public/disclosures/" + itemNo).body()).contains("未公开内容" + tag);
		scenario.revoke(caseId, "经行政复议，原处罚决定被撤销");

		HttpResponse<String> withdrawn = get("/public/disclosures/" + itemNo);
		assertThat(withdrawn.statusCode()).isEqualTo(200);
		assertThat(withdrawn.body()).contains("已撤回", "决定被依法撤销：经行政复议，原处罚决定被撤销")
			.doesNotContain("未公开内容" + tag, "王**", "决定罚款200元");
		JsonNode api = json.readTree(get("/public/api/disclosures/" + itemNo).body());
		assertThat(api.get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(api.get("conclusion").isNull()).isTrue();
		assertThat(get("/public/api/disclosures?q=未公开内容" + tag).body()).doesNotContain(itemNo);
	}

	@Test
	void errorsAreShortChineseMessagesWithoutStackTraces() throws Exception {
		HttpResponse<String> badDate = get("/public/disclosures?from=2026-13-45");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("起始日期格式应为 yyyy-MM-dd").doesNotContain("Exception", "at cn.zhifa");
		HttpResponse<String> unknown = get("/public/disclosures/ffffffffffffffff");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("不存在");
		assertThat(get("/public/disclosures/..%2f..%2fetc").statusCode()).isIn(400, 404);
		HttpResponse<String> badType = get("/public/api/disclosures?type=%3Cscript%3E");
		assertThat(badType.statusCode()).isEqualTo(400);
		assertThat(badType.body()).doesNotContain("<script>", "Exception");
	}

	/** Last: it empties the search bucket of the loopback client (every loopback address arrives as 127.0.0.1). */
	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void searchesAreRateLimitedPerClientButThePlainListIsNot() throws Exception {
		// other test classes share this application and the loopback client's bucket (e.g. AttackSuiteIT's
		// searches): start from a full bucket, as after waiting for it to refill (burst 20 at 5 per second: 4 s)
		fillLoopbackBuckets();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			responses.add(get("http://127.0.0.2:" + port, (i % 2 == 0 ? "/public/api/disclosures?q=rate" : "/public/disclosures?q=rate") + i));
		}
		List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).contains(200, 429);
		assertThat(statuses.indexOf(429)).isGreaterThanOrEqualTo(15);
		HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429 && r.uri().getPath().equals("/public/disclosures"))
			.findFirst().orElseThrow();
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(limited.body()).contains("检索过于频繁");
		HttpResponse<String> limitedApi = responses.stream()
			.filter(r -> r.statusCode() == 429 && r.uri().getPath().equals("/public/api/disclosures")).findFirst().orElseThrow();
		assertThat(limitedApi.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
			.startsWith("application/problem+json"));
		assertThat(limitedApi.body()).contains("检索过于频繁");
		assertThat(get("http://127.0.0.2:" + port, "/public/disclosures").statusCode()).isEqualTo(200);

		// issue 13 §8: the same searches spelled differently are the same searches, and limited too
		for (String bypass : List.of("/public/api/disclosure%73?q=rate", "/public/api/disclosures?q=&q=rate",
				"/public/disclosures?page=1&page=2", "/public/%64isclosures?agency=LIAOKUO")) {
			List<Integer> bypassStatuses = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				bypassStatuses.add(get("http://127.0.0.2:" + port, bypass + "&i=" + i).statusCode());
			}
			assertThat(bypassStatuses).as(bypass).contains(429);
		}
	}

	@Test
	void preDisclosurePagesComeFromLiveDataAndDeployedModels() throws Exception {
		String officers = get("/public/officers").body();
		assertThat(officers).contains("李明", "53030020240001", "2029年12月31日", "寥廓街道综合行政执法队");
		assertThat(officers).contains("53030020200003", "已失效");
		assertThat(officers).doesNotContain("陈亮", "执法一中队", "officer1");

		assertThat(get("/public/agencies").body()).contains("寥廓街道综合行政执法队", "综合行政执法");

		String procedures = get("/public/procedures").body();
		assertThat(procedures).contains("/public/procedures/disclosure-publication", "执法决定事后公示");
		String flowchart = get("/public/procedures/disclosure-publication").body();
		assertThat(flowchart).contains("<svg", "审核公示信息", "整理公示信息", "<polyline");
		// issue 16 §22: the case flowchart scales to the page; the full-size picture opens on its own
		assertThat(get("/public/procedures/enforcement-case").body()).contains("width=\"100%\"", "/public/procedures/enforcement-case/diagram.svg",
				"调查与决定");
		HttpResponse<String> picture = get("/public/procedures/enforcement-case/diagram.svg");
		assertThat(picture.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
		assertThat(picture.body()).contains("<svg xmlns=", "立案").doesNotContain("width=\"100%\"");
		assertThat(get("/public/procedures/no-such-process/diagram.svg").statusCode()).isEqualTo(404);

		String catalogue = get("/public/rules/major-decision-catalogue").body();
		assertThat(catalogue).contains("<table", "重大");
		assertThat(get("/public/rules/discretion-benchmark").statusCode()).isEqualTo(200);
		assertThat(get("/public/rules/disclosure-deadline").statusCode()).isEqualTo(404);
		assertThat(get("/public/remedies").body()).contains("行政复议", "六十日");
		assertThat(get("/public/statistics").statusCode()).isEqualTo(200);
		assertThat(get("/public/").body()).contains("role=\"search\"", "name=\"q\"");
	}

	/** The search buckets of the loopback clients full again: dropped, a client's next search starts a full one. */
	private void fillLoopbackBuckets() {
		Object buckets = ReflectionTestUtils.getField(searchLimit, "buckets");
		Map<?, ?> byClient = (Map<?, ?>) ReflectionTestUtils.getField(buckets, "buckets");
		byClient.keySet().removeIf(client -> client.toString().startsWith("127.") || client.toString().equals("0:0:0:0:0:0:0:1"));
	}

	private static void assertNoPersonalData(String body) {
		assertThat(body).doesNotContain(PERSON_NAME, PERSON_ID, PHONE, ADDRESS);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get("http://localhost:" + port, path);
	}

	private HttpResponse<String> get(String base, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}

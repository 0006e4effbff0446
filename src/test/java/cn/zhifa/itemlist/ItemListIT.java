package cn.zhifa.itemlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Item lists over HTTP (ADR-0032), as Tasklist calls the engine's REST API: the legal office proposes a change of its
 * own agency's list (others 403: officers, heads, supervisors; the system's variables 403; bad input 400 naming the
 * field in Chinese); another agency neither reads the change (404) nor works its review; supervisors read every list and
 * change, and change nothing; after the review the portal shows the new entry and the history, anonymously. A case of an
 * agency whose list lacks the violation is refused over /api/cases with a 400 naming {@code violationCode} and the rule.
 */
@ZhifaIntegrationTest
class ItemListIT extends RestTestSupport {

	private static final String PROPOSE = "/engine-rest/process-definition/key/item-list-change/submit-form";

	final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Test
	void changeProposedReviewedAndPublishedOnThePortalWithItsHistory() throws Exception {
		String code = "CM-HTTP-" + tag;
		// not the legal office, a supervisor, nobody, the system's variables: refused
		for (String user : new String[] { "officer1", "head1", "supervisor1" }) {
			assertThat(post(PROPOSE, vars(proposal(code)), user).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(post(PROPOSE, vars(proposal(code)), null).statusCode()).isEqualTo(401);
		Map<String, Object> forged = proposal(code);
		forged.put("itemChangeNo", Map.of("value", "寥街清单变更〔2026〕999号"));
		assertThat(post(PROPOSE, vars(forged), "reviewer1").statusCode()).isEqualTo(403);
		// bad input: 400 in Chinese naming the field
		Map<String, Object> badCode = proposal(code);
		badCode.put("itemCode", Map.of("value", "占道经营"));
		assertProblem(post(PROPOSE, vars(badCode), "reviewer1"), 400, "itemCode");
		Map<String, Object> badKind = proposal(code);
		badKind.put("itemKind", Map.of("value", "FINE"));
		assertProblem(post(PROPOSE, vars(badKind), "reviewer1"), 400, "itemKind");
		Map<String, Object> noBasis = proposal(code);
		noBasis.remove("itemLegalBasis");
		assertProblem(post(PROPOSE, vars(noBasis), "reviewer1"), 400, "itemLegalBasis");
		Map<String, Object> past = proposal(code);
		past.put("itemEffectiveOn", Map.of("value", "2020-01-01"));
		assertProblem(post(PROPOSE, vars(past), "reviewer1"), 400, "itemEffectiveOn");

		JsonNode instance = postOk(PROPOSE, vars(proposal(code)), "reviewer1");
		String pi = instance.path("id").asText();
		String no = instance.path("businessKey").asText();
		assertThat(instance.path("tenantId").asText()).isEqualTo("LIAOKUO");

		// the change: the agency and the supervisors read it, another agency does not
		JsonNode change = json.readTree(get("/api/item-lists/changes/" + enc(no), "officer1").body());
		assertThat(change.path("summary").path("status").asText()).isEqualTo("PROPOSED");
		assertThat(change.path("item").path("code").asText()).isEqualTo(code);
		assertProblem(get("/api/item-lists/changes/" + enc(no), "officer4"), 404, "itemChangeNo");
		assertThat(get("/api/item-lists/changes", "officer4").body()).doesNotContain(no);
		assertThat(get("/api/item-lists/changes", "supervisor1").body()).contains(no);
		assertThat(get("/api/item-lists/changes/" + enc(no), "supervisor1").statusCode()).isEqualTo(200);
		// the lists: own agency's; supervisors every agency's; another agency's is 404 over /api (public on the portal)
		assertThat(get("/api/item-lists/LIAOKUO", "officer1").statusCode()).isEqualTo(200);
		assertProblem(get("/api/item-lists/LIAOKUO", "officer4"), 404, "agencyCode");
		assertThat(json.readTree(get("/api/item-lists", "supervisor1").body()).findValuesAsText("agencyCode"))
			.contains("LIAOKUO", "QLSCJ");
		assertThat(json.readTree(get("/api/item-lists", "officer4").body()).findValuesAsText("agencyCode"))
			.doesNotContain("LIAOKUO");
		// not on the portal before it is published
		assertThat(get("/public/item-lists/LIAOKUO", null).body()).doesNotContain(code);

		// the review: the agency's general office only; another agency and the supervisors cannot work it
		String review = taskOf(pi, "office1");
		assertThat(review).isNotNull();
		Map<String, Object> approve = Map.of("itemListReviewOutcome", Map.of("value", "APPROVE"));
		for (String user : new String[] { "head2", "reviewer2", "supervisor1" }) {
			assertThat(post("/engine-rest/task/" + review + "/submit-form", Map.of("variables", approve), user).statusCode())
				.as(user).isIn(403, 404);
		}
		assertProblem(post("/engine-rest/task/" + review + "/submit-form",
				Map.of("variables", Map.of("itemListReviewOutcome", Map.of("value", "RETURN"))), "office1"), 400,
				"itemListReviewComment");
		assertThat(post("/engine-rest/task/" + review + "/submit-form", Map.of("variables", approve), "office1").statusCode())
			.isEqualTo(204);
		JsonNode published = json.readTree(get("/api/item-lists/changes/" + enc(no), "officer1").body());
		assertThat(published.path("summary").path("status").asText()).isEqualTo("PUBLISHED");
		int version = published.path("summary").path("publishedVersion").asInt();

		// published: the portal shows the entry in the list in force and the history, for anyone
		HttpResponse<String> index = get("/public/item-lists", null);
		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.body()).contains("寥廓街道综合行政执法队", "某区市场监督管理局");
		HttpResponse<String> page = get("/public/item-lists/LIAOKUO", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		assertThat(page.body()).contains(code, "对网上测试事项" + tag + "的行政处罚", "历次版本", "第" + version + "版", "第1版", "初始清单",
				no);
		HttpResponse<String> first = get("/public/item-lists/LIAOKUO/versions/1", null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("CM-OCCUPY-ROAD").doesNotContain(code);
		assertThat(get("/public/item-lists/LIAOKUO/versions/" + version, null).body()).contains(code);
		assertThat(get("/public/item-lists/NOSUCH", null).statusCode()).isEqualTo(404);
		assertThat(get("/public/item-lists/LIAOKUO/versions/x", null).statusCode()).isEqualTo(404);
	}

	@Test
	void aCaseOutsideTheAgencysListIsRefusedOverHttp() throws Exception {
		Map<String, Object> c = Fixtures.validCase();
		c.put("violationCode", "CM-DUMP-WASTE");
		c.put("facts", "在人民路沿街乱倒生活垃圾");
		c.put("agencyCode", "QLSCJ");
		HttpResponse<String> refused = post("/api/cases", c, "officer4");
		assertProblem(refused, 400, "violationCode");
		assertThat(json.readTree(refused.body()).path("detail").asText()).contains("不在本机关现行行政执法事项清单", "R-QUAL-4");
		// the same case for the agency whose list has it
		c.put("agencyCode", "LIAOKUO");
		assertThat(post("/api/cases", c, "officer1").statusCode()).isEqualTo(201);
	}

	// --- helpers ---

	private Map<String, Object> proposal(String code) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("itemAction", Map.of("value", "ADD"));
		v.put("itemCode", Map.of("value", code));
		v.put("itemName", Map.of("value", "对网上测试事项" + tag + "的行政处罚"));
		v.put("itemKind", Map.of("value", "PENALTY"));
		v.put("itemLegalBasis", Map.of("value", "《城市市容和环境卫生管理条例》第三十六条"));
		v.put("itemResponsibleUnit", Map.of("value", "寥廓街道综合行政执法队执法一中队"));
		v.put("itemResponsibilities", Map.of("value", "立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任"));
		v.put("itemAccountability", Map.of("value", "有《中华人民共和国行政处罚法》第七十六条规定情形的，依法追究相应责任"));
		v.put("itemChangeReason", Map.of("value", "新赋权事项。"));
		return v;
	}
}

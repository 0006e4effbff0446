package cn.zhifa.enforcementcase;

import static cn.zhifa.support.Fixtures.validCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The case API as the demo users: register, read, list, evidence; bad input and other agencies (issue 5). The list's
 * query (scope, filters, {@code overdue}, paging and totals) is checked in the data slice CaseRepositoryTest, the
 * controller's own checks in the web slice CaseControllerTest.
 */
@ZhifaIntegrationTest
class CaseRestIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Test
	void registerReadListAndGuardOtherAgencies() {
		ResponseEntity<Map<String, Object>> created = post("officer1", "/api/cases", validCase());
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = created.getBody().get("caseNo").toString();
		assertThat(caseNo).matches("寥街罚〔\\d{4}〕\\d+号");

		Map<String, Object> view = as("officer1").exchange("/api/cases/" + caseNo, HttpMethod.GET, null, MAP).getBody();
		assertThat(view).containsKeys("caseRecord", "openTasks", "deadlines");
		assertThat(view.get("caseRecord").toString()).contains("stage=REGISTERED", "partyAddress=曲靖市麒麟区人民路12号");
		String pid = ((Map<?, ?>) view.get("caseRecord")).get("processInstanceId").toString();
		assertThat(engine.getRuntimeService().getVariable(pid, "partyAddress")).isEqualTo("曲靖市麒麟区人民路12号");
		assertThat(view.get("openTasks").toString()).contains("userTask_approveFiling");
		assertThat(view.get("deadlines").toString()).contains("userTask_approveFiling", "RUNNING");

		// another agency: 404, never the data
		ResponseEntity<String> foreign = as("officer4").getForEntity("/api/cases/" + caseNo, String.class);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getBody()).doesNotContain("张三");
		assertThat(post("officer4", "/api/cases", validCase()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		Map<String, Object> evidence = Map.of("kind", "现场笔录", "description", "占道经营现场检查笔录", "obtainedAt",
				"2026-11-20T10:00:00+08:00", "obtainedBy", "李明、王芳", "confirmation", "签名确认");
		assertThat(post("officer1", "/api/cases/" + caseNo + "/evidence", evidence).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(post("officer4", "/api/cases/" + caseNo + "/evidence", evidence).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		// R-COORD-7: how the party confirmed it, one of the ways of the kind; a statutory kind
		assertThat(as("officer1").getForEntity("/api/cases/" + caseNo, String.class).getBody()).contains("\"confirmation\":\"签名确认\"",
				"当事人或者其代理人签名确认");
		for (Map.Entry<String, String> bad : Map.of("", "现场笔录为 签名确认、拒签见证 之一", "原始载体", "请注明当事人证据确认方式")
			.entrySet()) {
			Map<String, Object> e = new java.util.HashMap<>(evidence);
			e.put("confirmation", bad.getKey());
			ResponseEntity<Map<String, Object>> refused = post("officer1", "/api/cases/" + caseNo + "/evidence", e);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody().toString()).contains("confirmation", bad.getValue());
		}
		Map<String, Object> photo = new java.util.HashMap<>(evidence);
		photo.put("kind", "照片");
		assertThat(post("officer1", "/api/cases/" + caseNo + "/evidence", photo).getBody().toString()).contains("kind",
				"行政处罚法第四十六条");

		Map<String, Object> page = as("officer1").exchange("/api/cases?stage=REGISTERED&size=200", HttpMethod.GET, null, MAP)
			.getBody();
		assertThat(page.get("cases").toString()).contains(caseNo);
		assertThat(as("officer4").exchange("/api/cases?size=200", HttpMethod.GET, null, MAP).getBody().get("cases").toString())
			.doesNotContain(caseNo);
		// a hearing request before the prior notice: wrong stage → 409, nothing changed
		assertThat(post("officer1", "/api/cases/" + caseNo + "/hearing-request", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void badInputNamesTheField() {
		Map<String, Object> bad = new HashMap<>(validCase());
		bad.put("partyIdNumber", "530302199001011233"); // wrong check digit
		ResponseEntity<Map<String, Object>> r = post("officer1", "/api/cases", bad);
		assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(r.getBody()).containsEntry("field", "partyIdNumber");

		// 行政处罚法 art. 36: a violation discovered past 2 years is not filed (a missing or malformed date: CaseControllerTest)
		bad = new HashMap<>(validCase());
		bad.put("violationDate", "2024-06-01");
		ResponseEntity<Map<String, Object>> late = post("officer1", "/api/cases", bad);
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(late.getBody()).containsEntry("field", "violationDate");
		assertThat(late.getBody().get("detail").toString()).contains("第三十六条");
		// 行政处罚法 arts. 52, 59: the party's address is required, within its column, named in Chinese
		bad = new HashMap<>(validCase());
		bad.remove("partyAddress");
		ResponseEntity<Map<String, Object>> noAddress = post("officer1", "/api/cases", bad);
		assertThat(noAddress.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noAddress.getBody()).containsEntry("field", "partyAddress");
		assertThat(noAddress.getBody().get("detail").toString()).contains("住所（地址）必须填写", "第五十九条");
		bad = new HashMap<>(validCase());
		bad.put("partyAddress", "长".repeat(301));
		assertThat(post("officer1", "/api/cases", bad).getBody()).containsEntry("field", "partyAddress");
		bad = new HashMap<>(validCase());
		bad.remove("facts");
		assertThat(post("officer1", "/api/cases", bad).getBody()).containsEntry("field", "facts");
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "demo");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String url, Object body) {
		return as(user).exchange(url, HttpMethod.POST, new HttpEntity<>(body), MAP);
	}
}

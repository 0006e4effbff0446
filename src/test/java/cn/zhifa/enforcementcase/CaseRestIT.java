package cn.zhifa.enforcementcase;

import static cn.zhifa.support.Fixtures.validCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/** The case API as the demo users: register, read, list, evidence; bad input and other agencies (issue 5). */
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
				"2026-11-20T10:00:00+08:00", "obtainedBy", "李明、王芳");
		assertThat(post("officer1", "/api/cases/" + caseNo + "/evidence", evidence).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(post("officer4", "/api/cases/" + caseNo + "/evidence", evidence).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

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

	/**
	 * Issue 20: {@code overdue} filters in the query, before paging — a page of 2 holds 2 overdue cases and the total
	 * counts the overdue cases only (the filter used to drop cases from the fetched page and keep the unfiltered total).
	 */
	@Test
	void overdueFilterPagesAndCountsTheFilteredCases() {
		List<String> overdue = new ArrayList<>();
		List<String> onTime = new ArrayList<>();
		Date past = new Date(ClockUtil.getCurrentTime().getTime() - 24 * 3600 * 1000L);
		for (int i = 0; i < 5; i++) {
			String caseNo = post("officer1", "/api/cases", validCase()).getBody().get("caseNo").toString();
			if (i % 2 == 0) {
				for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).list()) {
					task.setDueDate(past);
					engine.getTaskService().saveTask(task);
				}
				overdue.add(caseNo);
			}
			else {
				onTime.add(caseNo);
			}
		}
		// what overdue means: an open task of the case due before now (the deadlines GET /api/cases/{caseNo} shows)
		Date now = ClockUtil.getCurrentTime();
		List<String> all = allPages("/api/cases?size=200");
		Set<String> expectedOverdue = all.stream().filter(c -> engine.getTaskService().createTaskQuery()
			.processInstanceBusinessKey(c).dueBefore(now).count() > 0).collect(Collectors.toSet());
		assertThat(expectedOverdue).containsAll(overdue).doesNotContainAnyElementsOf(onTime);

		Map<String, Object> first = as("officer1").exchange("/api/cases?overdue=true&size=2", HttpMethod.GET, null, MAP)
			.getBody();
		assertThat(((Number) first.get("total")).longValue()).isEqualTo(expectedOverdue.size());
		assertThat((List<?>) first.get("cases")).hasSize(2);
		List<String> listedOverdue = allPages("/api/cases?overdue=true&size=2");
		assertThat(listedOverdue).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedOverdue);
		// newest first, like the unfiltered list
		assertThat(listedOverdue).isEqualTo(all.stream().filter(expectedOverdue::contains).toList());

		Map<String, Object> notOverdue = as("officer1")
			.exchange("/api/cases?overdue=false&size=2", HttpMethod.GET, null, MAP).getBody();
		assertThat(((Number) notOverdue.get("total")).longValue()).isEqualTo(all.size() - expectedOverdue.size());
		assertThat((List<?>) notOverdue.get("cases")).hasSize(2);
		List<String> listedOnTime = allPages("/api/cases?overdue=false&size=2");
		assertThat(listedOnTime).containsAll(onTime).doesNotContainAnyElementsOf(overdue)
			.hasSize(all.size() - expectedOverdue.size());
		// with a stage: the same filter within the stage
		Map<String, Object> registered = as("officer1")
			.exchange("/api/cases?overdue=true&stage=REGISTERED&size=2", HttpMethod.GET, null, MAP).getBody();
		assertThat((List<?>) registered.get("cases")).hasSize(2).allSatisfy(c -> assertThat(map(c))
			.containsEntry("stage", "REGISTERED").containsEntry("agencyCode", "LIAOKUO"));
		// agency scoping stays: another agency's user never sees these cases
		assertThat(as("officer4").exchange("/api/cases?overdue=true&size=200", HttpMethod.GET, null, MAP).getBody()
			.get("cases").toString()).doesNotContain(overdue.get(0));
	}

	/** The case numbers of every page of {@code url} (which has a size), as officer1. */
	private List<String> allPages(String url) {
		List<String> caseNos = new ArrayList<>();
		for (int page = 0;; page++) {
			Map<String, Object> body = as("officer1").exchange(url + "&page=" + page, HttpMethod.GET, null, MAP).getBody();
			List<?> cases = (List<?>) body.get("cases");
			if (cases.isEmpty()) {
				assertThat(caseNos).hasSize(((Number) body.get("total")).intValue());
				return caseNos;
			}
			cases.forEach(c -> caseNos.add(((Map<?, ?>) c).get("caseNo").toString()));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object json) {
		return (Map<String, Object>) json;
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "demo");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String url, Object body) {
		return as(user).exchange(url, HttpMethod.POST, new HttpEntity<>(body), MAP);
	}
}

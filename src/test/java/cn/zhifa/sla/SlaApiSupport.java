package cn.zhifa.sla;

import static cn.zhifa.support.Fixtures.validCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.EngineTestSupport;

/**
 * What the SLA tests share: the API as a demo user (HTTP Basic), a case registered through it and filed, every row
 * of a paged list, a refusal naming its field.
 */
abstract class SlaApiSupport extends EngineTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	TestRestTemplate client(String user) {
		return http.withBasicAuth(user, "demo");
	}

	ResponseEntity<Map<String, Object>> get(String user, String url) {
		return client(user).exchange(url, HttpMethod.GET, null, MAP);
	}

	/** A valid body of {@code POST /api/cases}: a case discovered (and committed) on {@code discoveredOn}. */
	static Map<String, Object> caseDiscoveredOn(String discoveredOn) {
		Map<String, Object> c = validCase();
		c.put("discoveredOn", discoveredOn);
		c.put("violationDate", discoveredOn);
		return c;
	}

	/** officer1 registers a case discovered (and committed) on {@code discoveredOn}; its case number. */
	String register(String discoveredOn) {
		ResponseEntity<Map<String, Object>> created = client("officer1").exchange("/api/cases", HttpMethod.POST,
				new HttpEntity<>(caseDiscoveredOn(discoveredOn)), MAP);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("caseNo").toString();
	}

	/** The id of the case's process instance. */
	String processOf(String caseNo) {
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getId();
	}

	/** head1 decides to file the case at the current engine time; returns the process instance. */
	String decideFiling(String caseNo) {
		String pi = processOf(caseNo);
		as("head1");
		var filing = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey("userTask_approveFiling")
			.singleResult();
		engine.getTaskService().claim(filing.getId(), "head1");
		engine.getTaskService().complete(filing.getId(), Map.of("filingDecision", "FILE", "handlerId", "officer1"));
		engine.getIdentityService().clearAuthentication();
		return pi;
	}

	/** Every row of the paged list at {@code path} the user sees with these filters, page by page. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> allRows(String user, String path, String query) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int page = 0; page < 100; page++) {
			ResponseEntity<Map<String, Object>> r = get(user, path + "?size=200&page=" + page + "&" + query);
			assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
			List<Map<String, Object>> content = (List<Map<String, Object>>) r.getBody().get("rows");
			rows.addAll(content);
			Object more = r.getBody().get("more");
			if (more != null ? !((Boolean) more)
					: rows.size() >= ((Number) r.getBody().get("total")).longValue() || content.isEmpty()) {
				break;
			}
		}
		return rows;
	}

	/** A 400 problem detail in Chinese naming {@code field}. */
	static void assertField(ResponseEntity<Map<String, Object>> response, String field) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("field", field);
		assertThat(response.getBody().get("detail").toString()).matches(".*[\\u4e00-\\u9fff].*");
	}

	static Date at(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * ADR-0050 on the running application (H2 in {@code mvn verify}, PostgreSQL in CI's PostgreSQL run): every Tasklist
 * filter of every kind of user lists, page by page, the tasks the engine's own statement lists, in the same order.
 */
@ZhifaIntegrationTest
class TaskPageIT {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	@Test
	void tasklistFiltersListWhatTheEnginesStatementLists() {
		for (int i = 0; i < 3; i++) {
			Fixtures.startLegalReview(http); // reviews waiting for the agency's reviewers: candidate-group tasks
		}
		DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDbSqlSessionFactory();
		assertThat(sessions.getStatementMappings()).containsEntry(EngineTaskPage.ENGINE_STATEMENT, EngineTaskPage.STATEMENT);
		int compared = 0;
		for (String user : List.of("officer1", "reviewer1", "head1", "supervisor1")) {
			for (Map<String, Object> filter : http.withBasicAuth(user, "demo")
				.exchange("/engine-rest/filter", HttpMethod.GET, null, LIST).getBody()) {
				for (int first : new int[] { 0, 3 }) {
					Supplier<List<Object>> page = () -> page(user, filter.get("id").toString(), first);
					List<Object> ours = page.get();
					List<Object> engines = withEnginesStatement(sessions, page);
					assertThat(ours).as("%s, %s, from %d", user, filter.get("name"), first).isEqualTo(engines);
					compared += ours.size();
				}
			}
		}
		assertThat(compared).as("tasks compared").isPositive();
	}

	/** The ids of a page of a filter as Tasklist asks for it (hal+json), ties in due date ordered by id. */
	private List<Object> page(String user, String filterId, int first) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		Map<String, Object> body = Map.of("processVariables", List.of(), "taskVariables", List.of(),
				"caseInstanceVariables", List.of(), "sorting",
				List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"), Map.of("sortBy", "id", "sortOrder", "asc")));
		Map<?, ?> hal = http.withBasicAuth(user, "demo")
			.exchange("/engine-rest/filter/" + filterId + "/list?firstResult=" + first + "&maxResults=3", HttpMethod.POST,
					new HttpEntity<>(body, headers), Map.class)
			.getBody();
		Map<?, ?> embedded = (Map<?, ?>) hal.get("_embedded");
		List<?> tasks = embedded == null || embedded.get("task") == null ? List.of() : (List<?>) embedded.get("task");
		return tasks.stream().map(t -> ((Map<?, ?>) t).get("id")).map(Object.class::cast).toList();
	}

	private static List<Object> withEnginesStatement(DbSqlSessionFactory sessions, Supplier<List<Object>> page) {
		Map<String, String> ours = sessions.getStatementMappings();
		Map<String, String> engines = new HashMap<>(ours);
		engines.remove(EngineTaskPage.ENGINE_STATEMENT);
		sessions.setStatementMappings(engines);
		try {
			return page.get();
		}
		finally {
			sessions.setStatementMappings(ours);
		}
	}
}

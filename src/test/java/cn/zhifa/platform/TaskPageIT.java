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
 * ADR-0050 and ADR-0051 on the running application (H2 in {@code mvn verify}, PostgreSQL in CI's PostgreSQL run):
 * every Tasklist filter of every kind of user lists, page by page, the tasks the engine's own statement lists, in the
 * same order, and counts what the engine's own count statement counts.
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
		assertThat(sessions.getStatementMappings()).containsEntry(EngineTaskPage.ENGINE_STATEMENT, EngineTaskPage.STATEMENT)
			.containsEntry(EngineTaskPage.ENGINE_COUNT_STATEMENT, EngineTaskPage.COUNT_STATEMENT);
		int compared = 0;
		long counted = 0;
		for (String user : List.of("officer1", "reviewer1", "head1", "supervisor1")) {
			Supplier<Object> all = () -> count(user, "/engine-rest/task/count");
			assertThat(all.get()).as("%s, all tasks", user).isEqualTo(withEnginesStatement(sessions, all));
			counted += ((Number) all.get()).longValue();
			for (Map<String, Object> filter : http.withBasicAuth(user, "demo")
				.exchange("/engine-rest/filter", HttpMethod.GET, null, LIST).getBody()) {
				Supplier<Object> filterCount = () -> count(user, "/engine-rest/filter/" + filter.get("id") + "/count");
				assertThat(filterCount.get()).as("%s, %s, count", user, filter.get("name"))
					.isEqualTo(withEnginesStatement(sessions, filterCount));
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
		assertThat(counted).as("tasks counted").isPositive();
	}

	private Object count(String user, String path) {
		return http.withBasicAuth(user, "demo").getForObject(path, Map.class).get("count");
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

	private static <T> T withEnginesStatement(DbSqlSessionFactory sessions, Supplier<T> query) {
		Map<String, String> ours = sessions.getStatementMappings();
		Map<String, String> engines = new HashMap<>(ours);
		engines.remove(EngineTaskPage.ENGINE_STATEMENT);
		engines.remove(EngineTaskPage.ENGINE_COUNT_STATEMENT);
		sessions.setStatementMappings(engines);
		try {
			return query.get();
		}
		finally {
			sessions.setStatementMappings(ours);
		}
	}
}

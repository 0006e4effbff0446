package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.platform.problem.Problem;

/**
 * The one error model's answer as a client sees it (issue 13), for whole-application tests and web slices alike:
 * problem JSON of the expected status with a stable type, Chinese title and detail, the field at fault when named,
 * short, and without class names, SQL or stack traces.
 */
public final class ProblemChecks {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemChecks() {
	}

	/** Checks a response's status, content type and body; returns the problem. */
	public static JsonNode assertProblem(int actualStatus, String contentType, String body, int status, String field)
			throws Exception {
		assertThat(actualStatus).as(body).isEqualTo(status);
		assertThat(contentType == null ? "" : contentType).as(body).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").asText()).startsWith(Problem.TYPE_BASE);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).containsPattern("[\\u4e00-\\u9fff]");
		assertThat(problem.path("detail").asText()).as(body).containsPattern("[\\u4e00-\\u9fff]");
		if (field != null) {
			assertThat(problem.path("field").asText()).as(body).isEqualTo(field);
		}
		assertThat(body.length()).isLessThan(4000);
		assertThat(body).doesNotContain("Exception", "java.", "org.", "SQL", "INSERT", "ENGINE-", "\tat ");
		return problem;
	}
}

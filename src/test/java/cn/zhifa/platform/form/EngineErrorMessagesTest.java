package cn.zhifa.platform.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine's error answers as Zhifa's problem details: status by meaning, Chinese {@code message}
 * and {@code detail} (what Tasklist shows), {@code code} kept, the engine's class names and texts gone.
 * The answers fed in are those the engine's REST API gives (issue 13).
 */
class EngineErrorMessagesTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final EngineErrorMessages filter = new EngineErrorMessages(null, null);

	@Test
	void anUnknownIdOrAnotherAgencysThingIsNotFound() throws Exception {
		JsonNode unknown = answer("/engine-rest/task/t1/complete", 500, "RestException",
				"Cannot complete task t1: Cannot find task with id t1: task is null", 0);
		assertProblem(unknown, 404, "not-found");
		JsonNode variable = answer("/engine-rest/process-instance/p1/variables/x", 500, "RestException",
				"Cannot put process instance variable x: execution p1 doesn't exist: execution is null", 0);
		assertProblem(variable, 404, "not-found");
		JsonNode tenant = answer("/engine-rest/task/t1/complete", 500, "ProcessEngineException",
				"ENGINE-03110 Cannot complete the task 't1' because it belongs to no authenticated tenant.", 0);
		assertProblem(tenant, 404, "not-found");
	}

	@Test
	void aConcurrentCompletionIsAConflict() throws Exception {
		JsonNode concurrent = answer("/engine-rest/task/t1/complete", 500, "OptimisticLockingException",
				"ENGINE-03005 Execution of 'UPDATE TaskEntity[t1]' failed. Entity was updated by another transaction concurrently.", 1);
		assertProblem(concurrent, 409, "conflict");
		assertThat(concurrent.path("code").asInt()).isEqualTo(1);
		// a lock held longer than H2 waits (the document counter while another step of the agency commits)
		JsonNode locked = answer("/engine-rest/task/t1/submit-form", 500, "PessimisticLockingFailureException",
				"JDBC exception executing SQL [select dc1_0.agency_code from zf_document_counter dc1_0 for update] "
						+ "[Timeout trying to lock table \"ZF_DOCUMENT_COUNTER\"; SQL statement: …]", 0);
		assertProblem(locked, 409, "conflict");
		assertThat(locked.path("message").asText()).isEqualTo("该记录正由他人同时办理，请稍后重试");
	}

	@Test
	void whatTheEngineRefusesAsBadInputIsABadRequest() throws Exception {
		JsonNode serialized = answer("/engine-rest/process-definition/key/enforcement-case/start", 500, "RestException",
				"Cannot instantiate process definition enforcement-case:1:x: ENGINE-17007 Cannot set variable with name x. "
						+ "Java serialization format is prohibited", 0);
		assertProblem(serialized, 400, "invalid-field");
		assertThat(serialized.path("field").asText()).isEqualTo("x");
		JsonNode cast = answer("/engine-rest/process-definition/key/enforcement-case/start", 500, "ClassCastException",
				"class java.lang.Integer cannot be cast to class java.lang.String", null);
		assertProblem(cast, 400, "unreadable-request");
		JsonNode query = answer("/engine-rest/task", 404, "QueryParamException", "java.lang.NumberFormatException: abc", null);
		assertProblem(query, 400, "unreadable-request");
		JsonNode sortedByUnknownType = answer("/engine-rest/filter/f1/list", 500, "NullValueException", "valueType is null", 0);
		assertProblem(sortedByUnknownType, 400, "unreadable-request");
		JsonNode field = answer("/engine-rest/task/t1/submit-form", 500, "RestException",
				"Cannot submit task form t1: reviewOutcome: 请选择审核结论", EngineErrorMessages.INVALID_INPUT_CODE);
		assertProblem(field, 400, "invalid-field");
		assertThat(field.path("field").asText()).isEqualTo("reviewOutcome");
		assertThat(field.path("message").asText()).isEqualTo("请选择审核结论");
	}

	@Test
	void ourOwnRefusalsKeepTheirChineseText() throws Exception {
		JsonNode refused = answer("/engine-rest/process-definition/key/legal-review/start", 403, "AuthorizationException",
				"只能为本机构发起流程", null);
		assertProblem(refused, 403, "forbidden");
		assertThat(refused.path("message").asText()).isEqualTo("只能为本机构发起流程");
		JsonNode english = answer("/engine-rest/task/t1/claim", 403, "AuthorizationException",
				"The user with id 'officer4' does not have 'UPDATE' permission on resource 't1' of type 'Task'.", null);
		assertThat(english.path("message").asText()).isEqualTo("您没有权限执行此操作");
	}

	@Test
	void aFailureShowsOnlyAReferenceEvenIfItsTextHasChinese() throws Exception {
		JsonNode failure = answer("/engine-rest/process-definition/key/legal-review/start", 500, "ProcessEngineException",
				"ENGINE-03083 Exception while executing Batch Database Operations with message 'INSERT INTO zf_record_case_head "
						+ "VALUES ('寥街罚〔2026〕…号')'", 0);
		assertProblem(failure, 500, "internal-error");
		assertThat(failure.path("reference").asText()).isNotEmpty();
	}

	@Test
	void deploymentErrorsKeepTheParsersDetailsForModeler() throws Exception {
		MockHttpServletResponse response = run("/engine-rest/deployment/create", 400,
				"{\"type\":\"ParseException\",\"message\":\"ENGINE-09005 Could not parse BPMN process. Errors: missing end event\","
						+ "\"code\":0,\"details\":{\"case.bpmn\":{\"errors\":[{\"message\":\"missing end event\",\"line\":5}]}}}");
		JsonNode body = JSON.readTree(response.getContentAsByteArray());
		assertProblem(body, 400, "invalid-field");
		assertThat(body.path("details").path("case.bpmn").path("errors").get(0).path("line").asInt()).isEqualTo(5);
		assertThat(body.path("message").asText()).startsWith("模型文件有误").contains("missing end event");
	}

	@Test
	void successfulAnswersPassUntouched() throws Exception {
		MockHttpServletResponse response = run("/engine-rest/task", 200, "[{\"id\":\"t1\"}]");
		assertThat(response.getContentAsString()).isEqualTo("[{\"id\":\"t1\"}]");
	}

	private JsonNode answer(String uri, int status, String type, String message, Integer code) throws Exception {
		var engine = JSON.createObjectNode().put("type", type).put("message", message);
		if (code != null) {
			engine.put("code", code);
		}
		else {
			engine.putNull("code");
		}
		MockHttpServletResponse response = run(uri, status, JSON.writeValueAsString(engine));
		assertThat(response.getContentType()).startsWith("application/problem+json");
		return JSON.readTree(response.getContentAsByteArray());
	}

	private MockHttpServletResponse run(String uri, int status, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> {
			var http = (jakarta.servlet.http.HttpServletResponse) res;
			http.setStatus(status);
			http.setContentType("application/json");
			http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		});
		return response;
	}

	private static void assertProblem(JsonNode body, int status, String type) {
		assertThat(body.path("status").asInt()).as(body.toString()).isEqualTo(status);
		assertThat(body.path("type").asText()).isEqualTo("https://zhifa.cn/problems/" + type);
		assertThat(body.path("title").asText()).containsPattern("[\\u4e00-\\u9fff]");
		assertThat(body.path("message").asText()).isEqualTo(body.path("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
		assertThat(body.toString()).doesNotContain("Exception", "java.", "org.", "INSERT", "ENGINE-", "zf_");
	}
}

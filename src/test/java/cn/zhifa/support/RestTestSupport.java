package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP calls of an integration test against the running application ({@link ZhifaIntegrationTest}): JSON in and
 * out, signed in with HTTP Basic as a demo user (password {@code demo}) or anonymous when the user is null, and the
 * check of the project's one error model (a problem detail in Chinese naming the field).
 */
public abstract class RestTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected ObjectMapper json;

	protected final HttpClient http = HttpClient.newHttpClient();

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** GET as {@code user}, anonymous when null. */
	protected HttpResponse<String> get(String path, String user) throws Exception {
		return send(signedIn(HttpRequest.newBuilder(uri(path)).GET(), user).build());
	}

	/** POST {@code body} as JSON as {@code user}, anonymous when null. */
	protected HttpResponse<String> post(String path, Object body, String user) throws Exception {
		return send(signedIn(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), user).build());
	}

	/** PUT {@code body} as JSON as {@code user}, anonymous when null. */
	protected HttpResponse<String> put(String path, Object body, String user) throws Exception {
		return send(signedIn(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), user).build());
	}

	protected HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * {@code method} {@code path} of the application on {@code port} with {@code client}, accepting JSON, as {@code user}
	 * (anonymous when null), with {@code body} of {@code contentType} (no body when null): for a test that sends raw or
	 * malformed bodies and does not extend this class.
	 */
	public static HttpResponse<String> send(HttpClient client, int port, String user, String method, String path,
			String contentType, byte[] body) throws Exception {
		HttpRequest.Builder request = signedIn(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json"), user);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The request signed in as {@code user} (HTTP Basic, password {@code demo}), unchanged when the user is null. */
	protected static HttpRequest.Builder signedIn(HttpRequest.Builder b, String user) {
		return user == null ? b : authed(b, user);
	}

	/** The request signed in as {@code user} (HTTP Basic, password {@code demo}). */
	protected static HttpRequest.Builder authed(HttpRequest.Builder b, String user) {
		return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	/** {@code s} encoded for a path segment or a query parameter (a space as %20). */
	protected static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Form variables as the engine's REST API takes them: {@code {"variables": {name: {"value": …}}}}. */
	protected static Map<String, Object> vars(Map<String, Object> variables) {
		return Map.of("variables", variables);
	}

	/** The id of the first task of the instance that {@code user} may see, or null. */
	protected String taskOf(String processInstanceId, String user) throws Exception {
		HttpResponse<String> r = get("/engine-rest/task?processInstanceId=" + processInstanceId, user);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode list = json.readTree(r.body());
		return list.size() == 0 ? null : list.get(0).path("id").asText();
	}

	/** The response, after checking it is 200. */
	protected static HttpResponse<String> ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	/** POST {@code body} as {@code user}, checked to be 200; its JSON answer (e.g. the process instance a form started). */
	protected JsonNode postOk(String path, Object body, String user) throws Exception {
		HttpResponse<String> response = post(path, body, user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** A refusal in the error model: {@code status}, a problem detail in Chinese without Java internals, naming {@code field} unless null. */
	protected void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("detail").asText()).containsPattern("[\\u4e00-\\u9fff]").doesNotContain("Exception", "java.");
		if (field != null) {
			assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
		}
	}
}

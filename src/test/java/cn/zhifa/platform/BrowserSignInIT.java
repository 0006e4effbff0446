package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 12 §3: no native sign-in dialog in the browser. A 401 carrying {@code WWW-Authenticate: Basic}
 * makes Chromium pop one up, so browsers (the webapps' XHR, typed URLs) get 401 with a Chinese message
 * and no challenge, while API clients keep the standard Basic challenge and logins.
 */
@ZhifaIntegrationTest
class BrowserSignInIT {

	private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/140.0.0.0 Safari/537.36";

	/** Wrong logins with a user that does not exist: a wrong password would lock a real user for seconds. */
	private static final String NOBODY = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	TestRestTemplate http;

	@Test
	void webappXhrOutsideTheWebappsGetsNoChallenge() {
		// what the login page's $http call to /camunda-welcome sends from http://localhost
		HttpHeaders xhr = headers(CHROME, "application/json, text/plain, */*");
		xhr.set("Sec-Fetch-Mode", "cors");
		xhr.set("Sec-Fetch-Site", "same-origin");
		xhr.set("Sec-Fetch-Dest", "empty");
		xhr.set(HttpHeaders.REFERER, "http://localhost/camunda/app/tasklist/default/");
		ResponseEntity<String> response = get("/camunda-welcome", xhr);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		assertThat(response.getBody()).contains("未登录");
	}

	@Test
	void browserOnPlainHttpWithoutFetchMetadataGetsNoChallenge() {
		// an intranet address over plain HTTP: browsers send no Sec-Fetch-* there
		ResponseEntity<String> response = get("/api/calendar/reload", headers(CHROME, "application/json, text/plain, */*"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
	}

	@Test
	void typedUrlAndLegacyXhrGetNoChallenge() {
		HttpHeaders navigation = headers(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		ResponseEntity<String> typed = get("/engine-rest/task", navigation);
		assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(typed.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();

		HttpHeaders legacy = headers(null, "*/*");
		legacy.set("X-Requested-With", "XMLHttpRequest");
		assertThat(get("/engine-rest/task", legacy).getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
	}

	@Test
	void browserWithWrongCredentialsGetsNoChallenge() {
		HttpHeaders wrong = headers(CHROME, "application/json");
		wrong.setBasicAuth(NOBODY, "wrong");
		ResponseEntity<String> response = get("/engine-rest/task", wrong);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
	}

	@Test
	void apiClientsKeepTheBasicChallengeAndTheirLogin() {
		ResponseEntity<String> anonymous = get("/engine-rest/task", headers("curl/8.5.0", "*/*"));
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Zhifa\"");
		assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(anonymous.getBody()).contains("未登录", "HTTP Basic");

		HttpHeaders wrong = headers("curl/8.5.0", "*/*");
		wrong.setBasicAuth(NOBODY, "wrong");
		ResponseEntity<String> refused = get("/engine-rest/task", wrong);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic ");

		HttpHeaders login = headers("curl/8.5.0", "*/*");
		login.setBasicAuth("officer1", "demo");
		assertThat(get("/engine-rest/task", login).getStatusCode()).isEqualTo(HttpStatus.OK);
		// a Java client without User-Agent or Accept is an API client as well
		assertThat(http.getForEntity("/api/anything", String.class).getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.startsWith("Basic ");
	}

	@Test
	void webappApiWithoutSessionGetsNoChallenge() {
		HttpHeaders xhr = headers(CHROME, "application/json, text/plain, */*");
		ResponseEntity<String> response = get("/camunda/api/engine/engine/default/task/count", xhr);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
	}

	private static HttpHeaders headers(String userAgent, String accept) {
		HttpHeaders headers = new HttpHeaders();
		if (userAgent != null) {
			headers.set(HttpHeaders.USER_AGENT, userAgent);
		}
		headers.set(HttpHeaders.ACCEPT, accept);
		return headers;
	}

	private ResponseEntity<String> get(String path, HttpHeaders headers) {
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}
}

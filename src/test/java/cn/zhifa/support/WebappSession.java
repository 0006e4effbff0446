package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A login to the webapps (Tasklist, Cockpit) as a browser makes it: the session and XSRF cookies of
 * the start page, the login form posted with the XSRF header; then requests with the session cookie
 * and, for anything but GET, the XSRF header — what Cockpit's and Tasklist's XHRs send.
 */
public record WebappSession(String session, String xsrf) {

	/** Logs in {@code user} (password {@code demo}) to {@code app} ({@code tasklist}, {@code cockpit}). */
	public static WebappSession login(TestRestTemplate http, String user, String app) {
		ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
		String xsrf = setCookie(page, "XSRF-TOKEN");
		String session = setCookie(page, "JSESSIONID");
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
				new HttpEntity<>("username=" + user + "&password=demo", headers), String.class);
		assertThat(login.getStatusCode()).as("login %s to %s", user, app).isEqualTo(HttpStatus.OK);
		String renewedSession = setCookie(login, "JSESSIONID");
		String loggedIn = renewedSession != null ? renewedSession : session;
		// the login starts a new session: its first GET hands out the session's XSRF token, as the app's next XHR gets it
		HttpHeaders cookie = new HttpHeaders();
		cookie.add(HttpHeaders.COOKIE, "JSESSIONID=" + loggedIn);
		ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(cookie), String.class);
		String token = me.getHeaders().getFirst("X-XSRF-TOKEN");
		String renewedXsrf = token != null ? token : setCookie(me, "XSRF-TOKEN");
		return new WebappSession(loggedIn, renewedXsrf != null ? renewedXsrf : xsrf);
	}

	/** Headers of an XHR of the webapps: session and XSRF cookies, the XSRF header, JSON. */
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return headers;
	}

	public <T> ResponseEntity<T> exchange(TestRestTemplate http, HttpMethod method, String path, Object body, Class<T> type) {
		return http.exchange(path, method, new HttpEntity<>(body, headers()), type);
	}

	public static String setCookie(ResponseEntity<?> response, String name) {
		return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1).split(";")[0]).findFirst().orElse(null);
	}
}

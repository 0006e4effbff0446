package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.WebappSession;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Warnings reach people (issue 17 §3): a filing deadline passes on the engine clock, its warning and
 * breach timers fire, and head1 (LIAOKUO-head) and supervisor1 (supervisor) find the notifications at
 * /api/notifications, each with their own read state; other agencies and roles see nothing.
 */
@ZhifaIntegrationTest
class NotificationsIT extends SlaApiSupport {

	@Autowired
	NotificationMailer mailer;

	@Test
	@SuppressWarnings("unchecked")
	void warningAndBreachReachTheHeadAndTheSupervisor() {
		clockAt(at("2026-10-12T09:00:00+08:00"));
		String caseNo = register("2026-10-12");
		String pi = processOf(caseNo);
		long headUnreadBefore = unread("head1");
		long supervisorUnreadBefore = unread("supervisor1");

		// due 2 Nov 2026 (15 working days); on 3 Nov the warning (2 working days before) and the breach are due
		clockAt(at("2026-11-03T10:00:00+08:00"));
		assertThat(executeDueJobs(pi)).isEqualTo(2);

		List<Map<String, Object>> head = items("head1", caseNo);
		assertThat(head).extracting(i -> i.get("kind")).containsExactlyInAnyOrder("SLA_WARNING", "SLA_BREACH");
		Map<String, Object> breach = head.stream().filter(i -> "SLA_BREACH".equals(i.get("kind"))).findFirst().orElseThrow();
		assertThat(breach).containsEntry("kindLabel", "超期督办").containsEntry("read", false).containsEntry("agencyCode", "LIAOKUO")
			.containsEntry("processInstanceId", pi);
		assertThat(breach.get("message").toString()).contains("已超期", caseNo, "审批立案", "2026-11-02 23:59");
		assertThat(unread("head1")).isEqualTo(headUnreadBefore + 2);
		// the supervisor gets the breach only (the models notify supervisor of breaches)
		List<Map<String, Object>> supervisor = items("supervisor1", caseNo);
		assertThat(supervisor).extracting(i -> i.get("kind")).containsExactly("SLA_BREACH");
		assertThat(unread("supervisor1")).isEqualTo(supervisorUnreadBefore + 1);
		// not for an officer, nor for another agency
		assertThat(items("officer1", caseNo)).isEmpty();
		assertThat(items("officer4", caseNo)).isEmpty();
		assertThat(items("head2", caseNo)).isEmpty();

		// head1 reads the breach: his own state only
		long breachId = ((Number) breach.get("id")).longValue();
		ResponseEntity<Map<String, Object>> read = post("head1", "/api/notifications/" + breachId + "/read");
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Number) read.getBody().get("unread")).longValue()).isEqualTo(headUnreadBefore + 1);
		assertThat(items("head1", caseNo).stream().filter(i -> "SLA_BREACH".equals(i.get("kind"))).findFirst().orElseThrow())
			.containsEntry("read", true);
		assertThat(items("supervisor1", caseNo).get(0)).containsEntry("read", false);
		// twice is fine; another agency's head cannot touch it (404, nothing revealed)
		assertThat(post("head1", "/api/notifications/" + breachId + "/read").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(post("head2", "/api/notifications/" + breachId + "/read").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// unread only
		List<Map<String, Object>> unreadItems = (List<Map<String, Object>>) get("head1", "/api/notifications?unread=true&size=100")
			.getBody().get("items");
		assertThat(unreadItems).extracting(i -> i.get("id")).doesNotContain(breach.get("id"));

		// a supervisor may mark his own notifications read (not enforcement data); the heads' one is not his
		assertThat(post("supervisor1", "/api/notifications/" + breachId + "/read").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		Object supervisorsBreach = items("supervisor1", caseNo).get(0).get("id");
		assertThat(post("supervisor1", "/api/notifications/" + supervisorsBreach + "/read").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(items("supervisor1", caseNo).get(0)).containsEntry("read", true);

		// Tasklist's page: the session and Spring's CSRF token from the list; without the token the POST is refused
		WebappSession session = WebappSession.login(http, "head1", "tasklist");
		HttpHeaders cookie = new HttpHeaders();
		cookie.add(HttpHeaders.COOKIE, "JSESSIONID=" + session.session());
		ResponseEntity<Map<String, Object>> list = http.exchange("/api/notifications", HttpMethod.GET, new HttpEntity<>(cookie), MAP);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		String csrf = list.getHeaders().getFirst(WebappCsrf.HEADER);
		assertThat(csrf).isNotBlank();
		// (Spring's CSRF filter runs before the session login: refused as not logged in)
		assertThat(http.exchange("/api/notifications/read-all", HttpMethod.POST, new HttpEntity<>(cookie), String.class)
			.getStatusCode().value()).isIn(401, 403);
		assertThat(unread("head1")).isPositive();
		HttpHeaders withToken = new HttpHeaders();
		withToken.addAll(cookie);
		withToken.add(WebappCsrf.HEADER, csrf);
		ResponseEntity<Map<String, Object>> all = http.exchange("/api/notifications/read-all", HttpMethod.POST,
				new HttpEntity<>(withToken), MAP);
		assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(all.getBody()).containsEntry("unread", 0);
		assertThat(unread("head1")).isZero();
		// the session may not write anything else with that token
		assertThat(http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(caseDiscoveredOn("2026-10-12"), withToken),
				String.class).getStatusCode().is4xxClientError()).isTrue();
		// an API client with HTTP Basic gets no token (and no session)
		assertThat(get("head1", "/api/notifications").getHeaders().getFirst(WebappCsrf.HEADER)).isNull();

		// e-mail is off by default (the application's own configuration; the shared test context switches it on against
		// its test mail server, TestMailServer)
		assertThat(mailer.enabled()).isTrue();
		assertThat(applicationYaml().getProperty("zhifa.notifications.mail.enabled")).isEqualTo(false);
	}

	@Test
	void aSupervisorSubscribedToAnAgencyHearsOfItsWarningsToo() {
		assertThat(client("supervisor1").exchange("/api/notifications/subscriptions/LIAOKUO", HttpMethod.PUT, null, MAP)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		try {
			assertThat(get("supervisor1", "/api/notifications/subscriptions").getBody().get("agencies").toString())
				.contains("LIAOKUO");
			// not an agency of one's own: as unknown
			assertThat(client("officer4").exchange("/api/notifications/subscriptions/LIAOKUO", HttpMethod.PUT, null, MAP)
				.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

			clockAt(at("2026-10-12T09:00:00+08:00"));
			String caseNo = register("2026-10-12");
			String pi = processOf(caseNo);
			clockAt(at("2026-11-03T10:00:00+08:00"));
			assertThat(executeDueJobs(pi)).isEqualTo(2);
			// the warning goes to the heads only, and to the subscriber; the breach reaches him as a supervisor, once
			assertThat(items("supervisor1", caseNo)).extracting(i -> i.get("kind"))
				.containsExactlyInAnyOrder("SLA_WARNING", "SLA_BREACH");
		}
		finally {
			assertThat(client("supervisor1").exchange("/api/notifications/subscriptions/LIAOKUO", HttpMethod.DELETE, null, MAP)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		assertThat(get("supervisor1", "/api/notifications/subscriptions").getBody().get("agencies").toString())
			.doesNotContain("LIAOKUO");
	}

	@Test
	void loginAndInput() {
		assertThat(http.getForEntity("/api/notifications", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity("/api/notifications/unread-count", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.postForEntity("/api/notifications/read-all", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map<String, Object>> bad = get("head1", "/api/notifications?size=0");
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).containsEntry("field", "size");
		assertThat(get("head1", "/api/notifications?page=-1").getBody()).containsEntry("field", "page");
		assertThat(post("head1", "/api/notifications/x/read").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("head1", "/api/notifications/999999999/read").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> items(String user, String caseNo) {
		ResponseEntity<Map<String, Object>> r = get(user, "/api/notifications?size=100");
		assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((List<Map<String, Object>>) r.getBody().get("items")).stream().filter(i -> caseNo.equals(i.get("caseId")))
			.toList();
	}

	private long unread(String user) {
		return ((Number) get(user, "/api/notifications/unread-count").getBody().get("unread")).longValue();
	}


	private ResponseEntity<Map<String, Object>> post(String user, String url) {
		return client(user).exchange(url, HttpMethod.POST, null, MAP);
	}

	private static PropertySource<?> applicationYaml() {
		try {
			return new YamlPropertySourceLoader()
				.load("application", new ClassPathResource("application.yml")).get(0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.WebappSession;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13 §5: anyone may send wrong passwords for any user name. Camunda's default locked the account
 * for good after 10 failures (ENGINE-27002) until an administrator unlocked it — admin included, so
 * one wrong password a second for six minutes shut everyone out. Now each failure in a row locks the
 * account a little longer (loginDelayBase × loginDelayFactor^(n-1) s, at most loginDelayMaxTime), and
 * never for good. The engine clock is moved instead of waiting; the delays are shortened for the test
 * (base 1 s, factor 2, at most 8 s) and the application's settings are checked as configured.
 */
@ZhifaIntegrationTest
class LoginLockoutIT {

	private static final int BASE = 1;
	private static final int FACTOR = 2;
	private static final int MAX = 8;

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	ProcessEngineConfigurationImpl config;
	int[] configured;
	String user = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
	long now;

	@BeforeEach
	void shortDelaysAndOwnClock() {
		config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		configured = new int[] { config.getLoginDelayBase(), config.getLoginDelayFactor(), config.getLoginDelayMaxTime() };
		config.setLoginDelayBase(BASE);
		config.setLoginDelayFactor(FACTOR);
		config.setLoginDelayMaxTime(MAX);
		now = System.currentTimeMillis();
		ClockUtil.setCurrentTime(new Date(now));
		User u = engine.getIdentityService().newUser(user);
		u.setPassword("right");
		engine.getIdentityService().saveUser(u);
		engine.getIdentityService().createMembership(user, "auxiliary"); // may use Tasklist
	}

	@AfterEach
	void restore() {
		config.setLoginDelayBase(configured[0]);
		config.setLoginDelayFactor(configured[1]);
		config.setLoginDelayMaxTime(configured[2]);
		ClockUtil.reset();
		IdentityService identity = engine.getIdentityService();
		identity.unlockUser("admin");
		identity.deleteUser(user);
	}

	@Test
	void theApplicationNeverLocksForGood() {
		assertThat(configured).containsExactly(3, 2, 60);
		assertThat(config.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void eachFailureLocksLongerUpToTheMaximumAndNeverForGood() {
		for (int failure = 1; failure <= 15; failure++) {
			assertThat(basic(user, "wrong")).as("failure %d", failure).isEqualTo(HttpStatus.UNAUTHORIZED);
			long delay = Math.min(BASE * (long) Math.pow(FACTOR, failure - 1), MAX) * 1000;
			// locked for the whole delay: even the right password is refused, and does not count as a failure
			advance(delay - 1);
			assertThat(basic(user, "right")).as("right password %d ms after failure %d", delay - 1, failure)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(basic(user, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
			advance(2);
		}
		// 15 failures in a row (Camunda's default locked for good after 10): the right password works again
		assertThat(basic(user, "right")).isEqualTo(HttpStatus.OK);
		// and the count started over: the next failure locks for the base delay only
		assertThat(basic(user, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
		advance(BASE * 1000 + 1);
		assertThat(basic(user, "right")).isEqualTo(HttpStatus.OK);
	}

	@Test
	void anonymousHammeringOfAdminAndTheWebappLoginLocksForAWhileOnly() {
		for (int failure = 1; failure <= 20; failure++) {
			assertThat(basic("admin", "guess-" + failure)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(webappLogin("admin", "guess-" + failure)).isEqualTo(HttpStatus.UNAUTHORIZED);
			advance(MAX * 1000 + 1);
		}
		assertThat(basic("admin", "demo")).isEqualTo(HttpStatus.OK);

		// the webapps' login is the same lock: a wrong password there locks the Basic login too, for a while
		assertThat(webappLogin(user, "wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(basic(user, "right")).isEqualTo(HttpStatus.UNAUTHORIZED);
		advance(BASE * 1000 + 1);
		assertThat(webappLogin(user, "right")).isEqualTo(HttpStatus.OK);
	}

	private void advance(long millis) {
		now += millis;
		ClockUtil.setCurrentTime(new Date(now));
	}

	private HttpStatus basic(String id, String password) {
		return HttpStatus.valueOf(http.withBasicAuth(id, password).getForEntity("/engine-rest/engine", String.class)
			.getStatusCode().value());
	}

	private HttpStatus webappLogin(String id, String password) {
		ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
		String xsrf = WebappSession.setCookie(page, "XSRF-TOKEN");
		String session = WebappSession.setCookie(page, "JSESSIONID");
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf);
		headers.add("X-XSRF-TOKEN", xsrf);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		return HttpStatus.valueOf(http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
				new HttpEntity<>("username=" + id + "&password=" + password, headers), String.class).getStatusCode().value());
	}
}

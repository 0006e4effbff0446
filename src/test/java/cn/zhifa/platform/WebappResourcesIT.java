package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 12 §3 (ADR-0011): the webapps are served with our configuration, translations, mark and styles,
 * not the webjar's files of the same name.
 */
@ZhifaIntegrationTest
class WebappResourcesIT {

	@Autowired
	TestRestTemplate http;

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void ourConfigurationAndStylesWinOverTheWebjars(String app) {
		String config = http.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
		assertThat(config).contains("availableLocales: ['zh']", "fallbackLocale: 'zh'", "vendor: '执法'",
				"disableWelcomeMessage: true", "customScripts: ['../../assets/zhifa-webapps'");
		if (app.equals("cockpit")) {
			// the SLA board (issue 17) is a Cockpit plugin
			assertThat(config).contains("'../../assets/zhifa-sla-board'", "'../../assets/zhifa-cockpit-permissions'",
					"'../../assets/zhifa-ledgers'");
		}
		if (app.equals("tasklist")) {
			// the user's notifications (issue 17 §3) are a Tasklist plugin
			assertThat(config).contains("'../../assets/zhifa-notifications'");
		}
		String styles = http.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class);
		assertThat(styles).contains(".ce-eol-banner", "zhifa-logo.svg");
		// the styles all apps share, then the app's own (WebappUserStyles)
		assertThat(styles).contains(switch (app) {
			case "cockpit" -> ".zf-sla-board";
			case "tasklist" -> ".zf-notify-badge";
			case "welcome" -> "#user-profile-email::placeholder";
			default -> ".welcome-page";
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "admin", "welcome" })
	void chineseTranslationIsServed(String app) {
		ResponseEntity<String> zh = http.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class);
		assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(zh.getBody()).contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"登录\"");
	}

	@Test
	void markAndScriptAreServed() {
		assertThat(http.getForObject("/camunda/assets/zhifa-logo.svg", String.class)).contains("<svg", "执法");
		assertThat(http.getForObject("/camunda/assets/zhifa-webapps.js", String.class)).contains("zh-CN");
		assertThat(http.getForObject("/camunda/assets/zhifa-sla-board.js", String.class)).contains("cockpit.route",
				"/api/sla/deadlines", "期限监督看板");
		assertThat(http.getForObject("/camunda/assets/zhifa-cockpit-permissions.js", String.class))
			.contains("authorization/check", "cancel-process-instance-action");
		assertThat(http.getForObject("/camunda/assets/zhifa-ledgers.js", String.class)).contains("cockpit.route",
				"/api/ledgers", "执法台账");
		assertThat(http.getForObject("/camunda/assets/zhifa-notifications.js", String.class))
			.contains("tasklist.navbar.action", "/api/notifications", "标为已读");
	}

	/**
	 * Issue 17 (the board's full load): Camunda's own files asked for with their version are kept without asking; our
	 * files (also those asked for with Camunda's version) and unversioned ones are kept and revalidated (304 while
	 * unchanged); pages, REST answers and documents are never stored.
	 */
	@Test
	void camundasVersionedFilesAreKeptOursRevalidatedEverythingElseNeverStored() {
		for (String camunda : new String[] { "/camunda/lib/deps.js?bust=7.24.0",
				"/camunda/app/cockpit/camunda-cockpit-bootstrap.js?bust=7.24.0",
				"/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js?bust=7.24.0" }) {
			ResponseEntity<String> file = http.getForEntity(camunda, String.class);
			assertThat(file.getStatusCode()).as(camunda).isEqualTo(HttpStatus.OK);
			assertThat(file.getHeaders().getCacheControl()).as(camunda).isEqualTo("private, max-age=31536000, immutable");
		}
		ResponseEntity<String> deps = http.getForEntity("/camunda/lib/deps.js", String.class);
		assertThat(deps.getHeaders().getCacheControl()).isEqualTo("private, no-cache");
		HttpHeaders since = new HttpHeaders();
		since.setIfModifiedSince(deps.getHeaders().getLastModified());
		assertThat(http.exchange("/camunda/lib/deps.js", HttpMethod.GET, new HttpEntity<>(since), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		ResponseEntity<String> styles = http.getForEntity("/camunda/app/admin/styles/user-styles.css", String.class);
		since.setIfModifiedSince(styles.getHeaders().getLastModified());
		assertThat(http.exchange("/camunda/app/admin/styles/user-styles.css", HttpMethod.GET, new HttpEntity<>(since),
				String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		for (String asset : new String[] { "/camunda/assets/zhifa-sla-board.js?bust=7.24.0",
				"/camunda/app/cockpit/locales/zh.json?bust=7.24.0", "/camunda/app/tasklist/styles/user-styles.css?bust=7.24.0",
				"/camunda/app/cockpit/scripts/config.js?bust=7.24.0", "/camunda/lib/deps.js?bust=7.23.0",
				"/camunda/lib/deps.js?bust=x" }) {
			assertThat(http.getForEntity(asset, String.class).getHeaders().getCacheControl()).as(asset)
				.isEqualTo("private, no-cache");
		}
		for (String page : new String[] { "/camunda/app/cockpit/default/", "/camunda/api/admin/auth/user/default",
				"/camunda/api/engine/engine/", "/api/sla/summary" }) {
			assertThat(http.getForEntity(page, String.class).getHeaders().getCacheControl()).as(page).contains("no-store");
		}
	}

	@Test
	void browsersGetChineseErrorPages() {
		HttpHeaders html = new HttpHeaders();
		html.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8");
		ResponseEntity<String> missing = http.exchange("/public/no-such-page", HttpMethod.GET, new HttpEntity<>(html),
				String.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody()).contains("页面不存在").doesNotContain("Whitelabel");
	}
}

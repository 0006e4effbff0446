package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import cn.zhifa.support.ZhifaIntegrationTest;

/** The redaction rules reload without a restart, for administrators only (R-DISC-4). */
@ZhifaIntegrationTest
class RedactionRulesReloadIT {

	@Autowired
	TestRestTemplate http;

	@Test
	void adminReloadsOthersAreRefused() {
		var ok = http.withBasicAuth("admin", "demo").postForEntity("/api/disclosure/redaction-rules/reload", null, String.class);
		assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ok.getBody()).containsPattern("\"rules\":\\d+");
		assertThat(http.withBasicAuth("office1", "demo").postForEntity("/api/disclosure/redaction-rules/reload", null,
				String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// anonymous: refused (CSRF protection answers 403 before the login check would answer 401)
		assertThat(http.postForEntity("/api/disclosure/redaction-rules/reload", null, String.class).getStatusCode())
			.isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 15 §1 (ADR-0042): the remembered logins never outlive a change on this node. A new password, a group or
 * agency taken away, a deleted user: the next request already sees it, through the identity service's commands
 * as Camunda Admin and {@code /engine-rest} use them.
 */
@ZhifaIntegrationTest
class LoginCacheIT {

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;
	@Autowired
	LoginCache logins;

	final String user = "cache-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void createUser() {
		User u = identity.newUser(user);
		u.setFirstName("缓存");
		u.setLastName("测试");
		u.setPassword("first-Pass1");
		identity.saveUser(u);
		identity.createMembership(user, "officer");
		identity.createTenantUserMembership("LIAOKUO", user);
	}

	@AfterEach
	void deleteUser() {
		if (identity.createUserQuery().userId(user).count() == 1) {
			identity.deleteUser(user);
		}
	}

	private HttpStatus basic(String password) {
		return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity("/api/cases", String.class)
			.getStatusCode().value());
	}

	@Test
	void aNewPasswordCountsAtOnce() {
		assertThat(basic("first-Pass1")).isEqualTo(HttpStatus.OK);
		assertThat(basic("first-Pass1")).as("remembered").isEqualTo(HttpStatus.OK);

		User u = identity.createUserQuery().userId(user).singleResult();
		u.setPassword("second-Pass2");
		identity.saveUser(u);

		assertThat(basic("second-Pass2")).isEqualTo(HttpStatus.OK);
		// last: a refused password starts a login delay, which would refuse the new one too for a while
		assertThat(basic("first-Pass1")).as("the old password after the change").isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void groupsAgenciesAndTheUserItselfCountAtOnce() {
		assertThat(basic("first-Pass1")).isEqualTo(HttpStatus.OK);
		assertThat(authorities()).contains(CurrentUser.GROUP_PREFIX + "officer", CurrentUser.TENANT_PREFIX + "LIAOKUO");

		identity.deleteMembership(user, "officer");
		assertThat(authorities()).doesNotContain(CurrentUser.GROUP_PREFIX + "officer");

		identity.deleteTenantUserMembership("LIAOKUO", user);
		assertThat(authorities()).doesNotContain(CurrentUser.TENANT_PREFIX + "LIAOKUO");

		identity.deleteUser(user);
		assertThat(logins.authenticated(user)).isEmpty();
		assertThat(basic("first-Pass1")).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private java.util.List<String> authorities() {
		return logins.authenticated(user).orElseThrow().getAuthorities().stream().map(Object::toString).toList();
	}
}

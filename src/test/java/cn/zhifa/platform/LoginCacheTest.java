package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** What the login memory asks the identity service, and when it asks again (issue 15 §1, ADR-0042). */
class LoginCacheTest {

	private static final Duration TTL = Duration.ofSeconds(30);

	private final AtomicLong now = new AtomicLong(1_000);
	private IdentityService identity;
	private LoginCache logins;

	@BeforeEach
	void setUp() {
		identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
		when(identity.checkPassword("officer1", "right")).thenReturn(true);
		when(identity.checkPassword("officer1", "wrong")).thenReturn(false);
		when(identity.createUserQuery().userId(anyString()).count()).thenReturn(1L);
		when(identity.createGroupQuery().groupMember("officer1").list()).thenReturn(List.of());
		when(identity.createTenantQuery().userMember("officer1").includingGroupsOfUser(true).list()).thenReturn(List.of());
		logins = new LoginCache(() -> identity, TTL, now::get);
		clearInvocations(identity);
	}

	@Test
	void anAcceptedPasswordIsRememberedForTheTtl() {
		assertThat(logins.checkPassword("officer1", "right")).isTrue();
		now.addAndGet(TTL.toNanos() - 1);
		assertThat(logins.checkPassword("officer1", "right")).isTrue();
		verify(identity, times(1)).checkPassword("officer1", "right");

		now.addAndGet(1);
		assertThat(logins.checkPassword("officer1", "right")).isTrue();
		verify(identity, times(2)).checkPassword("officer1", "right");
	}

	@Test
	void anotherPasswordIsAskedAndARefusalForgetsTheUser() {
		logins.checkPassword("officer1", "right");
		assertThat(logins.checkPassword("officer1", "wrong")).isFalse();
		// the refusal may have started a login delay: the right password goes to the identity service again
		assertThat(logins.checkPassword("officer1", "right")).isTrue();
		verify(identity, times(2)).checkPassword("officer1", "right");
		verify(identity, times(1)).checkPassword("officer1", "wrong");
	}

	@Test
	void anIdentityChangeForgetsEveryone() {
		logins.checkPassword("officer1", "right");
		logins.authenticated("officer1");
		logins.identityChanged();
		logins.checkPassword("officer1", "right");
		logins.authenticated("officer1");
		verify(identity, times(2)).checkPassword("officer1", "right");
		verify(identity, times(2)).createGroupQuery();
	}

	@Test
	void authoritiesAreRememberedAndAnUnknownUserIsNone() {
		List<String> first = authorities();
		assertThat(authorities()).isEqualTo(first);
		verify(identity, times(1)).createGroupQuery();

		when(identity.createUserQuery().userId("gone").count()).thenReturn(0L);
		assertThat(logins.authenticated("gone")).isEmpty();
	}

	private List<String> authorities() {
		return logins.authenticated("officer1").orElseThrow().getAuthorities().stream()
			.map(GrantedAuthority::getAuthority).toList();
	}

	@Test
	void aZeroTtlRemembersNothing() {
		LoginCache off = new LoginCache(() -> identity, Duration.ZERO, now::get);
		off.checkPassword("officer1", "right");
		off.checkPassword("officer1", "right");
		verify(identity, times(2)).checkPassword("officer1", "right");
	}
}

package cn.zhifa.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived memory of logins (issue 15 §1, ADR-0042). Every REST call logs in with HTTP Basic and every
 * webapp read of our API carries its session's user; both used to check the password (a salted hash and a
 * user query) and read the user's groups and agencies (two more queries) on each request.
 * <ul>
 * <li>A password that the identity service accepted is remembered for {@code zhifa.security.login-cache-ttl}
 * (default 30 s) — as a keyed hash (HMAC with a key made at start, never the password), per user.</li>
 * <li>A user's authorities (groups as roles, agencies as tenants) and that the user exists: likewise.</li>
 * <li>A refused password forgets the user at once, so the login delay after wrong passwords (LoginLockoutIT)
 * refuses the right password too, as before.</li>
 * <li>Any change of users, groups, agencies or memberships on this node — through Camunda Admin,
 * {@code /engine-rest} or our own set-up — forgets everything, after the change commits
 * ({@link IdentityChangeInterceptor}). On the other nodes of a cluster the old state lasts at most the TTL: that
 * is the price of not asking the database; {@code 0} turns the memory off.</li>
 * </ul>
 * The memory holds nothing that matters: a node that restarts or another node simply asks the database.
 */
@Component
class LoginCache {

	private record Timed<T>(T value, long expiresAt) {
	}

	private final Supplier<IdentityService> identity;
	private final long ttlNanos;
	private final LongSupplier nanoTime;
	private final Mac mac;
	private final Map<String, Timed<String>> passwords = new ConcurrentHashMap<>();
	private final Map<String, Timed<Optional<Authentication>>> users = new ConcurrentHashMap<>();

	/** The identity service is looked up when first needed: the engine's set-up already tells of identity changes. */
	@Autowired
	LoginCache(ObjectProvider<IdentityService> identityService,
			@Value("${zhifa.security.login-cache-ttl:PT30S}") Duration ttl) {
		this(identityService::getObject, ttl, System::nanoTime);
	}

	LoginCache(Supplier<IdentityService> identity, Duration ttl, LongSupplier nanoTime) {
		this.identity = identity;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
		try {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	/** Whether the password is the user's, from memory when the identity service accepted it lately. */
	boolean checkPassword(String user, String password) {
		String digest = digest(user, password);
		Timed<String> remembered = passwords.get(user);
		if (remembered != null && fresh(remembered) && remembered.value().equals(digest)) {
			return true;
		}
		if (identity.get().checkPassword(user, password)) {
			remember(passwords, user, digest);
			return true;
		}
		forget(user);
		return false;
	}

	/** The authenticated token of the user (groups as roles, agencies as tenants), or empty for an unknown user. */
	Optional<Authentication> authenticated(String user) {
		Timed<Optional<Authentication>> remembered = users.get(user);
		if (remembered != null && fresh(remembered)) {
			return remembered.value();
		}
		IdentityService identityService = identity.get();
		Optional<Authentication> known = identityService.createUserQuery().userId(user).count() == 1
				? Optional.of(CamundaIdentityAuthenticationProvider.authenticated(identityService, user))
				: Optional.empty();
		remember(users, user, known);
		return known;
	}

	/** Forgets one user (a refused password). */
	void forget(String user) {
		passwords.remove(user);
		users.remove(user);
	}

	/** Forgets everyone: now, and again when the current transaction commits (what it changed is visible then). */
	void identityChanged() {
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear();
				}
			});
		}
	}

	private void clear() {
		passwords.clear();
		users.clear();
	}

	private <T> void remember(Map<String, Timed<T>> map, String user, T value) {
		if (ttlNanos > 0) {
			map.put(user, new Timed<>(value, nanoTime.getAsLong() + ttlNanos));
		}
	}

	private boolean fresh(Timed<?> timed) {
		return timed.expiresAt() - nanoTime.getAsLong() > 0;
	}

	private String digest(String user, String password) {
		Mac copy;
		try {
			copy = (Mac) mac.clone();
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException(e);
		}
		copy.update(user.getBytes(StandardCharsets.UTF_8));
		copy.update((byte) 0);
		return Base64.getEncoder().encodeToString(copy.doFinal(password.getBytes(StandardCharsets.UTF_8)));
	}
}

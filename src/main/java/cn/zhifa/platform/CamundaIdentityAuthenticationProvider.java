package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * One identity for every login: our own APIs authenticate against the Camunda identity service,
 * like the webapps and {@code /engine-rest}. Authorities are {@code ROLE_<groupId>} (groups are roles) and
 * {@code TENANT_<agencyCode>}; {@link CurrentUser} reads them.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final LoginCache logins;

	CamundaIdentityAuthenticationProvider(LoginCache logins) {
		this.logins = logins;
	}

	/** Checked by the identity service, or remembered from a recent check ({@link LoginCache}). */
	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (user == null || credentials == null || !logins.checkPassword(user, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		return logins.authenticated(user).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
	}

	/** The authenticated token of a known user: their groups as roles, their agencies as tenants. */
	static Authentication authenticated(IdentityService identityService, String user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Group g : identityService.createGroupQuery().groupMember(user).list()) {
			authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + g.getId()));
		}
		for (Tenant t : identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()) {
			authorities.add(new SimpleGrantedAuthority(CurrentUser.TENANT_PREFIX + t.getId()));
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}

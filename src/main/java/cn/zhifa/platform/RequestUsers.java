package cn.zhifa.platform;

import java.util.Set;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who a request runs as, wherever the user logged in: Spring Security's login (HTTP Basic on
 * {@code /api} and {@code /engine-rest}, or the webapps' session on a {@code GET /api/…}), else the
 * webapps' own session (Tasklist, Cockpit, Admin calling {@code /camunda/api/…}). The guards that
 * apply to every route ({@link SupervisorReadOnlyFilter}, {@link EngineRetrievalFilter}) use it.
 */
final class RequestUsers {

	/** Where Camunda's webapps keep their login in the HTTP session (webapp AuthenticationUtil). */
	static final String SESSION_ATTRIBUTE = "authenticatedUser";
	static final String ENGINE = "default";

	private RequestUsers() {
	}

	/** The user of the request, or null when nobody is logged in. */
	static CurrentUser of(HttpServletRequest request) {
		org.springframework.security.core.Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			return CurrentUser.get();
		}
		Authentication webapp = webappLogin(request.getSession(false));
		if (webapp instanceof UserAuthentication user) {
			return new CurrentUser(user.getIdentityId(), copy(user.getGroupIds()), copy(user.getTenantIds()));
		}
		return null;
	}

	private static Set<String> copy(java.util.List<String> ids) {
		return ids == null ? Set.of() : Set.copyOf(ids);
	}

	/** The webapps' login for the default engine in this session, or null. */
	static Authentication webappLogin(HttpSession session) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications authentications)) {
			return null;
		}
		Authentication authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
		return authentication == null || authentication.getIdentityId() == null ? null : authentication;
	}
}

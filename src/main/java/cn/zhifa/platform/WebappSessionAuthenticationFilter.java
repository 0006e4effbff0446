package cn.zhifa.platform;

import java.io.IOException;
import java.util.Optional;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a user logged in to Tasklist or Cockpit open our read-only API from a link, e.g. a generated
 * document linked in a task form ({@code /api/documents/{id}}): a {@code GET} or {@code HEAD} under
 * {@code /api/} without credentials of its own runs as the user of the webapps' session (the same
 * identity, groups and agencies as HTTP Basic would give). The one write a page of the webapps makes
 * with its session is the user's own notification state ({@link EngineRequests#PERSONAL}: marking read from
 * Tasklist's notification menu, subscriptions); Spring's CSRF filter still demands its token for it (the page reads it
 * from {@code GET /api/notifications}). Nothing else changes: other writes still need HTTP Basic, and the
 * session is only read, never created.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

	private final LoginCache logins;
	private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

	WebappSessionAuthenticationFilter(LoginCache logins) {
		this.logins = logins;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		boolean pageWrite = EngineRequests.WEBAPP_SESSION_WRITES.matcher(path).matches();
		return !path.startsWith("/api/") || !(read || pageWrite) || request.getHeader("Authorization") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = RequestUsers.webappLogin(request.getSession(false));
		// a user deleted since the login no longer counts
		Optional<org.springframework.security.core.Authentication> user = login == null ? Optional.empty()
				: logins.authenticated(login.getIdentityId());
		if (user.isPresent() && SecurityContextHolder.getContext().getAuthentication() == null) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(user.get());
			SecurityContextHolder.setContext(context);
			// kept for the request's async dispatch too (a streamed download, e.g. a case file's ZIP export from a
			// case-file review task), as Spring's own login filters keep theirs
			contexts.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}

}

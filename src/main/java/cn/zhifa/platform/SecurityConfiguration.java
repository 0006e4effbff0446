package cn.zhifa.platform;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security by default: only the public portal ({@code /public/**}) and {@code /actuator/health}
 * are anonymous. The webapps under {@code /camunda/**} are guarded by their own login and CSRF
 * token; everything else, {@code /engine-rest/**} included, needs HTTP Basic against the Camunda
 * identity service ({@link CamundaIdentityAuthenticationProvider}).
 * A user logged in to the webapps may also read {@code /api/**} (GET) with that session, e.g. a
 * document linked in a task form ({@link WebappSessionAuthenticationFilter}).
 * CSRF: Spring's token for browser sessions on our routes, the webapps' own token on theirs; and for
 * every route, whatever the login, a state-changing request from a foreign page (its Origin or
 * Referer) is refused ({@link ForeignOriginFilter}) — a browser also sends Basic credentials it cached.
 * Supervisors read and never write, on every route ({@link SupervisorReadOnlyFilter}).
 * Without valid login the answer is 401 with a Chinese message, and the Basic challenge only for API
 * clients, so browsers never pop up a sign-in dialog ({@link LoginRequiredEntryPoint}).
 * The trust model as a whole: docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginCache logins,
			org.camunda.bpm.engine.RepositoryService repositoryService, org.camunda.bpm.engine.TaskService taskService,
			@Value("${zhifa.security.trusted-origins:}") List<String> trustedOrigins) throws Exception {
		LoginRequiredEntryPoint loginRequired = new LoginRequiredEntryPoint();
		RequestMatcher basicAuthCall = request -> {
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		};
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/public/**", "/actuator/health", "/actuator/health/**", "/error").permitAll()
				// guarded by the webapps' own login (Camunda identity) and CSRF filter
				.requestMatchers("/camunda/**", "/").permitAll()
				.requestMatchers("/actuator/**").hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR)
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(loginRequired)
				.accessDeniedHandler(loginFirst(loginRequired)))
			// a GET of /api/** from a page of the webapps (e.g. a document link in a task form) runs as its session's user
			.addFilterBefore(new WebappSessionAuthenticationFilter(logins), BasicAuthenticationFilter.class)
			// a foreign page's state-changing request is refused on every route, before any login is checked
			.addFilterBefore(new ForeignOriginFilter(trustedOrigins), CsrfFilter.class)
			// supervisors read only (and work their supervision notices' steps): after the login, so anonymous requests stay 401
			.addFilterAfter(new SupervisorReadOnlyFilter(repositoryService, taskService), AuthorizationFilter.class)
			// the public complaint channel: anonymous, no session to ride on (a foreign page is still refused above)
			.csrf(csrf -> csrf.ignoringRequestMatchers("/engine-rest/**", "/camunda/**")
				.ignoringRequestMatchers("/public/complaints", "/public/complaints/query", "/public/api/complaints",
						"/public/api/complaints/query")
				.ignoringRequestMatchers(basicAuthCall))
			// the webapps set their own frame and content-type headers; keep Spring's defaults elsewhere
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
				// the webapps' static files are kept by the browser and revalidated; the rest is never stored
				.cacheControl(cache -> cache.disable())
				.addHeaderWriter(new WebappAssetCaching()));
		return http.build();
	}

	/**
	 * No Micrometer observations of Spring Security's filters, logins and authorization decisions: no tracing backend
	 * reads them. Without this bean Spring Security wraps each filter of both chains, the authentication manager and
	 * the authorization managers in observing decorators at every request, even when the registry's predicate makes
	 * the observations no-ops (ADR-0067). The HTTP request metrics ({@code http.server.requests}) stay.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Refusals as 403, except a write without a CSRF token by nobody logged in: that caller must log in
	 * first (401, as for a read), not be told he may not (the attack suite's anonymous POSTs answered 403).
	 */
	private static AccessDeniedHandler loginFirst(LoginRequiredEntryPoint loginRequired) {
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (denied instanceof CsrfException && (user == null || user instanceof AnonymousAuthenticationToken)) {
				loginRequired.commence(request, response, new InsufficientAuthenticationException("login required", denied));
			}
			else {
				forbidden.handle(request, response, denied);
			}
		};
	}
}

package cn.zhifa.platform;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs every {@code /engine-rest} call as the user Spring Security authenticated (HTTP Basic against
 * the Camunda identity service), with their groups and agencies, so Camunda's authorization and
 * tenant checks apply. Camunda's own ProcessEngineAuthenticationFilter is not used because it
 * leaves {@code /engine-rest/engine} open.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	EngineRestAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = CurrentUser.get();
		identityService.setAuthentication(user.id(), user.groupList(), user.agencyList());
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}
}

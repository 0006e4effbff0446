package cn.zhifa.platform;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Supervisors (司法局 执法监督) read every agency and change nothing (issue 13 §3): one rule for every
 * route — {@code /api/**}, {@code /engine-rest/**}, the webapps' {@code /camunda/api/**} and anything
 * added later — instead of a check in each controller. A supervisor's request that is not a read
 * ({@link EngineRequests#readsOnly}: GET/HEAD/OPTIONS, the engine's and Cockpit's POST queries,
 * logging in and out) is refused with 403 before it reaches a controller, the engine or the webapps.
 * Runs after the login (HTTP Basic, the webapps' session), so an anonymous request is still 401.
 */
class SupervisorReadOnlyFilter extends OncePerRequestFilter {

	static final String MESSAGE = "执法监督人员只能查阅，不能新增、修改或删除数据";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return EngineRequests.SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CurrentUser user = RequestUsers.of(request);
		if (user != null && user.isSupervisor() && !EngineRequests.readsOnly(request.getMethod(), EngineRequests.path(request))) {
			ProblemResponses.write(response, Problem.forbidden(MESSAGE));
			return;
		}
		chain.doFilter(request, response);
	}
}

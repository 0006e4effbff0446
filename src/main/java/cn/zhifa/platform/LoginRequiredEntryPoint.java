package cn.zhifa.platform;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;

/**
 * Answers a request without valid login with 401 and a Chinese message (problem JSON). API clients (curl, Camunda
 * Modeler's deployment, scripts) also get the HTTP Basic challenge ({@code WWW-Authenticate}); browsers
 * never do, because Chromium and Firefox answer a Basic challenge with a native sign-in dialog — on the
 * webapps' own XHR (e.g. {@code /camunda-welcome}) or on a typed URL. In the browser people log in
 * through the webapps' login page.
 */
class LoginRequiredEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "Zhifa";
	static final String MESSAGE = "未登录，或用户名、密码不正确。请通过登录页面登录；调用接口时请使用 HTTP Basic 认证。";

	/**
	 * A request made by a browser: fetch metadata (every current browser, secure contexts and
	 * localhost), an XHR marker, an Origin, a page navigation (Accept: text/html), or a browser's
	 * User-Agent (covers XHR over plain HTTP on an intranet address, where fetch metadata is not sent).
	 * API clients send none of these, so they keep the standard challenge.
	 */
	static final RequestMatcher BROWSER = request -> request.getHeader("Sec-Fetch-Mode") != null
			|| request.getHeader("X-Requested-With") != null || request.getHeader(HttpHeaders.ORIGIN) != null
			|| contains(request.getHeader(HttpHeaders.ACCEPT), MediaType.TEXT_HTML_VALUE)
			|| startsWith(request.getHeader(HttpHeaders.USER_AGENT), "Mozilla/");

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (!BROWSER.matches(request)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
		}
		// "message" as well: what the engine's REST clients read (Camunda's error format)
		ProblemResponses.write(response, Problem.unauthorized(MESSAGE).with("message", MESSAGE));
	}

	private static boolean contains(String header, String value) {
		return header != null && header.toLowerCase().contains(value);
	}

	private static boolean startsWith(String header, String prefix) {
		return header != null && header.startsWith(prefix);
	}
}

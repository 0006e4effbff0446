package cn.zhifa.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-site request forgery, for every route (issue 13 §6): a browser that holds a login — the
 * webapps' session, or HTTP Basic credentials it cached — sends it along with a request a foreign page
 * makes, and marks that request with the page's {@code Origin} (or at least its {@code Referer}). A
 * state-changing request (POST, PUT, PATCH, DELETE, …) whose Origin — or, without Origin, whose
 * Referer — is not this server is refused with 403, before any login is checked. Requests with
 * neither header (curl, Camunda Modeler, CI scripts) are not from a page and pass; so do GET, HEAD
 * and OPTIONS. "This server" is the scheme, host and port the request was addressed to, as the
 * servlet container reports them: behind a reverse proxy that is the public address only when
 * Spring's forwarded-header handling is on ({@code server.forward-headers-strategy}); otherwise
 * {@code X-Forwarded-*} headers are not trusted. Where the proxy cannot pass the public address on,
 * list it in {@code zhifa.security.trusted-origins} (e.g. {@code https://zhifa.example.gov.cn}).
 */
class ForeignOriginFilter extends OncePerRequestFilter {

	static final String MESSAGE = "拒绝来自其他网站的请求：修改数据的请求只能从本系统的页面发出（请求来源 Origin/Referer 不是本系统）";

	private final List<URI> trusted;

	/** @param trustedOrigins further origins of this server (its public address behind a proxy), e.g. {@code https://zhifa.example.gov.cn} */
	ForeignOriginFilter(List<String> trustedOrigins) {
		this.trusted = trustedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return EngineRequests.SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		String source = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
		if (source != null && !sameOrigin(source, request) && trusted.stream().noneMatch(t -> sameOrigin(source, t))) {
			ProblemResponses.write(response, Problem.forbidden(MESSAGE));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether {@code source} (an Origin or a Referer) has the request's own scheme, host and port. */
	static boolean sameOrigin(String source, HttpServletRequest request) {
		return same(parse(source), request.getScheme(), request.getServerName(), request.getServerPort());
	}

	static boolean sameOrigin(String source, URI trusted) {
		return trusted.getScheme() != null && trusted.getHost() != null
				&& same(parse(source), trusted.getScheme(), trusted.getHost(), trusted.getPort());
	}

	private static URI parse(String source) {
		try {
			URI uri = new URI(source.strip());
			return uri.getScheme() == null || uri.getHost() == null ? null : uri;
		}
		catch (URISyntaxException e) {
			return null; // "null" (sandboxed pages, privacy redirects) and garbage are foreign
		}
	}

	private static boolean same(URI uri, String scheme, String host, int port) {
		if (uri == null) {
			return false;
		}
		String s = uri.getScheme().toLowerCase(Locale.ROOT);
		String own = scheme.toLowerCase(Locale.ROOT);
		return s.equals(own) && host(uri.getHost()).equals(host(host)) && port(s, uri.getPort()) == port(own, port);
	}

	private static String host(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
	}

	private static int port(String scheme, int port) {
		if (port > 0) {
			return port;
		}
		return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
	}
}

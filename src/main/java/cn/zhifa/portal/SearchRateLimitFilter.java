package cn.zhifa.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;

/**
 * Per-client token bucket for the public searches ({@code /public/disclosures} and
 * {@code /public/api/disclosures} with any filter, keyword or page): {@code zhifa.portal.search-burst}
 * requests at once (default 20), refilled at {@code zhifa.portal.search-per-second} (default 5). The
 * plain first page and detail pages are cheap and cacheable and are not limited. Over the limit:
 * 429 with {@code Retry-After}. The client is the connection's remote address (behind a reverse
 * proxy, let the proxy set it, e.g. Tomcat's RemoteIpValve); {@code search-per-second <= 0} turns
 * the limit off (load benchmark only).
 */
@Component
class SearchRateLimitFilter extends OncePerRequestFilter {

	private static final Set<String> PATHS = Set.of("/public/disclosures", "/public/api/disclosures");
	private static final int MAX_CLIENTS = 100_000;
	private static final UrlPathHelper URL_PATHS = new UrlPathHelper();
	static {
		URL_PATHS.setUrlDecode(true);
		URL_PATHS.setRemoveSemicolonContent(true);
	}

	private final TokenBuckets buckets;

	SearchRateLimitFilter(@Value("${zhifa.portal.search-burst:20}") int burst,
			@Value("${zhifa.portal.search-per-second:5}") double perSecond) {
		this.buckets = new TokenBuckets(burst, perSecond);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !buckets.enabled() || !isSearch(request);
	}

	/**
	 * Whether the request is a search, judged on the request as the controllers see it (issue 13 §8):
	 * the decoded, normalised path ({@code /public/api/disclosure%73}, {@code ;jsessionid=…}, a trailing
	 * or repeated slash) and every value of every search parameter ({@code ?q=&q=x}).
	 */
	static boolean isSearch(HttpServletRequest request) {
		if (!PATHS.contains(normalisedPath(request))) {
			return false;
		}
		for (String name : SearchParameters.NAMES) {
			String[] values = request.getParameterValues(name);
			if (values == null) {
				continue;
			}
			for (String value : values) {
				if (value != null && !value.isBlank() && !(name.equals("page") && value.strip().equals("1"))) {
					return true;
				}
			}
		}
		return false;
	}

	static String normalisedPath(HttpServletRequest request) {
		String path = URL_PATHS.getPathWithinApplication(request).replaceAll("/{2,}", "/");
		return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.tryAcquire(request.getRemoteAddr(), System.nanoTime())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", "1");
		if (normalisedPath(request).startsWith("/public/api/")) {
			ProblemResponses.write(response, Problem.tooManyRequests("检索过于频繁，请稍后再试"));
		}
		else {
			response.setStatus(429);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(Html.page("检索过于频繁", "<p>检索过于频繁，请稍后再试。</p>"));
		}
	}

	/** Token buckets per client key; pure, thread-safe, testable with an explicit clock. */
	static final class TokenBuckets {

		private final int burst;
		private final double perNano;
		private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

		TokenBuckets(int burst, double perSecond) {
			this.burst = Math.max(1, burst);
			this.perNano = perSecond / 1e9;
		}

		boolean enabled() {
			return perNano > 0;
		}

		boolean tryAcquire(String client, long nowNanos) {
			if (buckets.size() > MAX_CLIENTS) {
				buckets.clear();
			}
			double[] bucket = buckets.computeIfAbsent(client, k -> new double[] { burst, nowNanos });
			synchronized (bucket) {
				double tokens = Math.min(burst, bucket[0] + (nowNanos - (long) bucket[1]) * perNano);
				bucket[1] = nowNanos;
				if (tokens >= 1) {
					bucket[0] = tokens - 1;
					return true;
				}
				bucket[0] = tokens;
				return false;
			}
		}
	}
}

package cn.zhifa.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhifa.complaint.ComplaintAttachments;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;

/**
 * Rate limit of the public complaint channel (R-COORD-4, ADR-0022): per client (the connection's remote
 * address, as {@link SearchRateLimitFilter}), a fixed window of {@code zhifa.complaints.window-seconds}
 * (default 600) allows {@code zhifa.complaints.submit-limit} submissions (default 5) and
 * {@code zhifa.complaints.query-limit} queries (default 30: a query code cannot be guessed by trying).
 * Beyond: 429 with {@code Retry-After} (the seconds left in the window), a problem detail on the JSON
 * paths, a Chinese page on the HTML ones. Only POSTs count; the forms themselves are not limited.
 * The counters live in this node's memory: with several nodes behind a balancer each node allows the
 * limit (ADR-0022). A limit of 0 or less turns it off. A submission announcing more than a complaint may carry
 * ({@link ComplaintAttachments#MAX_REQUEST_BYTES}), or a multipart one of unknown length, is refused (413) from its
 * headers, whatever the limits.
 */
@Component
class ComplaintRateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	private volatile FixedWindows submits;
	private volatile FixedWindows queries;

	ComplaintRateLimitFilter(@Value("${zhifa.complaints.submit-limit:5}") int submitLimit,
			@Value("${zhifa.complaints.query-limit:30}") int queryLimit,
			@Value("${zhifa.complaints.window-seconds:600}") int windowSeconds) {
		this.submits = new FixedWindows(submitLimit, windowSeconds);
		this.queries = new FixedWindows(queryLimit, windowSeconds);
	}

	private FixedWindows windowsOf(HttpServletRequest request) {
		if (!"POST".equalsIgnoreCase(request.getMethod())) {
			return null;
		}
		String path = SearchRateLimitFilter.normalisedPath(request);
		return switch (path) {
			case ComplaintPages.SUBMIT, ComplaintApi.API_SUBMIT -> submits;
			case ComplaintPages.QUERY, ComplaintApi.API_QUERY -> queries;
			default -> null;
		};
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return windowsOf(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FixedWindows windows = windowsOf(request);
		if (windows == submits && tooLarge(request)) {
			// refused before the body is read: an anonymous upload is never spooled beyond what a complaint may carry
			response.setHeader("Connection", "close");
			ProblemResponses.write(response, Problem.tooLarge("attachments", "提交的内容过大：附件最多 "
					+ ComplaintAttachments.MAX_FILES + " 个，每个不超过 " + ComplaintAttachments.MAX_BYTES / 1024 / 1024 + " MB"));
			return;
		}
		long retryAfter = windows.enabled() ? windows.tryAcquire(request.getRemoteAddr(), System.currentTimeMillis() / 1000) : 0;
		if (retryAfter == 0) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", Long.toString(retryAfter));
		String message = (windows == submits ? "提交投诉举报过于频繁" : "查询过于频繁") + "，请 " + Math.max(1, (retryAfter + 59) / 60)
				+ " 分钟后再试";
		if (SearchRateLimitFilter.normalisedPath(request).startsWith("/public/api/")) {
			ProblemResponses.write(response, Problem.tooManyRequests(message));
		}
		else {
			response.setStatus(429);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(Html.page("请稍后再试", "<p role=\"alert\">" + Html.esc(message) + "。</p>"));
		}
	}

	/** Over what a complaint may carry, or a multipart body of unknown length (chunked). */
	static boolean tooLarge(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
		return length > ComplaintAttachments.MAX_REQUEST_BYTES || multipart && length < 0;
	}

	/** For tests sharing one application: forget every client's count. */
	void reset() {
		submits.counts.clear();
		queries.counts.clear();
	}

	/** For tests sharing one application (whose profile sets the limits high): other limits, counts forgotten. */
	void limits(int submitLimit, int queryLimit, int windowSeconds) {
		this.submits = new FixedWindows(submitLimit, windowSeconds);
		this.queries = new FixedWindows(queryLimit, windowSeconds);
	}

	/**
	 * Counts per client and window; pure and thread-safe, with an explicit clock (epoch seconds). A client's window
	 * begins with its first counted request (not at a multiple of the window on the clock, which let a client send
	 * twice the limit across a boundary, and made the limit's own test fail when it ran across one).
	 */
	static final class FixedWindows {

		private final int limit;
		private final long window;
		final Map<String, long[]> counts = new ConcurrentHashMap<>();

		FixedWindows(int limit, int windowSeconds) {
			this.limit = limit;
			this.window = Math.max(1, windowSeconds);
		}

		boolean enabled() {
			return limit > 0;
		}

		/** 0 if the request may pass, else the seconds until the client's window ends. */
		long tryAcquire(String client, long nowSeconds) {
			if (counts.size() > MAX_CLIENTS) {
				counts.clear();
			}
			long[] c = counts.computeIfAbsent(client, k -> new long[] { nowSeconds, 0 });
			synchronized (c) {
				if (nowSeconds >= c[0] + window || nowSeconds < c[0]) {
					c[0] = nowSeconds;
					c[1] = 0;
				}
				if (c[1] < limit) {
					c[1]++;
					return 0;
				}
				return c[0] + window - nowSeconds;
			}
		}
	}
}

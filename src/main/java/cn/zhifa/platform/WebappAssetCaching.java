package cn.zhifa.platform;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;

/**
 * Cache headers: the webapps' static files (scripts, styles, fonts, images, locale files) may be kept by the browser
 * and are revalidated on every use ({@code private, no-cache}: the server answers 304 while the file is unchanged), so
 * a second visit neither downloads nor recompiles Cockpit's and Tasklist's 4 MB of scripts; everything else keeps
 * Spring Security's {@code no-store} (pages, REST answers, documents). Measured in bench/sla-board-page.js (issue 17).
 */
final class WebappAssetCaching implements HeaderWriter {

	static final String REVALIDATE = "private, no-cache";

	private static final Set<String> ASSET_EXTENSIONS = Set.of("js", "css", "woff", "woff2", "ttf", "eot", "svg", "png",
			"gif", "ico", "json");

	private final HeaderWriter noStore = new CacheControlHeadersWriter();

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!isWebappAsset(request)) {
			noStore.writeHeaders(request, response);
		}
		else if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
		}
	}

	/** A GET of a static file of the webapps: /camunda/lib, /camunda/assets, /camunda/app and the plugins' static files. */
	static boolean isWebappAsset(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean webappFiles = path.startsWith("/camunda/lib/") || path.startsWith("/camunda/assets/")
				|| path.startsWith("/camunda/app/")
				|| (path.startsWith("/camunda/api/") && path.contains("/plugin/") && path.contains("/static/"));
		int dot = path.lastIndexOf('.');
		return webappFiles && dot > path.lastIndexOf('/') && ASSET_EXTENSIONS.contains(path.substring(dot + 1));
	}
}

package cn.zhifa.platform;

import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;

/**
 * Cache headers of the webapps (issue 17, the SLA board's full load; measured with bench/sla-board-page.js):
 * <ul>
 * <li>Camunda's own static files asked for with their version ({@code ?bust=7.24.0}) — the scripts, styles and fonts of
 * Camunda's webjar and its built-in plugins' bundles — never change under that URL: the browser keeps them without
 * asking ({@code private, max-age=31536000, immutable}), so a reload of Cockpit neither waits for 15 revalidations on its
 * critical path nor downloads and recompiles the 300 KB plugin bundle, which Camunda serves without validators. A
 * new Camunda version has a new URL.</li>
 * <li>Our own static files (the files of the webjar we replace: {@code config.js}, {@code zh.json},
 * {@code user-styles.css}; our scripts under {@code /camunda/assets/zhifa-*}) change with each release of Zhifa under the
 * same URL: kept and revalidated on every use ({@code private, no-cache}; 304 while unchanged).</li>
 * <li>Everything else keeps Spring Security's {@code no-store} (pages, REST answers, documents).</li>
 * </ul>
 * Whose file it is is read from where the class path finds it: in Camunda's webjar of the asked version, or not.
 */
final class WebappAssetCaching implements HeaderWriter {

	static final String REVALIDATE = "private, no-cache";
	static final String IMMUTABLE = "private, max-age=31536000, immutable";

	private static final Set<String> ASSET_EXTENSIONS = Set.of("js", "css", "woff", "woff2", "ttf", "eot", "svg", "png",
			"gif", "ico", "json");
	/** The plugins Camunda's webapps bring themselves (their bundles are in the webjar, under plugin/&lt;app&gt;/). */
	private static final Map<String, String> CAMUNDA_PLUGINS = Map.of("cockpitPlugins", "cockpit", "adminPlugins", "admin",
			"tasklistPlugins", "tasklist");
	private static final String WEBJAR = "META-INF/resources/webjars/camunda/";
	private static final String PLUGINS = "META-INF/resources/plugin/";

	private final HeaderWriter noStore = new CacheControlHeadersWriter();
	/** Where the class path finds each webapp file (only files that exist: as many entries as the webapps have files). */
	private final Map<String, String> locations = new ConcurrentHashMap<>();

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!isWebappAsset(request)) {
			noStore.writeHeaders(request, response);
		}
		else if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, isVersionedCamundaFile(request) ? IMMUTABLE : REVALIDATE);
		}
	}

	/** A GET of a static file of the webapps: /camunda/lib, /camunda/assets, /camunda/app and the plugins' static files. */
	static boolean isWebappAsset(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String path = path(request);
		boolean webappFiles = path.startsWith("/camunda/lib/") || path.startsWith("/camunda/assets/")
				|| path.startsWith("/camunda/app/")
				|| (path.startsWith("/camunda/api/") && path.contains("/plugin/") && path.contains("/static/"));
		int dot = path.lastIndexOf('.');
		return webappFiles && dot > path.lastIndexOf('/') && ASSET_EXTENSIONS.contains(path.substring(dot + 1));
	}

	/** A file of Camunda's webjar, not replaced by ours, asked for with the webjar's own version as {@code bust}. */
	boolean isVersionedCamundaFile(HttpServletRequest request) {
		String version = request.getParameter("bust");
		if (version == null || !version.matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9]+)?")) {
			return false;
		}
		String resource = resourceOf(path(request));
		if (resource == null || resource.contains("..")) {
			return false;
		}
		String location = locations.get(resource);
		if (location == null) {
			URL url = WebappAssetCaching.class.getClassLoader().getResource(resource);
			if (url == null) {
				return false; // no such file: nothing to remember
			}
			location = url.toString();
			locations.put(resource, location);
		}
		return location.contains("/camunda-webapp-webjar-" + version + ".jar!");
	}

	/** The class path resource a webapp path is served from, or null. */
	static String resourceOf(String path) {
		if (path.startsWith("/camunda/api/")) {
			// /camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js -> plugin/cockpit/app/plugin.js
			String[] parts = path.split("/", 8);
			if (parts.length == 8 && parts[4].equals("plugin") && parts[6].equals("static")
					&& CAMUNDA_PLUGINS.containsKey(parts[5])) {
				return PLUGINS + CAMUNDA_PLUGINS.get(parts[5]) + "/" + parts[7];
			}
			return null;
		}
		return WEBJAR + path.substring("/camunda/".length());
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}

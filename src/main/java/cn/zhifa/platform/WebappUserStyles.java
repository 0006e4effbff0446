package cn.zhifa.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each webapp's {@code styles/user-styles.css} (Camunda's styling hook, ADR-0011) instead of the webjar's: the styles
 * every app shares ({@code webapps/user-styles.css}) followed by the app's own ({@code webapps/user-styles-<app>.css},
 * if any). Like the files of the webjar we replace, it is kept and revalidated ({@code private, no-cache}, 304 while
 * unchanged; {@link WebappAssetCaching} would take the webjar's file of that name for Camunda's).
 */
@RestController
class WebappUserStyles {

	private static final MediaType CSS = MediaType.valueOf("text/css");

	@GetMapping("/camunda/app/{app:admin|cockpit|tasklist|welcome}/styles/user-styles.css")
	ResponseEntity<byte[]> styles(@PathVariable String app) throws IOException {
		ClassPathResource shared = new ClassPathResource("webapps/user-styles.css");
		ClassPathResource own = new ClassPathResource("webapps/user-styles-" + app + ".css");
		long lastModified = Math.max(shared.lastModified(), own.exists() ? own.lastModified() : 0);
		ByteArrayOutputStream css = new ByteArrayOutputStream();
		for (ClassPathResource part : own.exists() ? new ClassPathResource[] { shared, own }
				: new ClassPathResource[] { shared }) {
			try (InputStream in = part.getInputStream()) {
				in.transferTo(css);
			}
		}
		// with Last-Modified, an If-Modified-Since of this version is answered 304 (HttpEntityMethodProcessor)
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, WebappAssetCaching.REVALIDATE)
			.lastModified(lastModified)
			.contentType(CSS)
			.body(css.toByteArray());
	}
}

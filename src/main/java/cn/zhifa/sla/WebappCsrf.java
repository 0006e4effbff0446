package cn.zhifa.sla;

import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Our plugins in the webapps (Tasklist notifications, Cockpit's SLA board) write with the webapp's
 * session and no HTTP Basic credentials, so their POSTs need Spring's CSRF token: a read answered to
 * such a page carries it in the header {@value #HEADER}.
 */
final class WebappCsrf {

	static final String HEADER = "X-CSRF-TOKEN";

	private WebappCsrf() {
	}

	/** An OK answer, with the token only for a page of the webapps (its session; not an API client with Basic). */
	static ResponseEntity.BodyBuilder ok(CsrfToken csrf, HttpServletRequest request) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (csrf != null && request.getHeader("Authorization") == null && request.getSession(false) != null) {
			ok.header(HEADER, csrf.getToken());
		}
		return ok;
	}
}

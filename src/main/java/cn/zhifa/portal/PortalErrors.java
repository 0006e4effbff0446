package cn.zhifa.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors on portal pages and APIs: a short Chinese message, never a stack trace or an exception
 * text (which might carry data); unexpected errors are logged with an id the public can quote.
 */
@RestControllerAdvice(assignableTypes = { DisclosurePages.class, DisclosureApi.class, PreDisclosurePages.class })
class PortalErrors {

	private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

	@ExceptionHandler(PortalRequestException.class)
	ResponseEntity<String> badRequest(PortalRequestException e) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(DisclosurePages.HTML)
			.body(Html.page("请求有误", "<p>" + Html.esc(e.getMessage()) + "</p><p><a href=\"/public/disclosures\">返回公示列表</a></p>"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception e) {
		String id = Long.toString(System.nanoTime(), 36);
		log.error("portal error {}", id, e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(DisclosurePages.HTML)
			.body(Html.page("暂时无法访问", "<p>系统繁忙，请稍后再试（错误编号 " + id + "）。</p>"));
	}
}

package cn.zhifa.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;
import cn.zhifa.platform.problem.Problems;

/**
 * Errors on the portal's HTML pages: the same {@link Problem} as everywhere (status, Chinese detail),
 * shown as a Chinese page; never a stack trace or an exception text, and unexpected errors only with
 * the reference the public can quote ({@link Problems}). The portal's JSON API ({@code /public/api/**})
 * answers problem JSON like the rest of Zhifa ({@link ProblemResponses}), which comes after this advice.
 */
@ControllerAdvice(assignableTypes = { DisclosurePages.class, PreDisclosurePages.class, ComplaintPages.class,
		GuidingCasePages.class, ItemListPages.class, WindowBoardPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> page(Exception e) {
		Problem problem = Problems.of(e);
		String back = problem.status().is5xxServerError() ? "" : "<p><a href=\"/public/disclosures\">返回公示列表</a></p>";
		return ResponseEntity.status(problem.status()).contentType(DisclosurePages.HTML)
			.body(Html.page(ProblemResponses.title(problem.status().value()), "<p>" + Html.esc(problem.detail()) + "</p>" + back));
	}
}

package cn.zhifa.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): errors outside Spring MVC — a filter that
 * failed, {@code sendError} from the security chain, the engine's REST servlet — answer the same
 * problem JSON as everything else, instead of Spring Boot's English {@code {"error": "Internal Server
 * Error"}} or its Whitelabel page. Replaces Spring Boot's {@code BasicErrorController}.
 */
@RestController
class ErrorEndpoint implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<?> error(HttpServletRequest request) {
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Problem problem;
		if (exception instanceof Throwable t) {
			problem = Problems.of(t);
		}
		else if (status instanceof Integer code && code >= 500) {
			problem = Problems.failed("HTTP " + code + " for " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		}
		else {
			problem = Problems.byStatus(status instanceof Integer code ? code : 404);
		}
		return ProblemResponses.respond(request, problem, new HttpHeaders());
	}
}

package cn.zhifa.platform.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Writes every refusal and failure of Spring MVC as {@code application/problem+json} — {@code /api/**},
 * {@code /public/api/**} and anything else a controller or Spring itself throws — and, through
 * {@link #write}, from servlet filters, which run outside Spring MVC. What an exception means is
 * decided in {@link Problems}. Ordered just after advice that renders HTML pages (the portal's).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ProblemResponses {

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
	/** As Spring MVC writes a problem: {@code properties} at the top level, no empty members. */
	private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> problem(Exception e) {
		Problem problem = Problems.of(e);
		HttpHeaders headers = new HttpHeaders();
		if (e instanceof ErrorResponse spring) {
			headers.addAll(spring.getHeaders()); // e.g. Allow on 405
		}
		return ResponseEntity.status(problem.status()).headers(headers).contentType(PROBLEM_JSON)
			.body(problem.toProblemDetail());
	}

	/** For filters: writes the problem unless the response is already committed. */
	public static void write(HttpServletResponse response, Problem problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.status().value());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		JSON.writeValue(response.getOutputStream(), problem.toProblemDetail());
	}

	/** The problem as a JSON object, for filters that add members (e.g. the engine's {@code message}). */
	public static ObjectNode json(Problem problem) {
		return JSON.valueToTree(problem.toProblemDetail());
	}

	/** The Chinese title of a status, shown as the problem's {@code title}. */
	public static String title(int status) {
		return switch (status) {
			case 400 -> "请求有误";
			case 401 -> "请先登录";
			case 403 -> "无权进行此操作";
			case 404 -> "未找到";
			case 405 -> "不支持此请求方式";
			case 406 -> "无法以请求的格式答复";
			case 409 -> "当前状态不允许此操作";
			case 413 -> "内容过大";
			case 415 -> "不支持此内容格式";
			case 429 -> "请求过于频繁";
			default -> status < 500 ? "请求有误" : "系统处理出错";
		};
	}
}

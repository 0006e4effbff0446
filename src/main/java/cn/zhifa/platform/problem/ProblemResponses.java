package cn.zhifa.platform.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
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
	ResponseEntity<?> problem(Exception e, HttpServletRequest request) {
		Problem problem = Problems.of(e);
		HttpHeaders headers = new HttpHeaders();
		if (e instanceof ErrorResponse spring) {
			headers.addAll(spring.getHeaders()); // e.g. Allow on 405
		}
		return respond(request, problem, headers);
	}

	/**
	 * The answer to a request refused with {@code problem}: problem JSON — or, for a browser asking for a page
	 * outside the APIs (e.g. a mistyped portal address), the Chinese error page of its status
	 * (403, 404, other 4xx, 5xx).
	 */
	static ResponseEntity<?> respond(HttpServletRequest request, Problem problem, HttpHeaders headers) {
		int status = problem.status().value();
		String page = pageFor(request, problem);
		if (page != null) {
			return ResponseEntity.status(status).headers(headers).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(page);
		}
		return ResponseEntity.status(status).headers(headers).contentType(PROBLEM_JSON).body(problem.toProblemDetail());
	}

	/** The Chinese error page answering {@code request} refused with {@code problem}, or null where problem JSON answers. */
	static String pageFor(HttpServletRequest request, Problem problem) {
		return wantsPage(request) ? errorPage(problem.status().value()) : null;
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String path = request.getRequestURI();
		Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		if (original instanceof String uri) {
			path = uri;
		}
		boolean api = path.startsWith("/api/") || path.startsWith("/public/api/") || path.startsWith("/engine-rest")
				|| path.startsWith("/camunda/api/") || path.startsWith("/actuator");
		return !api && accept != null && accept.contains("text/html");
	}

	/** The error pages' heading and text, by status or by class of status ("4xx"); other statuses get no page. */
	private static final Map<String, String[]> ERROR_PAGES = Map.of(
			"403", new String[] { "无权访问", "您的账户没有使用此页面或应用的权限。如需开通，请联系系统管理员。" },
			"404", new String[] { "页面不存在", "您访问的页面不存在或已被移除，请检查地址是否正确。" },
			"4xx", new String[] { "请求无法处理", "请求有误，系统无法处理。请返回后重试。" },
			"5xx", new String[] { "系统出错", "系统暂时无法完成您的请求，请稍后重试。如问题持续，请联系系统管理员。" });

	/** The Chinese error page of a status ({@code error-page.html} with its heading and text), or null. */
	private static String errorPage(int status) {
		String[] page = ERROR_PAGES.getOrDefault(String.valueOf(status), ERROR_PAGES.get((status / 100) + "xx"));
		if (page == null) {
			return null;
		}
		try (var in = new ClassPathResource("error-page.html", ProblemResponses.class).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{title}", page[0])
				.replace("{text}", page[1]);
		}
		catch (IOException e) {
			return null;
		}
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

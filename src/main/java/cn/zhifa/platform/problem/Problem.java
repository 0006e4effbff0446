package cn.zhifa.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one way Zhifa refuses a request (issue 13, "one error model"): an RFC 9457 problem detail with a
 * stable {@code type}, a Chinese {@code title} and {@code detail} a user can act on, and the offending
 * {@code field} (request field, form field or parameter) where there is one. Thrown anywhere below a
 * controller or a filter; {@link ProblemResponses} writes it. Never carries an exception text, class
 * name, SQL or stack trace: {@code detail} is written for the user. The types are listed in
 * docs/adr/0013-one-error-model.md.
 */
public class Problem extends RuntimeException {

	/** Base of the stable problem types; the slug after it never changes once published. */
	public static final String TYPE_BASE = "https://zhifa.cn/problems/";
	/** A detail longer than this is cut: it may quote what the client sent. */
	static final int MAX_DETAIL = 500;

	private final HttpStatus status;
	private final String type;
	private final String field;
	private final Map<String, Object> properties = new LinkedHashMap<>();

	public Problem(HttpStatus status, String type, String detail, String field) {
		super(Objects.requireNonNull(detail, "detail"));
		this.status = Objects.requireNonNull(status, "status");
		this.type = Objects.requireNonNull(type, "type");
		this.field = field;
	}

	/** 400: a field's value breaks a rule; detail names the field in Chinese and the rule. */
	public static Problem invalid(String field, String detail) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-field", detail, field);
	}

	/** 400: the request as a whole cannot be read (malformed JSON, multipart, parameters). */
	public static Problem unreadable(String detail) {
		return new Problem(HttpStatus.BAD_REQUEST, "unreadable-request", detail, null);
	}

	/** 401: no valid login. */
	public static Problem unauthorized(String detail) {
		return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", detail, null);
	}

	/** 403: the user may not do this (role, own agency, supervisor writes). */
	public static Problem forbidden(String detail) {
		return new Problem(HttpStatus.FORBIDDEN, "forbidden", detail, null);
	}

	/** 403: a variable the system owns (the case contract's, a form's field) set where the rules do not let it be set. */
	public static Problem systemOwned(String field, String detail) {
		return new Problem(HttpStatus.FORBIDDEN, "system-owned-variable", detail, field);
	}

	/** 404: no such thing — also the answer for another agency's thing, so its existence is not revealed. */
	public static Problem notFound(String field, String detail) {
		return new Problem(HttpStatus.NOT_FOUND, "not-found", detail, field);
	}

	/**
	 * 404 for a register's row (notice, dispute, complaint, …) by its number: none numbered {@code no} that the user may
	 * read — 没有编号为 {no} 的{what}.
	 */
	public static Problem noneNumbered(String field, String no, String what) {
		return notFound(field, "没有编号为 " + no + " 的" + what);
	}

	/** 409: the thing is not in a state that allows this (already done, changed meanwhile, wrong stage). */
	public static Problem conflict(String field, String detail) {
		return new Problem(HttpStatus.CONFLICT, "conflict", detail, field);
	}

	/** 413: the body or an uploaded file is larger than allowed. */
	public static Problem tooLarge(String field, String detail) {
		return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", detail, field);
	}

	/** 429: too many requests; retry later. */
	public static Problem tooManyRequests(String detail) {
		return new Problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail, null);
	}

	/** 500: our failure; the client gets only the reference under which it was logged. */
	public static Problem internal(String reference) {
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"系统处理出错，请稍后重试；如仍出错请联系管理员（错误编号 " + reference + "）", null).with("reference", reference);
	}

	/** Adds a property to the body (e.g. {@code file} and {@code line} of a malformed file). */
	public Problem with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return status;
	}

	/** The slug of the problem type, e.g. {@code invalid-field}. */
	public String type() {
		return type;
	}

	public String field() {
		return field;
	}

	public String detail() {
		return getMessage();
	}

	/** The RFC 9457 body: type, title (Chinese, per status), status, detail, and field when known. */
	public ProblemDetail toProblemDetail() {
		String detail = detail();
		if (detail.codePointCount(0, detail.length()) > MAX_DETAIL) {
			detail = detail.substring(0, detail.offsetByCodePoints(0, MAX_DETAIL)) + "…";
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create(TYPE_BASE + type));
		body.setTitle(ProblemResponses.title(status.value()));
		if (field != null) {
			body.setProperty("field", field);
		}
		properties.forEach(body::setProperty);
		return body;
	}

	/** Problems are answers, not failures: no stack trace is captured. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}

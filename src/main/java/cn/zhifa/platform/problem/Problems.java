package cn.zhifa.platform.problem;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What an exception means to the client, as a {@link Problem}: ours as they are; bad input that Spring,
 * Jackson, the engine or the database noticed as 400 naming the field where it can be known; a
 * refusal as 403; a missing thing as 404; a concurrent change or a wrong stage as 409; too large as
 * 413; wrong method or media type as 405/415. Anything else is our failure: 500 with only a reference,
 * logged here with the stack trace. No exception text reaches the client unless it was written for
 * users ({@link #writtenForUsers}).
 */
public final class Problems {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);
	private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
	/** Marks of a technical text: class names, SQL, engine codes. */
	private static final Pattern TECHNICAL = Pattern.compile(
			"(?i)exception|\\b(java|javax|jakarta|org|com)\\.|\\bsql|\\b(insert into|update|select|delete from)\\b|"
					+ "ENGINE-\\d|statement|constraint");
	private static final Pattern FIELD_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9_.\\[\\]]*: ");
	/** H2 names the column: {@code Value too long for column "PARTY_NAME CHARACTER VARYING(200)"}. */
	private static final Pattern H2_COLUMN = Pattern.compile("column \"([A-Za-z0-9_]+)");

	private Problems() {
	}

	/** The problem {@code e} stands for; logs it when it is our failure (500). */
	public static Problem of(Throwable e) {
		Problem known = known(e);
		if (known != null && !known.status().is5xxServerError()) {
			log.debug("refused: {}", known.detail(), e);
			return known;
		}
		String reference = reference();
		log.error("request failed, reference {}", reference, e);
		return Problem.internal(reference);
	}

	/** Our failure without an exception at hand (e.g. a 500 the servlet container reports): logged, 500. */
	public static Problem failed(String what) {
		String reference = reference();
		log.error("request failed, reference {}: {}", reference, what);
		return Problem.internal(reference);
	}

	private static String reference() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** Whether {@code message} reads as a sentence for users: Chinese, and {@link #safeToShow}. */
	public static boolean writtenForUsers(String message) {
		return safeToShow(message) && CJK.matcher(message).find();
	}

	/**
	 * Whether {@code message} may be shown at all: short, without class names, SQL or engine codes
	 * (e.g. a configuration file's own error for the administrator who reloads it).
	 */
	public static boolean safeToShow(String message) {
		return message != null && message.length() <= 2 * Problem.MAX_DETAIL && !TECHNICAL.matcher(message).find();
	}

	private static Problem known(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			Problem p = direct(t);
			if (p != null) {
				return p;
			}
		}
		if (e instanceof ProcessEngineException pe && pe.getCode() == BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL.getCode()) {
			return Problem.invalid(null, "填写的内容过长");
		}
		return e instanceof ErrorResponse response ? byStatus(response.getStatusCode().value()) : null;
	}

	/** What a single exception (not its causes) stands for, or null. */
	private static Problem direct(Throwable t) {
		if (t instanceof Problem p) {
			return p;
		}
		if (t instanceof FormFieldValidationException f) {
			String field = f.getDetail() == null ? null : String.valueOf((Object) f.getDetail());
			String message = FIELD_PREFIX.matcher(String.valueOf(f.getMessage())).replaceFirst("");
			return Problem.invalid(field, writtenForUsers(message) ? message
					: (field == null ? "填写的内容" : "“" + field + "”") + "不符合要求");
		}
		if (t instanceof AuthenticationException) {
			return Problem.unauthorized("请先登录");
		}
		if (t instanceof AuthorizationException || t instanceof AccessDeniedException) {
			return Problem.forbidden(writtenForUsers(t.getMessage()) ? t.getMessage() : "您没有权限执行此操作");
		}
		if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException
				|| t instanceof ProcessEngineException pe && pe.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()) {
			return Problem.conflict(null, "该记录刚被他人修改，请刷新后重试");
		}
		if (t instanceof MismatchingMessageCorrelationException) {
			return Problem.conflict(null, "当前阶段不接受此请求");
		}
		if (t instanceof NullValueException || t instanceof NotFoundException) {
			return Problem.notFound(null, "要访问的记录不存在，或已被他人办理");
		}
		if (t instanceof SQLException sql && sql.getSQLState() != null) {
			return database(sql);
		}
		return spring(t);
	}

	private static Problem spring(Throwable t) {
		if (t instanceof HttpMessageNotReadableException unreadable) {
			return unreadable(unreadable);
		}
		if (t instanceof MethodArgumentTypeMismatchException mismatch) {
			return Problem.invalid(mismatch.getName(), "参数 " + mismatch.getName() + " 应为" + kind(mismatch.getRequiredType()));
		}
		if (t instanceof MissingServletRequestParameterException missing) {
			return Problem.invalid(missing.getParameterName(), "缺少参数 " + missing.getParameterName());
		}
		if (t instanceof MissingServletRequestPartException missing) {
			return Problem.invalid(missing.getRequestPartName(), "缺少上传内容 " + missing.getRequestPartName());
		}
		if (t instanceof MaxUploadSizeExceededException tooBig) {
			return Problem.tooLarge("file", "上传的内容过大" + (tooBig.getMaxUploadSize() > 0
					? "（上限 " + org.springframework.util.unit.DataSize.ofBytes(tooBig.getMaxUploadSize()).toMegabytes() + " MB）" : ""));
		}
		if (t instanceof MultipartException) {
			return Problem.unreadable("上传内容不完整或格式有误（multipart/form-data）");
		}
		if (t instanceof HttpRequestMethodNotSupportedException method) {
			return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"此地址不支持 " + method.getMethod() + " 请求", null);
		}
		if (t instanceof HttpMediaTypeNotSupportedException media) {
			return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "不支持此内容格式（Content-Type）"
					+ (media.getSupportedMediaTypes().isEmpty() ? "" : "，请使用 " + media.getSupportedMediaTypes().get(0)), null);
		}
		if (t instanceof HttpMediaTypeNotAcceptableException) {
			return new Problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "无法以请求的格式（Accept）答复", null);
		}
		if (t instanceof NoResourceFoundException || t instanceof NoHandlerFoundException) {
			return Problem.notFound(null, "没有这个地址");
		}
		return null;
	}

	/** The problem for a status when nothing more is known (Spring's own errors, the servlet container's). */
	public static Problem byStatus(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null || status < 400) {
			known = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (known) {
			case BAD_REQUEST -> Problem.unreadable("请求有误，请检查填写的内容");
			case UNAUTHORIZED -> Problem.unauthorized("请先登录");
			case FORBIDDEN -> Problem.forbidden("您没有权限执行此操作");
			case NOT_FOUND -> Problem.notFound(null, "没有这个地址");
			case CONFLICT -> Problem.conflict(null, "当前状态不允许此操作");
			case PAYLOAD_TOO_LARGE -> Problem.tooLarge(null, "请求内容过大");
			case TOO_MANY_REQUESTS -> Problem.tooManyRequests("请求过于频繁，请稍后再试");
			default -> known.is4xxClientError()
					? new Problem(known, "bad-request", ProblemResponses.title(status), null)
					: new Problem(known, "internal-error", "系统处理出错，请稍后重试；如仍出错请联系管理员", null);
		};
	}

	private static Problem unreadable(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping);
			Class<?> target = cause instanceof MismatchedInputException m ? m.getTargetType() : null;
			return Problem.invalid(field, "“" + field + "”" + (target == null ? "的值不符合要求" : "应为" + kind(target)));
		}
		if (cause instanceof JsonProcessingException) {
			return Problem.unreadable("请求内容不是有效的 JSON");
		}
		return Problem.unreadable("缺少请求内容，或请求内容无法读取");
	}

	/** {@code interruptions[0].at}: the JSON path of a value that could not be read. */
	private static String path(JsonMappingException e) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference r : e.getPath()) {
			if (r.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
			}
			else if (r.getIndex() >= 0) {
				path.append('[').append(r.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** A type as a user reads it: 文字, 整数, 数字, true 或 false, 日期… */
	private static String kind(Class<?> type) {
		if (type == null) {
			return "正确的格式";
		}
		String name = type.getSimpleName().toLowerCase(Locale.ROOT);
		if (type == String.class || type == char.class || type == Character.class) {
			return "文字";
		}
		if (type == Boolean.class || type == boolean.class) {
			return " true 或 false";
		}
		if (name.equals("int") || name.equals("integer") || name.equals("long") || name.equals("short")) {
			return "整数";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "数字";
		}
		if (name.equals("localdate")) {
			return "日期（yyyy-MM-dd）";
		}
		if (name.equals("instant") || name.contains("datetime")) {
			return "时间（ISO-8601，例如 2026-11-20T10:00:00+08:00）";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "列表";
		}
		return TypeDescriptor.valueOf(type).isMap() ? "对象" : "正确的格式";
	}

	/**
	 * A statement the database refused because of what was sent: too long (naming the column when the
	 * database says which), not representable (zero byte), duplicate or dangling reference.
	 */
	private static Problem database(SQLException e) {
		String state = e.getSQLState();
		if (state.equals("22001")) {
			Matcher column = H2_COLUMN.matcher(String.valueOf(e.getMessage()));
			String field = column.find() ? camel(column.group(1)) : null;
			return Problem.invalid(field, (field == null ? "填写的内容" : "“" + field + "”") + "过长");
		}
		if (state.startsWith("22")) {
			return Problem.invalid(null, "填写的内容含有无法保存的字符或数值");
		}
		if (state.equals("23505")) {
			return Problem.conflict(null, "该记录已存在");
		}
		if (state.startsWith("23")) {
			return Problem.invalid(null, "填写的内容缺少必填项，或引用了不存在的记录");
		}
		if (state.startsWith("40")) {
			return Problem.conflict(null, "该记录刚被他人修改，请刷新后重试");
		}
		if (state.equals("HYT00") || state.equals("55P03")) { // H2's and PostgreSQL's lock wait timed out
			return busy();
		}
		return null;
	}

	/**
	 * 409 for a row another request holds locked for longer than the database waits (H2's {@code LOCK_TIMEOUT}, e.g. a
	 * document counter while another officer's step of the same agency commits): nothing was stored; trying again works.
	 */
	public static Problem busy() {
		return Problem.conflict(null, "该记录正由他人同时办理，请稍后重试");
	}

	private static String camel(String column) {
		StringBuilder s = new StringBuilder();
		boolean upper = false;
		for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				s.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return s.toString();
	}
}

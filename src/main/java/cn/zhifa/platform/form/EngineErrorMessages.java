package cn.zhifa.platform.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;
import cn.zhifa.platform.problem.Problems;

/**
 * Error answers of the engine's REST API — {@code /engine-rest} and the webapps' own
 * {@code /camunda/api/engine}, which Tasklist calls — as Zhifa's problem details
 * ({@link Problem}, {@code application/problem+json}) in Chinese, keeping {@code message} (what
 * Tasklist and the engine's JavaScript client show) and {@code code}:
 * <ul>
 * <li>a refused value ({@link #INVALID_INPUT_CODE}) is 400 naming the field, also where the engine
 * answers 500 ({@code /start}); a task check's "fineAmount: …" names the field by its label in the
 * task's or start event's form ("罚款数额：…"); the engine's English wrapper ("Cannot submit task form
 * 5f…: ") is removed;</li>
 * <li>a refusal is 403 (the REST guard's refusal of a system-owned variable raised inside the engine,
 * {@link #SYSTEM_OWNED_CODE}, as the guard's problem naming the variable); another agency's thing (the engine's tenant check) and an unknown id are 404,
 * like a thing that does not exist; a concurrent change is 409;</li>
 * <li>what the engine refuses as bad input — a Java-serialized variable, a variable of the wrong type,
 * a value too long for its column, unreadable JSON or parameters — is 400;</li>
 * <li>anything else is 500 with a reference, the engine's text logged under it.</li>
 * </ul>
 * The engine's own texts (English, class names, SQL, engine codes) never reach the client; a message
 * passes only if it was written for users ({@link Problems#writtenForUsers}). The engine's
 * {@code type} (an exception class name) is replaced by the problem type. Deployment errors keep the
 * parser's {@code details} (file, line, element), which Camunda Modeler shows. Only error answers are
 * buffered; successful ones stream through untouched.
 */
public final class EngineErrorMessages extends OncePerRequestFilter {

	/** Engine error code our user-input refusals carry (custom codes start at 20,000). */
	public static final int INVALID_INPUT_CODE = 22001;
	/** Engine error code of the REST guard's refusal of a system-owned variable raised inside the engine ("name: reason"). */
	public static final int SYSTEM_OWNED_CODE = 22002;

	private static final ObjectMapper JSON = new ObjectMapper();
	/** How the model guard's refusal starts (cn.zhifa.models.ModelRejectedException). */
	private static final String MODEL_REJECTED = "模型未部署";
	private static final Pattern WRAPPER = Pattern.compile(
			"^Cannot (?:submit task form|complete task|resolve task|instantiate process definition|start process instance|"
					+ "correlate message|set variable|modify variables)(?: \\S+)?: (.+)$", Pattern.DOTALL);
	private static final Pattern FIELD_RULE = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*): (.+)$", Pattern.DOTALL);
	private static final Pattern TENANT = Pattern.compile("no authenticated tenant");
	private static final Pattern NOT_FOUND = Pattern.compile(
			"(?i)cannot find|doesn't exist|does not exist|not found|no (?:matching |deployed )?[a-z ]*(?:found|with id)");
	private static final Pattern CONCURRENT = Pattern.compile("(?i)updated by another transaction concurrently|OptimisticLocking");
	/** A lock another transaction held longer than the database waits (Spring's, H2's and PostgreSQL's words for it). */
	private static final Pattern LOCK_TIMEOUT = Pattern.compile(
			"(?i)PessimisticLocking|CannotAcquireLock|Timeout trying to lock table|canceling statement due to lock timeout");
	private static final Pattern SERIALIZED = Pattern.compile("Cannot set variable with name (\\S+)\\. Java serialization format is prohibited");
	private static final Pattern TOO_LONG = Pattern.compile("(?i)value too long|too long for column");
	private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d+ ");
	/** Types of the engine's REST layer for requests it could not read. */
	private static final Pattern UNREADABLE_TYPE = Pattern.compile(
			"InvalidRequestException|JsonParseException|JsonMappingException|ClassCastException|"
					+ "NumberFormatException|IllegalArgumentException|DateTimeParseException|ParseException");
	private static final Pattern TASK = Pattern.compile("/task/([^/]+)/");
	private static final Pattern DEFINITION_BY_ID = Pattern.compile("/process-definition/(?!key/)([^/]+)/");
	private static final Pattern DEFINITION_BY_KEY = Pattern.compile("/process-definition/key/([^/]+)/(?:tenant-id/([^/]+)/)?");

	private final FormService forms;
	private final RepositoryService repository;

	public EngineErrorMessages(FormService forms, RepositoryService repository) {
		this.forms = forms;
		this.repository = repository;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorCapture capture = new ErrorCapture(response);
		chain.doFilter(request, capture);
		if (!capture.captured()) {
			return;
		}
		JsonNode engine = parse(capture.body());
		ObjectNode error = engine instanceof ObjectNode o ? o : JSON.createObjectNode();
		Problem problem = problem(error, request.getRequestURI(), capture.getStatus());
		ObjectNode body = ProblemResponses.json(problem);
		body.put("message", problem.detail());
		if (error.path("code").isNumber()) {
			body.set("code", error.get("code"));
		}
		if (request.getRequestURI().contains("/deployment") && error.has("details")) {
			body.set("details", error.get("details"));
		}
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.setStatus(problem.status().value());
		response.setContentType(ProblemResponses.PROBLEM_JSON + ";charset=UTF-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** What the engine's error answer means, as a problem (see the class comment). */
	private Problem problem(ObjectNode error, String uri, int status) {
		String type = error.path("type").asText("");
		String message = error.path("message").asText("");
		Matcher wrapped = WRAPPER.matcher(message);
		if (wrapped.matches()) {
			message = wrapped.group(1);
		}
		int code = error.path("code").asInt(0);
		if (code == INVALID_INPUT_CODE) {
			return invalidInput(message, form(uri));
		}
		if (code == SYSTEM_OWNED_CODE) {
			Matcher owned = FIELD_RULE.matcher(message);
			return owned.matches() ? Problem.systemOwned(owned.group(1), owned.group(2)) : Problem.forbidden(message);
		}
		if ("AuthorizationException".equals(type) || status == HttpServletResponse.SC_FORBIDDEN) {
			return Problem.forbidden(Problems.writtenForUsers(message) ? message : "您没有权限执行此操作");
		}
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			return Problem.unauthorized("请先登录");
		}
		if ("QueryParamException".equals(type)) { // JAX-RS answers 404 for a query parameter it cannot convert
			return Problem.unreadable("查询参数的格式不对");
		}
		if (TENANT.matcher(message).find() || NOT_FOUND.matcher(message).find() || status == HttpServletResponse.SC_NOT_FOUND) {
			return Problem.notFound(null, "要访问的记录不存在，或已被他人办理");
		}
		if ("OptimisticLockingException".equals(type) || code == 1 || CONCURRENT.matcher(message).find()) {
			return Problem.conflict(null, "该记录刚被他人修改，请刷新后重试");
		}
		if (LOCK_TIMEOUT.matcher(type).find() || LOCK_TIMEOUT.matcher(message).find()) {
			return Problems.busy();
		}
		Matcher serialized = SERIALIZED.matcher(message);
		if (serialized.find()) {
			return Problem.invalid(serialized.group(1), "变量“" + serialized.group(1) + "”不能以 Java 序列化格式提交，请使用 JSON");
		}
		if (code == 10_002 || TOO_LONG.matcher(message).find()) {
			return Problem.invalid(null, "填写的内容过长");
		}
		if (uri.contains("/deployment") && ENGINE_CODE.matcher(message).replaceAll("").startsWith(MODEL_REJECTED)) {
			return modelRejected(ENGINE_CODE.matcher(message).replaceAll(""), error.path("details"));
		}
		if (uri.contains("/deployment") && status == HttpServletResponse.SC_BAD_REQUEST) {
			String parser = ENGINE_CODE.matcher(message).replaceAll("");
			return Problem.invalid("data", "模型文件有误" + (Problems.safeToShow(parser) ? "：" + parser : "，请在 Camunda Modeler 中检查"));
		}
		if (status == HttpServletResponse.SC_BAD_REQUEST || UNREADABLE_TYPE.matcher(type).matches()) {
			return Problem.unreadable(Problems.writtenForUsers(message) ? message : "请求有误，请检查填写的内容（变量的名称、类型和值）");
		}
		if (status < 500) {
			return Problems.byStatus(status);
		}
		if ("NullValueException".equals(type)) {
			// the engine's check of an argument the request left out or the REST layer could not read, e.g. a task
			// list sorted by a variable of an unknown type ("valueType is null"); an unknown id is not found (above)
			return Problem.unreadable("请求缺少必要的值或取值无效（如按变量排序时变量的类型），请检查填写的内容");
		}
		return Problems.failed("engine REST " + uri + " answered " + status + " " + type + ": " + message);
	}

	/**
	 * The model guard refused a deployment (issue 14): its Chinese summary, and every problem with file,
	 * line and element as {@code problems} (Camunda Modeler reads the same from {@code details}).
	 */
	private static Problem modelRejected(String message, JsonNode details) {
		com.fasterxml.jackson.databind.node.ArrayNode problems = JSON.createArrayNode();
		details.fields().forEachRemaining(file -> file.getValue().path("errors").forEach(e -> {
			ObjectNode p = problems.addObject();
			p.put("file", file.getKey());
			p.put("line", e.path("line").asInt(0));
			if (e.path("mainElementId").isTextual()) {
				p.put("element", e.path("mainElementId").asText());
			}
			p.put("message", e.path("message").asText(""));
		}));
		return Problem.invalid("data", message).with("problems", problems);
	}

	/**
	 * A refused value: a service's "fineAmount: 罚款数额…" names the field by its key and gets the
	 * form's label; a form check's "罚款数额：须为整数" is found by its label.
	 */
	private static Problem invalidInput(String message, Optional<FormSchema> form) {
		Matcher fieldRule = FIELD_RULE.matcher(message);
		String field;
		String text;
		if (fieldRule.matches()) {
			field = fieldRule.group(1);
			String rule = fieldRule.group(2);
			text = form.flatMap(f -> f.field(field)).map(FormSchema.Field::name).map(l -> l + "：" + rule).orElse(rule);
		}
		else {
			field = form.flatMap(f -> f.fields().values().stream().filter(x -> message.startsWith(x.name() + "："))
				.map(FormSchema.Field::key).findFirst()).orElse(null);
			text = message;
		}
		return Problem.invalid(field, Problems.writtenForUsers(text) ? text : "请检查填写的内容");
	}

	/** The form of the task or start event the request is about, if any. */
	private Optional<FormSchema> form(String uri) {
		try {
			Supplier<InputStream> form = deployedForm(uri);
			if (form == null) {
				return Optional.empty();
			}
			try (InputStream in = form.get()) {
				return in == null ? Optional.empty() : Optional.of(FormSchema.read(in));
			}
		}
		catch (Exception noForm) {
			return Optional.empty();
		}
	}

	private Supplier<InputStream> deployedForm(String uri) {
		Matcher task = TASK.matcher(uri);
		if (task.find()) {
			String id = task.group(1);
			return () -> forms.getDeployedTaskForm(id);
		}
		Matcher byId = DEFINITION_BY_ID.matcher(uri);
		if (byId.find()) {
			String id = byId.group(1);
			return () -> forms.getDeployedStartForm(id);
		}
		Matcher byKey = DEFINITION_BY_KEY.matcher(uri);
		if (byKey.find()) {
			String key = byKey.group(1);
			String tenant = byKey.group(2);
			return () -> {
				var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
				return forms.getDeployedStartForm((tenant == null ? query : query.tenantIdIn(tenant)).list().get(0).getId());
			};
		}
		return null;
	}

	private static JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException notJson) {
			return null;
		}
	}

	/** Buffers the body only when the status is already an error when writing starts. */
	private static final class ErrorCapture extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		private Boolean capturing;
		private ServletOutputStream stream;
		private PrintWriter writer;
		/** Jersey sets the length before the status: held back until the body's fate is known. */
		private Long pendingLength;

		ErrorCapture(HttpServletResponse response) {
			super(response);
		}

		private boolean capturing() {
			if (capturing == null) {
				capturing = getStatus() >= 400;
				if (!capturing && pendingLength != null) {
					super.setContentLengthLong(pendingLength);
				}
			}
			return capturing;
		}

		boolean captured() {
			if (capturing == null && pendingLength != null) {
				super.setContentLengthLong(pendingLength); // an answer without a body
			}
			if (writer != null) {
				writer.flush();
			}
			return capturing != null && capturing;
		}

		byte[] body() {
			return buffer.toByteArray();
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!capturing()) {
				return super.getOutputStream();
			}
			if (stream == null) {
				stream = new ServletOutputStream() {
					@Override
					public void write(int b) {
						buffer.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						buffer.write(b, off, len);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						// blocking writes only
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!capturing()) {
				return super.getWriter();
			}
			if (writer == null) {
				writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
			}
			return writer;
		}

		@Override
		public void setContentLength(int len) {
			setContentLengthLong(len);
		}

		@Override
		public void setContentLengthLong(long len) {
			if (capturing == null) {
				pendingLength = len;
			}
			else if (!capturing) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!capturing()) {
				super.flushBuffer();
			}
		}
	}
}

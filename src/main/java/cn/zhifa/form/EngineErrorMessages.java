package cn.zhifa.form;

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

/**
 * Error answers of the engine's REST API — {@code /engine-rest} and the webapps' own
 * {@code /camunda/api/engine}, which Tasklist calls — in Chinese:
 * <ul>
 * <li>the engine's English wrapper ("Cannot submit task form 5f…: ", "Cannot instantiate process
 * definition …: ") is removed;</li>
 * <li>a refused form value ({@link #INVALID_INPUT_CODE}) is 400, also where the engine answers 500
 * ({@code /start}), and a task check's "fineAmount: …" names the field by its label in the task's
 * or start event's form ("罚款数额：…");</li>
 * <li>an English message for a refusal, a missing record, a concurrent change or a failure gets a
 * Chinese one; deployment answers keep the parser's file/line details.</li>
 * </ul>
 * Only error answers are buffered; successful ones stream through untouched.
 */
public final class EngineErrorMessages extends OncePerRequestFilter {

	/** Engine error code our user-input refusals carry (custom codes start at 20,000). */
	public static final int INVALID_INPUT_CODE = 22001;

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern WRAPPER = Pattern.compile(
			"^Cannot (?:submit task form|complete task|resolve task|instantiate process definition|start process instance|"
					+ "correlate message|set variable|modify variables)(?: \\S+)?: (.+)$", Pattern.DOTALL);
	private static final Pattern FIELD_RULE = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*): (.+)$", Pattern.DOTALL);
	private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
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
		byte[] body = capture.body();
		JsonNode json = parse(body);
		if (json instanceof ObjectNode error && error.path("message").isTextual()) {
			int status = rewrite(error, request.getRequestURI(), capture.getStatus());
			body = JSON.writeValueAsBytes(error);
			response.setStatus(status);
			response.setContentType("application/json;charset=UTF-8");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private int rewrite(ObjectNode error, String uri, int status) {
		String message = error.path("message").asText();
		Matcher wrapped = WRAPPER.matcher(message);
		if (wrapped.matches()) {
			message = wrapped.group(1);
		}
		boolean invalidInput = error.path("code").asInt() == INVALID_INPUT_CODE;
		Matcher fieldRule = FIELD_RULE.matcher(message);
		if (invalidInput && fieldRule.matches()) {
			String field = fieldRule.group(1);
			String rule = fieldRule.group(2);
			message = label(uri, field).map(l -> l + "：" + rule).orElse(rule);
			error.put("field", field);
		}
		if (invalidInput) {
			status = HttpServletResponse.SC_BAD_REQUEST;
		}
		if (!CJK.matcher(message).find() && !uri.contains("/deployment")) {
			message = chinese(status, error.path("type").asText());
		}
		error.put("message", message);
		if ("OptimisticLockingException".equals(error.path("type").asText())) {
			status = HttpServletResponse.SC_CONFLICT;
		}
		return status;
	}

	private static String chinese(int status, String type) {
		if ("OptimisticLockingException".equals(type)) {
			return "该记录刚被他人修改，请刷新后重试";
		}
		return switch (status) {
			case 401 -> "请先登录";
			case 403 -> "您没有权限执行此操作";
			case 404 -> "要访问的记录不存在，或已被他人办理";
			case 409 -> "该记录刚被他人修改，请刷新后重试";
			default -> status < 500 ? "请求有误，请检查填写的内容" : "系统处理出错，请稍后重试；如仍出错请联系管理员";
		};
	}

	private Optional<String> label(String uri, String field) {
		try {
			Supplier<InputStream> form = deployedForm(uri);
			if (form == null) {
				return Optional.empty();
			}
			try (InputStream in = form.get()) {
				return FormSchema.read(in).field(field).map(FormSchema.Field::name);
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

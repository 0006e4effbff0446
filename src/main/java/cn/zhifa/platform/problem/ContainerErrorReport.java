package cn.zhifa.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The servlet container's last answer, for what it refuses before the application sees the request: an encoded
 * slash, backslash or NUL in the path ({@code /engine-rest/task/%00/form-variables}), a broken percent-encoding, a
 * character the request line may not hold. Tomcat answered those with its own English HTML page ("HTTP Status 400 –
 * Bad Request"); this answers them — and anything else no one has written a body for — with the same Chinese problem
 * JSON (or, for a browser asking for a page outside the APIs, the same Chinese error page) as every other refusal.
 */
@Component
class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** What the connector refuses, whatever the reason it logged: it is always the address or a header. */
	static final String REFUSED_BY_CONTAINER = "请求地址或请求头不符合规范（例如含有编码的斜杠 %2F、反斜杠、空字符 %00 或不完整的百分号编码），"
			+ "系统无法处理。请检查地址后重试。";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// read by the host when it starts, which is after the context has been prepared
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(Valve.class.getName());
			}
		});
	}

	/** Tomcat's error report valve, writing problems instead of its HTML report (created by the host by its name). */
	public static class Valve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean();
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			Problem problem = status == 400 ? Problem.unreadable(REFUSED_BY_CONTAINER) : Problems.byStatus(status);
			String page = ProblemResponses.pageFor(request, problem);
			try {
				response.setContentType(page != null ? MediaType.TEXT_HTML_VALUE : ProblemResponses.PROBLEM_JSON.toString());
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter(); // null if the response has been committed meanwhile
				if (writer != null) {
					writer.write(page != null ? page : ProblemResponses.json(problem).toString());
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client has gone or the response was taken over: nothing left to tell it
			}
		}
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.util.ServletRequestPathUtils;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * {@link JerseyServedPaths}: the handler-mapping introspection Spring Security runs for every request answers the
 * Jersey servlets' requests with the first mapping it asks, instead of comparing their paths with every controller
 * method; the dispatcher's own requests (controllers, the webapps' files) stay as they were, and the engine's REST API
 * still answers over HTTP. The servlet path is what tells them apart, as in the servlet container.
 */
@ZhifaIntegrationTest
class JerseyServedPathsIT {

	@Autowired
	HandlerMappingIntrospector mvcHandlerMappingIntrospector;
	@Autowired
	TestRestTemplate http;

	@Test
	void theJerseyPathsAreNamedByTheFirstMappingAndControllersKeepTheirs() throws Exception {
		List<HandlerMapping> mappings = mvcHandlerMappingIntrospector.getHandlerMappings();
		HandlerMapping first = mappings.get(0);
		assertThat(handler(first, "POST", "/engine-rest", "/task/1/submit-form")).isNotNull();
		assertThat(handler(first, "GET", "/engine-rest", "")).isNotNull();
		assertThat(handler(first, "GET", "/camunda/api/engine", "/engine/default/task")).isNotNull();
		assertThat(handler(first, "GET", "/camunda/api/tasklist", "/plugin/x")).isNotNull();
		// Spring MVC's own requests (the dispatcher's servlet path is empty): the controllers' and the webapps' files
		assertThat(handler(first, "GET", "", "/api/cases")).as("a controller's path").isNull();
		assertThat(handler(first, "GET", "", "/camunda/app/tasklist/index.html")).isNull();
		Object controller = mappings.stream().map(m -> handler(m, "GET", "", "/api/cases")).filter(h -> h != null)
			.findFirst().orElseThrow();
		assertThat(controller).isInstanceOf(HandlerMethod.class);

		assertThat(http.withBasicAuth("officer1", "demo").getForEntity("/engine-rest/engine", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	/** The handler {@code mapping} gives a request to the servlet at {@code servletPath} for {@code pathInfo}. */
	private static Object handler(HandlerMapping mapping, String method, String servletPath, String pathInfo) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, servletPath + pathInfo);
		request.setServletPath(servletPath);
		request.setPathInfo(pathInfo.isEmpty() ? null : pathInfo);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			return chain == null ? null : chain.getHandler();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}

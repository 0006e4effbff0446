package cn.zhifa.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The engine's REST API ({@code /engine-rest/*}) and the webapps' APIs ({@code /camunda/api/…/*}) are Jersey
 * servlets; Spring MVC's dispatcher never receives their requests (the servlet container gives each path to its
 * servlet). Spring Security still asks Spring MVC, for every request, which handler would serve it (the
 * handler-mapping introspection it installs whenever Spring MVC is present), and for a path no controller maps the
 * annotated-controller mapping compares the path with every controller method: 2.4 % of a whole case's JVM samples
 * (docs/performance.md, seventh session). This mapping, asked first, answers for the Jersey servlets' requests at
 * once. It matches paths as the static-resource mapping (the first to answer for them before) does, so Spring
 * Security's path matchers decide as before; its handler would only answer a request the dispatcher received for
 * these servlets, with 404.
 */
@Configuration(proxyBeanMethods = false)
class JerseyServedPaths {

	@Bean
	SimpleUrlHandlerMapping jerseyServedPathsMapping() {
		return new JerseyServlets((request, response) -> response.sendError(404));
	}

	/** Whether the request's servlet is one of Jersey's: the REST API's or a webapp API's. */
	static boolean jersey(String servletPath) {
		return servletPath.equals("/engine-rest") || servletPath.startsWith("/camunda/api/");
	}

	/** Answers every path ({@code /**}) of the Jersey servlets' requests, nothing else. */
	static final class JerseyServlets extends SimpleUrlHandlerMapping {

		private final HttpRequestHandler notHere;

		JerseyServlets(HttpRequestHandler notHere) {
			super(Map.of("/**", notHere), Ordered.HIGHEST_PRECEDENCE);
			this.notHere = notHere;
		}

		@Override
		protected Object getHandlerInternal(HttpServletRequest request) {
			return jersey(request.getServletPath()) ? notHere : null;
		}
	}
}

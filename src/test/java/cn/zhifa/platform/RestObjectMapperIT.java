package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.support.ZhifaIntegrationTest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;

/**
 * ADR-0066: the engine's REST API answers with one JSON mapper, ranked before Camunda's per-request one, configured as
 * Camunda configures its own — its dates read and written in the REST API's format.
 */
@ZhifaIntegrationTest
class RestObjectMapperIT {

	@Autowired
	@Qualifier("jerseyServletRegistration")
	ServletRegistrationBean<?> jersey;
	@Autowired
	TestRestTemplate http;

	@Test
	void theRestApiAsksForItsMapperAndGetsTheSameOneEachTime() {
		// the servlet starts with its first request
		@SuppressWarnings("rawtypes")
		ResponseEntity<List> tasks = http.withBasicAuth("officer1", "demo").getForEntity("/engine-rest/task?maxResults=1",
				List.class);
		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("rawtypes")
		ResponseEntity<Map> engine = http.withBasicAuth("officer1", "demo").getForEntity(
				"/engine-rest/process-definition/key/enforcement-case", Map.class);
		assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.OK);
		Providers providers = ((ServletContainer) jersey.getServlet()).getApplicationHandler().getInjectionManager()
			.getInstance(Providers.class);
		ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
		ObjectMapper first = resolver.getContext(Object.class);
		assertThat(resolver.getContext(List.class)).as("one mapper, not one per request").isSameAs(first);
		assertThat(first).isSameAs(new RestObjectMapper().getContext(Object.class));

		assertThat(first.getDateFormat()).isNotNull();
		assertThat(first.getDateFormat().format(new java.util.Date(0))).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
	}
}

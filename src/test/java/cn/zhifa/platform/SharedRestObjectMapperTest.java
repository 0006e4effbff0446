package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.util.ProvidersUtil;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * ADR-0056: in a Jersey application configured as Camunda's REST applications are (Camunda's {@link JacksonConfigurator}
 * registered) the shared mapper answers Camunda's own look-up and the JSON provider's; Jersey's auto-discovery finds its
 * registration; the mapper is configured as Camunda's.
 */
class SharedRestObjectMapperTest {

	/** Answers which mapper the application's providers give, the way Camunda's resources and JSON provider ask. */
	@Path("/probe")
	public static class Probe {

		@Context
		Providers providers;

		@GET
		@Produces(MediaType.TEXT_PLAIN)
		public String mappers() {
			// as Camunda's resources ask (AbstractProcessEngineRestServiceImpl.getObjectMapper)
			ObjectMapper camundas = ProvidersUtil.resolveFromContext(providers, ObjectMapper.class,
					MediaType.APPLICATION_JSON_TYPE, getClass());
			ObjectMapper jsonProviders = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)
				.getContext(Object.class);
			ObjectMapper shared = new SharedRestObjectMapper().getContext(Object.class);
			return (camundas == shared) + " " + (jsonProviders == shared);
		}
	}

	@Test
	void camundasRestApplicationsGetOneMapper() throws Exception {
		GenericApplicationContext spring = new GenericApplicationContext(); // Jersey's Spring bridge, discovered too
		spring.refresh();
		// the resolver next to Camunda's configuration, as the registration adds it to each application
		ApplicationHandler app = new ApplicationHandler(new ResourceConfig(Probe.class, SharedRestObjectMapper.class)
			.registerClasses(CamundaRestResources.getConfigurationClasses()).property("contextConfig", spring));
		ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost/probe"),
				"GET", null, new MapPropertiesDelegate(), null);
		assertThat(app.apply(request).get().getEntity()).isEqualTo("true true");
	}

	@Test
	void jerseyFindsTheRegistrationAndItAddsTheResolverOnce() {
		assertThat(ServiceLoader.load(AutoDiscoverable.class, SharedRestObjectMapper.class.getClassLoader()).stream()
			.map(ServiceLoader.Provider::type)).contains(SharedRestObjectMapper.Registration.class);
		FeatureContext context = mock(FeatureContext.class, RETURNS_DEEP_STUBS);
		when(context.getConfiguration().isRegistered(SharedRestObjectMapper.class)).thenReturn(false, true);
		new SharedRestObjectMapper.Registration().configure(context);
		new SharedRestObjectMapper.Registration().configure(context);
		verify(context, times(1)).register(SharedRestObjectMapper.class);
	}

	@Test
	void theMapperIsConfiguredAsCamundasOwn() throws Exception {
		ObjectMapper shared = new SharedRestObjectMapper().getContext(Object.class);
		ObjectMapper camundas = new JacksonConfigurator().getContext(Object.class);
		assertThat(shared).isSameAs(new SharedRestObjectMapper().getContext(String.class));
		Date date = new Date(1_764_547_200_123L);
		Map<String, Object> value = Map.of("at", date, "n", 1);
		assertThat(shared.writeValueAsString(value)).isEqualTo(camundas.writeValueAsString(value))
			.contains(new SimpleDateFormat(JacksonConfigurator.DEFAULT_DATE_FORMAT).format(date));
		assertThat(shared.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
		assertThat(shared.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
		assertThat(shared.getRegisteredModuleIds()).isEqualTo(camundas.getRegisteredModuleIds());
		assertThat(shared.readValue("{\"at\":\"2026-12-01T08:00:00.123+0800\",\"unknown\":1}", Dated.class).at)
			.isEqualTo(camundas.readValue("{\"at\":\"2026-12-01T08:00:00.123+0800\"}", Dated.class).at);
	}

	static class Dated {
		public Date at;
	}
}

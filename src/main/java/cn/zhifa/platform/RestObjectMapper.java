package cn.zhifa.platform;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON mapper of the engine's REST API and of the webapps' APIs (Tasklist's, Cockpit's, Admin's), configured once
 * (ADR-0066). Camunda's {@link JacksonConfigurator} builds and configures a new {@code ObjectMapper} — date format,
 * Java time module — for every request that asks for one (the REST API's sub-resources ask for every call) and throws
 * it away with its serializer caches: 2 % of a whole case's JVM samples. This resolver, ranked before Camunda's,
 * answers with one mapper configured by Camunda's own {@link JacksonConfigurator#configureObjectMapper} (so the date
 * format and features are Camunda's, including a date format the webapps set at start-up) at its first use; a
 * configured {@code ObjectMapper} is safe to share between threads, and nothing in Camunda's REST or webapp classes
 * changes the mapper it is given. It joins every Jersey application of the application through Jersey's
 * auto-discovery ({@link Discovery}, {@code META-INF/services}).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER - 100)
public final class RestObjectMapper implements ContextResolver<ObjectMapper> {

	/** Made when first asked for: after the webapps have set the date format at start-up. */
	private static final class Shared {
		static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
	}

	@Override
	public ObjectMapper getContext(Class<?> type) {
		return Shared.MAPPER;
	}

	/** Registers the resolver in every server-side Jersey application (the engine's REST API and the webapps' APIs). */
	@ConstrainedTo(RuntimeType.SERVER)
	@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
	public static final class Discovery implements AutoDiscoverable {

		@Override
		public void configure(FeatureContext context) {
			if (!context.getConfiguration().isRegistered(RestObjectMapper.class)) {
				context.register(RestObjectMapper.class);
			}
		}
	}
}

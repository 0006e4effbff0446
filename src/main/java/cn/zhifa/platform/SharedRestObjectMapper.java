package cn.zhifa.platform;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One JSON mapper for Camunda's REST requests (ADR-0056). Camunda's {@link JacksonConfigurator} makes a new
 * {@link ObjectMapper} each time it is asked for one — by the engine REST's resources, and by the JSON reader and
 * writer of each request, in the engine REST and in the webapps' (Tasklist, Cockpit, Admin) — so every request also
 * built Jackson's serializers and deserializers of its DTOs again (0.15–0.2 ms a mapper, against 0.004 ms with one
 * mapper, for a small task form submission and task list). This resolver answers with one mapper configured exactly
 * as Camunda configures its own ({@link JacksonConfigurator#configureObjectMapper}, with the date format in force
 * when it is first asked for). It names {@code application/json}, which Jersey consults before resolvers for any
 * media type such as Camunda's. Sharing it is safe: Camunda's REST never changes a mapper it is given, and Jackson
 * copies a configured {@code DateFormat} for each use. Registered in every Jersey application of the process by
 * Jersey's auto-discovery ({@code META-INF/services}).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

	private static volatile ObjectMapper mapper;

	@Override
	public ObjectMapper getContext(Class<?> type) {
		ObjectMapper shared = mapper;
		if (shared == null) {
			synchronized (SharedRestObjectMapper.class) {
				shared = mapper;
				if (shared == null) {
					shared = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
					mapper = shared;
				}
			}
		}
		return shared;
	}

	/** Registers the resolver in each Jersey application as it is configured. */
	public static final class Registration implements AutoDiscoverable {

		@Override
		public void configure(FeatureContext context) {
			if (!context.getConfiguration().isRegistered(SharedRestObjectMapper.class)) {
				context.register(SharedRestObjectMapper.class);
			}
		}
	}
}

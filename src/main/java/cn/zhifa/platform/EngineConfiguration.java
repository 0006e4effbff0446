package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;

/** Engine settings that application.yml cannot express, and the REST API's login. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	/** The REST guard's rules, for the guard and for a form submission's check inside the engine (ADR-0065). */
	private final EngineVariableRules variableRules = new EngineVariableRules();

	/** Agencies as tenants (ADR-0004); a user's start may not name another agency's case (ADR-0015). */
	@Bean
	AbstractProcessEnginePlugin agencyTenantPlugin(ObjectProvider<CaseNumberOwners> caseNumberOwners,
			ObjectProvider<LoginCache> logins) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl config) {
				Supplier<List<CaseNumberOwners>> owners = SingletonSupplier
					.of(() -> caseNumberOwners.orderedStream().toList());
				config.setTenantIdProvider(new AgencyTenantIdProvider(caseNo -> owners.get().stream()
					.map(owner -> owner.agencyOf(caseNo)).flatMap(Optional::stream).findFirst()));
				List<BpmnParseListener> listeners = config.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
						: new ArrayList<>(config.getCustomPostBPMNParseListeners());
				listeners.add(new AgencyVariable());
				config.setCustomPostBPMNParseListeners(listeners);
				// listeners' validation and authorization errors reach callers as 400 / 403, not 500; what a command
				// threw is logged by the unwrapping, a refused input no longer as an ERROR with its stack trace
				config.setEnableCmdExceptionLogging(false);
				config.setCustomPreCommandInterceptorsTxRequired(
						withUnwrapping(config.getCustomPreCommandInterceptorsTxRequired(), false, config, logins));
				config.setCustomPreCommandInterceptorsTxRequiresNew(
						withUnwrapping(config.getCustomPreCommandInterceptorsTxRequiresNew(), true, config, logins));
				// a task's form submission through the REST guard, checked inside the engine's command for it (ADR-0065)
				List<CommandInterceptor> inside = config.getCustomPostCommandInterceptorsTxRequired() == null
						? new ArrayList<>() : new ArrayList<>(config.getCustomPostCommandInterceptorsTxRequired());
				inside.add(new TaskFormSubmissions(variableRules));
				config.setCustomPostCommandInterceptorsTxRequired(inside);
			}
		};
	}

	/**
	 * Puts the unwrapping interceptor first (outermost), then the login cache's watch on identity changes, then the
	 * own-agency restriction of the user operation log, keeping interceptors other plugins added.
	 */
	private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> existing, boolean opensOwnContext,
			ProcessEngineConfigurationImpl config, ObjectProvider<LoginCache> logins) {
		List<CommandInterceptor> list = new ArrayList<>();
		list.add(new UserErrorUnwrapping(opensOwnContext));
		list.add(new IdentityChangeInterceptor(() -> logins.ifAvailable(LoginCache::identityChanged)));
		list.add(new OwnAgencyOperationLog(config));
		if (existing != null) {
			list.addAll(existing);
		}
		return list;
	}

	/**
	 * {@code /engine-rest} requires HTTP Basic against the Camunda identity service (401 otherwise,
	 * {@link SecurityConfiguration}); this filter then runs the call as that user, with groups and
	 * tenants, so authorization and tenant checks apply. Camunda Modeler deploys with the same login.
	 */
	@Bean
	FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(IdentityService identityService) {
		FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new EngineRestAuthenticationFilter(identityService));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setName("engine-rest-authentication");
		return registration;
	}

	/**
	 * Supervisors' retrievals through Cockpit and {@code /engine-rest} are recorded (R-REC-5). After
	 * Spring Security (order -100: the login is known, writes are refused), before the engine's REST
	 * API runs the call as the user.
	 */
	@Bean
	FilterRegistrationBean<EngineRetrievalFilter> engineRetrievals(HistoryService history, RuntimeService runtime,
			TaskService tasks, CaseRetrievals retrievals) {
		FilterRegistrationBean<EngineRetrievalFilter> registration = new FilterRegistrationBean<>(
				new EngineRetrievalFilter(history, runtime, tasks, retrievals));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setName("engine-retrievals");
		registration.setOrder(0);
		return registration;
	}

	/**
	 * The engine's REST API with its service look-ups remembered ({@link ServiceFileCache}), for API clients and the
	 * webapps alike; just around the REST servlets.
	 */
	@Bean
	FilterRegistrationBean<ServiceFileCache> engineRestServiceFiles() {
		FilterRegistrationBean<ServiceFileCache> registration = new FilterRegistrationBean<>(new ServiceFileCache());
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setName("engine-rest-service-files");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
		return registration;
	}

	/**
	 * Case variables belong to the system (ADR-0015): every write route of the engine's REST API, as
	 * API clients ({@code /engine-rest}) and the webapps ({@code /camunda/api/engine}) call it.
	 * After Spring Security (the login is known), before the engine's error messages.
	 */
	@Bean
	FilterRegistrationBean<EngineRestGuard> engineRestGuard(ProcessEngine engine) {
		FilterRegistrationBean<EngineRestGuard> registration = new FilterRegistrationBean<>(
				new EngineRestGuard(engine, variableRules));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("engine-rest-guard");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}
}

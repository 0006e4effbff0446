package cn.zhifa.platform.form;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs typed form submission and the forms' display fields in the engine and its error messages in the engine's
 * REST API.
 */
@Configuration(proxyBeanMethods = false)
class FormSubmissionConfiguration {

	@Bean
	AbstractProcessEnginePlugin typedFormSubmissionPlugin(ObjectProvider<FormDisplayFields> displayFields) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
						? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
				listeners.add(new TypedFormHandlers(displayFields.orderedStream().toList()));
				configuration.setCustomPostBPMNParseListeners(listeners);
			}
		};
	}

	@Bean
	FilterRegistrationBean<EngineErrorMessages> engineErrorMessages(FormService forms, RepositoryService repository) {
		FilterRegistrationBean<EngineErrorMessages> registration = new FilterRegistrationBean<>(
				new EngineErrorMessages(forms, repository));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("engine-error-messages");
		return registration;
	}
}

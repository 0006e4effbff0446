package cn.zhifa.models;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.calendar.CalendarRegistry;
import cn.zhifa.document.DocumentService;

/** Puts the model guard into the engine: first of the deployers, and as the expression manager (ADR-0016). */
@Configuration(proxyBeanMethods = false)
class ModelGuardConfiguration {

	@Bean
	AbstractProcessEnginePlugin modelGuardPlugin(ApplicationContext context, ObjectProvider<CalendarRegistry> calendar,
			ObjectProvider<DocumentService> documents) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl config) {
				List<Deployer> deployers = new ArrayList<>();
				deployers.add(new ModelGuardDeployer(() -> calendar.getObject().current().limits().byKey().keySet(),
						() -> documents.getObject().kindNames()));
				if (config.getCustomPreDeployers() != null) {
					deployers.addAll(config.getCustomPreDeployers());
				}
				config.setCustomPreDeployers(deployers);
				config.setExpressionManager(new GuardedExpressionManager(context));
			}
		};
	}
}

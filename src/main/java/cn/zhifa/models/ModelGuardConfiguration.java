package cn.zhifa.models;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.calendar.CalendarRegistry;
import cn.zhifa.document.DocumentService;
import cn.zhifa.platform.EngineExpressionManager;
import cn.zhifa.platform.ModelDeploymentCheck;

/**
 * Puts the model guard into the engine through the platform's extension points (ADR-0039): first of the
 * deployers, and as the expression manager (ADR-0016).
 */
@Configuration(proxyBeanMethods = false)
class ModelGuardConfiguration {

	@Bean
	ModelDeploymentCheck modelGuardDeployer(ObjectProvider<CalendarRegistry> calendar,
			ObjectProvider<DocumentService> documents) {
		return new ModelGuardDeployer(() -> calendar.getObject().current().limits().byKey().keySet(),
				() -> documents.getObject().kindNames());
	}

	@Bean
	EngineExpressionManager guardedExpressionManager(ApplicationContext context) {
		return () -> new GuardedExpressionManager(context);
	}
}

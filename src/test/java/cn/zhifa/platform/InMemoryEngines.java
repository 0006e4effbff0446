package cn.zhifa.platform;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** Engines of their own for the engine-level tests: an in-memory H2 database, no job executor, no history unless asked. */
final class InMemoryEngines {

	private InMemoryEngines() {
	}

	static StandaloneInMemProcessEngineConfiguration withoutHistory(String name) {
		return withHistory(name, ProcessEngineConfiguration.HISTORY_NONE);
	}

	static StandaloneInMemProcessEngineConfiguration withHistory(String name, String history) {
		StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
		config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		config.setProcessEngineName(name);
		config.setHistory(history);
		config.setJobExecutorActivate(false);
		return config;
	}
}

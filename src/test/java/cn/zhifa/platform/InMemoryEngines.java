package cn.zhifa.platform;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** Engines of their own for the engine-statement tests: an in-memory H2 database, no history, no job executor. */
final class InMemoryEngines {

	private InMemoryEngines() {
	}

	static StandaloneInMemProcessEngineConfiguration withoutHistory(String name) {
		StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
		config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		config.setProcessEngineName(name);
		config.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
		config.setJobExecutorActivate(false);
		return config;
	}
}

package cn.zhifa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Pages of tasks without {@code SELECT DISTINCT} over whole rows (ADR-0050): the engine's task list statement is
 * mapped to {@code db/engine/task-page.xml}, which keeps the engine's criteria and reads the page from the task
 * table, so that PostgreSQL can stop at the page instead of sorting every task a Tasklist filter matches; its count
 * statement counts without {@code DISTINCT} where no join can match a task twice (ADR-0051). Every other statement
 * is the engine's. Only on the databases Zhifa runs on (H2, PostgreSQL), whose paging the statements use.
 */
@Component
class EngineTaskPage extends AbstractProcessEnginePlugin {

	static final String MAPPER = "db/engine/task-page.xml";
	static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
	static final String STATEMENT = "cn.zhifa.platform.EngineTaskPage.selectTaskPageByQueryCriteria";
	static final String ENGINE_COUNT_STATEMENT = "selectTaskCountByQueryCriteria";
	static final String COUNT_STATEMENT = "cn.zhifa.platform.EngineTaskPage.selectTaskCountOncePerTask";

	private static final Set<String> DATABASES = Set.of(DbSqlSessionFactory.H2, DbSqlSessionFactory.POSTGRES);

	@Override
	public void postInit(ProcessEngineConfigurationImpl config) {
		if (!DATABASES.contains(config.getDatabaseType())) {
			return;
		}
		Configuration mybatis = config.getSqlSessionFactory().getConfiguration();
		try (InputStream in = new ClassPathResource(MAPPER).getInputStream()) {
			new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
		}
		catch (IOException e) {
			throw new ProcessEngineException("Cannot read " + MAPPER, e);
		}
		if (!mybatis.hasStatement(STATEMENT, false) || !mybatis.hasStatement(COUNT_STATEMENT, false)) {
			// a fragment it includes is missing: this engine's task statement is not the one it was written for
			throw new ProcessEngineException(MAPPER + " does not fit this engine's task query fragments");
		}
		DbSqlSessionFactory sessions = config.getDbSqlSessionFactory();
		Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
				: new HashMap<>(sessions.getStatementMappings());
		mappings.put(ENGINE_STATEMENT, STATEMENT);
		mappings.put(ENGINE_COUNT_STATEMENT, COUNT_STATEMENT);
		sessions.setStatementMappings(mappings);
	}
}

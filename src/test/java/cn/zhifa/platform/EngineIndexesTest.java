package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * ADR-0052: H2 reads an execution's variables through {@code ZF_IDX_VAR_EXECUTION_TASK}, whatever the columns'
 * selectivity figures say, instead of ranging over every execution-level variable ({@code TASK_ID_ IS NULL}). The plan
 * is H2's for the engine's own statement, as the engine binds it.
 */
class EngineIndexesTest {

	private static ProcessEngine engine;
	private static DataSource dataSource;
	private static String executionId;

	@BeforeAll
	static void engineWithVariables() {
		ProcessEngineConfigurationImpl config = InMemoryEngines.withoutHistory("engine-indexes");
		engine = config.buildProcessEngine();
		dataSource = config.getDataSource();
		engine.getRepositoryService().createDeployment()
			.addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("wait").startEvent().userTask("work").endEvent().done())
			.deploy();
		for (int i = 0; i < 20; i++) {
			Map<String, Object> vars = new HashMap<>();
			for (int v = 0; v < 10; v++) {
				vars.put("v" + v, "value " + i + "/" + v);
			}
			String instance = engine.getRuntimeService().startProcessInstanceByKey("wait", vars).getId();
			if (i == 7) {
				executionId = instance;
				String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
				engine.getTaskService().setVariableLocal(task, "note", "task-local");
			}
		}
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void anExecutionsVariablesAreReadThroughTheExecutionsIndexOnAnyFigures() throws SQLException {
		// without Zhifa's H2 index, equal figures (a fresh database's 50 and 50) range over TASK_ID_ IS NULL
		setSelectivity(50, 50);
		assertThat(planOfLoadingVariables()).contains("ACT_IDX_VARIABLE_TASK_ID");

		EngineIndexes.create(dataSource, "h2");

		for (int[] figures : List.of(new int[] { 50, 50 }, new int[] { 2, 2 }, new int[] { 2, 3 }, new int[] { 2, 1 },
				new int[] { 1, 50 })) {
			setSelectivity(figures[0], figures[1]);
			assertThat(planOfLoadingVariables()).as("EXECUTION_ID_ %d, TASK_ID_ %d", figures[0], figures[1])
				.contains("ZF_IDX_VAR_EXECUTION_TASK").contains("scanCount: 11");
		}
		// the engine reads the same variables as before
		assertThat(engine.getRuntimeService().getVariablesLocal(executionId)).hasSize(10).containsEntry("v3", "value 7/3");
	}

	@Test
	void onlyH2GetsTheH2Script() {
		assertThat(new ClassPathResource(EngineIndexes.scriptOf("h2")).exists()).isTrue();
		assertThat(new ClassPathResource(EngineIndexes.scriptOf("postgres")).exists()).isFalse();
		assertThat(EngineIndexes.statements(EngineIndexes.scriptOf("h2")))
			.containsExactly("CREATE INDEX IF NOT EXISTS ZF_IDX_VAR_EXECUTION_TASK ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");
	}

	private static void setSelectivity(int execution, int task) throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN EXECUTION_ID_ SELECTIVITY " + execution);
			s.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY " + task);
		}
	}

	/** H2's plan, with the rows it read, for the engine's statement loading the variables of one execution. */
	private static String planOfLoadingVariables() throws SQLException {
		ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		Map<String, Object> parameter = new HashMap<>();
		parameter.put("executionId", executionId);
		parameter.put("variableNames", null);
		String statement = config.getDbSqlSessionFactory().mapStatement("selectVariablesByExecutionId");
		BoundSql sql = config.getSqlSessionFactory().getConfiguration().getMappedStatement(statement)
			.getBoundSql(new ListQueryParameterObject(parameter, 0, Integer.MAX_VALUE));
		try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("EXPLAIN ANALYZE " + sql.getSql())) {
			p.setString(1, executionId);
			try (ResultSet rs = p.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}
}

package cn.zhifa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes Zhifa adds to the engine's tables ({@code db/engine/indexes.sql}, ADR-0024, then those of
 * the engine's database type alone, e.g. {@code db/engine/h2/indexes.sql}) once the engine has created or updated
 * its schema. Flyway cannot: it runs before the engine creates its tables.
 * Every statement is {@code CREATE INDEX IF NOT EXISTS}, so a restart, or a second node starting at the same
 * time, changes nothing; a failure is logged and start-up goes on (an index makes queries faster, never
 * different).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

	static final String SCRIPT = "db/engine/indexes.sql";

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	/** The script of one database type (the engine's name for it: {@code h2}, {@code postgres}), if there is one. */
	static String scriptOf(String databaseType) {
		return "db/engine/" + databaseType + "/indexes.sql";
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		create(config.getDataSource(), config.getDatabaseType());
	}

	static void create(DataSource dataSource, String databaseType) {
		List<String> statements = new ArrayList<>(statements(SCRIPT));
		if (new ClassPathResource(scriptOf(databaseType)).exists()) {
			statements.addAll(statements(scriptOf(databaseType)));
		}
		for (String statement : statements) {
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				if (!c.getAutoCommit()) {
					c.setAutoCommit(true);
				}
				s.execute(statement);
			}
			catch (SQLException e) {
				log.warn("Index on an engine table not created ({}): {}", statement, e.getMessage());
			}
		}
	}

	/** The statements of a script: comments dropped, split at semicolons. */
	static List<String> statements(String script) {
		String text;
		try (InputStream in = new ClassPathResource(script).getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("missing " + script, e);
		}
		StringBuilder sql = new StringBuilder();
		for (String line : text.split("\n")) {
			if (!line.strip().startsWith("--")) {
				sql.append(line).append('\n');
			}
		}
		List<String> result = new ArrayList<>();
		for (String part : sql.toString().split(";")) {
			if (!part.isBlank()) {
				result.add(part.strip());
			}
		}
		return result;
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Issue 2, bad input at start-up: one clear line naming the database URL or the model file and line. */

class StartupFailureAnalyzersTest {

	@Test
	void unreachableDatabaseNamesTheUrl() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/zhifa");
		SQLException refused = new SQLException("Connection to db.example:5432 refused", "08001", new ConnectException("refused"));
		FailureAnalysis analysis = new StartupFailureAnalyzers.DatabaseUnavailable(env)
			.analyze(new IllegalStateException("Failed to initialize pool", refused));
		assertThat(analysis.getDescription()).startsWith("Cannot connect to the database at jdbc:postgresql://db.example:5432/zhifa");
		assertThat(analysis.getAction()).contains("ZHIFA_DB_URL");
	}

	@Test
	void otherSqlErrorsAreLeftToSpringBoot() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
		assertThat(new StartupFailureAnalyzers.DatabaseUnavailable(env)
			.analyze(new IllegalStateException(new SQLException("syntax error", "42000")))).isNull();
	}

	@Test
	void brokenModelNamesFileAndLine() {
		ModelDeploymentException broken = new ModelDeploymentException("processes/x.bpmn", 12, "Timer needs configuration", null);
		FailureAnalysis analysis = new StartupFailureAnalyzers.BrokenModel().analyze(new RuntimeException(broken));
		assertThat(analysis.getDescription()).isEqualTo("Model not deployed: processes/x.bpmn line 12: Timer needs configuration");
		assertThat(analysis.getAction()).contains("processes/x.bpmn at line 12", "Nothing from this start-up was deployed");
	}
}

package cn.zhifa.platform;

import java.net.ConnectException;
import java.sql.SQLException;


import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Start-up failures reported as one clear line instead of a stack trace. */
public final class StartupFailureAnalyzers {

	private StartupFailureAnalyzers() {
	}

	/** A model that does not parse: names the file and the line; nothing was deployed. */
	public static class BrokenModel extends AbstractFailureAnalyzer<ModelDeploymentException> {

		@Override
		protected FailureAnalysis analyze(Throwable root, ModelDeploymentException e) {
			return new FailureAnalysis("Model not deployed: " + e.getMessage(),
					"Fix " + e.resource() + (e.line() > 0 ? " at line " + e.line() : "")
							+ " (open it in Camunda Modeler) and start again. Nothing from this start-up was deployed;"
							+ " the previously deployed versions are unchanged.",
					e);
		}
	}

	/** The database cannot be reached: names the JDBC URL. */
	static class DatabaseUnavailable extends AbstractFailureAnalyzer<SQLException> {

		private final Environment environment;

		DatabaseUnavailable(Environment environment) {
			this.environment = environment;
		}

		@Override
		protected FailureAnalysis analyze(Throwable root, SQLException e) {
			boolean connectionFailure = (e.getSQLState() != null && e.getSQLState().startsWith("08"))
					|| findCause(root, ConnectException.class) != null;
			if (!connectionFailure) {
				return null;
			}
			String url = environment.getProperty("spring.datasource.url");
			return new FailureAnalysis("Cannot connect to the database at " + url + ": " + e.getMessage(),
					"Start the database or set ZHIFA_DB_URL / ZHIFA_DB_USER / ZHIFA_DB_PASSWORD (profile postgres).", e);
		}
	}
}

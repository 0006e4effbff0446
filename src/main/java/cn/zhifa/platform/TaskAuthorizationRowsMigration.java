package cn.zhifa.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.camunda.bpm.engine.authorization.Resources;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V35 (ADR-0044): removes the authorization rows Camunda created per task for its assignee, owner
 * and candidates before tasks were authorized at the process-definition level. Flyway runs before the
 * engine creates its schema, so on a fresh database there is no table yet and nothing to do; on an existing
 * one this runs once for the whole cluster (Flyway's lock and history). Grants on every task ({@code *})
 * stay.
 */
@Component
class TaskAuthorizationRowsMigration implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("35");
	}

	@Override
	public String getDescription() {
		return "task authorizations at definition level";
	}

	@Override
	public Integer getChecksum() {
		return 35;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!engineTableExists(connection)) {
			return;
		}
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ? AND RESOURCE_ID_ <> '*'")) {
			delete.setInt(1, Resources.TASK.resourceType());
			delete.executeUpdate();
		}
	}

	private static boolean engineTableExists(Connection connection) throws SQLException {
		var metadata = connection.getMetaData();
		for (String name : new String[] { "ACT_RU_AUTHORIZATION", "act_ru_authorization" }) {
			try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}
}

package cn.zhifa.support;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * For data slices ({@code @DataJpaTest}) whose queries join the engine's runtime tables (e.g. the case list's
 * {@code overdue} filter reads {@code ACT_RU_TASK}): creates them from the engine's own H2 script, as the engine does
 * at start-up, without starting an engine. Once per database: the slices of one Spring context share it.
 */
public final class EngineTables {

	private static final String SCRIPT = "org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql";

	private EngineTables() {
	}

	public static void ensure(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Integer present = jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'ACT_RU_TASK'", Integer.class);
		if (present == null || present == 0) {
			new ResourceDatabasePopulator(new ClassPathResource(SCRIPT)).execute(dataSource);
		}
	}
}

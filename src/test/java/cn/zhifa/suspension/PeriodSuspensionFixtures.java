package cn.zhifa.suspension;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.platform.EngineClock;
import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.record.RecordService;

/**
 * The period-suspension plugin for engine-only tests of other features' models (ADR-0020, issue 20 §4): the real
 * {@link PeriodSuspensions} on the real {@code calendar/} folder ({@code period-suspensions.yml}, the limits and the
 * working-day calendar) and the engine's clock, its register {@code zf_period_suspension} created by its migration in the
 * test engine's own database; the case's record is what the test gives (a mock, to read the entries appended).
 */
public final class PeriodSuspensionFixtures {

	private PeriodSuspensionFixtures() {
	}

	/** The suspensions on {@code engine}'s database, with an empty register. */
	public static PeriodSuspensions suspensions(ProcessEngine engine, RecordService records) {
		DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS zf_period_suspension");
		new ResourceDatabasePopulator(new FileSystemResource(
				Path.of("src/main/resources/db/migration/V21__period_suspensions.sql"))).execute(dataSource);
		return new PeriodSuspensions(new SuspensionRules("calendar", CalendarFixtures.registry()), jdbc, records,
				CalendarFixtures.deadlines(), engine.getManagementService(), new EngineClock());
	}

	/** The register emptied (between tests). */
	public static void emptyRegister(ProcessEngine engine) {
		new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource())
			.update("DELETE FROM zf_period_suspension");
	}

	/** The plugin over {@code suspensions}: every activity's start and end, and the process's end, told to them. */
	public static ModelParseExtension plugin(PeriodSuspensions suspensions) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("periodSuspensions", suspensions);
		return new PeriodSuspensionPlugin(beans.getBeanProvider(PeriodSuspensions.class));
	}
}

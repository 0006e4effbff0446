package cn.zhifa.statistics;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.statistics.AnnualStatisticsService.Report;
import cn.zhifa.support.GroupMembers;
import cn.zhifa.support.MovableClock;

/**
 * Data slice of the annual statistics report (行政执法统计年报, R-DISC-7) as {@link AnnualStatisticsService} keeps it, on H2
 * with the Flyway migrations and the real calendar, the engine's services stand-ins: the period and the two deadlines
 * (15 and 31 January moved to a working day), the figures and their summary, the two sign-offs with their returns and
 * who may sign, submission and publication on time or late, the portal's list only once published, one report per
 * agency and year (was {@code AnnualStatisticsProcessTests}). The model's paths: {@code AnnualStatisticsPathsTest} and
 * {@code AnnualStatisticsSchedulePathsTest}; the REST path with tenants, 403/400, portal and workbook:
 * {@code AnnualStatisticsIT}.
 */
@DataJpaTest(showSql = false)
class AnnualStatisticsServiceTest {

	@Autowired
	DataSource dataSource;

	final MovableClock clock = new MovableClock("2026-01-05T09:00:00+08:00");
	final AgencyRepository agencies = mock(AgencyRepository.class);
	final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
	/** group → its members */
	final Map<String, Set<String>> members = Map.of("LIAOKUO-office", Set.of("office1", "both1"), "LIAOKUO-reviewer",
			Set.of("reviewer1", "both1"));
	final IdentityService identity = GroupMembers.identity(members);
	AnnualStatisticsService service;

	@BeforeEach
	void service() {
		AnnualFigures figures = mock(AnnualFigures.class);
		Map<String, Number> f = new HashMap<>();
		f.put("penalty.decisions", 12);
		f.put("penalty.fine", 10);
		f.put("penalty.fineAmount", 25000.0);
		f.put("inspection.items", 40);
		f.put("inspection.violations", 3);
		when(figures.compute(anyString(), anyInt())).thenReturn(f);
		Agency liaokuo = new Agency("LIAOKUO", "寥廓街道综合行政执法队", "寥街", "综合执法", "某区", "某路1号", "某人", "依据");
		when(agencies.findById("LIAOKUO")).thenReturn(Optional.of(liaokuo));
		when(agencies.findAll()).thenReturn(List.of(liaokuo));
		service = new AnnualStatisticsService(dataSource, figures, agencies, runtime, mock(RepositoryService.class), identity,
				CalendarFixtures.deadlines(), clock);
	}

	static Step as(String user) {
		return new Step("pi-stat", AnnualStatisticsService.businessKey("LIAOKUO", 2025), "LIAOKUO", "activity", null, null,
				user, Set.of(), Set.of("LIAOKUO"));
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	static final Set<String> OFFICE = Set.of("LIAOKUO-office");
	static final Set<String> JUSTICE = Set.of("LIAOKUO-reviewer");

	Report report(int year) {
		return service.find("LIAOKUO", year).orElseThrow();
	}


	/** Opened and computed, both sign after a return each, submitted by 15 January, published by 2 February. */
	@Test
	void signedOffByBothAfterReturnsThenSubmittedAndPublishedInTime() {
		AnnualStatisticsService.Opened opened = service.open(as(null), 2025);
		// 15 January 2026 is a Thursday; 31 January 2026 a Saturday: publication is due Monday 2 February
		assertThat(opened.submitDue().at()).isEqualTo(moment("2026-01-15T23:59:59+08:00"));
		assertThat(opened.publishDue().at()).isEqualTo(moment("2026-02-02T23:59:59+08:00"));
		assertThat(opened.period()).isEqualTo("2025年1月1日至2025年12月31日");
		assertThat(opened.agencyName()).isEqualTo("寥廓街道综合行政执法队");
		assertThat(service.compute(as(null), 2025, opened.submitDue().at(), opened.publishDue().at(), null, null))
			.contains("行政处罚决定 12 件", "25000 元", "行政检查 40 次（发现违法 3 次）");
		assertThat(report(2025).status()).isEqualTo(AnnualStatisticsService.COMPUTED);

		assertRefused(() -> service.checkSignOff(as("office1"), OFFICE, "MAYBE", null, null, 2025), "annualStatisticsOutcome");
		assertRefused(() -> service.checkSignOff(as("office1"), OFFICE, "RETURN", null, null, 2025), "annualStatisticsOpinion",
				"退回重新统计须写明");
		assertThatThrownBy(() -> service.checkSignOff(as("officer1"), OFFICE, "APPROVE", null, null, 2025))
			.isInstanceOf(AuthorizationException.class);

		// 党政办 sends it back: computed again
		assertThat(service.checkSignOff(as("office1"), OFFICE, "RETURN", "一件案件决定日期录入错误，已更正。", null, 2025)).isNull();
		service.compute(as(null), 2025, opened.submitDue().at(), opened.publishDue().at(), "RETURN", "一件案件决定日期录入错误，已更正。");
		assertThat(report(2025).returns()).isEqualTo(1);
		assertThat(service.checkSignOff(as("office1"), OFFICE, "APPROVE", null, null, 2025).user()).isEqualTo("office1");
		assertThat(report(2025).officeSignedBy()).isEqualTo("office1");
		assertThatThrownBy(() -> service.checkSignOff(as("office1"), JUSTICE, "APPROVE", null, "office1", 2025))
			.isInstanceOf(AuthorizationException.class);

		// 司法所 sends it back: computed again, both sign again
		service.checkSignOff(as("reviewer1"), JUSTICE, "RETURN", "移送数据与台账不一致，请核对。", "office1", 2025);
		service.compute(as(null), 2025, opened.submitDue().at(), opened.publishDue().at(), "RETURN", "移送数据与台账不一致，请核对。");
		assertThat(report(2025).returns()).isEqualTo(2);
		assertThat(report(2025).officeSignedBy()).isNull();
		service.checkSignOff(as("office1"), OFFICE, "APPROVE", null, null, 2025);
		clock.at("2026-01-14T16:00:00+08:00");
		service.checkSignOff(as("reviewer1"), JUSTICE, "APPROVE", null, "office1", 2025);
		service.submit(as(null), 2025, opened.submitDue().at().toInstant());
		Report submitted = report(2025);
		assertThat(submitted.status()).isEqualTo(AnnualStatisticsService.SUBMITTED);
		assertThat(submitted.submittedOnTime()).isTrue();
		assertThat(submitted.officeSignedBy()).isEqualTo("office1");
		assertThat(submitted.justiceSignedBy()).isEqualTo("reviewer1");
		// not on the portal before publication
		assertThat(service.published(2025)).extracting(Report::agencyCode).doesNotContain("LIAOKUO");

		assertRefused(() -> service.confirmPublication(as("office1"), false), "annualStatisticsPublishConfirmed");
		clock.at("2026-01-20T10:00:00+08:00");
		service.publish(as("office1"), 2025, opened.publishDue().at().toInstant(),
				service.confirmPublication(as("office1"), true));
		Report published = report(2025);
		assertThat(published.status()).isEqualTo(AnnualStatisticsService.PUBLISHED);
		assertThat(published.publishedOnTime()).isTrue();
		assertThat(published.publishedAt()).isEqualTo(Instant.parse("2026-01-20T02:00:00Z"));
		assertThat(service.published(2025)).extracting(Report::agencyCode).contains("LIAOKUO");
	}

	/** The same person does not sign for both offices (R-DISC-6). */
	@Test
	void theTwoSignersDiffer() {
		AnnualStatisticsService.Opened opened = service.open(as(null), 2025);
		service.compute(as(null), 2025, opened.submitDue().at(), opened.publishDue().at(), null, null);
		service.checkSignOff(as("both1"), OFFICE, "APPROVE", null, null, 2025);
		assertThatThrownBy(() -> service.checkSignOff(as("both1"), JUSTICE, "APPROVE", null, "both1", 2025))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("分别签署");
	}

	/** 31 January 2025 falls in the Spring Festival holiday (28 January – 4 February): due Wednesday 5 February. */
	@Test
	void aLateSubmissionAndPublicationAreRecordedLate() {
		clock.at("2025-01-06T09:00:00+08:00");
		Step system = new Step("pi-stat-2024", null, "LIAOKUO", "activity", null, null, null, Set.of(), Set.of());
		AnnualStatisticsService.Opened opened = service.open(system, 2024);
		assertThat(opened.submitDue().at()).isEqualTo(moment("2025-01-15T23:59:59+08:00"));
		assertThat(opened.publishDue().at()).isEqualTo(moment("2025-02-05T23:59:59+08:00"));
		service.compute(system, 2024, opened.submitDue().at(), opened.publishDue().at(), null, null);

		clock.at("2025-01-16T08:00:00+08:00");
		service.submit(system, 2024, opened.submitDue().at().toInstant());
		assertThat(report(2024).submittedOnTime()).isFalse();
		clock.at("2025-02-06T08:00:00+08:00");
		service.publish(system, 2024, opened.publishDue().at().toInstant(), null);
		assertThat(report(2024).publishedOnTime()).isFalse();
	}

	/** The January run reports the year before; an agency whose report exists or is starting gets none again. */
	@Test
	void oneReportPerAgencyAndYearAndNobodyStartsOneWithoutItsYear() {
		assertThat(AnnualStatisticsService.reportedYear(Instant.parse("2026-12-31T17:01:00Z"))).isEqualTo(2026);
		AnnualStatisticsService.Opened opened = service.open(as(null), 2025);
		service.compute(as(null), 2025, opened.submitDue().at(), opened.publishDue().at(), null, null);
		assertThat(service.startAll(2025)).isEmpty();
		when(runtime.createProcessInstanceQuery().processDefinitionKey(anyString()).processInstanceBusinessKey(anyString())
			.count()).thenReturn(1L);
		assertThat(service.startAll(2024)).isEmpty();
		verify(runtime, never()).startProcessInstanceById(anyString(), anyString(), org.mockito.ArgumentMatchers.anyMap());
		// a start by hand has no year: refused
		assertThatThrownBy(() -> service.open(as("office1"), null)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("statisticsYear");
	}
}

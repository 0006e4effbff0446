package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.support.EngineTables;

/**
 * Data slice of the case list's queries ({@link CaseRepository}) on H2 with the application's Flyway migrations and
 * the engine's runtime tables (a few seconds, no engine): agency scope — another agency's cases never come back —,
 * the stage filter, paging and totals, newest first; and {@code overdue} filtered in the query before paging
 * (issue 20: the filter used to drop cases from the fetched page and keep the unfiltered total), meaning an open
 * task of a process instance whose business key is the case number, due before now. The rows stand for what the
 * engine writes (a case's process, a called process with the same business key); moved here from CaseRestIT, which
 * registered cases through the engine for it.
 */
@DataJpaTest(showSql = false)
class CaseRepositoryTest {

	private static final Date NOW = Date.from(Instant.parse("2026-11-25T02:00:00Z"));
	private static final Instant PAST = Instant.parse("2026-11-24T02:00:00Z");
	private static final Instant FUTURE = Instant.parse("2026-11-26T02:00:00Z");
	private static final List<String> LIAOKUO = List.of("LIAOKUO");

	@Autowired
	CaseRepository cases;
	@Autowired
	EntityManager entities;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;

	/** LIAOKUO's cases, newest first, and which of them are overdue. */
	private final List<String> all = new ArrayList<>();
	private final List<String> overdue = new ArrayList<>();
	private final List<String> onTime = new ArrayList<>();
	private String foreignOverdue;

	@BeforeEach
	void casesOfTwoAgencies() {
		EngineTables.ensure(dataSource);
		for (String agency : List.of("LIAOKUO", "XIANGYANG")) {
			jdbc.update("INSERT INTO zf_agency (code, name, short_name, category, area, address, legal_representative, legal_basis)"
					+ " VALUES (?, ?, ?, '综合行政执法', '麒麟区', '人民路1号', '张某', '依法设立')", agency, agency + "街道", agency);
		}
		IntFunction<Instant> registered = i -> Instant.parse("2026-11-01T02:00:00Z").plusSeconds(3600L * i);
		// i = 0 oldest … 8 newest; stage FILED for i = 2, 5, 6
		String[] kind = { "overdue", "onTime", "overdue", "noDueDate", "noProcess", "overdueInCalledProcess", "onTime",
				"dueNow", "overdueTwice" };
		for (int i = 0; i < kind.length; i++) {
			String caseNo = "寥街罚〔2026〕" + (100 + i) + "号";
			EnforcementCase c = aCase(caseNo, "LIAOKUO", registered.apply(i));
			if (i == 2 || i == 5 || i == 6) {
				c.moveTo("FILED", registered.apply(i));
			}
			String pid = kind[i].equals("noProcess") ? null : "pi-" + UUID.randomUUID();
			if (pid != null) {
				c.startedAs(pid);
				execution(pid, caseNo);
			}
			cases.save(c);
			switch (kind[i]) {
				case "overdue" -> task(pid, PAST);
				case "onTime" -> {
					task(pid, FUTURE);
					task(pid, null);
				}
				case "noDueDate" -> task(pid, null);
				case "overdueInCalledProcess" -> {
					task(pid, FUTURE);
					String called = "pi-" + UUID.randomUUID();
					execution(called, caseNo);
					task(called, PAST);
				}
				case "dueNow" -> task(pid, NOW.toInstant());
				case "overdueTwice" -> {
					task(pid, PAST);
					task(pid, PAST.minusSeconds(60));
				}
				default -> {
				}
			}
			all.add(0, caseNo);
			(kind[i].startsWith("overdue") ? overdue : onTime).add(0, caseNo);
		}
		// another agency's overdue case, registered last
		foreignOverdue = "象街罚〔2026〕1号";
		EnforcementCase foreign = aCase(foreignOverdue, "XIANGYANG", registered.apply(20));
		String pid = "pi-" + UUID.randomUUID();
		foreign.startedAs(pid);
		execution(pid, foreignOverdue);
		cases.save(foreign);
		task(pid, PAST);
		entities.flush();
	}

	@Test
	void theListIsTheAgencysCasesNewestFirstPagedWithTheTotal() {
		// as EnforcementCaseService.list asks without the overdue filter
		Sort newestFirst = Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("caseNo"));
		Page<EnforcementCase> first = cases.findByAgencyCodeIn(LIAOKUO, PageRequest.of(0, 4, newestFirst));
		assertThat(first.getTotalElements()).isEqualTo(all.size());
		assertThat(first.getContent()).extracting(EnforcementCase::getCaseNo).containsExactlyElementsOf(all.subList(0, 4));
		assertThat(allPages(p -> cases.findByAgencyCodeIn(LIAOKUO, PageRequest.of(p, 4, newestFirst)))).isEqualTo(all);

		Page<EnforcementCase> filed = cases.findByAgencyCodeInAndStage(LIAOKUO, "FILED", PageRequest.of(0, 2, newestFirst));
		assertThat(filed.getTotalElements()).isEqualTo(3);
		assertThat(filed.getContent()).extracting(EnforcementCase::getCaseNo)
			.containsExactly("寥街罚〔2026〕106号", "寥街罚〔2026〕105号");

		// both agencies, for an administrator: the other agency's case comes first (newest)
		Page<EnforcementCase> both = cases.findByAgencyCodeIn(List.of("LIAOKUO", "XIANGYANG"), PageRequest.of(0, 1, newestFirst));
		assertThat(both.getTotalElements()).isEqualTo(all.size() + 1);
		assertThat(both.getContent()).extracting(EnforcementCase::getCaseNo).containsExactly(foreignOverdue);
	}

	@Test
	void overdueFiltersInTheQueryBeforePagingAndTheTotalCountsTheFilteredCases() {
		Page<EnforcementCase> first = overdue(LIAOKUO, null, true, 0, 2);
		assertThat(first.getTotalElements()).isEqualTo(overdue.size());
		assertThat(first.getContent()).hasSize(2);
		// every overdue case once (two overdue tasks make one case), newest first like the unfiltered list
		assertThat(allPages(p -> overdue(LIAOKUO, null, true, p, 2))).doesNotHaveDuplicates().isEqualTo(overdue);

		Page<EnforcementCase> notOverdue = overdue(LIAOKUO, null, false, 0, 2);
		assertThat(notOverdue.getTotalElements()).isEqualTo(all.size() - overdue.size());
		assertThat(notOverdue.getContent()).hasSize(2);
		// on time: tasks due later or without a due date, a task due exactly now, a case without a process
		assertThat(allPages(p -> overdue(LIAOKUO, null, false, p, 2))).isEqualTo(onTime);
	}

	@Test
	void overdueWithAStageFiltersWithinTheStage() {
		Page<EnforcementCase> filed = overdue(LIAOKUO, "FILED", true, 0, 2);
		assertThat(filed.getTotalElements()).isEqualTo(2);
		assertThat(filed.getContent()).extracting(EnforcementCase::getCaseNo)
			.containsExactly("寥街罚〔2026〕105号", "寥街罚〔2026〕102号");
		assertThat(filed.getContent()).allSatisfy(c -> {
			assertThat(c.getStage()).isEqualTo("FILED");
			assertThat(c.getAgencyCode()).isEqualTo("LIAOKUO");
		});
		assertThat(overdue(LIAOKUO, "FILED", false, 0, 10).getContent()).extracting(EnforcementCase::getCaseNo)
			.containsExactly("寥街罚〔2026〕106号");
		assertThat(overdue(LIAOKUO, "CLOSED", true, 0, 10).getTotalElements()).isZero();
	}

	@Test
	void anotherAgencysCasesNeverComeBack() {
		for (boolean isOverdue : List.of(true, false)) {
			assertThat(allPages(p -> overdue(LIAOKUO, null, isOverdue, p, 3))).doesNotContain(foreignOverdue)
				.allSatisfy(caseNo -> assertThat(caseNo).startsWith("寥街罚"));
		}
		assertThat(overdue(List.of("XIANGYANG"), null, true, 0, 10).getContent()).extracting(EnforcementCase::getCaseNo)
			.containsExactly(foreignOverdue);
		assertThat(overdue(List.of("XIANGYANG"), null, false, 0, 10).getTotalElements()).isZero();
		assertThat(overdue(List.of("NOBODY"), null, true, 0, 10).getTotalElements()).isZero();
		assertThat(cases.findByAgencyCodeIn(List.of("XIANGYANG"), PageRequest.of(0, 50)).getContent())
			.extracting(EnforcementCase::getCaseNo).containsExactly(foreignOverdue);
	}

	/** As EnforcementCaseService.list asks with the overdue filter. */
	private Page<EnforcementCase> overdue(Collection<String> agencies, String stage, boolean isOverdue, int page, int size) {
		return cases.findByOverdue(agencies, stage == null, stage == null ? "" : stage, isOverdue, NOW,
				PageRequest.of(page, size));
	}

	private static List<String> allPages(IntFunction<Page<EnforcementCase>> pages) {
		List<String> caseNos = new ArrayList<>();
		for (int p = 0;; p++) {
			Page<EnforcementCase> page = pages.apply(p);
			if (page.getContent().isEmpty()) {
				assertThat(caseNos).hasSize((int) page.getTotalElements());
				return caseNos;
			}
			page.getContent().forEach(c -> caseNos.add(c.getCaseNo()));
		}
	}

	/** A process instance's root execution, as the engine writes it: its business key is the case number. */
	private void execution(String processInstanceId, String businessKey) {
		jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, IS_ACTIVE_,"
				+ " IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, TENANT_ID_)"
				+ " VALUES (?, 1, ?, ?, ?, TRUE, FALSE, TRUE, FALSE, 1, 'LIAOKUO')", processInstanceId, processInstanceId,
				processInstanceId, businessKey);
	}

	private void task(String processInstanceId, Instant due) {
		jdbc.update("INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, NAME_, TASK_DEF_KEY_, CREATE_TIME_,"
				+ " DUE_DATE_, SUSPENSION_STATE_) VALUES (?, 1, ?, ?, '办理', 'userTask_x', ?, ?, 1)", UUID.randomUUID().toString(),
				processInstanceId, processInstanceId, Timestamp.from(PAST.minusSeconds(86400)),
				due == null ? null : Timestamp.from(due));
	}

	private static EnforcementCase aCase(String caseNo, String agency, Instant registeredAt) {
		NewCase c = new NewCase(agency, "PATROL", false, "PERSON", "张三", "530302199001011232", null, false,
				"CM-OCCUPY-ROAD", "在人民路占道经营", LocalDate.parse("2026-10-20"), null, null, null,
				LocalDate.parse("2026-10-19"), false, "曲靖市麒麟区人民路12号");
		return new EnforcementCase(caseNo, c, "officer1", registeredAt);
	}
}

package cn.zhifa.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data slice of the officer register: an agency's staff come with their certificates in one statement, whatever
 * their number — the qualification checks and the option lists of certified officers read them at every case
 * (docs/performance.md, 2026-12-05, fifth session: one statement per officer before).
 */
@DataJpaTest(showSql = false)
class OfficerRepositoryTest {

	@Autowired
	OfficerRepository officers;
	@Autowired
	EntityManager entities;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAgencysStaffComeWithTheirCertificatesInOneStatement() {
		jdbc.update("INSERT INTO zf_agency (code, name, short_name, category, area, address, legal_representative, legal_basis)"
				+ " VALUES ('REPO-TEST', '某街道办事处', '某街道', '乡镇街道', '某区', '某路1号', '张三', '《行政处罚法》第二十四条')");
		for (int i = 1; i <= 5; i++) {
			Officer officer = new Officer("repo-officer" + i, "REPO-TEST", "执法人员" + i, StaffRole.OFFICER, "综合执法队");
			officer.addCertificate("REPO-" + i + "-A", "某区人民政府", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
			officer.addCertificate("REPO-" + i + "-B", "某区人民政府", LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31));
			officers.save(officer);
		}
		officers.save(new Officer("repo-auxiliary", "REPO-TEST", "辅助人员", StaffRole.AUXILIARY, "综合执法队"));
		entities.flush();
		entities.clear();

		Statistics statistics = entities.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		statistics.setStatisticsEnabled(true);
		List<Officer> staff;
		try {
			staff = officers.findByAgencyCode("REPO-TEST");
			assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(1);
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
		// each person once, with all their certificates (none for the auxiliary)
		assertThat(staff).extracting(Officer::getUserId).containsExactlyInAnyOrder("repo-officer1", "repo-officer2",
				"repo-officer3", "repo-officer4", "repo-officer5", "repo-auxiliary");
		assertThat(staff).filteredOn(o -> o.getRole() == StaffRole.OFFICER)
			.allSatisfy(o -> assertThat(o.getCertificates()).hasSize(2));
		assertThat(staff).filteredOn(o -> o.getRole() == StaffRole.AUXILIARY)
			.allSatisfy(o -> assertThat(o.getCertificates()).isEmpty());
		assertThat(staff.get(0).mayEnforceOn(LocalDate.of(2026, 12, 5))).isEqualTo(staff.get(0).getRole() == StaffRole.OFFICER);
	}
}

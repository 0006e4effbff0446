package cn.zhifa.organisation;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhifa.platform.Roles;

/**
 * At start-up: role groups, authorizations and filters always; one tenant per agency in the
 * database; and, in the demo profile only, the demo organisation (password {@code demo}).
 * Idempotent, so every restart and every node may run it.
 */
@Component
class OrganisationSetup {

	private static final Logger log = LoggerFactory.getLogger(OrganisationSetup.class);
	static final String DEMO_PASSWORD = "demo";

	private final CamundaIdentitySetup identity;
	private final AgencyRepository agencies;
	private final OfficerRepository officers;
	private final TransactionTemplate tx;
	private final boolean demo;
	private final String adminId;
	private final String adminName;

	OrganisationSetup(CamundaIdentitySetup identity, AgencyRepository agencies, OfficerRepository officers,
			TransactionTemplate tx, @Value("${zhifa.demo.enabled:false}") boolean demo,
			@Value("${camunda.bpm.admin-user.id:}") String adminId,
			@Value("${camunda.bpm.admin-user.first-name:}") String adminName) {
		this.identity = identity;
		this.agencies = agencies;
		this.officers = officers;
		this.tx = tx;
		this.demo = demo;
		this.adminId = adminId;
		this.adminName = adminName;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		tx.executeWithoutResult(s -> {
			identity.ensureRolesAndFilters();
			// Camunda's starter creates the administrator with a last name of its own ("Admin")
			identity.ensureDisplayName(adminId, adminName);
			if (demo) {
				createDemoOrganisation();
			}
			agencies.findAll().forEach(identity::ensureAgency);
		});
	}

	private void createDemoOrganisation() {
		Agency liaokuo = agency(new Agency("LIAOKUO", "寥廓街道综合行政执法队", "寥街", "综合行政执法", "云南省曲靖市麒麟区寥廓街道",
				"麒麟区寥廓街道南宁西路1号", "张伟",
				"《中华人民共和国行政处罚法》《中华人民共和国行政强制法》《城市市容和环境卫生管理条例》及赋权街道的行政执法事项清单")
			.withRemedies("曲靖市麒麟区人民政府", "曲靖市麒麟区人民法院"));
		Agency qlscj = agency(new Agency("QLSCJ", "某区市场监督管理局", "区市监", "市场监督管理", "某区", "某区建设路88号", "吴刚",
				"《中华人民共和国行政处罚法》《中华人民共和国食品安全法》《无证无照经营查处办法》")
			.withRemedies("某区人民政府", "某区人民法院"));
		identity.ensureAgency(liaokuo);
		identity.ensureAgency(qlscj);

		LocalDate from = LocalDate.of(2024, 1, 1);
		LocalDate to = LocalDate.of(2029, 12, 31);
		String yn = "云南省人民政府";
		person("officer1", "LIAOKUO", "李", "明", StaffRole.OFFICER, "执法一中队", "53030020240001", yn, from, to);
		person("officer2", "LIAOKUO", "王", "芳", StaffRole.OFFICER, "执法一中队", "53030020240002", yn, from, to);
		// certificate expired: may not enforce (R-QUAL-2)
		person("officer3", "LIAOKUO", "赵", "强", StaffRole.OFFICER, "执法二中队", "53030020200003", yn,
				LocalDate.of(2020, 7, 1), LocalDate.of(2025, 6, 30));
		// a third certified officer: takes over when an officer of a case is recused (行政处罚法 art. 43)
		person("officer5", "LIAOKUO", "周", "杰", StaffRole.OFFICER, "执法二中队", "53030020240007", yn, from, to);
		person("aux1", "LIAOKUO", "陈", "亮", StaffRole.AUXILIARY, "执法一中队", null, null, null, null);
		person("reviewer1", "LIAOKUO", "刘", "洋", StaffRole.LEGAL_REVIEWER, "寥廓街道司法所", "53030020240005", yn, from, to);
		person("head1", "LIAOKUO", "张", "伟", StaffRole.HEAD, "队领导", "53030020240006", yn, from, to);
		person("office1", "LIAOKUO", "杨", "静", StaffRole.GENERAL_OFFICE, "党政办", null, null, null, null);
		person("officer4", "QLSCJ", "孙", "磊", StaffRole.OFFICER, "稽查科", "53030020240011", yn, from, to);
		person("reviewer2", "QLSCJ", "周", "敏", StaffRole.LEGAL_REVIEWER, "法规科", "53030020240012", yn, from, to);
		person("head2", "QLSCJ", "吴", "刚", StaffRole.HEAD, "局领导", "53030020240013", yn, from, to);
		person("supervisor1", null, "郑", "洁", StaffRole.SUPERVISOR, "区司法局行政执法监督科", null, null, null, null);
		// R-REV-9: reviewer1 holds the legal professional qualification; reviewer2 has reviewed since before 2021
		reviewerQualification("reviewer1", "A20195303021234", LocalDate.of(2022, 3, 1));
		reviewerQualification("reviewer2", null, LocalDate.of(2019, 5, 6));
		for (String legalOffice : List.of("reviewer1", "reviewer2")) {
			identity.ensureMembership(legalOffice, Roles.LEGAL_OFFICE);
		}
		// issue 14 §6: the justice bureau's legal office approves changes of the county-wide models
		identity.ensureBureauStaff("bureau1", "钱进", DEMO_PASSWORD, Roles.JUSTICE_BUREAU);
		log.info("Demo organisation ready: agencies LIAOKUO, QLSCJ; users officer1…supervisor1, password '{}'", DEMO_PASSWORD);
	}

	private void reviewerQualification(String userId, String qualificationNo, LocalDate reviewingSince) {
		officers.findById(userId).filter(o -> o.getLegalQualificationNo() == null && o.getReviewingSince() == null)
			.ifPresent(o -> {
				o.recordLegalReviewQualification(qualificationNo, reviewingSince);
				officers.save(o);
			});
	}

	/** The demo agency, created once; where to challenge its decisions added to one created before that was kept. */
	private Agency agency(Agency agency) {
		Agency existing = agencies.findById(agency.getCode()).orElseGet(() -> agencies.save(agency));
		if (existing.getReconsiderationBody() == null || existing.getLitigationCourt() == null) {
			existing.withRemedies(agency.getReconsiderationBody(), agency.getLitigationCourt());
		}
		return existing;
	}

	private void person(String userId, String agencyCode, String surname, String givenName, StaffRole role, String unit,
			String certificateNo, String issuer, LocalDate validFrom, LocalDate validTo) {
		Officer officer = officers.findById(userId).orElseGet(() -> {
			Officer o = new Officer(userId, agencyCode, surname + givenName, role, unit);
			if (certificateNo != null) {
				o.addCertificate(certificateNo, issuer, validFrom, validTo);
			}
			return officers.save(o);
		});
		identity.ensureUser(officer, DEMO_PASSWORD);
	}
}

package cn.zhifa.support;

import org.springframework.context.ApplicationContext;

import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.CamundaIdentitySetup;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;

/**
 * A third agency for the tests that need one beside the demo organisation's two (e.g. a dispute between LIAOKUO and
 * QLSCJ that a third agency must not see, or a LIAOKUO dispute that QLSCJ must not see): {@value #CODE} with the officer
 * {@value #OFFICER} (password {@code demo}) and the head {@value #HEAD}. Created once, idempotently, in the shared
 * test database.
 */
public final class ThirdAgency {

	public static final String CODE = "DISPUTEX";
	public static final String NAME = "某区自然资源局";
	public static final String OFFICER = "officerx";
	public static final String HEAD = "headx";

	private ThirdAgency() {
	}

	public static void ensure(ApplicationContext context) {
		AgencyRepository agencies = context.getBean(AgencyRepository.class);
		OfficerRepository officers = context.getBean(OfficerRepository.class);
		CamundaIdentitySetup identity = context.getBean(CamundaIdentitySetup.class);
		Agency third = agencies.findById(CODE).orElseGet(() -> agencies.save(new Agency(CODE, NAME, "区资规", "自然资源", "某区",
				"某区人民路1号", "王平", "《中华人民共和国土地管理法》")));
		identity.ensureAgency(third);
		for (String[] person : new String[][] { { OFFICER, "钱七", "OFFICER" }, { HEAD, "冯八", "HEAD" } }) {
			Officer officer = officers.findById(person[0]).orElseGet(() -> officers
				.save(new Officer(person[0], CODE, person[1], StaffRole.valueOf(person[2]), "执法大队")));
			identity.ensureUser(officer, "demo");
		}
	}
}

package cn.zhifa.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;

/** R-QUAL-2/3: who may enforce for which agency on which day, and the reason given otherwise. */
class QualificationServiceTest {

	static final LocalDate FROM = LocalDate.of(2020, 7, 1);
	static final LocalDate TO = LocalDate.of(2025, 6, 30);

	OfficerRepository officers = mock(OfficerRepository.class);
	QualificationService service = new QualificationService(officers, Clock.systemUTC());

	@BeforeEach
	void organisation() {
		person("li", "LIAOKUO", StaffRole.OFFICER, true);
		person("aux", "LIAOKUO", StaffRole.AUXILIARY, false);
		person("office", "LIAOKUO", StaffRole.GENERAL_OFFICE, false);
		person("head", "LIAOKUO", StaffRole.HEAD, true);
		person("sun", "QLSCJ", StaffRole.OFFICER, true);
		when(officers.findById("stranger")).thenReturn(Optional.empty());
	}

	private void person(String id, String agency, StaffRole role, boolean certified) {
		Officer o = new Officer(id, agency, "姓名" + id, role, "一中队");
		if (certified) {
			o.addCertificate("5303" + id, "云南省人民政府", FROM, TO);
		}
		when(officers.findById(id)).thenReturn(Optional.of(o));
	}

	@Test
	void certifiedOfficerOfTheAgencyIsQualifiedOnEveryDayOfValidityInclusive() {
		assertThat(service.isQualified("li", "LIAOKUO", FROM)).isTrue();
		assertThat(service.isQualified("li", "LIAOKUO", TO)).isTrue();
		assertThat(service.isQualified("head", "LIAOKUO", TO)).isTrue();
	}

	@Test
	void expiredCertificateIsRefusedWithTheExpiryDate() {
		assertThat(service.isQualified("li", "LIAOKUO", TO.plusDays(1))).isFalse();
		assertThatThrownBy(() -> service.requireQualified("li", "LIAOKUO", TO.plusDays(1)))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("证件过期").hasMessageContaining("2025-06-30")
			.extracting(e -> ((NotQualifiedException) e).getRefusal()).isEqualTo(Refusal.CERTIFICATE_INVALID);
	}

	@Test
	void certificateNotYetValidIsRefused() {
		assertThat(service.refusal("li", "LIAOKUO", FROM.minusDays(1))).get()
			.extracting(NotQualifiedException::getMessage).asString().contains("尚未生效");
	}

	@Test
	void auxiliaryStaffIsRefusedEvenThoughRegisteredWithTheAgency() {
		assertThat(service.refusal("aux", "LIAOKUO", FROM)).get()
			.satisfies(e -> assertThat(e.getRefusal()).isEqualTo(Refusal.AUXILIARY))
			.extracting(NotQualifiedException::getMessage).asString().contains("辅助人员不得实施");
	}

	@Test
	void staffWithoutCertificateIsRefused() {
		assertThat(service.refusal("office", "LIAOKUO", FROM)).get()
			.extracting(NotQualifiedException::getMessage).asString().contains("未持有执法证");
	}

	@Test
	void officerOfAnotherAgencyOrUnknownPersonIsRefused() {
		assertThat(service.refusal("sun", "LIAOKUO", FROM)).get()
			.satisfies(e -> assertThat(e.getRefusal()).isEqualTo(Refusal.NOT_AGENCY_OFFICER))
			.extracting(NotQualifiedException::getMessage).asString().contains("非本机构执法人员");
		assertThat(service.refusal("stranger", "LIAOKUO", FROM)).get()
			.extracting(NotQualifiedException::getRefusal).isEqualTo(Refusal.NOT_AGENCY_OFFICER);
	}

	@Test
	void noActorOrNoAgencyIsRefused() {
		assertThat(service.refusal(null, "LIAOKUO", FROM)).get().extracting(NotQualifiedException::getRefusal)
			.isEqualTo(Refusal.NO_ACTOR);
		assertThat(service.refusal("li", null, FROM)).get().extracting(NotQualifiedException::getRefusal)
			.isEqualTo(Refusal.NO_AGENCY);
	}
}

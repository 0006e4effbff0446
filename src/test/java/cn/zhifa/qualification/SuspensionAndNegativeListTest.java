package cn.zhifa.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.zhifa.organisation.AuxiliaryNegativeList;
import cn.zhifa.organisation.AuxiliaryNegativeListAccess;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;

/**
 * R-QUAL-2: an officer whose annual review failed is suspended — refused with the reason, and no longer offered as a
 * certified officer or hearing chair — until a later review passes. R-QUAL-3: auxiliary staff are refused an act of
 * the negative list (officers/auxiliary-negative-list.yml) with the list's entry, and every act a model marks is listed.
 */
class SuspensionAndNegativeListTest {

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	OfficerRepository officers = mock(OfficerRepository.class);
	AuxiliaryNegativeList list = AuxiliaryNegativeListAccess.load("officers/auxiliary-negative-list.yml");
	QualificationService service = new QualificationService(officers, list, Clock.systemUTC());

	private Officer person(String id, StaffRole role, boolean certified) {
		Officer o = new Officer(id, "LIAOKUO", "姓名" + id, role, "一中队");
		if (certified) {
			o.addCertificate("5303" + id, "云南省人民政府", LocalDate.of(2024, 1, 1), LocalDate.of(2029, 12, 31));
		}
		when(officers.findById(id)).thenReturn(Optional.of(o));
		return o;
	}

	@Test
	void aSuspendedOfficerIsRefusedWithTheReasonAndNotOfferedUntilReinstated() {
		Officer li = person("li", StaffRole.OFFICER, true);
		Officer wang = person("wang", StaffRole.OFFICER, true);
		when(officers.findByAgencyCode("LIAOKUO")).thenReturn(List.of(li, wang));
		assertThat(service.certifiedOfficers("LIAOKUO", DAY)).extracting(Officer::getUserId).containsExactly("li", "wang");

		li.suspend(DAY, "2026年度执法证年审不合格：培训学时不足", "pi-1");
		// the day before the suspension still counts; from the day on, refused
		assertThat(service.isQualified("li", "LIAOKUO", DAY.minusDays(1))).isTrue();
		Optional<NotQualifiedException> refused = service.refusal("li", "LIAOKUO", DAY);
		assertThat(refused).get().extracting(NotQualifiedException::getRefusal).isEqualTo(Refusal.SUSPENDED);
		assertThat(refused.get().getMessage()).contains("执法资格自2026-11-20起暂停", "年审不合格：培训学时不足", "不得实施执法行为");
		assertThat(service.refusal("li", "LIAOKUO", DAY, "PENALTY")).get().extracting(NotQualifiedException::getRefusal)
			.isEqualTo(Refusal.SUSPENDED);
		assertThat(service.certifiedOfficers("LIAOKUO", DAY)).extracting(Officer::getUserId).containsExactly("wang");
		assertThat(service.hearingChairs("LIAOKUO", DAY, List.of())).extracting(Officer::getUserId).containsExactly("wang");
		assertThat(service.caseOfficerRefusal("li", "LIAOKUO", DAY)).get().asString().contains("暂停");

		li.reinstate();
		assertThat(service.isQualified("li", "LIAOKUO", DAY)).isTrue();
		assertThat(service.certifiedOfficers("LIAOKUO", DAY)).extracting(Officer::getUserId).containsExactly("li", "wang");
	}

	@Test
	void auxiliaryStaffAreRefusedAListedActWithItsEntryAndEveryOtherStepAllTheSame() {
		person("aux", StaffRole.AUXILIARY, false);
		NotQualifiedException coercion = service.refusal("aux", "LIAOKUO", DAY, "COERCION").orElseThrow();
		assertThat(coercion.getRefusal()).isEqualTo(Refusal.AUXILIARY);
		assertThat(coercion.getMessage()).contains("执法辅助人员负面清单", "行政强制", "行政强制法第十七条", "辅助人员不得实施");
		// an act the list does not name: refused all the same (fail closed)
		assertThat(service.refusal("aux", "LIAOKUO", DAY, "SOMETHING_NEW")).get()
			.extracting(NotQualifiedException::getRefusal).isEqualTo(Refusal.AUXILIARY);
		assertThat(service.refusal("aux", "LIAOKUO", DAY)).isPresent();
	}

	@Test
	void everyEnforcementActOfTheModelsIsOnTheNegativeList() throws IOException {
		Pattern marker = Pattern.compile("name=\"enforcementAction\"\\s+value=\"([A-Z_]+)\"");
		TreeSet<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
				Matcher m = marker.matcher(Files.readString(f));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(list.acts()).extracting(AuxiliaryNegativeList.Act::action).containsAll(used);
		assertThat(list.act("PERMIT")).get().extracting(AuxiliaryNegativeList.Act::label).isEqualTo("行政许可");
	}
}

package cn.zhifa.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.AuxiliaryNegativeList;
import cn.zhifa.organisation.Certificate;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;

/**
 * Whether a person may carry out an enforcement step for an agency on a day (R-QUAL-2/3): registered
 * staff of that agency, not auxiliary staff, holding a certificate valid that day (both ends
 * inclusive). The reusable check behind the task guard; other features call it directly.
 */
@Service
public class QualificationService {

	/** Enforcement days are counted in China Standard Time, whatever the server's zone. */
	public static final ZoneId ZONE = WorkingDayCalendar.SHANGHAI;

	private final OfficerRepository officers;
	/** The auxiliary staff's negative list (R-QUAL-3, data); null in unit tests without it. */
	private final AuxiliaryNegativeList negativeList;

	private final Clock clock;

	QualificationService(OfficerRepository officers, Clock clock) {
		this(officers, null, clock);
	}

	@org.springframework.beans.factory.annotation.Autowired
	QualificationService(OfficerRepository officers, AuxiliaryNegativeList negativeList, Clock clock) {
		this.officers = officers;
		this.negativeList = negativeList;
		this.clock = clock;
	}

	/** Today on the injected clock (the engine clock, moved by tests), in Asia/Shanghai. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	public boolean isQualified(String userId, String agencyCode, LocalDate day) {
		return refusal(userId, agencyCode, day).isEmpty();
	}

	/** @throws NotQualifiedException (HTTP 403 through REST) with a Chinese message naming the reason */
	public void requireQualified(String userId, String agencyCode, LocalDate day) {
		Optional<NotQualifiedException> refused = refusal(userId, agencyCode, day);
		if (refused.isPresent()) {
			throw refused.get();
		}
	}

	/**
	 * The agency's 行政执法人员 who may enforce on {@code day}, by unit and name: the people a case can be
	 * given to (handler, investigating officers).
	 */
	public List<Officer> certifiedOfficers(String agencyCode, LocalDate day) {
		if (agencyCode == null) {
			return List.of();
		}
		return officers.findByAgencyCode(agencyCode).stream()
			.filter(o -> o.getRole() == StaffRole.OFFICER && o.mayEnforceOn(day))
			.sorted(Comparator.comparing((Officer o) -> o.getUnit() == null ? "" : o.getUnit())
				.thenComparing(Officer::getUserId))
			.toList();
	}

	/**
	 * Who may chair a hearing of the agency's case on {@code day} (行政处罚法 art. 64(4)): its staff with a
	 * certificate valid that day — officers, legal reviewers, heads — except the case's investigators and
	 * handler ({@code excluded}), by unit and name.
	 */
	public List<Officer> hearingChairs(String agencyCode, LocalDate day, java.util.Collection<String> excluded) {
		if (agencyCode == null) {
			return List.of();
		}
		return officers.findByAgencyCode(agencyCode).stream()
			.filter(o -> o.getRole() != StaffRole.AUXILIARY && o.mayEnforceOn(day) && !excluded.contains(o.getUserId()))
			.sorted(Comparator.comparing((Officer o) -> o.getUnit() == null ? "" : o.getUnit())
				.thenComparing(Officer::getUserId))
			.toList();
	}

	/**
	 * Why this person cannot be given a case of the agency on {@code day} (not one of its
	 * {@link #certifiedOfficers certified officers}), or empty when they can.
	 */
	public Optional<String> caseOfficerRefusal(String userId, String agencyCode, LocalDate day) {
		Optional<NotQualifiedException> refused = refusal(userId, agencyCode, day);
		if (refused.isPresent()) {
			return Optional.of(refused.get().getMessage());
		}
		Officer officer = officers.findById(userId).orElseThrow();
		if (officer.getRole() != StaffRole.OFFICER) {
			return Optional.of(name(officer) + "为" + officer.getRole().label() + "，不是本机构的行政执法人员");
		}
		return Optional.empty();
	}

	/** User ids from a Java collection, a JSON array (a Camunda Json variable or text) or comma-separated text. */
	public static List<String> userIds(Object value) {
		return EnforcementStepGuard.userIds(value);
	}

	/** The refusal for this person, agency and day, or empty when they may enforce. */
	public Optional<NotQualifiedException> refusal(String userId, String agencyCode, LocalDate day) {
		return refusal(userId, agencyCode, day, null);
	}

	/**
	 * As {@link #refusal(String, String, LocalDate)} for a step of the act {@code enforcementAction} (PENALTY, COERCION, …):
	 * auxiliary staff are refused with the act's entry of the negative list (officers/auxiliary-negative-list.yml), and
	 * refused all the same for an act the list does not name (fail closed).
	 */
	public Optional<NotQualifiedException> refusal(String userId, String agencyCode, LocalDate day, String enforcementAction) {
		if (userId == null || userId.isBlank()) {
			return refuse(null, Refusal.NO_ACTOR, "未记录实施人员：执法环节须由登录的执法人员办理");
		}
		if (agencyCode == null || agencyCode.isBlank()) {
			return refuse(userId, Refusal.NO_AGENCY, "案件未指定执法主体，无法核验" + userId + "的执法资格");
		}
		Officer officer = officers.findById(userId).orElse(null);
		if (officer == null || !agencyCode.equals(officer.getAgencyCode())) {
			return refuse(userId, Refusal.NOT_AGENCY_OFFICER,
					(officer == null ? userId : name(officer)) + "非本机构执法人员，不得办理本机构（" + agencyCode + "）的执法环节");
		}
		if (officer.getRole() == StaffRole.AUXILIARY) {
			Optional<AuxiliaryNegativeList.Act> listed = negativeList == null ? Optional.empty()
					: negativeList.act(enforcementAction);
			if (listed.isPresent()) {
				return refuse(userId, Refusal.AUXILIARY, name(officer) + "为执法辅助人员，“" + listed.get().label()
						+ "”列入执法辅助人员负面清单，辅助人员不得实施（" + listed.get().basis() + "）");
			}
			return refuse(userId, Refusal.AUXILIARY,
					name(officer) + "为执法辅助人员，辅助人员不得实施行政许可、行政处罚、行政强制等执法行为");
		}
		if (officer.isSuspendedOn(day)) {
			return refuse(userId, Refusal.SUSPENDED, name(officer) + "执法资格自" + officer.getSuspendedSince()
					+ "起暂停（" + (officer.getSuspensionReason() == null ? "执法证年审不合格" : officer.getSuspensionReason())
					+ "），不得实施执法行为；重新年审合格后恢复");
		}
		if (!officer.mayEnforceOn(day)) {
			return refuse(userId, Refusal.CERTIFICATE_INVALID, name(officer) + certificateProblem(officer, day)
					+ "，不得实施执法行为（行政执法人员须持有效执法证件）");
		}
		return Optional.empty();
	}

	private static String certificateProblem(Officer officer, LocalDate day) {
		Optional<Certificate> latest = officer.getCertificates().stream()
			.max(Comparator.comparing(Certificate::getValidTo));
		if (latest.isEmpty()) {
			return "未持有执法证";
		}
		Certificate c = latest.get();
		if (c.getValidTo().isBefore(day)) {
			return "的执法证（" + c.getNumber() + "）证件过期：有效期至" + c.getValidTo();
		}
		return "的执法证（" + c.getNumber() + "）尚未生效：自" + c.getValidFrom() + "起有效";
	}

	private static String name(Officer officer) {
		return officer.getFullName() + "（" + officer.getUserId() + "）";
	}

	private static Optional<NotQualifiedException> refuse(String userId, Refusal refusal, String message) {
		return Optional.of(new NotQualifiedException(userId, refusal, message));
	}
}

package cn.zhifa.officers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.organisation.AuxiliaryNegativeList;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;

/**
 * Officers' records over REST ({@code /api/officers}): the staff of the user's agency (supervisors and administrators:
 * every agency's, read only) with their certificates, suspension and this year's training hours; one person's training,
 * exams, half-yearly evaluations and annual reviews; and the entry of training ({@code POST …/trainings}), exam results
 * ({@code POST …/exams}) and evaluations ({@code PUT …/evaluations/{halfYear}}) by the agency's legal office, head or
 * general office. Another agency's person is 404. The annual review itself runs only as the process
 * {@code officer-annual-review}; nothing here suspends anybody. {@code GET /api/officers/auxiliary-negative-list} is the
 * auxiliary staff's negative list.
 */
@RestController
@RequestMapping("/api/officers")
class OfficerController {

	record TrainingRequest(LocalDate date, String title, String organiser, BigDecimal hours) {
	}

	record ExamRequest(LocalDate date, String title, BigDecimal score) {
	}

	record EvaluationRequest(String grade, String remarks) {
	}

	/** Roles of an agency that keep its officers' records. */
	private static final List<StaffRole> KEEPERS = List.of(StaffRole.LEGAL_REVIEWER, StaffRole.HEAD, StaffRole.GENERAL_OFFICE);

	private final OfficerRepository officers;
	private final OfficerRecords records;
	private final OfficerAnnualReviewService reviews;
	private final AuxiliaryNegativeList negativeList;
	private final IdentityService identity;

	OfficerController(OfficerRepository officers, OfficerRecords records, OfficerAnnualReviewService reviews,
			AuxiliaryNegativeList negativeList, IdentityService identity) {
		this.officers = officers;
		this.records = records;
		this.reviews = reviews;
		this.negativeList = negativeList;
		this.identity = identity;
	}

	@GetMapping
	List<Map<String, Object>> list() {
		CurrentUser user = CurrentUser.get();
		int year = records.today().getYear();
		return officers.findAll().stream().filter(o -> o.getAgencyCode() != null && user.mayAccessAgency(o.getAgencyCode()))
			.sorted(Comparator.comparing(Officer::getAgencyCode).thenComparing(Officer::getUserId))
			.map(o -> summary(o, year)).toList();
	}

	@GetMapping("/auxiliary-negative-list")
	List<AuxiliaryNegativeList.Act> negativeList() {
		return negativeList.acts();
	}

	@GetMapping("/{userId}")
	Map<String, Object> get(@PathVariable String userId) {
		Officer o = visible(userId);
		Map<String, Object> body = summary(o, records.today().getYear());
		body.put("trainings", records.trainings(userId));
		body.put("exams", records.exams(userId));
		body.put("evaluations", records.evaluations(userId));
		body.put("annualReviews", reviews.ofOfficer(userId));
		return body;
	}

	@PostMapping("/{userId}/trainings")
	ResponseEntity<Map<String, Object>> training(@PathVariable String userId, @RequestBody TrainingRequest r) {
		Officer o = writable(userId);
		long id = records.recordTraining(o, r.date(), r.title(), r.organiser(), r.hours(), CurrentUser.get().id());
		int year = r.date().getYear();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "year", year, "hoursOfYear", records.hours(userId, year)));
	}

	@PostMapping("/{userId}/exams")
	ResponseEntity<Map<String, Object>> exam(@PathVariable String userId, @RequestBody ExamRequest r) {
		Officer o = writable(userId);
		long id = records.recordExam(o, r.date(), r.title(), r.score(), CurrentUser.get().id());
		OfficerRecords.Exam exam = records.exams(userId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "passed", exam.passed(), "passMark", exam.passMark()));
	}

	@PutMapping("/{userId}/evaluations/{halfYear}")
	Map<String, Object> evaluation(@PathVariable String userId, @PathVariable String halfYear, @RequestBody EvaluationRequest r) {
		Officer o = writable(userId);
		records.recordEvaluation(o, halfYear, r.grade(), r.remarks(), CurrentUser.get().id());
		return Map.of("halfYear", halfYear, "grade", r.grade());
	}

	private Map<String, Object> summary(Officer o, int year) {
		LocalDate today = records.today();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("userId", o.getUserId());
		row.put("agencyCode", o.getAgencyCode());
		row.put("fullName", o.getFullName());
		row.put("role", o.getRole().name());
		row.put("roleLabel", o.getRole().label());
		row.put("unit", o.getUnit());
		row.put("certificates", o.getCertificates().stream().map(c -> Map.of("number", c.getNumber(), "issuer", c.getIssuer(),
				"validFrom", c.getValidFrom(), "validTo", c.getValidTo())).toList());
		row.put("mayEnforceToday", o.mayEnforceOn(today));
		row.put("suspendedSince", o.getSuspendedSince());
		row.put("suspensionReason", o.getSuspensionReason());
		row.put("trainingHoursThisYear", records.hours(o.getUserId(), year));
		return row;
	}

	private Officer visible(String userId) {
		CurrentUser user = CurrentUser.get();
		return officers.findById(userId).filter(o -> o.getAgencyCode() != null && user.mayAccessAgency(o.getAgencyCode()))
			.orElseThrow(() -> Problem.notFound("userId", "本机关没有用户名为 " + userId + " 的人员"));
	}

	private Officer writable(String userId) {
		Officer o = visible(userId);
		CurrentUser user = CurrentUser.get();
		if (user.isSupervisor() || !user.agencies().contains(o.getAgencyCode())) {
			throw Problem.forbidden("执法人员的培训、考试和考核记录由其所在机关录入，监督人员只读");
		}
		boolean keeper = KEEPERS.stream()
			.anyMatch(role -> identity.createGroupQuery().groupMember(user.id()).groupId(role.groupOf(o.getAgencyCode())).count() > 0);
		if (!keeper) {
			throw Problem.forbidden("执法人员的培训、考试和考核记录由本机关法制审核人员（司法所）、主要负责人或党政办录入，" + user.id() + " 无权录入");
		}
		if (user.id().equals(userId)) {
			throw Problem.forbidden("不得录入本人的培训、考试和考核记录");
		}
		return o;
	}
}

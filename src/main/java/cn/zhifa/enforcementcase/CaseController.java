package cn.zhifa.enforcementcase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Case API: register a case, read it with its stage, open tasks and running deadlines, list cases,
 * add evidence, and the party's hearing request / the officer's request to extend the decision
 * period. Another agency's case is 404 — its existence is not revealed. Refusals are problem details
 * ({@link Problem}); the service checks every text against its column before anything is stored.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final EnforcementCaseService cases;
	private final TaskService taskService;
	private final ManagementService managementService;
	private final RuntimeService runtimeService;
	private final CaseRetrievals retrievals;
	private final RecusalService recusals;
	private final Clock clock;

	static final int MAX_PAGE_SIZE = 200;

	CaseController(EnforcementCaseService cases, TaskService taskService, ManagementService managementService,
			RuntimeService runtimeService, CaseRetrievals retrievals, RecusalService recusals, Clock clock) {
		this.clock = clock;
		this.recusals = recusals;
		this.cases = cases;
		this.taskService = taskService;
		this.managementService = managementService;
		this.runtimeService = runtimeService;
		this.retrievals = retrievals;
	}

	record NewCaseRequest(String agencyCode, String caseSource, Boolean summaryProcedure, String partyType,
			String partyName, String partyIdNumber, String partyContact, Boolean partyIsOfficial, String violationCode,
			String facts, String discoveredOn, Double proposedFine, String violationDate, Boolean limitationHarm,
			String partyAddress) {
	}

	@PostMapping
	ResponseEntity<?> register(@RequestBody NewCaseRequest r) {
		CurrentUser user = CurrentUser.get();
		if (r.agencyCode() == null) {
			throw Problem.invalid("agencyCode", "执法主体必须填写");
		}
		if (!user.agencies().contains(r.agencyCode())) {
			throw Problem.forbidden("只能登记本机构的案件");
		}
		LocalDate discovered;
		try {
			discovered = r.discoveredOn() == null ? null : LocalDate.parse(r.discoveredOn());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("discoveredOn", "发现日期格式应为 yyyy-MM-dd");
		}
		LocalDate violated;
		try {
			violated = r.violationDate() == null ? null : LocalDate.parse(r.violationDate());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("violationDate", "违法行为发生日期格式应为 yyyy-MM-dd");
		}
		if (violated == null) {
			// the limitation of art. 36 runs from this day: a case registered without it could not be checked
			throw Problem.invalid("violationDate",
					"违法行为发生日期必须填写（有连续或者继续状态的，为行为终了之日；《中华人民共和国行政处罚法》第三十六条追责时效自此起算）");
		}
		NewCase c = new NewCase(r.agencyCode(), r.caseSource(), Boolean.TRUE.equals(r.summaryProcedure()), r.partyType(),
				r.partyName(), r.partyIdNumber(), r.partyContact(), Boolean.TRUE.equals(r.partyIsOfficial()),
				r.violationCode(), r.facts(), discovered, r.proposedFine(), null, null, violated,
				Boolean.TRUE.equals(r.limitationHarm()), r.partyAddress());
		String caseNo = cases.register(c, user.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseNo", caseNo));
	}

	record Deadline(String activityId, String name, Instant dueAt, String state) {
	}

	record OpenTask(String id, String taskDefinitionKey, String name, String assignee, Instant due) {
	}

	record CaseView(CaseRecord caseRecord, List<OpenTask> openTasks, List<Deadline> deadlines,
			List<EvidenceItem> evidence, List<Officer> officers) {
	}

	/** A case as the API shows it (the JSON of {@code caseRecord} and of the list's {@code cases}). */
	record CaseRecord(String caseNo, String agencyCode, String processInstanceId, String source, boolean summaryProcedure,
			String partyType, String partyName, String partyIdNumber, String partyContact, String partyAddress,
			boolean partyIsOfficial, String violationCode, String facts, LocalDate discoveredOn, String stage, Boolean major,
			Instant registeredAt, Instant filedAt, Instant decidedAt, Instant closedAt, String transferredFromCaseNo,
			String transferProcessInstanceId) {

		static CaseRecord of(EnforcementCase c) {
			return new CaseRecord(c.getCaseNo(), c.getAgencyCode(), c.getProcessInstanceId(), c.getSource(),
					c.isSummaryProcedure(), c.getPartyType(), c.getPartyName(), c.getPartyIdNumber(), c.getPartyContact(),
					c.getPartyAddress(), c.isPartyIsOfficial(), c.getViolationCode(), c.getFacts(), c.getDiscoveredOn(),
					c.getStage(), c.getMajor(), c.getRegisteredAt(), c.getFiledAt(), c.getDecidedAt(), c.getClosedAt(),
					c.getTransferredFromCaseNo(), c.getTransferProcessInstanceId());
		}
	}

	/** One piece of evidence as the API shows it, with how the party confirmed it (R-COORD-7; null before the rule). */
	record EvidenceItem(Long id, String caseNo, String kind, String description, Instant obtainedAt, String obtainedBy,
			String fileRefs, String recordedBy, String confirmation, String confirmationDetail) {

		static EvidenceItem of(Evidence e) {
			return new EvidenceItem(e.getId(), e.getCaseNo(), e.getKind(), e.getDescription(), e.getObtainedAt(),
					e.getObtainedBy(), e.getFileRefs(), e.getRecordedBy(), e.getConfirmation(), e.getConfirmationDetail());
		}
	}

	/** An officer of the case in one role (handler, investigator …). */
	record Officer(String userId, String assignment) {

		static Officer of(CaseOfficer o) {
			return new Officer(o.getUserId(), o.getAssignment());
		}
	}

	/** The case with its stage, tasks, deadlines, evidence and officers; a supervisor's read is a recorded retrieval (R-REC-5). */
	@GetMapping("/{caseNo}")
	ResponseEntity<?> get(@PathVariable String caseNo, @RequestParam(required = false) String purpose) {
		EnforcementCase c = visible(caseNo);
		CurrentUser user = CurrentUser.get();
		if (CaseRetrievals.supervised(user, c.getAgencyCode())) {
			retrievals.record(caseNo, c.getAgencyCode(), user, CaseRetrievals.purposeOfRequest(purpose), "case");
		}
		List<OpenTask> tasks = new ArrayList<>();
		List<Deadline> deadlines = new ArrayList<>();
		Date now = Date.from(clock.instant());
		if (c.getProcessInstanceId() != null) {
			for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(caseNo).list()) {
				Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
				tasks.add(new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), due));
				if (due != null) {
					deadlines.add(new Deadline(t.getTaskDefinitionKey(), t.getName(), due, state(due, now)));
				}
			}
			for (Job j : managementService.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers().list()) {
				var definition = j.getJobDefinitionId() == null ? null
						: managementService.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult();
				String activity = definition == null ? null : definition.getActivityId();
				deadlines.add(new Deadline(activity, "计时器", j.getDuedate().toInstant(), state(j.getDuedate().toInstant(), now)));
			}
		}
		return ResponseEntity.ok(new CaseView(CaseRecord.of(c), tasks, deadlines,
				cases.evidenceOf(caseNo).stream().map(EvidenceItem::of).toList(),
				cases.officersOf(caseNo).stream().map(Officer::of).toList()));
	}

	@GetMapping
	ResponseEntity<?> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String stage,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		CurrentUser user = CurrentUser.get();
		if (agency != null && !user.mayAccessAgency(agency)) {
			throw Problem.forbidden("无权查看该执法主体的案件");
		}
		InputCheck.requirePage(page, size, MAX_PAGE_SIZE);
		var agencies = agency != null ? List.of(agency) : List.copyOf(user.agencies());
		Page<EnforcementCase> result = cases.list(agencies, stage, overdue, page, size);
		return ResponseEntity.ok(Map.of("page", page, "size", size, "total", result.getTotalElements(), "cases",
				result.getContent().stream().map(CaseRecord::of).toList()));
	}

	/** A piece of evidence to add; {@code confirmation}: how the party confirmed it (R-COORD-7, e.g. 签名确认). */
	record EvidenceRequest(String kind, String description, String obtainedAt, String obtainedBy, String fileRefs,
			String confirmation) {
	}

	@PostMapping("/{caseNo}/evidence")
	ResponseEntity<?> addEvidence(@PathVariable String caseNo, @RequestBody EvidenceRequest r) {
		visible(caseNo);
		if (r.kind() == null || r.kind().isBlank()) {
			throw Problem.invalid("kind", "证据种类必须填写");
		}
		if (r.description() == null || r.description().isBlank()) {
			throw Problem.invalid("description", "证据内容必须填写");
		}
		if (r.obtainedBy() == null || r.obtainedBy().isBlank()) {
			throw Problem.invalid("obtainedBy", "取证人员必须填写");
		}
		Instant obtained;
		try {
			obtained = Instant.parse(r.obtainedAt());
		}
		catch (RuntimeException e) {
			throw Problem.invalid("obtainedAt", "取证时间应为 ISO-8601 时间，例如 2026-11-20T10:00:00+08:00");
		}
		Evidence saved = cases.addEvidence(caseNo, r.kind(), r.description(), obtained, r.obtainedBy(), r.fileRefs(),
				r.confirmation(), CurrentUser.get().id());
		return ResponseEntity.status(HttpStatus.CREATED).body(EvidenceItem.of(saved));
	}

	/** The party's hearing request (行政处罚法 art. 64), recorded by an officer. */
	@PostMapping("/{caseNo}/hearing-request")
	ResponseEntity<?> hearingRequested(@PathVariable String caseNo) {
		EnforcementCase c = visible(caseNo);
		if (c.getProcessInstanceId() != null && Boolean.FALSE.equals(runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(c.getProcessInstanceId()).variableName("hearingEligible").list().stream().findFirst()
			.map(v -> v.getValue()).orElse(null))) {
			throw Problem.conflict("caseNo", "本案拟作出的行政处罚不属于《中华人民共和国行政处罚法》第六十三条规定的听证范围，不能登记听证申请");
		}
		return correlate(caseNo, "enforcement.hearingRequested", Map.of("hearingRequestedBy", CurrentUser.get().id()));
	}

	record ExtensionRequest(String reason) {
	}

	/** Asks the head to extend the decision period (行政处罚法 art. 60). */
	@PostMapping("/{caseNo}/deadline-extension")
	ResponseEntity<?> extensionRequested(@PathVariable String caseNo, @RequestBody ExtensionRequest r) {
		if (r.reason() == null || r.reason().isBlank()) {
			throw Problem.invalid("reason", "申请延长办案期限须说明理由");
		}
		InputCheck.requireText("reason", "延长理由", r.reason(), InputCheck.VARIABLE_LENGTH);
		return correlate(caseNo, "enforcement.extensionRequested", Map.of("extensionRequestReason", r.reason()));
	}

	/** {@code periodEndsOn}: the last day of the period (yyyy-MM-dd), stated to the party (行政强制法 art. 25(3)). */
	record AppraisalRequest(String kind, String matter, String institution, String periodEndsOn) {
	}


	/**
	 * The handler sent goods or samples for testing, inspection, quarantine or appraisal: the 90-day
	 * period stops until the result is recorded (登记检测、检验、鉴定结果; calendar/period-suspensions.yml).
	 */
	@PostMapping("/{caseNo}/appraisal")
	ResponseEntity<?> appraisalRequested(@PathVariable String caseNo, @RequestBody AppraisalRequest r) {
		visible(caseNo); // another agency's case: 404 before anything about the body
		if (r.kind() == null || !EnforcementCaseService.APPRAISAL_KINDS.contains(r.kind())) {
			throw Problem.invalid("kind", "委托事项种类须为 TESTING（检测）、INSPECTION（检验）、QUARANTINE（检疫）或 APPRAISAL（鉴定）");
		}
		if (r.matter() == null || r.matter().isBlank()) {
			throw Problem.invalid("matter", "请填写委托检测鉴定的物品和事项");
		}
		if (r.institution() == null || r.institution().isBlank()) {
			throw Problem.invalid("institution", "请填写受托检测鉴定机构");
		}
		InputCheck.requireText("matter", "委托检测鉴定的物品和事项", r.matter(), InputCheck.VARIABLE_LENGTH);
		InputCheck.requireText("institution", "受托检测鉴定机构", r.institution(), InputCheck.VARIABLE_LENGTH);
		LocalDate periodEndsOn;
		try {
			periodEndsOn = r.periodEndsOn() == null || r.periodEndsOn().isBlank() ? null : LocalDate.parse(r.periodEndsOn());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("periodEndsOn", "检测、检验、检疫、鉴定期间届满日期格式应为 yyyy-MM-dd");
		}
		if (periodEndsOn == null) {
			throw Problem.invalid("periodEndsOn", "检测、检验、检疫、鉴定期间届满日期必须填写（《中华人民共和国行政强制法》第二十五条第三款："
					+ "检测、检验、检疫或者技术鉴定的期间应当明确，并书面告知当事人）");
		}
		try {
			cases.requestAppraisal(caseNo, r.kind(), r.matter(), r.institution(), periodEndsOn, CurrentUser.get().id(), null);
		}
		catch (Problem refused) {
			// the service names the start form's field; this API's field is periodEndsOn
			throw EnforcementCaseService.APPRAISAL_PERIOD_ENDS_ON.equals(refused.field()) ? Problem.invalid("periodEndsOn", refused.detail())
					: refused;
		}
		return ResponseEntity.noContent().build();
	}

	record RecusalRequest(String officer, String grounds) {
	}

	/**
	 * The party applies for the recusal of an officer of the case — handler, investigator or hearing chair —
	 * with its grounds (行政处罚法 arts. 43, 64(4)): the head decides (决定是否回避); the investigation goes on.
	 */
	@PostMapping("/{caseNo}/recusal")
	ResponseEntity<?> recusalRequested(@PathVariable String caseNo, @RequestBody RecusalRequest r) {
		visible(caseNo); // another agency's case: 404 before anything about the body
		try {
			recusals.request(caseNo, r.officer(), r.grounds(), CurrentUser.get().id(), null);
		}
		catch (Problem refused) {
			// the API names its own fields
			throw "recusedOfficer".equals(refused.field()) ? Problem.invalid("officer", refused.detail())
					: "recusalGrounds".equals(refused.field()) ? Problem.invalid("grounds", refused.detail()) : refused;
		}
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<?> correlate(String caseNo, String message, Map<String, Object> variables) {
		EnforcementCase c = visible(caseNo);
		try {
			runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseNo).setVariables(variables)
				.correlate();
		}
		catch (MismatchingMessageCorrelationException e) {
			throw Problem.conflict("caseNo", "案件当前阶段不接受该请求（" + c.getStage() + "）");
		}
		return ResponseEntity.noContent().build();
	}

	/** The case if the user's agency may see it; otherwise 404, so another agency's case is not revealed. */
	private EnforcementCase visible(String caseNo) {
		return cases.find(caseNo).filter(c -> CurrentUser.get().mayAccessAgency(c.getAgencyCode()))
			.orElseThrow(() -> Problem.notFound("caseNo", "案件不存在：" + caseNo));
	}

	private static String state(Instant due, Date now) {
		return due.isBefore(now.toInstant()) ? "OVERDUE" : "RUNNING";
	}
}

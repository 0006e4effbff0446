package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.CaseVariables.HANDLER_ID;
import static cn.zhifa.platform.CaseVariables.PARTY_ADDRESS;
import static cn.zhifa.platform.CaseVariables.RECEIVING_CASE_NO;
import static cn.zhifa.platform.CaseVariables.REGISTERED_BY;
import static cn.zhifa.platform.CaseVariables.TRANSFER_PROCESS_INSTANCE_ID;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.itemlist.ItemListService;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Certificate;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.qualification.QualificationService;
import cn.zhifa.rules.DecisionKeys;
import cn.zhifa.rules.PublishedRules;

/**
 * Registers cases (case number gap-free per agency and year) and keeps the case record in step
 * with its process: stages, officers, evidence, deadlines that move (decision period, seizure).
 */
@Service // bean enforcementCaseService, the name of the concept: process enforcement-case, package enforcementcase
public class EnforcementCaseService {

	private static final Logger log = LoggerFactory.getLogger(EnforcementCaseService.class);
	private static final ObjectMapper JSON = new ObjectMapper();
	static final String PROCESS_KEY = "enforcement-case";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	/** 随机抽查: a case opened by a random inspection's finding (R-DISC-1, cn.zhifa.inspection). */
	public static final String SOURCE_RANDOM_INSPECTION = "RANDOM_INSPECTION";
	static final Set<String> SOURCES = Set.of("PATROL", "COMPLAINT", "ASSIGNED", "TRANSFER", "OTHER",
			SOURCE_RANDOM_INSPECTION);
	static final Set<String> PARTY_TYPES = Set.of("PERSON", "ORG");

	private final CaseRepository cases;
	private final EvidenceRepository evidence;
	private final CaseOfficerRepository officers;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final RuntimeService runtimeService;
	private final org.camunda.bpm.engine.RepositoryService repositoryService;
	private final ManagementService managementService;
	private final Deadlines deadlines;
	private final String numberAbbreviation;
	private final DisplayLabels labels;
	private final OfficerRepository organisation;
	private final PublishedRules rules;
	private final ItemListService itemLists;
	private final Clock clock;
	private final EvidenceConfirmation confirmation;

	EnforcementCaseService(CaseRepository cases, EvidenceRepository evidence, CaseOfficerRepository officers,
			AgencyRepository agencies, DocumentNumbers numbers, RuntimeService runtimeService,
			org.camunda.bpm.engine.RepositoryService repositoryService, ManagementService managementService, Deadlines deadlines,
			@Value("${zhifa.cases.number-abbreviation:罚}") String numberAbbreviation, DisplayLabels labels,
			OfficerRepository organisation, PublishedRules rules, ItemListService itemLists, EvidenceConfirmation confirmation,
			Clock clock) {
		this.clock = clock;
		this.confirmation = confirmation;
		this.rules = rules;
		this.itemLists = itemLists;
		this.labels = labels;
		this.organisation = organisation;
		this.cases = cases;
		this.evidence = evidence;
		this.officers = officers;
		this.agencies = agencies;
		this.numbers = numbers;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.managementService = managementService;
		this.deadlines = deadlines;
		this.numberAbbreviation = numberAbbreviation;
	}

	/** Validates, numbers and registers a case and starts its process; returns the case number. */
	@Transactional
	public String register(NewCase c, String registeredBy) {
		return register(c, registeredBy, Map.of());
	}

	/**
	 * A case opened from a complaint or report (R-COORD-4): source COMPLAINT, registered by the officer who
	 * handles the complaint; the case keeps the complaint's receipt number ({@code complaintNo}).
	 */
	@Transactional
	public String registerFromComplaint(NewCase c, String registeredBy, String complaintNo) {
		if (!"COMPLAINT".equals(c.source()) || !StringUtils.hasText(complaintNo)) {
			throw invalid("caseSource", "由投诉举报立案的案件来源须为 COMPLAINT，并关联投诉举报编号");
		}
		return register(c, registeredBy, Map.of("complaintNo", complaintNo));
	}

	/**
	 * A case opened by a random inspection that found a violation (R-DISC-1): source RANDOM_INSPECTION, registered by
	 * the inspector who recorded the result; the case keeps the inspection's number ({@code inspectionId}).
	 */
	@Transactional
	public String registerFromInspection(NewCase c, String registeredBy, String inspectionNo) {
		if (!SOURCE_RANDOM_INSPECTION.equals(c.source()) || !StringUtils.hasText(inspectionNo)) {
			throw invalid("caseSource", "由随机抽查立案的案件来源须为 RANDOM_INSPECTION，并关联检查编号");
		}
		return register(c, registeredBy, Map.of("inspectionId", inspectionNo));
	}

	private String register(NewCase c, String registeredBy, Map<String, Object> links) {
		validate(c);
		EnforcementCase saved = cases.save(new EnforcementCase(nextCaseNo(c.agencyCode()), c, registeredBy, now()));
		Map<String, Object> vars = c.variables();
		vars.putAll(links);
		vars.put(CASE_ID, saved.getCaseNo());
		vars.put(REGISTERED_BY, registeredBy);
		vars.put(HANDLER_ID, registeredBy); // until the head names the handler at filing
		// the agency's own version of the case process if its legal office deployed one, else the shared one
		String definition = cn.zhifa.models.ModelVersions.latestProcess(repositoryService, PROCESS_KEY, c.agencyCode()).getId();
		String pid = runtimeService.startProcessInstanceById(definition, saved.getCaseNo(), vars).getId();
		saved.startedAs(pid);
		return saved.getCaseNo();
	}

	/**
	 * A case transferred in from another agency (R-COORD-1): registered in the receiving agency with
	 * source TRANSFER; its filing decision answers the transfer process.
	 */
	@Transactional
	public String registerTransferred(NewCase c) {
		if (c.transferProcessInstanceId() == null) {
			throw invalid(TRANSFER_PROCESS_INSTANCE_ID, "移送案件须关联移送流程");
		}
		return register(c, "system");
	}

	/**
	 * A case started from Tasklist's start form: number and record it now (idempotent). {@code caseNo} is the
	 * process's case variable (set when the case was registered through /api a moment ago), {@code form} the case
	 * its start form describes (read only when the case is new). Returns the new case's number, or null when the
	 * case was registered already.
	 */
	String registerFromProcess(Step step, String caseNo, Supplier<NewCase> form, String registeredBy) {
		if (caseNo != null && cases.existsById(caseNo)) {
			// registered through /api a moment ago (same transaction): this process is the case's, and no other
			EnforcementCase registered = cases.findById(caseNo).orElseThrow();
			String pid = step.processInstanceId();
			if (registered.getProcessInstanceId() != null && !registered.getProcessInstanceId().equals(pid)
					|| !registered.getAgencyCode().equals(step.agency())) {
				log.warn("Refused process {} for case {}: the case belongs to process {} of agency {}", pid, caseNo,
						registered.getProcessInstanceId(), registered.getAgencyCode());
				throw new AuthorizationException("案号“" + caseNo + "”已由其他流程办理，不能再次登记");
			}
			registered.startedAs(pid);
			return null;
		}
		NewCase c = form.get();
		validate(c);
		EnforcementCase saved = cases.save(new EnforcementCase(nextCaseNo(c.agencyCode()), c, registeredBy, now()));
		saved.startedAs(step.processInstanceId());
		return saved.getCaseNo();
	}

	/**
	 * The case of the step's process moves to {@code stage}; returns the variables the stage sets (FILED: the
	 * decision period and the handler joins; DECIDED: what disclosure publishes; CLOSED: the moment).
	 */
	Map<String, Object> moveTo(Step step, String caseNo, String stage, StageFacts facts) {
		Instant at = now();
		caseOf(step, caseNo).moveTo(stage, at);
		Map<String, Object> vars = new LinkedHashMap<>();
		switch (stage) {
			case "FILED" -> {
				vars.put("filedAt", Date.from(at));
				vars.putAll(deadlines.limitDue("decisionDueAt", "PENALTY_DECISION", Date.from(at)).variables());
				vars.put("decisionSuspendedDays", 0); // periods not counted (calendar/period-suspensions.yml)
				assign(caseOf(step, caseNo).getCaseNo(), facts.handlerId(), "HANDLER");
			}
			case "DECIDED" -> {
				// what disclosure publishes (R-DISC-3): agency, party, category, conclusion, number, date, basis
				vars.put("decisionAt", Date.from(at));
				vars.put("decisionDate", LocalDate.ofInstant(at, CHINA).toString());
				vars.put("decisionType", "PENALTY");
				vars.put("category", "行政处罚");
				vars.put("conclusion", facts.decisionContent());
				if (facts.summaryProcedure()) {
					vars.put("servedOn", LocalDate.ofInstant(at, CHINA).toString()); // served on the spot
				}
				if (facts.legalBasis() == null) {
					vars.put("legalBasis", facts.discretionBasis());
				}
			}
			case "CLOSED" -> vars.put("closedAt", Date.from(at));
			default -> {
			}
		}
		return vars;
	}

	/**
	 * What a stage needs of the process: the handler (FILED), the decision's content, whether decided on the spot,
	 * its legal basis and the discretion benchmark's basis (DECIDED); values as the process holds them.
	 */
	record StageFacts(String handlerId, Object decisionContent, boolean summaryProcedure, Object legalBasis,
			Object discretionBasis) {
	}

	/**
	 * After 调查取证: the investigating officers join the case, and each evidence line of the form
	 * ({@code evidenceText}) becomes an evidence record (obtained now, by the investigating officers, recorded by the
	 * step's user, else the handler). Returns the variables of the records the officers sign.
	 */
	Map<String, Object> recordInvestigation(Step step, String caseNo, List<String> investigators, String evidenceText,
			String handlerId) {
		caseNo = caseOf(step, caseNo).getCaseNo();
		for (String user : investigators) {
			assign(caseNo, user, "INVESTIGATOR");
		}
		String obtainedBy = String.join("、", investigators.stream().map(u -> labels.personName(u).orElse(u)).toList());
		String recordedBy = step.bySystem() ? null : step.actor();
		Instant now = now();
		for (EvidenceLines.Item item : EvidenceLines.parse(evidenceText, confirmation)) {
			evidence.save(new Evidence(caseNo, item.kind(), item.description(), now, obtainedBy, null,
					recordedBy != null ? recordedBy : handlerId, now, item.confirmation()));
		}
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("evidenceList", evidenceList(caseNo));
		// the 询问笔录 and 现场检查（勘验）笔录 name the officers with their certificates and the handler as recorder
		String withCertificates = String.join("、", investigators.stream().map(u -> labels.personName(u).orElse(u)
				+ organisation.findById(u).flatMap(o -> o.getCertificates().stream().map(Certificate::getNumber).findFirst())
					.map(n -> "（执法证号" + n + "）").orElse(""))
			.toList());
		vars.put("inquiryOfficers", withCertificates);
		vars.put("inspectionOfficers", withCertificates);
		vars.put("recorderId", handlerId);
		return vars;
	}

	/**
	 * The case's evidence for screens: a JSON list of kind, description, obtainedOn (yyyy-MM-dd), obtainedBy and
	 * confirmation (the way the party confirmed it, R-COORD-7).
	 */
	private JsonValue evidenceList(String caseNo) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Evidence e : evidenceOf(caseNo)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kind", e.getKind());
			row.put("description", e.getDescription());
			row.put("obtainedOn", LocalDate.ofInstant(e.getObtainedAt(), CHINA).toString());
			row.put("obtainedBy", e.getObtainedBy());
			row.put("confirmation", e.getConfirmation() == null ? "未登记确认方式" : e.getConfirmation());
			rows.add(row);
		}
		return json(rows);
	}

	/** The case's officers for screens, one row a person: name, roles (labels.yml {@code assignment}), certificate numbers. */
	private JsonValue caseOfficerList(String caseNo) {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		for (CaseOfficer o : officersOf(caseNo)) {
			String role = labels.label("assignment", o.getAssignment());
			roles.computeIfAbsent(o.getUserId(), u -> new ArrayList<>()).add(role != null ? role : o.getAssignment());
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		roles.forEach((userId, userRoles) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", labels.personName(userId).orElse(userId));
			row.put("role", String.join("、", userRoles));
			row.put("certificates", String.join("、", organisation.findById(userId)
				.map(officer -> officer.getCertificates().stream().map(Certificate::getNumber).toList()).orElse(List.of())));
			rows.add(row);
		});
		return json(rows);
	}

	private JsonValue json(Object value) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The party answered the transfer that created this case (R-COORD-1): the case's filing decision answers
	 * transfer process {@code transferProcessInstanceId} (null: the case was not transferred in, nothing to do).
	 */
	void answerTransfer(String caseNo, String transferProcessInstanceId, boolean accepted, Object refusalReasons) {
		if (transferProcessInstanceId == null) {
			return;
		}
		// the transfer belongs to the sending agency (another tenant): answer as the system, not as the head
		AsSystem.run(() -> {
			try {
				var correlation = runtimeService.createMessageCorrelation(accepted ? "transfer.accepted" : "transfer.refused")
					.processInstanceId(transferProcessInstanceId).setVariable(RECEIVING_CASE_NO, caseNo);
				if (!accepted) {
					correlation.setVariable("transferRefusalReasons", refusalReasons);
				}
				correlation.correlate();
			}
			catch (MismatchingMessageCorrelationException e) {
				log.warn("Case {}: the transfer process {} no longer waits for an answer ({})", caseNo,
						transferProcessInstanceId, e.getMessage());
			}
		});
	}

	/**
	 * Major if the catalogue (COLLECT, {@code catalogue} its rows) matched a row or an officer flagged it (R-REV-2);
	 * returns the variables of the decision's review (major, reasons, materials, evidence, officers).
	 */
	Map<String, Object> evaluateMajor(Step step, String caseNo, List<Map<String, Object>> catalogue, boolean flagged,
			Object flaggedReason) {
		StringBuilder reasons = new StringBuilder();
		boolean major = false;
		if (catalogue != null) {
			for (Map<String, Object> row : catalogue) {
				if (Boolean.TRUE.equals(row.get("isMajor"))) {
					major = true;
					reasons.append(row.get("catalogueItem")).append("：").append(row.get("reason")).append("\n");
				}
			}
		}
		if (flagged) {
			major = true;
			reasons.append("承办人认定：").append(flaggedReason).append("\n");
		}
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("isMajor", major);
		vars.put("majorReasons", reasons.toString().trim());
		vars.put("decisionType", "PENALTY");
		vars.put("materials", reviewMaterials(evidenceOf(caseNo)));
		vars.put("evidenceList", evidenceList(caseNo));
		vars.put("caseOfficers", caseOfficerList(caseNo));
		caseOf(step, caseNo).markMajor(major);
		return vars;
	}

	/**
	 * The materials a major case sends to legal review (R-REV-3): the draft decision, the investigation report, each
	 * piece of evidence by name (a count alone told the reviewer nothing, and "证据材料（0份）" reached the 送审表),
	 * and the party's statement and hearing materials.
	 */
	static List<String> reviewMaterials(List<Evidence> evidence) {
		List<String> materials = new ArrayList<>(List.of("行政处罚决定书（拟）", "调查终结报告"));
		for (Evidence e : evidence) {
			materials.add("证据：" + e.getKind() + "（" + e.getDescription() + "）");
		}
		materials.add("当事人陈述申辩、听证材料");
		return materials;
	}

	/**
	 * An extension of the decision period approved by the head (行政处罚法 art. 60): by the limit
	 * {@code PENALTY_DECISION_EXTENSION} from the period's end {@code dueAt} (its basis {@code dueBasis}); how many
	 * are allowed is the table {@code decision-period-extension} (checked when the head approves), so the count
	 * ({@code extensions} before this one) is kept here. The new variables go to {@code keep} (the process), before
	 * the period's timers are recalculated from them.
	 */
	void extendDecisionPeriod(Step step, Object dueAt, Object dueBasis, int extensions, Consumer<Map<String, Object>> keep) {
		Map<String, Object> vars = new LinkedHashMap<>(
				deadlines.extendedDue("decisionDueAt", dueAt, dueBasis, "PENALTY_DECISION_EXTENSION").variables());
		vars.put("decisionExtensions", extensions + 1);
		keep.accept(vars);
		recalculateTimers(step.processInstanceId(), "timerEvent_decisionBreach");
	}

	/**
	 * Carries out the seizure (行政强制法 art. 24): the moment, the 30 days (limit {@code SEIZURE}), and the goods
	 * listed by the officer ({@code itemsText}) as the rows of the 查封（扣押）清单. Returns the variables to set.
	 */
	Map<String, Object> startSeizure(String itemsText) {
		Date seizedAt = Date.from(now());
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("seizedAt", seizedAt);
		vars.putAll(deadlines.limitDue("seizureDueAt", "SEIZURE", seizedAt).variables());
		vars.put("seizureExtended", false);
		vars.put("seizureExtensions", 0);
		List<Map<String, Object>> items = SeizedItems.parse(itemsText);
		vars.put("seizedItems", json(items));
		vars.put("seizedItemsSummary", SeizedItems.summary(items));
		return vars;
	}

	/**
	 * The party did not pay within the 15 days (行政处罚法 art. 67) of the decision served on {@code servedOn}: how
	 * many days overdue (for the surcharge of art. 72, dmn/late-payment-surcharge.dmn), until when, the performance
	 * period the demand notice states if served today (10 working days, 行政强制法 arts. 54, 69 — set again from the
	 * day it is served), and the periods of art. 53: the party's 6 months to sue end, then the agency has 3 months to
	 * apply to the court; the payment method unless the process has one. Returns the variables to set.
	 */
	Map<String, Object> prepareDemand(Object servedOn, boolean hasPaymentMethod) {
		Date today = Date.from(now());
		Date paymentDue = deadlines.limit("PAYMENT", servedOn);
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("overdueDays", deadlines.daysAfter(paymentDue, today));
		vars.put("surchargeUntil", today);
		vars.putAll(deadlines.limitDue("demandDueAt", "EXECUTION_DEMAND", today).variables());
		Deadlines.Due litigationEnds = deadlines.limitDue("litigationEndsAt", "LITIGATION_PERIOD", servedOn);
		vars.putAll(litigationEnds.variables());
		Deadlines.Due applicationDue = deadlines.limitDue("courtApplicationDueAt", "COURT_ENFORCEMENT_APPLICATION",
				litigationEnds.at());
		vars.putAll(applicationDue.variables());
		vars.put("litigationPeriodEndsOn", LocalDate.ofInstant(litigationEnds.at().toInstant(), CHINA).toString());
		vars.put("courtApplicationDueOn", LocalDate.ofInstant(applicationDue.at().toInstant(), CHINA).toString());
		if (!hasPaymentMethod) {
			vars.put("paymentMethod", "到指定的银行或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）");
		}
		return vars;
	}

	static final Set<String> APPRAISAL_KINDS = Set.of("TESTING", "INSPECTION", "QUARANTINE", "APPRAISAL");

	/**
	 * The handler sent goods or samples for testing, inspection, quarantine or appraisal: the case's 90-day period
	 * stops until the result is recorded (登记检测、检验、鉴定结果; calendar/period-suspensions.yml). From the case API
	 * and from Tasklist (process {@code case-appraisal}, {@code agency} its tenant); the case must be that agency's
	 * (null: the login's) and in handling.
	 */
	public void requestAppraisal(String caseNo, String kind, String matter, String institution, LocalDate periodEndsOn,
			String by, String agency) {
		if (kind == null || !APPRAISAL_KINDS.contains(kind)) {
			throw Problem.invalid("appraisalKind", "委托事项种类须为 TESTING（检测）、INSPECTION（检验）、QUARANTINE（检疫）或 APPRAISAL（鉴定）");
		}
		LocalDate requestedOn = LocalDate.ofInstant(now(), CHINA);
		long periodDays = appraisalPeriod(requestedOn, periodEndsOn, deadlines);
		InputCheck.requireText("appraisalMatter", "委托检测鉴定的物品和事项", matter, InputCheck.VARIABLE_LENGTH);
		InputCheck.requireText("appraisalInstitution", "受托检测鉴定机构", institution, InputCheck.VARIABLE_LENGTH);
		if (matter.isBlank() || institution.isBlank()) {
			throw Problem.invalid(matter.isBlank() ? "appraisalMatter" : "appraisalInstitution", "请填写委托检测鉴定的物品和事项及受托机构");
		}
		// the agency of the request: from the case API the login's, from Tasklist the starting process's tenant
		EnforcementCase c = find(caseNo).filter(found -> agency != null ? agency.equals(found.getAgencyCode())
				: CurrentUser.get().mayAccessAgency(found.getAgencyCode()))
			.orElseThrow(() -> Problem.notFound("caseId", "案件不存在：" + caseNo));
		// started from Tasklist the correlation runs inside the engine as the officer: the agency was checked above,
		// the message is the system's (as in answerTransfer)
		try {
			AsSystem.run(() -> runtimeService.createMessageCorrelation("enforcement.appraisalRequested")
				.processInstanceBusinessKey(caseNo)
				.setVariables(Map.of("appraisalKind", kind, "appraisalMatter", matter, "appraisalInstitution", institution,
						"appraisalRequestedBy", by, "appraisalRequestedAt", Date.from(now()), APPRAISAL_PERIOD_ENDS_ON,
						periodEndsOn.toString(), "appraisalPeriodDays", (int) periodDays))
				.correlate());
		}
		catch (MismatchingMessageCorrelationException e) {
			throw Problem.conflict("caseId", "案件当前阶段不能委托检测、检验、鉴定（" + c.getStage() + "）");
		}
	}

	/** The start form's field of the period's last day (also the case variable). */
	static final String APPRAISAL_PERIOD_ENDS_ON = "appraisalPeriodEndsOn";

	/**
	 * 行政强制法 art. 25(3): the period of testing, inspection, quarantine or appraisal is stated (明确) and told to
	 * the party in writing (the 期间告知书 prints it). It ends after the day of the request and not later than the
	 * limit {@code APPRAISAL_PERIOD_MAX} from it (calendar/statutory-limits.yml, data); returns its length in days.
	 */
	static long appraisalPeriod(LocalDate requestedOn, LocalDate endsOn, Deadlines deadlines) {
		if (endsOn == null) {
			throw Problem.invalid(APPRAISAL_PERIOD_ENDS_ON, "检测、检验、检疫、鉴定期间届满日期必须填写（《中华人民共和国行政强制法》第二十五条第三款："
					+ "检测、检验、检疫或者技术鉴定的期间应当明确，并书面告知当事人）");
		}
		if (!endsOn.isAfter(requestedOn)) {
			throw Problem.invalid(APPRAISAL_PERIOD_ENDS_ON, "检测、检验、检疫、鉴定期间届满日期 " + endsOn + " 应当晚于委托之日 " + requestedOn);
		}
		LocalDate last = LocalDate.ofInstant(deadlines.limit("APPRAISAL_PERIOD_MAX", requestedOn.toString()).toInstant(), CHINA);
		if (endsOn.isAfter(last)) {
			throw Problem.invalid(APPRAISAL_PERIOD_ENDS_ON, "检测、检验、检疫、鉴定期间届满日期 " + endsOn + " 超过登记上限：自委托之日 "
					+ requestedOn + " 起至 " + last + " 止（calendar/statutory-limits.yml APPRAISAL_PERIOD_MAX）；期间更长的，请按受托机构的书面答复分次登记");
		}
		return java.time.temporal.ChronoUnit.DAYS.between(requestedOn, endsOn);
	}

	/**
	 * 行政强制法 art. 19: the head did not approve a seizure carried out on the spot — it is lifted at once and
	 * the goods are returned (art. 28(2)); {@code approvalOpinion} is the head's opinion. Returns the variables to set.
	 */
	Map<String, Object> liftSeizure(Object approvalOpinion) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("seizureLiftedAt", Date.from(now()));
		vars.put("seizureOutcome", "RELEASED");
		vars.put("seizureOutcomeBasis", "行政机关负责人认为不应当采取行政强制措施，立即解除（《中华人民共和国行政强制法》第十九条）："
				+ approvalOpinion);
		return vars;
	}

	/**
	 * One 30-day extension of the seizure approved by the head (行政强制法 art. 25(1)), and the written notice
	 * of it to the party with the reason (art. 25(2)), kept with the case. The new variables go to {@code keep} (the
	 * process), before the seizure's timers are recalculated from them.
	 */
	void extendSeizure(Step step, SeizureFacts seizure, Consumer<Map<String, Object>> keep) {
		Deadlines.Due due = deadlines.extendedDue("seizureDueAt", seizure.dueAt(), seizure.dueBasis(), "SEIZURE_EXTENSION");
		Map<String, Object> vars = new LinkedHashMap<>(due.variables());
		vars.put("seizureExtended", true);
		vars.put("seizureExtensions", seizure.extensions() + 1);
		vars.put("seizureExtensionNotice", seizureExtensionNotice(seizure, due.at()));
		keep.accept(vars);
		recalculateTimers(step.processInstanceId(), "timerEvent_seizureBreach");
	}

	/**
	 * The seizure as the process holds it: its end ({@code seizureDueAt}) and that end's basis, the extensions so
	 * far, and what the extension notice states (values as the process holds them).
	 */
	record SeizureFacts(Object dueAt, Object dueBasis, int extensions, Object seizedAt, Object measure, Object partyName,
			Object decisionNumber, Object itemsSummary, Object extensionReason) {
	}

	private static String seizureExtensionNotice(SeizureFacts seizure, Date due) {
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日");
		String from = seizure.seizedAt() instanceof Date d ? day.format(d.toInstant().atZone(CHINA)) : "";
		String measure = "SEAL".equals(seizure.measure()) ? "查封" : "扣押";
		return "延长" + measure + "期限通知书\n" + seizure.partyName() + "：\n本机关于" + from + "以"
				+ seizure.decisionNumber() + "《查封（扣押）决定书》对你（单位）的" + seizure.itemsSummary()
				+ "实施了" + measure + "。因" + seizure.extensionReason() + "，经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条，"
				+ measure + "期限延长至" + day.format(due.toInstant().atZone(CHINA)) + "。检测、检验、检疫或者技术鉴定的期间不计入" + measure + "期限。";
	}

	/**
	 * Records evidence of a case: a statutory kind, texts that fit their columns of {@code zf_evidence}, and the way the
	 * party confirmed it that {@code evidence/confirmation.yml} lists for the kind (R-COORD-7); else 400 naming the field.
	 */
	@Transactional
	public Evidence addEvidence(String caseNo, String kind, String description, Instant obtainedAt, String obtainedBy,
			String fileRefs, String confirmationWay, String recordedBy) {
		evidenceText("kind", "证据种类", kind);
		if (!EvidenceLines.KINDS.contains(kind.strip())) {
			throw invalid("kind", "证据种类应为 " + String.join("、", EvidenceLines.KINDS) + " 之一（行政处罚法第四十六条）");
		}
		evidenceText("description", "证据内容", description);
		evidenceText("obtainedBy", "取证人员", obtainedBy);
		evidenceText("fileRefs", "附件", fileRefs);
		EvidenceConfirmation.Way way = confirmation.way(kind.strip(), confirmationWay == null ? "" : confirmationWay.strip())
			.orElseThrow(() -> invalid("confirmation", "请注明当事人证据确认方式（当事人证据确认制度）：" + kind.strip() + "为 "
					+ String.join("、", confirmation.ways(kind.strip()).stream().map(EvidenceConfirmation.Way::name).toList())
					+ " 之一"));
		return evidence.save(new Evidence(caseNo, kind.strip(), description, obtainedAt, obtainedBy, fileRefs, recordedBy, now(),
				way));
	}

	private static void evidenceText(String field, String label, String value) {
		InputCheck.requireText(field, label, value, InputCheck.column(Evidence.class, field));
	}

	public Optional<EnforcementCase> find(String caseNo) {
		return cases.findById(caseNo);
	}

	public List<Evidence> evidenceOf(String caseNo) {
		return evidence.findByCaseNoOrderByIdAsc(caseNo);
	}

	public List<CaseOfficer> officersOf(String caseNo) {
		return officers.findByCaseNoOrderByIdAsc(caseNo);
	}

	/**
	 * A page of the agencies' cases, newest first: of one stage ({@code stage} null: any), and — when {@code overdue}
	 * is not null — only those that are (or are not) overdue now ({@link CaseRepository#OVERDUE}). Every filter is
	 * part of the query, so the page is full and the total counts the filtered cases.
	 */
	public Page<EnforcementCase> list(Collection<String> agencies, String stage, Boolean overdue, int page, int size) {
		if (overdue != null) {
			return cases.findByOverdue(agencies, stage == null, stage == null ? "" : stage, overdue,
					Date.from(clock.instant()), PageRequest.of(page, size));
		}
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("caseNo")));
		return stage == null ? cases.findByAgencyCodeIn(agencies, request)
				: cases.findByAgencyCodeInAndStage(agencies, stage, request);
	}

	/** The case the receiving agency registered from a case transfer (R-COORD-5), if it did. */
	public Optional<EnforcementCase> receivedThrough(String transferProcessInstanceId) {
		return cases.findFirstByTransferProcessInstanceId(transferProcessInstanceId);
	}

	private void recalculateTimers(String processInstanceId, String activityId) {
		for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
			.timers().list()) {
			managementService.recalculateJobDuedate(job.getId(), false);
		}
	}

	/** The officer joins the case in this role (zf_case_officer), once. */
	void assignOfficer(String caseNo, String userId, String assignment) {
		assign(caseNo, userId, assignment);
	}

	private void assign(String caseNo, String userId, String assignment) {
		if (userId != null && !officers.existsByCaseNoAndUserIdAndAssignment(caseNo, userId, assignment)) {
			officers.save(new CaseOfficer(caseNo, userId, assignment, now()));
		}
	}

	/** The case of the step's process: the case whose process it is (a case variable pointing elsewhere is refused). */
	private EnforcementCase caseOf(Step step, String caseNo) {
		EnforcementCase c = cases.findById(caseNo).orElseThrow(() -> new IllegalStateException("no case " + caseNo));
		if (!step.processInstanceId().equals(c.getProcessInstanceId())) {
			log.warn("Refused a step of process {} on case {} of process {}", step.processInstanceId(), caseNo,
					c.getProcessInstanceId());
			throw new AuthorizationException("案号“" + caseNo + "”不属于本流程，不能办理");
		}
		return c;
	}

	private String nextCaseNo(String agencyCode) {
		Agency agency = agencies.findById(agencyCode).orElseThrow();
		int year = LocalDate.ofInstant(now(), CHINA).getYear();
		int n = numbers.next(agencyCode, "CASE", year);
		return DocumentNumbers.format(agency.getShortName(), numberAbbreviation, year, n);
	}

	private void validate(NewCase c) {
		text(AGENCY_CODE, "执法主体", c.agencyCode(), "agencyCode");
		text("caseSource", "案件来源", c.source(), "source");
		text("partyType", "当事人类型", c.partyType(), "partyType");
		text("partyName", "当事人名称", c.partyName(), "partyName");
		text("partyIdNumber", "公民身份号码 / 统一社会信用代码", c.partyIdNumber(), "partyIdNumber");
		text("partyContact", "当事人联系方式", c.partyContact(), "partyContact");
		text(PARTY_ADDRESS, "当事人住所（地址）", c.partyAddress(), "partyAddress");
		text("violationCode", "违法行为代码", c.violationCode(), "violationCode");
		text("facts", "违法事实", c.facts(), "facts");
		text("transferredFromCaseNo", "移送案号", c.transferredFromCaseNo(), "transferredFromCaseNo");
		if (!StringUtils.hasText(c.agencyCode()) || !agencies.existsById(c.agencyCode())) {
			throw invalid(AGENCY_CODE, "执法主体不存在：" + c.agencyCode());
		}
		if (c.source() == null || !SOURCES.contains(c.source())) {
			throw invalid("caseSource", "案件来源须为 " + SOURCES + " 之一");
		}
		if (c.partyType() == null || !PARTY_TYPES.contains(c.partyType())) {
			throw invalid("partyType", "当事人类型须为 PERSON（自然人）或 ORG（法人或其他组织）");
		}
		if (!StringUtils.hasText(c.partyName())) {
			throw invalid("partyName", "当事人名称必须填写");
		}
		if (!"TRANSFER".equals(c.source()) && !StringUtils.hasText(c.partyAddress())) {
			// a case transferred in keeps what the transferring agency recorded; every other one names the address
			throw invalid(PARTY_ADDRESS, "当事人住所（地址）必须填写（自然人写住所，单位写住所或主要经营场所；"
					+ "《中华人民共和国行政处罚法》第五十二条、第五十九条，决定书应当载明当事人的姓名或者名称、地址）");
		}
		if ("PERSON".equals(c.partyType()) && !PartyIds.isValidIdCard(c.partyIdNumber())) {
			throw invalid("partyIdNumber", "自然人须填写有效的18位公民身份号码（含校验位）");
		}
		if ("ORG".equals(c.partyType()) && !PartyIds.isValidCreditCode(c.partyIdNumber())) {
			throw invalid("partyIdNumber", "法人或其他组织须填写有效的18位统一社会信用代码（含校验位）");
		}
		if (!StringUtils.hasText(c.violationCode())) {
			throw invalid("violationCode", "违法行为代码必须填写（见裁量基准表）");
		}
		List<String> codes = rules.inputValues(DecisionKeys.DISCRETION_BENCHMARK, "violationCode", c.agencyCode());
		if (!codes.isEmpty() && !codes.contains(c.violationCode())) {
			throw invalid("violationCode", "违法行为代码须为裁量基准表所列之一：" + String.join("、", codes));
		}
		if (!"TRANSFER".equals(c.source())) {
			// R-QUAL-4: a power not on the agency's item list in force is not used (a case transferred in keeps the
			// sending agency's code; the receiving head decides at filing whether the matter is the agency's)
			itemLists.requireOnList(c.agencyCode(), c.violationCode(), "violationCode");
		}
		if (!StringUtils.hasText(c.facts())) {
			throw invalid("facts", "违法事实必须填写");
		}
		if (c.discoveredOn() == null || c.discoveredOn().isAfter(LocalDate.ofInstant(now(), CHINA))) {
			throw invalid("discoveredOn", "发现日期必须填写且不得晚于今天");
		}
		limitation(c, deadlines);
		String fine = InputCheck.amountFlaw(c.proposedFine());
		if (fine != null) {
			throw invalid("proposedFine", "罚款数额" + fine);
		}
		if (c.summaryProcedure() && c.proposedFine() == null) {
			throw invalid("proposedFine", "简易程序须填写当场罚款数额");
		}
	}

	/**
	 * 行政处罚法 art. 36: a violation not discovered within 2 years (5 where life/health or financial security
	 * was harmed) of the day it was committed, or ended if continuing, is not penalised; such a case is not
	 * registered. The periods are the limits {@code LIMITATION} / {@code LIMITATION_HARM} (data).
	 */
	static void limitation(NewCase c, Deadlines deadlines) {
		if (c.violationDate() == null) {
			return;
		}
		if (c.violationDate().isAfter(c.discoveredOn())) {
			throw invalid("violationDate", "违法行为发生日期 " + c.violationDate() + " 不得晚于发现日期 " + c.discoveredOn());
		}
		String key = c.limitationHarm() ? "LIMITATION_HARM" : "LIMITATION";
		LocalDate last = LocalDate.ofInstant(deadlines.limit(key, c.violationDate().toString()).toInstant(), CHINA);
		if (c.discoveredOn().isAfter(last)) {
			throw invalid("violationDate", "已过追责时效，不予立案：《中华人民共和国行政处罚法》第三十六条，违法行为在" + (c.limitationHarm()
					? "五年（涉及公民生命健康安全、金融安全且有危害后果）" : "二年") + "内未被发现的，不再给予行政处罚；本案违法行为发生（终了）于 "
					+ c.violationDate() + "，至 " + last + " 届满，发现于 " + c.discoveredOn());
		}
	}

	/** A text of the case must fit its column of {@code zf_case}, without zero bytes or broken characters. */
	private static void text(String field, String label, String value, String property) {
		String flaw = InputCheck.textFlaw(value, InputCheck.column(EnforcementCase.class, property));
		if (flaw != null) {
			throw invalid(field, label + flaw);
		}
	}

	Instant now() {
		return clock.instant();
	}

	/** The form field's validation error naming the field (ADR-0013). */
	static RuntimeException invalid(String field, String message) {
		return FormFields.invalid(field, message);
	}
}

package cn.zhifa.inspection;

import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.NewCase;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.ReproducibleDraw;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.qualification.QualificationService;
import cn.zhifa.record.RecordService;

/**
 * Random inspections ("双随机、一公开", R-DISC-1; 国发〔2019〕5号, 国办发〔2015〕58号): an agency's plan for an item of its
 * random-inspection list ({@code inspections/items.yml}) draws targets from the register ({@code inspections/targets.yml})
 * and two inspectors per target from its certified officers, excluding conflicts ({@link InspectionDraw}, recorded and
 * reproducible); each drawn target is an inspection task for its two inspectors; a violation found opens an enforcement
 * case (source 随机抽查) linked to the inspection; the agency's head publishes every result on the portal within the
 * period of {@code INSPECTION_RESULT_PUBLICATION} (calendar/statutory-limits.yml). The process {@code random-inspection}
 * calls these steps through thin delegates.
 */
@Service
public class InspectionService {

	static final String PROCESS_KEY = "random-inspection";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final String PUBLICATION_LIMIT = "INSPECTION_RESULT_PUBLICATION";
	static final int MAX_TARGETS = 200;
	/** 检查结果: code → label (the form offers these; the portal shows the label). */
	static final Map<String, String> RESULTS = Map.of("NO_PROBLEM", "未发现问题", "RECTIFIED", "发现问题已责令改正", "VIOLATION",
			"发现违法行为，立案查处", "NOT_FOUND", "通过登记的住所（经营场所）无法联系");

	// process variables
	static final String PLAN_NO = "inspectionPlanNo";
	static final String PLAN_NAME = "inspectionPlanName";
	static final String ITEM_CODE = "inspectionItemCode";
	static final String ITEM_NAME = "inspectionItemName";
	static final String TARGET_COUNT = "inspectionTargetCount";
	static final String DRAWN_COUNT = "inspectionDrawnCount";
	static final String DRAWN_NOS = "inspectionNos";
	static final String DRAWN_TEXT = "inspectionDrawText";
	static final String SEED = "inspectionSeed";
	// per inspection (local to its instance of the sub-process)
	static final String NO = "inspectionNo";
	static final String TARGET = "inspectionTargetName";
	static final String TARGET_CODE = "inspectionTargetCode";
	static final String TARGET_ADDRESS = "inspectionTargetAddress";
	static final String INSPECTORS = "inspectionInspectors";
	static final String INSPECTOR = "inspectionInspector";
	static final String CO_INSPECTOR = "inspectionCoInspector";
	static final String RESULT = "inspectionResult";
	static final String FINDINGS = "inspectionFindings";
	static final String RESULT_LABEL = "inspectionResultLabel";
	static final String VIOLATION = "inspectionViolation";
	static final String CASE_NO = "inspectionCaseNo";
	static final String PUBLICATION_DUE = "inspectionPublicationDueAt";
	static final String PUBLIC_TEXT = "inspectionPublicText";

	private final InspectionPlanRepository plans;
	private final InspectionRepository inspections;
	private final InspectionRegister register;
	private final AgencyRepository agencies;
	private final QualificationService qualification;
	private final DocumentNumbers numbers;
	private final IdentityService identity;
	private final RecordService records;
	private final EnforcementCaseService cases;
	private final Deadlines deadlines;
	private final Clock clock;
	private final SecureRandom seeds = new SecureRandom();

	InspectionService(InspectionPlanRepository plans, InspectionRepository inspections, InspectionRegister register,
			AgencyRepository agencies, QualificationService qualification, DocumentNumbers numbers,
			IdentityService identity, RecordService records, EnforcementCaseService cases, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.inspections = inspections;
		this.register = register;
		this.agencies = agencies;
		this.qualification = qualification;
		this.numbers = numbers;
		this.identity = identity;
		this.records = records;
		this.cases = cases;
		this.deadlines = deadlines;
	}

	// --- reading (REST, portal)

	@Transactional(readOnly = true)
	public List<InspectionPlan> plansOf(Collection<String> agencyCodes, boolean all) {
		return Registers.ofAgencies(agencyCodes, all, plans::findAllByOrderByStartedAtDesc,
				plans::findByAgencyCodeInOrderByStartedAtDesc);
	}

	@Transactional(readOnly = true)
	public Optional<InspectionPlan> plan(String planNo) {
		return Registers.find(planNo, plans::findById);
	}

	@Transactional(readOnly = true)
	public List<Inspection> inspectionsOf(String planNo) {
		return inspections.findByPlanNoOrderByDrawOrder(planNo);
	}

	/** The results published on the portal, latest first. */
	@Transactional(readOnly = true)
	public List<Inspection> published() {
		return inspections.findByPublishedAtNotNullOrderByPublishedAtDesc();
	}

	public InspectionRegister register() {
		return register;
	}

	public static String resultLabel(String result) {
		return result == null ? "" : RESULTS.getOrDefault(result, result);
	}

	// --- the steps of random-inspection

	/** What the draw registered, for the process's variables. */
	record Drawn(String planNo, String agency, String agencyName, String itemName, String seed, int drawnCount,
			String drawnNos, String drawnText) {
	}

	/**
	 * 制定抽查计划并随机抽取: the start form checked (400 naming the field), the item of the agency's list, the
	 * population of the register's targets of the item's kinds, the certified officers on the day, the conflicts per
	 * target (its related officers; the inspectors of its last inspection), a fresh seed; the draw saved with the plan
	 * and as an entry of the full-process record under the plan number. The form's texts come trimmed (blank is absent),
	 * the number of targets as the form gave it.
	 */
	Drawn draw(Step step, String planName, String itemCode, Object targetCount) {
		if (step.actorIn(Roles.SUPERVISOR)) {
			throw new AuthorizationException("随机抽查计划由执法机关制定，执法监督人员只能查看");
		}
		String agency = step.agency();
		Agency a = agency == null ? null : agencies.findById(agency).orElse(null);
		if (a == null) {
			throw new AuthorizationException("随机抽查计划须由执法机关的人员在本机关制定");
		}
		requiredText(planName, PLAN_NAME, "抽查计划名称", 200);
		required(itemCode, ITEM_CODE, "抽查事项");
		InspectionRegister.Item item = register.item(a.getCode(), itemCode).orElseThrow(() -> invalid(ITEM_CODE,
				"抽查事项须为本机关随机抽查事项清单所列之一（" + String.join("、", register.itemsOf(a.getCode()).stream()
					.map(i -> i.code() + " " + i.name()).toList()) + "），收到 " + itemCode));
		List<InspectionRegister.Target> population = register.targetsFor(item);
		int count = count(targetCount, population.size());
		LocalDate today = qualification.today();
		List<String> officers = qualification.certifiedOfficers(a.getCode(), today).stream().map(Officer::getUserId)
			.toList();
		Map<String, List<String>> excluded = new LinkedHashMap<>();
		for (InspectionRegister.Target t : population) {
			excluded.put(t.code(), exclusions(a.getCode(), t, officers));
		}
		InspectionDraw draw;
		try {
			draw = InspectionDraw.draw(seeds.nextLong(), population.stream().map(InspectionRegister.Target::code).toList(),
					count, officers, excluded);
		}
		catch (InspectionDraw.NotEnoughInspectors e) {
			throw invalid(TARGET_COUNT, "检查对象 " + e.target() + " 回避后可抽取的持证执法人员只有" + e.eligible()
					+ "名，每个检查对象须由两名执法人员检查；请先为本机关增加持证执法人员或者调整检查对象名录库中的回避人员");
		}
		Instant at = now();
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		String no = a.getShortName() + "抽查〔" + year + "〕" + numbers.next(a.getCode(), "INSPECTION_PLAN", year) + "号";
		String by = step.actor();
		plans.save(new InspectionPlan(no, a.getCode(), planName, item, by, at, step.processInstanceId(), count, draw));
		List<String> nos = new ArrayList<>();
		StringBuilder table = new StringBuilder("| 序号 | 检查对象 | 统一社会信用代码 | 检查人员 |\n|---|---|---|---|\n");
		int order = 0;
		for (InspectionDraw.Drawn d : draw.drawn()) {
			InspectionRegister.Target t = population.stream().filter(x -> x.code().equals(d.target())).findFirst().orElseThrow();
			Inspection i = inspections.save(new Inspection(no, ++order, a.getCode(), t, d.inspectors()));
			nos.add(i.getInspectionNo());
			table.append("| ").append(order).append(" | ").append(t.name()).append(" | ").append(t.code()).append(" | ")
				.append(names(d.inspectors())).append(" |\n");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("agencyCode", a.getCode());
		data.put("itemCode", item.code());
		data.put("seed", Long.toString(draw.seed()));
		data.put("targetCount", count);
		data.put("targetPopulationSize", draw.targets().size());
		data.put("targetPopulationSha256", draw.targetHash());
		data.put("officerPopulation", draw.officers());
		data.put("officerPopulationSha256", draw.officerHash());
		data.put("exclusions", draw.exclusions());
		data.put("drawn", draw.drawnText());
		records.append(no, "INSPECTION_DRAWN", by, a.getCode(), step.processInstanceId(), step.activityId(), data);
		return new Drawn(no, a.getCode(), a.getName(), item.name(), Long.toString(draw.seed()), draw.drawn().size(),
				String.join("\n", nos), table.toString());
	}

	/** The inspection a sub-process instance is about, for its own scope's variables. */
	record Prepared(String no, String target, String targetCode, String targetAddress, String inspectors, String inspector,
			String coInspector) {
	}

	/**
	 * 确定检查对象和检查人员 (first step of each sub-process instance, one per drawn target, all at once): the inspection
	 * this instance is about, on its own scope — the task goes to the first drawn inspector (assignee: 我的待办) and the
	 * second (candidate user); nobody else. {@code counter} is the instance's {@code loopCounter}, {@code drawnNos} the
	 * plan's inspection numbers, one a line.
	 */
	Prepared prepareInspection(Object counter, String drawnNos) {
		List<String> nos = ReproducibleDraw.lines(drawnNos);
		int index = counter instanceof Number n ? n.intValue() : 0;
		if (index < 0 || index >= nos.size()) {
			throw new IllegalStateException("inspection " + index + " of " + nos.size() + " drawn targets");
		}
		Inspection i = inspections.findById(nos.get(index)).orElseThrow();
		return new Prepared(i.getInspectionNo(), i.getTargetName(), i.getTargetCode(), i.getTargetAddress(),
				names(i.inspectors()), i.getInspector1(), i.getInspector2());
	}

	/**
	 * 实施检查并录入结果 completed: only one of the two drawn inspectors; a result of the list and the findings; kept with
	 * the inspection, the form's fields then removed (the inspections run side by side in one instance).
	 */
	void checkResult(Step step, String no, String result, String findings) {
		Inspection i = inspectionOf(step, no);
		String by = step.actor();
		if (!i.inspectors().contains(by)) {
			throw new AuthorizationException("检查结果只能由抽中的检查人员（" + names(i.inspectors()) + "）录入");
		}
		if (result == null || !RESULTS.containsKey(result)) {
			throw invalid(RESULT, "检查结果须为 " + String.join("、", RESULTS.values()) + " 之一，收到 " + result);
		}
		requiredText(findings, FINDINGS, "VIOLATION".equals(result) ? "检查情况（违法事实）" : "检查情况", 4000);
		i.resultRecorded(result, findings, by);
	}

	/** A concluded inspection for its scope's variables: the result's label, whether a case is opened, the due date. */
	record Concluded(String resultLabel, boolean violation, Date publicationDue) {
	}

	/**
	 * 登记检查结果: the inspection concluded now; the publication due {@code INSPECTION_RESULT_PUBLICATION} after it; an
	 * entry of the full-process record under the plan number; whether a case is to be opened.
	 */
	Concluded conclude(Step step, String no) {
		Inspection i = inspectionOf(step, no);
		if (i.getResult() == null) {
			throw new IllegalStateException("inspection " + i.getInspectionNo() + " has no result");
		}
		Instant at = now();
		Date due = deadlines.limit(PUBLICATION_LIMIT, Date.from(at));
		i.concluded(at, due.toInstant());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("inspectionNo", i.getInspectionNo());
		data.put("target", i.getTargetCode());
		data.put("result", i.getResult());
		data.put("recordedBy", i.getRecordedBy());
		data.put("publicationDueAt", due.toInstant().toString());
		records.append(i.getPlanNo(), "INSPECTION_CONCLUDED", i.getRecordedBy(), i.getAgencyCode(),
				step.processInstanceId(), step.activityId(), data);
		return new Concluded(resultLabel(i.getResult()), "VIOLATION".equals(i.getResult()), due);
	}

	/**
	 * 立案查处: an enforcement case of this agency (source RANDOM_INSPECTION) for the target — the register's name,
	 * credit code and address as the party, the item's violation code, the findings as the facts — registered by the
	 * inspector who recorded the result, through the same register (all its checks apply); linked both ways. Returns
	 * the case number.
	 */
	String openCase(Step step, String no) {
		Inspection i = inspectionOf(step, no);
		if (i.getCaseNo() != null) {
			return i.getCaseNo(); // a retried step opens no second case
		}
		InspectionPlan plan = plans.findById(i.getPlanNo()).orElseThrow();
		InspectionRegister.Item item = register.item(i.getAgencyCode(), plan.getItemCode())
			.orElseThrow(() -> new IllegalStateException("inspection item " + plan.getItemCode() + " is no longer listed"));
		NewCase newCase = new NewCase(i.getAgencyCode(), EnforcementCaseService.SOURCE_RANDOM_INSPECTION, false, "ORG",
				i.getTargetName(), i.getTargetCode(), null, false, item.violationCode(),
				"随机抽查（" + plan.getPlanNo() + "，" + item.name() + "）发现：" + i.getFindings(),
				LocalDate.ofInstant(i.getConcludedAt(), CHINA), null, null, null).withPartyAddress(i.getTargetAddress());
		String caseNo = cases.registerFromInspection(newCase, i.getRecordedBy(), i.getInspectionNo());
		i.caseOpened(caseNo);
		return caseNo;
	}

	/** Task {@code create} of 公示检查结果: the text to publish, proposed from the result (the head may edit it). */
	String preparePublication(Step step, String no) {
		Inspection i = inspectionOf(step, no);
		return switch (i.getResult()) {
			case "NO_PROBLEM" -> "经检查，未发现问题。";
			case "RECTIFIED" -> "经检查，发现问题，已责令改正。";
			case "VIOLATION" -> "经检查，发现违法行为，已立案查处（案号 " + i.getCaseNo() + "）。";
			default -> "通过登记的住所（经营场所）无法联系。";
		};
	}

	/** The text to publish is required (it is shown to everyone: no personal data beyond the target's name). */
	void checkPublication(String text) {
		requiredText(text, PUBLIC_TEXT, "公示内容", 2000);
	}

	/** 公示: the result on the portal now; on time against the publication due date. */
	void publish(Step step, String no, String text) {
		Inspection i = inspectionOf(step, no);
		required(text, PUBLIC_TEXT, "公示内容");
		i.published(text, step.actor(), now());
		records.append(i.getPlanNo(), "INSPECTION_PUBLISHED", step.actor(), i.getAgencyCode(), step.processInstanceId(),
				step.activityId(), Map.of("inspectionNo", i.getInspectionNo(), "onTime",
						Boolean.TRUE.equals(i.getPublishedOnTime())));
	}

	/** Every drawn target inspected and published: the plan is done. */
	void finish(Step step, String no) {
		required(no, PLAN_NO, "抽查计划编号");
		InspectionPlan plan = plans.findById(no).orElseThrow();
		if (!step.processInstanceId().equals(plan.getProcessInstanceId())) {
			throw new AuthorizationException("抽查计划“" + no + "”不由本流程办理");
		}
		plan.finished(now());
	}

	// --- helpers

	private Inspection inspectionOf(Step step, String no) {
		required(no, NO, "检查编号");
		Inspection i = inspections.findById(no).orElseThrow(() -> new IllegalStateException("no inspection " + no));
		InspectionPlan plan = plans.findById(i.getPlanNo()).orElseThrow();
		if (!step.processInstanceId().equals(plan.getProcessInstanceId())) {
			throw new AuthorizationException("检查“" + no + "”不由本流程办理");
		}
		return i;
	}

	/**
	 * Who may not inspect {@code target} (回避): always its related officers (利害关系, targets.yml); also the two who
	 * inspected it last time, unless that would leave fewer than two officers for it — rotation is good practice, the
	 * related officers' recusal is the law's (行政处罚法 art. 43). The exclusions applied are recorded with the draw.
	 */
	List<String> exclusions(String agency, InspectionRegister.Target target, List<String> officers) {
		Set<String> ex = new LinkedHashSet<>(target.relatedOfficers());
		Set<String> withLast = new LinkedHashSet<>(ex);
		inspections.findByAgencyCodeAndTargetCodeAndConcludedAtNotNullOrderByConcludedAtDesc(agency, target.code())
			.stream().findFirst().ifPresent(last -> withLast.addAll(last.inspectors()));
		long left = officers.stream().filter(o -> !withLast.contains(o)).count();
		return List.copyOf(left >= InspectionDraw.INSPECTORS ? withLast : ex);
	}

	private static int count(Object value, int population) {
		String message = "抽取检查对象数须为1至" + Math.min(population, MAX_TARGETS) + "之间的整数（本事项的检查对象名录共"
				+ population + "个），收到 " + value;
		if (population == 0) {
			throw invalid(TARGET_COUNT, "本事项的检查对象名录中没有检查对象，无法抽取");
		}
		long n;
		if (value instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
			n = num.longValue();
		}
		else {
			try {
				n = Long.parseLong(value == null ? "" : value.toString().strip());
			}
			catch (NumberFormatException e) {
				throw invalid(TARGET_COUNT, message);
			}
		}
		if (n < 1 || n > Math.min(population, MAX_TARGETS)) {
			throw invalid(TARGET_COUNT, message);
		}
		return (int) n;
	}

	private String names(List<String> userIds) {
		return String.join("、", userIds.stream().map(u -> identity.createUserQuery().userId(u).list().stream().findFirst()
			.map(x -> (x.getLastName() == null ? "" : x.getLastName()) + (x.getFirstName() == null ? "" : x.getFirstName())
					+ "（" + u + "）")
			.orElse(u)).toList());
	}

	Instant now() {
		return clock.instant();
	}
}

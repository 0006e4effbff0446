package cn.zhifa.supervision;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.ReproducibleDraw;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.SupervisorSteps;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;

/**
 * Case-file review (案卷评查, R-REC-7; seed 003 四(二) "建立健全执法案件统计和执法案卷评查制度，定期对执法案卷进行评查";
 * seed 001 "发挥全过程记录信息在案卷评查…中的作用"): the justice bureau draws a random sample of an agency's case files
 * closed in a year ({@link CaseFileDraw}, the sample size by {@code templates/case-file-review.yml}), scores each file
 * against the checklist of that file — the case file (ZIP export) and its full-process record, with the interference
 * reports, open from the task — concludes with its opinion and, if needed, a supervision notice
 * ({@code supervision-notice}, source {@code CASE_FILE_REVIEW}), and the agency's head acknowledges. The process
 * {@code case-file-review} calls these steps through thin delegates.
 */
@Service
class CaseFileReviewService {

	static final String PROCESS_KEY = SupervisorSteps.CASE_FILE_REVIEW_PROCESS;
	/** The closed case files reviewed: enforcement cases (行政执法案件). */
	static final String CASE_PROCESS = "enforcement-case";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final String COUNTER_AGENCY = "COUNTY";
	static final Set<String> FOLLOW_UPS = Set.of("RESULTS_ONLY", "NOTICE");
	static final String INTERFERENCE = "INTERFERENCE_REPORTED";
	/** Why a supervisor opens the case file (R-REC-5: a supervisor's retrieval states its purpose and is recorded). */
	static final String PURPOSE = "案卷评查";

	// process variables
	static final String NO = "caseFileReviewNo";
	static final String AGENCY = SupervisorSteps.SUPERVISED_AGENCY;
	static final String AGENCY_NAME = "supervisedAgencyName";
	static final String YEAR = "reviewYear";
	static final String SEED = "reviewSeed";
	static final String POPULATION_SIZE = "reviewPopulationSize";
	static final String POPULATION_HASH = "reviewPopulationHash";
	static final String SAMPLE_SIZE = "reviewSampleSize";
	static final String CASES = "reviewCases";
	static final String CASE_NO = "reviewCaseNo";
	static final String CASE_SUMMARY = "reviewCaseSummary";
	static final String CASE_FILE_URL = "reviewCaseFileUrl";
	static final String CASE_RECORD_URL = "reviewCaseRecordUrl";
	static final String CASE_INTERFERENCE = "reviewInterference";
	static final String OPTIONS = "reviewDeductionOptions";
	static final String CHECKLIST = "reviewChecklistText";
	static final String DEDUCTIONS = "reviewDeductions";
	static final String COMMENTS = "reviewComments";
	static final String RESULTS = "reviewResults";
	static final String RESULTS_TEXT = "reviewResultsText";
	static final String AVERAGE = "reviewAverageScore";
	static final String FAILED = "reviewFailedCount";
	static final String CONCLUSION = "reviewConclusion";
	static final String FOLLOW_UP = "reviewFollowUp";
	static final String REQUIREMENT = "rectificationRequirement";
	static final String REPORT_DOC = "reviewReportDocId";
	static final String NOTICE_NO = "reviewNoticeNo";
	static final String ACKNOWLEDGEMENT = "reviewAcknowledgement";

	private final CaseFileReviewRepository reviews;
	private final CaseFileReviewItemRepository items;
	private final CaseFileReviewStandard standards;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final HistoryService history;
	private final RecordService records;
	private final ObjectMapper json = new ObjectMapper();
	private final SecureRandom seeds = new SecureRandom();
	private final String bureau;
	/** 代字 of the review numbers: 区司法评查〔2026〕1号 (one county-wide series a year). */
	private final String prefix;
	private final Clock clock;

	CaseFileReviewService(CaseFileReviewRepository reviews, CaseFileReviewItemRepository items,
			CaseFileReviewStandard standards, AgencyRepository agencies, DocumentNumbers numbers,
			@Lazy RuntimeService runtime, @Lazy RepositoryService repository, HistoryService history, RecordService records,
			@Value("${zhifa.supervision.bureau-name:某区司法局}") String bureau,
			@Value("${zhifa.supervision.review-prefix:区司法评查}") String prefix, Clock clock) {
		this.clock = clock;
		this.reviews = reviews;
		this.items = items;
		this.standards = standards;
		this.agencies = agencies;
		this.numbers = numbers;
		this.runtime = runtime;
		this.repository = repository;
		this.history = history;
		this.records = records;
		this.bureau = bureau;
		this.prefix = prefix;
	}

	// --- reading (REST)

	@Transactional(readOnly = true)
	public List<CaseFileReview> ofAgencies(Collection<String> agencyCodes, boolean all) {
		return Registers.ofAgencies(agencyCodes, all, reviews::findAllByOrderByStartedAtDesc,
				reviews::findByAgencyCodeInOrderByStartedAtDesc);
	}

	@Transactional(readOnly = true)
	public Optional<CaseFileReview> find(String reviewNo) {
		return Registers.find(reviewNo, reviews::findById);
	}

	@Transactional(readOnly = true)
	public List<CaseFileReviewItem> itemsOf(String reviewNo) {
		return items.findByReviewNoOrderByDrawOrder(reviewNo);
	}

	/** The interference reports (R-COORD-6) in a case's full-process record, oldest first. */
	public List<RecordEntry> interferenceOf(String caseNo) {
		return records.list(caseNo).stream().filter(e -> INTERFERENCE.equals(e.kind())).toList();
	}

	/** The standard in force (sample rule, checklist, grades). */
	public CaseFileReviewStandard.Standard standard() {
		return standards.standard();
	}

	/**
	 * The population of a review: the numbers of the agency's enforcement cases (root instances with a case number)
	 * that ended in {@code year}, Beijing time.
	 */
	public List<String> closedCases(String agencyCode, int year) {
		Date from = Date.from(LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant());
		Date to = Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant());
		List<String> cases = new ArrayList<>();
		for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processDefinitionKey(CASE_PROCESS)
			.finished().finishedAfter(from).finishedBefore(to).rootProcessInstances().tenantIdIn(agencyCode).list()) {
			if (p.getBusinessKey() != null && !p.getEndTime().before(from)) {
				cases.add(p.getBusinessKey());
			}
		}
		return ReproducibleDraw.canonical(cases);
	}

	// --- the steps of case-file-review ---

	/** What the draw registered, for the process's variables. */
	record Drawn(String no, String agency, String agencyName, String bureau, int year, String seed, int populationSize,
			String populationHash, int sampleSize, String cases, String checklist) {
	}

	/**
	 * 抽取案卷: the start form checked (400 naming the field), the population of the agency's closed case files of the
	 * year, the sample size by the rule in force, a fresh seed, the draw recorded with the review's number. The agency
	 * comes trimmed (blank is absent), the year as the form gave it.
	 */
	Drawn draw(Step step, String agency, Object yearGiven) {
		if (!step.bySystem() && !step.actorIn(Roles.SUPERVISOR)) {
			throw new AuthorizationException("只有执法监督人员（司法局）可以组织案卷评查");
		}
		required(agency, AGENCY, "被评查的执法机关");
		Agency a = agencies.findById(agency).orElseThrow(() -> invalid(AGENCY, "被评查的执法机关须为本平台上的执法机关，收到 " + agency));
		if (step.agency() != null && !step.agency().equals(a.getCode())) {
			throw new IllegalStateException("review of " + a.getCode() + " started in tenant " + step.agency());
		}
		Instant at = now();
		int thisYear = LocalDate.ofInstant(at, CHINA).getYear();
		int year = year(yearGiven, thisYear);
		CaseFileReviewStandard.Standard standard = standards.standard();
		List<String> population = closedCases(a.getCode(), year);
		CaseFileDraw draw = CaseFileDraw.draw(seeds.nextLong(), population, standard.sample().size(population.size()));
		String rule = standard.sample().percent() + "%，至少" + standard.sample().minimum() + "卷，至多"
				+ standard.sample().maximum() + "卷";
		String no = prefix + "〔" + thisYear + "〕" + numbers.next(COUNTER_AGENCY, "CASE_FILE_REVIEW", thisYear) + "号";
		String by = step.actor();
		reviews.save(new CaseFileReview(no, a.getCode(), year, by, at, step.processInstanceId(), draw, rule));
		int order = 0;
		for (String caseNo : draw.drawn()) {
			items.save(new CaseFileReviewItem(no, caseNo, ++order, interferenceOf(caseNo).size()));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("agencyCode", a.getCode());
		data.put("year", year);
		data.put("seed", Long.toString(draw.seed()));
		data.put("populationSize", draw.population().size());
		data.put("populationSha256", draw.populationHash());
		data.put("sampleRule", rule);
		data.put("drawn", draw.drawn());
		records.append(no, "CASE_FILE_REVIEW_DRAWN", by, a.getCode(), step.processInstanceId(), step.activityId(), data);
		return new Drawn(no, a.getCode(), a.getName(), bureau, year, Long.toString(draw.seed()), draw.population().size(),
				draw.populationHash(), draw.drawn().size(), String.join("\n", draw.drawn()), checklistText(standard));
	}

	/**
	 * What the reviewer of one drawn case sees: the case, links to its file and record, its interference reports, a
	 * summary (the task's execution's variables); the checklist's deficiencies as the form's options (JSON) and the
	 * checklist (the task's variables).
	 */
	record PreparedCase(String caseNo, String fileUrl, String recordUrl, String interference, String summary,
			String optionsJson, String checklist) {
	}

	/**
	 * Task {@code create} of 评查案卷 (one per drawn case, in draw order): the case the task is about, links to its file
	 * (ZIP) and record, its interference reports and a summary, for the task's execution (so on this file's task only);
	 * the checklist's deficiencies as the options of the form ({@code valuesKey}), from the file in force.
	 * {@code counter} is the task's {@code loopCounter}, {@code drawnCases} the review's cases, one a line.
	 */
	PreparedCase prepareCase(String no, Object counter, String drawnCases) {
		List<String> cases = ReproducibleDraw.lines(drawnCases);
		int index = counter instanceof Number n ? n.intValue() : 0;
		if (index < 0 || index >= cases.size()) {
			throw new IllegalStateException("review task " + index + " of " + cases.size() + " drawn cases");
		}
		String caseNo = cases.get(index);
		String path = URLEncoder.encode(caseNo, StandardCharsets.UTF_8).replace("+", "%20");
		String purpose = URLEncoder.encode(PURPOSE + " " + no, StandardCharsets.UTF_8).replace("+", "%20");
		// the checklist's deficiencies as the form's options, from the file in force
		CaseFileReviewStandard.Standard standard = standards.standard();
		return new PreparedCase(caseNo, "/api/case-files/" + path + "/export?purpose=" + purpose,
				"/api/records/" + path + "?purpose=" + purpose, interferenceText(interferenceOf(caseNo)),
				summary(caseNo, index + 1, cases.size()), write(options(standard)), checklistText(standard));
	}

	/**
	 * 评查案卷 completed: the ticked deficiencies (codes of the standard; a list, or the JSON text Tasklist sends) scored
	 * and kept with the drawn case. The form's fields are then removed from the instance (by the task check), so one
	 * file's scoring never shows in the next file's form.
	 */
	void score(Step step, String no, String caseNo, Object deductions, String comments) {
		required(no, NO, "评查编号");
		required(caseNo, CASE_NO, "评查的案号");
		CaseFileReviewItem item = items.findById(new CaseFileReviewItem.Key(no, caseNo))
			.orElseThrow(() -> new AuthorizationException("案卷“" + caseNo + "”不在评查“" + no + "”抽取的案卷中"));
		reviewOf(no, step.processInstanceId());
		CaseFileReviewStandard.Standard standard = standards.standard();
		List<String> codes = codes(deductions);
		for (String code : codes) {
			if (standard.item(code) == null) {
				throw invalid(DEDUCTIONS, "扣分项须从评查标准中选择，收到 " + code);
			}
		}
		if (!codes.isEmpty()) {
			requiredText(comments, COMMENTS, "评查意见（扣分的须说明理由）", 2000);
		}
		else if (comments != null && InputCheck.textFlaw(comments, 2000) != null) {
			throw invalid(COMMENTS, "评查意见" + InputCheck.textFlaw(comments, 2000));
		}
		CaseFileReviewStandard.Score score = standard.score(codes);
		item.scored(score.score(), score.grade().grade(), codes, comments, interferenceOf(caseNo).size(), step.actor(),
				now());
	}

	/** The review's results: the rows (JSON) and table for the forms and the report, the average, the failed files. */
	record Summary(String resultsJson, String resultsText, double average, int failed) {
	}

	/** After the last case: the results as a table for the forms and the report, the average and the failed files. */
	Summary summarise(Step step, String no) {
		required(no, NO, "评查编号");
		reviewOf(no, step.processInstanceId());
		CaseFileReviewStandard.Standard standard = standards.standard();
		List<Map<String, Object>> rows = new ArrayList<>();
		StringBuilder text = new StringBuilder("| 序号 | 案号 | 得分 | 等次 | 扣分项 | 干预记录 |\n|---|---|---|---|---|---|\n");
		int total = 0;
		int failed = 0;
		List<CaseFileReviewItem> scored = items.findByReviewNoOrderByDrawOrder(no);
		for (CaseFileReviewItem i : scored) {
			int s = i.getScore() == null ? 0 : i.getScore();
			CaseFileReviewStandard.Grade grade = standard.gradeOf(s);
			total += s;
			if ("FAIL".equals(grade.grade())) {
				failed++;
			}
			List<String> found = i.deductionList().stream().map(code -> {
				CaseFileReviewStandard.Item item = standard.item(code);
				return item == null ? code : item.text() + "（-" + item.deduction() + "）";
			}).toList();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("caseNo", i.getCaseNo());
			row.put("score", s);
			row.put("grade", grade.label());
			row.put("deficiencies", found.isEmpty() ? "无" : String.join("；", found));
			row.put("comments", i.getComments() == null ? "无" : i.getComments());
			row.put("interference", i.getInterferenceCount() == 0 ? "无" : i.getInterferenceCount() + "次");
			rows.add(row);
			text.append("| ").append(i.getDrawOrder()).append(" | ").append(i.getCaseNo()).append(" | ").append(s)
				.append(" | ").append(grade.label()).append(" | ").append(row.get("deficiencies")).append(" | ")
				.append(row.get("interference")).append(" |\n");
		}
		BigDecimal average = scored.isEmpty() ? BigDecimal.ZERO
				: BigDecimal.valueOf(total).divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP);
		return new Summary(write(rows), text.toString(), average.doubleValue(), failed);
	}

	/** The bureau's conclusion: an opinion, and a requirement when a supervision notice is to be issued. */
	void checkConclusion(String followUp, String conclusion, String requirement) {
		if (followUp == null || !FOLLOW_UPS.contains(followUp)) {
			throw invalid(FOLLOW_UP, "评查结果处理须为 通报评查结果 或 制发行政执法监督通知书督促整改，收到 " + followUp);
		}
		requiredText(conclusion, CONCLUSION, "评查意见", 4000);
		if ("NOTICE".equals(followUp)) {
			requiredText(requirement, REQUIREMENT, "整改要求", 2000);
		}
		else {
			if (requirement != null && InputCheck.textFlaw(requirement, 2000) != null) {
				throw invalid(REQUIREMENT, "整改要求" + InputCheck.textFlaw(requirement, 2000));
			}
		}
	}

	/** 评查结论: kept with the review (the average and failed files as summarised); the report is generated next. */
	void conclude(Step step, String no, double average, int failed, String conclusion, String followUp,
			String requirement) {
		required(no, NO, "评查编号");
		CaseFileReview review = reviewOf(no, step.processInstanceId());
		review.concluded(step.actor(), now(), BigDecimal.valueOf(average).setScale(2, RoundingMode.HALF_UP), failed,
				conclusion, followUp, requirement);
	}

	/** The report generated ({@code reviewReportDocId}): kept with the review. */
	void reported(Step step, String no, String reportDocId) {
		reviewOf(required(no, NO, "评查编号"), step.processInstanceId()).reported(reportDocId);
	}

	/**
	 * 制发行政执法监督通知书: the process {@code supervision-notice} started for the agency as the supervisor would start
	 * it (source 案卷评查, the review number as its reference, the failed files as the problem), by the supervisor who
	 * concluded; its number kept with the review and returned (null: a retried step, the notice was issued before).
	 * {@code processDefinitionId} is the review's model, whose model set gives the notice's.
	 */
	String issueNotice(Step step, String no, String requirement, String processDefinitionId) {
		required(no, NO, "评查编号");
		CaseFileReview review = reviewOf(no, step.processInstanceId());
		if (review.getNoticeNo() != null) {
			return null; // a retried step does not issue a second notice
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(AGENCY_CODE, review.getAgencyCode());
		variables.put(SupervisorSteps.SUPERVISED_AGENCY, review.getAgencyCode());
		variables.put("supervisionSource", "CASE_FILE_REVIEW");
		variables.put("supervisionSourceRef", no);
		variables.put("supervisionProblem", clip("在" + review.getReviewYear() + "年度案卷评查（" + no + "）中，抽查"
				+ review.getSampleSize() + "卷，平均得分" + review.getAverageScore() + "分，不合格" + review.getFailedCount()
				+ "卷。" + review.getConclusion(), 2000));
		variables.put(REQUIREMENT, requirement);
		ProcessDefinition target = ModelVersions.processFor(repository, SupervisorSteps.SUPERVISION_NOTICE_PROCESS,
				processDefinitionId, step.agency());
		ProcessInstance notice = runtime.startProcessInstanceById(target.getId(), variables);
		String noticeNo = notice.getBusinessKey();
		review.noticeIssued(noticeNo);
		return noticeNo;
	}

	/** The agency's acknowledgement (required). */
	void checkAcknowledgement(String acknowledgement) {
		requiredText(acknowledgement, ACKNOWLEDGEMENT, "签收意见及整改安排", 4000);
	}

	/** 签收评查结果: kept with the review, which ends. */
	void acknowledge(Step step, String no, String acknowledgement) {
		reviewOf(required(no, NO, "评查编号"), step.processInstanceId()).acknowledged(step.actor(), now(), acknowledgement);
	}

	// --- helpers ---

	private CaseFileReview reviewOf(String no, String processInstanceId) {
		CaseFileReview r = reviews.findById(no).orElseThrow(() -> new IllegalStateException("no case-file review " + no));
		if (!processInstanceId.equals(r.getProcessInstanceId())) {
			throw new AuthorizationException("案卷评查“" + no + "”不由本流程办理");
		}
		return r;
	}

	private static int year(Object value, int thisYear) {
		if (value == null || value.toString().isBlank()) {
			return thisYear - 1;
		}
		long year;
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			year = n.longValue();
		}
		else {
			try {
				year = Long.parseLong(value.toString().strip());
			}
			catch (NumberFormatException e) {
				throw invalid(YEAR, "评查年度须为2000年至" + thisYear + "年之间的四位年份，收到 " + value);
			}
		}
		if (year < 2000 || year > thisYear) {
			throw invalid(YEAR, "评查年度须为2000年至" + thisYear + "年之间的四位年份，收到 " + value);
		}
		return (int) year;
	}

	/** The deficiencies ticked: a list, or the JSON text Tasklist sends for a checklist. */
	private List<String> codes(Object value) {
		List<String> codes = new ArrayList<>();
		if (value == null) {
			return codes;
		}
		JsonNode node;
		if (value instanceof Collection<?> c) {
			node = json.valueToTree(c);
		}
		else {
			try {
				node = json.readTree(value.toString());
			}
			catch (JsonProcessingException e) {
				throw invalid(DEDUCTIONS, "扣分项须从评查标准中选择");
			}
		}
		if (!node.isArray()) {
			throw invalid(DEDUCTIONS, "扣分项须从评查标准中选择");
		}
		for (JsonNode n : node) {
			String code = n.isObject() ? n.path("value").asText() : n.asText();
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

	static List<Map<String, String>> options(CaseFileReviewStandard.Standard standard) {
		List<Map<String, String>> options = new ArrayList<>();
		for (CaseFileReviewStandard.Category c : standard.categories()) {
			for (CaseFileReviewStandard.Item i : c.items()) {
				options.add(Map.of("label", c.name() + "：" + i.text() + "（扣" + i.deduction() + "分）", "value", i.code()));
			}
		}
		return options;
	}

	static String checklistText(CaseFileReviewStandard.Standard standard) {
		StringBuilder s = new StringBuilder();
		for (CaseFileReviewStandard.Category c : standard.categories()) {
			s.append(c.name()).append(' ').append(c.points()).append("分；");
		}
		s.append("满分").append(standard.totalPoints()).append("分。等次：");
		for (CaseFileReviewStandard.Grade g : standard.grades()) {
			s.append(g.minimum() > 0 ? g.label() + g.minimum() + "分以上；" : "其余为" + g.label() + "；");
		}
		return s.substring(0, s.length() - 1) + "。";
	}

	static String interferenceText(List<RecordEntry> entries) {
		if (entries.isEmpty()) {
			return "本案全过程记录中没有干预、插手执法活动的登记。";
		}
		StringBuilder s = new StringBuilder("本案登记了" + entries.size() + "次干预、插手执法活动：\n");
		int n = 0;
		for (RecordEntry e : entries) {
			Map<String, Object> d = e.dataMap();
			s.append(++n).append(". ").append(shownTime(d.get("occurredAt"))).append(' ')
				.append(d.get("intervener") == null ? "" : d.get("intervener")).append(' ')
				.append(d.get("intervenerUnit") == null ? "" : "（" + d.get("intervenerUnit") + "）").append("：")
				.append(d.getOrDefault("description", "")).append("（登记人 ").append(e.actor()).append("）\n");
		}
		return s.toString().strip();
	}

	/** An ISO moment as Beijing time to the minute (2026-12-01 20:37), anything else as it is. */
	static String shownTime(Object value) {
		if (value == null) {
			return "";
		}
		try {
			return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(Instant.parse(value.toString()).atZone(CHINA));
		}
		catch (java.time.format.DateTimeParseException e) {
			return value.toString();
		}
	}

	private String summary(String caseNo, int position, int of) {
		StringBuilder s = new StringBuilder("第" + position + "卷，共" + of + "卷。");
		history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).processDefinitionKey(CASE_PROCESS)
			.list().stream().findFirst().ifPresent(p -> {
				s.append("立案登记 ").append(LocalDate.ofInstant(p.getStartTime().toInstant(), CHINA));
				if (p.getEndTime() != null) {
					s.append("，办结 ").append(LocalDate.ofInstant(p.getEndTime().toInstant(), CHINA));
				}
				history.createHistoricVariableInstanceQuery().processInstanceId(p.getId()).variableName("partyName").list()
					.stream().findFirst().ifPresent(v -> s.append("，当事人 ").append(v.getValue()));
				s.append('。');
			});
		return s.toString();
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String clip(String s, int max) {
		return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
	}

	Instant now() {
		return clock.instant();
	}
}

package cn.zhifa.guidingcase;

import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.EnforcementCase;
import cn.zhifa.disclosure.Redaction;
import cn.zhifa.disclosure.RedactionRules;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.SupervisorSteps;
import cn.zhifa.platform.problem.InputCheck;

/**
 * Guiding cases (行政执法指导案例, seed 002 (十一) "建立行政执法案例指导制度"): an agency proposes one of its closed cases
 * with a summary, the key points and the legal basis — stored and shown redacted, the case's personal data removed by
 * the disclosure's redaction rules (R-DISC-4) — the justice bureau (the supervisors) reviews it (publish, return for
 * revision, reject), and a published guiding case is on the public portal. At least {@link GuidingCaseTargets#minimumPerYear()}
 * a year: {@link #summary(int, Collection, boolean)} counts them per agency and year and warns from the day the data
 * names. The process {@code guiding-case} calls these steps through thin delegates.
 */
@Service
public class GuidingCaseService {

	static final String PROCESS_KEY = SupervisorSteps.GUIDING_CASE_PROCESS;
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final String COUNTER_AGENCY = "COUNTY";
	static final List<String> CATEGORIES = List.of("PENALTY", "PERMIT", "COERCION", "INSPECTION", "OTHER");
	static final List<String> OUTCOMES = List.of("PUBLISH", "REVISE", "REJECT");

	// process variables
	static final String NO = "guidingCaseNo";
	static final String CATEGORY = "guidingCategory";
	static final String CATEGORY_LABEL = "guidingCategoryLabel";
	static final String TITLE = "guidingTitle";
	static final String SUMMARY = "guidingSummary";
	static final String KEY_POINTS = "guidingKeyPoints";
	static final String LEGAL_BASIS = "guidingLegalBasis";
	static final String REDACTION = "guidingRedactionSummary";
	static final String PROPOSED_BY = "guidingProposedBy";
	static final String REVIEW_DUE = "guidingReviewDueAt";
	static final String REVISION_DUE = "guidingRevisionDueAt";
	static final String OUTCOME = "guidingReviewOutcome";
	static final String OPINION = "guidingReviewOpinion";
	/** Suffix of the texts as the review form shows them ({@code guidingTitleShown}, …). */
	static final String SHOWN = "Shown";

	private final GuidingCaseRepository rows;
	private final EnforcementCaseService cases;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final Deadlines deadlines;
	private final RedactionRules redaction;
	private final DisplayLabels labels;
	private final GuidingCaseTargets targets;
	/** 代字 of the numbers: 区执法案例〔2026〕1号 (one county-wide series a year). */
	private final String prefix;
	private final Clock clock;

	GuidingCaseService(GuidingCaseRepository rows, EnforcementCaseService cases, AgencyRepository agencies, DocumentNumbers numbers,
			Deadlines deadlines, RedactionRules redaction, DisplayLabels labels,
			GuidingCaseTargets targets, @Value("${zhifa.guiding-cases.prefix:区执法案例}") String prefix, Clock clock) {
		this.clock = clock;
		this.rows = rows;
		this.cases = cases;
		this.agencies = agencies;
		this.numbers = numbers;
		this.deadlines = deadlines;
		this.redaction = redaction;
		this.labels = labels;
		this.targets = targets;
		this.prefix = prefix;
	}

	// --- reading ---

	@Transactional(readOnly = true)
	public List<GuidingCase> ofAgencies(Collection<String> agencyCodes, boolean all) {
		return Registers.ofAgencies(agencyCodes, all, rows::findAllByOrderByProposedAtDesc,
				rows::findByAgencyCodeInOrderByProposedAtDesc);
	}

	@Transactional(readOnly = true)
	public Optional<GuidingCase> find(String guidingNo) {
		return Registers.find(guidingNo, rows::findById);
	}

	/** The published guiding cases, newest first: what the portal shows (texts already redacted). */
	@Transactional(readOnly = true)
	public List<GuidingCase> published() {
		return rows.findByStatusOrderByPublishedAtDesc(GuidingCase.PUBLISHED);
	}

	@Transactional(readOnly = true)
	public Optional<GuidingCase> publishedOne(String guidingNo) {
		return find(guidingNo).filter(GuidingCase::isPublished);
	}

	public String categoryLabel(String category) {
		return labels.label(CATEGORY, category);
	}

	/** Per agency: its proposals for the year. */
	public record AgencyCount(String agencyCode, String agencyName, int proposed, int published, boolean warning,
			String message) {
	}

	/**
	 * The year's count against the rule of {@code disclosure/guiding-cases.yml}: published by the bureau in the year,
	 * proposed (and published) per agency for cases closed in the year; a warning from {@code warnFrom} while fewer than
	 * the minimum, overdue after the deadline.
	 */
	public record YearSummary(int year, int minimumPerYear, LocalDate deadline, LocalDate warnFrom, String source,
			int published, boolean warning, String message, List<AgencyCount> agencies) {
	}

	@Transactional(readOnly = true)
	public YearSummary summary(int year, Collection<String> agencyCodes, boolean all) {
		LocalDate today = LocalDate.ofInstant(now(), CHINA);
		int minimum = targets.minimumPerYear();
		LocalDate deadline = targets.deadlineFor(year);
		LocalDate warnFrom = targets.warnFrom(year);
		boolean warnTime = !today.isBefore(warnFrom);
		int published = rows.findByPublishedYear(year).size();
		Map<String, int[]> byAgency = new TreeMap<>();
		for (Agency a : agencies.findAll()) {
			if (all || agencyCodes.contains(a.getCode())) {
				byAgency.put(a.getCode(), new int[2]);
			}
		}
		for (GuidingCase g : rows.findByProposalYear(year)) {
			int[] counts = byAgency.get(g.getAgencyCode());
			if (counts == null) {
				continue;
			}
			if (!GuidingCase.REJECTED.equals(g.getStatus())) {
				counts[0]++;
			}
			if (g.isPublished()) {
				counts[1]++;
			}
		}
		List<AgencyCount> list = new ArrayList<>();
		for (Map.Entry<String, int[]> e : byAgency.entrySet()) {
			int proposed = e.getValue()[0];
			boolean short_ = proposed < minimum;
			String name = agencies.findById(e.getKey()).map(Agency::getName).orElse(e.getKey());
			list.add(new AgencyCount(e.getKey(), name, proposed, e.getValue()[1], short_ && warnTime,
					short_ && warnTime ? shortfall("报送", proposed, minimum, deadline, today) : null));
		}
		boolean bureauShort = published < minimum;
		return new YearSummary(year, minimum, deadline, warnFrom, targets.source(), published, bureauShort && warnTime,
				bureauShort && warnTime ? shortfall("发布", published, minimum, deadline, today) : null, list);
	}

	private static String shortfall(String what, int count, int minimum, LocalDate deadline, LocalDate today) {
		String when = today.isAfter(deadline) ? "，已超过截止日 " + deadline : "，截止日 " + deadline;
		return "本年度已" + what + count + "件，少于每年" + minimum + "件" + when;
	}

	// --- the steps of guiding-case ---

	/** The texts of a proposal as its form states them (trimmed, blank is null). */
	record Texts(String category, String title, String summary, String keyPoints, String legalBasis) {
	}

	/**
	 * The texts as stored, redacted, for the bureau's review and the agency's revision (what the portal will publish),
	 * what was redacted, the category's label, and when the review is due.
	 */
	record Redacted(String title, String summary, String keyPoints, String legalBasis, String redactionSummary,
			String categoryLabel, Due reviewDue) {
	}

	/** A proposal registered: its number, the agency, who proposed it, and its redacted texts. */
	record Proposed(String guidingNo, String agencyCode, String agencyName, String proposedBy, Redacted texts) {
	}

	/**
	 * 报送: the start form checked (400 naming the field), the case ({@code caseNo}) must be the agency's own and closed;
	 * the texts are redacted, registered with a number, and the bureau's review is due.
	 */
	Proposed propose(Step step, String caseNo, Texts texts) {
		if (step.actorIn(Roles.SUPERVISOR)) {
			throw new AuthorizationException("指导案例由执法机关从本机关办结的案件中报送");
		}
		required(caseNo, CASE_ID, "案号");
		EnforcementCase c = cases.find(caseNo).filter(x -> x.getAgencyCode().equals(step.agency()))
			.orElseThrow(() -> invalid(CASE_ID, "案号须为本机关的案件，收到 " + caseNo));
		if (!"CLOSED".equals(c.getStage())) {
			throw invalid(CASE_ID, "只能报送已结案的案件作为指导案例，案件“" + caseNo + "”尚未结案");
		}
		Instant at = now();
		Agency agency = agencies.findById(c.getAgencyCode()).orElseThrow();
		int caseYear = LocalDate.ofInstant(c.getClosedAt() != null ? c.getClosedAt() : at, CHINA).getYear();
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		String no = prefix + "〔" + year + "〕" + numbers.next(COUNTER_AGENCY, "GUIDING_CASE", year) + "号";
		GuidingCase g = new GuidingCase(no, c.getAgencyCode(), caseNo, step.actor(), at, caseYear, step.processInstanceId());
		Redacted redacted = texts(texts, c, g, at);
		rows.save(g);
		return new Proposed(no, c.getAgencyCode(), agency.getName(), step.actor(), redacted);
	}

	/** The bureau's review: one of the outcomes; an opinion is required unless it is published. */
	void checkReview(String outcome, String opinion) {
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw invalid(OUTCOME, "审查结论须为 同意发布、退回修改 或 不予采用，收到 " + outcome);
		}
		if ("PUBLISH".equals(outcome)) {
			if (opinion != null && InputCheck.textFlaw(opinion, 2000) != null) {
				throw invalid(OPINION, "审查意见" + InputCheck.textFlaw(opinion, 2000));
			}
		}
		else {
			requiredText(opinion, OPINION, "审查意见", 2000);
		}
	}

	/** The agency's revision: the same checks as the proposal's texts. */
	void checkRevision(Texts texts) {
		checkTexts(texts);
	}

	/** 退回修改: back to the agency's head with the bureau's {@code opinion} and a period to revise (returned). */
	Due returnForRevision(Step step, String guidingNo, String opinion) {
		Instant at = now();
		rowOf(step, guidingNo).returned(step.actor(), at, opinion);
		return deadlines.limitDue(REVISION_DUE, "GUIDING_CASE_REVISION", java.util.Date.from(at));
	}

	/** 重新报送: redacted again, the review due again. */
	Redacted resubmit(Step step, String guidingNo, Texts texts) {
		GuidingCase g = rowOf(step, guidingNo);
		EnforcementCase c = cases.find(g.getCaseNo()).orElseThrow();
		g.resubmitted();
		return texts(texts, c, g, now());
	}

	/** 同意发布 or 不予采用 ({@code outcome}): the guiding case ends; a published one is on the portal from now. */
	void conclude(Step step, String guidingNo, String outcome, String opinion) {
		GuidingCase g = rowOf(step, guidingNo);
		Instant at = now();
		if ("PUBLISH".equals(outcome)) {
			g.published(step.actor(), at, opinion, LocalDate.ofInstant(at, CHINA).getYear());
		}
		else {
			g.rejected(step.actor(), at, opinion);
		}
	}

	// --- helpers ---

	private Redacted texts(Texts texts, EnforcementCase c, GuidingCase g, Instant at) {
		checkTexts(texts);
		String category = texts.category();
		List<String> persons = new ArrayList<>();
		if ("PERSON".equals(c.getPartyType()) && c.getPartyName() != null) {
			persons.add(c.getPartyName());
		}
		Map<String, Integer> findings = new LinkedHashMap<>();
		String title = redact(c, texts.title(), persons, findings);
		String summary = redact(c, texts.summary(), persons, findings);
		String keyPoints = redact(c, texts.keyPoints(), persons, findings);
		String basis = redact(c, texts.legalBasis(), persons, findings);
		String redactionSummary = new Redaction("", findings).summary();
		Due due = deadlines.limitDue(REVIEW_DUE, "GUIDING_CASE_REVIEW", java.util.Date.from(at));
		g.texts(category, title, summary, keyPoints, basis, redactionSummary, due.at().toInstant());
		// the bureau reviews, and the agency revises, the redacted texts: what the portal will publish
		return new Redacted(title, summary, keyPoints, basis, redactionSummary, labels.label(CATEGORY, category), due);
	}

	/** The text with markdown's emphasis and escape characters escaped, so a form's text view shows it as it is. */
	static String markdownText(String text) {
		StringBuilder b = new StringBuilder(text.length() + 8);
		for (char ch : text.toCharArray()) {
			if (ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '#') {
				b.append('\\');
			}
			b.append(ch);
		}
		return b.toString();
	}

	private static void checkTexts(Texts texts) {
		String category = required(texts.category(), CATEGORY, "案例类别");
		if (!CATEGORIES.contains(category)) {
			throw invalid(CATEGORY, "案例类别须为 行政处罚、行政许可、行政强制、行政检查 或 其他，收到 " + category);
		}
		requiredText(texts.title(), TITLE, "案例标题", 200);
		requiredText(texts.summary(), SUMMARY, "基本案情", 4000);
		requiredText(texts.keyPoints(), KEY_POINTS, "案例要点（典型意义）", 2000);
		requiredText(texts.legalBasis(), LEGAL_BASIS, "法律依据", 2000);
	}

	/**
	 * The case's personal data out of a text: the party's identity number, contact and address where they occur as
	 * registered, then a natural person's name masked and the redaction rules of the disclosure (R-DISC-4).
	 */
	private String redact(EnforcementCase c, String text, List<String> persons, Map<String, Integer> findings) {
		String current = text;
		current = replace(current, c.getPartyIdNumber(), "[证件号码已隐去]", "当事人证件号码", findings);
		current = replace(current, c.getPartyContact(), "[联系方式已隐去]", "当事人联系方式", findings);
		current = replace(current, c.getPartyAddress(), "[住址已隐去]", "当事人住所", findings);
		Redaction r = redaction.redactor().redact(current, persons);
		r.findings().forEach((k, v) -> findings.merge(k, v, Integer::sum));
		return r.text();
	}

	private static String replace(String text, String value, String replacement, String label, Map<String, Integer> findings) {
		if (value == null || value.strip().length() < 2 || !text.contains(value.strip())) {
			return text;
		}
		String v = value.strip();
		int count = (text.length() - text.replace(v, "").length()) / v.length();
		findings.merge(label, count, Integer::sum);
		return text.replace(v, replacement);
	}

	private GuidingCase rowOf(Step step, String guidingNo) {
		String no = required(guidingNo, NO, "指导案例编号");
		GuidingCase g = rows.findById(no).orElseThrow(() -> new IllegalStateException("no guiding case " + no));
		if (!step.processInstanceId().equals(g.getProcessInstanceId())) {
			throw new AuthorizationException("指导案例“" + no + "”不由本流程办理");
		}
		return g;
	}

	Instant now() {
		return clock.instant();
	}
}

package cn.zhifa.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;

import static cn.zhifa.disclosure.DisclosureVariables.*;

/**
 * What the steps of {@code disclosure-publication} do (R-DISC-3…6). Redaction happens in
 * {@link #register} before any person sees the item and again after the handler edits it, so
 * nothing a person types can bring personal data back (R-DISC-4).
 */
@Service
class DisclosureService {

	private static final Logger log = LoggerFactory.getLogger(DisclosureService.class);
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;

	private final RedactionRules redaction;
	private final DisclosureStore store;
	private final AgencyRepository agencies;
	private final Deadlines deadlines;
	private final Period publicPeriod;
	private final Clock clock;
	private final IdentityService identityService;

	DisclosureService(RedactionRules redaction, DisclosureStore store, AgencyRepository agencies, Deadlines deadlines,
			@Value("${zhifa.disclosure.public-period:P3Y}") Period publicPeriod, Clock clock, IdentityService identityService) {
		this.identityService = identityService;
		this.clock = clock;
		this.redaction = redaction;
		this.store = store;
		this.agencies = agencies;
		this.deadlines = deadlines;
		this.publicPeriod = publicPeriod;
	}

	/**
	 * The item's facts as its process holds them: the start variables (the case contract), texts as written,
	 * the decision date as given (a date, or a text yyyy-MM-dd or ISO date-time).
	 */
	record Facts(String agencyCode, String caseId, String decisionType, Object decisionDate, String decisionNumber,
			String partyType, String partyName, String partyIdNumber, String category, String conclusion,
			String legalBasis) {
	}

	/** Variables to set (in order) and variables to remove afterwards. */
	record Changes(Map<String, Object> set, List<String> removed) {
	}

	/**
	 * Checks the start variables (the case contract), names the item and redacts it. Also runs after a
	 * correction message ({@code numbered}: the item has its number already): the corrected variables are
	 * redacted again and the publication period starts anew from the correction (the same number of working
	 * days, {@code workingDays}, if the process has it). Returns the variables to set and to remove.
	 */
	Changes register(Facts facts, boolean numbered, Integer workingDays) {
		String agencyCode = required(facts.agencyCode(), AGENCY_CODE);
		Agency agency = agencies.findById(agencyCode)
			.orElseThrow(() -> invalid(AGENCY_CODE, "执法主体 " + agencyCode + " 不存在"));
		required(facts.caseId(), CASE_ID);
		String type = required(facts.decisionType(), DECISION_TYPE);
		if (!DECISION_TYPES.containsKey(type)) {
			throw invalid(DECISION_TYPE, "执法决定类别应为 PERMIT、PENALTY、COERCION、EXPROPRIATION 或 OTHER");
		}
		LocalDate decisionDate = decisionDate(facts.decisionDate());
		required(facts.decisionNumber(), DECISION_NUMBER);
		String partyType = required(facts.partyType(), PARTY_TYPE);
		if (!partyType.equals("PERSON") && !partyType.equals("ORG")) {
			throw invalid(PARTY_TYPE, "当事人类型应为 PERSON（自然人）或 ORG（法人或其他组织）");
		}
		required(facts.partyName(), PARTY_NAME);
		required(facts.category(), CATEGORY);
		required(facts.conclusion(), CONCLUSION);
		required(facts.legalBasis(), LEGAL_BASIS);
		if (decisionDate.isAfter(today())) {
			throw invalid(DECISION_DATE, "决定日期不能晚于今天");
		}
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put(DECISION_DATE, Date.from(decisionDate.atStartOfDay(CHINA).toInstant()));
		if (!numbered) {
			vars.put(ITEM_NO, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
			vars.put(VERSION, 0);
		}
		else if (workingDays != null) {
			// a correction: reviewed and published within the same number of working days, counted from today
			vars.putAll(deadlines.workdaysDue(DUE_AT, Date.from(now()), workingDays).variables());
		}
		vars.put(AGENCY_NAME, agency.getName());
		vars.put(DECISION_TYPE_LABEL, DECISION_TYPES.get(type));
		redactInto(facts, vars);
		return new Changes(vars, List.of(REVIEW_OUTCOME, REVIEW_COMMENT));
	}

	/**
	 * What the handler submits in {@code userTask_prepareDisclosure}: the public conclusion as edited, the passages
	 * withheld with their reason and note; with the party (for redaction) and the redaction summary so far.
	 */
	record Preparation(String publicConclusion, String withheldPassages, String withholdingReason, String withholdingNote,
			String partyType, String partyName, String redactionSummary) {
	}

	/**
	 * Task listener on {@code userTask_prepareDisclosure} completion: applies the handler's withholdings and redacts
	 * again. {@code assignee} is the task's. Returns the variables to set.
	 */
	Map<String, Object> completePreparation(Step step, String assignee, Preparation form) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put(PREPARED_BY, actor(step, assignee));
		String text = form.publicConclusion();
		if (text == null || text.isBlank()) {
			throw invalid(PUBLIC_CONCLUSION, "公开的执法结论不能为空");
		}
		String passages = form.withheldPassages();
		String note = null;
		if (passages != null && !passages.isBlank()) {
			String reason = form.withholdingReason();
			if (reason == null || !WITHHOLDING_REASONS.containsKey(reason)) {
				throw invalid(WITHHOLDING_REASON, "不予公开的内容须选择理由（商业秘密、个人隐私或国家秘密）");
			}
			String explanation = form.withholdingNote();
			if (explanation == null || explanation.isBlank()) {
				throw invalid(WITHHOLDING_NOTE, "请说明不予公开的具体理由");
			}
			String label = WITHHOLDING_REASONS.get(reason);
			for (String passage : passages.split("\\R")) {
				String p = passage.strip();
				if (p.isEmpty()) {
					continue;
				}
				if (!text.contains(p)) {
					throw invalid(WITHHELD_PASSAGES, "不予公开的内容「" + shorten(p) + "」在执法结论中找不到，请从结论中原样复制");
				}
				text = text.replace(p, "[涉及" + label + "，依法不予公开]");
			}
			note = "部分内容涉及" + label + "，依法不予公开";
		}
		List<String> names = personNames(form.partyType(), form.partyName());
		Redaction again = redaction.redactor().redact(text, names);
		vars.put(PUBLIC_CONCLUSION, again.text());
		vars.put(WITHHELD_NOTE, note);
		if (!again.findings().isEmpty()) {
			vars.put(REDACTION_SUMMARY, form.redactionSummary() + "；修改后再次脱敏：" + again.summary());
		}
		return vars;
	}

	/** The logged-in user acting on the task, else its assignee. */
	private static String actor(Step step, String assignee) {
		return step.bySystem() ? assignee : step.actor();
	}

	/**
	 * What a reviewer submits (outcome, comment), with who prepared the item, its agency and who reviewed it for
	 * the general office.
	 */
	record Review(String outcome, String comment, String preparedBy, String agencyCode, String reviewedBy) {
	}

	/**
	 * Task listener on completion of the two reviews (R-DISC-6, seed 000: 党政办 and 司法所 both review):
	 * {@code userTask_reviewDisclosure} by the general office ({@code <agency>-office}), then
	 * {@code userTask_justiceReviewDisclosure} by the justice office ({@code <agency>-reviewer}). Outcome
	 * required, a return needs its reason; each reviewer must belong to the office of the step, and the
	 * justice office's reviewer is neither the general office's reviewer nor the preparer.
	 */
	Changes completeReview(Step step, String assignee, Review form) {
		boolean justice = JUSTICE_REVIEW_STEP.equals(step.activityId());
		String outcome = form.outcome();
		if (!"APPROVE".equals(outcome) && !"RETURN".equals(outcome)) {
			throw invalid(REVIEW_OUTCOME, "请选择审核结论：同意公开（APPROVE）或退回修改（RETURN）");
		}
		if ("RETURN".equals(outcome) && (form.comment() == null || form.comment().isBlank())) {
			throw invalid(REVIEW_COMMENT, "退回修改须写明意见");
		}
		String reviewer = actor(step, assignee);
		// R-DISC-6: the review is a second pair of eyes — whoever prepared the item may not approve it
		if (reviewer != null && reviewer.equals(form.preparedBy())) {
			throw new org.camunda.bpm.engine.AuthorizationException("整理公示信息的人员不得审核本人整理的公示信息：" + reviewer);
		}
		String group = (justice ? StaffRole.LEGAL_REVIEWER : StaffRole.GENERAL_OFFICE).groupOf(form.agencyCode());
		if (reviewer != null && identityService.createGroupQuery().groupMember(reviewer).groupId(group).count() == 0) {
			throw new org.camunda.bpm.engine.AuthorizationException((justice ? "司法所" : "党政办") + "审核须由本机构"
					+ (justice ? "司法所（法制审核人员）" : "党政办工作人员") + "办理（R-DISC-6），" + reviewer + " 不是该组成员");
		}
		Map<String, Object> vars = new LinkedHashMap<>();
		if (justice) {
			if (reviewer != null && reviewer.equals(form.reviewedBy())) {
				throw new org.camunda.bpm.engine.AuthorizationException(
						"党政办和司法所须分别审核（R-DISC-6）：已作党政办审核的人员不得再作司法所审核：" + reviewer);
			}
			vars.put(JUSTICE_REVIEWED_BY, reviewer);
			return new Changes(vars, List.of());
		}
		vars.put(REVIEWED_BY, reviewer);
		return new Changes(vars, List.of(JUSTICE_REVIEWED_BY));
	}

	/**
	 * The reviewed, redacted item as its process holds it: what the publication row shows, with the item's due
	 * day, its public period (decision table disclosure-deadline) and the party (for redaction of a correction note).
	 */
	record Item(String itemNo, Date dueAt, String publicPeriod, String caseId, String agencyCode, String agencyName,
			String decisionType, String decisionNumber, Date decisionDate, String partyType, String partyName,
			String publicPartyName, String publicPartyCreditCode, String category, String publicConclusion,
			String publicLegalBasis, String withheldNote, String correctionNote, String reviewedBy,
			String justiceReviewedBy) {
	}

	/**
	 * Publishes the reviewed, redacted item (a new version when corrected) and records its delay for statistics.
	 * Returns the variables to set.
	 */
	Map<String, Object> publish(Step step, Item item) {
		String itemNo = item.itemNo();
		Instant now = now();
		Date dueAt = item.dueAt();
		int delay = Math.max(0, deadlines.workdaysBetween(dueAt, Date.from(now)));
		LocalDate publicUntil = now.atZone(CHINA).toLocalDate().plus(publicPeriod(item.publicPeriod()));
		int version = store.nextVersion(itemNo);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("item_no", itemNo);
		row.put("version", version);
		row.put("is_current", true);
		row.put("status", "PUBLISHED");
		row.put("case_id", item.caseId());
		row.put("process_instance_id", step.processInstanceId());
		row.put("agency_code", item.agencyCode());
		row.put("agency_name", item.agencyName());
		row.put("decision_type", item.decisionType());
		row.put("decision_number", item.decisionNumber());
		row.put("decision_date", item.decisionDate().toInstant().atZone(CHINA).toLocalDate());
		row.put("party_type", item.partyType());
		row.put("party_name", item.publicPartyName());
		row.put("party_credit_code", item.publicPartyCreditCode());
		row.put("category", item.category());
		row.put("conclusion", item.publicConclusion());
		row.put("legal_basis", item.publicLegalBasis());
		row.put("withheld_note", item.withheldNote());
		row.put("correction_note", version > 1 ? redacted(item.partyType(), item.partyName(), item.correctionNote()) : null);
		row.put("due_at", dueAt.toInstant());
		row.put("published_at", now);
		row.put("delay_working_days", delay);
		row.put("public_until", publicUntil);
		row.put("reviewed_by", item.reviewedBy());
		row.put("justice_reviewed_by", item.justiceReviewedBy());
		store.publish(row);
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put(VERSION, version);
		vars.put(STATUS, "PUBLISHED");
		vars.put(PUBLISHED_AT, Date.from(now));
		vars.put(DELAY_WORKING_DAYS, delay);
		vars.put(PUBLIC_UNTIL_AT, Date.from(publicUntil.plusDays(1).atStartOfDay(CHINA).toInstant()));
		log.info("Disclosure {} v{} of case {} published ({} working days late)", itemNo, version, step.businessKey(),
				delay);
		return vars;
	}

	/**
	 * The decision was revoked, confirmed illegal or void, changed or must be re-made (R-DISC-5): the
	 * published item {@code itemNo} is taken down at once (行政处罚法 art. 48 allows 3 days) with the reason
	 * published ({@code kind} and {@code reason} of the revocation; the party's name is redacted from it). Returns
	 * the variables to set.
	 */
	Map<String, Object> withdraw(String itemNo, String kind, String reason, Object revokedOn, String partyType,
			String partyName) {
		Revocation revocation = revocation(kind, reason, revokedOn);
		Instant now = now();
		// art. 48 (3 working days, art. 85) from the day of the revocation; without one (an older message), from now
		Deadlines.Due due = deadlines.limitDue(WITHDRAWAL_DUE_AT, "DISCLOSURE_WITHDRAWAL",
				revocation.on() != null ? revocation.on().toString() : Date.from(now));
		boolean onTime = !now.isAfter(due.at().toInstant());
		Map<String, Object> vars = new LinkedHashMap<>(due.variables());
		boolean wasPublic = store.withdraw(itemNo, now, kind,
				REVOCATION_KINDS.get(kind) + "：" + redacted(partyType, partyName, reason), revocation.on(), onTime);
		vars.put(WITHDRAWN_AT, Date.from(now));
		vars.put(WITHDRAWN_ON_TIME, onTime);
		vars.put(STATUS, wasPublic ? "WITHDRAWN" : "REVOKED_BEFORE_PUBLICATION");
		return vars;
	}

	/** A revocation as the withdrawal form or an external body gives it: its kind, public reason and day (may be absent). */
	record Revocation(String kind, String reason, LocalDate on) {
		/** The variables the revocation message carries to the decision's disclosure process. */
		Map<String, Object> variables() {
			Map<String, Object> vars = new LinkedHashMap<>();
			vars.put(REVOCATION_KIND, kind);
			vars.put(REVOCATION_REASON, reason);
			vars.put(REVOKED_ON, on == null ? null : on.toString());
			return vars;
		}
	}

	/**
	 * R-DISC-5: checks a revocation — a kind of 行政处罚法 art. 48, a reason the public will read (it must fit the
	 * published column with its prefix), and the day of the revocation, not in the future ({@code null} allowed only for
	 * an external body's message without one).
	 */
	Revocation revocation(String kind, String reason, Object on) {
		if (kind == null || !REVOCATION_KINDS.containsKey(kind)) {
			throw invalid(REVOCATION_KIND, "撤回原因类别应为 " + String.join("、", REVOCATION_KINDS.values()));
		}
		if (reason == null || reason.isBlank()) {
			throw invalid(REVOCATION_REASON, "撤回须说明理由（将向社会公开）");
		}
		String flaw = InputCheck.textFlaw(reason, 900);
		if (flaw != null) {
			throw invalid(REVOCATION_REASON, "撤回理由" + flaw);
		}
		LocalDate day = null;
		if (on != null && !on.toString().isBlank()) {
			day = on instanceof Date d ? LocalDate.ofInstant(d.toInstant(), CHINA) : parseDay(on.toString());
			if (day.isAfter(today())) {
				throw invalid(REVOKED_ON, "原决定被撤销（变更）的日期 " + day + " 晚于今天");
			}
		}
		return new Revocation(kind, reason.strip(), day);
	}

	/** A revocation from the withdrawal form: the day is required there. */
	Revocation requestedRevocation(String caseId, String kind, String reason, Object on) {
		if (caseId == null || caseId.isBlank()) {
			throw invalid(CASE_ID, "请填写已公示执法决定的案号");
		}
		if (on == null || on.toString().isBlank()) {
			throw invalid(REVOKED_ON, "请填写原决定被撤销、确认违法（无效）、变更或者责令重新作出的日期（行政处罚法第四十八条：三日内撤回）");
		}
		return revocation(kind, reason, on);
	}

	private static LocalDate parseDay(String text) {
		try {
			return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
		}
		catch (DateTimeParseException e) {
			throw invalid(REVOKED_ON, "原决定被撤销（变更）的日期须为日期（如 2026-11-02），收到 " + text);
		}
	}

	/** End of the public period: item {@code itemNo} leaves the list and stays in the archive; returns its status. */
	String archive(String itemNo) {
		store.archive(itemNo, now());
		return "ARCHIVED";
	}

	// --- helpers

	/** The public period of this kind of decision (decision table disclosure-deadline, column 公示期); else the configured default. */
	private Period publicPeriod(String period) {
		if (period == null || period.isBlank()) {
			return publicPeriod;
		}
		try {
			return Period.parse(period.strip());
		}
		catch (DateTimeParseException e) {
			log.warn("disclosure-deadline gives an unreadable public period {}: using {}", period, publicPeriod);
			return publicPeriod;
		}
	}

	private void redactInto(Facts facts, Map<String, Object> vars) {
		Redactor redactor = redaction.redactor();
		List<String> names = personNames(facts.partyType(), facts.partyName());
		boolean person = "PERSON".equals(facts.partyType());
		String partyName = facts.partyName().strip();
		vars.put(PUBLIC_PARTY_NAME, person ? Redactor.mask(partyName) : partyName);
		String idNumber = facts.partyIdNumber();
		vars.put(PUBLIC_PARTY_CREDIT_CODE, person || idNumber == null ? null : idNumber.strip());
		Redaction conclusion = redactor.redact(facts.conclusion(), names);
		Redaction basis = redactor.redact(facts.legalBasis(), names);
		vars.put(PUBLIC_CONCLUSION, conclusion.text());
		vars.put(PUBLIC_LEGAL_BASIS, basis.text());
		Map<String, Integer> all = new LinkedHashMap<>(conclusion.findings());
		basis.findings().forEach((k, v) -> all.merge(k, v, Integer::sum));
		if (person) {
			all.merge("当事人姓名（已遮蔽）", 1, Integer::sum);
		}
		vars.put(REDACTION_SUMMARY, new Redaction("", all).summary());
	}

	private String redacted(String partyType, String partyName, String text) {
		return text == null ? null : redaction.redactor().redact(text, personNames(partyType, partyName)).text();
	}

	private static List<String> personNames(String partyType, String partyName) {
		List<String> names = new ArrayList<>();
		if ("PERSON".equals(partyType) && partyName != null) {
			names.add(partyName);
		}
		return names;
	}

	private static LocalDate decisionDate(Object value) {
		if (value == null) {
			throw invalid(DECISION_DATE, "缺少决定日期");
		}
		if (value instanceof Date d) {
			return d.toInstant().atZone(CHINA).toLocalDate();
		}
		if (value instanceof LocalDate d) {
			return d;
		}
		String s = value.toString().strip();
		try {
			return s.length() > 10 ? ZonedDateTime.parse(s).withZoneSameInstant(CHINA).toLocalDate() : LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			throw invalid(DECISION_DATE, "决定日期格式应为 yyyy-MM-dd");
		}
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw invalid(name, "缺少必填项");
		}
		return value.strip();
	}

	private static String shorten(String s) {
		return s.length() <= 20 ? s : s.substring(0, 20) + "…";
	}

	private Instant now() {
		return clock.instant();
	}

	private LocalDate today() {
		return now().atZone(CHINA).toLocalDate();
	}

	/** The form field's validation error naming the field (ADR-0013). */
	static RuntimeException invalid(String field, String message) {
		return FormFields.invalid(field, message);
	}
}

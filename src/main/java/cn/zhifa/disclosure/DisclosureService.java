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

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;

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

	DisclosureService(RedactionRules redaction, DisclosureStore store, AgencyRepository agencies, Deadlines deadlines,
			@Value("${zhifa.disclosure.public-period:P3Y}") Period publicPeriod, Clock clock) {
		this.clock = clock;
		this.redaction = redaction;
		this.store = store;
		this.agencies = agencies;
		this.deadlines = deadlines;
		this.publicPeriod = publicPeriod;
	}

	/**
	 * Checks the start variables (the case contract), names the item and redacts it. Also runs after a
	 * correction message: the corrected variables are redacted again and the publication period
	 * starts anew from the correction (same number of working days).
	 */
	void register(DelegateExecution execution) {
		String agencyCode = required(execution, AGENCY_CODE);
		Agency agency = agencies.findById(agencyCode)
			.orElseThrow(() -> invalid(AGENCY_CODE, "执法主体 " + agencyCode + " 不存在"));
		String caseId = required(execution, CASE_ID);
		if (execution.getProcessBusinessKey() == null) {
			// started from Tasklist's start form: the business key is the case, so that a revocation or
			// correction (messages correlated by business key, R-DISC-5) reaches this instance
			execution.setProcessBusinessKey(caseId);
		}
		String type = required(execution, DECISION_TYPE);
		if (!DECISION_TYPES.containsKey(type)) {
			throw invalid(DECISION_TYPE, "执法决定类别应为 PERMIT、PENALTY、COERCION、EXPROPRIATION 或 OTHER");
		}
		LocalDate decisionDate = decisionDate(execution);
		required(execution, DECISION_NUMBER);
		String partyType = required(execution, PARTY_TYPE);
		if (!partyType.equals("PERSON") && !partyType.equals("ORG")) {
			throw invalid(PARTY_TYPE, "当事人类型应为 PERSON（自然人）或 ORG（法人或其他组织）");
		}
		required(execution, PARTY_NAME);
		required(execution, CATEGORY);
		required(execution, CONCLUSION);
		required(execution, LEGAL_BASIS);
		if (decisionDate.isAfter(today())) {
			throw invalid(DECISION_DATE, "决定日期不能晚于今天");
		}
		execution.setVariable(DECISION_DATE, Date.from(decisionDate.atStartOfDay(CHINA).toInstant()));
		if (execution.getVariable(ITEM_NO) == null) {
			execution.setVariable(ITEM_NO, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
			execution.setVariable(VERSION, 0);
		}
		else if (execution.getVariable(WORKING_DAYS) instanceof Number days) {
			// a correction: reviewed and published within the same number of working days, counted from today
			deadlines.setWorkdays(execution, DUE_AT, Date.from(now()), days.intValue());
		}
		execution.setVariable(AGENCY_NAME, agency.getName());
		execution.setVariable(DECISION_TYPE_LABEL, DECISION_TYPES.get(type));
		redactInto(execution);
		execution.removeVariable(REVIEW_OUTCOME);
		execution.removeVariable(REVIEW_COMMENT);
	}

	/** Task listener on {@code userTask_prepareDisclosure} completion: applies the handler's withholdings and redacts again. */
	void completePreparation(DelegateTask task) {
		task.setVariable(PREPARED_BY, actor(task));
		String text = string(task, PUBLIC_CONCLUSION);
		if (text == null || text.isBlank()) {
			throw invalid(PUBLIC_CONCLUSION, "公开的执法结论不能为空");
		}
		String passages = string(task, WITHHELD_PASSAGES);
		String note = null;
		if (passages != null && !passages.isBlank()) {
			String reason = string(task, WITHHOLDING_REASON);
			if (reason == null || !WITHHOLDING_REASONS.containsKey(reason)) {
				throw invalid(WITHHOLDING_REASON, "不予公开的内容须选择理由（商业秘密、个人隐私或国家秘密）");
			}
			String explanation = string(task, WITHHOLDING_NOTE);
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
		List<String> names = personNames(task);
		Redaction again = redaction.redactor().redact(text, names);
		task.setVariable(PUBLIC_CONCLUSION, again.text());
		task.setVariable(WITHHELD_NOTE, note);
		if (!again.findings().isEmpty()) {
			task.setVariable(REDACTION_SUMMARY, string(task, REDACTION_SUMMARY) + "；修改后再次脱敏：" + again.summary());
		}
	}

	/** The logged-in user acting on the task, else its assignee. */
	private static String actor(DelegateTask task) {
		var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
	}

	/**
	 * Task listener on completion of the two reviews (R-DISC-6, seed 000: 党政办 and 司法所 both review):
	 * {@code userTask_reviewDisclosure} by the general office ({@code <agency>-office}), then
	 * {@code userTask_justiceReviewDisclosure} by the justice office ({@code <agency>-reviewer}). Outcome
	 * required, a return needs its reason; each reviewer must belong to the office of the step, and the
	 * justice office's reviewer is neither the general office's reviewer nor the preparer.
	 */
	void completeReview(DelegateTask task) {
		boolean justice = JUSTICE_REVIEW_STEP.equals(task.getTaskDefinitionKey());
		String outcome = string(task, REVIEW_OUTCOME);
		if (!"APPROVE".equals(outcome) && !"RETURN".equals(outcome)) {
			throw invalid(REVIEW_OUTCOME, "请选择审核结论：同意公开（APPROVE）或退回修改（RETURN）");
		}
		if ("RETURN".equals(outcome) && (string(task, REVIEW_COMMENT) == null || string(task, REVIEW_COMMENT).isBlank())) {
			throw invalid(REVIEW_COMMENT, "退回修改须写明意见");
		}
		String reviewer = actor(task);
		// R-DISC-6: the review is a second pair of eyes — whoever prepared the item may not approve it
		if (reviewer != null && reviewer.equals(string(task, PREPARED_BY))) {
			throw new org.camunda.bpm.engine.AuthorizationException("整理公示信息的人员不得审核本人整理的公示信息：" + reviewer);
		}
		String group = (justice ? StaffRole.LEGAL_REVIEWER : StaffRole.GENERAL_OFFICE).groupOf(string(task, AGENCY_CODE));
		if (reviewer != null && task.getProcessEngineServices().getIdentityService().createGroupQuery()
			.groupMember(reviewer).groupId(group).count() == 0) {
			throw new org.camunda.bpm.engine.AuthorizationException((justice ? "司法所" : "党政办") + "审核须由本机构"
					+ (justice ? "司法所（法制审核人员）" : "党政办工作人员") + "办理（R-DISC-6），" + reviewer + " 不是该组成员");
		}
		if (justice) {
			if (reviewer != null && reviewer.equals(string(task, REVIEWED_BY))) {
				throw new org.camunda.bpm.engine.AuthorizationException(
						"党政办和司法所须分别审核（R-DISC-6）：已作党政办审核的人员不得再作司法所审核：" + reviewer);
			}
			task.setVariable(JUSTICE_REVIEWED_BY, reviewer);
		}
		else {
			task.setVariable(REVIEWED_BY, reviewer);
			task.removeVariable(JUSTICE_REVIEWED_BY);
		}
	}

	/** Publishes the reviewed, redacted item (a new version when corrected) and records its delay for statistics. */
	void publish(DelegateExecution execution) {
		String itemNo = (String) execution.getVariable(ITEM_NO);
		Instant now = now();
		Date dueAt = (Date) execution.getVariable(DUE_AT);
		int delay = Math.max(0, deadlines.workdaysBetween(dueAt, Date.from(now)));
		LocalDate publicUntil = now.atZone(CHINA).toLocalDate().plus(publicPeriod(execution));
		int version = store.nextVersion(itemNo);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("item_no", itemNo);
		row.put("version", version);
		row.put("is_current", true);
		row.put("status", "PUBLISHED");
		row.put("case_id", execution.getVariable(CASE_ID));
		row.put("process_instance_id", execution.getProcessInstanceId());
		row.put("agency_code", execution.getVariable(AGENCY_CODE));
		row.put("agency_name", execution.getVariable(AGENCY_NAME));
		row.put("decision_type", execution.getVariable(DECISION_TYPE));
		row.put("decision_number", execution.getVariable(DECISION_NUMBER));
		row.put("decision_date", ((Date) execution.getVariable(DECISION_DATE)).toInstant().atZone(CHINA).toLocalDate());
		row.put("party_type", execution.getVariable(PARTY_TYPE));
		row.put("party_name", execution.getVariable(PUBLIC_PARTY_NAME));
		row.put("party_credit_code", execution.getVariable(PUBLIC_PARTY_CREDIT_CODE));
		row.put("category", execution.getVariable(CATEGORY));
		row.put("conclusion", execution.getVariable(PUBLIC_CONCLUSION));
		row.put("legal_basis", execution.getVariable(PUBLIC_LEGAL_BASIS));
		row.put("withheld_note", execution.getVariable(WITHHELD_NOTE));
		row.put("correction_note", version > 1 ? redacted(execution, string(execution, CORRECTION_NOTE)) : null);
		row.put("due_at", dueAt.toInstant());
		row.put("published_at", now);
		row.put("delay_working_days", delay);
		row.put("public_until", publicUntil);
		row.put("reviewed_by", execution.getVariable(REVIEWED_BY));
		row.put("justice_reviewed_by", execution.getVariable(JUSTICE_REVIEWED_BY));
		store.publish(row);
		execution.setVariable(VERSION, version);
		execution.setVariable(STATUS, "PUBLISHED");
		execution.setVariable(PUBLISHED_AT, Date.from(now));
		execution.setVariable(DELAY_WORKING_DAYS, delay);
		execution.setVariable(PUBLIC_UNTIL_AT, Date.from(publicUntil.plusDays(1).atStartOfDay(CHINA).toInstant()));
		log.info("Disclosure {} v{} of case {} published ({} working days late)", itemNo, version,
				execution.getBusinessKey(), delay);
	}

	/**
	 * The decision was revoked, confirmed illegal or void, changed or must be re-made (R-DISC-5): the
	 * published item is taken down at once (行政处罚法 art. 48 allows 3 days) with the reason published.
	 */
	void withdraw(DelegateExecution execution) {
		String kind = string(execution, REVOCATION_KIND);
		if (kind == null || !REVOCATION_KINDS.containsKey(kind)) {
			throw invalid(REVOCATION_KIND, "撤回原因类别应为 " + String.join("、", REVOCATION_KINDS.keySet()));
		}
		String reason = string(execution, REVOCATION_REASON);
		if (reason == null || reason.isBlank()) {
			throw invalid(REVOCATION_REASON, "撤回须说明理由（将向社会公开）");
		}
		Instant now = now();
		deadlines.setLimit(execution, WITHDRAWAL_DUE_AT, "DISCLOSURE_WITHDRAWAL", Date.from(now));
		boolean wasPublic = store.withdraw((String) execution.getVariable(ITEM_NO), now, kind,
				REVOCATION_KINDS.get(kind) + "：" + redacted(execution, reason));
		execution.setVariable(WITHDRAWN_AT, Date.from(now));
		execution.setVariable(STATUS, wasPublic ? "WITHDRAWN" : "REVOKED_BEFORE_PUBLICATION");
	}

	/** End of the public period: the item leaves the list and stays in the archive. */
	void archive(DelegateExecution execution) {
		store.archive((String) execution.getVariable(ITEM_NO), now());
		execution.setVariable(STATUS, "ARCHIVED");
	}

	// --- helpers

	/** The public period of this kind of decision (decision table disclosure-deadline, column 公示期); else the configured default. */
	private Period publicPeriod(VariableScope scope) {
		String period = string(scope, PUBLIC_PERIOD);
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

	private void redactInto(DelegateExecution execution) {
		Redactor redactor = redaction.redactor();
		List<String> names = personNames(execution);
		boolean person = "PERSON".equals(execution.getVariable(PARTY_TYPE));
		String partyName = string(execution, PARTY_NAME).strip();
		execution.setVariable(PUBLIC_PARTY_NAME, person ? Redactor.mask(partyName) : partyName);
		String idNumber = string(execution, PARTY_ID_NUMBER);
		execution.setVariable(PUBLIC_PARTY_CREDIT_CODE, person || idNumber == null ? null : idNumber.strip());
		Redaction conclusion = redactor.redact(string(execution, CONCLUSION), names);
		Redaction basis = redactor.redact(string(execution, LEGAL_BASIS), names);
		execution.setVariable(PUBLIC_CONCLUSION, conclusion.text());
		execution.setVariable(PUBLIC_LEGAL_BASIS, basis.text());
		Map<String, Integer> all = new LinkedHashMap<>(conclusion.findings());
		basis.findings().forEach((k, v) -> all.merge(k, v, Integer::sum));
		if (person) {
			all.merge("当事人姓名（已遮蔽）", 1, Integer::sum);
		}
		execution.setVariable(REDACTION_SUMMARY, new Redaction("", all).summary());
	}

	private String redacted(VariableScope scope, String text) {
		return text == null ? null : redaction.redactor().redact(text, personNames(scope)).text();
	}

	private static List<String> personNames(VariableScope scope) {
		List<String> names = new ArrayList<>();
		if ("PERSON".equals(scope.getVariable(PARTY_TYPE)) && scope.getVariable(PARTY_NAME) != null) {
			names.add(scope.getVariable(PARTY_NAME).toString());
		}
		return names;
	}

	private static LocalDate decisionDate(VariableScope scope) {
		Object value = scope.getVariable(DECISION_DATE);
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

	private static String required(VariableScope scope, String name) {
		String value = string(scope, name);
		if (value == null || value.isBlank()) {
			throw invalid(name, "缺少必填项");
		}
		return value.strip();
	}

	private static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
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

	static FormFieldValidationException invalid(String field, String message) {
		return new FormFieldValidationException(field, field + ": " + message);
	}
}

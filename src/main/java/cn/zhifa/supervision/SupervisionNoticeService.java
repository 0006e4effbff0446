package cn.zhifa.supervision;

import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;
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
 * Supervision notices (行政执法监督通知书, R-COORD-8; seed 002 (七) "通过《行政执法监督通知书》的形式督促整改", (四) 责令限期移送):
 * the justice bureau issues a notice to an agency (from a complaint, an SLA breach, a case not transferred, a case-file
 * review or otherwise, linked to the case or complaint number), the agency's head reports the rectification within the
 * stated period ({@code SUPERVISION_RECTIFICATION} of calendar/statutory-limits.yml unless the notice states another), and
 * the bureau closes the notice, sends it back, or escalates it (通报, 报请本级人民政府). The process
 * {@code supervision-notice} calls these steps through thin delegates.
 */
@Service
public class SupervisionNoticeService {

	static final String PROCESS_KEY = SupervisorSteps.SUPERVISION_NOTICE_PROCESS;
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final String COUNTER_AGENCY = "COUNTY";
	static final Set<String> SOURCES = Set.of("COMPLAINT", "SLA_BREACH", "UNTRANSFERRED_CASE", "CASE_FILE_REVIEW", "OTHER");
	static final Set<String> OUTCOMES = Set.of("CLOSE", "REDO", "CIRCULATE", "REPORT_TO_GOVERNMENT");
	static final int MAX_PERIOD = 90;

	// process variables
	static final String NO = "supervisionNoticeNo";
	static final String AGENCY = SupervisorSteps.SUPERVISED_AGENCY;
	static final String AGENCY_NAME = "supervisedAgencyName";
	static final String SOURCE = "supervisionSource";
	static final String SOURCE_LABEL = "supervisionSourceLabel";
	static final String SOURCE_REF = "supervisionSourceRef";
	static final String PROBLEM = "supervisionProblem";
	static final String REQUIREMENT = "rectificationRequirement";
	static final String PERIOD = "rectificationWorkingDays";
	static final String ISSUED_BY = "issuedBy";
	static final String ISSUED_ON = "supervisionIssuedOn";
	static final String RECTIFICATION_DUE = "supervisionRectificationDueAt";
	static final String CHECK_DUE = "supervisionCheckDueAt";
	static final String REPORT = "rectificationReport";
	static final String OUTCOME = "supervisionOutcome";
	static final String OPINION = "supervisionOpinion";

	private final SupervisionNoticeRepository notices;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final Deadlines deadlines;
	private final DisplayLabels labels;
	private final String bureau;
	/** 代字 of the notice numbers: 区司法监通〔2026〕1号 (one county-wide series a year). */
	private final String prefix;
	private final Clock clock;

	SupervisionNoticeService(SupervisionNoticeRepository notices, AgencyRepository agencies, DocumentNumbers numbers,
			Deadlines deadlines, DisplayLabels labels,
			@org.springframework.beans.factory.annotation.Value("${zhifa.supervision.bureau-name:某区司法局}") String bureau,
			@org.springframework.beans.factory.annotation.Value("${zhifa.supervision.notice-prefix:区司法监通}") String prefix,
			Clock clock) {
		this.clock = clock;
		this.bureau = bureau;
		this.prefix = prefix;
		this.notices = notices;
		this.agencies = agencies;
		this.numbers = numbers;
		this.deadlines = deadlines;
		this.labels = labels;
	}

	@Transactional(readOnly = true)
	public List<SupervisionNotice> ofAgencies(Collection<String> agencyCodes, boolean all) {
		return Registers.ofAgencies(agencyCodes, all, notices::findAllByOrderByIssuedAtDesc,
				notices::findByAgencyCodeInOrderByIssuedAtDesc);
	}

	@Transactional(readOnly = true)
	public Optional<SupervisionNotice> find(String noticeNo) {
		return Registers.find(noticeNo, notices::findById);
	}

	/** Open notices (issued or reported, not yet closed or escalated) of one agency. */
	@Transactional(readOnly = true)
	public long openNotices(String agencyCode) {
		return notices.countByAgencyCodeAndStatusIn(agencyCode, OPEN);
	}

	/** Open notices per agency (agencies without any are absent): the supervisors' SLA board table. */
	@Transactional(readOnly = true)
	public Map<String, Long> openNotices(Collection<String> agencyCodes) {
		Map<String, Long> result = new HashMap<>();
		if (!agencyCodes.isEmpty()) {
			for (Object[] row : notices.countByAgency(agencyCodes, OPEN)) {
				result.put((String) row[0], ((Number) row[1]).longValue());
			}
		}
		return result;
	}

	private static final List<String> OPEN = List.of(SupervisionNotice.ISSUED, SupervisionNotice.REPORTED);

	// --- the steps of supervision-notice ---

	/** What 制发 registered, for the process's variables ({@code sourceRef} null: the form gave none). */
	record Issued(String no, String agency, String agencyName, String bureau, String sourceRef, String sourceLabel,
			int period, String issuedBy, String issuedOn, Due rectificationDue) {
	}

	/**
	 * 制发: the start form's input checked (400 naming the field), the notice registered with its number, the
	 * rectification period (the notice's own, else the default limit) counted from today. The form's texts come
	 * trimmed (blank is absent), the period as the form gave it.
	 */
	Issued issue(Step step, String agency, String source, String ref, String problem, String requirement, Object period) {
		if (!step.bySystem() && !step.actorIn(Roles.SUPERVISOR)) {
			throw new AuthorizationException("只有执法监督人员（司法局）可以制发行政执法监督通知书");
		}
		required(agency, AGENCY, "被监督的执法机关");
		Agency a = agencies.findById(agency).orElseThrow(() -> invalid(AGENCY, "被监督的执法机关须为本平台上的执法机关，收到 " + agency));
		if (step.agency() != null && !step.agency().equals(a.getCode())) {
			throw new IllegalStateException("notice for " + a.getCode() + " started in tenant " + step.agency());
		}
		required(source, SOURCE, "监督事项来源");
		if (!SOURCES.contains(source)) {
			throw invalid(SOURCE, "监督事项来源须为 投诉举报、超期督办、应移送未移送、案卷评查 或 其他，收到 " + source);
		}
		if (ref != null) {
			String flaw = InputCheck.textFlaw(ref, 64);
			if (flaw != null) {
				throw invalid(SOURCE_REF, "关联的案号或投诉举报编号" + flaw);
			}
		}
		else if ("COMPLAINT".equals(source) || "UNTRANSFERRED_CASE".equals(source)) {
			throw invalid(SOURCE_REF, "来源为投诉举报或应移送未移送的，须填写关联的投诉举报编号或案号");
		}
		requiredText(problem, PROBLEM, "发现的问题", 2000);
		requiredText(requirement, REQUIREMENT, "整改要求", 2000);
		Integer days = period(period);
		Instant at = now();
		String issuedBy = step.actor();
		Due due = days == null
				? deadlines.limitDue(RECTIFICATION_DUE, "SUPERVISION_RECTIFICATION", Date.from(at))
				: rectificationDue(at, days);
		int stated = days != null ? days : 0;
		if (days == null) {
			stated = deadlines.workdaysBetween(Date.from(at), due.at());
		}
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		String no = prefix + "〔" + year + "〕" + numbers.next(COUNTER_AGENCY, "SUPERVISION_NOTICE", year) + "号";
		notices.save(new SupervisionNotice(no, a.getCode(), source, ref, problem, requirement, stated, issuedBy, at,
				due.at().toInstant(), step.processInstanceId()));
		return new Issued(no, a.getCode(), a.getName(), bureau, ref, labels.label(SOURCE, source), stated, issuedBy,
				LocalDate.ofInstant(at, CHINA).toString(), due);
	}

	/** The agency's report on its rectification (400 naming the field when missing). */
	void checkReport(String report) {
		requiredText(report, REPORT, "整改情况报告", 4000);
	}

	/** 报送整改报告: kept with the notice, on time or late against the stated period; the bureau's check is due. */
	Due recordReport(Step step, String no, String report) {
		Instant at = now();
		noticeOf(step, no).reported(step.actor(), at, report);
		return deadlines.limitDue(CHECK_DUE, "SUPERVISION_CHECK", Date.from(at));
	}

	/** The bureau's conclusion: one of the outcomes; an opinion is required unless the notice is closed. */
	void checkConclusion(String outcome, String opinion) {
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw invalid(OUTCOME, "审查结论须为 整改到位，销号、整改不到位，重新整改、通报 或 报请本级人民政府处理，收到 " + outcome);
		}
		if ("CLOSE".equals(outcome)) {
			if (opinion != null && InputCheck.textFlaw(opinion, 2000) != null) {
				throw invalid(OPINION, "审查意见" + InputCheck.textFlaw(opinion, 2000));
			}
		}
		else {
			requiredText(opinion, OPINION, "审查意见", 2000);
		}
	}

	/** 整改不到位: back to the agency, a new period of the same length from today (the rectification due returned). */
	Due sendBack(Step step, String no, String opinion) {
		SupervisionNotice n = noticeOf(step, no);
		Instant at = now();
		Due due = rectificationDue(at, n.getPeriodWorkingDays());
		n.sentBack(step.actor(), at, opinion, due.at().toInstant());
		return due;
	}

	/** 销号 or 通报 / 报请本级人民政府: the notice ends. */
	void conclude(Step step, String no, String outcome, String opinion) {
		SupervisionNotice n = noticeOf(step, no);
		if ("CLOSE".equals(outcome)) {
			n.closed(step.actor(), now(), opinion == null ? "整改到位，予以销号" : opinion);
		}
		else {
			n.escalated(step.actor(), now(), opinion, "CIRCULATE".equals(outcome) ? "CIRCULATED" : "REPORTED_TO_GOVERNMENT");
		}
	}

	// --- helpers ---

	private Due rectificationDue(Instant at, int days) {
		return deadlines.workdaysDue(RECTIFICATION_DUE, Date.from(at), days);
	}

	private SupervisionNotice noticeOf(Step step, String no) {
		required(no, NO, "监督通知书编号");
		SupervisionNotice n = notices.findById(no).orElseThrow(() -> new IllegalStateException("no supervision notice " + no));
		if (!step.processInstanceId().equals(n.getProcessInstanceId())) {
			throw new org.camunda.bpm.engine.AuthorizationException("监督通知书“" + no + "”不由本流程办理");
		}
		return n;
	}

	private static Integer period(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		long days;
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			days = n.longValue();
		}
		else {
			try {
				days = Long.parseLong(value.toString().strip());
			}
			catch (NumberFormatException e) {
				throw invalid(PERIOD, "整改期限须为1至" + MAX_PERIOD + "个工作日的整数，收到 " + value);
			}
		}
		if (days < 1 || days > MAX_PERIOD) {
			throw invalid(PERIOD, "整改期限须为1至" + MAX_PERIOD + "个工作日的整数，收到 " + value);
		}
		return (int) days;
	}

	Instant now() {
		return clock.instant();
	}
}

package cn.zhifa.officers;

import static cn.zhifa.platform.FormFields.invalid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;

/**
 * The annual certificate review (执法证年审, R-QUAL-2, seed 003 一(二)): process {@value #PROCESS_KEY}, one instance per officer
 * and year — started for every certified officer by the yearly timer of {@value #SCHEDULE_KEY}, or by the agency's legal
 * office (司法所/法制审核人员) or head in Tasklist. The legal office decides within the limit {@value #LIMIT} of
 * calendar/statutory-limits.yml; it may pass the review only when the records meet officers/annual-review.yml (training
 * hours, a passed exam, no failed half-yearly evaluation). A failed review suspends the officer's qualification, so the
 * qualification guard refuses them and they are no longer offered as an officer; a later review that passes lifts it.
 * Suspension happens here only.
 */
@Service
class OfficerAnnualReviewService {

	public static final String PROCESS_KEY = "officer-annual-review";
	public static final String SCHEDULE_KEY = "officer-annual-review-schedule";
	static final String LIMIT = "OFFICER_ANNUAL_REVIEW";
	static final String FORM_START = "officer-annual-review-start";
	static final String FORM_DECIDE = "officer-annual-review-decide";

	static final String OFFICER = "reviewedOfficer";
	static final String YEAR = "annualReviewYear";
	static final String DUE = "annualReviewDueAt";
	static final String OUTCOME = "annualReviewOutcome";
	static final String OPINION = "annualReviewOpinion";
	static final String SUMMARY = "annualReviewSummary";
	static final String CRITERIA_MET = "annualReviewCriteriaMet";
	static final String DECIDED_BY = "annualReviewDecidedBy";
	static final String PASS = "PASS";
	static final String FAIL = "FAIL";

	public static final String OPEN = "OPEN";
	public static final String PASSED = "PASSED";
	public static final String FAILED = "FAILED";

	private static final Logger log = LoggerFactory.getLogger(OfficerAnnualReviewService.class);

	/** One review as stored. */
	public record Review(String userId, int year, String agencyCode, String processInstanceId, String status, String startedBy,
			Instant startedAt, Instant dueAt, java.math.BigDecimal trainingHours, Boolean examPassed, String outcomeReason,
			String decidedBy, Instant decidedAt) {
	}

	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final IdentityService identity;
	private final OfficerRepository officers;
	private final AgencyRepository agencies;
	private final OfficerRecords records;
	private final Deadlines deadlines;
	private final JdbcTemplate jdbc;

	OfficerAnnualReviewService(RuntimeService runtime, RepositoryService repository, IdentityService identity,
			OfficerRepository officers, AgencyRepository agencies, OfficerRecords records, Deadlines deadlines, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.repository = repository;
		this.identity = identity;
		this.officers = officers;
		this.agencies = agencies;
		this.records = records;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
	}

	public static String businessKey(String userId, int year) {
		return "年审-" + year + "-" + userId;
	}

	/** Whether a person takes the annual review: certificate holders other than auxiliary staff and supervisors. */
	static boolean reviewed(Officer o) {
		return o.getAgencyCode() != null && o.getRole() != StaffRole.AUXILIARY && o.getRole() != StaffRole.SUPERVISOR
				&& !o.getCertificates().isEmpty();
	}

	/**
	 * The yearly timer's step: one review of {@code year} for every reviewed person of every agency whose certificate is
	 * valid today or who is suspended, in the agency's tenant, skipping anyone with a review of that year (idempotent).
	 */
	@Transactional
	public List<String> startAll(int year) {
		List<String> started = new ArrayList<>();
		LocalDate today = records.today();
		for (Agency a : agencies.findAll()) {
			for (Officer o : officers.findByAgencyCode(a.getCode())) {
				boolean current = o.getCertificates().stream().anyMatch(c -> c.isValidOn(today)) || o.isSuspendedOn(today);
				if (reviewed(o) && current && startFor(o, year).isPresent()) {
					started.add(o.getUserId());
				}
			}
		}
		log.info("Officer annual review {}: started for {}", year, started);
		return started;
	}

	/** Starts the review of one person and year unless one exists; the instance id, or empty. */
	@Transactional
	public Optional<String> startFor(Officer officer, int year) {
		String key = businessKey(officer.getUserId(), year);
		// two schedules (the county's and an agency's copy) or two nodes may start at once: the agency's row lock makes
		// the second wait for the first's commit, then find its instance
		agencies.lockByCode(officer.getAgencyCode());
		if (find(officer.getUserId(), year).isPresent()
				|| runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count() > 0) {
			return Optional.empty();
		}
		ProcessDefinition definition = ModelVersions.latestProcess(repository, PROCESS_KEY, officer.getAgencyCode());
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.AGENCY_CODE, officer.getAgencyCode());
		variables.put(OFFICER, officer.getUserId());
		variables.put(YEAR, year);
		return Optional.of(runtime.startProcessInstanceById(definition.getId(), key, variables).getId());
	}

	public Optional<Review> find(String userId, int year) {
		return jdbc.query("SELECT * FROM zf_officer_annual_review WHERE user_id = ? AND review_year = ?", (rs, i) -> review(rs),
				userId, year).stream().findFirst();
	}

	public List<Review> ofOfficer(String userId) {
		return jdbc.query("SELECT * FROM zf_officer_annual_review WHERE user_id = ? ORDER BY review_year", (rs, i) -> review(rs),
				userId);
	}

	// --- the steps of officer-annual-review ---

	/**
	 * A review opened: its year, what the decision form shows of the agency and the person, the instance's business
	 * key (when it has none), the deadline, and the records assessed.
	 */
	record Opened(int year, String agency, String agencyName, String officerName, String certificates, String businessKey,
			Due due, OfficerRecords.Assessment assessment) {
	}

	/**
	 * 发起年审: the start form (or the timer's variables: {@code officerId}, and {@code year} as given) checked — a person
	 * of this agency who takes the review, a year not in the future, no open or passed review of that year — by the legal
	 * office or the head when started in Tasklist; the deadline set, the records assessed for the form.
	 */
	Opened open(Step step, String officerId, Object year) {
		String agency = step.agency();
		String user = step.bySystem() ? null : step.actor();
		if (user != null && !member(user, StaffRole.LEGAL_REVIEWER.groupOf(agency)) && !member(user, StaffRole.HEAD.groupOf(agency))) {
			throw new AuthorizationException("执法证年审由本机关法制审核人员（司法所）或主要负责人发起，" + user + " 无权发起");
		}
		String userId = officerId;
		if (userId == null) {
			throw invalid(OFFICER, "年审的执法人员必须填写（用户名，如 officer1）");
		}
		Officer officer = officers.findById(userId).filter(o -> agency != null && agency.equals(o.getAgencyCode()))
			.orElseThrow(() -> invalid(OFFICER, "“" + userId + "”不是本机关（" + agency + "）登记的人员"));
		if (!reviewed(officer)) {
			throw invalid(OFFICER, officer.getFullName() + "（" + userId + "）为" + officer.getRole().label()
					+ "或未持有执法证，不参加执法证年审");
		}
		int y;
		try {
			y = year instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(year).strip());
		}
		catch (NumberFormatException e) {
			throw invalid(YEAR, "年审年度须为四位年份，如 " + records.today().getYear() + "，收到 " + year);
		}
		if (y < 2000 || y > records.today().getYear()) {
			throw invalid(YEAR, "年审年度须为2000年至今年（" + records.today().getYear() + "），收到 " + y);
		}
		Optional<Review> existing = find(userId, y);
		if (existing.isPresent() && !FAILED.equals(existing.get().status())) {
			throw invalid(YEAR, officer.getFullName() + "的" + y + "年度执法证年审" + (OPEN.equals(existing.get().status())
					? "正在进行" : "已合格") + "，不得重复发起");
		}
		String agencyName = agencies.findById(agency).map(Agency::getName).orElse(agency);
		Instant now = records.now();
		Due due = deadlines.limitDue(DUE, LIMIT, now);
		var at = now.atOffset(ZoneOffset.UTC);
		jdbc.update("DELETE FROM zf_officer_annual_review WHERE user_id = ? AND review_year = ? AND status = ?", userId, y, FAILED);
		jdbc.update("""
				INSERT INTO zf_officer_annual_review (user_id, review_year, agency_code, process_instance_id, status, started_by,
				       started_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", userId, y, agency, step.processInstanceId(),
				OPEN, user, at, due.at().toInstant().atOffset(ZoneOffset.UTC));
		return new Opened(y, agency, agencyName, officer.getFullName() + "（" + officer.getUnit() + "，" + userId + "）",
				certificates(officer), businessKey(userId, y), due, assess(userId, y));
	}

	/** A decision accepted: the records as assessed now, and who decided (null: the system). */
	record Decided(OfficerRecords.Assessment assessment, String decidedBy) {
	}

	/** The records of {@code officerId} in {@code year} against the criteria, shown on the form; again when the task is created and when it is completed. */
	OfficerRecords.Assessment assess(String officerId, int year) {
		return records.assess(officerId, year);
	}

	/**
	 * Task listener on the decision: the outcome, an opinion for a failure, the decider a legal reviewer of the agency other
	 * than the reviewed person ({@code officerId}); a pass only when the records meet the criteria now. Returns the records
	 * assessed for the form and who decided.
	 */
	Decided checkDecision(Step step, String officerId, int year, String outcome, String opinion) {
		String agency = step.agency();
		String user = step.bySystem() ? null : step.actor();
		if (user != null && !member(user, StaffRole.LEGAL_REVIEWER.groupOf(agency))) {
			throw new AuthorizationException("执法证年审由本机关法制审核人员（司法所）审核，" + user + " 不是该组成员");
		}
		if (user != null && user.equals(officerId)) {
			throw new AuthorizationException("不得审核本人的执法证年审：" + user);
		}
		if (!PASS.equals(outcome) && !FAIL.equals(outcome)) {
			throw invalid(OUTCOME, "年审结论须为 年审合格（PASS）或 年审不合格，暂停执法资格（FAIL），收到 " + outcome);
		}
		if (opinion != null && InputCheck.textFlaw(opinion, 2000) != null) {
			throw invalid(OPINION, "年审意见" + InputCheck.textFlaw(opinion, 2000));
		}
		if (FAIL.equals(outcome) && opinion == null) {
			throw invalid(OPINION, "年审不合格的，须写明不合格的理由");
		}
		OfficerRecords.Assessment a = assess(officerId, year);
		if (PASS.equals(outcome) && !a.met()) {
			throw invalid(OUTCOME, "不符合年审标准，不得认定年审合格：" + String.join("；", a.shortfalls()) + "（依据："
					+ "officers/annual-review.yml）");
		}
		return new Decided(a, user);
	}

	/** 年审合格: recorded (with the {@code opinion} of {@code decidedBy}); a suspension from an earlier failed review is lifted. */
	void pass(Step step, String officerId, int year, String opinion, String decidedBy) {
		String userId = officerId;
		OfficerRecords.Assessment a = records.assess(userId, year);
		conclude(userId, PASSED, a, opinion, decidedBy);
		Officer officer = officers.findById(userId).orElseThrow();
		if (officer.getSuspendedSince() != null) {
			officer.reinstate();
			officers.save(officer);
			log.info("Officer {} reinstated by annual review {} ({})", userId, year, step.processInstanceId());
		}
	}

	/**
	 * 年审不合格: recorded (with the {@code opinion} of {@code decidedBy}), and the qualification suspended from today (the
	 * only place an officer is suspended); returns that day.
	 */
	LocalDate fail(Step step, String officerId, int year, String opinion, String decidedBy) {
		String userId = officerId;
		String reason = year + "年度执法证年审不合格：" + opinion;
		conclude(userId, FAILED, records.assess(userId, year), reason, decidedBy);
		Officer officer = officers.findById(userId).orElseThrow();
		officer.suspend(records.today(), reason.length() > 2000 ? reason.substring(0, 2000) : reason, step.processInstanceId());
		officers.save(officer);
		log.warn("Officer {} suspended by failed annual review {} ({})", userId, year, step.processInstanceId());
		return records.today();
	}

	private void conclude(String userId, String status, OfficerRecords.Assessment a, String reason, String decidedBy) {
		jdbc.update("""
				UPDATE zf_officer_annual_review SET status = ?, training_hours = ?, exam_passed = ?, outcome_reason = ?,
				       decided_by = ?, decided_at = ? WHERE user_id = ? AND review_year = ?""", status, a.trainingHours(),
				a.passedExams() >= a.requiredExams(), reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason,
				decidedBy, records.now().atOffset(ZoneOffset.UTC), userId, a.year());
	}

	private static String certificates(Officer o) {
		List<String> lines = new ArrayList<>();
		o.getCertificates().forEach(c -> lines.add(c.getNumber() + "（" + c.getIssuer() + "，有效期 " + c.getValidFrom() + " 至 "
				+ c.getValidTo() + "）"));
		return lines.isEmpty() ? "无" : String.join("；", lines);
	}

	private boolean member(String user, String group) {
		return identity.createGroupQuery().groupMember(user).groupId(group).count() > 0;
	}

	private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Review(rs.getString("user_id"), rs.getInt("review_year"), rs.getString("agency_code"),
				rs.getString("process_instance_id"), rs.getString("status"), rs.getString("started_by"), instant(rs, "started_at"),
				instant(rs, "due_at"), rs.getBigDecimal("training_hours"), (Boolean) rs.getObject("exam_passed"),
				rs.getString("outcome_reason"), rs.getString("decided_by"), instant(rs, "decided_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}

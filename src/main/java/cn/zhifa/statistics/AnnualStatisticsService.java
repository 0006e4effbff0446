package cn.zhifa.statistics;

import static cn.zhifa.platform.FormFields.invalid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.Problem;

/**
 * Annual statistics (行政执法统计年报, R-DISC-7; seed 004): each January one {@value #PROCESS_KEY} instance per
 * agency for last year ({@link #startAll}, called once by the timer of {@value #SCHEDULE_KEY}); its figures computed
 * from the system's own data ({@link AnnualFigures}); signed off by 党政办 and 司法所 as the disclosure review is
 * (R-DISC-6); submitted to the justice bureau by 15 January and published on the portal by 31 January, both limits of
 * calendar/statutory-limits.yml ({@code ANNUAL_STATISTICS_SUBMISSION}, {@code ANNUAL_STATISTICS_PUBLICATION}).
 * The report is a row of {@code zf_annual_statistics}.
 */
@Service
public class AnnualStatisticsService {

	public static final String PROCESS_KEY = "annual-statistics";
	public static final String SCHEDULE_KEY = "annual-statistics-schedule";
	public static final String COMPUTED = "COMPUTED";
	public static final String SUBMITTED = "SUBMITTED";
	public static final String PUBLISHED = "PUBLISHED";
	public static final Map<String, String> STATUS_LABELS = Map.of(COMPUTED, "核对签署中", SUBMITTED, "已报送司法局", PUBLISHED,
			"已向社会公开");

	// process variables
	static final String YEAR = "statisticsYear";
	static final String YEAR_END = "statisticsYearEnd";
	static final String PERIOD = "statisticsPeriod";
	static final String SUBMIT_DUE = "annualStatisticsSubmitDueAt";
	static final String PUBLISH_DUE = "annualStatisticsPublishDueAt";
	static final String SUMMARY = "annualStatisticsSummary";
	static final String WORKBOOK = "annualStatisticsWorkbook";
	static final String OUTCOME = "annualStatisticsOutcome";
	static final String OPINION = "annualStatisticsOpinion";
	static final String OFFICE_SIGNED_BY = "annualStatisticsOfficeSignedBy";
	static final String JUSTICE_SIGNED_BY = "annualStatisticsJusticeSignedBy";
	static final String PUBLISH_CONFIRMED = "annualStatisticsPublishConfirmed";
	static final String PUBLISHED_BY = "annualStatisticsPublishedBy";

	private static final Logger log = LoggerFactory.getLogger(AnnualStatisticsService.class);
	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcTemplate jdbc;
	private final AnnualFigures figures;
	private final AgencyRepository agencies;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final IdentityService identity;
	private final Deadlines deadlines;
	private final Clock clock;

	AnnualStatisticsService(DataSource dataSource, AnnualFigures figures, AgencyRepository agencies, RuntimeService runtime,
			RepositoryService repository, IdentityService identity, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.jdbc = new JdbcTemplate(dataSource);
		this.figures = figures;
		this.agencies = agencies;
		this.runtime = runtime;
		this.repository = repository;
		this.identity = identity;
		this.deadlines = deadlines;
	}

	/** A report as stored: figures by key (see {@link AnnualFigures#CATEGORIES}). */
	public record Report(String agencyCode, String agencyName, int year, String status, Map<String, Number> figures,
			Instant computedAt, int returns, String officeSignedBy, Instant officeSignedAt, String justiceSignedBy,
			Instant justiceSignedAt, Instant submitDueAt, Instant submittedAt, Boolean submittedOnTime, Instant publishDueAt,
			Instant publishedAt, Boolean publishedOnTime, String processInstanceId) {

		public String statusLabel() {
			return STATUS_LABELS.getOrDefault(status, status);
		}

		public boolean published() {
			return PUBLISHED.equals(status);
		}
	}

	/** The business key of an agency's report: 年度统计-2026-LIAOKUO. */
	public static String businessKey(String agency, int year) {
		return "年度统计-" + year + "-" + agency;
	}

	// --- the January start ---

	/** The year reported when the timer fires: the Beijing year before the engine clock's. */
	public static int reportedYear(Instant now) {
		return WorkingDayCalendar.dayOf(now).getYear() - 1;
	}

	/** A year asked for (statistics API, portal pages): four digits from 2000 to 2100, else a 400 problem naming it. */
	public static int parseYear(String year) {
		try {
			int y = Integer.parseInt(year.strip());
			if (y < 2000 || y > 2100) {
				throw Problem.invalid("year", "统计年度（year）应在 2000 年至 2100 年之间");
			}
			return y;
		}
		catch (NumberFormatException e) {
			throw Problem.invalid("year", "统计年度（year）应为四位年份，如 2026");
		}
	}

	/**
	 * Starts one {@value #PROCESS_KEY} instance per agency for {@code year}, in that agency's tenant, skipping an
	 * agency whose report of that year exists or is being started (idempotent: a retried job or a second call starts
	 * nothing twice). Returns the agencies started.
	 */
	@Transactional
	public List<String> startAll(int year) {
		List<String> started = new ArrayList<>();
		for (Agency a : agencies.findAll()) {
			if (startFor(a.getCode(), year).isPresent()) {
				started.add(a.getCode());
			}
		}
		log.info("Annual statistics {}: started for {}", year, started);
		return started;
	}

	/** Starts the report of one agency and year unless it exists; the instance id, or empty when it existed. */
	@Transactional
	public Optional<String> startFor(String agency, int year) {
		String key = businessKey(agency, year);
		// two schedules (the county's and an agency's copy) or two nodes may start at once: the agency's row lock makes
		// the second wait for the first's commit, then find its instance
		agencies.lockByCode(agency);
		if (find(agency, year).isPresent()
				|| runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count() > 0) {
			return Optional.empty();
		}
		ProcessDefinition definition = ModelVersions.latestProcess(repository, PROCESS_KEY, agency);
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.AGENCY_CODE, agency);
		variables.put(YEAR, year);
		return Optional.of(runtime.startProcessInstanceById(definition.getId(), key, variables).getId());
	}

	// --- the steps of annual-statistics ---

	/** What the report's forms show from the start (its agency, year's end, period, workbook) and its two deadlines. */
	record Opened(String agencyName, String yearEnd, String period, String workbook, Due submitDue, Due publishDue) {
	}

	/** A signature given: by the 司法所 ({@code justice}) or the 党政办, and by whom (null: the system). */
	record Signed(boolean justice, String user) {
	}

	/**
	 * 确定统计年度和期限: the period, the agency's name, and the two deadlines counted from 31 December, for the
	 * {@code year} the schedule started the report with.
	 */
	Opened open(Step step, Object year) {
		if (!(year instanceof Number n) || n.intValue() < 2000 || n.intValue() > 2100) {
			throw new ProcessEngineException("annual-statistics is started by annual-statistics-schedule with statisticsYear, not "
					+ year);
		}
		int y = n.intValue();
		String agency = step.agency();
		String agencyName = agencies.findById(agency).map(Agency::getName).orElse(agency);
		LocalDate end = LocalDate.of(y, 12, 31);
		return new Opened(agencyName, end.toString(), y + "年1月1日至" + y + "年12月31日",
				"/api/annual-statistics/" + agency + "/" + y + ".xlsx",
				deadlines.limitDue(SUBMIT_DUE, "ANNUAL_STATISTICS_SUBMISSION", end.toString()),
				deadlines.limitDue(PUBLISH_DUE, "ANNUAL_STATISTICS_PUBLICATION", end.toString()));
	}

	/**
	 * 统计: the figures from the agency's data (again after a return: {@code outcome} RETURN with its {@code opinion}),
	 * kept as the report to sign off; returns their summary for the sign-off forms.
	 */
	String compute(Step step, int year, Date submitDueAt, Date publishDueAt, String outcome, String opinion) {
		String agency = step.agency();
		Map<String, Number> f = figures.compute(agency, year);
		String json = json(f);
		OffsetDateTime now = now().atOffset(ZoneOffset.UTC);
		OffsetDateTime submitDue = odt(submitDueAt);
		OffsetDateTime publishDue = odt(publishDueAt);
		boolean returned = OUTCOME_RETURN.equals(outcome);
		int updated = jdbc.update("""
				UPDATE zf_annual_statistics SET figures = ?, computed_at = ?, status = ?, returns = returns + ?, return_reason = ?,
				       office_signed_by = NULL, office_signed_at = NULL, justice_signed_by = NULL, justice_signed_at = NULL,
				       submit_due_at = ?, publish_due_at = ?
				WHERE agency_code = ? AND report_year = ?""", json, now, COMPUTED, returned ? 1 : 0,
				returned ? opinion : null, submitDue, publishDue, agency, year);
		if (updated == 0) {
			jdbc.update("""
					INSERT INTO zf_annual_statistics (agency_code, report_year, process_instance_id, status, figures, computed_at,
					       submit_due_at, publish_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", agency, year,
					step.processInstanceId(), COMPUTED, json, now, submitDue, publishDue);
		}
		return summary(f);
	}

	static final String OUTCOME_RETURN = "RETURN";

	/** Main figures for the sign-off forms, one line each. */
	static String summary(Map<String, Number> f) {
		return "行政处罚决定 " + f.get("penalty.decisions") + " 件（罚款 " + f.get("penalty.fine") + " 件，" + money(f.get("penalty.fineAmount"))
				+ " 元）；不予行政处罚 " + f.get("penalty.noPenalty") + " 件\n行政强制：查封扣押 " + f.get("coercion.seizure") + " 件，申请法院强制执行 "
				+ f.get("coercion.court") + " 件\n行政检查 " + f.get("inspection.items") + " 次（发现违法 " + f.get("inspection.violations")
				+ " 次）\n法制审核办结 " + f.get("review.concluded") + " 件，按期率 " + pct(f.get("review.onTimePercent"))
				+ "\n移送 " + f.get("transfer.total") + " 件（涉嫌犯罪 " + f.get("transfer.criminal") + "，案件 " + f.get("transfer.case") + "，纪检监察 "
				+ f.get("transfer.discipline") + "）\n投诉举报 " + f.get("complaint.received") + " 件\n执法决定公示 "
				+ f.get("disclosure.published") + " 件，及时率 " + pct(f.get("disclosure.onTimePercent"));
	}

	static String money(Number n) {
		return n == null ? "0" : new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
	}

	static String pct(Number n) {
		return n == null ? "—（无可计算的事项）" : n + "%";
	}

	/**
	 * Task listener on completion: the sign-off by 党政办 ({@code <agency>-office}) and then 司法所 ({@code <agency>-reviewer})
	 * — outcome required, a return needs its reason, each signer a member of the step's office, the two signers different
	 * people (R-DISC-6). The step's office is the group the task is offered to ({@code candidateGroups});
	 * {@code officeSignedBy} is who signed for the 党政办. Returns the signature given, null for a return.
	 */
	Signed checkSignOff(Step step, Set<String> candidateGroups, String outcome, String opinion, String officeSignedBy,
			int year) {
		String agency = step.agency();
		String user = step.bySystem() ? null : step.actor();
		boolean justice = candidateGroups.contains(StaffRole.LEGAL_REVIEWER.groupOf(agency));
		if (!justice && !candidateGroups.contains(StaffRole.GENERAL_OFFICE.groupOf(agency))) {
			throw new IllegalStateException("annual-statistics-sign-off on " + step.activityId()
					+ " is offered neither to the 党政办 nor to the 司法所 of " + agency);
		}
		if (!"APPROVE".equals(outcome) && !OUTCOME_RETURN.equals(outcome)) {
			throw invalid(OUTCOME, "核对结论须为 核对无误，签署同意（APPROVE）或 退回重新统计（RETURN），收到 " + outcome);
		}
		if (opinion != null && cn.zhifa.platform.problem.InputCheck.textFlaw(opinion, 2000) != null) {
			throw invalid(OPINION, "核对意见" + cn.zhifa.platform.problem.InputCheck.textFlaw(opinion, 2000));
		}
		if (OUTCOME_RETURN.equals(outcome) && opinion == null) {
			throw invalid(OPINION, "退回重新统计须写明哪些数据有误");
		}
		String group = (justice ? StaffRole.LEGAL_REVIEWER : StaffRole.GENERAL_OFFICE).groupOf(agency);
		if (user != null && identity.createGroupQuery().groupMember(user).groupId(group).count() == 0) {
			throw new AuthorizationException((justice ? "司法所" : "党政办") + "签署须由本机关" + (justice ? "司法所（法制审核人员）" : "党政办工作人员")
					+ "办理，" + user + " 不是该组成员");
		}
		if (justice && user != null && user.equals(officeSignedBy)) {
			throw new AuthorizationException("党政办和司法所须分别签署：已作党政办签署的人员不得再作司法所签署：" + user);
		}
		if ("APPROVE".equals(outcome)) {
			jdbc.update("UPDATE zf_annual_statistics SET " + (justice ? "justice" : "office") + "_signed_by = ?, "
					+ (justice ? "justice" : "office") + "_signed_at = ? WHERE agency_code = ? AND report_year = ?", user,
					now().atOffset(ZoneOffset.UTC), agency, year);
			return new Signed(justice, user);
		}
		return null;
	}

	/** The confirmation of publication (task listener on completion); returns who published (null: the system). */
	String confirmPublication(Step step, boolean confirmed) {
		if (!confirmed) {
			throw invalid(PUBLISH_CONFIRMED, "须确认在公示平台公开");
		}
		return step.bySystem() ? null : step.actor();
	}

	/**
	 * 报送司法局: the signed-off report goes to the bureau, on time or late against 15 January (as moved by the
	 * calendar: {@code due}).
	 */
	void submit(Step step, int year, Instant due) {
		Instant at = now();
		jdbc.update("UPDATE zf_annual_statistics SET status = ?, submitted_at = ?, submitted_on_time = ? WHERE agency_code = ? AND report_year = ?",
				SUBMITTED, at.atOffset(ZoneOffset.UTC), !at.isAfter(due), step.agency(), year);
	}

	/** 向社会公开: the portal shows the report from now on ({@code due}: the publication deadline). */
	void publish(Step step, int year, Instant due, String publishedBy) {
		Instant at = now();
		jdbc.update("""
				UPDATE zf_annual_statistics SET status = ?, published_at = ?, published_on_time = ?, published_by = ?
				WHERE agency_code = ? AND report_year = ?""", PUBLISHED, at.atOffset(ZoneOffset.UTC), !at.isAfter(due),
				publishedBy, step.agency(), year);
	}

	// --- reading ---

	public Optional<Report> find(String agency, int year) {
		return jdbc.query(SELECT + " WHERE s.agency_code = ? AND s.report_year = ?", this::report, agency, year).stream().findFirst();
	}

	/** The reports of a year of the given agencies, in agency order. */
	public List<Report> ofYear(int year, Collection<String> agencyCodes) {
		if (agencyCodes.isEmpty()) {
			return List.of();
		}
		List<Report> all = jdbc.query(SELECT + " WHERE s.report_year = ? ORDER BY s.agency_code", this::report, year);
		return all.stream().filter(r -> agencyCodes.contains(r.agencyCode())).toList();
	}

	/** The published reports, newest year first, then by agency. */
	public List<Report> published(Integer year) {
		return year == null
				? jdbc.query(SELECT + " WHERE s.status = ? ORDER BY s.report_year DESC, s.agency_code", this::report, PUBLISHED)
				: jdbc.query(SELECT + " WHERE s.status = ? AND s.report_year = ? ORDER BY s.agency_code", this::report, PUBLISHED, year);
	}

	private static final String SELECT = """
			SELECT s.*, a.name AS agency_name FROM zf_annual_statistics s LEFT JOIN zf_agency a ON a.code = s.agency_code""";

	private Report report(ResultSet rs, int row) throws SQLException {
		return new Report(rs.getString("agency_code"), rs.getString("agency_name"), rs.getInt("report_year"), rs.getString("status"),
				parse(rs.getString("figures")), instant(rs, "computed_at"), rs.getInt("returns"), rs.getString("office_signed_by"),
				instant(rs, "office_signed_at"), rs.getString("justice_signed_by"), instant(rs, "justice_signed_at"),
				instant(rs, "submit_due_at"), instant(rs, "submitted_at"), bool(rs, "submitted_on_time"), instant(rs, "publish_due_at"),
				instant(rs, "published_at"), bool(rs, "published_on_time"), rs.getString("process_instance_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Object v = rs.getObject(column);
		if (v == null) {
			return null;
		}
		if (v instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (v instanceof Timestamp t) {
			return t.toInstant();
		}
		if (v instanceof java.time.ZonedDateTime z) {
			return z.toInstant();
		}
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean b = rs.getBoolean(column);
		return rs.wasNull() ? null : b;
	}

	static String json(Map<String, Number> f) {
		try {
			return JSON.writeValueAsString(f);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	static Map<String, Number> parse(String json) {
		try {
			Map<String, Number> read = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Number>>() {
			});
			Map<String, Number> ordered = new LinkedHashMap<>();
			for (AnnualFigures.Indicator i : AnnualFigures.indicators()) {
				ordered.put(i.key(), read.containsKey(i.key()) ? read.get(i.key()) : 0L);
			}
			return ordered;
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static OffsetDateTime odt(Date d) {
		return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC);
	}

	Instant now() {
		return clock.instant();
	}
}

package cn.zhifa.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.CaseVariables;

/**
 * The SLA board's data: every running statutory deadline — the due date of an open user task (set
 * from {@code calendar/statutory-limits.yml} by the models), and the deadline timers
 * {@link DeadlineModels} finds (whole-period timers on sub-processes and receive tasks) — with its
 * state by the rules of {@code sla/board.yml} ({@link BoardRules}).
 * <p>
 * One SQL statement over the engine's runtime tables answers a page (filtering, state, urgency order,
 * paging in the database), one more the total, and three batched look-ups the names on the page
 * (candidate groups, assignees of whole-period timers, display names): no query per row, whatever the
 * number of running cases. Read-only: the engine's tables are only read.
 */
@Service
public class DeadlineBoard {

	/** Urgency order: red, yellow, green, paused (the rank the SQL computes). */
	public enum State {
		RED, YELLOW, GREEN, PAUSED
	}

	public record Filter(Collection<String> agencies, String kind, State state, String person) {
	}

	/** One running deadline; {@code provisional} when its year has no calendar file yet (a weekends-only guess). */
	public record Row(String id, String source, String caseNo, String agencyCode, String agencyName, String kind,
			String kindName, String stepId, String step, String assignee, String responsible, Instant startedAt,
			Instant dueAt, int workdaysLeft, State state, String stateLabel, String pausedReason, String processInstanceId,
			boolean provisional) {
	}

	/**
	 * One page; {@code more} when a next page exists. {@code total} only when the page is the last one (then it
	 * costs nothing): a full page is not counted — the summary has the counts per state with the same filters,
	 * as Camunda's REST keeps {@code /task/count} apart from {@code /task} (docs/sla.md#performance).
	 */
	public record Page(int page, int size, Long total, boolean more, List<Row> rows) {
	}

	/**
	 * Counts per state of one agency, and the supervisors' indicators; {@code openNotices} (行政执法监督通知书 not yet
	 * closed, R-COORD-8) is added by {@link SummarySnapshots}.
	 */
	public record AgencySummary(String agencyCode, String agencyName, Map<State, Long> counts, Double reviewCompliancePercent,
			long reviewCompleted, Double disclosureTimelinessPercent, long disclosureCompleted, long overdueSeizures,
			long untransferred, long openNotices) {

		AgencySummary withOpenNotices(long n) {
			return new AgencySummary(agencyCode, agencyName, counts, reviewCompliancePercent, reviewCompleted,
					disclosureTimelinessPercent, disclosureCompleted, overdueSeizures, untransferred, n);
		}
	}

	static final Map<State, String> STATE_LABELS = Map.of(State.RED, "已超期", State.YELLOW, "即将到期", State.GREEN, "正常",
			State.PAUSED, "已暂停");

	private final NamedParameterJdbcTemplate jdbc;
	private final DeadlineModels models;
	private final BoardRules rules;
	private final Deadlines deadlines;
	private final IdentityService identity;
	private final Clock clock;

	DeadlineBoard(NamedParameterJdbcTemplate jdbc, DeadlineModels models, BoardRules rules, Deadlines deadlines,
			IdentityService identity, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.models = models;
		this.rules = rules;
		this.deadlines = deadlines;
		this.identity = identity;
	}

	/** A page of running deadlines, most urgent first (state, then due instant). */
	public Page deadlines(Filter filter, int page, int size) {
		Instant now = clock.instant();
		DeadlineModels.Ids ids = models.ids();
		if (filter.agencies().isEmpty()) {
			return new Page(page, size, 0L, false, List.of());
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		// one row more than the page: whether a next page exists
		long limit = (long) page * size + size + 1;
		// each state of each source read in due order from its index and cut at offset + size rows: the page
		// never ranks all running deadlines (docs/sla.md#performance)
		// a timer source in one branch per job definition: an index range in due order (ZF_IDX_JOB_DEF_DUE) — an IN list
		// of job definitions would make the database read every running job in due order and filter them
		List<String> branches = new ArrayList<>();
		for (State state : filter.state() == null ? List.of(State.values()) : List.of(filter.state())) {
			for (Source source : sources(ids)) {
				List<String> jobDefinitions = jobDefinitions(source, ids);
				for (int j = 0; j < jobDefinitions.size(); j++) {
					branches.add("(" + branch(source, state, filter, now, params, ids, jobDefinitions.get(j), j)
							+ " ORDER BY DUE_, ID_ FETCH FIRST " + limit + " ROWS ONLY)");
				}
			}
		}
		params.addValue("offset", (long) page * size).addValue("size", size + 1)
			.addValue("caseIdVariable", CaseVariables.CASE_ID);
		// the page's rows, then only for them: the kind, the case number, a timer's step and a paused row's
		// reason (the process instance suspended, or the period suspended by rule: zf_period_suspension)
		// the page's rows (index columns only), then only for them: the rest of the task or timer, the kind, the
		// case number, a timer's step and a paused row's reason (the process instance suspended, or the period
		// suspended by rule: zf_period_suspension)
		String pageRows = "SELECT y.*, COALESCE(rt.PROC_INST_ID_, rj.PROCESS_INSTANCE_ID_) PI_, rt.NAME_ STEP_,"
				+ " rt.ASSIGNEE_ ASSIGNEE_ FROM (SELECT * FROM (" + String.join(" UNION ALL ", branches)
				+ ") x ORDER BY x.RANK_, x.DUE_, x.ID_ OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY) y"
				+ " LEFT JOIN ACT_RU_TASK rt ON y.SRC_ = 'TASK' AND rt.ID_ = y.ID_"
				+ " LEFT JOIN ACT_RU_JOB rj ON y.SRC_ = 'TIMER' AND rj.ID_ = y.ID_";
		List<Map<String, Object>> raw = jdbc.queryForList("SELECT z.*, p.KEY_ KIND_, p.NAME_ KIND_NAME_,"
				+ " COALESCE(v.TEXT_, e.BUSINESS_KEY_) CASE_NO_, COALESCE(z.TASK_ACT_, jd.ACT_ID_) ACT_,"
				+ " e.SUSPENSION_STATE_ PI_SUSP_, CASE WHEN z.RANK_ = 3 AND z.SRC_ = 'TIMER' THEN (SELECT MIN(s.reason)"
				+ " FROM zf_period_suspension s WHERE s.process_instance_id = z.PI_ AND s.ended_at IS NULL) END PERIOD_REASON_"
				+ " FROM (" + pageRows + ") z"
				+ " JOIN ACT_RE_PROCDEF p ON p.ID_ = z.PD_ LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = z.PI_"
				+ " LEFT JOIN ACT_RU_JOBDEF jd ON jd.ID_ = z.JOB_DEF_"
				+ " LEFT JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = z.PI_ AND v.NAME_ = :caseIdVariable AND v.TASK_ID_ IS NULL"
				+ " ORDER BY z.RANK_, z.DUE_, z.ID_", params);
		boolean more = raw.size() > size;
		if (more) {
			raw = raw.subList(0, size);
		}
		Long total = more || (page > 0 && raw.isEmpty()) ? null : (long) page * size + raw.size();
		Names names = names(raw);
		LocalDate today = WorkingDayCalendar.dayOf(now);
		List<Row> rows = new ArrayList<>();
		for (Map<String, Object> r : raw) {
			String source = str(r, "SRC_");
			String id = str(r, "ID_");
			String definitionId = str(r, "PD_");
			String act = str(r, "ACT_");
			String pi = str(r, "PI_");
			String assignee = str(r, "ASSIGNEE_");
			String step = "TASK".equals(source) ? str(r, "STEP_") : models.label(definitionId, act);
			Instant due = instant(r.get("DUE_"));
			State state = State.values()[((Number) r.get("RANK_")).intValue()];
			List<String> responsible = new ArrayList<>();
			if (assignee != null) {
				responsible.add(names.user(assignee));
			}
			else if ("TASK".equals(source)) {
				names.groupsOf(id).forEach(g -> responsible.add(names.group(g)));
			}
			else {
				names.assigneesOf(pi).forEach(u -> responsible.add(names.user(u)));
			}
			String agency = str(r, "AGENCY_");
			int left = deadlines.workdaysBetween(Date.from(today.atStartOfDay(WorkingDayCalendar.SHANGHAI).toInstant()),
					Date.from(due));
			rows.add(new Row(id, source, str(r, "CASE_NO_"), agency, names.agency(agency), str(r, "KIND_"),
					str(r, "KIND_NAME_"), act, step == null ? act : step, assignee, String.join("、", responsible),
					instant(r.get("STARTED_")), due, left, state, STATE_LABELS.get(state),
					state == State.PAUSED ? pausedReason(r) : null, pi, deadlines.provisional(Date.from(due))));
		}
		return new Page(page, size, total, more, rows);
	}

	/** Why a row is paused: its period does not run by rule (the reason from the data), or the process was suspended. */
	private static String pausedReason(Map<String, Object> row) {
		Object instanceSuspension = row.get("PI_SUSP_");
		String periodReason = str(row, "PERIOD_REASON_");
		if (periodReason != null && !(instanceSuspension instanceof Number n && n.intValue() == 2)) {
			return periodReason;
		}
		return "流程已挂起";
	}

	/**
	 * Counts per agency and state of the deadlines the filter (its state ignored) selects, with the
	 * supervisors' indicators for this year if {@code indicators}.
	 */
	public List<AgencySummary> summary(Filter filter, boolean indicators) {
		Collection<String> agencies = filter.agencies();
		if (agencies.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		DeadlineModels.Ids ids = models.ids();
		BoardRules.Rules r = rules.current();
		MapSqlParameterSource params = new MapSqlParameterSource();
		Map<String, Map<State, Long>> counts = new TreeMap<>();
		for (String a : agencies) {
			counts.put(a, emptyCounts());
		}
		// counts per agency of each state, each read from its index range, and the red ones among the indicators' steps
		Filter all = new Filter(agencies, filter.kind(), null, filter.person());
		String seizures = indicators ? steps(r.indicator("overdueSeizures"), "s", params, ids) : "1 = 0";
		String transfers = indicators ? steps(r.indicator("untransferred"), "u", params, ids) : "1 = 0";
		Map<String, long[]> overdueSeizures = new HashMap<>();
		Map<String, long[]> untransferred = new HashMap<>();
		List<String> passes = new ArrayList<>();
		for (Source source : sources(ids)) {
			for (State state : State.values()) {
				String indicatorSums = state == State.RED ? "SUM(CASE WHEN " + seizures + " THEN 1 ELSE 0 END) S,"
						+ " SUM(CASE WHEN " + transfers + " THEN 1 ELSE 0 END) U" : "0 S, 0 U";
				passes.add("SELECT x.AGENCY_, x.RANK_, COUNT(*) N, " + indicatorSums + " FROM ("
						+ branch(source, state, all, now, params, ids, null, 0) + ") x GROUP BY x.AGENCY_, x.RANK_");
			}
		}
		jdbc.query("SELECT z.AGENCY_, z.RANK_, SUM(z.N), SUM(z.S), SUM(z.U) FROM (" + String.join(" UNION ALL ", passes)
				+ ") z GROUP BY z.AGENCY_, z.RANK_", params, rs -> {
					String agency = rs.getString(1);
					State state = State.values()[rs.getInt(2)];
					counts.computeIfAbsent(agency, k -> emptyCounts()).put(state, rs.getLong(3));
					if (state == State.RED) {
						overdueSeizures.put(agency, new long[] { rs.getLong(4) });
						untransferred.put(agency, new long[] { rs.getLong(5) });
					}
				});
		int year = WorkingDayCalendar.dayOf(now).getYear();
		Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(WorkingDayCalendar.SHANGHAI).toInstant();
		Map<String, long[]> review = indicators ? onTime(agencies, r.indicator("reviewCompliance"), yearStart, now)
				: Map.of();
		Map<String, long[]> disclosure = indicators ? onTime(agencies, r.indicator("disclosureTimeliness"), yearStart, now)
				: Map.of();
		Names names = new Names();
		names.loadAgencies(counts.keySet());
		List<AgencySummary> result = new ArrayList<>();
		for (var e : counts.entrySet()) {
			String a = e.getKey();
			long[] rv = review.getOrDefault(a, new long[2]);
			long[] ds = disclosure.getOrDefault(a, new long[2]);
			result.add(new AgencySummary(a, names.agency(a), e.getValue(), percent(rv), rv[1], percent(ds), ds[1],
					overdueSeizures.getOrDefault(a, new long[1])[0], untransferred.getOrDefault(a, new long[1])[0], 0));
		}
		return result;
	}

	private static Map<State, Long> emptyCounts() {
		Map<State, Long> c = new LinkedHashMap<>();
		for (State s : State.values()) {
			c.put(s, 0L);
		}
		return c;
	}

	private static Double percent(long[] onTimeAndAll) {
		return onTimeAndAll[1] == 0 ? null : Math.round(1000.0 * onTimeAndAll[0] / onTimeAndAll[1]) / 10.0;
	}

	/**
	 * The condition "one of these steps" on the ranked rows, or a false one when there are none: the process
	 * by its definitions, the step by a task's key or a timer's job definition (sets the database hashes once).
	 */
	private static String steps(List<BoardRules.StepSet> sets, String prefix, MapSqlParameterSource params,
			DeadlineModels.Ids ids) {
		if (sets.isEmpty()) {
			return "1 = 0";
		}
		List<String> ors = new ArrayList<>();
		for (int i = 0; i < sets.size(); i++) {
			BoardRules.StepSet set = sets.get(i);
			String process = definitionIn("x.PD_", set.process(), prefix + "p" + i, params, ids);
			if (set.steps().isEmpty()) {
				ors.add(process);
			}
			else {
				// a task by its key; a deadline timer by the job definitions of the timers with these ids
				params.addValue(prefix + "s" + i, set.steps());
				Set<String> timerJobs = ids.timerJobs(set.steps());
				params.addValue(prefix + "j" + i, timerJobs.isEmpty() ? Set.of("-") : timerJobs);
				ors.add("(" + process + " AND (x.TASK_ACT_ IN (:" + prefix + "s" + i + ") OR x.JOB_DEF_ IN (:" + prefix + "j" + i
						+ ")))");
			}
		}
		return "(" + String.join(" OR ", ors) + ")";
	}

	/** Per agency: {on time, all} of the given steps' tasks completed since {@code from} (history). */
	private Map<String, long[]> onTime(Collection<String> agencies, List<BoardRules.StepSet> sets, Instant from, Instant now) {
		Map<String, long[]> result = new HashMap<>();
		if (sets.isEmpty()) {
			return result;
		}
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("agencies", agencies)
			.addValue("from", timestamp(from)).addValue("now", timestamp(now));
		String steps = stepCondition(sets, "h.PROC_DEF_KEY_", "h.TASK_DEF_KEY_", "i", params);
		jdbc.query("SELECT h.TENANT_ID_, SUM(CASE WHEN h.END_TIME_ <= h.DUE_DATE_ THEN 1 ELSE 0 END), COUNT(*)"
				+ " FROM ACT_HI_TASKINST h WHERE h.TENANT_ID_ IN (:agencies) AND h.DUE_DATE_ IS NOT NULL"
				+ " AND h.END_TIME_ >= :from AND h.END_TIME_ <= :now AND h.DELETE_REASON_ = 'completed' AND (" + steps
				+ ") GROUP BY h.TENANT_ID_", params, rs -> {
					result.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
				});
		return result;
	}

	private static String stepCondition(List<BoardRules.StepSet> sets, String processColumn, String stepColumn,
			String prefix, MapSqlParameterSource params) {
		List<String> ors = new ArrayList<>();
		for (int i = 0; i < sets.size(); i++) {
			BoardRules.StepSet s = sets.get(i);
			params.addValue(prefix + "p" + i, s.process());
			if (s.steps().isEmpty()) {
				ors.add(processColumn + " = :" + prefix + "p" + i);
			}
			else {
				params.addValue(prefix + "s" + i, s.steps());
				ors.add("(" + processColumn + " = :" + prefix + "p" + i + " AND " + stepColumn + " IN (:" + prefix + "s" + i + "))");
			}
		}
		return String.join(" OR ", ors);
	}

	/**
	 * Where running deadlines come from: open user tasks' due dates, the models' deadline timers, and the
	 * deadline timers an open task of their activity may carry as its due date ({@link DeadlineModels#coveredTimerIds()}).
	 */
	private enum Source {
		TASK, TIMER, COVERED_TIMER
	}

	private static List<Source> sources(DeadlineModels.Ids ids) {
		List<Source> sources = new ArrayList<>(List.of(Source.TASK));
		if (!ids.plainTimerJobs().isEmpty()) {
			sources.add(Source.TIMER);
		}
		if (!ids.coveredTimerJobs().isEmpty()) {
			sources.add(Source.COVERED_TIMER);
		}
		return sources;
	}

	/**
	 * The job definitions a page reads one by one: each deadline timer's of a timer source, sorted; for tasks one
	 * branch without ({@code null}).
	 */
	private static List<String> jobDefinitions(Source source, DeadlineModels.Ids ids) {
		return switch (source) {
			case TASK -> Collections.singletonList(null);
			case TIMER -> ids.plainTimerJobs().stream().sorted().toList();
			case COVERED_TIMER -> ids.coveredTimerJobs().stream().sorted().toList();
		};
	}

	/**
	 * The filtered running deadlines of one source in one state ({@code null}: all), as a SELECT with
	 * the rank as a constant: with the state's condition on the suspension state and the due instant, the
	 * database reads them in due order from a covering index of db/engine/indexes.sql. A timer source's rows of
	 * one job definition when {@code jobDefinition} is given (the {@code j}th of {@link #jobDefinitions}), else of all.
	 */
	private String branch(Source source, State state, Filter filter, Instant now, MapSqlParameterSource params,
			DeadlineModels.Ids ids, String jobDefinition, int j) {
		if (state == null) {
			return select(source, "-1") + where(source, filter, now, params, ids, jobDefinition, j);
		}
		String due = source == Source.TASK ? "t.DUE_DATE_" : "t.DUEDATE_";
		// no row due after the horizon can be yellow; a row due within the smallest working-day threshold is yellow
		// once per request and source (the statement's parameters carry it)
		String horizonName = "yellowHorizon" + source.ordinal();
		Instant horizon;
		if (params.hasValue(horizonName)) {
			horizon = params.getValue(horizonName) instanceof Timestamp ts ? ts.toInstant() : null;
		}
		else {
			horizon = yellowHorizon(source, now);
			params.addValue(horizonName, horizon == null ? "unbounded" : timestamp(horizon));
		}
		String condition = switch (state) {
			case RED -> " AND t.SUSPENSION_STATE_ = 1 AND " + due + " < :now";
			case YELLOW -> " AND t.SUSPENSION_STATE_ = 1 AND " + due + " >= :now"
					+ (horizon == null ? "" : " AND " + due + " <= :" + horizonName) + " AND " + yellow(source, now, params, ids)
					+ " = 1";
			case GREEN -> " AND t.SUSPENSION_STATE_ = 1 AND " + due + " > :greenFrom AND ("
					+ (horizon == null ? "" : due + " > :" + horizonName + " OR ") + yellow(source, now, params, ids) + " = 2)";
			case PAUSED -> " AND t.SUSPENSION_STATE_ = 2";
		};
		if (state == State.GREEN) {
			params.addValue("greenFrom", timestamp(rules.current().all().stream()
				.map(t -> deadlines.workdays(Date.from(now), t.workdaysLeft()).toInstant()).min(Instant::compareTo).orElse(now)));
		}
		return select(source, String.valueOf(state.ordinal())) + where(source, filter, now, params, ids, jobDefinition, j)
				+ condition;
	}

	/**
	 * The latest due instant a yellow row of this source can have, as an upper bound of the index range
	 * read: within the largest working-day threshold, or with at most {@code percentLeft} % of its period
	 * left — which a period started at the earliest start of the source's rows reaches only up to
	 * {@code now + (now − earliest start) × p / (100 − p)}. Null (no bound) when a threshold is 100 %.
	 */
	private Instant yellowHorizon(Source source, Instant now) {
		Timestamp earliest = jdbc.queryForObject("SELECT MIN(CREATE_TIME_) FROM " + (source == Source.TASK ? "ACT_RU_TASK" : "ACT_RU_JOB"),
				new MapSqlParameterSource(), Timestamp.class);
		Instant horizon = now;
		for (BoardRules.Thresholds t : rules.current().all()) {
			Instant cut = deadlines.workdays(Date.from(now), t.workdaysLeft()).toInstant();
			if (cut.isAfter(horizon)) {
				horizon = cut;
			}
			if (t.percentLeft() >= 100) {
				return null;
			}
			if (earliest != null && earliest.toInstant().isBefore(now)) {
				long millis = java.time.Duration.between(earliest.toInstant(), now).toMillis();
				Instant share = now.plusMillis(Math.multiplyExact(millis, (long) t.percentLeft()) / (100 - t.percentLeft()) + 1);
				if (share.isAfter(horizon)) {
					horizon = share;
				}
			}
		}
		return horizon;
	}

	/** The columns the covering indexes hold: what filtering, ranking, ordering and the summary need. */
	private static String select(Source source, String rank) {
		if (source == Source.TASK) {
			return "SELECT 'TASK' SRC_, t.ID_ ID_, t.PROC_DEF_ID_ PD_, t.TASK_DEF_KEY_ TASK_ACT_,"
					+ " CAST(NULL AS VARCHAR(64)) JOB_DEF_, t.TENANT_ID_ AGENCY_, t.CREATE_TIME_ STARTED_, t.DUE_DATE_ DUE_, "
					+ rank + " RANK_ FROM ACT_RU_TASK t";
		}
		return "SELECT 'TIMER' SRC_, t.ID_ ID_, t.PROCESS_DEF_ID_ PD_, CAST(NULL AS VARCHAR(255)) TASK_ACT_,"
				+ " t.JOB_DEF_ID_ JOB_DEF_, t.TENANT_ID_ AGENCY_, t.CREATE_TIME_ STARTED_, t.DUEDATE_ DUE_, " + rank
				+ " RANK_ FROM ACT_RU_JOB t";
	}

	/** The filter's conditions on one source (agencies, kind, person; for timers: the models' deadline timers). */
	private String where(Source source, Filter filter, Instant now, MapSqlParameterSource params, DeadlineModels.Ids ids,
			String jobDefinition, int j) {
		params.addValue("now", timestamp(now)).addValue("agencies", filter.agencies());
		StringBuilder where = new StringBuilder(" WHERE t.TENANT_ID_ IN (:agencies)");
		String pi = source == Source.TASK ? "t.PROC_INST_ID_" : "t.PROCESS_INSTANCE_ID_";
		if (source == Source.TASK) {
			where.append(" AND t.DUE_DATE_ IS NOT NULL");
		}
		else if (source == Source.TIMER) {
			where.append(" AND t.DUEDATE_ IS NOT NULL AND ")
				.append(jobDefinitionIn("plainTimerJob", ids.plainTimerJobs(), jobDefinition, j, params));
		}
		else {
			// shown once, as the task, while an open task carries the timer's deadline as its due date
			where.append(" AND t.DUEDATE_ IS NOT NULL AND ")
				.append(jobDefinitionIn("coveredTimerJob", ids.coveredTimerJobs(), jobDefinition, j, params))
				.append(" AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t2 WHERE t2.PROC_INST_ID_ = t.PROCESS_INSTANCE_ID_"
						+ " AND t2.DUE_DATE_ = t.DUEDATE_)");
		}
		if (filter.kind() != null) {
			where.append(" AND ").append(definitionIn(source == Source.TASK ? "t.PROC_DEF_ID_" : "t.PROCESS_DEF_ID_",
					filter.kind(), "kind", params, ids));
		}
		if (filter.person() != null) {
			params.addValue("person", filter.person());
			where.append(source == Source.TASK ? " AND t.ASSIGNEE_ = :person"
					: " AND EXISTS (SELECT 1 FROM ACT_RU_TASK t3 WHERE t3.PROC_INST_ID_ = " + pi + " AND t3.ASSIGNEE_ = :person)");
		}
		return where.toString();
	}

	/** "The timer is of this job definition" ({@code name} + j), or of all of the source's ({@code name} + s). */
	private static String jobDefinitionIn(String name, Set<String> all, String jobDefinition, int j,
			MapSqlParameterSource params) {
		if (jobDefinition == null) {
			params.addValue(name + "s", all);
			return "t.JOB_DEF_ID_ IN (:" + name + "s)";
		}
		params.addValue(name + j, jobDefinition);
		return "t.JOB_DEF_ID_ = :" + name + j;
	}

	/** "The column is a definition of process {@code key}" (false when none is deployed), with the ids as parameter. */
	private static String definitionIn(String column, String key, String name, MapSqlParameterSource params,
			DeadlineModels.Ids ids) {
		Set<String> definitions = ids.definitions(key);
		if (definitions.isEmpty()) {
			return "1 = 0";
		}
		params.addValue(name, definitions);
		return column + " IN (:" + name + ")";
	}

	/** 1 (yellow) or 2 (green) for a row not past due, by the thresholds of its kind (sla/board.yml). */
	private String yellow(Source source, Instant now, MapSqlParameterSource params, DeadlineModels.Ids ids) {
		BoardRules.Rules r = rules.current();
		String definition = source == Source.TASK ? "t.PROC_DEF_ID_" : "t.PROCESS_DEF_ID_";
		String due = source == Source.TASK ? "t.DUE_DATE_" : "t.DUEDATE_";
		params.addValue("now", timestamp(now));
		StringBuilder c = new StringBuilder("CASE");
		int i = 0;
		for (var kind : r.byKind().entrySet()) {
			c.append(" WHEN ").append(definitionIn(definition, kind.getKey(), "kind" + i, params, ids)).append(" THEN ")
				.append(yellowCase(kind.getValue(), now, "cut" + i, due, params));
			i++;
		}
		return c.append(" ELSE ").append(yellowCase(r.defaults(), now, "cutDefault", due, params)).append(" END").toString();
	}

	/**
	 * {@code 1} (yellow) when the due instant is within the thresholds' working days, or at most their
	 * percentage of the period (start to due) is left; else {@code 2} (green).
	 */
	private String yellowCase(BoardRules.Thresholds t, Instant now, String cutName, String due,
			MapSqlParameterSource params) {
		params.addValue(cutName, timestamp(deadlines.workdays(Date.from(now), t.workdaysLeft()).toInstant()));
		int p = t.percentLeft();
		// at most p % left  ⇔  (now − start) ≥ (100 − p) % of (due − start), compared as intervals (H2 and
		// PostgreSQL alike; cheaper than epoch arithmetic, which PostgreSQL does in numeric)
		return "CASE WHEN " + due + " <= :" + cutName + " OR (t.CREATE_TIME_ IS NOT NULL AND (CAST(:now AS TIMESTAMP)"
				+ " - t.CREATE_TIME_) * 100 >= (" + due + " - t.CREATE_TIME_) * " + (100 - p) + ") THEN 1 ELSE 2 END";
	}

	private static Timestamp timestamp(Instant instant) {
		return new Timestamp(instant.toEpochMilli());
	}

	static Instant instant(Object value) {
		if (value instanceof Timestamp ts) {
			return ts.toInstant();
		}
		if (value instanceof java.time.LocalDateTime ldt) {
			return Timestamp.valueOf(ldt).toInstant();
		}
		if (value instanceof java.time.OffsetDateTime odt) {
			return odt.toInstant();
		}
		return value == null ? null : ((Date) value).toInstant();
	}

	private static String str(Map<String, Object> row, String column) {
		Object v = row.get(column);
		return v == null ? null : v.toString();
	}

	/** Display names for one page, each kind looked up once for all rows. */
	private class Names {

		private final Map<String, List<String>> groupsByTask = new HashMap<>();
		private final Map<String, List<String>> assigneesByInstance = new HashMap<>();
		private final Map<String, String> users = new HashMap<>();
		private final Map<String, String> groups = new HashMap<>();
		private final Map<String, String> agencies = new HashMap<>();

		Names() {
		}

		void loadAgencies(Collection<String> codes) {
			if (!codes.isEmpty()) {
				for (Tenant t : identity.createTenantQuery().tenantIdIn(codes.toArray(String[]::new)).list()) {
					agencies.put(t.getId(), t.getName());
				}
			}
		}

		List<String> groupsOf(String taskId) {
			return groupsByTask.getOrDefault(taskId, List.of());
		}

		List<String> assigneesOf(String processInstanceId) {
			return assigneesByInstance.getOrDefault(processInstanceId, List.of());
		}

		String user(String id) {
			return users.getOrDefault(id, id);
		}

		String group(String id) {
			return groups.getOrDefault(id, id);
		}

		String agency(String code) {
			return code == null ? null : agencies.getOrDefault(code, code);
		}
	}

	private Names names(List<Map<String, Object>> raw) {
		Names n = new Names();
		Set<String> unassignedTasks = new LinkedHashSet<>();
		Set<String> timerInstances = new LinkedHashSet<>();
		Set<String> userIds = new LinkedHashSet<>();
		Set<String> agencyCodes = new LinkedHashSet<>();
		for (Map<String, Object> r : raw) {
			agencyCodes.add(str(r, "AGENCY_"));
			if (str(r, "ASSIGNEE_") != null) {
				userIds.add(str(r, "ASSIGNEE_"));
			}
			else if ("TASK".equals(str(r, "SRC_"))) {
				unassignedTasks.add(str(r, "ID_"));
			}
			else {
				timerInstances.add(str(r, "PI_"));
			}
		}
		agencyCodes.remove(null);
		if (!unassignedTasks.isEmpty()) {
			jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL"
					+ " AND TASK_ID_ IN (:ids) ORDER BY GROUP_ID_", new MapSqlParameterSource("ids", unassignedTasks), rs -> {
						n.groupsByTask.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
					});
		}
		if (!timerInstances.isEmpty()) {
			jdbc.query("SELECT DISTINCT PROC_INST_ID_, ASSIGNEE_ FROM ACT_RU_TASK WHERE ASSIGNEE_ IS NOT NULL"
					+ " AND PROC_INST_ID_ IN (:ids) ORDER BY ASSIGNEE_", new MapSqlParameterSource("ids", timerInstances), rs -> {
						n.assigneesByInstance.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
						userIds.add(rs.getString(2));
					});
		}
		if (!userIds.isEmpty()) {
			for (User u : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
				String name = ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName()))
					.trim();
				n.users.put(u.getId(), name.isEmpty() ? u.getId() : name);
			}
		}
		Set<String> groupIds = new LinkedHashSet<>();
		n.groupsByTask.values().forEach(groupIds::addAll);
		if (!groupIds.isEmpty()) {
			for (Group g : identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list()) {
				n.groups.put(g.getId(), g.getName() == null ? g.getId() : g.getName());
			}
		}
		n.loadAgencies(agencyCodes);
		return n;
	}
}

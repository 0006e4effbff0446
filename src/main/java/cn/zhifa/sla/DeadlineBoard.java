package cn.zhifa.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

	public record Page(int page, int size, long total, List<Row> rows) {
	}

	/** Counts per state of one agency, and the supervisors' indicators. */
	public record AgencySummary(String agencyCode, String agencyName, Map<State, Long> counts, Double reviewCompliancePercent,
			long reviewCompleted, Double disclosureTimelinessPercent, long disclosureCompleted, long overdueSeizures,
			long untransferred) {
	}

	static final Map<State, String> STATE_LABELS = Map.of(State.RED, "已超期", State.YELLOW, "即将到期", State.GREEN, "正常",
			State.PAUSED, "已暂停");

	private final NamedParameterJdbcTemplate jdbc;
	private final DeadlineModels models;
	private final BoardRules rules;
	private final Deadlines deadlines;
	private final IdentityService identity;

	DeadlineBoard(NamedParameterJdbcTemplate jdbc, DeadlineModels models, BoardRules rules, Deadlines deadlines,
			IdentityService identity) {
		this.jdbc = jdbc;
		this.models = models;
		this.rules = rules;
		this.deadlines = deadlines;
		this.identity = identity;
	}

	/** A page of running deadlines, most urgent first (state, then due instant). */
	public Page deadlines(Filter filter, int page, int size) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (filter.agencies().isEmpty()) {
			return new Page(page, size, 0, List.of());
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String ranked = ranked(filter, now, params);
		params.addValue("offset", (long) page * size).addValue("size", size);
		List<Row> rows = new ArrayList<>();
		// the page: ranked lean rows, the top ones sorted (a window COUNT(*) OVER () here measured slower than a count apart)
		// a paused row's reason: the process instance suspended, or the period suspended by rule
		// (calendar/period-suspensions.yml: zf_period_suspension), joined to the page's rows in the same statement
		List<Map<String, Object>> raw = jdbc.queryForList("SELECT y.*, p.NAME_ KIND_NAME_, COALESCE(v.TEXT_, e.BUSINESS_KEY_) CASE_NO_,"
				+ " e.SUSPENSION_STATE_ PI_SUSP_, CASE WHEN y.RANK_ = 3 AND y.SRC_ = 'TIMER' THEN (SELECT MIN(s.reason)"
				+ " FROM zf_period_suspension s WHERE s.process_instance_id = y.PI_ AND s.ended_at IS NULL) END PERIOD_REASON_"
				+ " FROM (SELECT * FROM (" + ranked + ") x ORDER BY x.RANK_, x.DUE_, x.ID_"
				+ " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY) y"
				+ " JOIN ACT_RE_PROCDEF p ON p.ID_ = y.PD_ LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = y.PI_"
				+ " LEFT JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = y.PI_ AND v.NAME_ = :caseIdVariable AND v.TASK_ID_ IS NULL"
				+ " ORDER BY y.RANK_, y.DUE_, y.ID_", params);
		long total;
		if (raw.size() < size && (page == 0 || !raw.isEmpty())) {
			total = (long) page * size + raw.size();
		}
		else {
			MapSqlParameterSource countParams = new MapSqlParameterSource();
			String countable = ranked(filter, now, countParams, false);
			total = jdbc.queryForObject("SELECT COUNT(*) FROM (" + countable + ") x", countParams, Long.class);
		}
		Names names = names(raw);
		LocalDate today = WorkingDayCalendar.dayOf(now);
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
		return new Page(page, size, total, rows);
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
		Instant now = ClockUtil.getCurrentTime().toInstant();
		BoardRules.Rules r = rules.current();
		MapSqlParameterSource params = new MapSqlParameterSource();
		String ranked = ranked(new Filter(agencies, filter.kind(), null, filter.person()), now, params);
		Map<String, Map<State, Long>> counts = new TreeMap<>();
		for (String a : agencies) {
			counts.put(a, emptyCounts());
		}
		// one pass over the running deadlines: counts per state, and the red ones among the indicators' steps
		String seizures = indicators ? steps(r.indicator("overdueSeizures"), "s", params) : "1 = 0";
		String transfers = indicators ? steps(r.indicator("untransferred"), "u", params) : "1 = 0";
		Map<String, long[]> overdueSeizures = new HashMap<>();
		Map<String, long[]> untransferred = new HashMap<>();
		jdbc.query("SELECT x.AGENCY_, x.RANK_, COUNT(*) N, SUM(CASE WHEN " + seizures + " THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN " + transfers + " THEN 1 ELSE 0 END) FROM (" + ranked + ") x GROUP BY x.AGENCY_, x.RANK_",
				params, rs -> {
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
					overdueSeizures.getOrDefault(a, new long[1])[0], untransferred.getOrDefault(a, new long[1])[0]));
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

	/** The condition "one of these steps" on the ranked rows, or a false one when there are none. */
	private static String steps(List<BoardRules.StepSet> sets, String prefix, MapSqlParameterSource params) {
		return sets.isEmpty() ? "1 = 0" : "(" + stepCondition(sets, "x.KIND_", "x.ACT_", prefix, params) + ")";
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
	 * The filtered deadlines with their state rank (0 red … 3 paused), as a SELECT to wrap. Timestamps
	 * are compared in the database with the parameter bound the way the engine binds its own, so the
	 * server's time zone does not matter.
	 */
	private String ranked(Filter filter, Instant now, MapSqlParameterSource params) {
		return ranked(filter, now, params, true);
	}

	/** As {@link #ranked(Filter, Instant, MapSqlParameterSource)}; without {@code withRank} (and no state filter) only the ids, to count. */
	private String ranked(Filter filter, Instant now, MapSqlParameterSource params, boolean withRank) {
		BoardRules.Rules r = rules.current();
		Set<String> timerIds = models.deadlineTimerIds();
		params.addValue("now", timestamp(now)).addValue("agencies", filter.agencies())
			.addValue("caseIdVariable", CaseVariables.CASE_ID);
		String timers = timerIds.isEmpty() ? ""
				: " UNION ALL SELECT 'TIMER' SRC_, j.ID_ ID_, j.PROCESS_INSTANCE_ID_ PI_, j.PROCESS_DEF_ID_ PD_,"
						+ " jd.ACT_ID_ ACT_, NULL STEP_, j.TENANT_ID_ AGENCY_, NULL ASSIGNEE_, j.CREATE_TIME_ STARTED_,"
						+ " j.DUEDATE_ DUE_, j.SUSPENSION_STATE_ SUSP_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF jd ON jd.ID_ = j.JOB_DEF_ID_"
						+ " WHERE j.TYPE_ = 'timer' AND j.DUEDATE_ IS NOT NULL AND jd.ACT_ID_ IN (:timerIds)"
						+ " AND j.TENANT_ID_ IN (:agencies)"
						// the same deadline as an open task's due date (e.g. a sub-process whose tasks carry it): once
						+ " AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t2 WHERE t2.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_"
						+ " AND t2.DUE_DATE_ = j.DUEDATE_)";
		if (!timerIds.isEmpty()) {
			params.addValue("timerIds", timerIds);
		}
		String union = "SELECT 'TASK' SRC_, t.ID_ ID_, t.PROC_INST_ID_ PI_, t.PROC_DEF_ID_ PD_, t.TASK_DEF_KEY_ ACT_,"
				+ " t.NAME_ STEP_, t.TENANT_ID_ AGENCY_, t.ASSIGNEE_ ASSIGNEE_, t.CREATE_TIME_ STARTED_, t.DUE_DATE_ DUE_,"
				+ " t.SUSPENSION_STATE_ SUSP_ FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.TENANT_ID_ IN (:agencies)"
				+ timers;
		StringBuilder rank = new StringBuilder("CASE WHEN d.SUSP_ = 2 THEN 3 WHEN d.DUE_ < :now THEN 0");
		int i = 0;
		for (var kind : r.byKind().entrySet()) {
			params.addValue("kind" + i, kind.getKey());
			rank.append(" WHEN p.KEY_ = :kind").append(i).append(" THEN ")
				.append(yellowCase(kind.getValue(), now, "cut" + i, params));
			i++;
		}
		rank.append(" ELSE ").append(yellowCase(r.defaults(), now, "cutDefault", params)).append(" END");
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.kind() != null) {
			params.addValue("kind", filter.kind());
			where.append(" AND p.KEY_ = :kind");
		}
		if (filter.person() != null) {
			params.addValue("person", filter.person());
			where.append(" AND (d.ASSIGNEE_ = :person OR (d.SRC_ = 'TIMER' AND EXISTS (SELECT 1 FROM ACT_RU_TASK t3"
					+ " WHERE t3.PROC_INST_ID_ = d.PI_ AND t3.ASSIGNEE_ = :person)))");
		}
		// lean: only what filtering, ranking and ordering need; the case number and names are joined to a page only
		if (!withRank && filter.state() == null) {
			// what a count needs: the filtered rows, no state
			return "SELECT d.ID_ FROM (" + union + ") d JOIN ACT_RE_PROCDEF p ON p.ID_ = d.PD_" + where;
		}
		String select = "SELECT d.SRC_, d.ID_, d.PI_, d.PD_, d.ACT_, d.STEP_, d.AGENCY_, d.ASSIGNEE_, d.STARTED_, d.DUE_,"
				+ " p.KEY_ KIND_, " + rank + " RANK_ FROM (" + union + ") d JOIN ACT_RE_PROCDEF p ON p.ID_ = d.PD_" + where;
		if (filter.state() != null) {
			params.addValue("state", filter.state().ordinal());
			return "SELECT * FROM (" + select + ") s WHERE s.RANK_ = :state";
		}
		return select;
	}

	/**
	 * {@code 1} (yellow) when the due instant is within the thresholds' working days, or at most their
	 * percentage of the period (start to due) is left; else {@code 2} (green).
	 */
	private String yellowCase(BoardRules.Thresholds t, Instant now, String cutName, MapSqlParameterSource params) {
		params.addValue(cutName, timestamp(deadlines.workdays(Date.from(now), t.workdaysLeft()).toInstant()));
		int p = t.percentLeft();
		// at most p % left  ⇔  (now − start) ≥ (100 − p) % of (due − start), compared as intervals (H2 and
		// PostgreSQL alike; cheaper than epoch arithmetic, which PostgreSQL does in numeric)
		return "CASE WHEN d.DUE_ <= :" + cutName + " OR (d.STARTED_ IS NOT NULL AND (CAST(:now AS TIMESTAMP) - d.STARTED_) * 100"
				+ " >= (d.DUE_ - d.STARTED_) * " + (100 - p) + ") THEN 1 ELSE 2 END";
	}

	private static Timestamp timestamp(Instant instant) {
		return new Timestamp(instant.toEpochMilli());
	}

	private static Instant instant(Object value) {
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

package cn.zhifa.suspension;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.EngineCommand;
import cn.zhifa.record.RecordService;

/**
 * Suspends and resumes statutory periods as {@code calendar/period-suspensions.yml} says (行政处罚法
 * art. 60: hearing, testing/appraisal, public notice and a pending criminal transfer do not count
 * toward the 90 days).
 * <ul>
 * <li>When a step that starts a suspending event starts: a row in {@code zf_period_suspension} (reason,
 * statute, start), a {@code PERIOD_SUSPENDED} entry in the case's record, and the period's timers
 * (warnings and breach) are suspended — they do not fire while the period does not run; the SLA board
 * shows the period as paused with the reason.</li>
 * <li>When the step that ends it ends: the row is closed with its days, and when no other suspension of
 * the period is open, the calendar days not counted (the union of the case's suspensions: overlapping
 * ones count once) go into the period's {@code suspendedDaysVariable}, its due date is computed again
 * ({@code limitNotCounting} from its start, then the approved extensions) into {@code dueVariable}, and
 * the timers are recalculated and run again; a {@code PERIOD_RESUMED} entry records the days and both
 * due dates.</li>
 * </ul>
 * A suspension still open when the process ends is closed then (nothing is left to move).
 */
@Service
public class PeriodSuspensions {

	private static final Logger log = LoggerFactory.getLogger(PeriodSuspensions.class);

	private final SuspensionRules rules;
	private final JdbcTemplate jdbc;
	private final RecordService records;
	private final Deadlines deadlines;
	private final Supplier<ManagementService> management;
	private final Clock clock;

	PeriodSuspensions(SuspensionRules rules, JdbcTemplate jdbc, RecordService records, Deadlines deadlines,
			@Lazy ManagementService management, Clock clock) {
		this.clock = clock;
		this.rules = rules;
		this.jdbc = jdbc;
		this.records = records;
		this.deadlines = deadlines;
		this.management = () -> management;
	}

	/** One row of {@code zf_period_suspension}. */
	public record Suspension(long id, String caseNo, String processInstanceId, String periodKey, String eventKey,
			String activityId, String reason, String statuteBasis, Instant startedAt, Instant endedAt, Integer suspendedDays,
			Instant dueBefore, Instant dueAfter) {
	}

	void activityStarted(DelegateExecution execution, String processKey, String activityId) {
		for (SuspensionRules.Event event : rules.current().startingAt(processKey, activityId)) {
			SuspensionRules.Period period = rules.current().periods().get(event.period());
			if (running(execution, period)) {
				suspend(execution, period, event, activityId);
			}
		}
	}

	/** A period not started yet (no seizure carried out) or already over (the goods decided on) is not suspended. */
	private static boolean running(DelegateExecution execution, SuspensionRules.Period period) {
		return execution.getVariable(period.startVariable()) != null
				&& period.endVariables().stream().allMatch(end -> execution.getVariable(end) == null);
	}

	void activityEnded(DelegateExecution execution, String processKey, String activityId) {
		SuspensionRules.Rules r = rules.current();
		for (SuspensionRules.Event event : r.endingAt(processKey, activityId)) {
			resume(execution, r.periods().get(event.period()), event, activityId);
		}
	}

	void processEnded(DelegateExecution execution, String processKey) {
		if (rules.current().periods().values().stream().noneMatch(p -> p.process().equals(processKey))) {
			return;
		}
		Instant now = now();
		jdbc.update("UPDATE zf_period_suspension SET ended_at = ?, suspended_days = 0 WHERE process_instance_id = ?"
				+ " AND ended_at IS NULL", Timestamp.from(now), execution.getProcessInstanceId());
	}

	/** The suspensions of a case, oldest first. */
	public List<Suspension> of(String caseNo) {
		return jdbc.query("SELECT id, case_no, process_instance_id, period_key, event_key, activity_id, reason, statute_basis,"
				+ " started_at, ended_at, suspended_days, due_before, due_after FROM zf_period_suspension WHERE case_no = ?"
				+ " ORDER BY started_at, id", (rs, i) -> new Suspension(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
						instant(rs.getTimestamp(10)), (Integer) rs.getObject(11, Integer.class), instant(rs.getTimestamp(12)),
						instant(rs.getTimestamp(13))), caseNo);
	}

	private void suspend(DelegateExecution execution, SuspensionRules.Period period, SuspensionRules.Event event,
			String activityId) {
		String pi = execution.getProcessInstanceId();
		Instant now = now();
		String caseNo = caseNo(execution);
		Date due = (Date) execution.getVariable(period.dueVariable());
		jdbc.update("INSERT INTO zf_period_suspension (case_no, agency_code, process_instance_id, period_key, event_key,"
				+ " activity_id, activity_instance_id, reason, statute_basis, started_at, due_before)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", caseNo, agency(execution), pi, period.key(), event.key(), activityId,
				execution.getActivityInstanceId(), event.reason(), basis(event), Timestamp.from(now),
				due == null ? null : new Timestamp(due.getTime()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("event", event.key());
		data.put("eventName", event.name());
		data.put("period", period.key());
		data.put("reason", event.reason());
		data.put("statute", event.statute());
		data.put("article", event.article());
		data.put("suspendedAt", now.toString());
		if (due != null) {
			data.put("dueAt", due.toInstant().toString());
		}
		records.append(caseNo, "PERIOD_SUSPENDED", null, agency(execution), pi, activityId, data);
		AsSystem.run(() -> {
			for (Job job : timers(pi, period)) {
				// the cached entity of this command, flushed with it (a bulk suspension would make it stale)
				EngineCommand.setSuspended(job, true);
			}
		});
		log.info("Case {}: period {} suspended ({}) at {}", caseNo, period.key(), event.key(), now);
	}

	private void resume(DelegateExecution execution, SuspensionRules.Period period, SuspensionRules.Event event,
			String activityId) {
		String pi = execution.getProcessInstanceId();
		Instant now = now();
		LocalDate today = WorkingDayCalendar.dayOf(now);
		// a step that both stops and restarts the period (e.g. a second appraisal while the first runs) closes its own
		String sameStep = event.from().equals(event.to()) ? " AND activity_instance_id = ?" : "";
		Object[] args = sameStep.isEmpty() ? new Object[] { pi, period.key(), event.key() }
				: new Object[] { pi, period.key(), event.key(), execution.getActivityInstanceId() };
		List<Map<String, Object>> open = jdbc.queryForList("SELECT id, started_at FROM zf_period_suspension WHERE"
				+ " process_instance_id = ? AND period_key = ? AND event_key = ? AND ended_at IS NULL" + sameStep, args);
		if (open.isEmpty()) {
			return; // the step ended without its suspension having started (e.g. a model changed in between)
		}
		for (Map<String, Object> row : open) {
			LocalDate from = WorkingDayCalendar.dayOf(instant(row.get("started_at")));
			jdbc.update("UPDATE zf_period_suspension SET ended_at = ?, suspended_days = ? WHERE id = ?", Timestamp.from(now),
					(int) Math.max(0, today.toEpochDay() - from.toEpochDay()), ((Number) row.get("id")).longValue());
		}
		Integer stillOpen = jdbc.queryForObject("SELECT COUNT(*) FROM zf_period_suspension WHERE process_instance_id = ?"
				+ " AND period_key = ? AND ended_at IS NULL", Integer.class, pi, period.key());
		String caseNo = caseNo(execution);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("event", event.key());
		data.put("eventName", event.name());
		data.put("period", period.key());
		data.put("resumedAt", now.toString());
		if (stillOpen != null && stillOpen > 0) {
			data.put("stillSuspended", true); // another suspension of the period runs on: nothing moves yet
			records.append(caseNo, "PERIOD_RESUMED", null, agency(execution), pi, activityId, data);
			return;
		}
		int total = notCountedDays(pi, period.key());
		Date before = (Date) execution.getVariable(period.dueVariable());
		Object start = execution.getVariable(period.startVariable());
		Date after = before;
		if (start != null) {
			// the due date with its basis (the chain a recomputation runs again when a year's calendar arrives)
			Deadlines.Due due = deadlines.limitNotCountingDue(period.dueVariable(), period.key(), start, total);
			if (period.extensionLimit() != null && period.extensionCountVariable() != null
					&& execution.getVariable(period.extensionCountVariable()) instanceof Number n) {
				for (int i = 0; i < n.intValue(); i++) {
					due = deadlines.extendedDue(due.variable(), due.at(), due.basis(), period.extensionLimit());
				}
			}
			VariableScope instance = execution.getProcessInstance();
			instance.setVariables(due.variables());
			instance.setVariable(period.suspendedDaysVariable(), total);
			after = due.at();
		}
		for (Map<String, Object> row : open) {
			jdbc.update("UPDATE zf_period_suspension SET due_after = ? WHERE id = ?",
					after == null ? null : new Timestamp(after.getTime()), ((Number) row.get("id")).longValue());
		}
		AsSystem.run(() -> {
			for (Job job : timers(pi, period)) {
				EngineCommand.setSuspended(job, false);
				management.get().recalculateJobDuedate(job.getId(), false);
			}
		});
		data.put("suspendedDaysTotal", total);
		if (before != null) {
			data.put("dueBefore", before.toInstant().toString());
		}
		if (after != null) {
			data.put("dueAfter", after.toInstant().toString());
		}
		records.append(caseNo, "PERIOD_RESUMED", null, agency(execution), pi, activityId, data);
		log.info("Case {}: period {} runs again ({}), {} days not counted, due {} -> {}", caseNo, period.key(), event.key(),
				total, before, after);
	}

	/** Calendar days of the closed suspensions of the period, overlapping ones counted once. */
	private int notCountedDays(String pi, String periodKey) {
		List<long[]> spans = new ArrayList<>();
		jdbc.query("SELECT started_at, ended_at FROM zf_period_suspension WHERE process_instance_id = ? AND period_key = ?"
				+ " AND ended_at IS NOT NULL ORDER BY started_at", rs -> {
					spans.add(new long[] { WorkingDayCalendar.dayOf(instant(rs.getTimestamp(1))).toEpochDay(),
							WorkingDayCalendar.dayOf(instant(rs.getTimestamp(2))).toEpochDay() });
				}, pi, periodKey);
		spans.sort((a, b) -> Long.compare(a[0], b[0]));
		long total = 0;
		long coveredTo = Long.MIN_VALUE;
		for (long[] s : spans) {
			long from = Math.max(s[0], coveredTo);
			if (s[1] > from) {
				total += s[1] - from;
			}
			coveredTo = Math.max(coveredTo, s[1]);
		}
		return (int) total;
	}

	private List<Job> timers(String pi, SuspensionRules.Period period) {
		List<Job> jobs = new ArrayList<>();
		for (String timer : period.timers()) {
			jobs.addAll(management.get().createJobQuery().processInstanceId(pi).activityId(timer).timers().list());
		}
		return jobs;
	}

	private static String basis(SuspensionRules.Event event) {
		String text = event.article() + "；" + event.basis();
		return text.length() > 1000 ? text.substring(0, 1000) : text;
	}

	private static String caseNo(DelegateExecution execution) {
		Object caseId = execution.getVariable(CaseVariables.CASE_ID);
		return caseId != null ? caseId.toString() : execution.getProcessBusinessKey();
	}

	private static String agency(DelegateExecution execution) {
		Object code = execution.getVariable(CaseVariables.AGENCY_CODE);
		return code != null ? code.toString() : execution.getTenantId();
	}

	private Instant now() {
		return clock.instant();
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp ts) {
			return ts.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime odt) {
			return odt.toInstant();
		}
		if (value instanceof java.time.LocalDateTime ldt) {
			return Timestamp.valueOf(ldt).toInstant();
		}
		return value == null ? null : ((Date) value).toInstant();
	}
}

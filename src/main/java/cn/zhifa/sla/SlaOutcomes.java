package cn.zhifa.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.EngineCommand;
import cn.zhifa.platform.HistoryEndListener.EndedActivity;
import cn.zhifa.platform.HistoryEndListener.EndedTask;

/**
 * Keeps the outcome of every statutory deadline when it closes (issue 17 §4, ADR "SLA history"):
 * met, or breached by N working days (working-day calendar), with how it closed. Called by
 * {@link SlaHistoryEventHandler} inside the engine's command, so the row is written in the same
 * transaction as the engine's own history and rolls back with it; the unique {@code source_id}
 * makes a re-run of the same closing store nothing twice, on any node.
 * <ul>
 * <li>a user task with a due date: closes when it is completed (COMPLETED) or otherwise ended —
 * by an interrupting timer of its own at or after its due instant (TIMER: the model moved on at the
 * deadline, counted as met), or cancelled (CANCELLED: withdrawn, deleted, interrupted);</li>
 * <li>a deadline timer of {@link DeadlineModels} (a whole-period limit on a sub-process or receive
 * task): closes when the activity it is attached to ends, fired or not; its due instant is the
 * timer's. Skipped when a task of the case already closed with the same due instant (the same
 * deadline, as on the board).</li>
 * </ul>
 */
@Service
class SlaOutcomes {

	private static final Logger log = LoggerFactory.getLogger(SlaOutcomes.class);
	static final String COMPLETED_REASON = "completed";

	public enum Outcome {
		MET, BREACHED
	}

	public enum ClosedBy {
		COMPLETED, TIMER, CANCELLED
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final DeadlineModels models;
	private final Deadlines deadlines;

	SlaOutcomes(NamedParameterJdbcTemplate jdbc, DeadlineModels models, Deadlines deadlines) {
		this.jdbc = jdbc;
		this.models = models;
		this.deadlines = deadlines;
	}

	/** A task ended (completed or deleted): its deadline's outcome, if it had a due date. */
	void taskEnded(EndedTask task) {
		if (task.dueDate() == null || task.processInstanceId() == null || task.endTime() == null) {
			return; // no deadline, or a standalone task (no case)
		}
		Instant due = task.dueDate();
		Instant closed = task.endTime();
		ClosedBy by;
		if (COMPLETED_REASON.equals(task.deleteReason())) {
			by = ClosedBy.COMPLETED;
		}
		else if (!closed.isBefore(due) && task.processDefinitionId() != null
				&& closings(task.processDefinitionId()).endedByTimer().contains(task.taskDefinitionKey())) {
			by = ClosedBy.TIMER;
		}
		else {
			by = ClosedBy.CANCELLED;
		}
		insert("TASK", task.taskId(), task.tenantId(), processKey(task.processDefinitionKey(), task.processDefinitionId()),
				task.processInstanceId(), task.taskDefinitionKey(), task.name(), task.assignee(), task.startTime(), due,
				closed, by);
	}

	/** An activity ended: the outcome of each deadline timer attached to it. */
	void activityEnded(EndedActivity activity) {
		if (activity.processDefinitionId() == null || activity.endTime() == null) {
			return;
		}
		List<String> timers = closings(activity.processDefinitionId()).deadlineTimersByActivity()
			.getOrDefault(activity.activityId(), List.of());
		for (String timer : timers) {
			Optional<Instant> due = timerDue(activity.processInstanceId(), timer, activity.startTime());
			if (due.isEmpty()) {
				log.warn("deadline timer {} of process instance {} has no due date on record: outcome not kept", timer,
						activity.processInstanceId());
				continue;
			}
			Long sameAsTask = jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_outcome WHERE process_instance_id = :pi"
					+ " AND source = 'TASK' AND due_at = :due", new MapSqlParameterSource("pi", activity.processInstanceId())
				.addValue("due", offset(due.get())), Long.class);
			if (sameAsTask != null && sameAsTask > 0) {
				continue; // the same deadline as a task's due date, kept with the task
			}
			insert("TIMER", activity.activityInstanceId() + "/" + timer, activity.tenantId(),
					processKey(activity.processDefinitionKey(), activity.processDefinitionId()),
					activity.processInstanceId(), activity.activityId(),
					AsSystem.call(() -> models.label(activity.processDefinitionId(), timer)), null, activity.startTime(), due.get(),
					activity.endTime(), activity.canceled() ? ClosedBy.CANCELLED : ClosedBy.COMPLETED);
		}
	}

	private DeadlineModels.Closings closings(String definitionId) {
		return AsSystem.call(() -> models.closings(definitionId));
	}

	/**
	 * The due instant of timer {@code timerId} of the process instance: a timer job of this command
	 * (created or fired in it), else a pending one in the database, else its creation in the job log
	 * (it fired earlier, or ended). The latest one created since the activity started.
	 */
	private Optional<Instant> timerDue(String processInstanceId, String timerId, Instant activityStart) {
		Optional<Date> loaded = EngineCommand.loadedTimerDueDate(processInstanceId, timerId);
		if (loaded.isPresent()) {
			return Optional.of(loaded.get().toInstant());
		}
		MapSqlParameterSource params = new MapSqlParameterSource("pi", processInstanceId).addValue("timer", timerId)
			.addValue("since", new java.sql.Timestamp(activityStart == null ? 0 : activityStart.toEpochMilli() - 1000));
		List<Date> running = jdbc.queryForList("SELECT j.DUEDATE_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF jd ON jd.ID_ = j.JOB_DEF_ID_"
				+ " WHERE j.PROCESS_INSTANCE_ID_ = :pi AND j.TYPE_ = 'timer' AND jd.ACT_ID_ = :timer AND j.DUEDATE_ IS NOT NULL"
				+ " ORDER BY j.CREATE_TIME_ DESC", params, Date.class);
		if (!running.isEmpty()) {
			return Optional.of(running.get(0).toInstant());
		}
		List<Date> logged = jdbc.queryForList("SELECT JOB_DUEDATE_ FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = :pi"
				+ " AND ACT_ID_ = :timer AND JOB_STATE_ = 0 AND JOB_DUEDATE_ IS NOT NULL AND TIMESTAMP_ >= :since"
				+ " ORDER BY TIMESTAMP_ DESC", params, Date.class);
		return logged.isEmpty() ? Optional.empty() : Optional.of(logged.get(0).toInstant());
	}

	private void insert(String source, String sourceId, String agency, String processKey, String processInstanceId,
			String stepId, String stepName, String responsible, Instant started, Instant due, Instant closed, ClosedBy by) {
		Outcome outcome = by == ClosedBy.TIMER || !closed.isAfter(due) ? Outcome.MET : Outcome.BREACHED;
		int late = outcome == Outcome.MET ? 0 : Math.max(0, deadlines.workdaysBetween(Date.from(due), Date.from(closed)));
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("source", source).addValue("sourceId", sourceId)
			.addValue("agency", agency).addValue("processKey", processKey).addValue("pi", processInstanceId)
			.addValue("stepId", stepId).addValue("stepName", cut(stepName)).addValue("caseNo", cut(caseNo(processInstanceId)))
			.addValue("responsible", cut(responsible)).addValue("started", started == null ? null : offset(started), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("due", offset(due)).addValue("closed", offset(closed)).addValue("outcome", outcome.name())
			.addValue("late", late).addValue("by", by.name());
		Long kept = jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_outcome WHERE source_id = :sourceId", p, Long.class);
		if (kept != null && kept > 0) {
			return; // the same closing again (a retried command): kept once
		}
		// a concurrent duplicate (impossible while the engine's optimistic locking lets one closing commit) fails
		// on the unique source_id and rolls its transaction back
		jdbc.update("INSERT INTO zf_sla_outcome (source, source_id, agency_code, process_key, process_instance_id, step_id,"
				+ " step_name, case_no, responsible, started_at, due_at, closed_at, outcome, breached_workdays, closed_by)"
				+ " VALUES (:source, :sourceId, :agency, :processKey, :pi, :stepId, :stepName, :caseNo, :responsible, :started,"
				+ " :due, :closed, :outcome, :late, :by)", p);
	}

	/** The case number: the {@code caseId} variable, else the business key of the process instance. */
	private static String caseNo(String processInstanceId) {
		DelegateExecution instance = EngineCommand.execution(processInstanceId);
		if (instance == null) {
			return null;
		}
		try {
			Object caseId = instance.getVariable(CaseVariables.CASE_ID);
			if (caseId != null) {
				return caseId.toString();
			}
		}
		catch (RuntimeException variablesGone) {
			log.debug("case number of {} from the business key: {}", processInstanceId, variablesGone.getMessage());
		}
		return instance.getBusinessKey();
	}

	private static String processKey(String key, String definitionId) {
		return key != null ? key : definitionId == null ? "?" : definitionId.split(":")[0];
	}

	private static String cut(String text) {
		return text == null || text.length() <= 255 ? text : text.substring(0, 255);
	}

	static OffsetDateTime offset(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}

package cn.zhifa.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a year's file arrives, deadlines that were computed while it was missing (weekends only)
 * may be wrong. This recomputes them for the given years (ADR-0005):
 * <ul>
 * <li><b>Timers</b>: every timer job whose due date falls in one of the years is re-evaluated by
 * the engine ({@code ManagementService.recalculateJobDuedate}); for a deadline that was already
 * right this gives the same instant, so only provisional ones change.</li>
 * <li><b>Tasks</b>: a task's due date / follow-up date in one of the years is re-evaluated from its
 * {@code camunda:dueDate} / {@code camunda:followUpDate} expression; it is replaced only when the
 * stored value is what the expression gives <i>without</i> those years' files, i.e. it really was
 * a provisional value. A date a head changed by hand is left alone.</li>
 * </ul>
 */
@Component
class ProvisionalDeadlines {

	private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);

	private final ManagementService managementService;
	private final TaskService taskService;
	private final CommandExecutor commandExecutor;
	private final CalendarRegistry registry;

	ProvisionalDeadlines(ProcessEngine engine, CalendarRegistry registry) {
		this.managementService = engine.getManagementService();
		this.taskService = engine.getTaskService();
		this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
		this.registry = registry;
	}

	record Change(String kind, String id, Date before, Date after) {
	}

	record Result(Set<Integer> years, int timersChecked, int tasksChecked, List<Change> changed) {
	}

	Result recompute(Set<Integer> years) {
		if (years.isEmpty()) {
			return new Result(years, 0, 0, List.of());
		}
		int first = years.stream().min(Integer::compare).orElseThrow();
		int last = years.stream().max(Integer::compare).orElseThrow();
		Date from = new Date(WorkingDayCalendar.startOfDay(LocalDate.of(first, 1, 1)).toEpochMilli() - 1);
		Date to = Date.from(WorkingDayCalendar.startOfDay(LocalDate.of(last + 1, 1, 1)));
		List<Change> changes = new ArrayList<>();

		List<Job> timers = managementService.createJobQuery().timers().duedateHigherThan(from).duedateLowerThan(to)
			.list().stream().filter(job -> inYears(job.getDuedate(), years)).toList();
		for (Job timer : timers) {
			managementService.recalculateJobDuedate(timer.getId(), true);
			Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
			if (after != null && !Objects.equals(after.getDuedate(), timer.getDuedate())) {
				changes.add(new Change("timer", timer.getId(), timer.getDuedate(), after.getDuedate()));
			}
		}

		Map<String, Task> tasks = new LinkedHashMap<>();
		taskService.createTaskQuery().dueAfter(from).dueBefore(to).list().forEach(t -> tasks.put(t.getId(), t));
		taskService.createTaskQuery().followUpAfter(from).followUpBefore(to).list().forEach(t -> tasks.put(t.getId(), t));
		CalendarData withoutYears = without(registry.current(), years);
		int tasksChecked = 0;
		for (Task task : tasks.values()) {
			boolean dueInYears = inYears(task.getDueDate(), years);
			boolean followUpInYears = inYears(task.getFollowUpDate(), years);
			if (!dueInYears && !followUpInYears) {
				continue;
			}
			tasksChecked++;
			Date[] now = evaluate(task.getId());
			Date[] guessed = registry.withCalendar(withoutYears, () -> evaluate(task.getId()));
			Date newDue = dueInYears && replace(task.getDueDate(), now[0], guessed[0]) ? now[0] : null;
			Date newFollowUp = followUpInYears && replace(task.getFollowUpDate(), now[1], guessed[1]) ? now[1] : null;
			if (newDue != null || newFollowUp != null) {
				Task fresh = taskService.createTaskQuery().taskId(task.getId()).singleResult();
				if (newDue != null) {
					changes.add(new Change("task dueDate", task.getId(), fresh.getDueDate(), newDue));
					fresh.setDueDate(newDue);
				}
				if (newFollowUp != null) {
					changes.add(new Change("task followUpDate", task.getId(), fresh.getFollowUpDate(), newFollowUp));
					fresh.setFollowUpDate(newFollowUp);
				}
				taskService.saveTask(fresh);
			}
		}
		for (Change c : changes) {
			log.info("Provisional deadline recomputed: {} {} {} -> {}", c.kind(), c.id(),
					c.before() == null ? null : c.before().toInstant(), c.after().toInstant());
		}
		log.info("Recomputed provisional deadlines in {}: {} timers and {} tasks checked, {} changed", years,
				timers.size(), tasksChecked, changes.size());
		return new Result(years, timers.size(), tasksChecked, changes);
	}

	/** Stored value was the weekends-only guess and the calendar now says otherwise. */
	private static boolean replace(Date stored, Date now, Date guessed) {
		return stored != null && now != null && guessed != null && stored.equals(guessed) && !stored.equals(now);
	}

	/** Evaluates the task's due-date and follow-up-date expressions in its own context: [due, followUp]. */
	private Date[] evaluate(String taskId) {
		return commandExecutor.execute(context -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			TaskDefinition definition = task == null ? null : task.getTaskDefinition();
			if (definition == null) {
				return new Date[2];
			}
			return new Date[] { value(definition.getDueDateExpression(), task),
					value(definition.getFollowUpDateExpression(), task) };
		});
	}

	private static Date value(Expression expression, TaskEntity task) {
		if (expression == null) {
			return null;
		}
		Object value = expression.getValue(task);
		if (value == null) {
			return null;
		}
		if (value instanceof Date d) {
			return d;
		}
		try {
			return Date.from(DeadlineStarts.instant(value, "due date"));
		}
		catch (IllegalArgumentException e) {
			return null; // e.g. a duration string the engine's business calendar resolves: not a calendar deadline
		}
	}

	private static boolean inYears(Date date, Set<Integer> years) {
		return date != null && years.contains(WorkingDayCalendar.dayOf(date.toInstant()).getYear());
	}

	private static CalendarData without(CalendarData data, Set<Integer> years) {
		List<YearCalendar> kept = data.yearFiles().stream().filter(y -> !years.contains(y.year())).toList();
		return new CalendarData(data.origin(), kept, new WorkingDayCalendar(kept), data.limits(), data.statuteRules(),
				data.loadedAt());
	}
}

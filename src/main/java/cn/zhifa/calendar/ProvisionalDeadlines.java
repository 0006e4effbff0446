package cn.zhifa.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.EngineCommand;
import cn.zhifa.platform.EngineExecutions;

/**
 * When a year's file arrives, deadlines that were computed while it was missing (weekends only)
 * may be wrong. This recomputes them for the given years (ADR-0005, docs/calendar.md), one process
 * instance at a time, each in one transaction:
 * <ol>
 * <li><b>Deadline variables</b> ({@code reviewDueAt}, {@code decisionDueAt}, {@code seizureDueAt}, …):
 * each has beside it how it was computed, {@code <name>Basis} ({@link DeadlineBasis}, set by
 * {@link Deadlines#setLimit} and friends). The basis is run twice — with the calendar in force and
 * with those years' files left out (the weekends-only guess); the variable is replaced only when
 * it equals the guess and the calendar now says otherwise.</li>
 * <li><b>Timers</b> of the instance — all of them when a variable changed (a timer
 * {@code ${decisionDueAt}} or {@code ${deadlines.workdaysBefore(seizureDueAt, 3)}} follows it),
 * else those due in the years — are re-evaluated by the engine
 * ({@code ManagementService.recalculateJobDuedate}); a deadline that was already right gives the
 * same instant.</li>
 * <li><b>Tasks</b>: a task's due / follow-up date is re-evaluated from its {@code camunda:dueDate} /
 * {@code camunda:followUpDate} expression and replaced only when the stored value is what the
 * expression gave before: without those years' files and with the variables as they were. A date
 * a head changed by hand is left alone.</li>
 * <li>The <b>provisional mark</b> of the instance's tasks ({@link ProvisionalTaskMark}) is set
 * again: it disappears where the due date's year now has a file.</li>
 * </ol>
 * Repeatable: a second run finds nothing to change. Two nodes running it at once collide on the
 * rows' revisions (optimistic locking); the losing instance is done again and then finds the
 * values already recomputed.
 */
@Component
class ProvisionalDeadlines {

	private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);
	private static final String BASIS_LIKE = "%DueAt" + DeadlineBasis.SUFFIX;

	private final ManagementService managementService;
	private final TaskService taskService;
	private final RuntimeService runtimeService;
	private final ProcessEngine engine;
	private final CalendarRegistry registry;
	private final Deadlines deadlines;
	private final ApplicationEventPublisher events;

	ProvisionalDeadlines(ProcessEngine engine, CalendarRegistry registry, Deadlines deadlines,
			ApplicationEventPublisher events) {
		this.managementService = engine.getManagementService();
		this.taskService = engine.getTaskService();
		this.runtimeService = engine.getRuntimeService();
		this.engine = engine;
		this.registry = registry;
		this.deadlines = deadlines;
		this.events = events;
	}

	record Change(String kind, String id, Date before, Date after) {
	}

	record Result(Set<Integer> years, int variablesChecked, int timersChecked, int tasksChecked, int marksRemoved,
			List<Change> changed) {
	}

	/** What one instance's recomputation looked at and changed. */
	private record Outcome(int variables, int timers, int tasks, int marksRemoved, List<Change> changes) {
	}

	Result recompute(Set<Integer> years) {
		if (years.isEmpty()) {
			return new Result(years, 0, 0, 0, 0, List.of());
		}
		int first = years.stream().min(Integer::compare).orElseThrow();
		int last = years.stream().max(Integer::compare).orElseThrow();
		Date from = new Date(WorkingDayCalendar.startOfDay(LocalDate.of(first, 1, 1)).toEpochMilli() - 1);
		Date to = Date.from(WorkingDayCalendar.startOfDay(LocalDate.of(last + 1, 1, 1)));
		CalendarData withoutYears = without(registry.current(), years);

		Set<String> instances = new LinkedHashSet<>();
		// deadline variables from the first year on (a chain may pass through the years and end later)
		List<VariableInstance> bases = runtimeService.createVariableInstanceQuery().variableNameLike(BASIS_LIKE).list();
		Set<String> names = new LinkedHashSet<>();
		Set<String> withBasis = new java.util.HashSet<>();
		for (VariableInstance basis : bases) {
			names.add(deadlineName(basis.getName()));
			withBasis.add(basis.getProcessInstanceId() + "/" + deadlineName(basis.getName()));
		}
		if (!names.isEmpty()) {
			runtimeService.createVariableInstanceQuery().variableNameIn(names.toArray(String[]::new)).list().stream()
				.filter(v -> v.getValue() instanceof Date d && d.after(from)
						&& withBasis.contains(v.getProcessInstanceId() + "/" + v.getName()))
				.forEach(v -> instances.add(v.getProcessInstanceId()));
		}
		List<Job> timers = managementService.createJobQuery().timers().duedateHigherThan(from).duedateLowerThan(to)
			.list().stream().filter(job -> inYears(job.getDuedate(), years)).toList();
		List<Job> withoutInstance = new ArrayList<>();
		for (Job timer : timers) {
			if (timer.getProcessInstanceId() != null) {
				instances.add(timer.getProcessInstanceId());
			}
			else {
				withoutInstance.add(timer);
			}
		}
		taskService.createTaskQuery().dueAfter(from).dueBefore(to).list().forEach(t -> add(instances, t));
		taskService.createTaskQuery().followUpAfter(from).followUpBefore(to).list().forEach(t -> add(instances, t));
		runtimeService.createVariableInstanceQuery().variableName(ProvisionalTaskMark.VARIABLE).list()
			.forEach(v -> instances.add(v.getProcessInstanceId()));

		List<Change> changes = new ArrayList<>();
		int variables = 0;
		int timersChecked = 0;
		int tasks = 0;
		int marks = 0;
		for (String instance : instances) {
			if (instance == null) {
				continue;
			}
			Outcome outcome = recomputeInstance(instance, years, from, withoutYears);
			variables += outcome.variables();
			timersChecked += outcome.timers();
			tasks += outcome.tasks();
			marks += outcome.marksRemoved();
			changes.addAll(outcome.changes());
		}
		for (Job timer : withoutInstance) { // timer start events: no variables to follow
			timersChecked++;
			managementService.recalculateJobDuedate(timer.getId(), true);
			Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
			if (after != null && !Objects.equals(after.getDuedate(), timer.getDuedate())) {
				changes.add(new Change("timer", timer.getId(), timer.getDuedate(), after.getDuedate()));
			}
		}
		for (Change c : changes) {
			log.info("Provisional deadline recomputed: {} {} {} -> {}", c.kind(), c.id(),
					c.before() == null ? null : c.before().toInstant(), c.after() == null ? null : c.after().toInstant());
		}
		log.info("Recomputed provisional deadlines in {}: {} variables, {} timers and {} tasks checked, {} changed,"
				+ " {} provisional marks removed", years, variables, timersChecked, tasks, changes.size(), marks);
		return new Result(years, variables, timersChecked, tasks, marks, changes);
	}

	private Outcome recomputeInstance(String processInstanceId, Set<Integer> years, Date from, CalendarData withoutYears) {
		try {
			return EngineCommand.inTransaction(engine, () -> instance(processInstanceId, years, from, withoutYears));
		}
		catch (OptimisticLockingException e) {
			// another node recomputed (or the case moved on) at the same time: once more, with what it wrote
			log.info("Recomputing process instance {} again after a concurrent change: {}", processInstanceId,
					e.getMessage());
			return EngineCommand.inTransaction(engine, () -> instance(processInstanceId, years, from, withoutYears));
		}
	}

	/** Runs inside one command (one transaction): variables, then timers and tasks, then the marks. */
	private Outcome instance(String processInstanceId, Set<Integer> years, Date from, CalendarData withoutYears) {
		List<Change> changes = new ArrayList<>();
		// the tasks' guesses first: without the years and with the variables as they still are
		List<DelegateTask> tasks = EngineCommand.tasks(processInstanceId);
		Map<String, Date[]> guessed = new HashMap<>();
		int tasksChecked = 0;
		for (DelegateTask task : tasks) {
			if (inYears(task.getDueDate(), years) || inYears(task.getFollowUpDate(), years)) {
				tasksChecked++;
				guessed.put(task.getId(), registry.withCalendar(withoutYears, () -> evaluate(task)));
			}
		}

		// 1. deadline variables
		int variablesChecked = 0;
		List<VariableInstance> bases = runtimeService.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
			.variableNameLike(BASIS_LIKE).list();
		for (VariableInstance basisVariable : bases) {
			String name = deadlineName(basisVariable.getName());
			DelegateExecution execution = EngineCommand.execution(basisVariable.getExecutionId());
			if (execution == null || !(execution.getVariableLocal(name) instanceof Date stored) || !stored.after(from)
					|| !(basisVariable.getValue() instanceof String text)) {
				continue;
			}
			DeadlineBasis basis;
			try {
				basis = DeadlineBasis.parse(text);
			}
			catch (IllegalArgumentException e) {
				log.warn("Process instance {}: {} = '{}' cannot be read, {} not recomputed: {}", processInstanceId,
						basisVariable.getName(), text, name, e.getMessage());
				continue;
			}
			variablesChecked++;
			Date now = basis.evaluate(deadlines);
			Date guess = registry.withCalendar(withoutYears, () -> basis.evaluate(deadlines));
			if (replace(stored, now, guess)) {
				execution.setVariableLocal(name, now);
				changes.add(new Change("variable", processInstanceId + "/" + name, stored, now));
				// the modules keeping it in their own tables (reviews, transfers) follow, in this transaction
				events.publishEvent(new DeadlineRecomputed(processInstanceId, name, stored.toInstant(), now.toInstant()));
			}
		}
		boolean variablesChanged = !changes.isEmpty();

		// 2. timers: every one of the instance when a variable moved (they may follow it), else those in the years
		int timersChecked = 0;
		for (Job timer : EngineCommand.timerJobs(processInstanceId)) {
			if (!(variablesChanged || inYears(timer.getDuedate(), years))) {
				continue;
			}
			timersChecked++;
			Date before = timer.getDuedate();
			managementService.recalculateJobDuedate(timer.getId(), true);
			Job after = EngineCommand.job(timer.getId());
			if (after != null && !Objects.equals(after.getDuedate(), before)) {
				changes.add(new Change("timer", timer.getId(), before, after.getDuedate()));
			}
		}

		// 3. tasks: replaced only where the stored date was the guess (saving one sets its mark again)
		Set<String> marked = new java.util.HashSet<>();
		for (DelegateTask task : tasks) {
			if (task.getVariableLocal(ProvisionalTaskMark.VARIABLE) != null) {
				marked.add(task.getId());
			}
		}
		for (DelegateTask task : tasks) {
			Date[] guess = guessed.get(task.getId());
			if (guess == null) {
				continue;
			}
			Date[] now = evaluate(task);
			boolean changed = false;
			if (inYears(task.getDueDate(), years) && replace(task.getDueDate(), now[0], guess[0])) {
				changes.add(new Change("task dueDate", task.getId(), task.getDueDate(), now[0]));
				task.setDueDate(now[0]);
				changed = true;
			}
			if (inYears(task.getFollowUpDate(), years) && replace(task.getFollowUpDate(), now[1], guess[1])) {
				changes.add(new Change("task followUpDate", task.getId(), task.getFollowUpDate(), now[1]));
				task.setFollowUpDate(now[1]);
				changed = true;
			}
			if (changed) {
				taskService.saveTask((Task) task); // the engine's task is both
			}
		}

		// 4. the provisional marks, by the due dates as they are now
		int marksRemoved = 0;
		WorkingDayCalendar calendar = registry.current().calendar();
		for (DelegateTask task : tasks) {
			ProvisionalTaskMark.apply(task, calendar);
			if (marked.contains(task.getId()) && task.getVariableLocal(ProvisionalTaskMark.VARIABLE) == null) {
				marksRemoved++;
			}
		}
		if (!changes.isEmpty()) { // the case's record keeps what moved (cn.zhifa.record), in this transaction
			events.publishEvent(new DeadlinesRecomputed(processInstanceId, changes.stream()
				.map(c -> new DeadlinesRecomputed.Moved(c.kind(), c.id(), c.before() == null ? null : c.before().toInstant(),
						c.after() == null ? null : c.after().toInstant()))
				.toList()));
		}
		return new Outcome(variablesChecked, timersChecked, tasksChecked, marksRemoved, changes);
	}

	private static void add(Set<String> instances, Task task) {
		if (task.getProcessInstanceId() != null) {
			instances.add(task.getProcessInstanceId());
		}
	}

	private static String deadlineName(String basisName) {
		return basisName.substring(0, basisName.length() - DeadlineBasis.SUFFIX.length());
	}

	/** Stored value was the weekends-only guess and the calendar now says otherwise. */
	private static boolean replace(Date stored, Date now, Date guessed) {
		return stored != null && now != null && guessed != null && stored.equals(guessed) && !stored.equals(now);
	}

	/** Evaluates the task's due-date and follow-up-date expressions in its own context: [due, followUp]. */
	private static Date[] evaluate(DelegateTask task) {
		return new Date[] { value(EngineExecutions.dueDateExpression(task), task),
				value(EngineExecutions.followUpDateExpression(task), task) };
	}

	private static Date value(Expression expression, DelegateTask task) {
		if (expression == null) {
			return null;
		}
		Object value;
		try {
			value = expression.getValue(task);
		}
		catch (RuntimeException e) {
			return null; // e.g. a variable the expression needs is gone: not recomputed, left alone
		}
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

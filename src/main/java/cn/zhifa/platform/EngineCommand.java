package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine command running now (a listener, a delegate, a history event, or work given to
 * {@link #inTransaction}): what it has changed so far and the engine objects it has loaded, handed out as
 * public-API types and plain values (ADR-0040). Changes made through them are flushed with the command.
 * Outside a command {@link #changedVariables}, {@link #loadedTimerDueDate} and {@link #execution} answer
 * nothing; the others need one.
 */
public final class EngineCommand {

	private EngineCommand() {
	}

	/** A variable the command set; its value is read when asked (it may fail, e.g. an unknown serialization). */
	public record ChangedVariable(String name, Supplier<TypedValue> value) {
	}

	/**
	 * The variables of the process instance the command has set so far, in the order of the engine's cache:
	 * inserted in this command, or loaded and changed (a value set again unchanged is not listed).
	 */
	public static List<ChangedVariable> changedVariables(String processInstanceId) {
		List<ChangedVariable> changed = new ArrayList<>();
		CommandContext context = Context.getCommandContext();
		if (context == null || processInstanceId == null) {
			return changed;
		}
		for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
			if (!(cached.getEntity() instanceof VariableInstanceEntity variable)
					|| !processInstanceId.equals(variable.getProcessInstanceId())) {
				continue;
			}
			DbEntityState state = cached.getEntityState();
			if (state == DbEntityState.TRANSIENT || (state == DbEntityState.PERSISTENT && cached.isDirty())) {
				changed.add(new ChangedVariable(variable.getName(), () -> variable.getTypedValue(false)));
			}
		}
		return changed;
	}

	/**
	 * The due date of a timer job of activity {@code timerActivityId} in the process instance that this
	 * command has loaded, created or fired (the first such one), if any.
	 */
	public static Optional<Date> loadedTimerDueDate(String processInstanceId, String timerActivityId) {
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			for (TimerEntity timer : context.getDbEntityManager().getCachedEntitiesByType(TimerEntity.class)) {
				String raw = timer.getJobHandlerConfigurationRaw();
				if (processInstanceId.equals(timer.getProcessInstanceId()) && raw != null
						&& timerActivityId.equals(raw.split("\\$")[0]) && timer.getDuedate() != null) {
					return Optional.of(timer.getDuedate());
				}
			}
		}
		return Optional.empty();
	}

	/** The execution (or process instance) of this id as the command sees it, or {@code null}. */
	public static DelegateExecution execution(String executionId) {
		CommandContext context = Context.getCommandContext();
		return context == null ? null : context.getExecutionManager().findExecutionById(executionId);
	}

	/** The tasks of the process instance as the command sees them (each is also a {@code Task} to save). */
	public static List<DelegateTask> tasks(String processInstanceId) {
		return new ArrayList<>(Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(processInstanceId));
	}

	/** The timer jobs of the process instance as the command sees them. */
	public static List<Job> timerJobs(String processInstanceId) {
		List<Job> timers = new ArrayList<>();
		for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
			if ("timer".equals(job.getType())) {
				timers.add(job);
			}
		}
		return timers;
	}

	/** The job of this id as the command sees it, or {@code null}. */
	public static Job job(String jobId) {
		return Context.getCommandContext().getJobManager().findJobById(jobId);
	}

	/**
	 * Suspends or activates a job the command has loaded (e.g. from a job query in it): the change goes
	 * into this command's cache and is flushed with it (a bulk suspension would leave the cached job stale).
	 */
	public static void setSuspended(Job job, boolean suspended) {
		((JobEntity) job).setSuspensionState(
				(suspended ? SuspensionState.SUSPENDED : SuspensionState.ACTIVE).getStateCode());
	}

	/**
	 * Runs {@code work} in the current command without authorization checks (tenant checks stay, unlike
	 * {@link AsSystem}); the checks are restored afterwards.
	 */
	public static <T> T withoutAuthorization(Supplier<T> work) {
		Callable<T> call = work::get;
		return Context.getCommandContext().runWithoutAuthorization(call);
	}

	/** Runs {@code work} in one engine command, in a transaction of its own or the caller's. */
	public static <T> T inTransaction(ProcessEngine engine, Supplier<T> work) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> work.get());
	}
}

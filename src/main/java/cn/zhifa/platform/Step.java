package cn.zhifa.platform;

import java.util.Set;

/**
 * Who and what a process step or a task's form check runs for, as plain values: the engine's execution
 * or task stays in the delegate (or the feature's task-check bean) that maps it (ADR-0038). Services take
 * a {@code Step} and domain arguments, never an engine type.
 *
 * @param processInstanceId the instance the step belongs to (a process of the case)
 * @param businessKey       the instance's business key (the case number for case processes), may be null
 * @param agency            the agency (tenant) of the instance, null for county-wide processes
 * @param activityId        the model element the step runs at (the task definition key for a task)
 * @param taskId            the task of a form check, null for a service step
 * @param taskName          the task's name as its user sees it, null for a service step
 * @param actor             who the step runs for: the logged-in user, or {@link #SYSTEM} (a timer, a job)
 * @param actorGroups       the actor's groups (roles), empty for the system
 * @param actorAgencies     the actor's agencies (tenants), empty for the system
 */
public record Step(String processInstanceId, String businessKey, String agency, String activityId, String taskId,
		String taskName, String actor, Set<String> actorGroups, Set<String> actorAgencies) {

	/** The actor of work nobody logged in did: a timer, an asynchronous continuation, start-up. */
	public static final String SYSTEM = "system";

	public Step {
		actor = actor == null ? SYSTEM : actor;
		actorGroups = actorGroups == null ? Set.of() : Set.copyOf(actorGroups);
		actorAgencies = actorAgencies == null ? Set.of() : Set.copyOf(actorAgencies);
	}

	/** Whether nobody logged in runs this step. */
	public boolean bySystem() {
		return SYSTEM.equals(actor);
	}

	/** Whether the actor is in the given group (a name from {@link Roles}). */
	public boolean actorIn(String group) {
		return actorGroups.contains(group);
	}
}

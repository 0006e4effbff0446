package cn.zhifa.sla;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What the deployed models say about deadlines that are not a user task's due date: a timer
 * boundary event leading to the {@code #{slaBreach}} delegate, attached to a sub-process or a
 * receive task (e.g. the 90-day decision period of the whole handling, the police's 3 days), is a
 * statutory deadline of its own, shown on the board under the name of the activity it is attached
 * to. Breach timers on user tasks are not needed: the task's due date is the same deadline. Read
 * once per process definition (models do not change after deployment).
 */
@Component
class DeadlineModels {

	static final String BREACH_DELEGATE = "${slaBreach}";

	/** Per process definition id: timer event id → label of the step whose deadline it is. */
	private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();
	/** Per process definition id: what closes deadlines (for their history, {@link SlaOutcomes}). */
	private final Map<String, Closings> closings = new ConcurrentHashMap<>();
	private volatile Set<String> timerIds = Set.of();
	private volatile Set<String> coveredTimerIds = Set.of();
	private volatile Ids ids = new Ids(Map.of(), Set.of(), Set.of(), Map.of());
	private volatile long knownDefinitions = -1;
	private final RepositoryService repository;
	private final ManagementService management;

	DeadlineModels(RepositoryService repository, ManagementService management) {
		this.repository = repository;
		this.management = management;
	}

	/**
	 * The engine's ids the board's queries compare with, so that the database filters rows on their index
	 * columns instead of joining: the definition ids of each process key, and the job definition ids of
	 * the plain and the covered deadline timers ({@link #coveredTimerIds()}).
	 */
	record Ids(Map<String, Set<String>> definitionsByKey, Set<String> plainTimerJobs, Set<String> coveredTimerJobs,
			Map<String, Set<String>> timerJobsByActivity) {

		Set<String> definitions(String key) {
			return definitionsByKey.getOrDefault(key, Set.of());
		}

		/** The job definitions of the deadline timers with one of these activity ids. */
		Set<String> timerJobs(Collection<String> activityIds) {
			Set<String> jobs = new HashSet<>();
			activityIds.forEach(a -> jobs.addAll(timerJobsByActivity.getOrDefault(a, Set.of())));
			return jobs;
		}
	}

	private static Map<String, Set<String>> frozen(Map<String, Set<String>> map) {
		Map<String, Set<String>> copy = new HashMap<>();
		map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
		return Map.copyOf(copy);
	}

	Ids ids() {
		deadlineTimerIds();
		return ids;
	}

	/** Ids of the deadline timer events of every deployed process definition. */
	Set<String> deadlineTimerIds() {
		long count = repository.createProcessDefinitionQuery().count();
		if (count != knownDefinitions) {
			Set<String> timers = new HashSet<>();
			Set<String> covered = new HashSet<>();
			Map<String, Set<String>> byKey = new HashMap<>();
			for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
				timers.addAll(timers(d.getId()).keySet());
				covered.addAll(covered(repository.getBpmnModelInstance(d.getId())));
				byKey.computeIfAbsent(d.getKey(), k -> new HashSet<>()).add(d.getId());
			}
			Set<String> plainJobs = new HashSet<>();
			Set<String> coveredJobs = new HashSet<>();
			Map<String, Set<String>> byActivity = new HashMap<>();
			if (!timers.isEmpty()) {
				for (JobDefinition j : management.createJobDefinitionQuery().activityIdIn(timers.toArray(String[]::new)).list()) {
					(covered.contains(j.getActivityId()) ? coveredJobs : plainJobs).add(j.getId());
					byActivity.computeIfAbsent(j.getActivityId(), k -> new HashSet<>()).add(j.getId());
				}
			}
			ids = new Ids(frozen(byKey), Set.copyOf(plainJobs), Set.copyOf(coveredJobs), frozen(byActivity));
			coveredTimerIds = Set.copyOf(covered);
			timerIds = Set.copyOf(timers);
			knownDefinitions = count;
		}
		return timerIds;
	}

	/**
	 * The deadline timers whose deadline a user task inside the timed activity also carries as its due
	 * date (the same expression, e.g. a sub-process of steps all due at {@code ${disclosureDueAt}}): while
	 * such a task is open the board shows the task, not the timer. Other deadline timers never need that
	 * check (the 90-day decision period has no task due at its instant).
	 */
	Set<String> coveredTimerIds() {
		deadlineTimerIds();
		return coveredTimerIds;
	}

	static Set<String> covered(BpmnModelInstance model) {
		Set<String> result = new HashSet<>();
		if (model == null) {
			return result;
		}
		Map<String, String> deadlineTimers = read(model);
		for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
			if (!deadlineTimers.containsKey(event.getId())) {
				continue;
			}
			String due = event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
				.map(TimerEventDefinition.class::cast).map(DeadlineModels::expression).filter(e -> e != null)
				.findFirst().orElse(null);
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String taskDue = task.getCamundaDueDate() == null ? null : task.getCamundaDueDate().strip();
				if (due != null && due.equals(taskDue) && within(task, event.getAttachedTo())) {
					result.add(event.getId());
				}
			}
		}
		return result;
	}

	private static boolean within(ModelElementInstance element, Activity scope) {
		for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
			if (e.equals(scope)) {
				return true;
			}
		}
		return false;
	}

	private static String expression(TimerEventDefinition timer) {
		if (timer.getTimeDate() != null) {
			return timer.getTimeDate().getTextContent().strip();
		}
		return timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent().strip();
	}

	/** The label of deadline timer {@code timerId} in process definition {@code definitionId}, or null. */
	String label(String definitionId, String timerId) {
		return timers(definitionId).get(timerId);
	}

	/**
	 * What the model says about how the deadlines of definition {@code definitionId} close: the
	 * deadline timers attached to each activity (the timer's deadline closes when the activity ends),
	 * and the activities an interrupting timer ends (e.g. the hearing window: when the window's
	 * timer fires the step is over, on time).
	 */
	record Closings(Map<String, List<String>> deadlineTimersByActivity, Set<String> endedByTimer) {
	}

	Closings closings(String definitionId) {
		return closings.computeIfAbsent(definitionId, id -> closings(repository.getBpmnModelInstance(id)));
	}

	static Closings closings(BpmnModelInstance model) {
		Map<String, List<String>> timers = new HashMap<>();
		Set<String> endedByTimer = new HashSet<>();
		if (model == null) {
			return new Closings(Map.of(), Set.of());
		}
		Map<String, String> deadlineTimers = read(model);
		for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
			Activity attached = event.getAttachedTo();
			if (attached == null || event.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance)) {
				continue;
			}
			if (deadlineTimers.containsKey(event.getId())) {
				timers.computeIfAbsent(attached.getId(), k -> new ArrayList<>()).add(event.getId());
			}
			if (event.cancelActivity()) {
				endedByTimer.add(attached.getId());
			}
		}
		Map<String, List<String>> frozen = new HashMap<>();
		timers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
		return new Closings(Map.copyOf(frozen), Set.copyOf(endedByTimer));
	}

	private Map<String, String> timers(String definitionId) {
		return byDefinition.computeIfAbsent(definitionId, id -> read(repository.getBpmnModelInstance(id)));
	}

	static Map<String, String> read(BpmnModelInstance model) {
		Map<String, String> result = new HashMap<>();
		if (model == null) {
			return result;
		}
		for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
			Activity attached = event.getAttachedTo();
			if (attached == null || attached instanceof UserTask
					|| event.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance)) {
				continue;
			}
			boolean breach = false;
			for (SequenceFlow flow : event.getOutgoing()) {
				FlowNode target = flow.getTarget();
				if (target instanceof ServiceTask task && BREACH_DELEGATE.equals(task.getCamundaDelegateExpression())) {
					breach = true;
				}
			}
			if (breach) {
				String name = attached.getName() == null ? attached.getId() : attached.getName().trim();
				result.put(event.getId(), name);
			}
		}
		return Map.copyOf(result);
	}
}

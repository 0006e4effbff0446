package cn.zhifa.sla;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
	private volatile long knownDefinitions = -1;
	private final RepositoryService repository;

	DeadlineModels(RepositoryService repository) {
		this.repository = repository;
	}

	/** Ids of the deadline timer events of every deployed process definition. */
	Set<String> deadlineTimerIds() {
		long count = repository.createProcessDefinitionQuery().count();
		if (count != knownDefinitions) {
			Set<String> ids = new HashSet<>();
			for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
				ids.addAll(timers(d.getId()).keySet());
			}
			timerIds = Set.copyOf(ids);
			knownDefinitions = count;
		}
		return timerIds;
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

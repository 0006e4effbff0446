package cn.zhifa.sla;

import java.util.HashMap;
import java.util.HashSet;
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

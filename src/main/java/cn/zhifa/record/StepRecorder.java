package cn.zhifa.record;

import cn.zhifa.document.DocumentKind;
import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.EngineCommand;
import cn.zhifa.platform.EngineExecutions;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Writes what the engine does into the full-process record (R-REC-1), called by the listeners of
 * {@link RecordingParseListener} inside the engine's transaction: a rolled-back step leaves no
 * entry, and an entry that cannot be written fails the step. Also the audio-video gate (R-REC-2):
 * a step the 音像记录事项清单 ({@code dmn/av-recording-list.dmn}) marks {@code FULL} completes only
 * with a linked recording or a written explanation ({@value #AV_MISSING_EXPLANATION}).
 */
@Component
class StepRecorder {

	static final String AV_MISSING_EXPLANATION = "avMissingExplanation";
	static final String AV_DECISION = "av-recording-list";

	private static final Set<String> TIMER_ON_START = Set.of("boundaryTimer", "startTimerEvent");
	private static final Set<String> TIMER_ON_END = Set.of("intermediateTimer");
	private static final Set<String> MESSAGE_ON_START = Set.of("boundaryMessage", "messageStartEvent");
	private static final Set<String> MESSAGE_ON_END = Set.of("intermediateMessageCatch", "receiveTask");

	private final RecordService records;
	private final AvEvidenceService evidence;

	StepRecorder(RecordService records, AvEvidenceService evidence) {
		this.records = records;
		this.evidence = evidence;
	}

	void processEvent(DelegateExecution execution) {
		if (!records.stepRecording()) {
			return;
		}
		boolean start = ExecutionListener.EVENTNAME_START.equals(execution.getEventName());
		ProcessDefinition definition = EngineExecutions.processDefinition(execution);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("processDefinitionKey", definition.getKey());
		data.put("processDefinitionVersion", definition.getVersion());
		data.put("businessKey", execution.getProcessBusinessKey());
		if (start) {
			data.put("variables", ChangedVariables.of(execution.getProcessInstanceId()));
		}
		else {
			data.put("canceled", EngineExecutions.isCanceled(execution));
		}
		append(execution, start ? "PROCESS_STARTED" : "PROCESS_ENDED", null, data);
	}

	void activityEvent(DelegateExecution execution) {
		if (!records.stepRecording()) {
			return;
		}
		boolean start = ExecutionListener.EVENTNAME_START.equals(execution.getEventName());
		String type = EngineExecutions.activityType(execution);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("event", execution.getEventName());
		data.put("activityName", execution.getCurrentActivityName());
		data.put("activityType", type);
		data.put("activityInstanceId", execution.getActivityInstanceId());
		String kind = start ? RecordService.ACTIVITY_START : RecordService.ACTIVITY_END;
		if (!start && EngineExecutions.isCanceled(execution)) {
			data.put("canceled", true);
		}
		else if (start ? TIMER_ON_START.contains(type) : TIMER_ON_END.contains(type)) {
			kind = "TIMER_FIRED";
		}
		else if (start ? MESSAGE_ON_START.contains(type) : MESSAGE_ON_END.contains(type)) {
			kind = "MESSAGE_RECEIVED";
		}
		else if (!start && "businessRuleTask".equals(type)) {
			kind = "DECISION_EVALUATED";
			String resultVariable = (String) EngineExecutions.activityProperty(execution,
					RecordingParseListener.P_RESULT_VARIABLE);
			data.put("decision", EngineExecutions.activityProperty(execution, RecordingParseListener.P_DECISION));
			data.put("resultVariable", resultVariable);
			data.put("result", resultVariable == null ? null : execution.getVariable(resultVariable));
		}
		else if (!start && EngineExecutions.activityProperty(execution, RecordingParseListener.P_DOCUMENT_KIND) != null) {
			String documentKind = text(execution.getVariableLocal("documentKind"));
			if (documentKind == null) {
				documentKind = (String) EngineExecutions.activityProperty(execution, RecordingParseListener.P_DOCUMENT_KIND);
			}
			String variable = text(execution.getVariableLocal("documentVariable"));
			if (variable == null) {
				variable = (String) EngineExecutions.activityProperty(execution, RecordingParseListener.P_DOCUMENT_VARIABLE);
			}
			if (variable == null || variable.contains("{")) {
				variable = DocumentKind.idVariable(documentKind);
			}
			Object documentId = execution.getVariable(variable);
			if (documentId != null) {
				kind = "DOCUMENT_GENERATED";
				data.put("documentKind", documentKind);
				data.put("documentId", documentId);
			}
		}
		if (RecordService.ACTIVITY_START.equals(kind)) { // held back: one entry if nothing happens before its end (ADR-0057)
			records.appendStart(caseNo(execution), actor(execution), agency(execution), execution.getProcessInstanceId(),
					execution.getCurrentActivityId(), data);
			return;
		}
		append(execution, kind, execution.getCurrentActivityId(), data);
	}

	void taskEvent(DelegateTask task, String avActionKind) {
		String event = task.getEventName();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("taskId", task.getId());
		data.put("taskName", task.getName());
		data.put("assignee", task.getAssignee());
		String kind;
		switch (event) {
			case TaskListener.EVENTNAME_CREATE -> {
				kind = "TASK_CREATED";
				data.put("candidateGroups", task.getCandidates().stream().map(IdentityLink::getGroupId)
					.filter(g -> g != null).sorted().toList());
				data.put("dueDate", task.getDueDate());
			}
			case TaskListener.EVENTNAME_ASSIGNMENT -> kind = task.getAssignee() == null ? "TASK_UNCLAIMED" : "TASK_CLAIMED";
			case TaskListener.EVENTNAME_COMPLETE -> {
				kind = "TASK_COMPLETED";
				Map<String, Object> formData = ChangedVariables.of(task.getProcessInstanceId());
				if (avActionKind != null) {
					// the gate applies whether or not step recording is on: it is a legal rule
					gateAudioVideo(task, avActionKind, formData, data);
				}
				data.put("formData", formData);
			}
			case TaskListener.EVENTNAME_DELETE -> {
				kind = "TASK_CANCELLED";
				data.put("deleteReason", task.getDeleteReason());
			}
			default -> kind = "TASK_" + event.toUpperCase();
		}
		if (records.stepRecording()) {
			append(task.getExecution(), kind, task.getTaskDefinitionKey(), data);
		}
	}

	/** R-REC-2: a FULL step needs a recording linked to case + step, or a written explanation. */
	private void gateAudioVideo(DelegateTask task, String actionKind, Map<String, Object> formData,
			Map<String, Object> data) {
		String requirement = avRequirement(task, actionKind);
		data.put("avActionKind", actionKind);
		data.put("avRequirement", requirement);
		if (!"FULL".equals(requirement)) {
			return;
		}
		String caseNo = caseNo(task.getExecution());
		List<String> recordings = evidence.recordingsOf(caseNo, task.getTaskDefinitionKey());
		if (!recordings.isEmpty()) {
			data.put("avRecordings", recordings);
			return;
		}
		String explanation = text(formData.get(AV_MISSING_EXPLANATION));
		if (explanation == null) {
			throw FormFields.refused(AV_MISSING_EXPLANATION, "“" + task.getName()
					+ "”依音像记录事项清单须全程音像记录：请先上传并关联本环节的音像记录，或填写未能音像记录的书面说明（"
					+ AV_MISSING_EXPLANATION + "）");
		}
		Map<String, Object> missing = new LinkedHashMap<>();
		missing.put("taskId", task.getId());
		missing.put("avActionKind", actionKind);
		missing.put("explanation", explanation);
		append(task.getExecution(), "AV_MISSING_EXPLAINED", task.getTaskDefinitionKey(), missing);
	}

	private static String avRequirement(DelegateTask task, String actionKind) {
		org.camunda.bpm.dmn.engine.DmnDecisionRuleResult result = EngineCommand.withoutAuthorization(
				() -> cn.zhifa.models.ModelVersions.evaluate(task.getProcessEngineServices(), AV_DECISION,
						task.getProcessDefinitionId(), task.getTenantId(),
						Variables.createVariables().putValue("actionKind", actionKind)).getFirstResult());
		return result == null ? null : text(result.getEntry("avRequirement"));
	}

	private void append(DelegateExecution execution, String kind, String activityId, Map<String, Object> data) {
		records.appendStep(caseNo(execution), kind, actor(execution), agency(execution), execution.getProcessInstanceId(),
				activityId, data);
	}

	/** The case: the business key, else {@code caseId}, else the calling process's case, else the instance id. */
	static String caseNo(DelegateExecution execution) {
		String businessKey = text(execution.getProcessBusinessKey());
		if (businessKey != null) {
			return businessKey;
		}
		String caseId = text(execution.getVariable(CaseVariables.CASE_ID));
		if (caseId != null) {
			return caseId;
		}
		DelegateExecution superExecution = execution.getProcessInstance().getSuperExecution();
		return superExecution != null ? caseNo(superExecution) : execution.getProcessInstanceId();
	}

	private static String agency(DelegateExecution execution) {
		String tenant = execution.getTenantId();
		return tenant != null ? tenant : text(execution.getVariable(CaseVariables.AGENCY_CODE));
	}

	private static String actor(DelegateExecution execution) {
		CurrentUser user = Steps.engineUser(execution.getProcessEngineServices().getIdentityService());
		if (user != null) {
			return user.id();
		}
		return RecordService.currentUser();
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}
}

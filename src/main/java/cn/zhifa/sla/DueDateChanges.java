package cn.zhifa.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.record.RecordService;

/**
 * Changing a running deadline by hand (issue 17 §5): only an administrator, only with a reason, and
 * the change — before, after, reason, who — is written to the case's full-process record in the same
 * transaction as the change itself. The engine's own routes for due dates ({@code PUT /task/{id}} with
 * another {@code due}, {@code PUT /job/{id}/duedate}) are refused by {@code EngineRestGuard}: they carry
 * no reason.
 */
@Service
class DueDateChanges {

	/** Record entry kind of a due date changed by hand. */
	public static final String RECORD_KIND = "DUE_DATE_CHANGED";
	static final int MIN_REASON = 5;
	static final int MAX_REASON = 500;

	public enum Source {
		TASK, TIMER
	}

	/** A change made. */
	public record Change(Source source, String id, String caseNo, String step, Instant before, Instant after,
			String reason, String changedBy) {
	}

	private final TaskService tasks;
	private final ManagementService management;
	private final RuntimeService runtime;
	private final DeadlineModels models;
	private final RecordService record;
	private final Clock clock;

	DueDateChanges(TaskService tasks, ManagementService management, RuntimeService runtime, DeadlineModels models,
			RecordService record, Clock clock) {
		this.clock = clock;
		this.tasks = tasks;
		this.management = management;
		this.runtime = runtime;
		this.models = models;
		this.record = record;
	}

	/** Parses the {@code source} field: {@code task} or {@code timer}. */
	static Source source(String value) {
		try {
			return Source.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Problem.invalid("source", "期限来源（source）应为 task（待办的办理期限）或 timer（流程计时器）");
		}
	}

	@Transactional
	public Change change(CurrentUser user, Source source, String id, Instant dueAt, String reason) {
		if (!user.isAdmin()) {
			throw Problem.forbidden("只有系统管理员可以调整期限");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.codePointCount(0, why.length()) < MIN_REASON || why.length() > MAX_REASON) {
			throw Problem.invalid("reason", "调整理由（reason）为必填项，应为 " + MIN_REASON + " 到 " + MAX_REASON + " 个字");
		}
		if (dueAt == null) {
			throw Problem.invalid("dueAt", "新的期限（dueAt）为必填项");
		}
		if (!dueAt.isAfter(clock.instant())) {
			throw Problem.invalid("dueAt", "新的期限（dueAt）应晚于当前时间");
		}
		return source == Source.TASK ? changeTask(user, id, dueAt, why) : changeTimer(user, id, dueAt, why);
	}

	private Change changeTask(CurrentUser user, String id, Instant dueAt, String reason) {
		Task task = tasks.createTaskQuery().taskId(id).singleResult();
		if (task == null || task.getProcessInstanceId() == null) {
			throw Problem.notFound("id", "没有该待办（id）");
		}
		if (task.getDueDate() == null) {
			throw Problem.invalid("id", "该待办没有办理期限，不能调整");
		}
		Instant before = task.getDueDate().toInstant();
		task.setDueDate(Date.from(dueAt));
		tasks.saveTask(task);
		return recorded(new Change(Source.TASK, id, caseNo(task.getProcessInstanceId()), task.getName(), before, dueAt,
				reason, user.id()), task.getTenantId(), task.getProcessInstanceId(), task.getTaskDefinitionKey());
	}

	private Change changeTimer(CurrentUser user, String id, Instant dueAt, String reason) {
		Job job = management.createJobQuery().jobId(id).timers().singleResult();
		if (job == null || job.getProcessInstanceId() == null) {
			throw Problem.notFound("id", "没有该期限计时器（id）");
		}
		String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
			.getActivityId();
		Instant before = job.getDuedate() == null ? null : job.getDuedate().toInstant();
		management.setJobDuedate(id, Date.from(dueAt));
		String step = models.label(job.getProcessDefinitionId(), activity);
		return recorded(new Change(Source.TIMER, id, caseNo(job.getProcessInstanceId()), step == null ? activity : step,
				before, dueAt, reason, user.id()), job.getTenantId(), job.getProcessInstanceId(), activity);
	}

	private Change recorded(Change change, String agency, String processInstanceId, String activityId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("source", change.source().name());
		data.put("id", change.id());
		data.put("step", change.step());
		data.put("before", change.before() == null ? null : change.before().toString());
		data.put("after", change.after().toString());
		data.put("reason", change.reason());
		record.append(change.caseNo(), RECORD_KIND, change.changedBy(), agency, processInstanceId, activityId, data);
		return change;
	}

	private String caseNo(String processInstanceId) {
		Object caseId = runtime.getVariable(processInstanceId, CaseVariables.CASE_ID);
		if (caseId != null) {
			return caseId.toString();
		}
		String businessKey = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getBusinessKey();
		return businessKey != null ? businessKey : processInstanceId;
	}
}

package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base for process scenario tests on the running application: camunda-bpm-assert bound to the
 * application's engine, the engine clock reset after each test, helpers to move time and run
 * due jobs (no sleeping). Each test should use its own business key / agency data so tests
 * sharing one database do not see each other.
 */
public abstract class EngineTestSupport {

	@Autowired
	protected ProcessEngine engine;

	@BeforeEach
	void bindAssertions() {
		BpmnAwareTests.init(engine);
		engine.getIdentityService().clearAuthentication();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		engine.getIdentityService().clearAuthentication();
	}

	/** Sets the engine clock (and so "now" for timers and due dates). */
	protected void clockAt(Date now) {
		ClockUtil.setCurrentTime(now);
	}

	/** Act as {@code user} with their groups and agencies, as Tasklist would: authorization checks apply. */
	protected void as(String user) {
		IdentityService identity = engine.getIdentityService();
		identity.clearAuthentication();
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
			.map(Tenant::getId).toList();
		identity.setAuthentication(user, groups, tenants);
	}

	/** Creates the user {@code id} (password {@code password}) of agency {@code tenant}, a member of {@code groups}. */
	protected void newUser(String id, String password, String tenant, String... groups) {
		IdentityService identity = engine.getIdentityService();
		var user = identity.newUser(id);
		user.setPassword(password);
		identity.saveUser(user);
		for (String group : groups) {
			identity.createMembership(id, group);
		}
		identity.createTenantUserMembership(tenant, id);
	}

	/** Executes every job of the process instance that is due at the current engine time. */
	protected int executeDueJobs(String processInstanceId) {
		// jobs run as the job executor does: without a logged-in user
		engine.getIdentityService().clearAuthentication();
		int executed = 0;
		for (Job job : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
			.executable().list()) {
			engine.getManagementService().executeJob(job.getId());
			executed++;
		}
		return executed;
	}

	/**
	 * Moves the engine clock to {@code notYet}, where no job of the instance may be due, then to {@code due}, where
	 * exactly one must be (a timer firing at its moment, not before); both given as ISO text with their offset.
	 */
	protected void assertOneJobRunsAt(ProcessInstance pi, String notYet, String due) {
		clockAt(moment(notYet));
		assertThat(executeDueJobs(pi.getId())).as("jobs due at %s", notYet).isZero();
		clockAt(moment(due));
		assertThat(executeDueJobs(pi.getId())).as("jobs due at %s", due).isEqualTo(1);
	}

	// --- steps of a scenario as its users take them (names distinct from the helpers of older tests)

	/** Starts {@code processKey} as {@code user} (authorization checks apply) and returns the instance as it is now. */
	protected ProcessInstance startProcessAs(String user, String processKey, Map<String, Object> variables) {
		as(user);
		try {
			ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
			engine.getIdentityService().clearAuthentication();
			ProcessInstance now = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
				.singleResult();
			return now != null ? now : pi;
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	/** Completes the open task {@code taskKey} of the instance as {@code user} with (a copy of) the form's variables. */
	protected void completeTaskAs(String user, ProcessInstance pi, String taskKey, Map<String, Object> variables) {
		Task task = openTask(pi, taskKey);
		if (task == null) {
			throw new AssertionError("no open task " + taskKey + " in " + pi.getId());
		}
		as(user);
		try {
			engine.getTaskService().complete(task.getId(), new HashMap<>(variables));
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	/** The one open task of the instance (whoever may see it), or null. */
	protected Task openTask(ProcessInstance pi) {
		engine.getIdentityService().clearAuthentication();
		return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
	}

	/** The open task {@code taskKey} of the instance (whoever may see it), or null. */
	protected Task openTask(ProcessInstance pi, String taskKey) {
		engine.getIdentityService().clearAuthentication();
		return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
			.singleResult();
	}

	/** A process-level variable of the instance from the history (works after it ended), or null. */
	protected Object variableOf(ProcessInstance pi, String name) {
		var all = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
			.variableName(name).list();
		return all.stream().filter(v -> pi.getId().equals(v.getExecutionId())).findFirst()
			.or(() -> all.stream().findFirst()).map(v -> v.getValue()).orElse(null);
	}

	/** The one variable {@code name} in the instance's history (fails when there is none or several). */
	protected Object historicVariable(ProcessInstance pi, String name) {
		return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
			.variableName(name).singleResult().getValue();
	}

	/** The due date of the one job (a timer) waiting at {@code activityId} in the instance. */
	protected Date timerDue(ProcessInstance pi, String activityId) {
		return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
			.singleResult().getDuedate();
	}

	/** A moment given as ISO text with its offset, e.g. {@code 2026-11-02T09:00:00+08:00}. */
	protected static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.zhifa.platform.form.EngineErrorMessages;
import cn.zhifa.support.Fixtures;

/**
 * ADR-0065 on an engine of its own: a form submission the REST guard let through ({@link TaskFormSubmissions#expect})
 * is checked by the guard's rules inside the engine's command for it, before the engine applies anything; the
 * expectation is used once, and a submission from Java inside the application is not checked.
 */
class TaskFormSubmissionsTest {

	private static ProcessEngine engine;

	@BeforeAll
	static void buildEngine() {
		StandaloneInMemProcessEngineConfiguration config = InMemoryEngines.withoutHistory("task-form-submissions");
		config.setCustomPostCommandInterceptorsTxRequired(
				new ArrayList<CommandInterceptor>(List.of(new TaskFormSubmissions(new EngineVariableRules()))));
		engine = config.buildProcessEngine();
		engine.getRepositoryService().createDeployment().addString("work.bpmn", Fixtures.process("work", """
				<bpmn:startEvent id="startEvent_s" />
				<bpmn:sequenceFlow id="flow_1" sourceRef="startEvent_s" targetRef="userTask_work" />
				<bpmn:userTask id="userTask_work" />
				<bpmn:sequenceFlow id="flow_2" sourceRef="userTask_work" targetRef="endEvent_e" />
				<bpmn:endEvent id="endEvent_e" />
				""")).deploy();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@AfterEach
	void clear() {
		TaskFormSubmissions.clear();
	}

	@Test
	void aSubmissionThroughTheGuardIsCheckedInsideTheEnginesCommandBeforeAnythingIsApplied() {
		String pi = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();

		TaskFormSubmissions.expect(task.getId(), List.of("note", CaseVariables.CASE_ID));
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("note", "已核实", CaseVariables.CASE_ID, "区市监罚〔2026〕3号")))
			.isInstanceOfSatisfying(AuthorizationException.class, refused -> {
				assertThat(refused.getCode()).isEqualTo(EngineErrorMessages.SYSTEM_OWNED_CODE);
				assertThat(refused.getMessage()).startsWith(CaseVariables.CASE_ID + ": ").contains("由系统设置");
			});
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
		assertThat(engine.getRuntimeService().getVariables(pi)).as("nothing applied").isEmpty();

		// the expectation was the request's one submission: the application's own submission is not the guard's
		engine.getFormService().submitTaskForm(task.getId(), Map.of(CaseVariables.CASE_ID, "寥街罚〔2026〕1号"));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
	}

	@Test
	void variablesNoRuleOwnsPassAndAClearedExpectationChecksNothing() {
		String first = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(first).singleResult();
		TaskFormSubmissions.expect(task.getId(), List.of("note"));
		engine.getFormService().submitTaskForm(task.getId(), Map.of("note", "已核实"));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(first).count()).isZero();

		String second = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
		Task next = engine.getTaskService().createTaskQuery().processInstanceId(second).singleResult();
		TaskFormSubmissions.expect(next.getId(), List.of(CaseVariables.CASE_ID));
		TaskFormSubmissions.clear(); // the guard's request ended without the engine's command
		engine.getFormService().submitTaskForm(next.getId(), Map.of(CaseVariables.CASE_ID, "寥街罚〔2026〕2号"));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(second).count()).isZero();
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.Fixtures;

/**
 * ADR-0064 on an engine of its own with full history: a service task's inputs are read by its delegate and its output
 * mapping as before, and neither stored nor written to history; a value that is not of a primitive type, a step
 * continued asynchronously after it and a user task keep their inputs stored, as the engine makes them.
 */
class TransientStepInputsTest {

	private static ProcessEngine engine;

	/** What the delegate saw of its inputs, by step. */
	private final Map<String, Map<String, Object>> seen = new HashMap<>();

	@BeforeAll
	static void buildEngine() {
		StandaloneInMemProcessEngineConfiguration config = InMemoryEngines.withHistory("transient-step-inputs",
				ProcessEngineConfiguration.HISTORY_FULL);
		config.setExpressionManager(new MockExpressionManager());
		config.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(new TransientStepInputs())));
		engine = config.buildProcessEngine();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void aServiceTasksPrimitiveInputsAreReadButNeitherStoredNorInHistory() {
		ProcessInstance instance = run("""
				<bpmn:serviceTask id="serviceTask_generate" camunda:expression="${step.run(execution)}">
				  <bpmn:extensionElements>
				    <camunda:inputOutput>
				      <camunda:inputParameter name="documentKind">PENALTY_DECISION</camunda:inputParameter>
				      <camunda:inputParameter name="copies">${2}</camunda:inputParameter>
				      <camunda:inputParameter name="urgent">${true}</camunda:inputParameter>
				      <camunda:inputParameter name="nothing">${null}</camunda:inputParameter>
				      <camunda:inputParameter name="recipients">
				        <camunda:list><camunda:value>party</camunda:value></camunda:list>
				      </camunda:inputParameter>
				      <camunda:outputParameter name="generatedKind">${documentKind}</camunda:outputParameter>
				    </camunda:inputOutput>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				""", false);

		assertThat(seen.get("serviceTask_generate")).containsEntry("documentKind", "PENALTY_DECISION")
			.containsEntry("copies", 2L).containsEntry("urgent", true).containsEntry("nothing", null)
			.containsEntry("recipients", List.of("party"));
		assertThat(historyNames(instance)).as("the output mapping read the transient input")
			.contains("generatedKind", "recipients")
			.doesNotContain("documentKind", "copies", "urgent", "nothing");
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("generatedKind").singleResult().getValue()).isEqualTo("PENALTY_DECISION");
	}

	@Test
	void aStepContinuedAsynchronouslyAfterItKeepsItsInputsStored() {
		ProcessInstance instance = run("""
				<bpmn:serviceTask id="serviceTask_generate" camunda:asyncAfter="true" camunda:expression="${step.run(execution)}">
				  <bpmn:extensionElements>
				    <camunda:inputOutput>
				      <camunda:inputParameter name="documentKind">PENALTY_DECISION</camunda:inputParameter>
				    </camunda:inputOutput>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				""", false);

		assertThat(seen.get("serviceTask_generate")).containsEntry("documentKind", "PENALTY_DECISION");
		assertThat(historyNames(instance)).contains("documentKind");
	}

	@Test
	void aUserTasksInputsStayStoredUntilTheTaskIsDone() {
		ProcessInstance instance = run("""
				<bpmn:serviceTask id="serviceTask_generate" camunda:expression="${step.run(execution)}" />
				""", true);

		var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(engine.getRuntimeService().getVariableLocal(task.getExecutionId(), "instruction")).isEqualTo("请核对");
		assertThat(historyNames(instance)).contains("instruction");
		engine.getTaskService().complete(task.getId());
	}

	/** Deploys a process of the given step (and, if asked, a user task with an input after it) and starts it. */
	private ProcessInstance run(String step, boolean userTask) {
		Mocks.register("step", new Step());
		String waiting = userTask ? """
				<bpmn:userTask id="userTask_check">
				  <bpmn:extensionElements>
				    <camunda:inputOutput><camunda:inputParameter name="instruction">请核对</camunda:inputParameter></camunda:inputOutput>
				  </bpmn:extensionElements>
				</bpmn:userTask>
				""" : "<bpmn:intermediateThrowEvent id=\"userTask_check\" />";
		String bpmn = Fixtures.process("inputs", """
				<bpmn:startEvent id="startEvent_s" />
				<bpmn:sequenceFlow id="flow_1" sourceRef="startEvent_s" targetRef="serviceTask_generate" />
				%s
				<bpmn:sequenceFlow id="flow_2" sourceRef="serviceTask_generate" targetRef="userTask_check" />
				%s
				<bpmn:sequenceFlow id="flow_3" sourceRef="userTask_check" targetRef="endEvent_e" />
				<bpmn:endEvent id="endEvent_e" />
				""".formatted(step, waiting));
		engine.getRepositoryService().createDeployment().addString("inputs.bpmn", bpmn).deploy();
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("inputs");
		engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()
			.forEach(job -> engine.getManagementService().executeJob(job.getId()));
		return instance;
	}

	private List<String> historyNames(ProcessInstance instance) {
		return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
			.stream().map(HistoricVariableInstance::getName).toList();
	}

	/** The service task's stand-in: notes the inputs it reads. */
	public class Step {
		public void run(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
			Map<String, Object> inputs = new HashMap<>();
			for (String name : List.of("documentKind", "copies", "urgent", "nothing", "recipients")) {
				if (execution.hasVariableLocal(name)) {
					inputs.put(name, execution.getVariableLocal(name));
				}
			}
			seen.put(execution.getCurrentActivityId(), inputs);
		}
	}
}

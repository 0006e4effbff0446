package cn.zhifa.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Engine-only tests of a model's paths (issue 20 §4): the BPMN file from {@code processes/} on an in-memory engine
 * (H2, history full, no job executor), without Spring, services or database of ours. Every bean the model names
 * (delegates, task checks, {@code deadlines}) is a stand-in the test registers by that name ({@link #bean}); an
 * unregistered name fails the test, so each test shows what the path needs. A delegate stand-in is recorded
 * ({@link #calls()}) and may set variables; the services behind the real beans have their own tests, the
 * whole-application scenarios ({@code *ProcessTests}) run both together.
 * <p>
 * One engine per test JVM; each test deploys its model afresh and the deployments are removed after it.
 */
public abstract class ModelPathTestSupport {

	private static ProcessEngine shared;

	protected ProcessEngine engine;
	private final List<String> calls = new ArrayList<>();
	private final List<String> deployments = new ArrayList<>();

	protected static synchronized ProcessEngine engine() {
		if (shared == null) {
			StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
			config.setJdbcUrl("jdbc:h2:mem:model-paths;DB_CLOSE_DELAY=-1");
			config.setProcessEngineName("model-paths");
			config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
			config.setJobExecutorActivate(false);
			config.setExpressionManager(new MockExpressionManager());
			config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
			shared = config.buildProcessEngine();
		}
		return shared;
	}

	@BeforeEach
	void startEngine() {
		engine = engine();
		BpmnAwareTests.init(engine);
	}

	@AfterEach
	void cleanUp() {
		Mocks.reset();
		ClockUtil.reset();
		for (String id : deployments) {
			engine.getRepositoryService().deleteDeployment(id, true);
		}
	}

	/** Deploys {@code processes/<file>} as it is in the repository. */
	protected void deploy(String file) throws Exception {
		deployTogether(file, List.of(), List.of());
	}

	/**
	 * Deploys {@code processes/<file>} in one deployment with the decision tables {@code dmn/<decision>.dmn} and, for each
	 * key in {@code calledStandIns}, a stand-in process of that key (one task, {@code userTask_standIn}, that the test
	 * completes): for a model that binds its decisions or called processes to its own deployment.
	 */
	protected void deployTogether(String file, List<String> decisions, List<String> calledStandIns) throws Exception {
		var deployment = engine.getRepositoryService().createDeployment().name("model-path-test")
			.addString(file, Files.readString(Path.of("processes", file)));
		for (String decision : decisions) {
			deployment.addString(decision + ".dmn", Files.readString(Path.of("dmn", decision + ".dmn")));
		}
		for (String key : calledStandIns) {
			deployment.addString(key + ".bpmn", CALLED_STAND_IN.formatted(key));
		}
		deployments.add(deployment.deploy().getId());
	}

	/** A called process's stand-in: one task the test completes with the outcome the caller maps back. */
	private static final String CALLED_STAND_IN = """
		<?xml version="1.0" encoding="UTF-8"?>
		<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
		    targetNamespace="http://zhifa.cn/test" id="definitions_%1$s">
		  <process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
		    <startEvent id="start"/>
		    <sequenceFlow id="f1" sourceRef="start" targetRef="userTask_standIn"/>
		    <userTask id="userTask_standIn"/>
		    <sequenceFlow id="f2" sourceRef="userTask_standIn" targetRef="end"/>
		    <endEvent id="end"/>
		  </process>
		</definitions>
		""";

	/** Registers {@code value} under the bean name the model uses. */
	protected static void bean(String name, Object value) {
		Mocks.register(name, value);
	}

	/** A delegate stand-in named {@code name}: recorded when called, then sets {@code variables}. */
	protected void delegate(String name, Map<String, Object> variables) {
		bean(name, (JavaDelegate) execution -> {
			calls.add(name);
			execution.setVariables(variables);
		});
	}

	/** A delegate stand-in that only records its call. */
	protected void delegate(String name) {
		delegate(name, Map.of());
	}

	/** A task-check stand-in: records the task's event ({@code name:event:taskDefinitionKey}). */
	protected void taskChecks(String name) {
		bean(name, (TaskListener) task -> calls.add(name + ":" + task.getEventName() + ":" + task.getTaskDefinitionKey()));
	}

	/** The stand-ins called so far, in order. */
	protected List<String> calls() {
		return List.copyOf(calls);
	}

	protected ProcessInstance start(String key, String businessKey, Map<String, Object> variables) {
		return engine.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables);
	}
}

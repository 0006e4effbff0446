package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ModelParseExtensionsForTests;

/**
 * Engine-only tests of a model's paths (issue 20 §4): the BPMN file from {@code processes/} on an in-memory engine
 * (H2, history full, no job executor), without Spring, services or database of ours. Every bean the model names
 * (delegates, task checks, {@code deadlines}) is a stand-in the test registers by that name ({@link #bean}); an
 * unregistered name fails the test, so each test shows what the path needs. A delegate stand-in is recorded
 * ({@link #calls()}) and may set variables; the services behind the real beans have their own tests, the
 * whole-application scenarios ({@code *ProcessTests}) run both together. A test class may install an application's
 * model parse extensions (ADR-0039) for the models it deploys ({@link #parseExtensions}), e.g. the period-suspension
 * plugin with what it needs ({@code PeriodSuspensionFixtures}).
 * <p>
 * One engine per test JVM. A model is deployed once per test class (the first test's {@link #deployTogether} deploys
 * it, the others find it deployed) and removed after the class; what a test starts is removed after that test (its
 * process instances, running and in history, with their tasks, jobs and variables), so each test starts from an
 * engine holding only the class's definitions. A model with a timer start event is the exception: its start timer
 * belongs to the deployment and a test fires it, so such a model is deployed afresh for each test and removed after it.
 */
public abstract class ModelPathTestSupport {

	/** The stand-in for the working-day calendar's reminders: working days are counted as calendar days. */
	public static final class CalendarDayReminders {
		public Date workdaysBefore(Object date, int days) {
			return Date.from(((Date) date).toInstant().minus(days, ChronoUnit.DAYS));
		}
	}


	private static ProcessEngine shared;

	/** The model parse extensions (ADR-0039) applied to the models deployed now: none, unless a test class installs some. */
	private static volatile List<ModelParseExtension> parseExtensions = List.of();

	/** Per test class: the deployments kept for its tests, by what they hold ({@link #deployTogether}'s arguments). */
	private static final Map<Class<?>, Map<String, ClassDeployment>> classDeployments = new ConcurrentHashMap<>();

	/** A deployment kept for the tests of a class, with its process definitions. */
	private record ClassDeployment(String id, List<String> processDefinitionIds) {
	}

	protected ProcessEngine engine;
	private final List<String> calls = new ArrayList<>();
	/** deployments of this test only (models with a start timer) */
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
			config.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(ModelParseExtensionsForTests.listener(() -> parseExtensions))));
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
		// the stand-ins stay registered while the instances are removed: a built-in listener of a parse extension runs
		// then too (e.g. the period-suspension plugin re-dating the timers of a step that ends)
		for (String id : deployments) {
			engine.getRepositoryService().deleteDeployment(id, true);
		}
		for (ClassDeployment deployment : classDeployments.getOrDefault(getClass(), Map.of()).values()) {
			removeInstances(deployment);
		}
		Mocks.reset();
		ClockUtil.reset();
	}

	/**
	 * The model parse extensions (ADR-0039) of the application the engine applies to the models this test class
	 * deploys afterwards (e.g. the period-suspension plugin, which needs the engine's services): call before
	 * {@link #deployTogether}; they are removed after the class.
	 */
	protected static void parseExtensions(ModelParseExtension... extensions) {
		parseExtensions = List.of(extensions);
	}

	@AfterAll
	static void removeClassDeployments(TestInfo testClass) {
		parseExtensions = List.of();
		Map<String, ClassDeployment> kept = classDeployments.remove(testClass.getTestClass().orElseThrow());
		if (kept != null) {
			kept.values().forEach(d -> engine().getRepositoryService().deleteDeployment(d.id(), true));
		}
	}

	/** What the test started from the class's deployment: its process instances, running and in history. */
	private void removeInstances(ClassDeployment deployment) {
		for (String definition : deployment.processDefinitionIds()) {
			List<String> running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition)
				.list().stream().map(Execution::getId).toList();
			if (!running.isEmpty()) {
				engine.getRuntimeService().deleteProcessInstancesIfExists(running, "test over", true, true, false);
			}
		}
		for (String definition : deployment.processDefinitionIds()) {
			List<String> history = engine.getHistoryService().createHistoricProcessInstanceQuery()
				.processDefinitionId(definition).list().stream().map(h -> h.getId()).toList();
			if (!history.isEmpty()) {
				engine.getHistoryService().deleteHistoricProcessInstancesIfExists(history);
			}
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
		String contents = file + " " + decisions + " " + calledStandIns;
		Map<String, ClassDeployment> kept = classDeployments.computeIfAbsent(getClass(), c -> new LinkedHashMap<>());
		if (kept.containsKey(contents)) {
			return;
		}
		var deployment = engine.getRepositoryService().createDeployment().name("model-path-test")
			.addString(file, Files.readString(Path.of("processes", file)));
		for (String decision : decisions) {
			deployment.addString(decision + ".dmn", Files.readString(Path.of("dmn", decision + ".dmn")));
		}
		for (String key : calledStandIns) {
			deployment.addString(key + ".bpmn", CALLED_STAND_IN.formatted(key));
		}
		String id = deployment.deploy().getId();
		List<String> definitions = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).list()
			.stream().map(ProcessDefinition::getId).toList();
		boolean startTimer = definitions.stream().anyMatch(definition -> engine.getManagementService().createJobQuery()
			.processDefinitionId(definition).list().stream().anyMatch(job -> job.getProcessInstanceId() == null));
		if (startTimer) {
			deployments.add(id);
		}
		else {
			kept.put(contents, new ClassDeployment(id, definitions));
		}
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

	/**
	 * A delegate stand-in that records its call and keeps what the model gives it there: per call, the input parameters
	 * of the service task (its local variables), in order.
	 */
	protected List<Map<String, Object>> delegateGiven(String name) {
		List<Map<String, Object>> given = new ArrayList<>();
		bean(name, (JavaDelegate) execution -> {
			calls.add(name);
			given.add(new LinkedHashMap<>(execution.getVariablesLocal()));
		});
		return given;
	}

	/**
	 * A stand-in bean {@code name} that keeps in {@code kept} the local variables {@code names} of its latest call (each
	 * must be set).
	 */
	protected static void keepingLocals(String name, Map<String, Object> kept, String... names) {
		bean(name, (JavaDelegate) execution -> {
			Map<String, Object> given = new LinkedHashMap<>();
			for (String n : names) {
				given.put(n, execution.getVariableLocal(n));
			}
			kept.putAll(Map.copyOf(given));
		});
	}

	/** The {@code slaBreach} stand-in: keeps in {@code breach} the activity, due date and groups it was called with. */
	protected static void slaBreachInto(Map<String, Object> breach) {
		keepingLocals("slaBreach", breach, "slaActivity", "slaDueAt", "notifyGroups");
	}

	/** The {@code generateDocument} stand-in: keeps in {@code document} the kind and the variable it was called with. */
	protected static void generateDocumentInto(Map<String, Object> document) {
		keepingLocals("generateDocument", document, "documentKind", "documentVariable");
	}

	/**
	 * An SLA breach: the timer {@code timer} of {@code instance} is due at {@code due}; fired, the instance passes
	 * {@code recordedBy} (the service task and the end event of the breach), still waits at {@code activity}, and the
	 * {@code slaBreach} stand-in ({@link #slaBreachInto}) was given {@code activity}, {@code due} and {@code notifyGroups}.
	 */
	protected static void assertBreachRecorded(ProcessInstance instance, String timer, Date due, Map<String, Object> breach,
			String activity, String notifyGroups, String... recordedBy) {
		assertThat(job(timer, instance)).hasDueDate(due);

		execute(job(timer, instance));

		assertThat(instance).hasPassed(recordedBy).isWaitingAt(activity);
		assertThat(breach).containsEntry("slaActivity", activity).containsEntry("slaDueAt", due)
			.containsEntry("notifyGroups", notifyGroups);
	}

	/**
	 * The SLA timers of {@code instance}: the warning ({@code warningTimer}) is due two days before {@code due}, the
	 * breach ({@code breachTimer}) at {@code due}; both are fired, the warning first.
	 */
	protected static void fireWarningAndBreach(ProcessInstance instance, String warningTimer, String breachTimer,
			Instant due) {
		assertThat(job(warningTimer, instance)).hasDueDate(Date.from(due.minus(2, ChronoUnit.DAYS)));
		assertThat(job(breachTimer, instance)).hasDueDate(Date.from(due));

		execute(job(warningTimer, instance));
		execute(job(breachTimer, instance));
	}

	/** A task-check stand-in: records the task's event ({@code name:event:taskDefinitionKey}). */
	protected void taskChecks(String name) {
		bean(name, (TaskListener) task -> calls.add(name + ":" + task.getEventName() + ":" + task.getTaskDefinitionKey()));
	}

	/** The stand-ins called so far, in order. */
	protected List<String> calls() {
		return List.copyOf(calls);
	}

	/**
	 * The path of a yearly schedule ({@code <key>.bpmn}, a timer start event on the first day of {@code month} at 01:00,
	 * server time, then one service task {@code serviceTask_startAll} calling {@code delegate}): deployed on 15 June
	 * 2026, its timer is due on the first such day after it; when it fires, one run completes through
	 * {@code startEventId}, the task and {@code endEvent_started}, calls the delegate once, and the timer waits for the
	 * same day a year later.
	 */
	protected void assertYearlySchedule(String key, String delegate, int month, String startEventId) throws Exception {
		ZoneId server = ZoneId.systemDefault();
		IntFunction<Date> day = year -> Date.from(LocalDateTime.of(year, month, 1, 1, 0).atZone(server).toInstant());
		Supplier<Job> timer = () -> engine.getManagementService().createJobQuery().processDefinitionKey(key).singleResult();
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 6, 15, 12, 0).atZone(server).toInstant()));
		deploy(key + ".bpmn");
		delegate(delegate);
		int first = month > 6 ? 2026 : 2027;

		assertThat(timer.get().getDuedate()).isEqualTo(day.apply(first));
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();

		ClockUtil.setCurrentTime(day.apply(first));
		execute(timer.get());

		HistoricProcessInstance run = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey(key).singleResult();
		assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
			.orderPartiallyByOccurrence().asc().list()).extracting(HistoricActivityInstance::getActivityId)
			.containsExactly(startEventId, "serviceTask_startAll", "endEvent_started");
		assertThat(calls()).containsExactly(delegate);
		assertThat(timer.get().getDuedate()).isEqualTo(day.apply(first + 1));
	}

	protected ProcessInstance start(String key, String businessKey, Map<String, Object> variables) {
		return engine.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables);
	}
}

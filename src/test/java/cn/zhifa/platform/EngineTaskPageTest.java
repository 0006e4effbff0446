package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR-0050: the task page statement of {@link EngineTaskPage} returns what the engine's own statement returns — the
 * same tasks in the same order, each once, for candidate queries that match a task through two of the user's groups,
 * with paging, or-queries, authorization checks and orderings by a variable (which keep the engine's statement). Each
 * query runs with the mapping and again without it on one engine.
 */
class EngineTaskPageTest {

	private static ProcessEngine engine;
	private static Map<String, String> zhifaMappings;
	private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	@BeforeAll
	static void engineWithTasks() {
		StandaloneInMemProcessEngineConfiguration config = InMemoryEngines.withoutHistory("engine-task-page");
		config.setProcessEnginePlugins(new ArrayList<ProcessEnginePlugin>(List.of(new EngineTaskPage())));
		engine = config.buildProcessEngine();
		zhifaMappings = config.getDbSqlSessionFactory().getStatementMappings();

		engine.getRepositoryService().createDeployment()
			.addModelInstance("page.bpmn", Bpmn.createExecutableProcess("page").startEvent()
				.userTask("work").camundaCandidateGroups("${groups}").camundaDueDate("${due}").endEvent().done())
			.deploy();
		// due dates in a different order from creation; some tasks share a due date; one has none
		int[] dueInDays = { 5, 1, 3, 1, -1, 8, 3, 2, 1, 4 };
		String[] groups = { "officer,reviewer", "officer", "reviewer", "head", "officer,reviewer", "officer",
				"officer,head", "reviewer,officer", "officer", "head" };
		for (int i = 0; i < dueInDays.length; i++) {
			Date due = dueInDays[i] < 0 ? null : Date.from(NOW.plus(dueInDays[i], ChronoUnit.DAYS));
			HashMap<String, Object> vars = new HashMap<>();
			vars.put("groups", groups[i]);
			vars.put("due", due);
			vars.put("rank", (i * 7) % 10);
			engine.getRuntimeService().startProcessInstanceByKey("page", "case-" + i, vars);
		}
		engine.getTaskService().setAssignee(taskOf("case-0"), "officer1");
		engine.getTaskService().setAssignee(taskOf("case-3"), "officer2");
		engine.getTaskService().setPriority(taskOf("case-6"), 80);
		// officers and reviewers read every task and definition (as an agency's grants do); the others nothing
		for (Resources resource : List.of(Resources.TASK, Resources.PROCESS_DEFINITION)) {
			for (String group : List.of("officer", "reviewer")) {
				Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(group);
				grant.setResource(resource);
				grant.setResourceId("*");
				grant.addPermission(Permissions.READ);
				engine.getAuthorizationService().saveAuthorization(grant);
			}
		}
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void theEngineUsesTheTaskPageStatement() {
		assertThat(zhifaMappings).containsEntry(EngineTaskPage.ENGINE_STATEMENT, EngineTaskPage.STATEMENT);
	}

	@Test
	void aTaskOfTwoOfTheUsersGroupsIsListedOnce() {
		List<Task> tasks = bothWays(() -> engine.getTaskService().createTaskQuery()
			.taskCandidateGroupIn(List.of("officer", "reviewer")).includeAssignedTasks().orderByDueDate().asc()
			.orderByProcessInstanceId().asc().list());
		assertThat(tasks).hasSize(8).extracting(Task::getId).doesNotHaveDuplicates();
		assertThat(tasks).extracting(Task::getDueDate).filteredOn(d -> d != null).isSorted();
	}

	@Test
	void pagesOfACandidateListAreTheEnginesPages() {
		for (int first = 0; first < 10; first += 3) {
			int from = first;
			List<Task> page = bothWays(() -> engine.getTaskService().createTaskQuery()
				.taskCandidateGroupIn(List.of("officer", "reviewer", "head")).includeAssignedTasks()
				.orderByDueDate().asc().orderByTaskPriority().desc().orderByProcessInstanceId().asc().listPage(from, 3));
			assertThat(page).hasSizeLessThanOrEqualTo(3);
		}
		List<Task> unassigned = bothWays(() -> engine.getTaskService().createTaskQuery()
			.taskCandidateGroupIn(List.of("officer", "reviewer")).orderByDueDate().desc().orderByProcessInstanceId().asc()
			.listPage(1, 4));
		assertThat(unassigned).hasSize(4).allSatisfy(t -> assertThat(t.getAssignee()).isNull());
	}

	@Test
	void orQueriesAndAuthorizationChecksAreTheEngines() {
		List<Task> dueSoon = bothWays(() -> engine.getTaskService().createTaskQuery().or()
			.dueBefore(Date.from(NOW.plus(2, ChronoUnit.DAYS))).taskMinPriority(80).endOr()
			.orderByDueDate().asc().orderByProcessInstanceId().asc().list());
		assertThat(dueSoon).hasSize(4);

		engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
		engine.getIdentityService().setAuthentication("officer9", List.of("officer"));
		try {
			List<Task> readable = bothWays(() -> engine.getTaskService().createTaskQuery()
				.taskCandidateGroupIn(List.of("officer")).includeAssignedTasks().processDefinitionKey("page")
				.orderByDueDate().asc().orderByProcessInstanceId().asc().listPage(0, 5));
			assertThat(readable).hasSize(5);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
			engine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
		}
	}

	@Test
	void orderingsByAVariableOrANameKeepTheEnginesStatement() {
		List<Task> byVariable = bothWays(() -> engine.getTaskService().createTaskQuery()
			.taskCandidateGroupIn(List.of("officer", "reviewer")).includeAssignedTasks()
			.orderByProcessVariable("rank", ValueType.INTEGER).asc().listPage(0, 5));
		assertThat(byVariable).hasSize(5);
		List<Task> byName = bothWays(() -> engine.getTaskService().createTaskQuery().taskNameLike("%")
			.taskCandidateGroupIn(List.of("head")).orderByTaskNameCaseInsensitive().asc().orderByProcessInstanceId().asc()
			.list());
		assertThat(byName).hasSize(2);
	}

	@Test
	void countsAreTheEnginesAndATaskOfTwoGroupsCountsOnce() {
		assertThat(zhifaMappings).containsEntry(EngineTaskPage.ENGINE_COUNT_STATEMENT, EngineTaskPage.COUNT_STATEMENT);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery())).isEqualTo(10);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery().taskAssignee("officer1"))).isEqualTo(1);
		// the identity-link join matches four tasks twice
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery()
			.taskCandidateGroupIn(List.of("officer", "reviewer", "head")).includeAssignedTasks())).isEqualTo(10);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery()
			.taskCandidateGroupIn(List.of("officer", "reviewer")))).isEqualTo(7);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery().withCandidateGroups())).isEqualTo(8);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery().taskInvolvedUser("officer1")))
			.isEqualTo(1);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery().or()
			.taskCandidateGroup("officer").taskAssignee("officer2").endOr())).isEqualTo(7);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery().or()
			.dueBefore(Date.from(NOW.plus(2, ChronoUnit.DAYS))).taskMinPriority(80).endOr())).isEqualTo(4);
		assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery()
			.taskCandidateGroupIn(List.of("officer", "reviewer")).includeAssignedTasks()
			.orderByProcessVariable("rank", ValueType.INTEGER).asc())).isEqualTo(8);

		engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
		engine.getIdentityService().setAuthentication("officer9", List.of("officer", "reviewer"));
		try {
			// two grants of the user's groups match every task: the authorization join doubles each row
			assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery())).isEqualTo(10);
			assertThat(countedBothWays(() -> engine.getTaskService().createTaskQuery().taskAssignee("officer1")))
				.isEqualTo(1);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
			engine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
		}
	}

	private static String taskOf(String businessKey) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
	}

	/** Runs the query with Zhifa's statement and with the engine's; both must list the same tasks in the same order. */
	private static List<Task> bothWays(Supplier<List<Task>> query) {
		DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDbSqlSessionFactory();
		List<Task> zhifa;
		List<Task> engines;
		try {
			sessions.setStatementMappings(zhifaMappings);
			zhifa = query.get();
			sessions.setStatementMappings(enginesMappings());
			engines = query.get();
		}
		finally {
			sessions.setStatementMappings(zhifaMappings);
		}
		assertThat(zhifa).extracting(Task::getId).as("Zhifa's page against the engine's")
			.containsExactlyElementsOf(engines.stream().map(Task::getId).toList());
		return zhifa;
	}

	/** Counts with Zhifa's statement and with the engine's; both must give the same number. */
	private static long countedBothWays(Supplier<TaskQuery> query) {
		DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDbSqlSessionFactory();
		long zhifa;
		long engines;
		try {
			sessions.setStatementMappings(zhifaMappings);
			zhifa = query.get().count();
			sessions.setStatementMappings(enginesMappings());
			engines = query.get().count();
		}
		finally {
			sessions.setStatementMappings(zhifaMappings);
		}
		assertThat(zhifa).as("Zhifa's count against the engine's").isEqualTo(engines);
		return zhifa;
	}

	private static Map<String, String> enginesMappings() {
		Map<String, String> without = new HashMap<>(zhifaMappings);
		without.remove(EngineTaskPage.ENGINE_STATEMENT);
		without.remove(EngineTaskPage.ENGINE_COUNT_STATEMENT);
		return without;
	}
}

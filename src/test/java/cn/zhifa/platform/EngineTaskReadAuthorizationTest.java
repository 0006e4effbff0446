package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR-0051: a task query of a user who may read every task runs without Camunda's per-row authorization join, and
 * lists and counts exactly what Camunda's own check lists and counts — for staff with READ_TASK on all definitions,
 * for a user with READ on all tasks, for a user who may read the tasks of one process only, for a user with no
 * grant, across two agencies (tenants), and with a revoking authorization in the table. Each query runs with this
 * manager and again with Camunda's own on one engine.
 */
class EngineTaskReadAuthorizationTest {

	private static ProcessEngine engine;
	private static ProcessEngineConfigurationImpl config;

	@BeforeAll
	static void engineWithTasksOfTwoAgencies() {
		StandaloneInMemProcessEngineConfiguration standalone = InMemoryEngines.withoutHistory("engine-task-read");
		standalone.setCustomSessionFactories(new ArrayList<SessionFactory>(List.of(new EngineTaskReadAuthorization.Factory())));
		engine = standalone.buildProcessEngine();
		config = standalone;

		for (String tenant : List.of("AGENCY-A", "AGENCY-B")) {
			engine.getRepositoryService().createDeployment().tenantId(tenant)
				.addModelInstance("case.bpmn", Bpmn.createExecutableProcess("case").startEvent()
					.userTask("work").camundaCandidateGroups("officer").endEvent().done())
				.addModelInstance("review.bpmn", Bpmn.createExecutableProcess("review").startEvent()
					.userTask("reviewWork").camundaCandidateGroups("reviewer,officer").endEvent().done())
				.deploy();
			for (int i = 0; i < 3; i++) {
				engine.getRuntimeService().createProcessInstanceByKey("case").processDefinitionTenantId(tenant).execute();
			}
			for (int i = 0; i < 2; i++) {
				engine.getRuntimeService().createProcessInstanceByKey("review").processDefinitionTenantId(tenant).execute();
			}
		}
		// a task without a process (no definition key to match) is read through the grants on all tasks only
		Task standalone1 = engine.getTaskService().newTask("standalone-1");
		standalone1.setTenantId("AGENCY-A");
		engine.getTaskService().saveTask(standalone1);

		grant("officer", null, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK);
		grant(null, "auxiliary1", Resources.TASK, "*", Permissions.READ);
		grant(null, "bureau1", Resources.PROCESS_DEFINITION, "review", ProcessDefinitionPermissions.READ_TASK);
		config.setAuthorizationEnabled(true);
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void staffReadTheirAgencysTasksWithoutTheJoin() {
		assertThat(joinLeftOut("officer1", List.of("officer"))).isTrue();
		List<Task> tasks = as("officer1", List.of("officer"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery()));
		// Camunda's '*' grant on the definitions covers the task without a process as well
		assertThat(tasks).hasSize(6).allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo("AGENCY-A"));
		List<Task> candidates = as("officer1", List.of("officer"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of("officer", "reviewer"))
					.includeAssignedTasks()));
		assertThat(candidates).hasSize(5);
	}

	@Test
	void theUsersGroupsAreCheckedAsTheyAreWithoutReadingWhichGroupsHoldGrants() {
		// "visitors" holds no grant: Camunda would first read the authorized groups and leave it out; the answer is the same
		List<String> checked = as("officer3", List.of("visitors", "officer"), List.of("AGENCY-A"),
				() -> config.getCommandExecutorTxRequired().execute(context -> {
					TaskQueryImpl query = new TaskQueryImpl();
					context.getAuthorizationManager().configureTaskQuery(query);
					return query.getAuthCheck().getAuthGroupIds();
				}));
		assertThat(checked).containsExactly("visitors", "officer");
		assertThat(as("officer3", List.of("visitors", "officer"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery()))).hasSize(6);
		assertThat(as("visitor1", List.of("visitors"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery()))).isEmpty();
	}

	@Test
	void readOnAllTasksIncludesTasksWithoutAProcess() {
		assertThat(joinLeftOut("auxiliary1", List.of())).isTrue();
		List<Task> tasks = as("auxiliary1", List.of(), List.of("AGENCY-A", "AGENCY-B"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery()));
		assertThat(tasks).hasSize(11);
	}

	@Test
	void aGrantOnOneProcessOrNoneKeepsCamundasCheck() {
		assertThat(joinLeftOut("bureau1", List.of())).isFalse();
		List<Task> reviews = as("bureau1", List.of(), List.of("AGENCY-A", "AGENCY-B"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery()));
		assertThat(reviews).hasSize(4).allSatisfy(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("reviewWork"));

		assertThat(joinLeftOut("nobody", List.of("visitors"))).isFalse();
		assertThat(as("nobody", List.of("visitors"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery()))).isEmpty();
	}

	@Test
	void aRevokingAuthorizationKeepsCamundasCheck() {
		Authorization revoke = revokeReadingReviewTasks("officer2");
		try {
			assertThat(joinLeftOut("officer2", List.of("officer"))).isFalse();
			List<Task> tasks = as("officer2", List.of("officer"), List.of("AGENCY-A"),
					() -> bothWays(() -> engine.getTaskService().createTaskQuery()));
			assertThat(tasks).hasSize(4).noneSatisfy(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("reviewWork"));
		}
		finally {
			engine.getAuthorizationService().deleteAuthorization(revoke.getId());
		}
	}

	@Test
	void aQueryForOneTaskKeepsCamundasCheckWithoutAskingForTheGrant() {
		assertThat(joinLeftOut("officer1", List.of("officer"), query -> query.taskId("any"))).isFalse();
		String agencyATask = as("officer1", List.of("officer"), List.of("AGENCY-A"),
				() -> engine.getTaskService().createTaskQuery().taskDefinitionKey("work").list().get(0).getId());
		assertThat(as("officer1", List.of("officer"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery().taskId(agencyATask)))).hasSize(1);
		assertThat(as("officer1", List.of("officer"), List.of("AGENCY-B"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery().taskId(agencyATask)))).isEmpty();
		assertThat(as("bureau1", List.of(), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery().taskId(agencyATask)))).isEmpty();
		assertThat(as("nobody", List.of("visitors"), List.of("AGENCY-A"),
				() -> bothWays(() -> engine.getTaskService().createTaskQuery().taskId(agencyATask)))).isEmpty();
	}

	/**
	 * The REST guard's question for one task: a task's people (assignee, owner, candidates: they work on it without a
	 * grant) in its agency, and otherwise the answer of a task query by id — for staff, a user reading all tasks, a
	 * user reading one process's tasks, a user with no grant, a user with a revoking authorization, each in the own and
	 * the other agency, and a member of a candidate group without any grant. A task without a process is read with
	 * READ on it only (it has no form).
	 */
	@Test
	void oneTaskIsReadByItsPeopleAndAsAQueryByItsIdReadsIt() {
		List<Task> all = engine.getTaskService().createTaskQuery().list();
		assertThat(all).hasSize(11);
		Authorization revoke = revokeReadingReviewTasks("officer2");
		int readable = 0;
		try {
			for (Map.Entry<String, List<String>> user : Map.of("officer1", List.of("officer"), "officer2", List.of("officer"),
					"auxiliary1", List.<String>of(), "bureau1", List.<String>of(), "nobody", List.of("visitors")).entrySet()) {
				for (List<String> agencies : List.of(List.of("AGENCY-A"), List.of("AGENCY-B"))) {
					for (Task task : all) {
						boolean byQuery = as(user.getKey(), user.getValue(), agencies,
								() -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1);
						boolean byCheck = as(user.getKey(), user.getValue(), agencies,
								() -> readsOrWorksOn(task.getId()));
						boolean readOnTaskOnly = task.getProcessInstanceId() == null && user.getKey().startsWith("officer");
						// group officer is a candidate group of both processes' tasks: officer2's revoke does not stop the work
						boolean itsPeople = task.getProcessInstanceId() != null && user.getValue().contains("officer")
								&& agencies.contains(task.getTenantId());
						assertThat(byCheck).as("%s %s %s", user.getKey(), agencies, task.getTaskDefinitionKey())
							.isEqualTo(itsPeople || byQuery && !readOnTaskOnly);
						readable += byCheck ? 1 : 0;
					}
				}
			}
			assertThat(as("officer1", List.of("officer"), List.of("AGENCY-A"),
					() -> readsOrWorksOn("no-such-task"))).isFalse();
			for (Task task : all) {
				boolean review = "reviewWork".equals(task.getTaskDefinitionKey());
				assertThat(as("helper1", List.of("reviewer"), List.of("AGENCY-A"),
						() -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count())).isZero();
				assertThat(as("helper1", List.of("reviewer"), List.of("AGENCY-A"),
						() -> readsOrWorksOn(task.getId())))
					.isEqualTo(review && "AGENCY-A".equals(task.getTenantId()));
			}
		}
		finally {
			engine.getAuthorizationService().deleteAuthorization(revoke.getId());
		}
		// logged in to AGENCY-A and to AGENCY-B: officer1 and officer2 5 and 5, auxiliary1 6 (with the task without a
		// process) and 5, bureau1 2 and 2 (reviews), nobody none
		assertThat(readable).isEqualTo(10 + 10 + 11 + 4);
	}

	/**
	 * What the guard reads of a task (its form) is read in the same command as the question, only when the answer is
	 * yes, and without the caller's authorization checks: a candidate without a grant still gets the form of the task
	 * they work on.
	 */
	@Test
	void theTasksFormIsReadInTheSameCommandOnlyForItsReaders() {
		Task task = engine.getTaskService().createTaskQuery().tenantIdIn("AGENCY-A").processDefinitionKey("review")
			.list().get(0);
		List<String> reads = new ArrayList<>();
		BiFunction<CommandContext, TaskEntity, String> read = (context, entity) -> {
			reads.add(entity.getId() + (context.isAuthorizationCheckEnabled() ? " checked" : " unchecked"));
			return "form of " + entity.getTaskDefinitionKey();
		};
		assertThat(as("helper1", List.of("reviewer"), List.of("AGENCY-A"),
				() -> EngineTaskReadAuthorization.readsOrWorksOn(config, task.getId(), read))).contains("form of reviewWork");
		assertThat(reads).containsExactly(task.getId() + " unchecked");
		assertThat(as("helper1", List.of("reviewer"), List.of("AGENCY-B"),
				() -> EngineTaskReadAuthorization.readsOrWorksOn(config, task.getId(), read))).isEmpty();
		assertThat(as("nobody", List.of("visitors"), List.of("AGENCY-A"),
				() -> EngineTaskReadAuthorization.readsOrWorksOn(config, task.getId(), read))).isEmpty();
		assertThat(reads).hasSize(1);
		assertThat(as("helper1", List.of("reviewer"), List.of("AGENCY-A"),
				() -> EngineTaskReadAuthorization.readsOrWorksOn(config, task.getId(), (context, entity) -> null))).isEmpty();
	}

	/** The guard's question alone: whether the logged-in user reads or works on the task. */
	private static boolean readsOrWorksOn(String taskId) {
		return EngineTaskReadAuthorization.readsOrWorksOn(config, taskId, (context, task) -> Boolean.TRUE).isPresent();
	}

	@Test
	void theGrantQuestionAnswersAsCamundasIsAuthorized() {
		List<String> added = new ArrayList<>(List.of(
				grant(null, "q-task-read", Resources.TASK, "*", Permissions.READ),
				grant(null, "q-task-all", Resources.TASK, "*", Permissions.ALL),
				grant(null, "q-task-update", Resources.TASK, "*", Permissions.UPDATE),
				grant(null, "q-definitions", Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK),
				grant(null, "q-definitions-read", Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ),
				grant(null, "q-one-definition", Resources.PROCESS_DEFINITION, "case", ProcessDefinitionPermissions.READ_TASK),
				grant(null, "q-instances", Resources.PROCESS_INSTANCE, "*", Permissions.READ),
				grant("q-group-tasks", null, Resources.TASK, "*", Permissions.READ),
				grant("q-group-definitions", null, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.ALL),
				grant("q-group-one-task", null, Resources.TASK, "task-1", Permissions.READ)));
		List<Map.Entry<String, List<String>>> callers = List.of(Map.entry("q-task-read", List.of()),
				Map.entry("q-task-all", List.of()), Map.entry("q-task-update", List.of()), Map.entry("q-definitions", List.of()),
				Map.entry("q-definitions-read", List.of()), Map.entry("q-one-definition", List.of()),
				Map.entry("q-instances", List.of()), Map.entry("o'brien", List.of()),
				Map.entry("q-nobody", List.of("q-group-tasks")), Map.entry("q-nobody", List.of("q-group-definitions")),
				Map.entry("q-nobody", List.of("q-group-one-task")),
				Map.entry("q-nobody", List.of("q-group-one-task", "q-group-definitions")),
				Map.entry("q-nobody", List.of("x') OR (1=1", "q-unknown")), Map.entry("officer1", List.of("officer")),
				Map.entry("auxiliary1", List.of()), Map.entry("bureau1", List.of()));
		try {
			Map<String, Boolean> answers = sameAnswers(callers);
			assertThat(answers).containsEntry("q-task-read[]", true).containsEntry("q-task-update[]", false)
				.containsEntry("q-definitions-read[]", false).containsEntry("q-nobody[q-group-definitions]", true)
				.containsEntry("q-nobody[x') OR (1=1, q-unknown]", false);
			// a global grant reads every task for everyone; one without READ for no one more
			Authorization global = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			global.setResource(Resources.TASK);
			global.setResourceId("*");
			global.addPermission(Permissions.UPDATE);
			added.add(engine.getAuthorizationService().saveAuthorization(global).getId());
			assertThat(sameAnswers(callers)).isEqualTo(answers);
			global.addPermission(Permissions.READ);
			engine.getAuthorizationService().saveAuthorization(global);
			assertThat(sameAnswers(callers)).doesNotContainValue(false);
		}
		finally {
			added.forEach(engine.getAuthorizationService()::deleteAuthorization);
		}
	}

	/** Each caller's answer from this manager's statement, required to be Camunda's {@code isAuthorized}'s. */
	private static Map<String, Boolean> sameAnswers(List<Map.Entry<String, List<String>>> callers) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> caller : callers) {
			String user = caller.getKey();
			List<String> groups = caller.getValue();
			as(user, groups, List.of("AGENCY-A"), () -> config.getCommandExecutorTxRequired().execute(context -> {
				// the check ADR-0051 shortens: READ on all tasks or READ_TASK on all process definitions
				CompositePermissionCheck everyTask = new PermissionCheckBuilder().disjunctive()
					.atomicCheckForResourceId(Resources.TASK, "*", Permissions.READ)
					.atomicCheckForResourceId(Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK)
					.build();
				boolean ours = EngineTaskReadAuthorization.readsEveryTask(context, user, groups);
				boolean camundas = context.getAuthorizationManager().isAuthorized(user, groups, everyTask);
				assertThat(ours).as("%s in %s", user, groups).isEqualTo(camundas);
				answers.put(user + groups, ours);
				return null;
			}));
		}
		return answers;
	}

	/** A revoking authorization: the user may not read the tasks of process {@code review}. */
	private static Authorization revokeReadingReviewTasks(String user) {
		Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId(user);
		revoke.setResource(Resources.PROCESS_DEFINITION);
		revoke.setResourceId("review");
		revoke.removePermission(ProcessDefinitionPermissions.READ_TASK);
		engine.getAuthorizationService().saveAuthorization(revoke);
		return revoke;
	}

	private static String grant(String group, String user, Resource resource, String resourceId, Permission permission) {
		Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(group);
		grant.setUserId(user);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		grant.addPermission(permission);
		return engine.getAuthorizationService().saveAuthorization(grant).getId();
	}

	/** Whether the engine's authorization manager takes the per-row check out of a task query of this user. */
	private static boolean joinLeftOut(String user, List<String> groups) {
		return joinLeftOut(user, groups, query -> query);
	}

	/** The same for a query with the criteria {@code criteria} sets. */
	private static boolean joinLeftOut(String user, List<String> groups, UnaryOperator<TaskQueryImpl> criteria) {
		return as(user, groups, List.of("AGENCY-A"), () -> config.getCommandExecutorTxRequired().execute(context -> {
			TaskQueryImpl query = criteria.apply(new TaskQueryImpl());
			context.getAuthorizationManager().configureTaskQuery(query);
			// MyBatis reads getShouldPerform…; the engine's shouldPerform… is another, unused field
			return !query.getAuthCheck().getShouldPerformAuthorizatioCheck();
		}));
	}

	private static <T> T as(String user, List<String> groups, List<String> tenants, Supplier<T> call) {
		engine.getIdentityService().setAuthentication(user, groups, tenants);
		try {
			return call.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	/** Lists and counts with this manager and with Camunda's own; both must give the same tasks. */
	private static List<Task> bothWays(Supplier<TaskQuery> query) {
		Map<Class<?>, SessionFactory> sessions = config.getSessionFactories();
		SessionFactory zhifa = sessions.get(AuthorizationManager.class);
		assertThat(zhifa).isInstanceOf(EngineTaskReadAuthorization.Factory.class);
		List<Task> ours;
		long ourCount;
		List<Task> camundas;
		long camundasCount;
		try {
			ours = query.get().orderByTaskId().asc().list();
			ourCount = query.get().count();
			sessions.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
			camundas = query.get().orderByTaskId().asc().list();
			camundasCount = query.get().count();
		}
		finally {
			sessions.put(AuthorizationManager.class, zhifa);
		}
		assertThat(ours).extracting(Task::getId).as("with the grant check against Camunda's")
			.containsExactlyElementsOf(camundas.stream().map(Task::getId).toList());
		assertThat(ourCount).isEqualTo(camundasCount).isEqualTo(ours.size());
		return ours;
	}
}

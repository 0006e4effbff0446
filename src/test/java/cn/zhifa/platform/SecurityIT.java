package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import cn.zhifa.support.ZhifaIntegrationTest;

/** Issue 2: who may reach what, and that each agency sees only its own tasks and instances. */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;
	@Autowired
	ObservationRegistry observations;
	@Autowired
	MeterRegistry meters;
	@Autowired
	ApplicationContext context;

	String liaokuoInstance;
	String qlscjInstance;
	String key = "SEC-" + UUID.randomUUID();

	@BeforeAll
	void startOneInstancePerAgency() {
		engine.getRepositoryService().createDeployment().name("test-agency-isolation").enableDuplicateFiltering(true)
			.addClasspathResource("models/agency-isolation.bpmn").addClasspathResource("models/test-form.form").deploy();
		liaokuoInstance = start("LIAOKUO").getId();
		qlscjInstance = start("QLSCJ").getId();
	}

	private ProcessInstance start(String agency) {
		return engine.getRuntimeService().startProcessInstanceByKey("test-agency-isolation", key,
				Map.of("agencyCode", agency));
	}

	@Test
	void engineRestNeedsLogin() {
		assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("officer1", "demo").getForEntity("/engine-rest/engine", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void wrongPasswordIs401WithoutDetail() {
		User user = engine.getIdentityService().newUser("wrongpw" + UUID.randomUUID().toString().substring(0, 8));
		user.setPassword("right");
		engine.getIdentityService().saveUser(user);
		ResponseEntity<String> response = http.withBasicAuth(user.getId(), "wrong").getForEntity("/engine-rest/engine", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(String.valueOf(response.getBody())).doesNotContain("password", "Exception", user.getId());
		ResponseEntity<String> unknown = http.withBasicAuth("nobody-at-all", "x").getForEntity("/engine-rest/task", String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void onlyPortalAndHealthAreAnonymous() {
		assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.getForEntity("/api/anything", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("officer1", "demo").getForEntity("/actuator/metrics", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("admin", "demo").getForEntity("/actuator/metrics", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(http.getForEntity("/public/no-such-page", String.class).getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void officerSeesOnlyOwnAgencyInstances() {
		assertThat(instanceIds("officer1")).contains(liaokuoInstance).doesNotContain(qlscjInstance);
		assertThat(instanceIds("officer4")).contains(qlscjInstance).doesNotContain(liaokuoInstance);
		assertThat(instanceIds("supervisor1")).contains(liaokuoInstance, qlscjInstance);
		assertThat(http.withBasicAuth("officer1", "demo")
			.getForEntity("/engine-rest/process-instance/" + qlscjInstance, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void staffSeeTheirOwnAgencysTasksAndWorkOnlyThoseOfTheirRole() {
		// ADR-0044: the agency's tasks are readable by its staff (no authorization rows per task) …
		List<Map<String, Object>> officer1Tasks = tasks("officer1");
		assertThat(officer1Tasks).extracting(t -> t.get("processInstanceId")).containsOnly(liaokuoInstance);
		assertThat(officer1Tasks).extracting(t -> t.get("taskDefinitionKey"))
			.containsExactlyInAnyOrder("userTask_officerWork", "userTask_reviewerWork");
		assertThat(tasks("officer4")).extracting(t -> t.get("processInstanceId")).containsOnly(qlscjInstance);
		assertThat(tasks("head1")).extracting(t -> t.get("processInstanceId")).containsOnly(liaokuoInstance).hasSize(2);
		// … but worked only by the role they are offered to
		String reviewerTask = officer1Tasks.stream().filter(t -> "userTask_reviewerWork".equals(t.get("taskDefinitionKey")))
			.findFirst().orElseThrow().get("id").toString();
		assertThat(http.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/" + reviewerTask + "/claim",
				Map.of("userId", "officer1"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("reviewer1", "demo").postForEntity("/engine-rest/task/" + reviewerTask + "/claim",
				Map.of("userId", "reviewer1"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/**
	 * ADR-0067: a request is observed once, as {@code http.server.requests} — not also per Spring Security filter,
	 * login and authorization decision — and Spring Data's repository calls are not timed.
	 */
	@Test
	void requestsAreObservedOnceWithoutSecurityTracesOrRepositoryTimers() {
		String request = UUID.randomUUID().toString();
		List<String> observed = new CopyOnWriteArrayList<>();
		AtomicBoolean recording = new AtomicBoolean(true);
		observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return recording.get();
			}

			@Override
			public void onStop(Observation.Context context) {
				if (context.getName().startsWith("spring.security") || context instanceof ServerRequestObservationContext server
						&& request.equals(server.getCarrier().getParameter("request"))) {
					observed.add(context.getName());
				}
			}
		});
		try {
			// a case list: the login, the authorization decision, and the case repository's query
			assertThat(http.withBasicAuth("officer1", "demo").getForEntity("/api/cases?size=1&request=" + request,
					String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			recording.set(false);
		}
		assertThat(observed).containsExactly("http.server.requests");
		assertThat(meters.find("spring.data.repository.invocations").meters()).isEmpty();
		assertThat(context.getBeanNamesForType(RepositoryMethodInvocationListener.class)).isEmpty();
	}

	@Test
	void tasklistFiltersExistAndRespectAgencies() {
		List<Map<String, Object>> filters = http.withBasicAuth("officer1", "demo")
			.exchange("/engine-rest/filter", HttpMethod.GET, null, LIST).getBody();
		assertThat(filters).extracting(f -> f.get("name")).contains("我的待办", "本机构待办", "法制审核", "即将超期");
		String agencyFilter = filters.stream().filter(f -> "本机构待办".equals(f.get("name"))).findFirst().orElseThrow()
			.get("id").toString();
		List<Map<String, Object>> listed = http.withBasicAuth("officer1", "demo")
			.exchange("/engine-rest/filter/" + agencyFilter + "/list", HttpMethod.GET, null, LIST).getBody();
		assertThat(listed).extracting(t -> t.get("processInstanceId")).containsOnly(liaokuoInstance);
	}

	private List<Object> instanceIds(String user) {
		return http.withBasicAuth(user, "demo")
			.exchange("/engine-rest/process-instance?businessKey=" + key, HttpMethod.GET, null, LIST).getBody().stream()
			.map(p -> p.get("id")).toList();
	}

	private List<Map<String, Object>> tasks(String user) {
		return http.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?processDefinitionKey=test-agency-isolation&processInstanceBusinessKey=" + key,
					HttpMethod.GET, null, LIST)
			.getBody();
	}
}

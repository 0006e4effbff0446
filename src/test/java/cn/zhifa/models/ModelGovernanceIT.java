package cn.zhifa.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;
import cn.zhifa.platform.ModelVocabulary;

/**
 * Issue 14: deployments as Camunda Modeler sends them ({@code POST /engine-rest/deployment/create},
 * multipart, HTTP Basic) — code in a model, broken models and deployments into another agency are
 * refused before anything is deployed, with every problem in Chinese naming file, line and element.
 */
@ZhifaIntegrationTest
class ModelGovernanceIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;
	@Autowired
	org.springframework.context.ApplicationContext context;

	static String process(String id, String body) {
		return Fixtures.process(id, "    <bpmn:startEvent id=\"startEvent_s\" />\n" + body);
	}

	ResponseEntity<Map<String, Object>> deploy(String user, String tenant, Map<String, String> files) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", "modeler-" + user);
		form.add("deploy-changed-only", "true");
		form.add("deployment-source", "Camunda Modeler");
		if (tenant != null) {
			form.add("tenant-id", tenant);
		}
		files.forEach((name, content) -> {
			HttpHeaders part = new HttpHeaders();
			part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
			form.add(name, new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return name;
				}
			}, part));
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
				new HttpEntity<>(form, headers), MAP);
	}

	long deployments() {
		return engine.getRepositoryService().createDeploymentQuery().count();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> problems(ResponseEntity<Map<String, Object>> response) {
		return (List<Map<String, Object>>) response.getBody().get("problems");
	}

	@Test
	void deployingCodeIsRefusedAndNobodyBecomesAdministrator() {
		long before = deployments();
		ResponseEntity<Map<String, Object>> response = deploy("reviewer2", "QLSCJ", Map.of("attack.bpmn", process("attack", """
				    <bpmn:intermediateCatchEvent id="timer_t">
				      <bpmn:timerEventDefinition id="def_t"><bpmn:timeDuration>${identityService.createMembership('reviewer2','camunda-admin') == null ? 'PT1S' : 'PT1S'}</bpmn:timeDuration></bpmn:timerEventDefinition>
				    </bpmn:intermediateCatchEvent>
				    <bpmn:serviceTask id="serviceTask_x" camunda:class="java.lang.Runtime" />
				    <bpmn:scriptTask id="scriptTask_x" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""")));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat((String) response.getBody().get("detail")).startsWith("模型未部署，发现 3 个问题");
		assertThat(problems(response)).extracting(p -> p.get("element")).containsExactly("timer_t", "serviceTask_x", "scriptTask_x");
		assertThat(problems(response)).allSatisfy(p -> {
			assertThat(p.get("file")).isEqualTo("attack.bpmn");
			assertThat((Integer) p.get("line")).isBetween(6, 10);
			assertThat((String) p.get("message")).containsPattern("[\\u4e00-\\u9fff]");
		});
		assertThat(response.getBody()).containsKey("details"); // what Camunda Modeler shows per file
		assertThat(deployments()).isEqualTo(before);
		assertThat(engine.getIdentityService().createGroupQuery().groupMember("reviewer2").groupId("camunda-admin").count())
			.isZero();
	}

	@Test
	void aStoredFilterCannotRunCodeEither() {
		Map<String, Object> filter = Map.of("resourceType", "Task", "name", "攻击", "query",
				Map.of("assigneeExpression", "${identityService.createMembership('reviewer2','camunda-admin')}"));
		ResponseEntity<Map<String, Object>> created = http.withBasicAuth("reviewer2", "demo").exchange("/engine-rest/filter/create",
				HttpMethod.POST, new HttpEntity<>(filter, json()), MAP);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) created.getBody().get("detail")).contains("过滤条件中的表达式");
		// and a filter stored by other means cannot run it either: the engine resolves only whitelisted beans
		org.camunda.bpm.engine.filter.Filter stored = engine.getFilterService().newTaskFilter("攻击").setOwner("reviewer2")
			.setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression(
					"${identityService.createMembership('reviewer2','camunda-admin')}"));
		engine.getFilterService().saveFilter(stored);
		try {
			ResponseEntity<String> listed = http.withBasicAuth("reviewer2", "demo").exchange(
					"/engine-rest/filter/" + stored.getId() + "/list", HttpMethod.GET, null, String.class);
			assertThat(listed.getStatusCode().is2xxSuccessful()).isFalse();
		}
		finally {
			engine.getFilterService().deleteFilter(stored.getId());
		}
		assertThat(engine.getIdentityService().createGroupQuery().groupMember("reviewer2").groupId("camunda-admin").count())
			.isZero();
	}

	static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	@Test
	void brokenModelsAreRefusedAndTheOldVersionKeepsServing() throws Exception {
		String catalogue = Files.readString(Path.of("dmn/major-decision-catalogue.dmn"));
		DecisionDefinition serving = latestCatalogue();
		long before = deployments();
		Map<String, String> broken = new LinkedHashMap<>();
		broken.put("FEEL error", catalogue.replaceFirst("&gt;= 10000<", "&gt;= (10000<"));
		broken.put("missing form", process("broken-form", "<bpmn:userTask id=\"userTask_a\" camunda:formRef=\"no-such-form\" camunda:candidateGroups=\"g\" />"));
		broken.put("missing decision", process("broken-rule", "<bpmn:businessRuleTask id=\"rule_a\" camunda:decisionRef=\"no-such-table\" />"));
		broken.put("missing bean", process("broken-bean", "<bpmn:serviceTask id=\"serviceTask_a\" camunda:delegateExpression=\"${registerCaseV2}\" />"));
		broken.put("unknown limit", process("broken-limit",
				"<bpmn:userTask id=\"userTask_b\" camunda:formRef=\"enforcement-case-register\" camunda:candidateGroups=\"g\" camunda:dueDate=\"${deadlines.limit('NO_SUCH', filedAt)}\" />"));
		broken.put("malformed", "<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"x\">\n</bpmn:definitions>");
		assertThat(catalogue).contains("&gt;= 10000<");
		broken.forEach((kind, content) -> {
			String file = kind.equals("FEEL error") ? "major-decision-catalogue.dmn" : "broken.bpmn";
			ResponseEntity<Map<String, Object>> response = deploy("reviewer2", "QLSCJ", Map.of(file, content));
			assertThat(response.getStatusCode()).as(kind).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(problems(response)).as(kind).isNotEmpty().allSatisfy(p -> {
				assertThat(p.get("file")).isEqualTo(file);
				assertThat((Integer) p.get("line")).isPositive();
				assertThat((String) p.get("message")).containsPattern("[\\u4e00-\\u9fff]");
			});
		});
		assertThat(deployments()).isEqualTo(before);
		assertThat(latestCatalogue().getId()).isEqualTo(serving.getId());
	}

	@Test
	void anAgencyDeploysOnlyIntoItsOwnTenant() throws Exception {
		String catalogue = Files.readString(Path.of("dmn/major-decision-catalogue.dmn"));
		long before = deployments();
		ResponseEntity<Map<String, Object>> shared = deploy("reviewer2", null, Map.of("major-decision-catalogue.dmn", catalogue));
		assertThat(shared.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) shared.getBody().get("detail")).contains("司法局");
		ResponseEntity<Map<String, Object>> foreign = deploy("reviewer2", "LIAOKUO", Map.of("major-decision-catalogue.dmn", catalogue));
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deployments()).isEqualTo(before);
		assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("major-decision-catalogue")
			.tenantIdIn("LIAOKUO").count()).isZero();
	}

	private DecisionDefinition latestCatalogue() {
		return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("major-decision-catalogue")
			.withoutTenantId().latestVersion().singleResult();
	}

	@Test
	void theVocabularyIsExactlyTheApplicationsDelegatesAndListeners() {
		java.util.Set<String> delegates = new java.util.TreeSet<>();
		java.util.Set<String> listeners = new java.util.TreeSet<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			if (type == null || !type.getName().startsWith("cn.zhifa.")) {
				continue;
			}
			if (org.camunda.bpm.engine.delegate.JavaDelegate.class.isAssignableFrom(type)) {
				delegates.add(name);
			}
			if (org.camunda.bpm.engine.delegate.TaskListener.class.isAssignableFrom(type)) {
				listeners.add(name);
			}
		}
		assertThat(delegates).containsExactlyInAnyOrderElementsOf(ModelVocabulary.SERVICE_DELEGATES);
		assertThat(listeners).containsExactlyInAnyOrderElementsOf(ModelVocabulary.TASK_LISTENERS);
		ModelVocabulary.CALLABLE.forEach((bean, methods) -> methods.forEach((method, arity) -> assertThat(
				java.util.Arrays.stream(context.getType(bean).getMethods()).anyMatch(m -> m.getName().equals(method)
						&& m.getParameterCount() == arity)).as(bean + "." + method).isTrue()));
	}

	ResponseEntity<Map<String, Object>> validate(String user, Map<String, String> files) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		Fixtures.addTextFiles(form, "files", files);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, "demo").exchange("/api/models/validate", HttpMethod.POST, new HttpEntity<>(form, headers), MAP);
	}

	@Test
	void aDryRunChecksWithoutDeploying() throws Exception {
		long before = deployments();
		String catalogue = Files.readString(Path.of("dmn/major-decision-catalogue.dmn"));
		ResponseEntity<Map<String, Object>> ok = validate("reviewer2", Map.of("dmn/major-decision-catalogue.dmn", catalogue));
		assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ok.getBody()).containsEntry("valid", true).containsEntry("files", 1);
		ResponseEntity<Map<String, Object>> bad = validate("reviewer2",
				Map.of("dmn/major-decision-catalogue.dmn", catalogue.replaceFirst("&gt;= 10000<", "&gt;= (10000<")));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problems(bad)).singleElement().satisfies(p -> {
			assertThat(p.get("file")).isEqualTo("dmn/major-decision-catalogue.dmn");
			assertThat(p.get("element")).isEqualTo("inputEntry_largeAmountPerson_12");
		});
		assertThat(validate("officer1", Map.of("dmn/major-decision-catalogue.dmn", catalogue)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deployments()).isEqualTo(before);
	}

	/** The shipped models with an edit to enforcement-case.bpmn, as Modeler sends a whole folder. */
	static Map<String, String> shippedWithCaseModel(java.util.function.UnaryOperator<String> edit) {
		Map<String, String> files = new LinkedHashMap<>();
		ModelFiles.fromDirectory(Path.of(".")).files().forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
		String edited = edit.apply(files.get("processes/enforcement-case.bpmn"));
		assertThat(edited).isNotEqualTo(files.get("processes/enforcement-case.bpmn"));
		files.put("processes/enforcement-case.bpmn", edited);
		return files;
	}

	@Test
	void theStatutoryGateCannotBeEditedAwayEvenByTheJusticeBureau() {
		long before = deployments();
		// the decision task redrawn with a new id and without its marker
		ResponseEntity<Map<String, Object>> renamed = deploy("admin", null, shippedWithCaseModel(m -> m
			.replace("userTask_decide\"", "userTask_makeDecision\"").replace(">userTask_decide<", ">userTask_makeDecision<")
			.replaceFirst("(id=\"userTask_makeDecision\"[\\s\\S]*?)<camunda:property name=\"statutoryStep\" value=\"DECISION\"/>", "$1")));
		assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problems(renamed)).anySatisfy(p -> {
			assertThat(p.get("file")).isEqualTo("processes/enforcement-case.bpmn");
			assertThat(p.get("element")).isEqualTo("userTask_makeDecision");
		});
		// a major case routed around the legal review
		ResponseEntity<Map<String, Object>> bypass = deploy("admin", null,
				shippedWithCaseModel(m -> m.replace("${isMajor}", "${isMajor &amp;&amp; fineAmount &gt; 1000000}")
					.replace("${!isMajor}", "${!(isMajor &amp;&amp; fineAmount &gt; 1000000)}")));
		assertThat(bypass.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problems(bypass)).extracting(p -> (String) p.get("message")).anyMatch(m -> m.contains("不经法制审核"));
		assertThat(deployments()).isEqualTo(before);
	}
}

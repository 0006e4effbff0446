package cn.zhifa.models;

import static cn.zhifa.support.ModelChangeSteps.registerCase;
import static cn.zhifa.support.ModelChangeSteps.twentyThousandIsMajor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

import cn.zhifa.support.ModelChangeSteps;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 14 §4–5 with real deployments through {@code /engine-rest/deployment/create}: a running case
 * keeps the process, decision tables and forms it started with when the shared models change; an
 * agency's own version (submitted from Modeler, approved by its head through model-change, §6) applies to
 * that agency's new cases only and leaves the other agencies' rules untouched.
 */
@ZhifaIntegrationTest
class ModelVersionsIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};
	private static final String CATALOGUE = "major-decision-catalogue";

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	/** The shipped models, with the personal fine threshold of the major-decision catalogue raised from 10,000 to 1,000,000. */
	static Map<String, byte[]> changedModels() {
		Map<String, byte[]> files = new LinkedHashMap<>(ModelFiles.fromDirectory(Path.of(".")).files());
		String catalogue = new String(files.get("dmn/" + CATALOGUE + ".dmn"), StandardCharsets.UTF_8);
		String changed = catalogue.replace("<text>&gt;= 10000</text>", "<text>&gt;= 1000000</text>");
		assertThat(changed).isNotEqualTo(catalogue);
		files.put("dmn/" + CATALOGUE + ".dmn", changed.getBytes(StandardCharsets.UTF_8));
		return files;
	}

	ResponseEntity<Map<String, Object>> deploy(String user, String name, String tenant, Map<String, byte[]> files) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", name);
		form.add("deploy-changed-only", "false");
		if (tenant != null) {
			form.add("tenant-id", tenant);
		}
		files.forEach((file, bytes) -> form.add(file, new HttpEntity<>(new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return file;
			}
		}, octets())));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
				new HttpEntity<>(form, headers), MAP);
	}

	private static HttpHeaders octets() {
		HttpHeaders part = new HttpHeaders();
		part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		return part;
	}

	@Test
	void aRunningCaseKeepsItsVersionsWhenTheSharedModelsChange() {
		ProcessInstance running = registerCase(http, engine, "officer1", "LIAOKUO");
		assertThat(twentyThousandIsMajor(engine, running.getProcessDefinitionId(), "LIAOKUO")).isTrue();
		String changedDeployment = null;
		try {
			ResponseEntity<Map<String, Object>> changed = deploy("admin", "zhifa-models", null, changedModels());
			assertThat(changed.getStatusCode()).as("%s", changed.getBody()).isEqualTo(HttpStatus.OK);
			changedDeployment = (String) changed.getBody().get("id");

			ProcessDefinition latest = ModelVersions.latestProcess(engine.getRepositoryService(), "enforcement-case", "LIAOKUO");
			assertThat(latest.getDeploymentId()).isEqualTo(changedDeployment);
			// the running case: same process version, same catalogue, same forms
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
				.getProcessDefinitionId()).isEqualTo(running.getProcessDefinitionId());
			assertThat(twentyThousandIsMajor(engine, running.getProcessDefinitionId(), "LIAOKUO")).as("running case").isTrue();
			String task = engine.getTaskService().createTaskQuery().processInstanceId(running.getId()).singleResult().getId();
			assertThat(engine.getFormService().getTaskFormKey(running.getProcessDefinitionId(), "userTask_approveFiling"))
				.isNull(); // Camunda Forms: bound by formRef, resolved in the case's own deployment below
			assertThat(engine.getFormService().getDeployedTaskForm(task)).isNotNull();
			// a new case runs the new version
			ProcessInstance fresh = registerCase(http, engine, "officer1", "LIAOKUO");
			assertThat(fresh.getProcessDefinitionId()).isEqualTo(latest.getId());
			assertThat(twentyThousandIsMajor(engine, fresh.getProcessDefinitionId(), "LIAOKUO")).as("new case").isFalse();
		}
		finally {
			// put the shipped models back as the latest shared version for the other tests
			ResponseEntity<Map<String, Object>> restored = deploy("admin", "zhifa-models", null,
					ModelFiles.fromDirectory(Path.of(".")).files());
			assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void anAgencyOverrideAppliesToItsOwnNewCasesOnly() {
		// a legal office's deployment is a model change (issue 14 §6): approved by the head, deployed by the system
		ResponseEntity<Map<String, Object>> own = deploy("reviewer2", "市场监管局重大决定目录调整", "QLSCJ", changedModels());
		assertThat(own.getStatusCode()).as("%s", own.getBody()).isEqualTo(HttpStatus.CONFLICT);
		String changeNo = (String) own.getBody().get("changeNo");
		ModelChangeSteps.approve(http, engine, "head2", changeNo);
		assertThat(ModelChangeSteps.runDueJobs(engine, changeNo)).isEqualTo(2); // effective today: timer, deployment
		String deployment = (String) ModelChangeSteps.change(http, "reviewer2", changeNo).get("deploymentId");
		assertThat(deployment).isNotNull();
		try {
			ProcessInstance qlscj = registerCase(http, engine, "officer4", "QLSCJ");
			assertThat(engine.getRepositoryService().getProcessDefinition(qlscj.getProcessDefinitionId()).getTenantId())
				.isEqualTo("QLSCJ");
			assertThat(twentyThousandIsMajor(engine, qlscj.getProcessDefinitionId(), "QLSCJ")).isFalse();

			ProcessInstance liaokuo = registerCase(http, engine, "officer1", "LIAOKUO");
			assertThat(engine.getRepositoryService().getProcessDefinition(liaokuo.getProcessDefinitionId()).getTenantId())
				.as("LIAOKUO keeps the shared models").isNull();
			assertThat(twentyThousandIsMajor(engine, liaokuo.getProcessDefinitionId(), "LIAOKUO")).isTrue();
			assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(CATALOGUE)
				.tenantIdIn("LIAOKUO").count()).isZero();
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}
}

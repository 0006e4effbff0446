package cn.zhifa.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zhifa.ZhifaApplication;
import cn.zhifa.platform.StartupFailureAnalyzers;
import cn.zhifa.platform.ModelDeploymentException;

/**
 * Issue 2, model deployment and persistence: real restarts of the application on an H2 file
 * database with its own models folder. A broken model stops start-up naming file and line and deploys nothing;
 * unchanged restart → no new deployment, the data kept; one changed file → the whole set deployed again (ADR-0016),
 * running instances stay on their version. Three starts: the change and the engine parser's refusal are checked with
 * the start-up's deployer on the running engine, which costs no start.
 */
class ModelDeploymentIT {

	/** Well-formed, but the timer has no time: the engine's BPMN parser refuses it at line 8. */
	private static final String INVALID_BPMN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
			  <bpmn:process id="broken" isExecutable="true" camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="startEvent_s" />
			    <bpmn:sequenceFlow id="flow_1" sourceRef="startEvent_s" targetRef="timerEvent_wait" />
			    <bpmn:intermediateCatchEvent id="timerEvent_wait">
			      <bpmn:timerEventDefinition id="timer_noTime" />
			    </bpmn:intermediateCatchEvent>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@TempDir
	Path tmp;

	@Test
	void restartsDeployOnlyWhatChangedAndKeepData() throws Exception {
		Path models = tmp.resolve("models");
		writeProcess(models, "processes/restart-a.bpmn", "restart-a", "甲流程");
		writeProcess(models, "processes/restart-b.bpmn", "restart-b", "乙流程");
		Files.writeString(models.resolve("forms/restart-form.form"),
				"{\"id\":\"restart-form\",\"type\":\"default\",\"components\":[]}", StandardCharsets.UTF_8);

		String instanceId;
		try (ConfigurableApplicationContext app = start(models)) {
			RepositoryService repo = repo(app);
			assertThat(repo.createDeploymentQuery().deploymentName("restart-test").count()).isEqualTo(1);
			assertThat(repo.getDeploymentResourceNames(repo.createDeploymentQuery().singleResult().getId()))
				.containsExactlyInAnyOrder("processes/restart-a.bpmn", "processes/restart-b.bpmn", "forms/restart-form.form");
			instanceId = app.getBean(ProcessEngine.class).getRuntimeService()
				.startProcessInstanceByKey("restart-a", "RESTART-1", Map.of("agencyCode", "LIAOKUO")).getId();
		}

		// not well-formed XML: the SAX parser's line; the start-up stops and deploys nothing
		Files.writeString(models.resolve("processes/broken.bpmn"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
				  <bpmn:process id="broken" isExecutable="true">
				    <bpmn:startEvent id="startEvent_s">
				  </bpmn:process>
				</bpmn:definitions>
				""", StandardCharsets.UTF_8);
		assertStartFails(models, "processes/broken.bpmn line 5");

		// the broken file removed: a restart with the set unchanged deploys nothing and finds the data
		Files.delete(models.resolve("processes/broken.bpmn"));
		try (ConfigurableApplicationContext app = start(models)) {
			RepositoryService repo = repo(app);
			assertThat(repo.createDeploymentQuery().deploymentName("restart-test").count())
				.as("unchanged restart; nothing was deployed by the failed start-up").isEqualTo(1);
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
				.as("data survives a restart").isEqualTo(1);
			assertThat(engine.getIdentityService().createUserQuery().userId("officer1").count()).isEqualTo(1);

			// one file changed: the deployer a start-up runs deploys the whole set once (run here on the running engine)
			writeProcess(models, "processes/restart-b.bpmn", "restart-b", "乙流程(修订)");
			ModelDeployer deployer = new ModelDeployer(repo, models.toString(), "restart-test");
			deployer.deploy(deployer.locateModels());
			assertThat(repo.createDeploymentQuery().deploymentName("restart-test").count())
				.as("one deployment for the change").isEqualTo(2);
			assertThat(repo.createProcessDefinitionQuery().processDefinitionKey("restart-b").latestVersion().singleResult()
				.getVersion()).isEqualTo(2);
			assertThat(repo.createProcessDefinitionQuery().processDefinitionKey("restart-a").latestVersion().singleResult()
				.getVersion()).as("the whole set is deployed again: every process binds to its own forms").isEqualTo(2);
			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
				.getProcessDefinitionId()).contains("restart-a:1:");
			deployer.deploy(deployer.locateModels());
			assertThat(repo.createDeploymentQuery().deploymentName("restart-test").count()).as("unchanged again").isEqualTo(2);

			// well-formed but invalid BPMN: the engine parser's line. The deployer that stopped the start-up above,
			// run again on the running engine: the same refusal, and nothing deployed
			Files.writeString(models.resolve("processes/broken.bpmn"), INVALID_BPMN, StandardCharsets.UTF_8);
			assertThatThrownBy(() -> deployer.deploy(deployer.locateModels())).isInstanceOfSatisfying(
					ModelDeploymentException.class, e -> assertThat(e.getMessage()).startsWith("processes/broken.bpmn line 8"));
			assertThat(repo.createDeploymentQuery().deploymentName("restart-test").count()).isEqualTo(2);
		}
	}

	private void assertStartFails(Path models, String expected) {
		assertThatThrownBy(() -> start(models).close()).satisfies(e -> {
			ModelDeploymentException cause = findCause(e);
			assertThat(cause).as("cause of %s", e).isNotNull();
			assertThat(cause.getMessage()).startsWith(expected);
			FailureAnalysis analysis = new StartupFailureAnalyzers.BrokenModel().analyze(e);
			assertThat(analysis.getDescription()).contains(expected);
		});
	}

	private static ModelDeploymentException findCause(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof ModelDeploymentException m) {
				return m;
			}
		}
		return null;
	}

	private ConfigurableApplicationContext start(Path models) {
		return new SpringApplicationBuilder(ZhifaApplication.class).run(
				"--spring.profiles.active=test",
				"--spring.datasource.url=jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath() + "/zhifa",
				"--server.port=0",
				// the Camunda webapps keep a static reference to the first context; not needed here
				"--camunda.bpm.webapp.enabled=false",
				// own engine name: closing these apps must not unregister the shared test context's "default" engine
				"--camunda.bpm.process-engine-name=restarttest",
				"--zhifa.models.dir=" + models.toAbsolutePath(),
				"--zhifa.models.deployment-name=restart-test");
	}

	private static RepositoryService repo(ConfigurableApplicationContext app) {
		return app.getBean(ProcessEngine.class).getRepositoryService();
	}

	private static void writeProcess(Path models, String name, String key, String label) throws Exception {
		Path file = models.resolve(name);
		Files.createDirectories(file.getParent());
		Files.createDirectories(models.resolve("forms"));
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s" targetNamespace="t">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="startEvent_started" />
				    <bpmn:sequenceFlow id="flow_toWork" sourceRef="startEvent_started" targetRef="userTask_work" />
				    <bpmn:userTask id="userTask_work" name="办理" camunda:formRef="restart-form" camunda:formRefBinding="deployment" camunda:candidateGroups="LIAOKUO-officer" />
				    <bpmn:sequenceFlow id="flow_toEnd" sourceRef="userTask_work" targetRef="endEvent_done" />
				    <bpmn:endEvent id="endEvent_done" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, label), StandardCharsets.UTF_8);
	}
}

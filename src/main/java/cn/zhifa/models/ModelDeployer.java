package cn.zhifa.models;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.zhifa.platform.ModelDeploymentException;


/**
 * Deploys the models at start-up as one deployment with relative resource names and duplicate
 * filtering (ADR-0002): an unchanged restart creates nothing; when any file changed, the whole set is
 * deployed again as one deployment (ADR-0016), so each process version runs with the forms, decision
 * tables and called processes deployed with it, and running cases keep theirs. The model guard checks the files inside the engine (ADR-0016); a file it
 * refuses stops start-up with its name, line and every problem, and nothing of that start-up is deployed.
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private final RepositoryService repositoryService;
	private final String configuredDir;
	private final String deploymentName;

	ModelDeployer(RepositoryService repositoryService, @Value("${zhifa.models.dir:}") String configuredDir,
			@Value("${zhifa.models.deployment-name:zhifa-models}") String deploymentName) {
		this.repositoryService = repositoryService;
		this.configuredDir = configuredDir;
		this.deploymentName = deploymentName;
	}

	@Override
	public void afterSingletonsInstantiated() {
		deploy(locateModels());
	}

	ModelFiles locateModels() {
		if (StringUtils.hasText(configuredDir)) {
			Path dir = Path.of(configuredDir);
			if (!Files.isDirectory(dir)) {
				throw new ModelDeploymentException(configuredDir, 0, "zhifa.models.dir is not a directory", null);
			}
			return ModelFiles.fromDirectory(dir);
		}
		Path cwd = Path.of(".");
		if (ModelFiles.FOLDERS.stream().anyMatch(f -> Files.isDirectory(cwd.resolve(f)))) {
			return ModelFiles.fromDirectory(cwd);
		}
		return ModelFiles.fromClasspath();
	}

	/** Validates every file, then deploys the changed ones; returns the deployment or null if nothing changed. */
	DeploymentWithDefinitions deploy(ModelFiles models) {
		if (models.files().isEmpty()) {
			log.warn("No models found in {}", models.origin());
			return null;
		}
		DeploymentBuilder builder = repositoryService.createDeployment()
			.name(deploymentName)
			.source("zhifa:" + models.origin())
			.enableDuplicateFiltering(false); // any change: the whole set, so every process binds to its own forms and rules
		models.files().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
		long before = repositoryService.createDeploymentQuery().deploymentName(deploymentName).count();
		DeploymentWithDefinitions deployment;
		try {
			deployment = builder.deployWithResult();
		}
		catch (ModelRejectedException e) {
			ModelProblem first = e.problems().get(0);
			throw new ModelDeploymentException(first.file(), first.line(), e.getMessage(), e);
		}
		catch (ParseException e) {
			throw describe(e);
		}
		catch (ProcessEngineException e) {
			throw new ModelDeploymentException(resourceNamedIn(e.getMessage(), models.files()), 0, e.getMessage(), e);
		}
		if (repositoryService.createDeploymentQuery().deploymentName(deploymentName).count() == before) {
			log.info("Models in {} unchanged: nothing deployed", models.origin());
			return null;
		}
		log.info("Deployed {} from {}: changed resources {}", deploymentName, models.origin(),
				repositoryService.getDeploymentResourceNames(deployment.getId()));
		return deployment;
	}

	private static ModelDeploymentException describe(ParseException e) {
		for (ResourceReport report : e.getResorceReports()) {
			List<Problem> errors = report.getErrors();
			if (!errors.isEmpty()) {
				Problem first = errors.get(0);
				String detail = first.getMessage() + (first.getMainElementId() == null ? "" : " (element " + first.getMainElementId() + ")");
				return new ModelDeploymentException(report.getResourceName(), first.getLine(), detail, e);
			}
		}
		return new ModelDeploymentException("?", 0, e.getMessage(), e);
	}

	private static String resourceNamedIn(String message, Map<String, byte[]> files) {
		if (message != null) {
			for (String name : files.keySet()) {
				if (message.contains(name)) {
					return name;
				}
			}
		}
		return "models";
	}
}

package cn.zhifa.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/** The engine's deployer running the {@link ModelDeploymentCheck}s, first of all deployers, on new deployments. */
final class ModelCheckDeployer implements Deployer {

	private final List<ModelDeploymentCheck> checks;

	ModelCheckDeployer(List<ModelDeploymentCheck> checks) {
		this.checks = List.copyOf(checks);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			return;
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		Map<String, ResourceEntity> resources = deployment.getResources();
		if (resources != null) {
			resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
		}
		ModelDeploymentCheck.Deployment checked = new ModelDeploymentCheck.Deployment(deployment.getName(),
				deployment.getTenantId(), files,
				Steps.engineUser(Context.getProcessEngineConfiguration().getIdentityService()));
		for (ModelDeploymentCheck check : checks) {
			check.check(checked);
		}
	}
}

package cn.zhifa.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhifa.platform.Roles;

/**
 * The model guard inside the engine (issue 14 §1, §4): runs before the engine's own deployers on every
 * new deployment, whichever way it came — start-up, {@code /engine-rest/deployment/create} (Camunda
 * Modeler), a redeploy, any API of ours — so nothing reaches the engine unchecked. Refuses
 * <ul>
 * <li>a deployment by somebody who may not deploy there: shared (county-wide) models only by the justice
 * bureau (administrators) or the system at start-up; an agency's legal office only into its own
 * agency's tenant (403);</li>
 * <li>any model the {@link ModelGuard} finds a problem in (400, every problem with file, line, element).</li>
 * </ul>
 * A deployment is a complete set: the forms and decisions its processes use are deployed with them.
 * Deployments loaded again into the cache (not new) are not checked: they were checked when deployed.
 */
final class ModelGuardDeployer implements Deployer {

	private static final Logger log = LoggerFactory.getLogger(ModelGuardDeployer.class);

	private final Supplier<Set<String>> limitKeys;
	private final Supplier<Set<String>> documentKinds;

	ModelGuardDeployer(Supplier<Set<String>> limitKeys, Supplier<Set<String>> documentKinds) {
		this.limitKeys = limitKeys;
		this.documentKinds = documentKinds;
	}

	/**
	 * Test seam: set only by test code (cn.zhifa.models.UnguardedDeployments under src/test) to deploy a
	 * deliberately bad model and prove the runtime checks behind the guard hold too. No production code
	 * path sets it; it is per thread and always reset.
	 */
	static final ThreadLocal<Boolean> UNGUARDED = ThreadLocal.withInitial(() -> false);

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || UNGUARDED.get()) {
			return;
		}
		CommandContext context = Context.getCommandContext();
		String tenant = deployment.getTenantId();
		checkAuthority(context.getAuthentication(), tenant);
		Map<String, byte[]> files = new LinkedHashMap<>();
		Map<String, ResourceEntity> resources = deployment.getResources();
		if (resources != null) {
			resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
		}
		List<ModelProblem> problems = ModelGuard.check(files, new ModelGuard.Known(limitKeys.get(), documentKinds.get()));
		if (!problems.isEmpty()) {
			log.warn("Model guard refused deployment '{}' (tenant {}): {}", deployment.getName(), tenant, problems);
			throw new ModelRejectedException(problems);
		}
	}

	/** Who may deploy where (the login's groups and tenants; no login: the system itself). */
	static void checkAuthority(Authentication auth, String tenant) {
		if (auth == null || auth.getUserId() == null) {
			return;
		}
		boolean admin = auth.getGroupIds() != null && auth.getGroupIds().contains(Roles.ADMIN);
		if (admin) {
			return;
		}
		if (tenant == null) {
			throw new AuthorizationException("全县共用的流程、决策表和表单只能由司法局（系统管理员）部署；本单位的调整请部署到本单位（在 Camunda Modeler 的“Tenant ID”中填写本单位代码）");
		}
		if (auth.getTenantIds() == null || !auth.getTenantIds().contains(tenant)) {
			throw new AuthorizationException("不能向其他单位（" + tenant + "）部署模型：只能部署到本单位");
		}
	}
}

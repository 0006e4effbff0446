package cn.zhifa.models;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.ModelDeploymentCheck;
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
 * A deployment check of the platform's engine extension points (ADR-0039).
 */
final class ModelGuardDeployer implements ModelDeploymentCheck {

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
	public void check(Deployment deployment) {
		if (UNGUARDED.get()) {
			return;
		}
		String tenant = deployment.tenantId();
		checkAuthority(deployment.deployer(), tenant);
		List<ModelProblem> problems = ModelGuard.check(deployment.files(),
				new ModelGuard.Known(limitKeys.get(), documentKinds.get()));
		if (!problems.isEmpty()) {
			log.warn("Model guard refused deployment '{}' (tenant {}): {}", deployment.name(), tenant, problems);
			throw new ModelRejectedException(problems);
		}
	}

	/** Who may deploy where (the login's groups and tenants; no login: the system itself). */
	static void checkAuthority(CurrentUser deployer, String tenant) {
		if (deployer == null) {
			return;
		}
		boolean admin = deployer.groups().contains(Roles.ADMIN);
		if (admin) {
			return;
		}
		if (tenant == null) {
			throw new AuthorizationException("全县共用的流程、决策表和表单只能由司法局（系统管理员）部署；本单位的调整请部署到本单位（在 Camunda Modeler 的“Tenant ID”中填写本单位代码）");
		}
		if (!deployer.agencies().contains(tenant)) {
			throw new AuthorizationException("不能向其他单位（" + tenant + "）部署模型：只能部署到本单位");
		}
	}
}

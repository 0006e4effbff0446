package cn.zhifa.platform;

import java.util.Map;

/**
 * A feature's check of every new deployment (ADR-0039), run inside the engine before its own deployers
 * parse anything, whichever way the deployment came (start-up, {@code /engine-rest/deployment/create},
 * a redeploy, any API). Throwing refuses it and rolls the deployment back: an
 * {@link org.camunda.bpm.engine.AuthorizationException} (REST 403), a {@link ModelDeploymentRefusal} listing
 * the problems per file (REST 400 with {@code details}). Deployments the engine only loads again into its
 * cache are not new and not checked.
 */
public interface ModelDeploymentCheck {

	void check(Deployment deployment);

	/**
	 * A new deployment: its name, its tenant (null: shared by all agencies), its files by resource name,
	 * and who deploys it (null: nobody logged in, the system).
	 */
	record Deployment(String name, String tenantId, Map<String, byte[]> files, CurrentUser deployer) {
	}
}

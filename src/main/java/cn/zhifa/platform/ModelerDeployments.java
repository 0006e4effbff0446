package cn.zhifa.platform;

import java.util.Map;

/**
 * What becomes of a deployment a legal office (not an administrator) sends to the engine's REST API, as
 * Camunda Modeler does (issue 14 §6): a model change for review instead of a direct deployment. Implemented
 * by {@code cn.zhifa.modelchange}; refusals are {@link cn.zhifa.platform.problem.Problem}s.
 */
public interface ModelerDeployments {

	/** The change the deployment became: its number and what to tell the legal office (Chinese). */
	record Submitted(String changeNo, String message) {
	}

	Submitted submit(CurrentUser user, String deploymentName, String deploymentSource, String tenantId,
			Map<String, byte[]> files);
}

package cn.zhifa.models;

import java.util.function.Supplier;

/**
 * Test-only: deploys a model the guard would refuse, to prove that the engine's runtime checks (the
 * decision gate, the expression manager) hold even for a model that got past it.
 */
public final class UnguardedDeployments {

	private UnguardedDeployments() {
	}

	public static <T> T deploy(Supplier<T> deployment) {
		ModelGuardDeployer.UNGUARDED.set(true);
		try {
			return deployment.get();
		}
		finally {
			ModelGuardDeployer.UNGUARDED.remove();
		}
	}
}

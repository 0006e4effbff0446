package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.aop.support.AopUtils;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * ADR-0039: the features' model parse extensions run in one declared order (their {@code @Order}), so the listeners
 * on an element are attached in the same order whatever the classpath's order: the guards before recording,
 * period suspensions last.
 */
@ZhifaIntegrationTest
class ModelParseExtensionOrderIT {

	@Autowired
	ObjectProvider<ModelParseExtension> extensions;

	@Test
	void theExtensionsRunInTheirDeclaredOrder() {
		assertThat(extensions.orderedStream().map(e -> AopUtils.getTargetClass(e).getSimpleName()))
			.containsExactly("ProvisionalTaskMark", "DecisionGate", "HearingRequestGate",
					"EnforcementStepParseListener", "RecordingParseListener", "PeriodSuspensionPlugin");
	}
}

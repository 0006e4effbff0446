package cn.zhifa.qualification;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ParsedActivity;

/**
 * Installs the officer-qualification guard (R-QUAL-2/3) in every deployed or re-parsed process (ADR-0039):
 * adds the {@link EnforcementStepGuard} to every user task whose BPMN carries
 * {@code <camunda:property name="enforcementAction" value="PENALTY"/>} (or COERCION, PERMIT,
 * INVESTIGATION, …). Built-in listeners: they run first and cannot be skipped with
 * {@code skipCustomListeners}. The engine wraps a listener's exception in a plain
 * ProcessEngineException; the platform's outermost command interceptor ({@code UserErrorUnwrapping})
 * rethrows our {@link NotQualifiedException} — an AuthorizationException — so REST answers 403.
 * The service is looked up lazily: the engine is built before the JPA repositories it needs may be
 * ready.
 */
@Component
@Order(50) // ADR-0039: the order of the model parse extensions, explicit
class EnforcementStepParseListener implements ModelParseExtension {

	private final Supplier<QualificationService> qualifications;

	EnforcementStepParseListener(ObjectProvider<QualificationService> qualifications) {
		this.qualifications = SingletonSupplier.of(qualifications::getObject);
	}

	@Override
	public void activity(ParsedActivity activity) {
		if (!"userTask".equals(activity.type())) {
			return;
		}
		String action = activity.property(EnforcementStepGuard.ENFORCEMENT_ACTION);
		if (action == null || !activity.isUserTask()) {
			return;
		}
		EnforcementStepGuard guard = new EnforcementStepGuard(action, qualifications);
		activity.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
		activity.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
	}
}

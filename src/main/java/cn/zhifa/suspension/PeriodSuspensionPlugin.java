package cn.zhifa.suspension;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ParsedActivity;
import cn.zhifa.platform.ParsedProcess;

/**
 * Model parse extension (ADR-0039): every activity of every deployed process tells
 * {@link PeriodSuspensions} when it starts and ends, and the process when it ends; whether that suspends or resumes a period is the
 * data of {@code calendar/period-suspensions.yml}, looked up at that moment (an edit applies without
 * redeploying). Built-in listeners: {@code skipCustomListeners} cannot skip them.
 */
@Component
@Order(70) // ADR-0039: the order of the model parse extensions, explicit
class PeriodSuspensionPlugin implements ModelParseExtension {

	private final Supplier<PeriodSuspensions> suspensions;

	PeriodSuspensionPlugin(ObjectProvider<PeriodSuspensions> suspensions) {
		this.suspensions = SingletonSupplier.of(suspensions::getObject);
	}

	@Override
	public void process(ParsedProcess process) {
		String key = process.key();
		ExecutionListener processEnded = execution -> suspensions.get().processEnded(execution, key);
		process.addBuiltInListener(ExecutionListener.EVENTNAME_END, processEnded);
		for (ParsedActivity activity : process.activities()) {
			String id = activity.id();
			ExecutionListener started = execution -> suspensions.get().activityStarted(execution, key, id);
			ExecutionListener ended = execution -> suspensions.get().activityEnded(execution, key, id);
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
		}
	}
}

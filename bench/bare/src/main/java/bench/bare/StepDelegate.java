package bench.bare;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every service task of the bare case: records that its step ran, as one process variable. */
@Component("step")
public class StepDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(execution.getCurrentActivityId() + "Done", true);
	}
}

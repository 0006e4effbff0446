package cn.zhifa.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task, when it is created, the Chinese texts of the coded values and user ids it
 * can see, as task-local variables: {@code handlingLabel} 从重处罚 for {@code handling} HEAVIER,
 * {@code reviewerName} 刘洋 for {@code reviewerId} reviewer1 ({@link DisplayLabels#displayFields}).
 * A Camunda Form shows them in a text view ({@code {{handlingLabel}}}); nothing is submitted back,
 * and the labels come from {@code templates/labels.yml}, the file documents use.
 */
@Component
class FormLabelsPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<DisplayLabels> labels;

	FormLabelsPlugin(ObjectProvider<DisplayLabels> labels) {
		this.labels = labels;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new ParseListener(labels::getObject));
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	static final class ParseListener extends AbstractBpmnParseListener {

		private final TaskListener listener;

		ParseListener(Supplier<DisplayLabels> labels) {
			this.listener = new FormLabels(labels);
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
			}
		}
	}

	/** The task listener: display fields of the task's variables, set on the task itself. */
	static final class FormLabels implements TaskListener {

		private static final Logger log = LoggerFactory.getLogger(FormLabels.class);

		private final Supplier<DisplayLabels> labels;

		FormLabels(Supplier<DisplayLabels> labels) {
			this.labels = labels;
		}

		/** A broken labels file must not stop the work: the task is created without the texts (logged). */
		@Override
		public void notify(DelegateTask task) {
			try {
				labels.get().displayFields(task.getVariables()).forEach(task::setVariableLocal);
			}
			catch (TemplateConfigurationException e) {
				log.warn("Task {} ({}) created without display labels: {}", task.getId(), task.getTaskDefinitionKey(),
						e.getMessage());
			}
		}
	}
}

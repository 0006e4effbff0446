package cn.zhifa.document;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ParsedActivity;

/**
 * Gives every user task, when it is created, the Chinese texts of the coded values and user ids it
 * can see, as task-local variables: {@code handlingLabel} 从重处罚 for {@code handling} HEAVIER,
 * {@code reviewerName} 刘洋 for {@code reviewerId} reviewer1 ({@link DisplayLabels#displayFields}).
 * A Camunda Form shows them in a text view ({@code {{handlingLabel}}}); nothing is submitted back,
 * and the labels come from {@code templates/labels.yml}, the file documents use. A built-in listener on
 * every user task of every deployed process (ADR-0039).
 */
@Component
@Order(40) // ADR-0039: the order of the model parse extensions, explicit
class FormLabelsPlugin implements ModelParseExtension {

	private final TaskListener listener;

	FormLabelsPlugin(ObjectProvider<DisplayLabels> labels) {
		this.listener = new FormLabels(labels::getObject);
	}

	@Override
	public void activity(ParsedActivity activity) {
		if ("userTask".equals(activity.type()) && activity.isUserTask()) {
			activity.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
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

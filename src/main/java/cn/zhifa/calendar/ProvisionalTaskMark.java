package cn.zhifa.calendar;

import java.util.ArrayList;
import java.util.Date;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Marks a task whose due date lies in a year without a calendar file: the task-local variable
 * {@value #VARIABLE} holds the Chinese note the officer sees in Tasklist (zhifa-webapps.js shows it
 * above the form), e.g. "期限暂按周末推算（2027年节假日安排尚未发布），日历发布后将重新计算". Set when the
 * task is created and whenever it is updated (a new due date); removed when the due date's year
 * has a file, also by the recomputation of provisional deadlines ({@link ProvisionalDeadlines}).
 */
@Component
class ProvisionalTaskMark extends AbstractProcessEnginePlugin {

	/** The task-local variable holding the note. */
	static final String VARIABLE = "deadlineProvisional";

	private final ObjectProvider<CalendarRegistry> registry;

	ProvisionalTaskMark(ObjectProvider<CalendarRegistry> registry) {
		this.registry = registry;
	}

	static String note(int year) {
		return "期限暂按周末推算（" + year + "年节假日安排尚未发布），日历发布后将重新计算";
	}

	/** Sets or removes the mark of {@code task} by its due date and the calendar in force; true when it changed. */
	static boolean apply(DelegateTask task, WorkingDayCalendar calendar) {
		Date due = task.getDueDate();
		Object before = task.getVariableLocal(VARIABLE);
		if (due != null) {
			int year = WorkingDayCalendar.dayOf(due.toInstant()).getYear();
			if (!calendar.hasYear(year)) {
				String note = note(year);
				if (!note.equals(before)) {
					task.setVariableLocal(VARIABLE, note);
					return true;
				}
				return false;
			}
		}
		if (before != null) {
			task.removeVariableLocal(VARIABLE);
			return true;
		}
		return false;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new ParseListener(registry::getObject));
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	static final class ParseListener extends AbstractBpmnParseListener {

		private final TaskListener listener;

		ParseListener(Supplier<CalendarRegistry> registry) {
			this.listener = task -> apply(task, registry.get().current().calendar());
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
				behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
			}
		}
	}
}

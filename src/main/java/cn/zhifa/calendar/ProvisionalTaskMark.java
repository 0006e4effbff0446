package cn.zhifa.calendar;

import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ParsedActivity;

/**
 * Marks a task whose due date lies in a year without a calendar file: the task-local variable
 * {@value #VARIABLE} holds the Chinese note the officer sees in Tasklist (zhifa-webapps.js shows it
 * above the form), e.g. "期限暂按周末推算（2027年节假日安排尚未发布），日历发布后将重新计算". Set when the
 * task is created and whenever it is updated (a new due date); removed when the due date's year
 * has a file, also by the recomputation of provisional deadlines ({@link ProvisionalDeadlines}).
 * A built-in listener on every user task of every deployed process (ADR-0039).
 */
@Component
@Order(10) // ADR-0039: the order of the model parse extensions, explicit
class ProvisionalTaskMark implements ModelParseExtension {

	/** The task-local variable holding the note. */
	static final String VARIABLE = "deadlineProvisional";

	private final TaskListener listener;

	ProvisionalTaskMark(ObjectProvider<CalendarRegistry> registry) {
		Supplier<CalendarRegistry> calendars = SingletonSupplier.of(registry::getObject);
		this.listener = task -> apply(task, calendars.get().current().calendar());
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
	public void activity(ParsedActivity activity) {
		if ("userTask".equals(activity.type()) && activity.isUserTask()) {
			activity.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
			activity.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
		}
	}
}

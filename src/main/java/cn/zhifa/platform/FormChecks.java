package cn.zhifa.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.InitializingBean;


/**
 * The one task listener behind every {@code ${…TaskChecks}} of a model (issue 14 §3, ADR-0035): it finds
 * the task's form and runs the check its feature gave for that form and the task's event; a form the
 * listener has no check for is refused, whatever the event (fail closed). A feature contributes its checks
 * as a bean named like its entry in {@link ModelVocabulary#TASK_CHECKS}, for example
 *
 * <pre>
 * &#64;Component("itemListTaskChecks")
 * static class TaskChecks extends FormChecks {
 * 	TaskChecks(ItemListService service) {
 * 		super("itemListTaskChecks");
 * 		onComplete("item-list-change-review", service::checkReview);
 * 		onComplete("item-list-change-revise", service::checkRevision);
 * 	}
 * }
 * </pre>
 *
 * A check refuses a bad submission by throwing (the field's validation error, {@link FormFields#invalid}, or
 * an authorisation error), and may record what the process needs. The forms a bean checks must be exactly
 * the forms {@link ModelVocabulary#TASK_CHECKS} lists for its name, to which the model guard holds the
 * models: otherwise the application does not start.
 */
public abstract class FormChecks implements TaskListener, InitializingBean {

	/** One form's check at one event of its task: throws to refuse. */
	@FunctionalInterface
	public interface Check {
		void check(DelegateTask task);
	}

	private final String name;
	/** form → event → check */
	private final Map<String, Map<String, Check>> checks = new LinkedHashMap<>();

	/** The checks of listener {@code name}: its bean name and its key in {@link ModelVocabulary#TASK_CHECKS}. */
	protected FormChecks(String name) {
		this.name = name;
	}

	/** On completion: the check of what was submitted. */
	protected final void onComplete(String form, Check check) {
		on(EVENTNAME_COMPLETE, form, check);
	}

	/** On creation: what the task needs before it is shown. */
	protected final void onCreate(String form, Check check) {
		on(EVENTNAME_CREATE, form, check);
	}

	/** On assignment: who may be given the task. */
	protected final void onAssignment(String form, Check check) {
		on(EVENTNAME_ASSIGNMENT, form, check);
	}

	private void on(String event, String form, Check check) {
		if (checks.computeIfAbsent(form, f -> new LinkedHashMap<>()).putIfAbsent(event, check) != null) {
			throw new IllegalStateException(name + " has two " + event + " checks for form " + form);
		}
	}

	public final String name() {
		return name;
	}

	/** The forms this listener checks. */
	public final Set<String> forms() {
		return Set.copyOf(checks.keySet());
	}

	/** The forms checked are the ones the vocabulary (and so the model guard) gives this listener. */
	@Override
	public void afterPropertiesSet() {
		Set<String> listed = ModelVocabulary.TASK_CHECKS.get(name);
		if (listed == null || !listed.equals(checks.keySet())) {
			throw new IllegalStateException("Task listener " + name + " checks forms " + new TreeSet<>(checks.keySet())
					+ " but ModelVocabulary.TASK_CHECKS lists " + (listed == null ? "no such listener" : new TreeSet<>(listed)));
		}
	}

	@Override
	public final void notify(DelegateTask task) {
		String form = ModelMarkers.formOf(task); // by form, not by task id: a renamed task keeps its check
		Map<String, Check> byEvent = checks.get(form);
		if (byEvent == null) {
			throw new IllegalStateException(name + " has no check for form " + form + " of task " + task.getTaskDefinitionKey());
		}
		Check check = byEvent.get(task.getEventName());
		if (check != null) {
			check.check(task);
		}
	}
}

package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/** A process of a model the engine has parsed, for a {@link ModelParseExtension}. */
public final class ParsedProcess {

	private final ProcessDefinitionEntity definition;

	ParsedProcess(ProcessDefinitionEntity definition) {
		this.definition = definition;
	}

	/** The process's key (its id in the model). */
	public String key() {
		return definition.getKey();
	}

	/**
	 * Every activity of the process, depth first: each activity followed by the activities inside it
	 * (a sub-process's, a multi-instance body's), in the model's order.
	 */
	public List<ParsedActivity> activities() {
		List<ParsedActivity> activities = new ArrayList<>();
		collect(definition, activities);
		return activities;
	}

	private static void collect(ScopeImpl scope, List<ParsedActivity> activities) {
		for (ActivityImpl activity : scope.getActivities()) {
			activities.add(new ParsedActivity(activity, null, null));
			collect(activity, activities);
		}
	}

	/** Adds an execution listener of the process on {@code event} ({@code start}, {@code end}). */
	public void addListener(String event, ExecutionListener listener) {
		definition.addListener(event, listener);
	}

	/** Adds a built-in execution listener of the process on {@code event}. */
	public void addBuiltInListener(String event, ExecutionListener listener) {
		definition.addBuiltInListener(event, listener);
	}
}

package cn.zhifa.record;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ParsedActivity;
import cn.zhifa.platform.ParsedProcess;

/**
 * Adds recording listeners to every activity of every process of the enforcement family — every
 * process whose key does not start with {@value #TEST_PREFIX} (R-REC-1): start and end of each
 * activity (timers, messages, decisions and document generation named as such), the process's
 * start and end, and each user task's creation, claim, completion (with the submitted form data)
 * and cancellation. Built-in listeners: they cannot be skipped with {@code skipCustomListeners}.
 * <p>
 * What the listeners need from the XML is stored on the activity at parse time: a user task's
 * {@code avActionKind} property (audio-video gating, R-REC-2), a business rule task's result
 * variable and decision, a service task's {@code documentKind}/{@code documentVariable} inputs.
 * <p>
 * A model parse extension (ADR-0039): every process deployed — including one a legal office adds or
 * edits in Camunda Modeler — is recorded without anything in its BPMN. The recorder is looked up at first use, then kept:
 * the engine is built before it.
 */
@Component
@Order(60) // ADR-0039: the order of the model parse extensions, explicit
class RecordingParseListener implements ModelParseExtension {

	static final String TEST_PREFIX = "test-";
	static final String AV_ACTION_KIND = "avActionKind";
	static final String P_AV_ACTION_KIND = "zhifa.record.avActionKind";
	static final String P_RESULT_VARIABLE = "zhifa.record.resultVariable";
	static final String P_DECISION = "zhifa.record.decisionRef";
	static final String P_DOCUMENT_KIND = "zhifa.record.documentKind";
	static final String P_DOCUMENT_VARIABLE = "zhifa.record.documentVariable";

	private final Supplier<StepRecorder> recorder;

	RecordingParseListener(ObjectProvider<StepRecorder> recorder) {
		this.recorder = SingletonSupplier.of(recorder::getObject);
	}

	static boolean recorded(String processKey) {
		return processKey != null && !processKey.startsWith(TEST_PREFIX);
	}

	@Override
	public void process(ParsedProcess process) {
		if (!recorded(process.key())) {
			return;
		}
		ExecutionListener processEvent = execution -> recorder.get().processEvent(execution);
		process.addBuiltInListener(ExecutionListener.EVENTNAME_START, processEvent);
		process.addBuiltInListener(ExecutionListener.EVENTNAME_END, processEvent);
		for (ParsedActivity activity : process.activities()) {
			ExecutionListener step = execution -> recorder.get().activityEvent(execution);
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, step);
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, step);
			if (activity.isUserTask()) {
				String avActionKind = (String) activity.storedProperty(P_AV_ACTION_KIND);
				TaskListener listener = delegateTask -> taskEvent(delegateTask, avActionKind);
				activity.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
				activity.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
				activity.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
				activity.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
			}
		}
	}

	private void taskEvent(DelegateTask task, String avActionKind) {
		recorder.get().taskEvent(task, avActionKind);
	}

	/** Stores what the listeners need from the XML on the activity (user, business rule and service tasks). */
	@Override
	public void activity(ParsedActivity activity) {
		switch (activity.type()) {
			case "userTask" -> {
				String kind = activity.property(AV_ACTION_KIND);
				if (kind != null) {
					activity.storeProperty(P_AV_ACTION_KIND, kind);
				}
			}
			case "businessRuleTask" -> {
				activity.storeProperty(P_RESULT_VARIABLE, activity.attribute("resultVariable"));
				activity.storeProperty(P_DECISION, activity.attribute("decisionRef"));
			}
			case "serviceTask" -> {
				String kind = inputParameter(activity, "documentKind");
				if (kind != null) {
					activity.storeProperty(P_DOCUMENT_KIND, kind);
					activity.storeProperty(P_DOCUMENT_VARIABLE, inputParameter(activity, "documentVariable"));
				}
			}
			default -> {
			}
		}
	}

	/** The first input parameter {@code name}'s text, stripped; null when there is none or it is blank. */
	static String inputParameter(ParsedActivity activity, String name) {
		List<String> texts = activity.inputParameters(name);
		if (texts.isEmpty()) {
			return null;
		}
		String text = texts.get(0);
		return text == null || text.isBlank() ? null : text.strip();
	}
}

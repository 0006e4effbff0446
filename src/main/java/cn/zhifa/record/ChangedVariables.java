package cn.zhifa.record;

import cn.zhifa.platform.EngineCommand;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables a command has set so far in one process instance — on task completion, the
 * submitted form data (R-REC-1 "the submitted form data"). Read from the engine's entity cache:
 * variables inserted in this command, or loaded and changed; a value submitted unchanged is not
 * listed ({@link EngineCommand#changedVariables}).
 */
final class ChangedVariables {

	static final int MAX_TEXT = 4000;

	private ChangedVariables() {
	}

	static Map<String, Object> of(String processInstanceId) {
		Map<String, Object> changed = new TreeMap<>();
		for (EngineCommand.ChangedVariable variable : EngineCommand.changedVariables(processInstanceId)) {
			changed.put(variable.name(), value(variable.value()));
		}
		return changed;
	}

	static Object value(Supplier<TypedValue> variable) {
		try {
			TypedValue typed = variable.get();
			Object value;
			if (typed instanceof FileValue file) {
				value = "file:" + file.getFilename();
			}
			else if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
				value = serializable.getValueSerialized();
			}
			else {
				value = typed.getValue();
			}
			if (value instanceof String text && text.length() > MAX_TEXT) {
				return text.substring(0, MAX_TEXT) + "…(sha256:" + Hashing.sha256(text) + ")";
			}
			return value;
		}
		catch (RuntimeException e) {
			return "(unreadable: " + e.getClass().getSimpleName() + ")";
		}
	}
}

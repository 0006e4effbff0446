package cn.zhifa.record;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables a command has set so far in one process instance — on task completion, the
 * submitted form data (R-REC-1 "the submitted form data"). Read from the engine's entity cache:
 * variables inserted in this command, or loaded and changed; a value submitted unchanged is not
 * listed.
 */
final class ChangedVariables {

	static final int MAX_TEXT = 4000;

	private ChangedVariables() {
	}

	static Map<String, Object> of(String processInstanceId) {
		Map<String, Object> changed = new TreeMap<>();
		CommandContext context = Context.getCommandContext();
		if (context == null || processInstanceId == null) {
			return changed;
		}
		for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
			if (!(cached.getEntity() instanceof VariableInstanceEntity variable)
					|| !processInstanceId.equals(variable.getProcessInstanceId())) {
				continue;
			}
			DbEntityState state = cached.getEntityState();
			if (state == DbEntityState.TRANSIENT || (state == DbEntityState.PERSISTENT && cached.isDirty())) {
				changed.put(variable.getName(), value(variable));
			}
		}
		return changed;
	}

	static Object value(VariableInstanceEntity variable) {
		try {
			TypedValue typed = variable.getTypedValue(false);
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

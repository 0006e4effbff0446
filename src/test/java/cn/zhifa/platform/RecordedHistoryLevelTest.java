package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

/** ADR-0058: the engine's history level is Camunda's full without the variable-change details. */
class RecordedHistoryLevelTest {

	private final RecordedHistoryLevel level = new RecordedHistoryLevel();

	@Test
	void writesWhatFullWritesExceptTheDetailOfEachVariableChange() {
		List<HistoryEventType> types = List.of(HistoryEventTypes.values());
		assertThat(types).hasSizeGreaterThan(40).contains(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
				HistoryEventTypes.FORM_PROPERTY_UPDATE, HistoryEventTypes.DMN_DECISION_EVALUATE);
		for (HistoryEventType type : types) {
			boolean expected = type != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
					&& HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(type, null);
			assertThat(level.isHistoryEventProduced(type, null)).as(type.getEventName() + " of " + type.getEntityType())
				.isEqualTo(expected);
		}
		// the variables themselves (their last values), form fields and decisions stay in the history
		assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null)).isTrue();
		assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, null)).isTrue();
		assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, null)).isTrue();
		assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, null)).isFalse();
	}

	@Test
	void keepsFullsIdSoTheDatabasesLevelStaysThree() {
		assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId()).isEqualTo(3);
		assertThat(level.getName()).isEqualTo("full-recorded").isNotEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getName());
	}
}

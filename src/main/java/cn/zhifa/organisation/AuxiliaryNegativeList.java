package cn.zhifa.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The auxiliary staff's negative list (辅助执法行为负面清单, R-QUAL-3, seed 003 一(三)) as data
 * ({@code officers/auxiliary-negative-list.yml}): the enforcement acts, by the {@code enforcementAction} marker of the
 * process models, that 执法辅助人员 may never carry out. The qualification guard refuses auxiliary staff on a step of a
 * listed act with the list's label and basis; a test checks that every marker used by a model is listed. A broken file
 * stops the start-up.
 */
@Component
public class AuxiliaryNegativeList {

	/** One act of the list. */
	public record Act(String action, String label, String basis) {
	}

	private final Map<String, Act> acts;

	AuxiliaryNegativeList(@Value("${zhifa.officers.auxiliary-negative-list:officers/auxiliary-negative-list.yml}") String file) {
		this.acts = read(file);
	}

	/** The acts in the file's order. */
	public List<Act> acts() {
		return List.copyOf(acts.values());
	}

	/** The listed act of an {@code enforcementAction} marker, or empty when the list does not name it. */
	public Optional<Act> act(String action) {
		return Optional.ofNullable(action == null ? null : acts.get(action));
	}

	static Map<String, Act> read(String file) {
		Object list = DataFiles.yaml(file).get("acts");
		if (!(list instanceof List<?> entries) || entries.isEmpty()) {
			throw new IllegalStateException(file + ": acts must list at least one act");
		}
		Map<String, Act> acts = new LinkedHashMap<>();
		int n = 0;
		for (Object entry : entries) {
			n++;
			if (!(entry instanceof Map<?, ?> m)) {
				throw new IllegalStateException(file + ": act " + n + " is not a map");
			}
			String action = text(m, "action", file, n);
			if (!action.matches("[A-Z][A-Z_]*")) {
				throw new IllegalStateException(file + ": act " + n + ": action must be an upper-case marker, not " + action);
			}
			if (acts.put(action, new Act(action, text(m, "label", file, n), text(m, "basis", file, n))) != null) {
				throw new IllegalStateException(file + ": action " + action + " is listed twice");
			}
		}
		return acts;
	}

	private static String text(Map<?, ?> m, String key, String file, int n) {
		Object value = m.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException(file + ": act " + n + ": " + key + " is missing");
		}
		return value.toString().strip();
	}
}

package cn.zhifa.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;

/**
 * What users see instead of internal codes and user ids, from the same data the documents use:
 * the texts of {@code templates/labels.yml} ({@code fields:}, per field and value, e.g. handling
 * {@code HEAVIER} → 从重处罚) and the officers' names. Screens (Camunda Forms) get them as
 * {@code <field>Label} and {@code <x>Name} form fields, exactly like templates do ({@link FormDisplayLabels}).
 */
@Service
public class DisplayLabels {

	private final DocumentTemplates templates;
	private final OfficerRepository officers;

	DisplayLabels(DocumentTemplates templates, OfficerRepository officers) {
		this.templates = templates;
		this.officers = officers;
	}

	/** The Chinese text of a coded value of {@code field}, or {@code null} when labels.yml has none. */
	public String label(String field, Object value) {
		return templates.labels().ownLabel(field, value);
	}

	/** Every text labels.yml has for {@code field}, in file order (value → text). */
	public Map<String, String> labels(String field) {
		return templates.labels().fields().getOrDefault(field, Map.of());
	}

	/** The full name (姓名) of an officer, or empty when the id is not a user of the organisation. */
	public Optional<String> personName(String userId) {
		return userId == null || userId.isBlank() ? Optional.empty()
				: officers.findById(userId.strip()).map(Officer::getFullName);
	}

	/**
	 * The display fields for a set of variables: {@code <field>Label} for each value labels.yml
	 * names under {@code fields:}; {@code <x>Name} for each {@code <x>Id} and {@code <x>ByName} for each
	 * {@code <x>By} holding an officer's user id (as documents have them).
	 * Variables that already exist under such a name are left alone.
	 */
	public Map<String, Object> displayFields(Map<String, Object> variables) {
		Labels labels = templates.labels();
		Map<String, Object> display = new LinkedHashMap<>();
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			String name = variable.getKey();
			Object value = variable.getValue();
			if (!(value instanceof String || value instanceof Boolean || value instanceof Number || value instanceof Enum<?>)) {
				continue;
			}
			String label = labels.ownLabel(name, value);
			if (label != null && !variables.containsKey(name + Labels.SUFFIX)) {
				display.put(name + Labels.SUFFIX, label);
			}
			String nameVariable = name.length() <= 2 ? null
					: name.endsWith("Id") ? name.substring(0, name.length() - 2) + "Name"
					: name.endsWith("By") ? name + "Name" : null;
			if (nameVariable != null && value instanceof String id && !variables.containsKey(nameVariable)) {
				personName(id).ifPresent(person -> display.put(nameVariable, person));
			}
		}
		return display;
	}
}

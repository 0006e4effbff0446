package cn.zhifa.document;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.form.FormDisplayFields;

/**
 * Gives every task's form the Chinese texts of the coded values and user ids the task can see: {@code handlingLabel}
 * 从重处罚 for {@code handling} HEAVIER, {@code reviewerName} 刘洋 for {@code reviewerId} reviewer1
 * ({@link DisplayLabels#displayFields}). A Camunda Form shows them in a text view ({@code {{handlingLabel}}});
 * nothing is submitted back, and the labels come from {@code templates/labels.yml}, the file documents use. Served
 * with the form's variables when Tasklist opens the task, never stored (ADR-0046).
 */
@Component
class FormDisplayLabels implements FormDisplayFields {

	private static final Logger log = LoggerFactory.getLogger(FormDisplayLabels.class);

	private final ObjectProvider<DisplayLabels> labels;

	FormDisplayLabels(ObjectProvider<DisplayLabels> labels) {
		this.labels = labels;
	}

	/** A broken labels file must not stop the work: the form shows the task without the texts (logged). */
	@Override
	public Map<String, Object> of(Map<String, Object> variables) {
		try {
			return labels.getObject().displayFields(variables);
		}
		catch (TemplateConfigurationException e) {
			log.warn("Form shown without display labels: {}", e.getMessage());
			return Map.of();
		}
	}
}

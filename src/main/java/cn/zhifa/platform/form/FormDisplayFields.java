package cn.zhifa.platform.form;

import java.util.Map;

/**
 * Values a task's form shows beside the task's variables and never submits: the Chinese text of a coded value, the
 * name of a person. Computed from the task's variables each time a client reads the form's variables ({@code GET
 * /task/{id}/form-variables}, what Tasklist reads to show a Camunda Form), never stored (ADR-0046). A bean of a
 * feature implements it; a name the task already has as a variable is not returned.
 */
public interface FormDisplayFields {

	/** The display fields for a task that sees {@code variables}, by name; empty when there are none. */
	Map<String, Object> of(Map<String, Object> variables);
}

package cn.zhifa.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.platform.problem.InputCheck;

/**
 * What a step's listener reads from its form: a text field trimmed (blank is absent), a required one, a
 * required text within a length. A refusal is the form field's validation error naming the field, which
 * Tasklist shows beside it and the REST API answers as a 400 problem (ADR-0013). And the options a task's form
 * chooses from ({@link #setOptions}).
 */
public final class FormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormFields() {
	}

	public static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	public static String required(VariableScope scope, String name, String label) {
		String value = text(scope, name);
		if (value == null) {
			throw invalid(name, label + "必须填写");
		}
		return value;
	}

	public static String requiredText(VariableScope scope, String name, String label, int max) {
		String value = required(scope, name, label);
		String flaw = InputCheck.textFlaw(value, max);
		if (flaw != null) {
			throw invalid(name, label + flaw);
		}
		return value;
	}

	/** A value an edge read from field {@code field} (trimmed, blank is absent): must be there, else its validation error. */
	public static String required(String value, String field, String label) {
		if (value == null) {
			throw invalid(field, label + "必须填写");
		}
		return value;
	}

	/** As {@link #required(String, String, String)}, a text within {@code max} characters. */
	public static String requiredText(String value, String field, String label, int max) {
		required(value, field, label);
		String flaw = InputCheck.textFlaw(value, max);
		if (flaw != null) {
			throw invalid(field, label + flaw);
		}
		return value;
	}

	/**
	 * Sets the task variable {@code variable} to {@code items} as the options of a Camunda Forms select or checklist
	 * ({@code "valuesKey"}): a JSON list of {@code {"label": …, "value": …}}, in the order given.
	 */
	public static <T> void setOptions(DelegateTask task, String variable, List<T> items, Function<T, String> label,
			Function<T, String> value) {
		List<Map<String, String>> options = new ArrayList<>();
		for (T item : items) {
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label", label.apply(item));
			option.put("value", value.apply(item));
			options.add(option);
		}
		try {
			task.setVariableLocal(variable, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	public static FormFieldValidationException invalid(String field, String message) {
		return new FormFieldValidationException(field, field + ": " + message);
	}

	/** The form field's validation error with {@code message} as it is (not prefixed with the field's name). */
	public static FormFieldValidationException refused(String field, String message) {
		return new FormFieldValidationException(field, message);
	}
}

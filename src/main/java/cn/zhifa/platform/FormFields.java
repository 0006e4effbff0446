package cn.zhifa.platform;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import cn.zhifa.platform.problem.InputCheck;

/**
 * What a step's listener reads from its form: a text field trimmed (blank is absent), a required one, a
 * required text within a length. A refusal is the form field's validation error naming the field, which
 * Tasklist shows beside it and the REST API answers as a 400 problem (ADR-0013).
 */
public final class FormFields {

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

	public static FormFieldValidationException invalid(String field, String message) {
		return new FormFieldValidationException(field, field + ": " + message);
	}

	/** The form field's validation error with {@code message} as it is (not prefixed with the field's name). */
	public static FormFieldValidationException refused(String field, String message) {
		return new FormFieldValidationException(field, message);
	}
}

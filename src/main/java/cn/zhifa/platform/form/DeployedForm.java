package cn.zhifa.platform.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A deployed Camunda Form as other packages need it: which keys it has, which of them a submission
 * may store, how each is labelled, and the typed conversion {@code submit-form} applies
 * ({@link FormSubmission}), so that other ways of submitting a step can be held to the same form.
 */
public final class DeployedForm {

	private final FormSchema schema;

	DeployedForm(FormSchema schema) {
		this.schema = schema;
	}

	public static DeployedForm read(InputStream json) throws IOException {
		return new DeployedForm(FormSchema.read(json));
	}

	/** The form's id ({@code camunda:formRef} of the steps that show it). */
	public String id() {
		return schema.id();
	}

	/** How a message names the form to its user: {@code 表单“<its heading>”}, or {@code 此表单} without one. */
	public String shownAs() {
		return schema.shownAs();
	}

	/** Every key of the form, display-only ones included. */
	public Set<String> keys() {
		return schema.fields().keySet();
	}

	/** The keys a submission stores (display-only fields are dropped). */
	public Set<String> storedKeys() {
		Set<String> keys = new LinkedHashSet<>();
		schema.fields().values().stream().filter(f -> !f.displayOnly()).forEach(f -> keys.add(f.key()));
		return keys;
	}

	public boolean stores(String key) {
		return schema.field(key).map(f -> !f.displayOnly()).orElse(false);
	}

	/** The field's label as the user sees it. */
	public Optional<String> label(String key) {
		return schema.field(key).map(FormSchema.Field::name);
	}

	/** form-js type of the field, with the subtype of date/time fields: {@code number}, {@code datetime:date}, … */
	public Optional<String> type(String key) {
		return schema.field(key).map(f -> f.subtype() == null ? f.type() : f.type() + ":" + f.subtype());
	}

	/**
	 * What {@code submit-form} would store for these values: typed as the form declares, display-only
	 * fields dropped, required fields checked.
	 *
	 * @throws FormFieldValidationException naming the field in Chinese, e.g. for a key the form does not have
	 */
	public VariableMap typed(VariableMap submitted, Function<String, Object> variables) {
		return FormSubmission.typed(submitted, schema, variables);
	}
}

package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The check of a refused form input, shared by the service tests: the refusal names the field and says why. */
public final class FormRefusals {

	private FormRefusals() {
	}

	/** {@code call} is refused with a form-field error whose message names {@code field} and contains each text. */
	public static void assertRefused(Runnable call, String field, String... texts) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
			assertThat(e.getMessage()).contains(field);
			for (String text : texts) {
				assertThat(e.getMessage()).contains(text);
			}
		});
	}
}

/**
 * Form submissions: what a Camunda Form submits from Tasklist (or any client of
 * {@code submit-form}) reaches the engine with the types the form declares. Display-only fields
 * never overwrite a variable, values outside a field's options or limits are refused with a
 * Chinese message naming the field, and keys the form does not have are refused.
 * <p>
 * {@link FormSchema} reads a deployed form-js schema, {@link FormSubmission} turns submitted values
 * into typed variables, {@link TypedFormHandlers} puts that in front of every start and task form
 * handler the engine parses, and {@link EngineErrorMessages} gives REST callers (and Tasklist) the Chinese message
 * without the engine's English wrapper.
 * <p>
 * Part of the platform module; exposed to the other modules as its named interface {@code platform::form}
 * (ADR 0036).
 */
@NamedInterface("form")
package cn.zhifa.platform.form;

import org.springframework.modulith.NamedInterface;

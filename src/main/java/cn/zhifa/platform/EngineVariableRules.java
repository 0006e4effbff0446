package cn.zhifa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;

import cn.zhifa.platform.form.DeployedForm;
import cn.zhifa.platform.problem.Problem;

/**
 * Which variables a caller of the engine's API may set (the rules of {@link EngineRestGuard}): a declared variable of
 * the case contract only through the forms the contract names for it (or the messages it names), a field of a deployed
 * form only through its task's form. A refusal is a {@link Problem#systemOwned} problem (403) naming the variable.
 * Used by the guard in front of the API and, for a task's form submission, inside the engine's command for it
 * ({@link TaskFormSubmissions}).
 */
final class EngineVariableRules {

	/** Field keys and labels of the forms of each deployment (deployments never change). */
	private final Map<String, Map<String, String>> formFieldsByDeployment = new ConcurrentHashMap<>();

	/**
	 * Variables submitted for a step: with a form, a declared variable only if the contract names this form (display-only
	 * fields are dropped by the form anyway; other keys the form refuses itself); without one, no declared variable and
	 * no field of any form. {@code formFields} reads every deployed form's fields ({@link #formFields}) as the system.
	 */
	void checkAgainstForm(Iterable<String> names, Optional<DeployedForm> form, Supplier<Map<String, String>> formFields) {
		if (form.isEmpty()) {
			refuseProtected(names, null, formFields);
			return;
		}
		for (String name : names) {
			if (form.get().keys().contains(name) && !form.get().stores(name)) {
				continue;
			}
			refuseDeclaredOutsideForm(name, form.get());
		}
	}

	/** A declared variable may be set through this form only if the contract names the form. */
	private static void refuseDeclaredOutsideForm(String name, DeployedForm form) {
		Optional<CaseVariable> declared = CaseVariables.find(name);
		if (declared.isPresent() && !declared.get().forms().contains(form.id())) {
			throw forbidden(name, declared.get().display() + "由系统设置，不能通过" + form.shownAs() + "设置");
		}
	}

	/**
	 * Declared variables (unless the message carries them) and fields of deployed forms cannot be set, changed or
	 * removed this way.
	 */
	void refuseProtected(Iterable<String> names, String message, Supplier<Map<String, String>> formFields) {
		Map<String, String> fields = null;
		for (String name : names) {
			Optional<CaseVariable> declared = CaseVariables.find(name);
			if (declared.isPresent()) {
				if (message != null && declared.get().messages().contains(message)) {
					continue;
				}
				throw forbidden(name, declared.get().display() + "由系统设置，不能从外部设置、修改或删除");
			}
			if (fields == null) {
				fields = formFields.get();
			}
			if (fields.containsKey(name)) {
				throw forbidden(name, fields.get(name) + "（" + name + "）只能在其任务的表单中填写，不能从外部设置、修改或删除");
			}
		}
	}

	static Problem forbidden(String field, String detail) {
		return Problem.systemOwned(field, detail);
	}

	/** Keys of every deployed form with their labels (a form's field belongs to its form); the caller reads as the system. */
	Map<String, String> formFields(RepositoryService repository) {
		Map<String, String> all = new LinkedHashMap<>();
		for (Deployment deployment : repository.createDeploymentQuery().list()) {
			all.putAll(formFieldsByDeployment.computeIfAbsent(deployment.getId(), id -> formFieldsOf(repository, id)));
		}
		return all;
	}

	private static Map<String, String> formFieldsOf(RepositoryService repository, String deploymentId) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
			if (!resource.endsWith(".form")) {
				continue;
			}
			read(() -> repository.getResourceAsStream(deploymentId, resource))
				.ifPresent(form -> form.keys().forEach(key -> fields.putIfAbsent(key, form.label(key).orElse(key))));
		}
		return Map.copyOf(fields);
	}

	static Optional<DeployedForm> read(Supplier<InputStream> deployed) {
		try (InputStream in = deployed.get()) {
			return in == null ? Optional.empty() : Optional.of(DeployedForm.read(in));
		}
		catch (IOException | ProcessEngineException unreadable) {
			return Optional.empty();
		}
	}
}

package cn.zhifa.platform.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The Camunda Form a task's or a start event's form data points to, parsed once: a deployment never changes, so
 * the form a step of a deployment shows is read and parsed at its first use and kept (issue 15 §2 — reading and
 * parsing the resource at every form submission, twice, cost a few per cent of a whole case). Kept per engine and
 * per deployment: with {@code formRefBinding="deployment"} (every Zhifa model) by deployment and form key, so
 * not even the form definition is looked up again; other bindings ({@code latest}, {@code version}) resolve the
 * definition each time and keep the parsed resource by deployment and resource name.
 */
public final class DeployedForms {

	private static final String DEPLOYMENT_FORM = "camunda-forms:deployment:";
	private static final int MAX_PER_ENGINE = 1_000;

	/** Per engine (tests run several in one JVM, with ids that repeat): "deployment id / form" → parsed form. */
	private static final Map<ProcessEngineConfigurationImpl, Map<String, FormSchema>> PARSED = Collections
		.synchronizedMap(new WeakHashMap<>());

	private DeployedForms() {
	}

	/** The deployed Camunda Form of the form data; empty when the step has no Camunda Form. Outside the engine. */
	public static Optional<DeployedForm> of(ProcessEngineConfigurationImpl engine, FormData data) {
		if (!isCamundaForm(data)) {
			return Optional.empty();
		}
		try {
			return engine.getCommandExecutorTxRequired().execute(command -> of(command, data));
		}
		catch (ProcessEngineException unreadable) {
			return Optional.empty(); // the engine's own submission answers
		}
	}

	/** As {@link #of(ProcessEngineConfigurationImpl, FormData)}, inside a command of the engine. */
	public static Optional<DeployedForm> of(CommandContext command, FormData data) {
		try {
			return Optional.ofNullable(schema(command, data)).map(DeployedForm::new);
		}
		catch (ProcessEngineException | UncheckedIOException unreadable) {
			return Optional.empty(); // a missing or unreadable form: the engine's own submission answers
		}
	}

	static boolean isCamundaForm(FormData form) {
		return form != null && (form.getCamundaFormRef() != null
				|| form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:"));
	}

	/** The parsed form of the form data, null when it is not a Camunda Form of a deployment. Inside a command. */
	static FormSchema schema(CommandContext command, FormData data) {
		if (!isCamundaForm(data)) {
			return null;
		}
		Map<String, FormSchema> parsed = PARSED.computeIfAbsent(command.getProcessEngineConfiguration(),
				engine -> Collections.synchronizedMap(new Lru()));
		String deploymentId = data.getDeploymentId();
		CamundaFormRef ref = data.getCamundaFormRef();
		if (ref == null) {
			String formKey = data.getFormKey();
			if (!formKey.startsWith(DEPLOYMENT_FORM)) {
				return null; // a form in a process application: not a resource of the deployment
			}
			String resource = formKey.substring(DEPLOYMENT_FORM.length());
			return cached(parsed, deploymentId + "/" + resource, () -> read(command, deploymentId, resource));
		}
		if ("deployment".equals(ref.getBinding())) {
			return cached(parsed, deploymentId + "/ref:" + ref.getKey(), () -> readDefinition(command, ref, deploymentId));
		}
		CamundaFormDefinition definition = command.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
		if (definition == null) {
			return null;
		}
		return cached(parsed, definition.getDeploymentId() + "/" + definition.getResourceName(),
				() -> read(command, definition.getDeploymentId(), definition.getResourceName()));
	}

	/** Read outside the map's lock: two first uses at once both read, one result is kept. */
	private static FormSchema cached(Map<String, FormSchema> parsed, String key, Supplier<FormSchema> read) {
		FormSchema schema = parsed.get(key);
		if (schema == null) {
			schema = read.get();
			if (schema != null) {
				parsed.put(key, schema);
			}
		}
		return schema;
	}

	private static FormSchema readDefinition(CommandContext command, CamundaFormRef ref, String deploymentId) {
		CamundaFormDefinition definition = command.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
		return definition == null ? null : read(command, definition.getDeploymentId(), definition.getResourceName());
	}

	private static FormSchema read(CommandContext command, String deploymentId, String resource) {
		try (InputStream in = command.runWithoutAuthorization(new GetDeploymentResourceCmd(deploymentId, resource))) {
			return FormSchema.read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The least recently used forms are dropped beyond {@link #MAX_PER_ENGINE} (old deployments). */
	private static final class Lru extends LinkedHashMap<String, FormSchema> {

		Lru() {
			super(64, 0.75f, true);
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, FormSchema> eldest) {
			return size() > MAX_PER_ENGINE;
		}
	}
}

package cn.zhifa.form;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine's REST API wraps a refused form value in English ("Cannot submit task form 5f…:
 * fineAmount: …", "Cannot instantiate process definition …") and answers {@code /start} with 500.
 * This mapper answers 400 with the Chinese message alone, the field named by its label in the
 * task's or start event's form; every other error keeps the engine's own answer.
 */
@Priority(1)
final class FormErrorMapper implements ExceptionMapper<RestException> {

	private static final Pattern TASK = Pattern.compile("^/?task/([^/]+)/");
	private static final Pattern DEFINITION_BY_ID = Pattern.compile("^/?process-definition/(?!key/)([^/]+)/");
	private static final Pattern DEFINITION_BY_KEY = Pattern.compile("^/?process-definition/key/([^/]+)/(?:tenant-id/([^/]+)/)?");

	private final FormService forms;
	private final RepositoryService repository;
	private final RestExceptionHandler engineDefault = new RestExceptionHandler();

	@Context
	private UriInfo uri;

	FormErrorMapper(FormService forms, RepositoryService repository) {
		this.forms = forms;
		this.repository = repository;
	}

	@Override
	public Response toResponse(RestException exception) {
		Optional<FormFieldValidationException> refusal = refusal(exception);
		if (refusal.isEmpty()) {
			return engineDefault.toResponse(exception);
		}
		FormFieldValidationException e = refusal.get();
		Map<String, Object> body = Map.of("type", "InvalidFormValue", "message", message(e), "field", field(e));
		return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	private static Optional<FormFieldValidationException> refusal(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof FormFieldValidationException f) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}

	private static String field(FormFieldValidationException e) {
		return e.getDetail() instanceof String key ? key : "";
	}

	/** "fineAmount: 请填写…" becomes "罚款数额：请填写…"; messages already labelled stay as they are. */
	private String message(FormFieldValidationException e) {
		String text = e.getMessage();
		String field = field(e);
		if (field.isEmpty() || !text.startsWith(field + ": ")) {
			return text;
		}
		String rule = text.substring(field.length() + 2);
		return label(field).map(label -> label + "：" + rule).orElse(rule);
	}

	private Optional<String> label(String field) {
		try {
			String path = uri == null ? "" : uri.getPath();
			Supplier<InputStream> form = deployedForm(path);
			if (form == null) {
				return Optional.empty();
			}
			try (InputStream in = form.get()) {
				return FormSchema.read(in).field(field).map(FormSchema.Field::name);
			}
		}
		catch (Exception notFound) {
			return Optional.empty();
		}
	}

	private Supplier<InputStream> deployedForm(String path) {
		Matcher task = TASK.matcher(path);
		if (task.find()) {
			String id = task.group(1);
			return () -> forms.getDeployedTaskForm(id);
		}
		Matcher byId = DEFINITION_BY_ID.matcher(path);
		if (byId.find()) {
			String id = byId.group(1);
			return () -> forms.getDeployedStartForm(id);
		}
		Matcher byKey = DEFINITION_BY_KEY.matcher(path);
		if (byKey.find()) {
			String key = byKey.group(1);
			String tenant = byKey.group(2);
			return () -> forms.getDeployedStartForm(latest(key, tenant).getId());
		}
		return null;
	}

	private ProcessDefinition latest(String key, String tenant) {
		var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
		return (tenant == null ? query : query.tenantIdIn(tenant)).list().get(0);
	}
}

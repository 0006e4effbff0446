package cn.zhifa.document;

import cn.zhifa.platform.CaseVariables;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.Step;
import cn.zhifa.platform.Steps;

/**
 * Service task "generate a document" for any process:
 * {@code camunda:delegateExpression="${generateDocument}"} with input parameters
 * <ul>
 * <li>{@code documentKind} (required): a kind of {@code templates/document-kinds.yml}, e.g. {@code REVIEW_OPINION};</li>
 * <li>{@code documentVariable} (optional): the process variable that receives the document id,
 * default {@code <kind in camelCase>DocId} ({@code reviewOpinionDocId});</li>
 * <li>{@code documentNumberVariable} (optional): the process variable that receives the document number.</li>
 * </ul>
 * The template sees every process variable; the agency is {@code agencyCode} (else the tenant), the case
 * is {@code caseId} (else the business key). Thin by design: all work is in {@link DocumentService}.
 */
@Component("generateDocument")
class GenerateDocumentDelegate implements JavaDelegate {

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
	static final String KIND = "documentKind";
	static final String DOCUMENT_VARIABLE = "documentVariable";
	static final String NUMBER_VARIABLE = "documentNumberVariable";

	private final DocumentService documents;

	GenerateDocumentDelegate(DocumentService documents) {
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = text(execution.getVariable(KIND));
		if (kind == null) {
			throw new ProcessEngineException("Service task " + execution.getCurrentActivityId()
					+ " needs the input parameter 'documentKind' (a kind listed in templates/document-kinds.yml)");
		}
		String agencyCode = text(execution.getVariable(CaseVariables.AGENCY_CODE));
		if (agencyCode == null) {
			agencyCode = execution.getTenantId();
		}
		if (agencyCode == null) {
			throw new ProcessEngineException("Document " + kind + ": the process has no 'agencyCode' variable or tenant");
		}
		String caseId = text(execution.getVariable(CaseVariables.CASE_ID));
		if (caseId == null) {
			caseId = execution.getProcessBusinessKey();
		}
		Map<String, Object> fields = fields(execution);
		GeneratedDocument document;
		try {
			document = documents.generate(kind, agencyCode, caseId, execution.getProcessInstanceId(), fields,
					currentUser(execution));
		}
		catch (UnknownDocumentKindException e) {
			throw new ProcessEngineException(e.getMessage(), e);
		}
		String idVariable = text(execution.getVariable(DOCUMENT_VARIABLE));
		execution.setVariable(idVariable != null ? idVariable : DocumentKind.idVariable(kind), document.id());
		String numberVariable = text(execution.getVariable(NUMBER_VARIABLE));
		if (numberVariable != null) {
			execution.setVariable(numberVariable, document.number());
		}
	}

	/**
	 * Every process variable as the template sees it: a JSON variable (e.g. the rows of an inventory) as lists and
	 * maps, read once from its stored text (not first into Spin's tree and back to text); an object variable
	 * deserialised as the engine does it; the others as they are.
	 */
	private static Map<String, Object> fields(DelegateExecution execution) {
		VariableMap variables = execution.getVariablesTyped(false);
		Map<String, Object> fields = new HashMap<>();
		for (String name : variables.keySet()) {
			TypedValue value = variables.getValueTyped(name);
			if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
				fields.put(name, SpinValueType.JSON.equals(value.getType()) ? plain(serialized.getValueSerialized())
						: plain(execution.getVariable(name)));
			}
			else {
				fields.put(name, plain(value.getValue()));
			}
		}
		return fields;
	}

	private static Object plain(Object value) {
		return value instanceof SpinJsonNode json ? plain(json.toString()) : value;
	}

	private static Object plain(String json) {
		try {
			return json == null ? null : JSON.readValue(json, Object.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new ProcessEngineException("JSON variable cannot be read: " + e.getOriginalMessage(), e);
		}
	}

	/** The step's user, or null for the system (the document service then names the web request's user). */
	private static String currentUser(DelegateExecution execution) {
		Step step = Steps.of(execution);
		return step.bySystem() ? null : step.actor();
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}
}

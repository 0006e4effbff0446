package cn.zhifa.platform;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.IdentityService;

/**
 * The mapping side of a delegate or a task check (ADR-0038): the {@link Step} of an execution or a task,
 * and typed reads of its variables. Only delegates and task-check beans call these; services receive
 * the values.
 */
public final class Steps {

	private Steps() {
	}

	/** The step an execution runs (a service task, an event, a listener of the process). */
	public static Step of(DelegateExecution execution) {
		Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return new Step(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), execution.getTenantId(),
				execution.getCurrentActivityId(), null, null, userOf(login), groupsOf(login), agenciesOf(login));
	}

	/** The step of a task's form check (created, assigned or completed). */
	public static Step of(DelegateTask task) {
		Authentication login = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		DelegateExecution execution = task.getExecution();
		return new Step(task.getProcessInstanceId(), execution == null ? null : execution.getProcessBusinessKey(),
				task.getTenantId(), task.getTaskDefinitionKey(), task.getId(), task.getName(), userOf(login),
				groupsOf(login), agenciesOf(login));
	}

	/** Who the engine's current command runs for, as the user of a request ({@code null}: nobody, the system). */
	public static CurrentUser engineUser(IdentityService identity) {
		Authentication login = identity.getCurrentAuthentication();
		return login == null || login.getUserId() == null ? null
				: new CurrentUser(login.getUserId(), groupsOf(login), agenciesOf(login));
	}

	/** The id of whoever the engine's current command runs for, or {@link Step#SYSTEM}. */
	public static String engineActor(IdentityService identity) {
		CurrentUser user = engineUser(identity);
		return user == null ? Step.SYSTEM : user.id();
	}

	/** A text variable trimmed; blank and absent are {@code null}. */
	public static String text(VariableScope scope, String name) {
		return FormFields.text(scope, name);
	}

	/** A text variable that must be there: else the form field's validation error naming it. */
	public static String required(VariableScope scope, String name, String label) {
		return FormFields.required(scope, name, label);
	}

	/**
	 * An instance opened under its own number {@code no}: its business key and variable {@code numberVariable} are
	 * the number, {@code agencyCode} and {@code agencyName} the agency it runs for (as its start delegate maps them).
	 */
	public static void numbered(DelegateExecution execution, String numberVariable, String no, String agency,
			String agencyName) {
		execution.setProcessBusinessKey(no);
		execution.setVariable(numberVariable, no);
		execution.setVariable(CaseVariables.AGENCY_CODE, agency);
		execution.setVariable("agencyName", agencyName);
	}

	/**
	 * The input parameter {@code name} of the service task the execution runs (a local variable the model sets), as
	 * text; absent: the model is wrong, a {@link ProcessEngineException} naming the task and the parameter.
	 */
	public static String input(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null) {
			throw new ProcessEngineException(execution.getCurrentActivityId() + " needs the input parameter " + name);
		}
		return value.toString();
	}

	/** The agency a task is about: its tenant, else the variable {@code agencyCode} as text ({@code null}: neither). */
	public static String agency(DelegateTask task) {
		if (task.getTenantId() != null) {
			return task.getTenantId();
		}
		Object agency = task.getVariable(CaseVariables.AGENCY_CODE);
		return agency == null ? null : agency.toString();
	}

	/** A boolean variable: {@code true} only for {@code true} or "true". */
	public static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

	/** A number variable as a long, or {@code null} if absent or not a number. */
	public static Long number(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number n) {
			return n.longValue();
		}
		try {
			return value == null || value.toString().isBlank() ? null : Long.valueOf(value.toString().strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String userOf(Authentication login) {
		return login == null ? null : login.getUserId();
	}

	private static Set<String> groupsOf(Authentication login) {
		return login == null ? Set.of() : Set.copyOf(nonNull(login.getGroupIds()));
	}

	private static Set<String> agenciesOf(Authentication login) {
		return login == null ? Set.of() : Set.copyOf(nonNull(login.getTenantIds()));
	}

	private static List<String> nonNull(List<String> list) {
		return list == null ? List.of() : list;
	}
}

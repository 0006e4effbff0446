package cn.zhifa.qualification;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Steps;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Task listener on every enforcement step (R-QUAL-2/3), on {@code assignment} and {@code complete}:
 * the new assignee, or the user completing the task (the logged-in user, else the assignee), must be
 * a qualified officer of the case's agency on the engine's current day. An {@code INVESTIGATION} step
 * also needs {@link #INVESTIGATING_OFFICERS} to name at least two qualified officers. A refusal is
 * logged at WARN and thrown as {@link NotQualifiedException}, which rolls the claim or completion back.
 */
class EnforcementStepGuard implements TaskListener {

	/** BPMN extension property ({@code camunda:properties}) marking a user task as an enforcement step. */
	static final String ENFORCEMENT_ACTION = "enforcementAction";
	static final String INVESTIGATION = "INVESTIGATION";
	/** Process variable: user ids of the officers who investigated (list, JSON array or comma-separated). */
	static final String INVESTIGATING_OFFICERS = "investigatingOfficers";
	static final String AGENCY_VARIABLE = CaseVariables.AGENCY_CODE;

	private static final Logger log = LoggerFactory.getLogger(EnforcementStepGuard.class);
	private static final ObjectMapper JSON = new ObjectMapper();

	private final String enforcementAction;
	private final Supplier<QualificationService> qualifications;

	EnforcementStepGuard(String enforcementAction, Supplier<QualificationService> qualifications) {
		this.enforcementAction = enforcementAction;
		this.qualifications = qualifications;
	}

	@Override
	public void notify(DelegateTask task) {
		QualificationService service = qualifications.get();
		String agency = agencyOf(task);
		LocalDate day = service.today();
		if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			if (task.getAssignee() != null) {
				check(task, service, task.getAssignee(), agency, day);
			}
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			check(task, service, actingUser(task), agency, day);
			if (INVESTIGATION.equals(enforcementAction)) {
				checkInvestigators(task, service, agency, day);
			}
		}
	}

	private void check(DelegateTask task, QualificationService service, String userId, String agency, LocalDate day) {
		service.refusal(userId, agency, day, enforcementAction).ifPresent(refused -> refuse(task, refused));
	}

	/** R-QUAL-2 / 行政处罚法 art. 42: investigation by at least two officers, each qualified. */
	private void checkInvestigators(DelegateTask task, QualificationService service, String agency, LocalDate day) {
		Set<String> investigators = new LinkedHashSet<>(userIds(task.getVariable(INVESTIGATING_OFFICERS)));
		if (investigators.size() < 2) {
			refuse(task, new NotQualifiedException(actingUser(task), Refusal.TOO_FEW_INVESTIGATORS,
					"调查取证须由两名以上持有效执法证的本机构执法人员实施，请登记调查取证执法人员（至少两名），当前登记："
							+ (investigators.isEmpty() ? "无" : String.join("、", investigators))));
		}
		for (String investigator : investigators) {
			service.refusal(investigator, agency, day, enforcementAction).ifPresent(refused -> refuse(task,
					new NotQualifiedException(investigator, refused.getRefusal(),
							"调查取证执法人员不符合要求：" + refused.getMessage())));
		}
	}

	private void refuse(DelegateTask task, NotQualifiedException refused) {
		log.warn("Refused {} of enforcement step {} ({}) in process instance {} (agency {}) to {}: {} — {}",
				task.getEventName(), task.getTaskDefinitionKey(), enforcementAction, task.getProcessInstanceId(),
				agencyOf(task), refused.getActor(), refused.getRefusal(), refused.getMessage());
		throw refused;
	}

	private static String actingUser(DelegateTask task) {
		CurrentUser current = Steps.engineUser(task.getProcessEngineServices().getIdentityService());
		if (current != null) {
			return current.id();
		}
		return task.getAssignee();
	}

	private static String agencyOf(DelegateTask task) {
		if (task.getTenantId() != null) {
			return task.getTenantId();
		}
		Object agency = task.getVariable(AGENCY_VARIABLE);
		return agency == null ? null : agency.toString();
	}

	/** User ids from a Java collection, a JSON array (Spin JSON or text) or comma-separated text. */
	static List<String> userIds(Object value) {
		List<String> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		if (value instanceof Collection<?> collection) {
			collection.forEach(v -> add(ids, v));
			return ids;
		}
		if (value instanceof Object[] array) {
			for (Object v : array) {
				add(ids, v);
			}
			return ids;
		}
		String text = value.toString().strip();
		if (text.startsWith("[")) {
			try {
				for (JsonNode node : JSON.readTree(text)) {
					add(ids, node.isTextual() ? node.textValue() : node.toString());
				}
			}
			catch (IOException e) {
				// not JSON after all: nobody recorded, refused below with the variable shown
			}
			return ids;
		}
		for (String part : text.split("[,，、;；\\s]+")) {
			add(ids, part);
		}
		return ids;
	}

	private static void add(List<String> ids, Object value) {
		if (value != null && !value.toString().isBlank()) {
			ids.add(value.toString().strip());
		}
	}
}

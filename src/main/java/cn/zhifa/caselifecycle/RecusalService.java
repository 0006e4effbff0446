package cn.zhifa.caselifecycle;

import static cn.zhifa.platform.CaseVariables.HANDLER_ID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.document.DisplayLabels;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.qualification.QualificationService;
import cn.zhifa.record.RecordService;

/**
 * Recusal (回避, 行政处罚法 art. 43; the hearing chair, art. 64(4)). The party applies against an officer of the
 * case — its handler, an investigator or the hearing chair — with grounds; the application is registered from
 * Tasklist (process {@code case-recusal}) or {@code POST /api/cases/{caseNo}/recusal} and reaches the case as the
 * message {@value #MESSAGE}: the head decides (决定是否回避) while the investigation goes on. The process records
 * every decision (granted or refused) in the case's full-process record and, when granted, replaces the officer.
 */
@Service
public class RecusalService {

	static final String MESSAGE = "enforcement.recusalRequested";
	static final String RECUSED_OFFICERS = "recusedOfficers";
	private static final ObjectMapper JSON = new ObjectMapper();

	private final CaseService cases;
	private final RuntimeService runtimeService;
	private final RecordService records;
	private final DisplayLabels labels;
	private final CaseOfficerRepository officers;

	RecusalService(CaseService cases, RuntimeService runtimeService, RecordService records, DisplayLabels labels,
			CaseOfficerRepository officers) {
		this.cases = cases;
		this.runtimeService = runtimeService;
		this.records = records;
		this.labels = labels;
		this.officers = officers;
	}

	/**
	 * Registers the party's application: {@code officer} names (user id or full name) the handler, an investigator or
	 * the hearing chair of the case; {@code agency} the starting process's tenant (Tasklist) or null (the login's).
	 */
	public void request(String caseNo, String officer, String grounds, String by, String agency) {
		InputCheck.requireText("recusedOfficer", "申请回避的执法人员", officer, InputCheck.VARIABLE_LENGTH);
		InputCheck.requireText("recusalGrounds", "申请回避的理由", grounds, InputCheck.VARIABLE_LENGTH);
		if (officer == null || officer.isBlank()) {
			throw Problem.invalid("recusedOfficer", "请填写申请回避的执法人员");
		}
		if (grounds == null || grounds.isBlank()) {
			throw Problem.invalid("recusalGrounds", "请填写当事人申请回避的理由（行政处罚法第四十三条）");
		}
		EnforcementCase c = cases.find(caseNo)
			.filter(found -> agency != null ? agency.equals(found.getAgencyCode())
					: CurrentUser.get().mayAccessAgency(found.getAgencyCode()))
			.orElseThrow(() -> Problem.notFound("caseId", "案件不存在：" + caseNo));
		if (c.getProcessInstanceId() == null) {
			throw Problem.conflict("caseId", "案件当前阶段不能申请回避（" + c.getStage() + "）");
		}
		withoutAuthorization(() -> {
			if (runtimeService.createEventSubscriptionQuery().processInstanceId(c.getProcessInstanceId()).eventName(MESSAGE)
				.count() == 0) {
				throw Problem.conflict("caseId", "案件当前阶段不能申请回避（" + c.getStage() + "）：回避申请在调查与决定阶段提出");
			}
			Map<String, Object> vars = runtimeService.getVariables(c.getProcessInstanceId(),
					List.of(HANDLER_ID, "investigatingOfficers", "hearingChair"));
			Map<String, List<String>> roles = roles(vars);
			String wanted = officer.strip();
			String userId = roles.keySet().stream()
				.filter(u -> u.equals(wanted) || labels.personName(u).map(wanted::equals).orElse(false)).findFirst()
				.orElseThrow(() -> Problem.invalid("recusedOfficer", "“" + wanted + "”不是本案的承办人、调查人员或听证主持人；"
						+ "当事人可以申请本案执法人员回避（行政处罚法第四十三条、第六十四条第四项）"));
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("recusedOfficer", userId);
			message.put("recusedOfficerName", labels.personName(userId).orElse(userId));
			message.put("recusedOfficerRoles", String.join("、", roles.get(userId)));
			message.put("recusalGrounds", grounds.strip());
			message.put("recusalRequestedBy", by);
			try {
				runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(c.getProcessInstanceId())
					.setVariables(message).correlate();
			}
			catch (MismatchingMessageCorrelationException e) {
				throw Problem.conflict("caseId", "案件当前阶段不能申请回避（" + c.getStage() + "）：回避申请在调查与决定阶段提出");
			}
			Map<String, Object> data = new LinkedHashMap<>(message);
			records.append(caseNo, "RECUSAL_REQUESTED", by, c.getAgencyCode(), c.getProcessInstanceId(),
					"messageEvent_recusalRequested", data);
			return null;
		});
	}

	/** Who holds which role in the case (user id → 承办人 / 调查取证执法人员 / 听证主持人). */
	private Map<String, List<String>> roles(Map<String, Object> vars) {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		Object handler = vars.get(HANDLER_ID);
		if (handler != null) {
			roles.computeIfAbsent(handler.toString(), u -> new ArrayList<>()).add(labels.label("assignment", "HANDLER"));
		}
		for (String u : QualificationService.userIds(vars.get("investigatingOfficers"))) {
			roles.computeIfAbsent(u, x -> new ArrayList<>()).add(labels.label("assignment", "INVESTIGATOR"));
		}
		Object chair = vars.get("hearingChair");
		if (chair != null && !chair.toString().isBlank()) {
			roles.computeIfAbsent(chair.toString(), u -> new ArrayList<>()).add(labels.label("assignment", "HEARING_CHAIR"));
		}
		return roles;
	}

	/** 记录回避决定: granted or refused, the head's decision is in the case's record with the grounds it answers. */
	void recordDecision(DelegateExecution execution) {
		boolean granted = Boolean.TRUE.equals(execution.getVariable("recusalGranted"));
		String decidedBy = CaseServiceAccess.currentUser(execution);
		execution.setVariable("recusalDecidedBy", decidedBy);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("recusedOfficer", execution.getVariable("recusedOfficer"));
		data.put("recusedOfficerName", execution.getVariable("recusedOfficerName"));
		data.put("recusedOfficerRoles", execution.getVariable("recusedOfficerRoles"));
		data.put("recusalGrounds", execution.getVariable("recusalGrounds"));
		data.put("granted", granted);
		data.put("decision", granted ? "准予回避" : "不予回避");
		data.put("reason", execution.getVariable("recusalDecisionReason"));
		if (granted) {
			data.put("replacementOfficer", execution.getVariable("replacementOfficer"));
		}
		data.put("basis", "《中华人民共和国行政处罚法》第四十三条、第六十四条第四项");
		records.append((String) execution.getVariable("caseId"), "RECUSAL_DECIDED", decidedBy,
				(String) execution.getVariable("agencyCode"), execution.getProcessInstanceId(), execution.getCurrentActivityId(),
				data);
	}

	/**
	 * 更换执法人员: the recused officer leaves every role they hold in the case — investigator (the list of the case's
	 * investigators and its officers), handler (the case's later steps and their open tasks go to the replacement),
	 * hearing chair — and the replacement takes it; recorded in the case's record.
	 */
	void replace(DelegateExecution execution) {
		String caseNo = (String) execution.getVariable("caseId");
		String recused = (String) execution.getVariable("recusedOfficer");
		String replacement = (String) execution.getVariable("replacementOfficer");
		List<String> changed = new ArrayList<>();
		List<String> investigators = QualificationService.userIds(execution.getVariable("investigatingOfficers"));
		if (investigators.contains(recused)) {
			Set<String> updated = new LinkedHashSet<>();
			investigators.forEach(u -> updated.add(u.equals(recused) ? replacement : u));
			execution.setVariable("investigatingOfficers", json(new ArrayList<>(updated)));
			officers.deleteByCaseNoAndUserIdAndAssignment(caseNo, recused, "INVESTIGATOR");
			cases.assignOfficer(caseNo, replacement, "INVESTIGATOR");
			changed.add("INVESTIGATOR");
		}
		if (recused.equals(execution.getVariable(HANDLER_ID))) {
			execution.setVariable(HANDLER_ID, replacement);
			officers.deleteByCaseNoAndUserIdAndAssignment(caseNo, recused, "HANDLER");
			cases.assignOfficer(caseNo, replacement, "HANDLER");
			var taskService = execution.getProcessEngineServices().getTaskService();
			for (Task t : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskAssignee(recused)
				.list()) {
				taskService.setAssignee(t.getId(), replacement);
			}
			changed.add("HANDLER");
		}
		if (recused.equals(execution.getVariable("hearingChair"))) {
			execution.setVariable("hearingChair", replacement);
			changed.add("HEARING_CHAIR");
		}
		cases.assignOfficer(caseNo, recused, "RECUSED");
		List<String> recusedOfficers = new ArrayList<>(QualificationService.userIds(execution.getVariable(RECUSED_OFFICERS)));
		if (!recusedOfficers.contains(recused)) {
			recusedOfficers.add(recused);
		}
		execution.setVariable(RECUSED_OFFICERS, json(recusedOfficers));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("recusedOfficer", recused);
		data.put("recusedOfficerName", labels.personName(recused).orElse(recused));
		data.put("replacementOfficer", replacement);
		data.put("replacementOfficerName", labels.personName(replacement).orElse(replacement));
		data.put("roles", changed.stream().map(r -> labels.label("assignment", r)).toList());
		data.put("investigatingOfficers", QualificationService.userIds(execution.getVariable("investigatingOfficers")));
		records.append(caseNo, "OFFICER_REPLACED", CaseServiceAccess.currentUser(execution),
				(String) execution.getVariable("agencyCode"), execution.getProcessInstanceId(), execution.getCurrentActivityId(),
				data);
	}

	private static Object json(List<String> ids) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(ids)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The correlation from Tasklist runs as the officer: the agency was checked, the message is the system's. */
	private static <T> T withoutAuthorization(java.util.function.Supplier<T> work) {
		var commandContext = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
		if (commandContext == null) {
			return work.get();
		}
		boolean check = commandContext.isAuthorizationCheckEnabled();
		commandContext.disableAuthorizationCheck();
		try {
			return work.get();
		}
		finally {
			commandContext.setAuthorizationCheckEnabled(check);
		}
	}

	/** Helpers shared with {@link CaseService}. */
	static final class CaseServiceAccess {
		private CaseServiceAccess() {
		}

		static String currentUser(DelegateExecution execution) {
			var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			return auth == null ? null : auth.getUserId();
		}
	}

	/** From Tasklist (process case-recusal): the case's head is asked to decide. */
	@Component("requestRecusal")
	static class Request implements JavaDelegate {
		private final RecusalService recusals;

		Request(RecusalService recusals) {
			this.recusals = recusals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			try {
				recusals.request((String) execution.getVariable("caseId"), (String) execution.getVariable("recusedOfficer"),
						(String) execution.getVariable("recusalGrounds"), (String) execution.getVariable("recusalRequestedBy"),
						execution.getTenantId());
			}
			catch (Problem refused) {
				// a start form's refusal: the form shows it on its field (400), nothing is started
				throw CaseService.invalid(refused.field(), refused.detail());
			}
		}
	}

	@Component("recordRecusal")
	static class RecordDecision implements JavaDelegate {
		private final RecusalService recusals;

		RecordDecision(RecusalService recusals) {
			this.recusals = recusals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			recusals.recordDecision(execution);
		}
	}

	@Component("replaceRecusedOfficer")
	static class Replace implements JavaDelegate {
		private final RecusalService recusals;

		Replace(RecusalService recusals) {
			this.recusals = recusals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			recusals.replace(execution);
		}
	}
}

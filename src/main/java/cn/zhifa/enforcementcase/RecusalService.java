package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.CaseVariables.HANDLER_ID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.document.DisplayLabels;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Step;
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
class RecusalService {

	static final String MESSAGE = "enforcement.recusalRequested";
	static final String RECUSED_OFFICERS = "recusedOfficers";
	private static final ObjectMapper JSON = new ObjectMapper();

	private final EnforcementCaseService cases;
	private final RuntimeService runtimeService;
	private final RecordService records;
	private final DisplayLabels labels;
	private final CaseOfficerRepository officers;
	private final TaskService taskService;

	RecusalService(EnforcementCaseService cases, RuntimeService runtimeService, RecordService records, DisplayLabels labels,
			CaseOfficerRepository officers, TaskService taskService) {
		this.taskService = taskService;
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
		// the correlation from Tasklist runs as the officer: the agency was checked, the message is the system's
		AsSystem.call(() -> {
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

	/**
	 * 记录回避决定: granted or refused, the head's decision is in the case's record with the grounds it answers.
	 * Returns who decided (the step's user; null for the system), which the process keeps.
	 */
	String recordDecision(Step step, String caseNo, String agencyCode, Decision decision) {
		String decidedBy = step.bySystem() ? null : step.actor();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("recusedOfficer", decision.recusedOfficer());
		data.put("recusedOfficerName", decision.recusedOfficerName());
		data.put("recusedOfficerRoles", decision.recusedOfficerRoles());
		data.put("recusalGrounds", decision.grounds());
		data.put("granted", decision.granted());
		data.put("decision", decision.granted() ? "准予回避" : "不予回避");
		data.put("reason", decision.reason());
		if (decision.granted()) {
			data.put("replacementOfficer", decision.replacementOfficer());
		}
		data.put("basis", "《中华人民共和国行政处罚法》第四十三条、第六十四条第四项");
		records.append(caseNo, "RECUSAL_DECIDED", decidedBy, agencyCode, step.processInstanceId(), step.activityId(), data);
		return decidedBy;
	}

	/** The head's decision on an application as the process holds it (values as the process holds them). */
	record Decision(Object recusedOfficer, Object recusedOfficerName, Object recusedOfficerRoles, Object grounds,
			boolean granted, Object reason, Object replacementOfficer) {
	}

	/**
	 * Who holds which role in the case as the process holds it: the investigating officers, the handler, the hearing
	 * chair and the officers recused so far (values as the process holds them).
	 */
	record OfficerRoles(Object investigatingOfficers, Object handlerId, Object hearingChair, Object recusedOfficers) {
	}

	/**
	 * 更换执法人员: the recused officer leaves every role they hold in the case — investigator (the list of the case's
	 * investigators and its officers), handler (the case's later steps and their open tasks go to the replacement),
	 * hearing chair — and the replacement takes it; recorded in the case's record. The changed variables go to
	 * {@code set} (the process) as they change: the handler's before their open tasks are reassigned.
	 */
	void replace(Step step, String caseNo, String agencyCode, String recused, String replacement, OfficerRoles roles,
			BiConsumer<String, Object> set) {
		List<String> changed = new ArrayList<>();
		Object investigatingOfficers = roles.investigatingOfficers();
		List<String> investigators = QualificationService.userIds(investigatingOfficers);
		if (investigators.contains(recused)) {
			Set<String> updated = new LinkedHashSet<>();
			investigators.forEach(u -> updated.add(u.equals(recused) ? replacement : u));
			investigatingOfficers = json(new ArrayList<>(updated));
			set.accept("investigatingOfficers", investigatingOfficers);
			officers.deleteByCaseNoAndUserIdAndAssignment(caseNo, recused, "INVESTIGATOR");
			cases.assignOfficer(caseNo, replacement, "INVESTIGATOR");
			changed.add("INVESTIGATOR");
		}
		if (recused.equals(roles.handlerId())) {
			set.accept(HANDLER_ID, replacement);
			officers.deleteByCaseNoAndUserIdAndAssignment(caseNo, recused, "HANDLER");
			cases.assignOfficer(caseNo, replacement, "HANDLER");
			for (Task t : taskService.createTaskQuery().processInstanceId(step.processInstanceId()).taskAssignee(recused)
				.list()) {
				taskService.setAssignee(t.getId(), replacement);
			}
			changed.add("HANDLER");
		}
		if (recused.equals(roles.hearingChair())) {
			set.accept("hearingChair", replacement);
			changed.add("HEARING_CHAIR");
		}
		cases.assignOfficer(caseNo, recused, "RECUSED");
		List<String> recusedOfficers = new ArrayList<>(QualificationService.userIds(roles.recusedOfficers()));
		if (!recusedOfficers.contains(recused)) {
			recusedOfficers.add(recused);
		}
		set.accept(RECUSED_OFFICERS, json(recusedOfficers));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("recusedOfficer", recused);
		data.put("recusedOfficerName", labels.personName(recused).orElse(recused));
		data.put("replacementOfficer", replacement);
		data.put("replacementOfficerName", labels.personName(replacement).orElse(replacement));
		data.put("roles", changed.stream().map(r -> labels.label("assignment", r)).toList());
		data.put("investigatingOfficers", QualificationService.userIds(investigatingOfficers));
		records.append(caseNo, "OFFICER_REPLACED", step.bySystem() ? null : step.actor(), agencyCode,
				step.processInstanceId(), step.activityId(), data);
	}

	private static Object json(List<String> ids) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(ids)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}

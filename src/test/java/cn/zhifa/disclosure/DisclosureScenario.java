package cn.zhifa.disclosure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives {@code disclosure-publication} for tests of the portal: starts it with a person's penalty
 * decision full of personal data and takes the item through preparation (officer1) and review
 * (office1), as in Tasklist. Uses the engine clock as it is.
 */
public final class DisclosureScenario {

	public static final String PERSON_NAME = "王小明";
	public static final String PERSON_ID = "530302199003151234";
	public static final String PHONE = "13812345678";
	public static final String ADDRESS = "南宁西路12号";

	private final ProcessEngine engine;

	public DisclosureScenario(ProcessEngine engine) {
		this.engine = engine;
	}

	/** The start variables (case contract) of a penalty on {@link #PERSON_NAME}; {@code conclusionExtra} is appended. */
	public Map<String, Object> decision(String caseId, String decisionNumber, String conclusionExtra) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("caseId", caseId);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("decisionType", "PENALTY");
		vars.put("decisionDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
		vars.put("decisionNumber", decisionNumber);
		vars.put("partyType", "PERSON");
		vars.put("partyName", PERSON_NAME);
		vars.put("partyIdNumber", PERSON_ID);
		vars.put("category", "市容环境卫生");
		vars.put("conclusion", "当事人" + PERSON_NAME + "（身份证号码" + PERSON_ID + "，住址：曲靖市麒麟区" + ADDRESS + "，电话" + PHONE
				+ "）在寥廓南路占道经营，决定罚款200元。" + conclusionExtra);
		vars.put("legalBasis", "《城市市容和环境卫生管理条例》第三十六条");
		return vars;
	}

	public ProcessInstance start(Map<String, Object> vars) {
		engine.getIdentityService().clearAuthentication();
		return engine.getRuntimeService().startProcessInstanceByKey("disclosure-publication", (String) vars.get("caseId"), vars);
	}

	/** Prepares and approves the item; returns its public item number. */
	public String publish(ProcessInstance pi) {
		complete(pi, "userTask_prepareDisclosure", "officer1",
				Map.of("publicConclusion", engine.getRuntimeService().getVariable(pi.getId(), "publicConclusion")));
		complete(pi, "userTask_reviewDisclosure", "office1", Map.of("disclosureReviewOutcome", "APPROVE"));
		complete(pi, "userTask_justiceReviewDisclosure", "reviewer1", Map.of("disclosureReviewOutcome", "APPROVE"));
		return itemNo(pi);
	}

	public String itemNo(ProcessInstance pi) {
		return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
			.variableName("disclosureItemNo").singleResult().getValue();
	}

	public void revoke(String caseId, String reason) {
		engine.getIdentityService().clearAuthentication();
		engine.getRuntimeService().createMessageCorrelation("disclosure.decisionRevoked").processInstanceBusinessKey(caseId)
			.setVariable("revocationKind", "REVOKED").setVariable("revocationReason", reason).correlate();
	}

	private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> vars) {
		IdentityService identity = engine.getIdentityService();
		identity.clearAuthentication();
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
			.singleResult();
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
			.map(Tenant::getId).toList();
		identity.setAuthentication(user, groups, tenants);
		try {
			engine.getTaskService().claim(task.getId(), user);
			engine.getTaskService().complete(task.getId(), vars);
		}
		finally {
			identity.clearAuthentication();
		}
	}
}

package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;




import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.sla.Notification;
import cn.zhifa.sla.SlaService;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code disclosure-publication}, one scenario per path, on the running application: real
 * engine, decision table {@code disclosure-deadline}, working-day calendar, redaction rules and the
 * public read side ({@link PublicDisclosures}). Tasks are completed as the demo users who would do
 * them in Tasklist; time moves with the engine clock across holidays (R-DISC-3…6).
 */
@ZhifaIntegrationTest
class DisclosurePublicationProcessTests extends EngineTestSupport {

	static final String PERSON_ID = "530302199003151234";
	static final String PHONE = "13812345678";

	@Autowired
	PublicDisclosures portal;
	@Autowired
	SlaService sla;

	String caseId;
	/** Unique part of the case and decision numbers, to find this test's item by keyword. */
	String tag;

	@BeforeEach
	void newCase() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		caseId = "寥街罚〔2026〕D" + tag + "号";
	}

	/** R-DISC-6: the review is a second person — someone in both roles may not approve what they prepared. */
	@Test
	void whoPreparedTheItemMayNotReviewIt() {
		String both = "disc" + tag;
		newUser(both, "x" + tag, "LIAOKUO", "LIAOKUO-officer", "LIAOKUO-office");
		clockAt(moment("2026-09-28T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionDate", "2026-09-28"));
		prepareAs(both, pi, Map.of());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reviewAs(both, pi, "APPROVE", null))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("不得审核本人");
		engine.getIdentityService().clearAuthentication();
		engine.getTaskService().setAssignee(openTask(pi, "userTask_reviewDisclosure").getId(), null);
		reviewAs("office1", pi, "APPROVE", null);
		assertThat(var(pi, "disclosureReviewedBy")).isEqualTo("office1");
		assertThat(pi).isWaitingAt("userTask_justiceReviewDisclosure");
		assertThat(pi).isWaitingAt("userTask_justiceReviewDisclosure");
	}

	/**
	 * R-DISC-6 (seed 000: 部门 → 党政办 + 司法所审核 → 公开): both offices review, each through its own staff;
	 * one person does not do both reviews; a return by the justice office goes back to the handler and
	 * both review again.
	 */
	@Test
	void generalOfficeAndJusticeOfficeBothReviewBeforePublication() {
		String both = "both" + tag;
		newUser(both, "x" + tag, "LIAOKUO", "LIAOKUO-office", "LIAOKUO-reviewer");
		clockAt(moment("2026-09-28T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionDate", "2026-09-28"));
		prepareAs("officer1", pi, Map.of());
		// the justice office cannot stand in for the general office
		// (the engine's task authorization already refuses the claim: the step is offered to LIAOKUO-office only)
		assertThatThrownBy(() -> reviewAs("reviewer1", pi, "APPROVE", null))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		engine.getIdentityService().clearAuthentication();
		engine.getTaskService().setAssignee(openTask(pi, "userTask_reviewDisclosure").getId(), null);
		reviewAs(both, pi, "APPROVE", null);
		engine.getIdentityService().clearAuthentication();
		// approved by one office only: nothing is published yet
		assertThat(pi).isWaitingAt("userTask_justiceReviewDisclosure");
		assertThat(var(pi, "disclosureStatus")).isNull();
		Task justice = openTask(pi, "userTask_justiceReviewDisclosure");
		assertThat(engine.getTaskService().getIdentityLinksForTask(justice.getId()))
			.extracting(link -> link.getGroupId()).containsExactly("LIAOKUO-reviewer");
		// the general office cannot approve twice, and one person does not do both reviews
		assertThatThrownBy(() -> justiceReviewAs("office1", pi, "APPROVE", null))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		engine.getIdentityService().clearAuthentication();
		engine.getTaskService().setAssignee(justice.getId(), null);
		assertThatThrownBy(() -> justiceReviewAs(both, pi, "APPROVE", null))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("分别审核");
		engine.getIdentityService().clearAuthentication();
		engine.getTaskService().setAssignee(justice.getId(), null);
		// the justice office returns it: back to the handler, and both offices review again
		justiceReviewAs("reviewer1", pi, "RETURN", "法律依据应写明条款项");
		engine.getIdentityService().clearAuthentication();
		assertThat(pi).isWaitingAt("userTask_prepareDisclosure");
		prepareAs("officer1", pi, Map.of());
		engine.getIdentityService().clearAuthentication();
		assertThat(pi).isWaitingAt("userTask_reviewDisclosure");
		approveBoth(pi);
		engine.getIdentityService().clearAuthentication();
		assertThat(var(pi, "disclosureStatus")).isEqualTo("PUBLISHED");
		assertThat(var(pi, "disclosureReviewedBy")).isEqualTo("office1");
		assertThat(var(pi, "disclosureJusticeReviewedBy")).isEqualTo("reviewer1");
	}

	@Test
	void penaltyIsRedactedReviewedPublishedWithinSevenWorkingDaysAndWithdrawnWhenRevoked() {
		// Monday 28 Sep 2026: 29, 30 Sep, (1–7 Oct National Day), 8, 9, 10 (adjusted Sat), 12, 13 Oct
		clockAt(moment("2026-09-28T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionDate", "2026-09-28"));

		assertThat(pi).isWaitingAt("userTask_prepareDisclosure");
		assertThat((Date) var(pi, "disclosureDueAt")).isEqualTo(moment("2026-10-13T23:59:59+08:00"));
		assertThat(var(pi, "disclosureWorkingDays")).isEqualTo(7);
		Task prepare = openTask(pi, "userTask_prepareDisclosure");
		assertThat(prepare.getDueDate()).isEqualTo(moment("2026-10-13T23:59:59+08:00"));
		assertThat(prepare.getTenantId()).isEqualTo("LIAOKUO");
		// what the handler and reviewers see is already redacted (R-DISC-4)
		String shown = (String) var(pi, "publicConclusion");
		assertThat(shown).doesNotContain("王小明", PERSON_ID, PHONE).contains("王**", "[身份证号码已隐去]", "[电话号码已隐去]");
		assertThat(var(pi, "publicPartyName")).isEqualTo("王**");
		assertThat(var(pi, "publicPartyCreditCode")).isNull();

		prepareAs("officer1", pi, Map.of());
		clockAt(moment("2026-10-09T09:00:00+08:00"));
		approveBoth(pi);

		assertThat(pi).isWaitingAt("gateway_afterPublication").hasPassedInOrder("serviceTask_registerDisclosure",
				"businessRuleTask_disclosureDeadline", "userTask_prepareDisclosure", "userTask_reviewDisclosure",
				"userTask_justiceReviewDisclosure", "serviceTask_publishDisclosure");
		// the public period is the penalty's own (dmn/disclosure-deadline.dmn: P1Y), not 3 years for every kind
		assertThat(var(pi, "disclosurePublicPeriod")).isEqualTo("P1Y");
		assertThat((Date) var(pi, "disclosurePublicUntilAt")).isEqualTo(moment("2027-10-10T00:00:00+08:00"));
		assertThat(var(pi, "disclosureDelayWorkingDays")).isEqualTo(0);
		String itemNo = (String) var(pi, "disclosureItemNo");
		PublicDisclosure published = portal.find(itemNo).orElseThrow();
		assertThat(published.status()).isEqualTo("PUBLISHED");
		assertThat(published.partyName()).isEqualTo("王**");
		assertThat(published.conclusion()).contains("罚款200元").doesNotContain("王小明", PERSON_ID, PHONE, "南宁西路");
		assertThat(published.agencyName()).isEqualTo("寥廓街道综合行政执法队");
		assertThat(published.decisionTypeLabel()).isEqualTo("行政处罚");
		assertThat(published.version()).isEqualTo(1);
		assertThat(published.corrected()).isFalse();
		assertThat(portal.search(new DisclosureQuery(null, null, null, null, null, tag, 1, 20)).items())
			.extracting(PublicDisclosure::itemNo).containsExactly(itemNo);

		// R-DISC-5: revoked on reconsideration → withdrawn at once (limit: 3 days) with the reason, not the content
		clockAt(moment("2026-10-20T15:00:00+08:00"));
		engine.getRuntimeService().createMessageCorrelation("disclosure.decisionRevoked").processInstanceBusinessKey(caseId)
			.setVariable("revocationKind", "REVOKED").setVariable("revocationReason", "经行政复议，原处罚决定被撤销（复议人王小明电话" + PHONE + "）")
			.correlate();
		assertThat(pi).isEnded().hasPassed("serviceTask_withdrawDisclosure", "endEvent_withdrawn");
		PublicDisclosure withdrawn = portal.find(itemNo).orElseThrow();
		assertThat(withdrawn.withdrawn()).isTrue();
		assertThat(withdrawn.withdrawalReason()).startsWith("决定被依法撤销：经行政复议，原处罚决定被撤销").doesNotContain(PHONE, "王小明");
		assertThat(withdrawn.conclusion()).isNull();
		assertThat(withdrawn.partyName()).isNull();
		assertThat(withdrawn.legalBasis()).isNull();
		assertThat(historic(pi, "withdrawalDueAt")).isEqualTo(moment("2026-10-23T23:59:59+08:00"));
		// content of a withdrawn item is not searchable
		assertThat(portal.search(new DisclosureQuery(null, null, null, null, null, "罚款200元", 1, 50)).items())
			.extracting(PublicDisclosure::itemNo).doesNotContain(itemNo);
	}

	@Test
	void returnedItemGoesBackAndWithheldPassagesAreReplacedWithTheReason() {
		clockAt(moment("2026-03-02T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("partyType", "ORG", "partyName", "曲靖市麒麟区味香园餐饮有限公司", "partyIdNumber",
				"91530302MA6K7QWE1R", "decisionType", "PERMIT", "decisionDate", "2026-03-02", "conclusion",
				"准予曲靖市麒麟区味香园餐饮有限公司食品经营许可。其配方为秘制辣椒油配比3:2:1。法定代表人：李四。"));
		assertThat(var(pi, "publicPartyName")).isEqualTo("曲靖市麒麟区味香园餐饮有限公司");
		assertThat(var(pi, "publicPartyCreditCode")).isEqualTo("91530302MA6K7QWE1R");
		prepareAs("officer1", pi, Map.of());

		as("office1");
		Task review = openTask(pi, "userTask_reviewDisclosure");
		assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of("disclosureReviewOutcome", "RETURN")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("disclosureReviewComment");
		reviewAs("office1", pi, "RETURN", "配方属于商业秘密，应不予公开");
		assertThat(pi).isWaitingAt("userTask_prepareDisclosure");

		as("officer1");
		Task again = openTask(pi, "userTask_prepareDisclosure");
		assertThatThrownBy(() -> engine.getTaskService().complete(again.getId(),
				Map.of("withheldPassages", "其配方为秘制辣椒油配比3:2:1。")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("withholdingReason");
		prepareAs("officer1", pi, Map.of("withheldPassages", "其配方为秘制辣椒油配比3:2:1。", "withholdingReason",
				"TRADE_SECRET", "withholdingNote", "配方系经营者的技术秘密"));
		approveBoth(pi);

		PublicDisclosure published = portal.find((String) var(pi, "disclosureItemNo")).orElseThrow();
		assertThat(published.conclusion()).contains("[涉及商业秘密，依法不予公开]", "法定代表人：李*")
			.doesNotContain("3:2:1", "李四");
		assertThat(published.withheldNote()).isEqualTo("部分内容涉及商业秘密，依法不予公开");
		assertThat(published.partyCreditCode()).isEqualTo("91530302MA6K7QWE1R");
	}

	@Test
	void otherDecisionGetsTwentyWorkingDaysAcrossSpringFestivalWithWarningAndBreachRecorded() {
		// Tue 10 Feb 2026: 11, 12, 13, 14 (adjusted Sat), (15–23 Feb holiday), 24 … 28 (adjusted Sat), 2 … 16 Mar
		clockAt(moment("2026-02-10T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionType", "COERCION", "decisionDate", "2026-02-10"));
		assertThat((Date) var(pi, "disclosureDueAt")).isEqualTo(moment("2026-03-16T23:59:59+08:00"));
		assertThat(timerDue(pi, "timerEvent_disclosureWarning")).isEqualTo(moment("2026-03-12T00:00:00+08:00"));
		prepareAs("officer1", pi, Map.of());

		clockAt(moment("2026-03-12T08:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(openTask(pi, "userTask_reviewDisclosure").getPriority()).isEqualTo(80);
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.containsExactly("LIAOKUO-office", "LIAOKUO-reviewer");

		clockAt(moment("2026-03-17T09:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).hasPassed("serviceTask_recordBreach");
		assertThat(sla.notificationsOf(pi.getId())).extracting(Notification::getRecipientGroup)
			.contains("LIAOKUO-head", "supervisor");

		approveBoth(pi);
		assertThat(var(pi, "disclosureDelayWorkingDays")).isEqualTo(1);
	}

	/** Started from Tasklist's start form (no business key): the case number becomes the key, a revocation reaches it. */
	@Test
	void startedFromTheStartFormIsWithdrawnByItsCaseNumber() {
		clockAt(moment("2026-09-28T10:00:00+08:00"));
		String definition = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("disclosure-publication").latestVersion().singleResult().getId();
		Map<String, Object> vars = startVariables();
		vars.put("decisionDate", "2026-09-28");
		vars.remove("agencyCode"); // the agency comes from the login, not from the form
		as("officer1");
		ProcessInstance pi = engine.getFormService().submitStartForm(definition, vars); // as Tasklist: no business key
		engine.getIdentityService().clearAuthentication();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
			.getBusinessKey()).isEqualTo(caseId);
		prepareAs("officer1", pi, Map.of());
		approveBoth(pi);
		String itemNo = (String) var(pi, "disclosureItemNo");
		assertThat(portal.find(itemNo).orElseThrow().withdrawn()).isFalse();

		engine.getRuntimeService().createMessageCorrelation("disclosure.decisionRevoked").processInstanceBusinessKey(caseId)
			.setVariable("revocationKind", "REVOKED").setVariable("revocationReason", "经行政复议，原处罚决定被撤销").correlate();
		assertThat(pi).isEnded().hasPassed("serviceTask_withdrawDisclosure");
		assertThat(portal.find(itemNo).orElseThrow().withdrawn()).isTrue();
	}

	@Test
	void revokedBeforePublicationNeverReachesThePortal() {
		clockAt(moment("2026-05-11T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionDate", "2026-05-08"));
		String itemNo = (String) var(pi, "disclosureItemNo");
		engine.getRuntimeService().createMessageCorrelation("disclosure.decisionRevoked").processInstanceBusinessKey(caseId)
			.setVariable("revocationKind", "CONFIRMED_VOID").setVariable("revocationReason", "法院判决确认无效").correlate();
		assertThat(pi).isEnded().hasPassed("serviceTask_closeRevoked", "endEvent_revokedBeforePublication")
			.hasNotPassed("serviceTask_publishDisclosure");
		assertThat(historic(pi, "disclosureStatus")).isEqualTo("REVOKED_BEFORE_PUBLICATION");
		assertThat(portal.find(itemNo)).isEmpty();
	}

	@Test
	void correctionIsReviewedAndPublishedAsANewVersion() {
		clockAt(moment("2026-06-01T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionDate", "2026-06-01"));
		prepareAs("officer1", pi, Map.of());
		approveBoth(pi);
		String itemNo = (String) var(pi, "disclosureItemNo");

		clockAt(moment("2026-06-15T10:00:00+08:00"));
		engine.getRuntimeService().createMessageCorrelation("disclosure.decisionCorrected").processInstanceBusinessKey(caseId)
			.setVariable("conclusion", "对王小明（身份证号码" + PERSON_ID + "）占道经营行为，决定罚款150元。")
			.setVariable("correctionNote", "原公开的罚款数额有误，更正为150元").correlate();
		// the first version stays public while the correction is reviewed
		assertThat(portal.find(itemNo).orElseThrow().conclusion()).contains("罚款200元");
		assertThat(pi).isWaitingAt("userTask_prepareDisclosure");
		// 16, 17, 18 Jun, (19–21 Jun Dragon Boat), 22, 23, 24, 25 Jun
		assertThat((Date) var(pi, "disclosureDueAt")).isEqualTo(moment("2026-06-25T23:59:59+08:00"));
		prepareAs("officer1", pi, Map.of());
		approveBoth(pi);

		PublicDisclosure current = portal.find(itemNo).orElseThrow();
		assertThat(current.version()).isEqualTo(2);
		assertThat(current.corrected()).isTrue();
		assertThat(current.correctionNote()).isEqualTo("原公开的罚款数额有误，更正为150元");
		assertThat(current.conclusion()).contains("罚款150元", "王**").doesNotContain("200元", PERSON_ID);
		assertThat(portal.search(new DisclosureQuery("LIAOKUO", null, null, null, null, tag, 1, 20)).items())
			.singleElement().extracting(PublicDisclosure::version).isEqualTo(2);
	}

	@Test
	void afterThePublicPeriodTheItemLeavesTheListAndIsArchived() {
		clockAt(moment("2026-04-07T10:00:00+08:00"));
		ProcessInstance pi = start(Map.of("decisionDate", "2026-04-07"));
		prepareAs("officer1", pi, Map.of());
		approveBoth(pi);
		String itemNo = (String) var(pi, "disclosureItemNo");
		Date until = (Date) var(pi, "disclosurePublicUntilAt");
		// a penalty stays on the list for one year (dmn/disclosure-deadline.dmn, column 公示期)
		assertThat(until).isEqualTo(moment("2027-04-08T00:00:00+08:00"));

		clockAt(moment("2027-04-07T12:00:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isZero();
		assertThat(portal.find(itemNo)).isPresent();
		clockAt(moment("2027-04-08T00:30:00+08:00"));
		assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
		assertThat(pi).isEnded().hasPassed("endEvent_archived");
		assertThat(portal.find(itemNo)).isEmpty();
	}

	@Test
	void incompleteStartIsRefusedWithTheField() {
		clockAt(moment("2026-03-02T10:00:00+08:00"));
		Map<String, Object> vars = startVariables();
		vars.remove("decisionType");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("disclosure-publication", caseId, vars))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("decisionType");
		vars.put("decisionType", "PENALTY");
		vars.put("decisionDate", "2026-13-45");
		assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("disclosure-publication", caseId, vars))
			.hasMessageContaining("decisionDate");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
	}

	// --- steps as the users who take them

	private ProcessInstance start(Map<String, Object> overrides) {
		Map<String, Object> vars = startVariables();
		vars.putAll(overrides);
		return engine.getRuntimeService().startProcessInstanceByKey("disclosure-publication", caseId, vars);
	}

	private Map<String, Object> startVariables() {
		Map<String, Object> vars = new HashMap<>();
		vars.put("caseId", caseId);
		vars.put("agencyCode", "LIAOKUO");
		vars.put("decisionType", "PENALTY");
		vars.put("decisionDate", "2026-09-28");
		vars.put("decisionNumber", caseId.replace("D", "决"));
		vars.put("partyType", "PERSON");
		vars.put("partyName", "王小明");
		vars.put("partyIdNumber", PERSON_ID);
		vars.put("category", "市容环境卫生");
		vars.put("conclusion", "当事人王小明（身份证号码" + PERSON_ID + "，住址：曲靖市麒麟区南宁西路12号，电话" + PHONE
				+ "）在寥廓南路占道经营，决定罚款200元。");
		vars.put("legalBasis", "《城市市容和环境卫生管理条例》第三十六条");
		return vars;
	}

	private void prepareAs(String user, ProcessInstance pi, Map<String, Object> extra) {
		as(user);
		Task task = openTask(pi, "userTask_prepareDisclosure");
		as(user);
		Map<String, Object> vars = new HashMap<>(extra);
		vars.putIfAbsent("publicConclusion", var(pi, "publicConclusion"));
		as(user);
		engine.getTaskService().complete(task.getId(), vars);
	}

	/** R-DISC-6: 党政办 (office1) and then 司法所 (reviewer1) approve. */
	private void approveBoth(ProcessInstance pi) {
		reviewAs("office1", pi, "APPROVE", null);
		justiceReviewAs("reviewer1", pi, "APPROVE", null);
	}

	private void reviewAs(String user, ProcessInstance pi, String outcome, String comment) {
		reviewAs("userTask_reviewDisclosure", user, pi, outcome, comment);
	}

	private void justiceReviewAs(String user, ProcessInstance pi, String outcome, String comment) {
		reviewAs("userTask_justiceReviewDisclosure", user, pi, outcome, comment);
	}

	private void reviewAs(String step, String user, ProcessInstance pi, String outcome, String comment) {
		Task task = openTask(pi, step);
		as(user);
		engine.getTaskService().claim(task.getId(), user);
		Map<String, Object> vars = new HashMap<>();
		vars.put("disclosureReviewOutcome", outcome);
		if (comment != null) {
			vars.put("disclosureReviewComment", comment);
		}
		engine.getTaskService().complete(task.getId(), vars);
	}

	private Object var(ProcessInstance pi, String name) {
		engine.getIdentityService().clearAuthentication();
		return engine.getRuntimeService().getVariable(pi.getId(), name);
	}

	private Object historic(ProcessInstance pi, String name) {
		return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
			.variableName(name).singleResult().getValue();
	}
}

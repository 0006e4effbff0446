package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.filter.Filter;



import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.disclosure.DisclosureQuery;
import cn.zhifa.disclosure.PublicDisclosures;
import cn.zhifa.document.DocumentService;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code enforcement-case}, one scenario per path, on the running application with the
 * demo users (their authorizations, the qualification guard and the decision gate all apply).
 * The two lifecycle stories (an ordinary case, a major case) read as the case's biography.
 */
@ZhifaIntegrationTest
class EnforcementCaseProcessTests extends CaseProcessSupport {

	static final String PERSON_ID = "530302199001011232";
	static final String ORG_CODE = "91350100M000100Y43";
	/** What the officers list in 调查取证: one item a line, "kind：content". */
	static final String EVIDENCE = "现场笔录：11月2日现场检查笔录1份（签名确认）\n视听资料：现场照片6张（原始载体）\n当事人的陈述：询问笔录1份（签名确认）";
	/** Monday 2 Nov 2026, 09:00 Beijing time. */
	static final Date MONDAY = moment("2026-11-02T09:00:00+08:00");

	@Autowired
	EnforcementCaseService cases;
	@Autowired
	DocumentService documents;
	@Autowired
	cn.zhifa.calendar.Deadlines deadlines;
	@Autowired
	PublicDisclosures portal;
	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate http;

	@Test
	void filingRefusedEndsTheCaseOnRecord() {
		clockAt(MONDAY);
		String caseNo = register(person("CM-OCCUPY-ROAD"));
		ProcessInstance pi = instance(caseNo);
		assertThat(caseNo).matches("寥街罚〔2026〕\\d+号");
		Task filing = task(pi, "userTask_approveFiling");
		// discovered Fri 30 Oct: 15 working days → Fri 20 Nov 2026
		assertThat(filing.getDueDate()).isEqualTo(moment("2026-11-20T23:59:59+08:00"));

		as("head1");
		assertThatThrownBy(() -> complete(pi, "userTask_approveFiling", Map.of("filingDecision", "NOT_FILE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("notFilingReasons");
		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "NOT_FILE", "notFilingReasons", "违法事实不存在"));

		assertThat(pi).isEnded().hasPassed("endEvent_notFiled");
		assertThat(cases.find(caseNo).orElseThrow().getStage()).isEqualTo("NOT_FILED");
	}

	@Test
	void outsideCompetenceGoesToCaseTransfer() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("MR-UNLICENSED")));
		as("head1");
		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "TRANSFER_OUT", "targetAgencyName", "某县自然资源局",
				"transferReason", "属自然资源部门管辖", "urgent", false));
		assertThat(pi).isActive().isWaitingAt("callActivity_caseTransfer");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
			.processDefinitionKey("case-transfer").count()).isEqualTo(1);
	}

	/** R-COORD-1 across agencies: LIAOKUO transfers, QLSCJ receives a new case and its filing answers the transfer. */
	@Test
	void transferToAnAgencyUsingZhifaCreatesItsCaseAndItsFilingAnswers() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("MR-UNLICENSED")));
		// the head chooses the receiving agency by name among the other agencies on the platform
		assertThat(engine.getTaskService().getVariableLocal(task(pi, "userTask_approveFiling").getId(), "otherAgencies")
			.toString()).contains("{\"label\":\"某区市场监督管理局\",\"value\":\"QLSCJ\"}").doesNotContain("LIAOKUO");
		as("head1");
		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "TRANSFER_OUT", "targetAgencyCode", "QLSCJ",
				"transferReason", "无照经营属市场监管部门管辖", "urgent", false));
		ProcessInstance transfer = engine.getRuntimeService().createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId()).singleResult();
		as("head1");
		complete(transfer, "userTask_signCaseTransfer", Map.of("transferSigned", true));

		EnforcementCase received = cases.receivedThrough(transfer.getId()).orElseThrow();
		assertThat(received.getAgencyCode()).isEqualTo("QLSCJ");
		assertThat(received.getCaseNo()).startsWith("区市监罚〔2026〕");
		ProcessInstance receiving = instance(received.getCaseNo());
		assertThat(receiving.getTenantId()).isEqualTo("QLSCJ");

		// the receiving head files it, as a QLSCJ user: the answer reaches the LIAOKUO transfer anyway
		as("head2");
		complete(receiving, "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer4"));
		engine.getIdentityService().clearAuthentication();
		assertThat(transfer).isEnded();
		assertThat(pi).isEnded().hasPassed("endEvent_transferredOut");
		assertThat(var(transfer, "receivingCaseNo")).isEqualTo(received.getCaseNo());
	}

	/**
	 * R-COORD-1 after filing: the investigation finds the case is the market regulator's — the report says so, the
	 * head signs the transfer letter in the agency's name, QLSCJ files it, and the street office's case ends as
	 * transferred (its handling and 90-day timers with it), never decided.
	 */
	@Test
	void aFiledCaseFoundOutsideTheAgencysCompetenceIsTransferredAfterTheInvestigation() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("MR-UNLICENSED")));
		fileAndInvestigate(pi, EVIDENCE, false);
		as("officer1");
		assertThat(engine.getTaskService().getVariableLocal(task(pi, "userTask_concludeInvestigation").getId(), "otherAgencies")
			.toString()).contains("\"value\":\"QLSCJ\"").doesNotContain("LIAOKUO");
		assertThatThrownBy(() -> complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport",
				"经调查，当事人无照经营，属市场监管部门管辖", "outsideCompetence", true, "targetAgencyCode", "LIAOKUO",
				"transferReason", "无照经营属市场监管部门管辖"))).hasMessageContaining("targetAgencyCode");
		assertThatThrownBy(() -> complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport",
				"经调查，当事人无照经营，属市场监管部门管辖", "outsideCompetence", true, "targetAgencyCode", "QLSCJ")))
			.hasMessageContaining("transferReason");
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "经调查，当事人无照经营，属市场监管部门管辖",
				"outsideCompetence", true, "targetAgencyCode", "QLSCJ", "transferReason", "无照经营属市场监管部门管辖"));
		ProcessInstance transfer = engine.getRuntimeService().createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId()).singleResult();
		assertThat(transfer.getProcessDefinitionId()).startsWith("case-transfer:");
		as("head1");
		complete(transfer, "userTask_signCaseTransfer", Map.of("transferSigned", true));
		EnforcementCase received = cases.receivedThrough(transfer.getId()).orElseThrow();
		assertThat(received.getAgencyCode()).isEqualTo("QLSCJ");
		ProcessInstance receiving = instance(received.getCaseNo());
		as("head2");
		complete(receiving, "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer4"));
		engine.getIdentityService().clearAuthentication();

		assertThat(pi).isEnded().hasPassed("callActivity_transferAfterFiling", "serviceTask_transferredOut", "endEvent_transferredOut")
			.hasNotPassed("userTask_decide", "userTask_proposePenalty");
		assertThat(cases.find(var(pi, "caseId").toString()).orElseThrow().getStage()).isEqualTo("TRANSFERRED_OUT");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	/**
	 * R-COORD-5: the receiving agency refuses, the agencies agree that the sender keeps the case → the
	 * case comes back to 审批立案 and is handled by the sender (not closed as "transferred out").
	 */
	@Test
	void transferRefusedAndKeptAfterNegotiationComesBackToFiling() {
		clockAt(MONDAY);
		String caseNo = register(person("CM-OCCUPY-ROAD"));
		ProcessInstance pi = instance(caseNo);
		as("head1");
		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "TRANSFER_OUT", "targetAgencyCode", "QLSCJ",
				"transferReason", "举报称其销售过期食品", "urgent", false));
		ProcessInstance transfer = engine.getRuntimeService().createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId()).singleResult();
		complete(transfer, "userTask_signCaseTransfer", Map.of("transferSigned", true));
		EnforcementCase received = cases.receivedThrough(transfer.getId()).orElseThrow();

		ProcessInstance receiving = instance(received.getCaseNo());
		as("head2");
		complete(receiving, "userTask_approveFiling",
				Map.of("filingDecision", "NOT_FILE", "notFilingReasons", "占道经营属城市管理部门管辖"));
		as("head1");
		complete(transfer, "userTask_negotiateJurisdiction",
				Map.of("jurisdictionNegotiation", "SOURCE_KEEPS", "jurisdictionNotes", "协商一致由寥廓街道继续办理"));

		assertThat(transfer).isEnded();
		assertThat(var(pi, "caseTransferOutcome")).isEqualTo("KEPT_AFTER_NEGOTIATION");
		assertThat(pi).isActive().isWaitingAt("userTask_approveFiling").hasNotPassed("endEvent_transferredOut");
		assertThat(cases.find(caseNo).orElseThrow().getStage()).isNotEqualTo("TRANSFERRED_OUT");

		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer1"));
		assertThat(pi).isWaitingAt("userTask_investigate");
		assertThat(cases.find(caseNo).orElseThrow().getStage()).isEqualTo("FILED");
	}

	/** 行政处罚法 arts. 52, 59: the decision names the party's address — a case is not registered without it. */
	@Test
	void aCaseWithoutThePartysAddressIsNotRegistered() {
		clockAt(MONDAY);
		for (String address : new String[] { null, "  " }) {
			assertThatThrownBy(() -> register(person("CM-OCCUPY-ROAD").withPartyAddress(address)))
				.isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
				.hasMessageContaining("partyAddress").hasMessageContaining("住所（地址）必须填写").hasMessageContaining("第五十九条");
		}
		assertThatThrownBy(() -> register(person("CM-OCCUPY-ROAD").withPartyAddress("长".repeat(301))))
			.isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
			.hasMessageContaining("partyAddress");
	}

	/** The biography of an ordinary case: registered, filed, investigated, decided, served, paid, archived. */
	@Test
	void ordinaryCaseFromRegistrationToArchive() {
		clockAt(MONDAY);
		String caseNo = register(person("CM-OCCUPY-ROAD"));
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		assertThat(engine.getRuntimeService().getVariable(pi.getId(), "fineMin")).isEqualTo(200.0);
		// a street vendor (a person): 200–1000 yuan for an ordinary case (dmn/discretion-benchmark.dmn)
		assertThat(engine.getRuntimeService().getVariable(pi.getId(), "fineMax")).isEqualTo(1000.0);
		// the screen shows Chinese texts and names, never the codes (the form's display fields from templates/labels.yml,
		// served with the form's variables and stored nowhere: ADR-0046)
		String propose = task(pi, "userTask_proposePenalty").getId();
		assertThat(engine.getTaskService().getVariablesLocal(propose)).doesNotContainKey("handlingLabel");
		assertThat(engine.getFormService().getTaskFormVariables(propose))
			.containsEntry("handlingLabel", "一般处罚").containsEntry("circumstanceLabel", "一般")
			.containsEntry("violationCodeLabel", "占道经营（城市管理）").containsEntry("fineUnitLabel", "元")
			.containsEntry("partyTypeLabel", "自然人").containsEntry("handlerName", "李明")
			.containsEntry("registeredByName", "李明");
		assertThat(cases.evidenceOf(caseNo)).extracting(Evidence::getKind, Evidence::getDescription, Evidence::getObtainedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("现场笔录", "11月2日现场检查笔录1份", "李明、王芳"),
					org.assertj.core.groups.Tuple.tuple("视听资料", "现场照片6张", "李明、王芳"),
					org.assertj.core.groups.Tuple.tuple("当事人的陈述", "询问笔录1份", "李明、王芳"));

		as("officer1");
		assertThatThrownBy(() -> complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 1500)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("discretionReason");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 800, "penaltyKinds", "罚款"));
		assertThat(engine.getRuntimeService().getVariable(pi.getId(), "priorNoticeDocId")).isNotNull();
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		// each service has its 送达回证 (行政处罚法 art. 61): the document served, its number, manner, day and who served it
		assertThat(receipt(pi, "priorNoticeReceiptDocId")).contains("送达回证", "行政处罚事先告知书", (String) var(pi, "priorNoticeNumber"),
				"直接送达", "2026年11月2日", "李明", "张三")
			// 送达地点: the party's address as registered (行政处罚法 art. 59(一), recorded on the case)
			.contains("曲靖市麒麟区人民路12号").doesNotContain("当事人住所（经营场所）");
		assertThat(cases.find(caseNo).orElseThrow().getPartyAddress()).isEqualTo("曲靖市麒麟区人民路12号");

		// nobody asks for a hearing within 5 working days (行政处罚法 arts. 64, 85): Mon 2 Nov → 3, 4, 5, 6, 9 Nov
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");
		assertThat(task(pi, "userTask_recordPartyReply").getDueDate()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		clockAt(moment("2026-11-10T00:00:00+08:00"));
		executeDueJobs(pi.getId());
		Task decide = task(pi, "userTask_decide");
		assertThat(decide).isNotNull();

		as("head1");
		complete(pi, "userTask_decide", Map.of("decisionKind", "PENALTY", "decisionContent", "罚款人民币捌佰元",
				"fineAmount", 800));
		assertThat(docText(pi, "decisionDocId", "PENALTY_DECISION")).contains("住所（地址）", "曲靖市麒麟区人民路12号");
		assertThat((String) var(pi, "decisionNumber")).startsWith("寥街罚决〔2026〕");
		assertThat(task(pi, "userTask_serve").getAssignee()).isEqualTo("officer1");
		assertThat(engine.getFormService().getTaskFormVariables(task(pi, "userTask_serve").getId()).get("decisionKindLabel"))
			.isEqualTo("给予行政处罚");
		// service within 7 working days of the decision on Tue 10 Nov (行政处罚法 arts. 61, 85): 11–13, 16–19 Nov
		assertThat(task(pi, "userTask_serve").getDueDate()).isEqualTo(moment("2026-11-19T23:59:59+08:00"));

		as("officer1");
		complete(pi, "userTask_serve", Map.of("serviceMethod", "DIRECT", "servedOn", "2026-11-10"));
		assertThat(receipt(pi, "decisionReceiptDocId")).contains("送达回证", "行政处罚决定书", (String) var(pi, "decisionNumber"),
				"直接送达", "2026年11月10日", "李明");
		executeDueJobs(pi.getId()); // disclosure starts asynchronously
		ProcessInstance disclosure = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey("disclosure-publication").processInstanceBusinessKey(caseNo).singleResult();
		// ADR-0015: only the case's identity and the disclosure start form's fields cross over
		assertThat(var(disclosure, "decisionNumber")).isEqualTo(var(pi, "decisionNumber"));
		assertThat(var(disclosure, "agencyCode")).isEqualTo("LIAOKUO");
		assertThat(engine.getRuntimeService().getVariables(disclosure.getId()))
			.doesNotContainKeys("handlerId", "filingDecision", "fineAmount", "servedOn", "evidenceList");
		as("officer1");
		complete(pi, "userTask_recordExecution", Map.of("executionResult", "PAID"));

		// R-DISC-3/4/6: the served decision is prepared, reviewed by the general office and the justice office, published redacted
		as("officer1");
		complete(disclosure, "userTask_prepareDisclosure",
				Map.of("publicConclusion", var(disclosure, "publicConclusion")));
		as("office1");
		complete(disclosure, "userTask_reviewDisclosure", Map.of("disclosureReviewOutcome", "APPROVE"));
		as("reviewer1");
		complete(disclosure, "userTask_justiceReviewDisclosure", Map.of("disclosureReviewOutcome", "APPROVE"));
		engine.getIdentityService().clearAuthentication();
		var published = portal.search(new DisclosureQuery("LIAOKUO", null, null, null, null,
				(String) var(pi, "decisionNumber"), 0, 20)).items();
		assertThat(published).singleElement().satisfies(item -> {
			assertThat(item.partyName()).isEqualTo("张*").doesNotContain("张三");
			assertThat(item.toString()).doesNotContain(PERSON_ID, "13800000000");
			assertThat(item.decisionNumber()).isEqualTo(var(pi, "decisionNumber"));
		});
		// R-DISC-5: the decision is revoked → withdrawn from the portal with the reason
		engine.getRuntimeService().createMessageCorrelation("disclosure.decisionRevoked").processInstanceBusinessKey(caseNo)
			.setVariable("revocationKind", "REVOKED").setVariable("revocationReason", "行政复议决定撤销").correlate();
		var withdrawn = portal.find(published.get(0).itemNo()).orElseThrow();
		assertThat(withdrawn.status()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.conclusion()).isNull();

		assertThat(pi).isEnded().hasPassedInOrder("userTask_approveFiling", "userTask_investigate",
				"userTask_concludeInvestigation", "businessRuleTask_discretion", "userTask_proposePenalty",
				"userTask_servePriorNotice", "businessRuleTask_majorCatalogue", "userTask_decide", "userTask_serve",
				"userTask_recordExecution", "serviceTask_closeCase", "endEvent_closed");
		assertThat(pi).hasNotPassed("callActivity_legalReview");
		EnforcementCase closed = cases.find(caseNo).orElseThrow();
		assertThat(closed.getStage()).isEqualTo("CLOSED");
		assertThat(closed.getMajor()).isFalse();
		assertThat(cases.officersOf(caseNo)).extracting(CaseOfficer::getUserId).contains("officer1", "officer2");
	}

	/** The biography of a major case: the catalogue makes it major, legal review passes, collective discussion, decision. */
	@Test
	void majorCaseGoesThroughLegalReviewAndCollectiveDiscussion() {
		clockAt(MONDAY);
		String caseNo = register(org("MR-EXPIRED-FOOD"));
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 70000, "ordersSuspension", true, "penaltyKinds",
				"没收违法所得；罚款；责令停产停业"));
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		// the party asks for a hearing (recorded through the case API, no engine user)
		engine.getIdentityService().clearAuthentication();
		engine.getRuntimeService().createMessageCorrelation("enforcement.hearingRequested").processInstanceBusinessKey(caseNo)
			.correlate();
		assertThatThrownBy(() -> complete(pi, "userTask_scheduleHearing",
				Map.of("hearingDate", "2026-11-05", "hearingPlace", "第一会议室"))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("七日前");
		as("officer1");
		assertThatThrownBy(() -> complete(pi, "userTask_scheduleHearing",
				Map.of("hearingDate", "2026-11-12", "hearingPlace", "第一会议室", "hearingChair", "officer2")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第六十四条");
		complete(pi, "userTask_scheduleHearing", Map.of("hearingDate", "2026-11-12", "hearingTime", "9:30", "hearingPlace",
				"第一会议室", "hearingChair", "reviewer1", "hearingPublic", "PUBLIC"));
		// 行政处罚法 art. 64(2)-(6): the notice names time, place, the chair and the party's rights
		assertThat(docText(pi, "hearingNoticeDocId", "HEARING_NOTICE")).contains("2026年11月12日", "9:30", "第一会议室",
				"公开举行", "一至二人代理", "视为放弃听证权利");
		complete(pi, "userTask_holdHearing", Map.of("hearingClerk", "赵敏", "hearingAttendance", "ATTENDED", "hearingAgents",
				"王律师", "investigatorStatement", "调查人员出示证据，建议罚款柒万元并责令停产停业", "partyDefence",
				"当事人对事实无异议，认为停产停业过重", "hearingRecord", "当事人对事实无异议，请求从轻处罚", "recordSignature", "SIGNED",
				"avMissingExplanation", "测试环境无录像设备"));
		// art. 64(7)(8): the record the decision is based on (art. 65)
		assertThat(docText(pi, "hearingRecordDocId", "HEARING_RECORD")).contains("赵敏", "王律师", "建议罚款柒万元",
				"认为停产停业过重", "核对无误后签字");
		assertThat(var(pi, "hearingHeld")).isEqualTo(true);

		assertThat(pi).isWaitingAt("callActivity_legalReview");
		assertThat(var(pi, "isMajor")).isEqualTo(true);
		ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
			.singleResult();
		assertThat(review.getTenantId()).isEqualTo("LIAOKUO");
		// the reviewer sees the evidence the officers listed (it was "证据材料（0份）"), who handled the case, the benchmark
		assertThat(var(review, "materials").toString()).contains("证据：视听资料（现场照片6张）", "证据：当事人的陈述（询问笔录1份）");
		as("reviewer1");
		complete(review, "userTask_checkMaterials", Map.of("materialsComplete", true));
		Task reviewTask = task(review, "userTask_reviewDecision");
		Map<String, Object> seen = engine.getFormService().getTaskFormVariables(reviewTask.getId());
		assertThat(seen.get("evidenceList").toString()).contains("现场笔录", "11月2日现场检查笔录1份", "李明、王芳");
		assertThat(seen.get("caseOfficers").toString()).contains("李明", "承办人、调查取证执法人员", "53030020240001", "王芳");
		assertThat(seen).containsEntry("handlingLabel", "一般处罚").containsEntry("decisionTypeLabel", "行政处罚")
			.containsEntry("handlerName", "李明").containsKey("reviewSubmissionDocId").containsKey("priorNoticeDocId");
		reviewAs("reviewer1", review, "APPROVED", null);
		as("head1");
		assertThat(engine.getFormService().getTaskFormVariables(task(pi, "userTask_collectiveDiscussion").getId())
			.get("legalReviewResultLabel")).isEqualTo("审核通过");

		as("head1");
		complete(pi, "userTask_collectiveDiscussion", Map.of("discussionMinutes", "集体讨论同意处罚意见"));
		complete(pi, "userTask_decide", Map.of("decisionKind", "PENALTY", "decisionContent", "没收违法所得，罚款柒万元，责令停产停业",
				"fineAmount", 70000));
		assertThat(pi).hasPassedInOrder("callActivity_legalReview", "userTask_collectiveDiscussion", "userTask_decide")
			.isWaitingAt("userTask_serve");
		assertThat(cases.find(caseNo).orElseThrow().getMajor()).isTrue();
	}

	@Test
	void majorCaseWhoseReviewDidNotPassIsHandledAgainAndNeverDecidedAsProposed() {
		clockAt(MONDAY);
		ProcessInstance pi = toMajorReview(register(org("MR-EXPIRED-FOOD")));
		ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
			.singleResult();
		reviewAs("reviewer1", review, "REJECTED", "责令停产停业缺乏事实依据，证据不足");
		as("officer1");
		complete(review, "userTask_respondToOpinion", Map.of("handlerResponse", "ACCEPT"));

		// R-REV-5: the handler studies the opinion — the proposed decision may not be made, the case is not over
		assertThat(pi).isWaitingAt("userTask_studyReviewOpinion").hasNotPassed("userTask_decide");
		assertThat(var(pi, "legalReviewResult")).isEqualTo("NOT_PASSED");
		Task study = task(pi, "userTask_studyReviewOpinion");
		assertThat(study.getAssignee()).isEqualTo("officer1");
		assertThat(engine.getFormService().getTaskFormVariables(study.getId())).containsEntry("legalReviewResultLabel", "审核未通过")
			.containsEntry("reviewOpinion", "责令停产停业缺乏事实依据，证据不足");
		assertThatThrownBy(() -> complete(pi, "userTask_studyReviewOpinion", Map.of("reviewNotPassedAction", "RECONCLUDE")))
			.hasMessageContaining("reviewNotPassedStudy");
		assertThatThrownBy(() -> complete(pi, "userTask_studyReviewOpinion", Map.of("reviewNotPassedAction", "DECIDE_ANYWAY",
				"reviewNotPassedStudy", "照原意见处理"))).hasMessageContaining("reviewNotPassedAction");
		assertThat(pi).isWaitingAt("userTask_studyReviewOpinion");
		complete(pi, "userTask_studyReviewOpinion", Map.of("reviewNotPassedAction", "RECONCLUDE", "reviewNotPassedStudy",
				"采纳审核意见：责令停产停业证据不足，不再提出；维持罚款"));

		// the report and the proposal made again: a fine without suspension is no longer a major decision
		conclude(pi, "ORDINARY", false, false);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 70000, "ordersSuspension", false));
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		clockAt(moment("2026-11-20T00:00:00+08:00"));
		executeDueJobs(pi.getId());
		as("head1");
		complete(pi, "userTask_decide", Map.of("decisionKind", "PENALTY", "decisionContent", "罚款柒万元", "fineAmount", 70000));
		assertThat(pi).hasPassedInOrder("callActivity_legalReview", "userTask_studyReviewOpinion",
				"userTask_concludeInvestigation", "userTask_proposePenalty", "userTask_decide").isWaitingAt("userTask_serve");
		assertThat(var(pi, "isMajor")).isEqualTo(false);
		assertThat(var(pi, "reviewNotPassedStudy").toString()).contains("采纳审核意见");
	}

	/** The officer records the party's answer to the prior notice: a waiver goes on to the decision at once. */
	@Test
	void partyWaivesTheHearingRecordedByTheOfficer() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		toPartyReply(pi);
		as("officer1");
		assertThatThrownBy(() -> complete(pi, "userTask_recordPartyReply", Map.of("partyStatement", "无")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("partyReply");
		complete(pi, "userTask_recordPartyReply", Map.of("partyReply", "WAIVED", "partyStatement", "当事人书面表示放弃听证"));
		assertThat(pi).hasNotPassed("timerEvent_hearingWindowClosed").hasNotPassed("userTask_scheduleHearing")
			.isWaitingAt("userTask_decide");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
			.activityId("timerEvent_hearingWindowClosed").count()).isZero();
	}

	/**
	 * A hearing requested to the officer (in person, in writing) is recorded in the same task — where the
	 * proposed penalty gives the right (行政处罚法 art. 63, dmn/hearing-eligibility.dmn): 10万 to an organisation.
	 */
	@Test
	void partyRequestsAHearingRecordedByTheOfficer() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(org("CM-DUMP-WASTE")));
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 100000, "penaltyKinds", "罚款"));
		assertThat(var(pi, "hearingEligible")).isEqualTo(true);
		assertThat((String) var(pi, "hearingGround")).contains("较大数额罚款").contains("第六十三条");
		assertThat((String) var(pi, "hearingNotice")).contains("有权要求听证").contains("五个工作日内");
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		complete(pi, "userTask_recordPartyReply", Map.of("partyReply", "HEARING_REQUESTED"));
		assertThat(pi).isWaitingAt("userTask_scheduleHearing");
		assertThat(var(pi, "hearingRequestedBy")).isEqualTo("officer1");
	}

	/** 800 yuan to a street vendor is not a penalty art. 63 lists: no hearing, the party states and defends. */
	@Test
	void noHearingWhereArticle63GivesNoRight() {
		clockAt(MONDAY);
		String caseNo = register(person("CM-OCCUPY-ROAD"));
		ProcessInstance pi = instance(caseNo);
		toPartyReply(pi);
		assertThat(var(pi, "hearingEligible")).isEqualTo(false);
		assertThat((String) var(pi, "hearingNotice")).contains("不属于").doesNotContain("有权要求听证");
		as("officer1");
		assertThatThrownBy(() -> complete(pi, "userTask_recordPartyReply", Map.of("partyReply", "HEARING_REQUESTED")))
			.hasMessageContaining("partyReply").hasMessageContaining("第六十三条");
		engine.getIdentityService().clearAuthentication();
		var refused = http.withBasicAuth("officer1", "demo").postForEntity("/api/cases/" + caseNo + "/hearing-request", null,
				String.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).contains("第六十三条");
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");

		// straight to the engine, around the form and the case API (by the administrator, whom the engine's
		// authorizations let correlate any message): refused all the same, nothing changed
		var viaEngine = http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/message",
				Map.of("messageName", "enforcement.hearingRequested", "businessKey", caseNo), String.class);
		assertThat(viaEngine.getStatusCode().value()).isEqualTo(400);
		assertThat(viaEngine.getBody()).contains("第六十三条").contains("partyReply").doesNotContain("Exception");
		String execution = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
			.eventName("enforcement.hearingRequested").singleResult().getExecutionId();
		var viaTrigger = http.withBasicAuth("admin", "demo").postForEntity(
				"/engine-rest/execution/" + execution + "/messageSubscriptions/enforcement.hearingRequested/trigger", Map.of(),
				String.class);
		assertThat(viaTrigger.getStatusCode().value()).isEqualTo(400);
		assertThat(viaTrigger.getBody()).contains("第六十三条");
		assertThat(pi).isWaitingAt("userTask_recordPartyReply").hasNotPassed("messageEvent_hearingRequested");
		assertThat(var(pi, "hearingRequestedBy")).isNull();
	}

	/** Where art. 63 gives the right, the same engine route is accepted (the gate refuses only outside it). */
	@Test
	void aHearingRequestStraightToTheEngineIsAcceptedWhereArticle63GivesTheRight() {
		clockAt(MONDAY);
		String caseNo = register(org("CM-DUMP-WASTE"));
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 100000, "penaltyKinds", "罚款"));
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		engine.getIdentityService().clearAuthentication();
		var accepted = http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/message",
				Map.of("messageName", "enforcement.hearingRequested", "businessKey", caseNo), String.class);
		assertThat(accepted.getStatusCode().is2xxSuccessful()).as(accepted.getBody()).isTrue();
		assertThat(pi).isWaitingAt("userTask_scheduleHearing");
	}

	/**
	 * Issue 16 §12: an unpaid fine — 3 % a day added (行政处罚法 art. 72), a demand notice with 10 working days
	 * (行政强制法 arts. 35, 54, 69), the statement re-examined (art. 36), and the court asked only after the
	 * party's 6 months to sue and within 3 months after them (art. 53; 行政诉讼法 art. 46).
	 */
	@Test
	void anUnpaidFineIsDemandedWithTheSurchargeAndTakenToCourtAfterTheTimeToSue() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		toPartyReply(pi);
		complete(pi, "userTask_recordPartyReply", Map.of("partyReply", "WAIVED"));
		clockAt(moment("2026-11-10T09:00:00+08:00"));
		as("head1");
		complete(pi, "userTask_decide", Map.of("decisionKind", "PENALTY", "decisionContent", "罚款人民币捌佰元",
				"fineAmount", 800));
		as("officer1");
		complete(pi, "userTask_serve", Map.of("serviceMethod", "DIRECT", "servedOn", "2026-11-10"));
		executeDueJobs(pi.getId()); // disclosure starts asynchronously
		// the 15 days to pay end on Wed 25 Nov; on Wed 2 Dec the fine is 7 days overdue: 800 × 3 % × 7 = 168
		clockAt(moment("2026-12-02T10:00:00+08:00"));
		as("officer1");
		complete(pi, "userTask_recordExecution", Map.of("executionResult", "NOT_PAID_OVERDUE"));
		assertThat(pi).isWaitingAt("userTask_serveDemandNotice").hasNotPassed("serviceTask_executed");
		assertThat(((Number) var(pi, "overdueDays")).longValue()).isEqualTo(7);
		assertThat(((Number) var(pi, "surchargeAmount")).doubleValue()).isEqualTo(168.0);
		assertThat(((Number) var(pi, "amountDue")).doubleValue()).isEqualTo(968.0);
		assertThat(documents.find((String) var(pi, "demandNoticeDocId"))).isPresent();
		// 6 months to sue from service: Mon 10 May 2027; then 3 months to apply: Tue 10 Aug 2027
		assertThat(var(pi, "litigationEndsAt")).isEqualTo(moment("2027-05-10T23:59:59+08:00"));
		assertThat(var(pi, "courtApplicationDueAt")).isEqualTo(moment("2027-08-10T23:59:59+08:00"));

		// served the same day: 10 working days, 3–4, 7–11, 14–16 Dec
		complete(pi, "userTask_serveDemandNotice", Map.of("demandServiceMethod", "DIRECT", "demandServedOn", "2026-12-02"));
		assertThat(receipt(pi, "demandReceiptDocId")).contains("送达回证", "催告书", (String) var(pi, "demandNoticeNumber"), "直接送达",
				"2026年12月2日");
		assertThat(task(pi, "userTask_recordDemandOutcome").getDueDate()).isEqualTo(moment("2026-12-16T23:59:59+08:00"));
		assertThatThrownBy(() -> complete(pi, "userTask_recordDemandOutcome", Map.of("demandOutcome", "NOT_PAID")))
			.hasMessageContaining("demandOutcome").hasMessageContaining("第五十四条");
		clockAt(moment("2026-12-17T10:00:00+08:00"));
		assertThatThrownBy(() -> complete(pi, "userTask_recordDemandOutcome", Map.of("demandOutcome", "NOT_PAID",
				"demandStatement", "经营困难，请求分期缴纳")))
			.hasMessageContaining("demandStatementReview").hasMessageContaining("第三十六条");
		complete(pi, "userTask_recordDemandOutcome", Map.of("demandOutcome", "NOT_PAID", "demandStatement",
				"经营困难，请求分期缴纳", "demandStatementReview", "当事人未提出分期缴纳的书面申请及证明材料，理由不成立"));
		// the court only after the time to sue
		assertThat(pi).isWaitingAt("timerEvent_litigationPeriodEnds");
		clockAt(moment("2027-05-11T09:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).isWaitingAt("userTask_applyToCourt");
		assertThat(task(pi, "userTask_applyToCourt").getDueDate()).isEqualTo(moment("2027-08-10T23:59:59+08:00"));
		as("head1");
		Map<String, Object> application = new java.util.HashMap<>(Map.of("enforcementCourt", "曲靖市麒麟区人民法院",
				"courtAppliedOn", "2027-05-10", "courtApplicationMaterials", "强制执行申请书\n行政处罚决定书\n催告书及送达回证"));
		assertThatThrownBy(() -> complete(pi, "userTask_applyToCourt", application))
			.hasMessageContaining("courtAppliedOn").hasMessageContaining("第五十三条");
		application.put("courtAppliedOn", "2027-05-11");
		complete(pi, "userTask_applyToCourt", application);
		as("officer1");
		complete(pi, "userTask_recordCourtRuling", Map.of("courtRuling", "ENFORCED", "courtRulingNote",
				"（2027）云0302行审12号执行裁定，已划拨罚款及加处罚款"));
		assertThat(pi).hasPassed("serviceTask_executed");
	}

	/** Issue 16 §9 (R-QUAL-2/3): every step of the case is enforcement work — officer3's certificate expired. */
	@Test
	void anOfficerWithAnExpiredCertificateCannotProposeOrServe() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		as("officer3");
		assertThatThrownBy(() -> complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 800, "penaltyKinds", "罚款")))
			.isInstanceOf(cn.zhifa.qualification.NotQualifiedException.class).hasMessageContaining("2025-06-30");
		assertThat(pi).isWaitingAt("userTask_proposePenalty");
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 800, "penaltyKinds", "罚款"));
		as("officer3");
		assertThatThrownBy(() -> complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT")))
			.isInstanceOf(cn.zhifa.qualification.NotQualifiedException.class);
		assertThat(pi).isWaitingAt("userTask_servePriorNotice");
	}

	/** A food case found to be a suspected crime, approved by the head and handed to the police (R-COORD-2). */
	private ProcessInstance handedToThePolice() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(org("MR-EXPIRED-FOOD")));
		fileAndInvestigate(pi, EVIDENCE, false);
		as("officer1");
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "销售过期食品", "violationConfirmed", true,
				"circumstance", "ORDINARY", "firstOffence", false, "correctedPromptly", false, "harmCaused", false,
				"suspectedCrime", true, "crimeSuspicion", "涉嫌销售不符合安全标准的食品罪"));
		ProcessInstance transfer = transferOf(pi);
		as("head1");
		complete(transfer, "userTask_approveCriminalTransfer", Map.of("headDecision", "APPROVE", "policeOrgan", "曲靖市公安局麒麟分局"));
		as("officer1");
		complete(transfer, "userTask_handOverToPolice", Map.of("copiedToProcuratorate", true, "copiedToJusticeBureau", true,
				"reportedToSuperior", true, "handoverNotes", "公安分局法制大队签收"));
		return pi;
	}

	private ProcessInstance transferOf(ProcessInstance pi) {
		return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
	}

	private void toPartyReply(ProcessInstance pi) {
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 800, "penaltyKinds", "罚款"));
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		assertThat(pi).isWaitingAt("userTask_recordPartyReply");
	}

	@Test
	void noPenaltyForAMinorFirstOffenceCorrectedPromptly() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "MINOR", true, true);
		assertThat(var(pi, "handling")).isEqualTo("NO_PENALTY");
		as("officer1");
		complete(pi, "userTask_educate", Map.of("educationRecord", "当场批评教育，当事人已清理占道物品"));
		as("head1");
		complete(pi, "userTask_decide", Map.of("decisionKind", "NO_PENALTY", "decisionContent", "不予行政处罚"));
		assertThat(pi).hasPassed("userTask_educate").hasNotPassed("userTask_proposePenalty").isWaitingAt("userTask_serve");
		as("officer1");
		complete(pi, "userTask_serve", Map.of("serviceMethod", "DIRECT", "servedOn", "2026-11-03"));
		executeDueJobs(pi.getId());
		assertThat(pi).isEnded().hasPassed("endEvent_closed").hasNotPassed("userTask_recordExecution");
	}

	@Test
	void summaryProcedureDecidesOnTheSpot() {
		clockAt(MONDAY);
		NewCase onTheSpot = new NewCase("LIAOKUO", "PATROL", true, "PERSON", "王五", PERSON_ID, null, false,
				"CM-DUMP-WASTE", "沿街乱倒垃圾", LocalDate.of(2026, 11, 2), 100.0, null, null).withPartyAddress("曲靖市麒麟区建宁街5号");
		String caseNo = cases.register(onTheSpot, "officer1");
		ProcessInstance pi = instance(caseNo);
		assertThat(pi).hasPassed("businessRuleTask_summaryEligibility").isWaitingAt("userTask_decideOnTheSpot");
		as("officer1");
		complete(pi, "userTask_decideOnTheSpot", Map.of("decisionKind", "PENALTY", "fineAmount", 100, "decisionContent",
				"当场罚款壹佰元", "legalBasis", "《城市市容和环境卫生管理条例》第三十四条", "avMissingExplanation", "执法记录仪故障，已书面说明"));
		as("head1");
		complete(pi, "userTask_fileSummaryCase", Map.of("summaryFilingNote", "同意备案"));
		executeDueJobs(pi.getId());
		as("officer1");
		complete(pi, "userTask_recordExecution", Map.of("executionResult", "PAID"));
		assertThat(pi).isEnded().hasNotPassed("userTask_approveFiling");
	}

	/** 行政处罚法 art. 51 on what is decided, not only on what was typed at registration (issue 16 point 8). */
	@Test
	void aDecidedOnTheSpotPenaltyAboveTheCapIsRefused() {
		clockAt(MONDAY);
		String caseNo = cases.register(new NewCase("LIAOKUO", "PATROL", true, "PERSON", "王五", PERSON_ID, null, false,
				"CM-DUMP-WASTE", "沿街乱倒垃圾", LocalDate.of(2026, 11, 2), 100.0, null, null).withPartyAddress("曲靖市麒麟区建宁街5号"), "officer1");
		ProcessInstance pi = instance(caseNo);
		assertThat(pi).isWaitingAt("userTask_decideOnTheSpot");
		as("officer1");
		Map<String, Object> decision = new HashMap<>(Map.of("decisionKind", "PENALTY", "summaryPenaltyKind", "FINE",
				"fineAmount", 5000, "decisionContent", "当场罚款伍仟元", "legalBasis", "《城市市容和环境卫生管理条例》第三十四条",
				"avMissingExplanation", "执法记录仪故障，已书面说明"));
		assertThatThrownBy(() -> complete(pi, "userTask_decideOnTheSpot", decision))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				assertThat((Object) e.getDetail()).isEqualTo("fineAmount");
				assertThat(e.getMessage()).contains("罚款5000元", "第五十一条");
			});
		decision.putAll(Map.of("summaryPenaltyKind", "WARNING", "fineAmount", 200));
		assertThatThrownBy(() -> complete(pi, "userTask_decideOnTheSpot", decision))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第五十一条");
		assertThat(pi).isWaitingAt("userTask_decideOnTheSpot");
		decision.putAll(Map.of("summaryPenaltyKind", "WARNING", "fineAmount", 0, "decisionContent", "警告"));
		complete(pi, "userTask_decideOnTheSpot", decision);
		assertThat(pi).hasPassed("userTask_decideOnTheSpot").isWaitingAt("userTask_fileSummaryCase");
	}

	@Test
	void summaryProcedureAboveTheCapFallsBackToTheOrdinaryProcedure() {
		clockAt(MONDAY);
		String caseNo = cases.register(new NewCase("LIAOKUO", "PATROL", true, "PERSON", "王五", PERSON_ID, null, false,
				"CM-DUMP-WASTE", "沿街乱倒垃圾", LocalDate.of(2026, 11, 2), 500.0, null, null).withPartyAddress("曲靖市麒麟区建宁街5号"), "officer1");
		assertThat(instance(caseNo)).isWaitingAt("userTask_approveFiling");
	}

	@Test
	void suspectedCrimeIsTransferredToThePolice() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(org("MR-EXPIRED-FOOD")));
		fileAndInvestigate(pi, EVIDENCE, false);
		as("officer1");
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "销售过期食品货值巨大",
				"violationConfirmed", true, "circumstance", "VERY_SERIOUS", "firstOffence", false, "correctedPromptly", false,
				"harmCaused", true, "suspectedCrime", true, "crimeSuspicion", "涉嫌销售不符合安全标准的食品罪"));
		assertThat(pi).isWaitingAt("callActivity_criminalTransfer");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
			.processDefinitionKey("criminal-transfer").count()).isEqualTo(1);
	}

	/** R-COORD-2: the police do not file the case; the agency then decides administratively. */
	@Test
	void policeRefuseTheTransferAndTheAgencyPenalises() {
		ProcessInstance pi = handedToThePolice();
		ProcessInstance transfer = transferOf(pi);
		// the police's answer arrives through the REST API, as the officer records the 不予立案通知书
		engine.getIdentityService().clearAuthentication();
		var answered = http.withBasicAuth("officer1", "demo").postForEntity(
				"/api/transfers/" + transfer.getId() + "/police-decision",
				Map.of("policeDecision", "NOT_FILED", "notes", "未达立案追诉标准"), String.class);
		assertThat(answered.getStatusCode().value()).isEqualTo(200);
		as("head1");
		complete(transfer, "userTask_chooseFollowUp", Map.of("followUp", "NONE"));

		assertThat(pi).hasPassed("callActivity_criminalTransfer", "businessRuleTask_discretion")
			.isWaitingAt("userTask_proposePenalty");
		assertThat(var(pi, "mayDecideAdministratively")).isEqualTo(true);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 60000, "penaltyKinds", "没收违法所得；罚款"));
		assertThat(pi).isWaitingAt("userTask_servePriorNotice");
	}

	/** After a conviction the agency may still impose what the court cannot — but no fine (国务院令第310号第十一条). */
	@Test
	void afterAConvictionTheCaseGoesOnWithoutAFine() {
		ProcessInstance pi = handedToThePolice();
		ProcessInstance transfer = transferOf(pi);
		engine.getIdentityService().clearAuthentication();
		assertThat(http.withBasicAuth("officer1", "demo").postForEntity("/api/transfers/" + transfer.getId() + "/police-decision",
				Map.of("policeDecision", "FILED"), String.class).getStatusCode().value()).isEqualTo(200);
		as("officer1");
		complete(transfer, "userTask_handOverEvidence", Map.of("evidenceItems", "过期食品30箱", "evidenceReceivedBy", "王警官"));
		engine.getIdentityService().clearAuthentication();
		assertThat(http.withBasicAuth("officer1", "demo").postForEntity("/api/transfers/" + transfer.getId() + "/judicial-outcome",
				Map.of("judicialOutcome", "CONVICTED", "notes", "以销售不符合安全标准的食品罪判处罚金"), String.class)
			.getStatusCode().value()).isEqualTo(200);
		as("head1");
		complete(transfer, "userTask_decideAfterConviction", Map.of("afterConvictionDecision", "SANCTION",
				"afterConvictionReasons", "依照《食品安全法》第一百三十五条吊销食品经营许可证"));

		assertThat(pi).isWaitingAt("userTask_proposePenalty");
		assertThat(var(pi, "afterConviction")).isEqualTo(true);
		as("officer1");
		assertThatThrownBy(() -> complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 5000, "penaltyKinds", "罚款")))
			.hasMessageContaining("fineAmount").hasMessageContaining("第三十五条");
		assertThatThrownBy(() -> complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 0)))
			.hasMessageContaining("penaltyKinds");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 0, "penaltyKinds", "吊销食品经营许可证"));
		assertThat(pi).isWaitingAt("userTask_servePriorNotice");
	}

	@Test
	void ninetyDayLimitWarnsAndTheHeadMayExtendIt() {
		clockAt(MONDAY);
		String caseNo = register(person("CM-OCCUPY-ROAD"));
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, false);
		Date due = (Date) var(pi, "decisionDueAt");
		// filed Mon 2 Nov 2026 + 90 days = Sun 31 Jan 2027 → next working day (2027 has no calendar yet: provisional)
		assertThat(due).isEqualTo(moment("2027-02-01T23:59:59+08:00"));
		assertThat(timerDue(pi, "timerEvent_decisionBreach")).isEqualTo(due);

		clockAt(moment("2027-01-02T00:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).hasPassed("serviceTask_decisionWarningFirst");

		engine.getIdentityService().clearAuthentication();
		engine.getRuntimeService().createMessageCorrelation("enforcement.extensionRequested").processInstanceBusinessKey(caseNo)
			.setVariable("extensionRequestReason", "需要检验鉴定").correlate();
		as("head1");
		complete(pi, "userTask_approveDecisionExtension", Map.of("extensionApproved", true, "extensionReason", "同意延长"));
		Date extended = (Date) var(pi, "decisionDueAt");
		assertThat(extended).isAfter(due);
		assertThat(timerDue(pi, "timerEvent_decisionBreach")).isEqualTo(extended);

		// the approval rule (dmn/decision-period-extension.dmn): once — a second approval is refused (issue 16 point 5)
		engine.getIdentityService().clearAuthentication();
		engine.getRuntimeService().createMessageCorrelation("enforcement.extensionRequested").processInstanceBusinessKey(caseNo)
			.setVariable("extensionRequestReason", "鉴定尚未完成").correlate();
		as("head1");
		assertThatThrownBy(() -> complete(pi, "userTask_approveDecisionExtension",
				Map.of("extensionApproved", true, "extensionReason", "同意再次延长")))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				assertThat((Object) e.getDetail()).isEqualTo("extensionApproved");
				assertThat(e.getMessage()).contains("第六十条", "延长一次");
			});
		complete(pi, "userTask_approveDecisionExtension", Map.of("extensionApproved", false, "extensionReason", "已延长过一次"));
		assertThat(engine.getRuntimeService().getVariable(pi.getId(), "decisionDueAt")).isEqualTo(extended);
		assertThat(timerDue(pi, "timerEvent_decisionBreach")).isEqualTo(extended);
	}

	@Test
	void investigationNeedsTwoCertifiedOfficers() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		fileCase(pi);
		as("officer1");
		assertThatThrownBy(() -> complete(pi, "userTask_investigate", Map.of("investigatingOfficers", "officer1,officer3",
				"evidenceSummary", EVIDENCE, "seizureNeeded", false))).isInstanceOf(AuthorizationException.class);
	}

	/** Issue 12 §4: the handler is chosen from the agency's certified officers, and gets the case's steps (我的待办). */
	@Test
	void filingOffersTheCertifiedOfficersAndRefusesAnyoneElseAsHandler() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		String offered = engine.getTaskService()
			.getVariableLocal(task(pi, "userTask_approveFiling").getId(), "certifiedOfficers").toString();
		assertThat(offered).contains("{\"label\":\"李明（执法一中队）\",\"value\":\"officer1\"}", "\"officer2\"")
			.doesNotContain("officer3", "aux1", "reviewer1", "head1", "officer4");

		as("head1");
		// a name typed instead of chosen, an expired certificate, auxiliary staff, a reviewer, another agency's officer
		for (String handler : List.of("李明", "officer3", "aux1", "reviewer1", "officer4")) {
			assertThatThrownBy(() -> complete(pi, "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId",
					handler))).as(handler).isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("handlerId").hasMessageContaining("承办人");
		}
		assertThat(pi).isWaitingAt("userTask_approveFiling");
		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer2"));

		Task investigate = task(pi, "userTask_investigate");
		assertThat(investigate.getAssignee()).isEqualTo("officer2");
		assertThat(engine.getTaskService().getVariableLocal(investigate.getId(), "certifiedOfficers").toString())
			.contains("officer1", "officer2");
		Filter mine = engine.getFilterService().createFilterQuery().filterName("我的待办").singleResult();
		as("officer2");
		assertThat(engine.getFilterService().<Task>list(mine.getId())).extracting(Task::getId).contains(investigate.getId());
		as("officer1");
		assertThat(engine.getFilterService().<Task>list(mine.getId())).extracting(Task::getId)
			.doesNotContain(investigate.getId());
	}

	/** Issue 12 §4: evidence listed in 调查取证 — as Tasklist's checklist submits the officers (JSON) — is the case's evidence. */
	@Test
	void evidenceListedInTheInvestigationIsRecordedAndABadLineIsRefused() {
		clockAt(MONDAY);
		String caseNo = register(person("CM-OCCUPY-ROAD"));
		ProcessInstance pi = instance(caseNo);
		fileCase(pi);
		as("officer1");
		Object chosen = SpinValues.jsonValue("[\"officer1\",\"officer2\"]").create();
		assertThatThrownBy(() -> complete(pi, "userTask_investigate", Map.of("investigatingOfficers", chosen,
				"evidenceSummary", "现场笔录1份、照片6张", "seizureNeeded", false))).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("evidenceSummary").hasMessageContaining("证据种类");
		assertThat(cases.evidenceOf(caseNo)).isEmpty();

		// R-COORD-7: a line without the party's confirmation is refused, naming the line and the ways of its kind
		assertThatThrownBy(() -> complete(pi, "userTask_investigate", Map.of("investigatingOfficers", chosen, "evidenceSummary",
				"现场笔录：现场检查笔录1份（签名确认）\n书证：营业执照复印件1份", "seizureNeeded", false)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("evidenceSummary")
			.hasMessageContaining("第2行").hasMessageContaining("书证应注明（签名确认）、（盖章确认）、（复制件确认）或（拒签见证）");
		assertThat(cases.evidenceOf(caseNo)).isEmpty();

		complete(pi, "userTask_investigate", Map.of("investigatingOfficers", chosen, "evidenceSummary",
				"现场笔录：现场检查笔录1份（拒签见证）\n\n书证: 营业执照复印件1份(复制件确认)", "seizureNeeded", false));
		assertThat(cases.evidenceOf(caseNo)).extracting(Evidence::getKind).containsExactly("现场笔录", "书证");
		assertThat(cases.evidenceOf(caseNo)).extracting(Evidence::getDescription, Evidence::getConfirmation).containsExactly(
				org.assertj.core.groups.Tuple.tuple("现场检查笔录1份", "拒签见证"),
				org.assertj.core.groups.Tuple.tuple("营业执照复印件1份", "复制件确认"));
		assertThat(cases.evidenceOf(caseNo).get(1).getConfirmationDetail()).contains("经核对与原件无误");
		assertThat(cases.officersOf(caseNo)).extracting(CaseOfficer::getUserId, CaseOfficer::getAssignment).contains(
				org.assertj.core.groups.Tuple.tuple("officer1", "INVESTIGATOR"),
				org.assertj.core.groups.Tuple.tuple("officer2", "INVESTIGATOR"));
		assertThat(var(pi, "evidenceList").toString()).contains("营业执照复印件1份");
	}

	// --- steps ---



	/** The reviewer accepts the materials and decides, every R-REV-4 checklist point in order, with the legal adviser. */
	private void reviewAs(String reviewer, ProcessInstance review, String outcome, String opinionText) {
		as(reviewer);
		if (task(review, "userTask_checkMaterials") != null) {
			complete(review, "userTask_checkMaterials", Map.of("materialsComplete", true));
		}
		Map<String, Object> opinion = new HashMap<>();
		Fixtures.REVIEW_CHECKS.forEach(c -> opinion.put(c, true));
		if (!"APPROVED".equals(outcome)) {
			opinion.put("checkEvidence", false);
		}
		opinion.put("reviewAction", "DECIDE");
		opinion.put("reviewOutcome", outcome);
		opinion.put("reviewOpinion", opinionText != null ? opinionText : Fixtures.APPROVING_OPINION);
		opinion.putAll(Fixtures.counsel());
		complete(review, "userTask_reviewDecision", opinion);
	}

	private ProcessInstance toMajorReview(String caseNo) {
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, false);
		conclude(pi, "ORDINARY", false, false);
		as("officer1");
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 70000, "ordersSuspension", true));
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		clockAt(moment("2026-11-10T00:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).isWaitingAt("callActivity_legalReview");
		return pi;
	}

	private String register(NewCase c) {
		return cases.register(c, "officer1");
	}

	static NewCase person(String violation) {
		return new NewCase("LIAOKUO", "PATROL", false, "PERSON", "张三", PERSON_ID, "13800000000", false, violation,
				"在人民路占道经营", LocalDate.of(2026, 10, 30), null, null, null).withPartyAddress("曲靖市麒麟区人民路12号");
	}

	static NewCase org(String violation) {
		return new NewCase("LIAOKUO", "COMPLAINT", false, "ORG", "某某食品有限公司", ORG_CODE, "0874-1234567", false, violation,
				"销售超过保质期的食品", LocalDate.of(2026, 10, 30), null, null, null).withPartyAddress("曲靖市麒麟区南宁北路8号");
	}

	/** Read from the history: the case may have ended. */
	@Override
	protected Object var(ProcessInstance pi, String name) {
		var historic = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
			.variableName(name).list();
		return historic.isEmpty() ? null : historic.get(0).getValue();
	}

	/**
	 * Issue 16 §21: what the officers record in 调查取证 becomes the 询问笔录 and the 现场检查（勘验）笔录 the party signs
	 * (行政处罚法 arts. 42, 43, 55) — only when an inquiry or inspection is recorded, and then with its facts.
	 */
	@Test
	void theInvestigationGeneratesTheInquiryAndInspectionRecords() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		fileCase(pi);
		as("officer1");
		Map<String, Object> investigation = new HashMap<>(Map.of("investigatingOfficers", "officer1,officer2",
				"evidenceSummary", EVIDENCE, "seizureNeeded", false, "inquiryHeld", true, "inspectionHeld", true));
		assertThatThrownBy(() -> complete(pi, "userTask_investigate", investigation))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("intervieweeName");
		investigation.putAll(Map.of("intervieweeName", "张三", "intervieweeRelation", "当事人", "intervieweeIdNumber", PERSON_ID,
				"inquiryPlace", "寥廓街道综合行政执法队询问室", "inquiryPeriod", "2026年11月2日9时30分至10时05分", "recusalAnswer", "不申请回避",
				"inquiryTranscript", "问：你在人民路摆摊多久了？\n答：大约一个月。"));
		assertThatThrownBy(() -> complete(pi, "userTask_investigate", investigation))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionPlace");
		investigation.putAll(Map.of("inspectionPlace", "麒麟区人民路与南宁路交叉口", "inspectionPeriod", "2026年11月2日8时30分至9时00分",
				"onSitePerson", "张三（摊主）", "inspectionFindings", "当事人在人行道上摆放水果摊位，占用人行道约6平方米。"));
		complete(pi, "userTask_investigate", investigation);
		assertThat(pi).hasPassed("serviceTask_generateInquiryRecord", "serviceTask_generateInspectionRecord")
			.isWaitingAt("userTask_concludeInvestigation");

		String inquiry = docText(pi, "inquiryRecordDocId", "INQUIRY_RECORD");
		assertThat(inquiry).contains("询问笔录", "李明（执法证号53030020240001）、王芳（执法证号53030020240002）", "张三（当事人）",
				"寥廓街道综合行政执法队询问室", "2026年11月2日9时30分至10时05分", "有权申请执法人员回避", "答：不申请回避",
				"你在人民路摆摊多久了", "大约一个月");
		String inspection = docText(pi, "inspectionRecordDocId", "INSPECTION_RECORD");
		assertThat(inspection).contains("现场检查（勘验）笔录", "麒麟区人民路与南宁路交叉口", "张三（摊主）", "占用人行道约6平方米",
				"是否申请回避：否");
	}

	/**
	 * Issue 16 §11, 行政强制法 arts. 24, 25: the seizure's documents as the case's steps generate them from its own
	 * variables — the decision and the inventory numbered and listing the goods, the place, the period and the remedies;
	 * the testing period told in writing; the extension notice to serve, numbered, with the end the testing moved
	 * (was SeizureProcessTests.approvedBeforeCarriedOutWithDocumentsAppraisalNotCountedExtensionNoticeAndDecisionOnTheGoods;
	 * the rules are in CaseSeizureTest, the periods in PeriodSuspensionPathsTest, the paths in EnforcementCasePathsTest).
	 */
	/**
	 * R-REV-1/2 for a 行政强制 decision: seizing property worth 150,000 yuan is major by the catalogue (查封扣押较大价值财物),
	 * so the head cannot approve it until the case's legal review of the coercion passed; a review of another decision type
	 * does not count. The standalone review started for the case (拟作决定类型 行政强制) passes, and the approval goes through.
	 */
	@Test
	void aMajorSeizureIsApprovedOnlyAfterItsLegalReviewPassed() {
		ProcessInstance pi = buildingCaseToSeize();
		String caseNo = pi.getBusinessKey();
		complete(pi, "userTask_requestSeizure", Map.of("seizureUrgent", false, "seizureMeasure", "SEAL", "seizureValue", 150000,
				"seizureReason", "违法建设施工设备持续施工，为制止违法行为", "seizureBasis", "《中华人民共和国城乡规划法》第六十八条",
				"seizedItemsText", "塔吊，1台，QTZ63\n混凝土搅拌机，2台，JS750", "seizurePlace", "曲靖市麒麟区寥廓街道北关路58号院内",
				"seizureStoragePlace", "原地查封"));
		as("head1");
		assertThatThrownBy(() -> complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", true,
				"seizureApprovalOpinion", "同意查封"))).hasMessageContaining("seizureApproved").hasMessageContaining("须经法制审核通过");
		assertThat(pi).isWaitingAt("userTask_approveSeizure");

		// a passed review of a penalty is no review of the seizure; the coercion's review is
		ProcessInstance penaltyReview = standaloneReview(caseNo, "PENALTY");
		reviewAs("reviewer1", penaltyReview, "APPROVED", null);
		as("head1");
		assertThatThrownBy(() -> complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", true,
				"seizureApprovalOpinion", "同意查封"))).hasMessageContaining("须经法制审核通过");
		ProcessInstance coercionReview = standaloneReview(caseNo, "COERCION");
		reviewAs("reviewer1", coercionReview, "APPROVED", null);
		as("head1");
		complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", true, "seizureApprovalOpinion", "经法制审核通过，同意查封"));
		assertThat(pi).hasPassed("serviceTask_startSeizure").isWaitingAt("userTask_handleSeizure");
	}

	/** Monday: a building case of an organisation registered, filed and investigated, with a seizure needed. */
	private ProcessInstance buildingCaseToSeize() {
		clockAt(MONDAY);
		String caseNo = cases.register(new NewCase("LIAOKUO", "PATROL", false, "ORG", "曲靖市麒麟区某某建材经营部",
				ORG_CODE, "0874-1234567", false, "CM-ILLEGAL-BUILD", "在北关路违法搭建彩钢瓦房", LocalDate.of(2026, 11, 1), null,
				null, null, LocalDate.of(2026, 11, 1), false, "曲靖市麒麟区北关路12号"), "officer1");
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, true);
		return pi;
	}

	/** A legal review of the case started from Tasklist's start form by its handler, for a decision of {@code type}. */
	private ProcessInstance standaloneReview(String caseNo, String type) {
		Map<String, Object> vars = Fixtures.legalReviewVariables(caseNo);
		vars.put("decisionType", type);
		as("officer1");
		ProcessInstance review = engine.getRuntimeService().startProcessInstanceByKey("legal-review", caseNo, vars);
		engine.getIdentityService().clearAuthentication();
		return review;
	}

	@Test
	void aSeizureIsDocumentedFromTheCaseItsTestingToldAndItsExtensionServed() {
		ProcessInstance pi = buildingCaseToSeize();
		String caseNo = pi.getBusinessKey();
		complete(pi, "userTask_requestSeizure", Map.of("seizureUrgent", false, "seizureMeasure", "DETAIN", "seizureValue", 3200,
				"seizureReason",
				"在北关路违法搭建，为制止违法行为", "seizureBasis", "《中华人民共和国城乡规划法》第六十八条，《中华人民共和国行政强制法》第二十二条",
				"seizedItemsText", "电焊机，2台，ZX7-250，八成新\n切割机，1台，J3G-400", "seizurePlace", "曲靖市麒麟区寥廓街道北关路58号院内",
				"seizureStoragePlace", "寥廓街道综合行政执法队暂扣物品仓库"));
		clockAt(moment("2026-11-02T10:00:00+08:00"));
		as("head1");
		complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", true, "seizureApprovalOpinion", "同意扣押"));
		assertThat(pi).isWaitingAt("userTask_handleSeizure");

		// art. 24: the decision and the inventory, numbered, listing the goods, the place, the period and the remedies
		String number = (String) var(pi, "seizureDecisionNumber");
		assertThat(number).matches("寥街强制〔2026〕\\d+号");
		var decision = documents.find((String) var(pi, "seizureDecisionDocId")).orElseThrow();
		assertThat(decision.kind()).isEqualTo("SEIZURE_DECISION");
		assertThat(decision.number()).isEqualTo(number);
		assertThat(text(decision)).contains(number, "扣押", "在北关路违法搭建，为制止违法行为", "《中华人民共和国行政强制法》第二十二条",
				"自2026年11月2日起至2026年12月2日止", "电焊机2台、切割机1台", "执法队暂扣物品仓库", "六十日内", "六个月内",
				"检测、检验、检疫或者技术鉴定的期间不计入");
		var inventory = documents.find((String) var(pi, "seizureInventoryDocId")).orElseThrow();
		assertThat(inventory.kind()).isEqualTo("SEIZURE_INVENTORY");
		assertThat(text(inventory)).contains(number, "电焊机", "ZX7-250", "八成新", "切割机", "J3G-400", "北关路58号院内",
				"2026年11月2日10时00分").doesNotContain("${");

		// art. 25(3): the goods sent for testing Thu 5 Nov, the period stated (until Fri 20 Nov) and told in writing
		clockAt(moment("2026-11-05T10:00:00+08:00"));
		engine.getIdentityService().clearAuthentication();
		cases.requestAppraisal(caseNo, "TESTING", "扣押的电焊机", "曲靖市质量技术监督综合检测中心", LocalDate.of(2026, 11, 20),
				"officer1", "LIAOKUO");
		var appraisalNotice = documents.find((String) var(pi, "appraisalNoticeDocId")).orElseThrow();
		assertThat(appraisalNotice.kind()).isEqualTo("APPRAISAL_PERIOD_NOTICE");
		assertThat(appraisalNotice.number()).matches("寥街检告〔2026〕\\d+号");
		assertThat(text(appraisalNotice)).contains("曲靖市麒麟区某某建材经营部", "扣押的电焊机", "曲靖市质量技术监督综合检测中心",
				"自2026年11月5日起至2026年11月20日止，共15日", "第二十五条第三款").doesNotContain("${");
		// the result Thu 12 Nov: 7 days not counted, the seizure due Wed 9 Dec
		clockAt(moment("2026-11-12T16:00:00+08:00"));
		as("officer1");
		complete(pi, "userTask_recordAppraisal", Map.of("appraisalReportNo", "检字（2026）第031号", "appraisalResult",
				"电焊机为涉案施工工具"));
		assertThat(var(pi, "seizureDueAt")).isEqualTo(moment("2026-12-09T23:59:59+08:00"));

		// 3 working days before: the head extends it (art. 25(1)); the notice to serve (art. 25(2)), numbered
		clockAt(Date.from(deadlines.workdaysBefore(moment("2026-12-09T23:59:59+08:00"), 3).toInstant().plusSeconds(1)));
		executeDueJobs(pi.getId());
		as("head1");
		complete(pi, "userTask_decideSeizureExtension", Map.of("seizureExtensionApproved", true, "seizureExtensionReason",
				"涉案财物需进一步鉴定，情况复杂"));
		var extensionNotice = documents.find((String) var(pi, "seizureExtensionNoticeDocId")).orElseThrow();
		assertThat(extensionNotice.kind()).isEqualTo("SEIZURE_EXTENSION_NOTICE");
		assertThat(extensionNotice.number()).matches("寥街强制延〔2026〕\\d+号").isEqualTo(var(pi, "seizureExtensionNoticeNumber"));
		assertThat(text(extensionNotice)).contains("延长查封（扣押）期限通知书", "曲靖市麒麟区某某建材经营部", number,
				"涉案财物需进一步鉴定，情况复杂", "至2027年1月8日止", "第二十五条", "六十日内", "六个月内").doesNotContain("${");
	}

	/** Nothing recorded, nothing generated. */
	@Test
	void noInquiryOrInspectionRecordedNoRecordGenerated() {
		clockAt(MONDAY);
		ProcessInstance pi = instance(register(person("CM-OCCUPY-ROAD")));
		fileAndInvestigate(pi, EVIDENCE, false);
		assertThat(pi).hasNotPassed("serviceTask_generateInquiryRecord", "serviceTask_generateInspectionRecord")
			.isWaitingAt("userTask_concludeInvestigation");
		assertThat(var(pi, "inquiryRecordDocId")).isNull();
	}

	private String docText(ProcessInstance pi, String variable, String kind) {
		var document = documents.find((String) var(pi, variable)).orElseThrow();
		assertThat(document.kind()).isEqualTo(kind);
		String text = text(document);
		assertThat(text).doesNotContain("${", "null", "true", "false");
		return text;
	}

	/** The text of the 送达回证 a serving step generated: no placeholder, code or ISO date left. */
	private String receipt(ProcessInstance pi, String variable) {
		var document = documents.find((String) var(pi, variable)).orElseThrow();
		assertThat(document.kind()).isEqualTo("SERVICE_RECEIPT");
		String text = text(document);
		assertThat(text).doesNotContain("${", "DIRECT", "null").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
		return text;
	}
}

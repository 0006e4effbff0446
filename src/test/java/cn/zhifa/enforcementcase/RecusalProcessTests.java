package cn.zhifa.enforcementcase;

import static cn.zhifa.enforcementcase.EnforcementCaseProcessTests.org;
import static cn.zhifa.enforcementcase.EnforcementCaseProcessTests.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import cn.zhifa.qualification.QualificationService;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Recusal (回避, 行政处罚法 art. 43; the hearing chair, art. 64(4)), issue 16 §10: the party applies against an officer
 * of the case with grounds; the head decides by a task while the investigation goes on; a granted recusal replaces the
 * officer (the case's investigators, handler or hearing chair) and every decision is in the full-process record.
 */
@ZhifaIntegrationTest
class RecusalProcessTests extends CaseProcessSupport {

	static final Date MONDAY = moment("2026-11-02T09:00:00+08:00");
	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	EnforcementCaseService cases;
	@Autowired
	RecordService records;
	@Autowired
	TestRestTemplate http;

	/** An investigator is recused through the case API: the head grants it, officer5 takes over, all recorded. */
	@Test
	void aGrantedRecusalReplacesTheInvestigatorWhileTheInvestigationGoesOn() {
		clockAt(MONDAY);
		String caseNo = cases.register(person("CM-OCCUPY-ROAD"), "officer1");
		ProcessInstance pi = instance(caseNo);
		// before filing the case is not being investigated: nothing to recuse from
		assertThat(recusal("officer1", caseNo, "王芳", "系当事人的表姐").getStatusCode().value()).isEqualTo(409);
		fileAndInvestigate(pi, "现场笔录：11月2日现场检查笔录1份", false);
		engine.getIdentityService().clearAuthentication();

		// bad input names the field; another agency's case is not revealed
		assertField(recusal("officer1", caseNo, "周杰", "系当事人的表姐"), 400, "officer");
		assertField(recusal("officer1", caseNo, "王芳", " "), 400, "grounds");
		assertThat(recusal("officer4", caseNo, "王芳", "系当事人的表姐").getStatusCode().value()).isEqualTo(404);

		assertThat(recusal("officer1", caseNo, "王芳", "王芳系当事人的表姐，与本案有利害关系").getStatusCode().value())
			.isEqualTo(204);
		// art. 43: the investigation is not stopped while the head decides
		assertThat(pi).isWaitingAt("userTask_concludeInvestigation", "userTask_decideRecusal");
		Task decide = task(pi, "userTask_decideRecusal");
		assertThat(decide.getAssignee()).isNull();
		assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId())).anySatisfy(
				l -> assertThat(l.getGroupId()).isEqualTo("LIAOKUO-head"));
		assertThat(var(pi, "recusedOfficer")).isEqualTo("officer2");
		assertThat(var(pi, "recusedOfficerName")).isEqualTo("王芳");
		assertThat(var(pi, "recusedOfficerRoles")).isEqualTo("调查取证执法人员");

		as("head1");
		assertRefused(pi, Map.of("recusalGranted", true), "recusalDecisionReason");
		for (String wrong : List.of("officer2", "officer3", "aux1", "officer1", "officer4")) {
			assertRefused(pi, Map.of("recusalGranted", true, "recusalDecisionReason", "确有利害关系", "replacementOfficer", wrong),
					"replacementOfficer");
		}
		complete(pi, "userTask_decideRecusal", Map.of("recusalGranted", true, "recusalDecisionReason", "王芳与当事人系近亲属，应当回避",
				"replacementOfficer", "officer5"));

		assertThat(pi).hasPassed("serviceTask_recordRecusalDecision", "serviceTask_replaceRecusedOfficer",
				"endEvent_recusalGranted").isWaitingAt("userTask_concludeInvestigation");
		assertThat(QualificationService.userIds(var(pi, "investigatingOfficers"))).containsExactly("officer1", "officer5");
		assertThat(cases.officersOf(caseNo)).extracting(o -> o.getUserId() + ":" + o.getAssignment())
			.contains("officer5:INVESTIGATOR", "officer2:RECUSED").doesNotContain("officer2:INVESTIGATOR");
		List<RecordEntry> entries = records.list(caseNo);
		assertThat(entries).extracting(RecordEntry::kind).containsSubsequence("RECUSAL_REQUESTED", "RECUSAL_DECIDED",
				"OFFICER_REPLACED");
		RecordEntry decided = entries.stream().filter(e -> e.kind().equals("RECUSAL_DECIDED")).findFirst().orElseThrow();
		assertThat(decided.dataMap()).containsEntry("granted", true).containsEntry("decision", "准予回避")
			.containsEntry("recusalGrounds", "王芳系当事人的表姐，与本案有利害关系");
		assertThat(decided.actor()).isEqualTo("head1");
	}

	/** A refused application is recorded too, and changes nobody. */
	@Test
	void aRefusedRecusalIsRecordedAndChangesNobody() {
		clockAt(MONDAY);
		String caseNo = cases.register(person("CM-OCCUPY-ROAD"), "officer1");
		ProcessInstance pi = instance(caseNo);
		fileCase(pi);
		engine.getIdentityService().clearAuthentication();
		assertThat(recusal("officer1", caseNo, "officer1", "曾与当事人发生争执").getStatusCode().value()).isEqualTo(204);
		assertThat(var(pi, "recusedOfficerRoles")).isEqualTo("承办人");
		as("head1");
		complete(pi, "userTask_decideRecusal", Map.of("recusalGranted", false, "recusalDecisionReason", "所述争执系依法执行公务，不属于应当回避的情形"));
		assertThat(pi).hasPassed("serviceTask_recordRecusalDecision", "endEvent_recusalRefused")
			.hasNotPassed("serviceTask_replaceRecusedOfficer").isWaitingAt("userTask_investigate");
		assertThat(var(pi, "handlerId")).isEqualTo("officer1");
		RecordEntry decided = records.list(caseNo).stream().filter(e -> e.kind().equals("RECUSAL_DECIDED")).findFirst()
			.orElseThrow();
		assertThat(decided.dataMap()).containsEntry("granted", false).containsEntry("decision", "不予回避")
			.containsEntry("reason", "所述争执系依法执行公务，不属于应当回避的情形");
	}

	/**
	 * The handler recused from Tasklist (发起流程 → 当事人申请回避, process case-recusal): the open investigation passes
	 * to the new handler, and the recused officer cannot be chosen as an investigator again.
	 */
	@Test
	void aRecusedHandlerHandsTheCaseOverFromTasklist() {
		clockAt(MONDAY);
		String caseNo = cases.register(person("CM-OCCUPY-ROAD"), "officer1");
		ProcessInstance pi = instance(caseNo);
		fileCase(pi);
		engine.getIdentityService().clearAuthentication();

		assertField(startRecusal("officer1", caseNo, "无此人", "理由"), 400, "recusedOfficer");
		assertThat(startRecusal("officer4", caseNo, "李明", "理由").getStatusCode().value()).isIn(403, 404);
		ResponseEntity<Map<String, Object>> started = startRecusal("officer1", caseNo, "李明", "李明系当事人的邻居，曾有纠纷");
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		assertThat(var(pi, "recusalRequestedBy")).isEqualTo("officer1");

		as("head1");
		assertRefused(pi, Map.of("recusalGranted", true, "recusalDecisionReason", "有利害关系", "replacementOfficer", "head1"),
				"replacementOfficer");
		complete(pi, "userTask_decideRecusal", Map.of("recusalGranted", true, "recusalDecisionReason", "李明与当事人有纠纷，应当回避",
				"replacementOfficer", "officer2"));
		assertThat(var(pi, "handlerId")).isEqualTo("officer2");
		assertThat(task(pi, "userTask_investigate").getAssignee()).isEqualTo("officer2");

		as("officer2");
		assertThatThrownBy(() -> complete(pi, "userTask_investigate", Map.of("investigatingOfficers", "officer1,officer2",
				"evidenceSummary", "现场笔录：11月2日现场检查笔录1份", "seizureNeeded", false)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("investigatingOfficers")
			.hasMessageContaining("回避");
		complete(pi, "userTask_investigate", Map.of("investigatingOfficers", "officer2,officer5", "evidenceSummary",
				"现场笔录：11月2日现场检查笔录1份", "seizureNeeded", false));
		assertThat(pi).isWaitingAt("userTask_concludeInvestigation");
	}

	/** The hearing chair (art. 64(4)): replaced by someone who did not investigate; a recused chair is not chosen again. */
	@Test
	void theHearingChairIsRecusedAndReplacedByANonInvestigator() {
		clockAt(MONDAY);
		String caseNo = cases.register(org("CM-DUMP-WASTE"), "officer1");
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, "现场笔录：11月2日现场检查笔录1份", false);
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "违法事实清楚，证据确凿",
				"violationConfirmed", true, "circumstance", "ORDINARY", "firstOffence", false, "correctedPromptly", false,
				"harmCaused", false, "suspectedCrime", false));
		complete(pi, "userTask_proposePenalty", Map.of("fineAmount", 100000, "penaltyKinds", "罚款"));
		complete(pi, "userTask_servePriorNotice", Map.of("priorNoticeMethod", "DIRECT"));
		complete(pi, "userTask_recordPartyReply", Map.of("partyReply", "HEARING_REQUESTED"));
		complete(pi, "userTask_scheduleHearing", Map.of("hearingDate", "2026-11-20", "hearingPlace", "第一会议室",
				"hearingChair", "reviewer1"));
		engine.getIdentityService().clearAuthentication();

		assertThat(recusal("officer1", caseNo, "刘洋", "听证主持人刘洋曾为当事人提供法律咨询").getStatusCode().value()).isEqualTo(204);
		assertThat(var(pi, "recusedOfficerRoles")).isEqualTo("听证主持人");
		as("head1");
		// an investigator may not chair (art. 64(4))
		assertRefused(pi, Map.of("recusalGranted", true, "recusalDecisionReason", "应当回避", "replacementOfficer", "officer2"),
				"replacementOfficer");
		complete(pi, "userTask_decideRecusal", Map.of("recusalGranted", true, "recusalDecisionReason", "应当回避",
				"replacementOfficer", "officer5"));
		assertThat(var(pi, "hearingChair")).isEqualTo("officer5");
		assertThat(QualificationService.userIds(var(pi, "investigatingOfficers"))).containsExactly("officer1", "officer2");
		assertThat(pi).isWaitingAt("userTask_holdHearing");
	}

	// --- helpers

	private ResponseEntity<Map<String, Object>> recusal(String user, String caseNo, String officer, String grounds) {
		return http.withBasicAuth(user, "demo").exchange("/api/cases/" + caseNo + "/recusal", HttpMethod.POST,
				new HttpEntity<>(Map.of("officer", officer, "grounds", grounds)), MAP);
	}

	private ResponseEntity<Map<String, Object>> startRecusal(String user, String caseNo, String officer, String grounds) {
		Map<String, Object> variables = Map.of("caseId", Map.of("value", caseNo), "recusedOfficer", Map.of("value", officer),
				"recusalGrounds", Map.of("value", grounds));
		return http.withBasicAuth(user, "demo").exchange("/engine-rest/process-definition/key/case-recusal/submit-form",
				HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), MAP);
	}

	private static void assertField(ResponseEntity<Map<String, Object>> response, int status, String field) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getBody().toString()).contains(field);
	}

	private void assertRefused(ProcessInstance pi, Map<String, Object> variables, String field) {
		assertThatThrownBy(() -> complete(pi, "userTask_decideRecusal", variables)).as("%s", variables)
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining(field);
		assertThat(task(pi, "userTask_decideRecusal")).isNotNull();
	}
}

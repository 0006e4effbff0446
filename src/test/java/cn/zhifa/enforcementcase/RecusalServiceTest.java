package cn.zhifa.enforcementcase;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.document.DocumentFixtures;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.qualification.QualificationService;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.MovableClock;

/**
 * Recusal (回避, 行政处罚法 art. 43; the hearing chair, art. 64(4)), issue 16 §10, as {@link RecusalService} and the head's
 * decision rule ({@link CaseChecks#decideRecusal}) take it, the case, engine and record stand-ins, the labels and
 * calendar real: the application names an officer of the case by id or name and is passed to the case while it is
 * investigated; the decision needs its reason and a certified replacement who is neither the recused one nor (for an
 * investigator or handler) the chair; a granted recusal replaces the officer in every role, hands over the handler's
 * open tasks and is recorded; the recused officer takes no further part (was {@code RecusalProcessTests}). The model's
 * path: {@code EnforcementCasePathsTest.aRecusalRequestIsDecidedByTheHeadAndAGrantedOneReplacesTheOfficer},
 * {@code CaseRecusalPathsTest}; the API's fields: {@code CaseControllerTest}.
 */
class RecusalServiceTest {

	static final String CASE = "寥街罚〔2026〕R1号";
	static final String PI = "pi-case";

	final EnforcementCaseService cases = mock(EnforcementCaseService.class);
	final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
	final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class);
	final RecordService records = mock(RecordService.class);
	final CaseOfficerRepository caseOfficers = mock(CaseOfficerRepository.class);
	final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
	final QualificationService qualifications = mock(QualificationService.class);
	final RecusalService service;
	final CaseChecks rules;

	RecusalServiceTest() {
		EnforcementCase c = mock(EnforcementCase.class);
		when(c.getAgencyCode()).thenReturn("LIAOKUO");
		when(c.getProcessInstanceId()).thenReturn(PI);
		when(c.getStage()).thenReturn("INVESTIGATING");
		when(cases.find(anyString())).thenReturn(Optional.empty());
		when(cases.find(CASE)).thenReturn(Optional.of(c));
		when(runtime.createMessageCorrelation(RecusalService.MESSAGE)).thenReturn(correlation);
		when(correlation.processInstanceId(anyString())).thenReturn(correlation);
		when(correlation.setVariables(any())).thenReturn(correlation);
		OfficerRepository officers = mock(OfficerRepository.class);
		for (String[] o : new String[][] { { "officer1", "李明" }, { "officer2", "王芳" }, { "officer5", "赵强" },
				{ "reviewer1", "刘洋" } }) {
			when(officers.findById(o[0])).thenReturn(Optional.of(new Officer(o[0], "LIAOKUO", o[1], StaffRole.OFFICER, "执法队")));
		}
		service = new RecusalService(cases, runtime, records, DocumentFixtures.labels(officers), caseOfficers, tasks);
		when(qualifications.today()).thenReturn(LocalDate.of(2026, 11, 2));
		when(qualifications.caseOfficerRefusal(anyString(), anyString(), any())).thenReturn(Optional.empty());
		for (String uncertified : List.of("officer3", "aux1", "officer4", "head1")) {
			when(qualifications.caseOfficerRefusal(eq(uncertified), anyString(), any())).thenReturn(Optional.of("无有效执法证"));
		}
		rules = new CaseChecks(CalendarFixtures.deadlines(), qualifications,
				new MovableClock("2026-11-02T09:00:00+08:00"), null);
	}

	/** The case at a stage where the recusal message is awaited ({@code awaited}), its officers as given. */
	void caseAt(boolean awaited, String handler, String investigators, String chair) {
		when(runtime.createEventSubscriptionQuery().processInstanceId(PI).eventName(RecusalService.MESSAGE).count())
			.thenReturn(awaited ? 1L : 0L);
		Map<String, Object> vars = new HashMap<>();
		vars.put("handlerId", handler);
		vars.put("investigatingOfficers", investigators);
		vars.put("hearingChair", chair);
		when(runtime.getVariables(eq(PI), any(List.class))).thenReturn(vars);
	}

	/** A JSON variable as the process would hold it: its text (outside the engine it is not deserialized). */
	static Object json(Object value) {
		return value instanceof SerializableValue v ? v.getValueSerialized() : value;
	}

	static List<String> ids(Object value) {
		return QualificationService.userIds(json(value));
	}

	static void assertProblem(Runnable call, int status, String field) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.status().value()).isEqualTo(status);
			assertThat(p.field()).isEqualTo(field);
		});
	}

	static CaseChecks.RecusalDecision granted(String replacement, String recused, String investigators, String chair,
			String handler) {
		return new CaseChecks.RecusalDecision(true, "确有利害关系", replacement, recused, "LIAOKUO", investigators, chair, handler,
				null);
	}


	@Test
	void anApplicationNamesAnOfficerOfTheCaseByNameAndReachesTheCaseWhileItIsInvestigated() {
		// before filing the case is not being investigated: nothing to recuse from
		caseAt(false, "officer1", null, null);
		assertProblem(() -> service.request(CASE, "王芳", "系当事人的表姐", "officer1", "LIAOKUO"), 409, "caseId");

		caseAt(true, "officer1", "[\"officer1\",\"officer2\"]", null);
		assertProblem(() -> service.request(CASE, "周杰", "系当事人的表姐", "officer1", "LIAOKUO"), 400, "recusedOfficer");
		assertProblem(() -> service.request(CASE, "王芳", " ", "officer1", "LIAOKUO"), 400, "recusalGrounds");
		// another agency's case is not revealed
		assertProblem(() -> service.request(CASE, "王芳", "系当事人的表姐", "officer4", "QLSCJ"), 404, "caseId");
		verify(correlation, never()).correlate();

		service.request(CASE, "王芳", "王芳系当事人的表姐，与本案有利害关系", "officer1", "LIAOKUO");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(correlation).setVariables(sent.capture());
		verify(correlation).correlate();
		assertThat(sent.getValue()).containsEntry("recusedOfficer", "officer2").containsEntry("recusedOfficerName", "王芳")
			.containsEntry("recusedOfficerRoles", "调查取证执法人员")
			.containsEntry("recusalGrounds", "王芳系当事人的表姐，与本案有利害关系").containsEntry("recusalRequestedBy", "officer1");
		verify(records).append(eq(CASE), eq("RECUSAL_REQUESTED"), eq("officer1"), eq("LIAOKUO"), eq(PI), anyString(), any());
	}

	@Test
	void theRolesOfTheOfficerNamedAreTheHandlerAndTheHearingChair() {
		caseAt(true, "officer1", "[\"officer1\",\"officer2\"]", "reviewer1");
		service.request(CASE, "officer1", "曾与当事人发生争执", "officer1", "LIAOKUO");
		service.request(CASE, "刘洋", "听证主持人刘洋曾为当事人提供法律咨询", "officer1", "LIAOKUO");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
		verify(correlation, org.mockito.Mockito.times(2)).setVariables(sent.capture());
		assertThat(sent.getAllValues().get(0)).containsEntry("recusedOfficerRoles", "承办人、调查取证执法人员");
		assertThat(sent.getAllValues().get(1)).containsEntry("recusedOfficer", "reviewer1")
			.containsEntry("recusedOfficerRoles", "听证主持人");
	}

	/** The head's decision: a reason; a certified replacement, not the recused, not an investigator already. */
	@Test
	void theDecisionNeedsItsReasonAndACertifiedReplacementWhoIsNotInvolved() {
		String investigators = "[\"officer1\",\"officer2\"]";
		assertRefused(() -> rules.decideRecusal(new CaseChecks.RecusalDecision(true, null, null, "officer2", "LIAOKUO",
				investigators, null, "officer1", null)), "recusalDecisionReason");
		for (String wrong : List.of("officer2", "officer3", "aux1", "officer1", "officer4", "head1")) {
			assertRefused(() -> rules.decideRecusal(granted(wrong, "officer2", investigators, null, "officer1")),
				"replacementOfficer");
		}
		assertThat(rules.decideRecusal(granted("officer5", "officer2", investigators, null, "officer1"))).isEqualTo("officer5");
		assertThat(rules.decideRecusal(new CaseChecks.RecusalDecision(false, "所述争执系依法执行公务，不属于应当回避的情形", null,
				"officer1", "LIAOKUO", investigators, null, "officer1", null))).isNull();
		// the hearing chair (art. 64(4)) is replaced by someone who did not investigate
		assertRefused(() -> rules.decideRecusal(granted("officer2", "reviewer1", investigators, "reviewer1", "officer1")),
				"replacementOfficer", "第六十四条");
		assertThat(rules.decideRecusal(granted("officer5", "reviewer1", investigators, "reviewer1", "officer1")))
			.isEqualTo("officer5");
	}

	@Test
	void aGrantedRecusalOfAnInvestigatorReplacesHimAndIsRecorded() {
		Map<String, Object> set = new LinkedHashMap<>();
		Step head = new Step(PI, CASE, "LIAOKUO", "serviceTask_replaceRecusedOfficer", null, null, "head1", Set.of(), Set.of());
		service.replace(head, CASE, "LIAOKUO", "officer2", "officer5",
				new RecusalService.OfficerRoles("[\"officer1\",\"officer2\"]", "officer1", null, null), set::put);

		assertThat(ids(set.get("investigatingOfficers"))).containsExactly("officer1", "officer5");
		assertThat(ids(set.get("recusedOfficers"))).containsExactly("officer2");
		assertThat(set).doesNotContainKeys("handlerId", "hearingChair");
		verify(caseOfficers).deleteByCaseNoAndUserIdAndAssignment(CASE, "officer2", "INVESTIGATOR");
		verify(cases).assignOfficer(CASE, "officer5", "INVESTIGATOR");
		verify(cases).assignOfficer(CASE, "officer2", "RECUSED");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
		verify(records).append(eq(CASE), eq("OFFICER_REPLACED"), eq("head1"), eq("LIAOKUO"), eq(PI), anyString(), data.capture());
		assertThat(data.getValue()).containsEntry("recusedOfficerName", "王芳").containsEntry("replacementOfficer", "officer5")
			.containsEntry("roles", List.of("调查取证执法人员"));
	}

	/** The handler recused: the case's later steps and its open tasks go to the new handler. */
	@Test
	void aRecusedHandlerHandsTheCaseOverAndIsNotChosenAgain() {
		Task open = mock(Task.class);
		when(open.getId()).thenReturn("task-investigate");
		when(tasks.createTaskQuery().processInstanceId(PI).taskAssignee("officer1").list()).thenReturn(List.of(open));
		Map<String, Object> set = new LinkedHashMap<>();
		Step head = new Step(PI, CASE, "LIAOKUO", "serviceTask_replaceRecusedOfficer", null, null, "head1", Set.of(), Set.of());
		service.replace(head, CASE, "LIAOKUO", "officer1", "officer2",
				new RecusalService.OfficerRoles(null, "officer1", null, null), set::put);

		assertThat(set).containsEntry("handlerId", "officer2");
		verify(tasks).setAssignee("task-investigate", "officer2");
		verify(cases).assignOfficer(CASE, "officer2", "HANDLER");
		// the recused officer cannot be chosen as an investigator again
		assertRefused(() -> CaseChecks.refuseRecused(json(set.get("recusedOfficers")), "investigatingOfficers",
				List.of("officer1", "officer2")), "investigatingOfficers", "回避");
		assertThatCode(() -> CaseChecks.refuseRecused(json(set.get("recusedOfficers")), "investigatingOfficers",
				List.of("officer2", "officer5"))).doesNotThrowAnyException();
	}

	@Test
	void theHearingChairIsReplacedInHisRoleOnly() {
		Map<String, Object> set = new LinkedHashMap<>();
		Step head = new Step(PI, CASE, "LIAOKUO", "serviceTask_replaceRecusedOfficer", null, null, "head1", Set.of(), Set.of());
		service.replace(head, CASE, "LIAOKUO", "reviewer1", "officer5",
				new RecusalService.OfficerRoles("[\"officer1\",\"officer2\"]", "officer1", "reviewer1", null), set::put);
		assertThat(set).containsEntry("hearingChair", "officer5").doesNotContainKeys("investigatingOfficers", "handlerId");
	}

	/** Granted or refused, the head's decision is in the case's record with the grounds it answers. */
	@Test
	void everyDecisionIsRecordedByTheHead() {
		Step head = new Step(PI, CASE, "LIAOKUO", "serviceTask_recordRecusalDecision", null, null, "head1", Set.of(),
				Set.of());
		assertThat(service.recordDecision(head, CASE, "LIAOKUO", new RecusalService.Decision("officer2", "王芳", "调查取证执法人员",
				"王芳系当事人的表姐，与本案有利害关系", true, "王芳与当事人系近亲属，应当回避", "officer5"))).isEqualTo("head1");
		service.recordDecision(head, CASE, "LIAOKUO", new RecusalService.Decision("officer1", "李明", "承办人", "曾与当事人发生争执",
				false, "所述争执系依法执行公务，不属于应当回避的情形", null));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
		verify(records, org.mockito.Mockito.times(2)).append(eq(CASE), eq("RECUSAL_DECIDED"), eq("head1"), eq("LIAOKUO"), eq(PI),
				anyString(), data.capture());
		assertThat(data.getAllValues().get(0)).containsEntry("granted", true).containsEntry("decision", "准予回避")
			.containsEntry("recusalGrounds", "王芳系当事人的表姐，与本案有利害关系").containsEntry("replacementOfficer", "officer5");
		assertThat(data.getAllValues().get(1)).containsEntry("granted", false).containsEntry("decision", "不予回避")
			.containsEntry("reason", "所述争执系依法执行公务，不属于应当回避的情形");
	}
}

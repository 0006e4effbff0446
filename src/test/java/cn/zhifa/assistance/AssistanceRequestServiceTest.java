package cn.zhifa.assistance;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.enforcementcase.EnforcementCase;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.sla.SlaService;
import cn.zhifa.support.InMemoryRows;
import cn.zhifa.support.KnownAgencies;
import cn.zhifa.support.MovableClock;

/**
 * The rules of an assistance request between two agencies (执法协助) as {@link AssistanceRequestService} takes them, on the
 * real calendar, the requests held in memory and the engine a stand-in: who may ask, the number, the reply and
 * completion periods, the request delivered as the requested agency's process under the same number, the answer and the
 * outcome recorded (on time or late) and the requester told, the refusals naming the field (was
 * {@code AssistanceRequestProcessTests}). The models' paths: {@code AssistanceRequestPathsTest},
 * {@code AssistanceReplyPathsTest}; the REST path with the two agencies, the supervisors and 403/400:
 * {@code GuidingCaseAndAssistanceIT}.
 */
class AssistanceRequestServiceTest {

	static final String REQUEST_PI = "pi-request";
	static final String REPLY_PI = "pi-reply";

	final MovableClock clock = new MovableClock("2026-11-02T09:00:00+08:00");
	final Map<String, AssistanceRequest> rows = new HashMap<>();
	final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
	final SlaService sla = mock(SlaService.class);
	final AssistanceRequestService service;

	AssistanceRequestServiceTest() {
		AssistanceRequestRepository repository = mock(AssistanceRequestRepository.class);
		InMemoryRows.keep(repository, AssistanceRequest.class, rows, AssistanceRequest::getRequestNo);
		AgencyRepository agencies = KnownAgencies.of("LIAOKUO", "QLSCJ");
		EnforcementCaseService cases = mock(EnforcementCaseService.class);
		when(cases.find(anyString())).thenReturn(Optional.empty());
		EnforcementCase own = mock(EnforcementCase.class);
		when(own.getAgencyCode()).thenReturn("LIAOKUO");
		when(cases.find("寥街罚〔2026〕12号")).thenReturn(Optional.of(own));
		DocumentNumbers numbers = mock(DocumentNumbers.class);
		when(numbers.next(anyString(), anyString(), anyInt())).thenReturn(3);
		RepositoryService repository2 = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
		ProcessDefinition reply = mock(ProcessDefinition.class);
		when(reply.getId()).thenReturn("assistance-reply:1");
		when(repository2.createProcessDefinitionQuery().processDefinitionKey("assistance-reply").tenantIdIn(anyString())
			.latestVersion().singleResult()).thenReturn(reply);
		ProcessInstance started = mock(ProcessInstance.class);
		when(started.getId()).thenReturn(REPLY_PI);
		when(runtime.startProcessInstanceById(anyString(), anyString(), any(Map.class))).thenReturn(started);
		service = new AssistanceRequestService(repository, cases, agencies, numbers, runtime, repository2,
				CalendarFixtures.deadlines(), mock(DisplayLabels.class), sla, clock);
	}

	static Step requester(String user, String... groups) {
		return new Step(REQUEST_PI, "寥街协〔2026〕3号", "LIAOKUO", "activity", null, null, user, Set.of(groups), Set.of("LIAOKUO"));
	}

	static Step replier(String user) {
		return new Step(REPLY_PI, "寥街协〔2026〕3号", "QLSCJ", "activity", null, null, user, Set.of("QLSCJ-head"), Set.of("QLSCJ"));
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	AssistanceRequestService.Opened open(String target, String kind) {
		return service.open(requester("officer1", "LIAOKUO-officer"), target, kind, null,
				"对查扣的12箱预包装食品是否超过保质期出具认定意见。", "认定违法事项需要食品安全专业技术支撑（执法协助制度）。");
	}

	/** Opened, delivered as the other agency's process and registered there. */
	AssistanceRequestService.Opened delivered() {
		AssistanceRequestService.Opened opened = open("QLSCJ", "TECHNICAL");
		deliver(opened);
		return opened;
	}

	/** Delivered: the reply process starts, its start registered against the request. */
	void deliver(AssistanceRequestService.Opened opened) {
		service.registerReply(replier(null), opened.no(), REQUEST_PI);
		service.deliver(requester("officer1", "LIAOKUO-officer"), opened.no(), new AssistanceRequestService.Shown(
				opened.requestedAgencyName(), opened.agencyName(), opened.kindLabel(), opened.caseNo(), opened.requestedOn()));
	}


	@Test
	void acceptedWithinFiveWorkingDaysAndCompletedTheRequesterToldEachTime() {
		AssistanceRequestService.Opened opened = delivered();
		assertThat(opened.no()).isEqualTo("寥街协〔2026〕3号");
		// 5 working days from Mon 2 Nov: 3–6, 9 Nov
		assertThat(opened.replyDue().at()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		// the request is the requested agency's own process, under the same number
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> vars = ArgumentCaptor.forClass(Map.class);
		verify(runtime).startProcessInstanceById(eq("assistance-reply:1"), eq(opened.no()), vars.capture());
		assertThat(vars.getValue()).containsEntry("agencyCode", "QLSCJ").containsEntry("assistanceRequestProcessInstanceId",
				REQUEST_PI);
		AssistanceRequest r = rows.get(opened.no());
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.SENT);
		assertThat(r.getReplyProcessInstanceId()).isEqualTo(REPLY_PI);
		assertThat(r.getRequestedBy()).isEqualTo("officer1");

		clock.at("2026-11-04T10:00:00+08:00");
		service.checkAnswer("ACCEPT", null);
		AssistanceRequestService.Answered answered = service.answer(replier("head2"), opened.no(), "ACCEPT", null);
		// 15 working days from Wed 4 Nov: 5–6, 9–13, 16–20, 23–25 Nov
		assertThat(answered.completionDue().at()).isEqualTo(moment("2026-11-25T23:59:59+08:00"));
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.ACCEPTED);
		assertThat(r.getAnsweredOnTime()).isTrue();
		assertThat(r.getAnsweredBy()).isEqualTo("head2");
		assertThat(service.recordAnswer(requester(null), opened.no(), opened.requestedAgencyName()).accepted()).isTrue();
		verify(sla).notify(eq("ASSISTANCE"), eq("LIAOKUO"), anyString(), eq(REQUEST_PI), eq(List.of("officer1")),
				eq(List.of("LIAOKUO-head")), org.mockito.ArgumentMatchers.contains("同意协助"));

		assertRefused(() -> service.checkReport(null), "assistanceOutcome");
		service.report(replier("head2"), opened.no(), "经抽样检测，12箱预包装食品中8箱超过保质期，认定意见书已送达。");
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.COMPLETED);
		assertThat(r.getOutcomeBy()).isEqualTo("head2");
		assertThat(service.recordOutcome(requester(null), opened.no(), opened.requestedAgencyName())).contains("8箱超过保质期");
		verify(sla).notify(eq("ASSISTANCE"), eq("LIAOKUO"), anyString(), eq(REQUEST_PI), eq(List.of("officer1")),
				eq(List.of("LIAOKUO-head")), org.mockito.ArgumentMatchers.contains("反馈了协助结果"));
	}

	@Test
	void refusedWithReasonsTheRequesterToldThem() {
		AssistanceRequestService.Opened opened = delivered();
		assertRefused(() -> service.checkAnswer("REFUSE", null), "assistanceRefusalReasons");
		service.answer(replier("head2"), opened.no(), "REFUSE", "所请求的档案已移交区档案馆，请向区档案馆查阅。");
		AssistanceRequest r = rows.get(opened.no());
		assertThat(r.getStatus()).isEqualTo(AssistanceRequest.REFUSED);
		assertThat(r.getRefusalReasons()).contains("区档案馆");
		AssistanceRequestService.Answer answer = service.recordAnswer(requester(null), opened.no(), opened.requestedAgencyName());
		assertThat(answer.accepted()).isFalse();
		verify(sla).notify(eq("ASSISTANCE"), eq("LIAOKUO"), anyString(), eq(REQUEST_PI), any(), any(),
				org.mockito.ArgumentMatchers.argThat(m -> m.contains("不予协助") && m.contains("区档案馆")));
	}

	@Test
	void aLateAnswerIsRecordedLate() {
		AssistanceRequestService.Opened opened = delivered();
		clock.at("2026-11-10T08:00:00+08:00");
		service.answer(replier("head2"), opened.no(), "ACCEPT", null);
		assertThat(rows.get(opened.no()).getAnsweredOnTime()).isFalse();
	}

	@Test
	void whoMayAskAndWhatMovesTheRequest() {
		// supervisors read, they do not ask
		assertThatThrownBy(() -> service.open(requester("supervisor1", "supervisor"), "QLSCJ", "OTHER", null, "事项", "理由"))
			.isInstanceOf(AuthorizationException.class);
		// an agency does not ask itself
		assertRefused(() -> open("LIAOKUO", "OTHER"), "assistanceRequestedAgency");
		// the reply side starts only from a delivered request
		assertThatThrownBy(() -> service.registerReply(replier("head2"), "寥街协〔2026〕999号", null))
			.isInstanceOf(AuthorizationException.class);
		AssistanceRequestService.Opened opened = open("QLSCJ", "OTHER");
		assertThatThrownBy(() -> service.registerReply(replier(null), opened.no(), "pi-forged"))
			.isInstanceOf(AuthorizationException.class);
		deliver(opened);
		// once only
		assertThatThrownBy(() -> service.registerReply(replier(null), opened.no(), REQUEST_PI))
			.isInstanceOf(AuthorizationException.class);
		// the requester's process moves on only once the requested agency answered
		assertThatThrownBy(() -> service.recordAnswer(requester(null), opened.no(), opened.requestedAgencyName()))
			.isInstanceOf(AuthorizationException.class);
		assertThat(rows.get(opened.no()).getStatus()).isEqualTo(AssistanceRequest.SENT);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		Step officer = requester("officer1", "LIAOKUO-officer");
		assertRefused(() -> service.open(officer, "QLSCJ", "TECHNICAL", null, null, "理由"), "assistanceMatter", "请求协助的事项必须填写");
		assertRefused(() -> open("QLSCJ", "FAVOUR"), "assistanceKind");
		assertRefused(() -> open("NOWHERE", "OTHER"), "assistanceRequestedAgency");
		assertRefused(() -> service.open(officer, "QLSCJ", "OTHER", "寥街罚〔2026〕99998号", "事项", "理由"), "caseId");
		assertThat(rows).isEmpty();
		service.open(officer, "QLSCJ", "OTHER", "寥街罚〔2026〕12号", "事项", "理由");
		assertThat(rows).hasSize(1);
	}
}

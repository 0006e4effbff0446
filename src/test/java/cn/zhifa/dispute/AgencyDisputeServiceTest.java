package cn.zhifa.dispute;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.CaseNumberOwners;
import cn.zhifa.platform.Step;
import cn.zhifa.support.InMemoryRows;
import cn.zhifa.support.KnownAgencies;
import cn.zhifa.support.MovableClock;

/**
 * The rules of a dispute between agencies (行政执法争议协调, R-COORD-5) as {@link AgencyDisputeService} takes them, on the real
 * calendar, the disputes held in memory and the engine a stand-in: who may raise one, the number, the period of every
 * step, the other agency's step started in its name, each answer taken from the register, the outcome of every path, the
 * refusals naming the field (was {@code AgencyDisputeProcessTests}). The models' paths: {@code AgencyDisputePathsTest},
 * {@code AgencyDisputeReplyPathsTest}; the REST path with the two tenants, a third agency, the supervisors, 403/400 and
 * the SLA board: {@code AgencyDisputeIT}.
 */
class AgencyDisputeServiceTest {

	static final String PI = "pi-dispute";

	final MovableClock clock = new MovableClock("2026-11-02T09:00:00+08:00");
	final Map<String, AgencyDispute> rows = new HashMap<>();
	final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
	final AgencyDisputeService service;

	AgencyDisputeServiceTest() {
		AgencyDisputeRepository repository = mock(AgencyDisputeRepository.class);
		InMemoryRows.keep(repository, AgencyDispute.class, rows, AgencyDispute::getDisputeNo);
		AgencyRepository agencies = KnownAgencies.of("LIAOKUO", "QLSCJ");
		DocumentNumbers numbers = mock(DocumentNumbers.class);
		when(numbers.next(anyString(), anyString(), anyInt())).thenReturn(4);
		RepositoryService repository2 = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
		ProcessDefinition reply = mock(ProcessDefinition.class);
		when(reply.getId()).thenReturn("agency-dispute-reply:1");
		when(repository2.createProcessDefinitionQuery().processDefinitionKey(anyString()).tenantIdIn(anyString())
			.latestVersion().singleResult()).thenReturn(reply);
		CaseNumberOwners owners = caseNo -> switch (caseNo) {
			case "寥街罚〔2026〕12号" -> Optional.of("LIAOKUO");
			case "区市监罚〔2026〕3号" -> Optional.of("QLSCJ");
			default -> Optional.empty();
		};
		service = new AgencyDisputeService(repository, agencies, numbers, runtime, repository2, CalendarFixtures.deadlines(),
				mock(DisplayLabels.class), List.of(owners), "某区司法局", "某区人民政府", "区执争", clock);
	}

	static Step as(String user, String agency, String pi, String... groups) {
		return new Step(pi, null, agency, "activity", null, null, user, Set.of(groups), Set.of());
	}

	static Step applicant(String user) {
		return as(user, "LIAOKUO", PI, "LIAOKUO-head");
	}

	static Step bureau() {
		return as("supervisor1", "LIAOKUO", PI, "supervisor");
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	AgencyDisputeService.Opened raise(String subject) {
		return service.open(applicant("officer1"), "LIAOKUO", "QLSCJ", subject, "农贸市场内销售过期食品的行为由谁查处，双方意见不一。",
				"该行为属于食品安全违法行为，应由市场监督管理部门查处。", null);
	}


	/** The other agency answers the negotiation in its own process: asked, registered, the applicant told. */
	void counterpartReplies(String no, String reply, String position) {
		service.askCounterpart(applicant(null), no, "NEGOTIATION", Map.of());
		service.openReply(as(null, "QLSCJ", "pi-reply", "QLSCJ-head"), no, "NEGOTIATION", PI);
		service.checkNegotiationReply(reply, position);
		service.sendReply(as("head2", "QLSCJ", "pi-reply", "QLSCJ-head"), no, "NEGOTIATION", reply, position, null, null);
	}

	/** Raised, the other agency disagrees, the applicant applies to the bureau. */
	String applied() {
		String no = raise("JURISDICTION").no();
		counterpartReplies(no, "DISAGREE", "该事项已赋权街道，应由街道查处。");
		service.takeNegotiationReply(applicant(null), no);
		service.checkNegotiation("APPLY", "双方对管辖意见不一，申请司法局协调。");
		service.apply(applicant("head1"), no, "双方对管辖意见不一，申请司法局协调。");
		return no;
	}

	/** As {@link #applied}, accepted, and the bureau's written opinion issued. */
	String opinionIssued() {
		String no = applied();
		service.accept(bureau(), no, null);
		service.checkCoordination("OPINION", "召开协调会，双方各自陈述意见，未能达成一致。", "由某区市场监督管理局依法查处，街道予以配合。");
		service.recordOpinion(bureau(), no, "召开协调会，双方各自陈述意见，未能达成一致。", "由某区市场监督管理局依法查处，街道予以配合。");
		return no;
	}

	@Test
	void agreedInNegotiationWithTheOtherAgencysReplyFromTheRegister() {
		AgencyDisputeService.Opened opened = raise("JURISDICTION");
		assertThat(opened.no()).isEqualTo("区执争〔2026〕4号");
		// 10 working days from Mon 2 Nov: 3–6, 9–13, 16 Nov
		assertThat(opened.negotiationDue().at()).isEqualTo(moment("2026-11-16T23:59:59+08:00"));
		AgencyDispute d = rows.get(opened.no());
		assertThat(d.getStatus()).isEqualTo(AgencyDispute.NEGOTIATING);
		assertThat(d.getRaisedBy()).isEqualTo("officer1");
		assertThat(d.getCounterpartCode()).isEqualTo("QLSCJ");

		// the other agency's step: a process in its name, under the dispute's number
		service.askCounterpart(applicant(null), opened.no(), "NEGOTIATION", Map.of("disputeMatter", "事项", "secret", "x"));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> vars = ArgumentCaptor.forClass(Map.class);
		verify(runtime).startProcessInstanceById(eq("agency-dispute-reply:1"), eq(opened.no()), vars.capture());
		assertThat(vars.getValue()).containsEntry("agencyCode", "QLSCJ").containsEntry("disputeMatter", "事项")
			.doesNotContainKey("secret");
		// the applicant cannot take a reply that was not given
		assertThatThrownBy(() -> service.takeNegotiationReply(applicant(null), opened.no()))
			.isInstanceOf(AuthorizationException.class);
		assertRefused(() -> service.checkNegotiationReply("DISAGREE", null), "counterpartPosition");
		clock.at("2026-11-04T10:00:00+08:00");
		service.sendReply(as("head2", "QLSCJ", "pi-reply", "QLSCJ-head"), opened.no(), "NEGOTIATION", "AGREE", null, null, null);
		AgencyDisputeService.NegotiationReply reply = service.takeNegotiationReply(applicant(null), opened.no());
		assertThat(reply.reply()).isEqualTo("AGREE");
		// 5 working days from Wed 4 Nov: 5, 6, 9, 10, 11 Nov
		assertThat(reply.applicationDue().at()).isEqualTo(moment("2026-11-11T23:59:59+08:00"));

		assertRefused(() -> service.checkNegotiation("AGREED", null), "disputeNegotiationResult");
		service.conclude(applicant("head1"), opened.no(), new AgencyDisputeService.Conclusion("AGREED_IN_NEGOTIATION",
				"双方同意由某区市场监督管理局管辖。", null, null, null, null));
		assertThat(d.getStatus()).isEqualTo(AgencyDispute.CLOSED);
		assertThat(d.getOutcome()).isEqualTo("AGREED_IN_NEGOTIATION");
		assertThat(d.getCounterpartReply()).isEqualTo("AGREE");
		assertThat(d.getCounterpartRepliedBy()).isEqualTo("head2");
	}

	/** The reply process belongs to the dispute's other agency and its running negotiation only. */
	@Test
	void onlyTheOtherAgencyRepliesAndOnlyOnce() {
		String no = raise("STANDARD").no();
		assertThatThrownBy(() -> service.openReply(as(null, "LIAOKUO", "pi-reply", "LIAOKUO-head"), no, "NEGOTIATION", PI))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> service.openReply(as(null, "QLSCJ", "pi-reply", "QLSCJ-head"), no, "NEGOTIATION", "pi-other"))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> service.openReply(as(null, "QLSCJ", "pi-reply", "QLSCJ-head"), no, "OPINION", PI))
			.isInstanceOf(AuthorizationException.class);
		counterpartReplies(no, "AGREE", null);
		assertThatThrownBy(() -> service.openReply(as(null, "QLSCJ", "pi-reply", "QLSCJ-head"), no, "NEGOTIATION", PI))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void notAcceptedByTheBureau() {
		String no = applied();
		AgencyDispute d = rows.get(no);
		assertThat(d.getStatus()).isEqualTo(AgencyDispute.APPLIED);
		assertRefused(() -> service.checkAcceptance("REJECT", null), "acceptanceNotes");
		service.conclude(bureau(), no, new AgencyDisputeService.Conclusion("NOT_ACCEPTED", null, "不属于行政执法争议，属于内部分工问题。",
				null, null, null));
		assertThat(d.getOutcome()).isEqualTo("NOT_ACCEPTED");
		assertThat(d.getAcceptedBy()).isEqualTo("supervisor1");
		assertThat(d.getAcceptanceNotes()).contains("内部分工");
	}

	@Test
	void theBureausAcceptanceCoordinationAndOpinionPeriods() {
		String no = raise("JURISDICTION").no();
		counterpartReplies(no, "DISAGREE", "不同意。");
		// the bureau's acceptance: 5 working days from the application (Mon 2 Nov: 3–6, 9 Nov)
		assertThat(service.apply(applicant("head1"), no, "申请协调。").at()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		// coordination and written opinion: 20 working days (3–6, 9–13, 16–20, 23–27, 30 Nov)
		assertThat(service.accept(bureau(), no, null).at()).isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		assertThat(rows.get(no).getStatus()).isEqualTo(AgencyDispute.COORDINATING);
		// both answer the opinion within 5 working days (3–6, 9 Nov)
		assertThat(service.recordOpinion(bureau(), no, "协调会。", "由某区市场监督管理局查处。").replyDue().at())
			.isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThat(rows.get(no).getStatus()).isEqualTo(AgencyDispute.OPINION_ISSUED);
		assertThat(rows.get(no).getOpinionBy()).isEqualTo("supervisor1");
	}

	@Test
	void agreedInTheBureausCoordination() {
		String no = applied();
		service.accept(bureau(), no, null);
		assertRefused(() -> service.checkCoordination("OPINION", "召开协调会。", null), "disputeOpinion");
		service.checkCoordination("AGREED", "经协调，双方同意由寥廓街道综合行政执法队查处。", null);
		service.conclude(bureau(), no, new AgencyDisputeService.Conclusion("AGREED_IN_COORDINATION", null, null,
				"经协调，双方同意由寥廓街道综合行政执法队查处。", null, null));
		assertThat(rows.get(no).getOutcome()).isEqualTo("AGREED_IN_COORDINATION");
	}

	@Test
	void theBureausOpinionAcceptedByBoth() {
		String no = opinionIssued();
		service.openReply(as(null, "QLSCJ", "pi-reply2", "QLSCJ-head"), no, "OPINION", PI);
		service.checkCounterpartAnswer("ACCEPT", null);
		service.sendReply(as("head2", "QLSCJ", "pi-reply2", "QLSCJ-head"), no, "OPINION", null, null, "ACCEPT", null);
		assertThat(service.takeOpinionAnswer(applicant(null), no).answer()).isEqualTo("ACCEPT");
		service.checkApplicantAnswer("ACCEPT", null);
		AgencyDisputeService.Weighed weighed = service.weighAnswers(applicant(null), no, "ACCEPT", null, "寥廓街道综合行政执法队",
				"某区市场监督管理局");
		assertThat(weighed.accepted()).isTrue();
		assertThat(weighed.reportDue()).isNull();
		service.conclude(applicant(null), no, new AgencyDisputeService.Conclusion("OPINION_ACCEPTED", null, null, null, null,
				null));
		AgencyDispute d = rows.get(no);
		assertThat(d.getOutcome()).isEqualTo("OPINION_ACCEPTED");
		assertThat(d.getApplicantAnswer()).isEqualTo("ACCEPT");
		assertThat(d.getCounterpartAnswer()).isEqualTo("ACCEPT");
		assertThat(d.getOpinionBy()).isEqualTo("supervisor1");
	}

	@Test
	void anObjectionIsReportedToTheGovernmentAndTheBureauRecordsItsRuling() {
		String no = opinionIssued();
		assertRefused(() -> service.checkApplicantAnswer("OBJECT", null), "applicantOpinionNotes");
		clock.at("2026-11-04T09:00:00+08:00");
		service.sendReply(as("head2", "QLSCJ", "pi-reply2", "QLSCJ-head"), no, "OPINION", null, null, "ACCEPT", null);
		AgencyDisputeService.Weighed weighed = service.weighAnswers(applicant(null), no, "OBJECT", "该事项未赋权街道，不应由本机关查处。",
				"寥廓街道综合行政执法队", "某区市场监督管理局");
		assertThat(weighed.accepted()).isFalse();
		// the written suggestion within 5 working days of the last answer (Wed 4 Nov: 5, 6, 9, 10, 11 Nov)
		assertThat(weighed.reportDue().at()).isEqualTo(moment("2026-11-11T23:59:59+08:00"));
		assertRefused(() -> service.checkReport(null), "governmentReport");
		// the bureau follows the report and records the ruling: 30 working days from Wed 4 Nov
		assertThat(service.recordReport(bureau(), no, "建议由某区市场监督管理局管辖。").rulingDue().at())
			.isEqualTo(moment("2026-12-16T23:59:59+08:00"));
		assertThat(rows.get(no).getStatus()).isEqualTo(AgencyDispute.REPORTED);
		service.checkRuling("由某区市场监督管理局管辖，寥廓街道综合行政执法队配合。", "某政裁〔2026〕2号");
		service.conclude(bureau(), no, new AgencyDisputeService.Conclusion("RULED", null, null, null,
				"由某区市场监督管理局管辖，寥廓街道综合行政执法队配合。", "某政裁〔2026〕2号"));
		AgencyDispute d = rows.get(no);
		assertThat(d.getOutcome()).isEqualTo("RULED");
		assertThat(d.getRulingNo()).isEqualTo("某政裁〔2026〕2号");
		assertThat(d.getRulingRecordedBy()).isEqualTo("supervisor1");
		assertThat(d.getApplicantAnswer()).isEqualTo("OBJECT");
	}

	@Test
	void whoMayRaiseADisputeAndBadInput() {
		assertThatThrownBy(() -> service.open(as("supervisor1", "LIAOKUO", PI, "supervisor"), "LIAOKUO", "QLSCJ", "OTHER",
				"事项", "意见", null)).isInstanceOf(AuthorizationException.class);
		Step officer = applicant("officer1");
		assertRefused(() -> service.open(officer, "LIAOKUO", "LIAOKUO", "OTHER", "事项", "意见", null), "counterpartAgency");
		assertRefused(() -> service.open(officer, "LIAOKUO", "NOWHERE", "OTHER", "事项", "意见", null), "counterpartAgency");
		assertRefused(() -> service.open(officer, "LIAOKUO", "QLSCJ", "GOSSIP", "事项", "意见", null), "disputeSubject");
		assertRefused(() -> service.open(officer, "LIAOKUO", "QLSCJ", "OTHER", null, "意见", null), "disputeMatter", "必须填写");
		assertRefused(() -> service.open(officer, "LIAOKUO", "QLSCJ", "OTHER", "事项", "意见", "没有这个案号"), "relatedCaseNo");
		assertThatThrownBy(() -> service.open(officer, "LIAOKUO", "QLSCJ", "OTHER", "事项", "意见", "区市监罚〔2026〕3号"))
			.isInstanceOf(AuthorizationException.class);
		assertThat(rows).isEmpty();
		assertThat(service.open(officer, "LIAOKUO", "QLSCJ", "OTHER", "事项", "意见", "寥街罚〔2026〕12号").relatedCase())
			.isEqualTo("寥街罚〔2026〕12号");
	}
}

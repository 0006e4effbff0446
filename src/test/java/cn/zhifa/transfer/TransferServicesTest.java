package cn.zhifa.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.Deadlines;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.support.InMemoryRows;
import cn.zhifa.support.MovableClock;

/**
 * The rules of the case transfer (R-COORD-1, R-COORD-5) and the discipline transfer (R-COORD-3) as the services take
 * them, on the real calendar ({@code calendar/}) and with the transfer rows held in memory: deadlines, refusals naming
 * the field, what the row and its step log record, the outcome the calling case gets. The order of the steps is the
 * models' ({@code CaseTransferPathsTest}, {@code DisciplineTransferPathsTest}); a case delivered to an agency on Zhifa
 * is {@code EnforcementCaseProcessTests.transferToAnAgencyUsingZhifaCreatesItsCaseAndItsFilingAnswers}.
 */
class TransferServicesTest {

	static final String PI = "pi-1";
	static final String CASE = "寥街罚〔2026〕T1号";

	final Deadlines deadlines = CalendarFixtures.deadlines();
	final MovableClock clock = new MovableClock("2026-09-29T10:00:00+08:00");
	final Map<String, Transfer> rows = new HashMap<>();
	final List<TransferStep> log = new ArrayList<>();
	final AgencyRepository agencies = mock(AgencyRepository.class);
	final EnforcementCaseService cases = mock(EnforcementCaseService.class);
	final TransferRecords records;
	final CaseTransferService caseTransfer;
	final DisciplineTransferService discipline;

	TransferServicesTest() {
		TransferRepository transfers = mock(TransferRepository.class);
		InMemoryRows.keep(transfers, Transfer.class, rows, Transfer::getId);
		TransferStepRepository steps = mock(TransferStepRepository.class);
		when(steps.save(any(TransferStep.class))).thenAnswer(i -> {
			log.add(i.getArgument(0));
			return i.getArgument(0);
		});
		when(steps.findByTransferIdOrderByIdAsc(anyString())).thenAnswer(i -> log.stream()
			.filter(s -> s.getTransferId().equals(i.getArgument(0))).toList());
		records = new TransferRecords(transfers, steps, deadlines, clock);
		when(agencies.existsById("LIAOKUO")).thenReturn(true);
		when(agencies.findById(anyString())).thenReturn(Optional.empty());
		when(agencies.findById("QLSCJ")).thenReturn(Optional.of(new Agency("QLSCJ", "某区市场监督管理局", "区市监", "市场监管",
				"某区", "某路1号", "某人", "依据")));
		caseTransfer = new CaseTransferService(records, agencies, cases);
		when(cases.registerTransferred(any())).thenReturn("区市监罚〔2026〕1号");
		discipline = new DisciplineTransferService(records, agencies);
	}

	static Step as(String user) {
		return new Step(PI, CASE, "LIAOKUO", "activity", "task", "任务", user, Set.of(), Set.of("LIAOKUO"));
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	List<String> steps() {
		return records.steps(PI).stream().map(TransferStep::getStep).toList();
	}

	static void assertRefused(Runnable call, String field, String... texts) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(FormFieldValidationException.class,
				e -> {
					assertThat(e.getMessage()).contains(field);
					for (String text : texts) {
						assertThat(e.getMessage()).contains(text);
					}
				});
	}

	// --- case transfer (R-COORD-1, R-COORD-5); was CaseTransferProcessTests

	CaseTransferService.Request caseRequest(String targetCode, String targetName, boolean urgent, Object foundOn) {
		return new CaseTransferService.Request(CASE, "LIAOKUO", "officer1", "当事人无证经营食品，依法由市场监督管理部门管辖",
				"赵某", "当事人在寥廓路无证经营熟食摊点", targetCode, targetName, urgent, foundOn, "2026-09-28", null);
	}

	/** Issue 16 point 4: the 3 working days run from the discovery (Mon 28 Sep), not from the transfer (Tue 29 Sep). */
	@Test
	void theThreeWorkingDaysRunFromTheDiscoveryAcrossNationalDayAndAnAgencyOnZhifaIsNamed() {
		CaseTransferService.Opened opened = caseTransfer.open(as("officer1"), caseRequest("QLSCJ", null, false, null));

		// 29, 30 Sep, (1–7 Oct), 8 Oct = 3 working days
		assertThat(opened.due().at()).isEqualTo(moment("2026-10-08T23:59:59+08:00"));
		assertThat(opened.targetName()).isEqualTo("某区市场监督管理局");
		assertThat(opened.targetInZhifa()).isTrue();
		assertThat(rows.get(PI).getTargetAgencyCode()).isEqualTo("QLSCJ");
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.AWAITING_SIGNATURE);
		assertThat(steps()).containsExactly("REQUESTED");
	}

	/** The urgent 24 hours run from the moment the case was found outside the competence (09:00), not from 10:00. */
	@Test
	void anUrgentTransferHasTwentyFourHoursFromTheMomentTheCaseWasFoundOutsideTheCompetence() {
		clock.at("2026-11-02T10:00:00+08:00");
		CaseTransferService.Opened opened = caseTransfer.open(as("officer1"),
				caseRequest(null, "某区自然资源局", true, "2026-11-02T09:00:00+08:00"));

		assertThat(opened.due().at()).isEqualTo(moment("2026-11-03T09:00:00+08:00"));
		assertThat(opened.targetInZhifa()).isFalse();
		assertThat(steps()).containsExactly("REQUESTED_URGENT");
	}

	@Test
	void aTargetIsRequiredAndNotTheAgencyItself() {
		assertRefused(() -> caseTransfer.open(as("officer1"), caseRequest(null, null, false, null)), "targetAgencyName");
		assertRefused(() -> caseTransfer.open(as("officer1"), caseRequest("LIAOKUO", null, false, null)), "targetAgencyCode",
				"本机关");
		assertThat(rows).isEmpty();
	}

	@Test
	void theHeadMustSignAndTheSignatureIsRecorded() {
		CaseTransferService.Opened opened = caseTransfer.open(as("officer1"), caseRequest("QLSCJ", null, false, null));
		assertRefused(() -> caseTransfer.checkSignature(as("head1"), false, opened.due().at()), "transferSigned");
		assertThat(rows.get(PI).getApprovedBy()).isNull();

		assertThat(caseTransfer.checkSignature(as("head1"), true, opened.due().at())).isEqualTo("head1");
		assertThat(rows.get(PI).getApprovedBy()).isEqualTo("head1");
		assertThat(steps()).containsExactly("REQUESTED", "SIGNED");
	}

	@Test
	void anAcceptanceClosesTheTransferWithTheReceivingCaseNumber() {
		caseTransfer.open(as("officer1"), caseRequest(null, "某区自然资源局", false, null));
		assertThat(caseTransfer.recordAnswer(as("officer1"), "ACCEPTED", "某自然资源罚〔2026〕3号", null)).isEqualTo("ACCEPTED");
		assertThat(rows.get(PI).getReceivingCaseNo()).isEqualTo("某自然资源罚〔2026〕3号");
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.CLOSED);
		assertThat(rows.get(PI).getOutcome()).isEqualTo("ACCEPTED");
	}

	@Test
	void aRefusalNeedsItsReasonsAndSettledInNegotiationTheTargetAccepts() {
		CaseTransferService.Opened opened = caseTransfer.open(as("officer1"), caseRequest("QLSCJ", null, false, null));
		caseTransfer.checkSignature(as("head1"), true, opened.due().at());
		assertThat(caseTransfer.deliver(as("head1"), delivery(opened))).isEqualTo("区市监罚〔2026〕1号");
		assertThat(rows.get(PI).getHandedOverOnTime()).isTrue();
		assertThat(rows.get(PI).getReceivingCaseNo()).isEqualTo("区市监罚〔2026〕1号");
		assertRefused(() -> caseTransfer.recordAnswer(as("head2"), "REFUSED", null, null), "transferRefusalReasons");
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.AWAITING_ANSWER);

		assertThat(caseTransfer.recordAnswer(as("head2"), "REFUSED", null, "占道经营属城市管理部门管辖")).isNull();
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.DISPUTED);
		caseTransfer.checkNegotiation(as("head1"), "TARGET_ACCEPTS", "经协商，涉及食品经营部分由市监局办理");

		assertThat(caseTransfer.concludeDispute(as("head1"), null, "TARGET_ACCEPTS")).isEqualTo("ACCEPTED_AFTER_NEGOTIATION");
		assertThat(steps()).containsExactly("REQUESTED", "SIGNED", "DELIVERED", "REFUSED", "NEGOTIATED_TARGET_ACCEPTS");
	}

	static CaseTransferService.Delivery delivery(CaseTransferService.Opened opened) {
		return new CaseTransferService.Delivery("QLSCJ", opened.targetName(), "PERSON", "赵某", "530302199001011232",
				"13800000000", false, "CM-OCCUPY-ROAD", "当事人在寥廓路无证经营熟食摊点", "2026-09-28", CASE, "某路2号",
				opened.due().at());
	}

	/** An outside agency: handed over late, its refusal needs reasons, no agreement → the justice bureau coordinates. */
	@Test
	void aLateHandoverToAnOutsideAgencyRefusedAndCoordinatedByTheJusticeBureau() {
		clock.at("2026-11-02T10:00:00+08:00");
		CaseTransferService.Opened opened = caseTransfer.open(as("officer1"),
				caseRequest(null, "某区自然资源局", true, "2026-11-02T09:00:00+08:00"));
		caseTransfer.checkSignature(as("head1"), true, opened.due().at());
		assertRefused(() -> caseTransfer.checkExternalHandover(" "), "receivedBy");
		clock.at("2026-11-03T09:00:01+08:00");
		caseTransfer.recordExternalHandover(as("officer1"), "某区自然资源局", "某区自然资源局办公室 李某", null, opened.due().at());
		assertThat(rows.get(PI).getHandedOverOnTime()).isFalse();
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.AWAITING_ANSWER);

		assertRefused(() -> caseTransfer.checkExternalFeedback("REFUSED", null), "transferRefusalReasons");
		caseTransfer.checkExternalFeedback("REFUSED", "不属于自然资源执法范围");
		caseTransfer.recordAnswer(as("officer1"), "REFUSED", null, "不属于自然资源执法范围");
		caseTransfer.checkNegotiation(as("head1"), "NO_AGREEMENT", "双方各执己见");
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.COORDINATION);
		caseTransfer.checkCoordination(as("head1"), "TARGET_HANDLES", "区司法局协调意见：由自然资源局管辖");

		assertThat(caseTransfer.concludeDispute(as("head1"), "TARGET_HANDLES", "NO_AGREEMENT"))
			.isEqualTo("REFUSED_THEN_COORDINATED");
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.CLOSED);
		assertThat(steps()).containsExactly("REQUESTED_URGENT", "SIGNED", "HANDED_OVER", "REFUSED",
				"NEGOTIATED_NO_AGREEMENT", "COORDINATED_TARGET_HANDLES");
	}

	@Test
	void aHandoverWithinTheLimitIsOnTime() {
		CaseTransferService.Opened opened = caseTransfer.open(as("officer1"), caseRequest(null, "某区自然资源局", false, null));
		caseTransfer.recordExternalHandover(as("officer1"), "某区自然资源局", "李某", null, opened.due().at());
		assertThat(rows.get(PI).getHandedOverOnTime()).isTrue();
	}

	// --- discipline transfer (R-COORD-3); was DisciplineTransferProcessTests

	DisciplineTransferService.Request disciplineRequest(boolean official, String decisionNumber, Object closedAt) {
		return new DisciplineTransferService.Request(CASE, "LIAOKUO", "王某", official, decisionNumber, closedAt, "officer1",
				null);
	}

	/** Closed Mon 28 Sep 2026, 17:00: 29, 30 Sep, (1–7 Oct), 8, 9, 10 (adjusted Saturday), 12–16 Oct = 10 working days. */
	@Test
	void tenWorkingDaysFromTheClosingAcrossNationalDayTheHeadRemindedTwoWorkingDaysBefore() {
		DisciplineTransferService.Opened opened = discipline.open(as("officer1"),
				disciplineRequest(true, "寥街罚决〔2026〕3号", moment("2026-09-28T17:00:00+08:00")));

		assertThat(opened.due().at()).isEqualTo(moment("2026-10-16T23:59:59+08:00"));
		// the model's warning timer: ${deadlines.workdaysBefore(disciplineDueAt, 2)}
		assertThat(deadlines.workdaysBefore(opened.due().at(), 2)).isEqualTo(moment("2026-10-14T00:00:00+08:00"));
		assertThat(rows.get(PI).getStatus()).isEqualTo(Transfer.Status.AWAITING_SIGNATURE);
		assertThat(steps()).containsExactly("OPENED");
	}

	/** The start form's date field: the clock starts at that day (Fri 30 Oct: 2–6, 9–13 Nov). */
	@Test
	void aDateFromTheStartFormStartsTheClockAtThatDay() {
		clock.at("2026-11-02T09:00:00+08:00");
		DisciplineTransferService.Opened opened = discipline.open(as("officer1"),
				disciplineRequest(true, "寥街罚决〔2026〕3号", "2026-10-30"));
		assertThat(opened.due().at()).isEqualTo(moment("2026-11-13T23:59:59+08:00"));
	}

	/** Issue 16 point 21: the letter's 行政处罚决定书 cell was empty when the case was reported without its number. */
	@Test
	void aPartyWhoIsNoOfficialIsNotTransferredAndWithoutTheDecisionNumberNothingStarts() {
		assertRefused(() -> discipline.open(as("officer1"), disciplineRequest(false, "寥街罚决〔2026〕3号", null)),
				"partyIsOfficial");
		assertRefused(() -> discipline.open(as("officer1"), disciplineRequest(true, null, null)), "decisionNumber",
				"行政处罚决定书文号");
		assertThat(rows).isEmpty();
	}

	@Test
	void theHeadSignsAndSealsInTimeAndTheLetterIsSent() {
		DisciplineTransferService.Opened opened = discipline.open(as("officer1"),
				disciplineRequest(true, "寥街罚决〔2026〕3号", moment("2026-09-28T17:00:00+08:00")));
		clock.at("2026-10-09T10:00:00+08:00");
		assertRefused(() -> discipline.checkSignature(as("head1"), "麒麟区纪委监委", "当事人系某局干部，经营无证餐馆", false),
				"signedAndSealed");
		assertThat(rows.get(PI).getApprovedBy()).isNull();

		String signer = discipline.checkSignature(as("head1"), "麒麟区纪委监委", "当事人系某局干部，经营无证餐馆", true);
		discipline.record(as("head1"), opened.due().at(), "麒麟区纪委监委", "当事人系某局干部，经营无证餐馆", signer);

		Transfer transfer = rows.get(PI);
		assertThat(transfer.getOutcome()).isEqualTo("SENT");
		assertThat(transfer.getHandedOverOnTime()).isTrue();
		assertThat(transfer.getApprovedBy()).isEqualTo("head1");
		assertThat(records.steps(PI)).filteredOn(s -> s.getStep().equals("SENT")).singleElement()
			.satisfies(s -> assertThat(s.getOnTime()).isTrue());
	}

	@Test
	void aLateSignatureIsSentLateToTheOrganNamed() {
		DisciplineTransferService.Opened opened = discipline.open(as("officer1"),
				disciplineRequest(true, "寥街罚决〔2026〕3号", moment("2026-09-28T17:00:00+08:00")));
		clock.at("2026-10-17T10:00:00+08:00");
		String signer = discipline.checkSignature(as("head1"), "麒麟区纪委监委第二派驻纪检监察组", "线索", true);
		discipline.record(as("head1"), opened.due().at(), "麒麟区纪委监委第二派驻纪检监察组", "线索", signer);

		Transfer transfer = rows.get(PI);
		assertThat(transfer.getOutcome()).isEqualTo("SENT_LATE");
		assertThat(transfer.getCounterpart()).isEqualTo("麒麟区纪委监委第二派驻纪检监察组");
		assertThat(records.steps(PI)).filteredOn(s -> s.getStep().equals("SENT")).singleElement()
			.satisfies(s -> assertThat(s.getOnTime()).isFalse());
	}

	// --- the sign forms' task checks map the form's fields to the rules

	/** The sign forms' fields reach the rules; the signer is kept for the letter (the check attaches by form). */
	@Test
	void theSignFormsAreCheckedByTheirRulesAndKeepTheSigner() {
		TransferTaskChecks checks = new TransferTaskChecks(null, caseTransfer, discipline);
		discipline.open(as("officer1"), disciplineRequest(true, "寥街罚决〔2026〕3号", moment("2026-09-28T17:00:00+08:00")));
		Map<String, Object> form = new HashMap<>(Map.of("disciplineClues", "当事人系某局干部，经营无证餐馆",
				"disciplineOrgan", "麒麟区纪委监委"));
		assertRefused(() -> checks.notify(task("discipline-transfer-sign", "head1", form)), "signedAndSealed");
		form.put("signedAndSealed", true);
		checks.notify(task("discipline-transfer-sign", "head1", form));
		assertThat(form).containsEntry("signerId", "head1");

		rows.clear();
		caseTransfer.open(as("officer1"), caseRequest("QLSCJ", null, false, null));
		Map<String, Object> sign = new HashMap<>(Map.of("transferSigned", false));
		assertRefused(() -> checks.notify(task("case-transfer-sign", "head1", sign)), "transferSigned");
		sign.put("transferSigned", true);
		checks.notify(task("case-transfer-sign", "head1", sign));
		assertThat(sign).containsEntry("signerId", "head1");
	}

	/** A completed task of form {@code form} in instance {@link #PI}, submitted by {@code user} with {@code vars}. */
	static DelegateTask task(String form, String user, Map<String, Object> vars) {
		DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
		UserTask element = mock(UserTask.class);
		when(element.getCamundaFormRef()).thenReturn(form);
		when(task.getBpmnModelElementInstance()).thenReturn(element);
		when(task.getTaskDefinitionKey()).thenReturn("userTask_sign");
		when(task.getProcessInstanceId()).thenReturn(PI);
		when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
		when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
			.thenReturn(new Authentication(user, List.of("LIAOKUO-head")));
		when(task.getVariable(anyString())).thenAnswer(call -> vars.get(call.<String>getArgument(0)));
		doAnswer(call -> vars.put(call.getArgument(0), call.getArgument(1))).when(task).setVariable(anyString(), any());
		return task;
	}
}

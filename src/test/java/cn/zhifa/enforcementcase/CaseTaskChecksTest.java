package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.document.DocumentFixtures;
import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.WorkingDayCalendar;

/** The rules of {@code ${caseTaskChecks}} ({@link CaseChecks}) that depend on statutory periods, on the real calendar. */
class CaseTaskChecksTest {

	/** Mon 2 Nov 2026, 09:00 Beijing time. */
	static final Clock NOV_2 = Clock.fixed(OffsetDateTime.parse("2026-11-02T09:00:00+08:00").toInstant(),
			WorkingDayCalendar.SHANGHAI);

	final CaseChecks rules = new CaseChecks(CalendarFixtures.deadlines(), null, NOV_2, null);
	final CaseTaskChecks checks = new CaseTaskChecks(rules, EvidenceLinesTest.CONFIRMATION,
			DocumentFixtures.labels(mock(OfficerRepository.class)), mock(DecisionGate.class));

	/** 行政处罚法 arts. 64(2), 85: notified Mon 2 Nov 2026 → 7 working days → Wed 11 Nov at the earliest. */
	@Test
	void aHearingLessThanSevenWorkingDaysAfterTheNoticeIsRefusedCitingTheArticles() {
		assertThatThrownBy(() -> rules.scheduleHearing(new CaseChecks.Hearing("2026-11-09", "9:30", "第一会议室", null, null, null, null)))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("hearingDate");
				org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("第六十四条", "第八十五条", "工作日",
						"2026-11-11");
			});
		assertThatThrownBy(() -> rules.scheduleHearing(new CaseChecks.Hearing("2026-11-10", "9:30", "第一会议室", null, null, null, null)))
			.hasMessageContaining("2026-11-11");
		assertThatCode(() -> rules.scheduleHearing(new CaseChecks.Hearing("2026-11-11", "9:30", "第一会议室", "reviewer1",
				"officer1,officer2", "officer1", null))).doesNotThrowAnyException();
	}

	/** Issue 16 §10, 行政处罚法 art. 64(4): the hearing is chaired by someone who did not investigate the case. */
	@Test
	void anInvestigatorCannotChairTheHearing() {
		for (String chair : new String[] { "officer2", "officer1" }) {
			assertThatThrownBy(() -> rules.scheduleHearing(new CaseChecks.Hearing("2026-11-11", "9:30", "第一会议室", chair,
					"officer1,officer2", "officer1", null)))
				.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
					org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("hearingChair");
					org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("第六十四条");
				});
		}
	}

	/** 行政处罚法 art. 64(2)(3): the notice names the time as well as the day; a hearing not held in public says why. */
	@Test
	void aHearingIsNotifiedWithItsTimeAndAClosedOneWithItsReason() {
		for (String time : new String[] { null, "上午", "25:00", "9点30" }) {
			assertThatThrownBy(() -> rules.scheduleHearing(new CaseChecks.Hearing("2026-11-11", time, "第一会议室", "reviewer1",
					"officer1,officer2", "officer1", null)))
				.isInstanceOfSatisfying(FormFieldValidationException.class,
						e -> org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("hearingTime"));
		}
		Map<String, Object> schedule = new HashMap<>(Map.of("hearingDate", "2026-11-11", "hearingTime", "14:30",
				"hearingPlace", "第一会议室", "hearingChair", "reviewer1", "investigatingOfficers", "officer1,officer2",
				"handlerId", "officer1", "hearingPublic", "CLOSED"));
		assertThatThrownBy(() -> checks.notify(task("enforcement-case-schedule-hearing", schedule)))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("hearingClosedReason");
				org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("第六十四条第三项");
			});
		schedule.put("hearingPublic", "SECRET");
		assertThatThrownBy(() -> checks.notify(task("enforcement-case-schedule-hearing", schedule)))
			.isInstanceOfSatisfying(FormFieldValidationException.class,
					e -> org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("hearingPublic"));
		schedule.put("hearingPublic", "CLOSED");
		schedule.put("hearingClosedReason", "涉及当事人的配方等商业秘密");
		assertThatCode(() -> checks.notify(task("enforcement-case-schedule-hearing", schedule))).doesNotThrowAnyException();
	}

	/**
	 * 行政处罚法 art. 64(5)–(8): who attended, the investigators' case and the party's defence, at most two agents, the
	 * record signed or the refusal noted; an absent party waived the hearing, which then counts as not held.
	 */
	@Test
	void theHearingRecordHoldsWhatArticle64AsksAndAnAbsentPartyEndsTheHearing() {
		Map<String, Object> held = new HashMap<>(Map.of("hearingClerk", "赵敏", "hearingAttendance", "ATTENDED",
				"hearingRecord", "当事人对事实无异议，请求从轻处罚", "investigatorStatement", "调查人员出示现场笔录和照片，建议罚款十万元",
				"partyDefence", "当事人称已清运垃圾，罚款过重", "hearingAgents", "王律师、李律师、张律师", "recordSignature", "SIGNED"));
		assertThatThrownBy(() -> checks.notify(task("enforcement-case-hold-hearing", held)))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("hearingAgents");
				org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("第六十四条第五项");
			});
		held.put("hearingAgents", "王律师、李律师");
		held.put("recordSignature", "REFUSED");
		assertThatThrownBy(() -> checks.notify(task("enforcement-case-hold-hearing", held)))
			.isInstanceOfSatisfying(FormFieldValidationException.class,
					e -> org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("signatureRefusalNote"));
		held.put("signatureRefusalNote", "当事人对笔录第三页有异议，拒绝签字，主持人已在笔录中注明");
		held.remove("partyDefence");
		assertThatThrownBy(() -> checks.notify(task("enforcement-case-hold-hearing", held)))
			.isInstanceOfSatisfying(FormFieldValidationException.class,
					e -> org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("partyDefence"));
		held.put("partyDefence", "当事人称已清运垃圾，罚款过重");
		DelegateTask hearing = task("enforcement-case-hold-hearing", held);
		assertThatCode(() -> checks.notify(hearing)).doesNotThrowAnyException();
		org.mockito.Mockito.verify(hearing).setVariable("hearingHeld", true);

		Map<String, Object> absent = new HashMap<>(Map.of("hearingClerk", "赵敏", "hearingAttendance", "ABSENT",
				"hearingRecord", "当事人经通知无正当理由未到场，视为放弃听证权利，终止听证"));
		DelegateTask ended = task("enforcement-case-hold-hearing", absent);
		assertThatCode(() -> checks.notify(ended)).doesNotThrowAnyException();
		org.mockito.Mockito.verify(ended).setVariable("hearingHeld", false);
	}

	/** Issue 16 §10, 行政处罚法 art. 45: a statement or defence is re-examined before the decision. */
	@Test
	void aStatementOfThePartyIsReExaminedBeforeTheDecision() {
		assertThatThrownBy(() -> rules.decide(new CaseChecks.Decision("PENALTY", "罚款过重", null, "罚款伍佰元",
				"《城市道路管理条例》第四十二条", null, 500)))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("statementReview");
				org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("第四十五条");
			});
		assertThatCode(() -> rules.decide(new CaseChecks.Decision("PENALTY", "罚款过重", "经复核，当事人所述家庭困难属实，维持拟作出的处罚",
				"罚款伍佰元", "《城市道路管理条例》第四十二条", null, 500))).doesNotThrowAnyException();
	}

	/** The task check maps the decision form's fields to the rule (the check attaches by form, not by the task's id). */
	@Test
	void theDecisionFormIsCheckedByItsRules() {
		Map<String, Object> decision = new HashMap<>(Map.of("decisionKind", "PENALTY", "decisionContent", "罚款伍佰元",
				"legalBasis", "《城市道路管理条例》第四十二条", "fineAmount", 500, "partyStatement", "罚款过重"));
		assertThatThrownBy(() -> checks.notify(task("enforcement-case-decide", decision)))
			.isInstanceOfSatisfying(FormFieldValidationException.class,
					e -> org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("statementReview"));
		decision.put("statementReview", "经复核，当事人所述家庭困难属实，维持拟作出的处罚");
		assertThatCode(() -> checks.notify(task("enforcement-case-decide", decision))).doesNotThrowAnyException();
	}

	/** Issue 16 §15, 行政处罚法 art. 61(2): electronic service only with the party's signed consent, served on arrival. */
	@Test
	void electronicServiceNeedsTheConsentTheAddressAndForTheDecisionTheArrival() {
		assertThatThrownBy(() -> rules.priorNoticeServed("ELECTRONIC", new CaseChecks.ElectronicService(null, null, null)))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("electronicConsent");
				org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("第六十一条第二款");
			});
		assertThatThrownBy(() -> rules.priorNoticeServed("ELECTRONIC", new CaseChecks.ElectronicService(true, null, null)))
			.hasMessageContaining("电子送达地址");
		assertThatCode(() -> rules.priorNoticeServed("ELECTRONIC",
				new CaseChecks.ElectronicService(true, "zhang@example.cn", null))).doesNotThrowAnyException();
		assertThatThrownBy(() -> rules.decisionServed("ELECTRONIC",
				new CaseChecks.ElectronicService(true, "zhang@example.cn", null), "2026-11-20"))
			.isInstanceOfSatisfying(FormFieldValidationException.class,
					e -> org.assertj.core.api.Assertions.assertThat((Object) e.getDetail()).isEqualTo("electronicReceiptConfirmed"));
		assertThatCode(() -> rules.decisionServed("ELECTRONIC",
				new CaseChecks.ElectronicService(true, "zhang@example.cn", true), "2026-11-20")).doesNotThrowAnyException();
		assertThatCode(() -> rules.decisionServed("DIRECT", new CaseChecks.ElectronicService(null, null, null), "2026-11-20"))
			.doesNotThrowAnyException();
	}

	/**
	 * 行政处罚法 art. 61, 民事诉讼法 art. 95: the prior notice served by public notice counts as served 30 days after it
	 * is posted (posted Tue 15 Sep 2026 → the end of Thu 15 Oct); served directly, it is served now.
	 */
	@Test
	void aPriorNoticeServedByPublicNoticeCountsAsServedThirtyDaysAfterItIsPosted() {
		java.util.Date posted = java.util.Date.from(OffsetDateTime.parse("2026-09-15T09:00:00+08:00").toInstant());
		CaseChecks sep15 = new CaseChecks(CalendarFixtures.deadlines(), null, Clock.fixed(posted.toInstant(),
				WorkingDayCalendar.SHANGHAI), null);
		CaseChecks.ElectronicService none = new CaseChecks.ElectronicService(null, null, null);
		org.assertj.core.api.Assertions.assertThat(sep15.priorNoticeServed("PUBLIC_NOTICE", none))
			.containsEntry("priorNoticePostedAt", posted).containsEntry("priorNoticeServedAt",
					java.util.Date.from(OffsetDateTime.parse("2026-10-15T23:59:59+08:00").toInstant()));
		org.assertj.core.api.Assertions.assertThat(sep15.priorNoticeServed("DIRECT", none))
			.containsEntry("priorNoticeServedAt", posted).doesNotContainKey("priorNoticePostedAt");
	}

	/** A task showing form {@code form} (checks attach by form, not by the task's id). */
	static DelegateTask task(String form, Map<String, Object> variables) {
		Map<String, Object> vars = new HashMap<>(variables);
		DelegateTask task = mock(DelegateTask.class);
		org.camunda.bpm.model.bpmn.instance.UserTask element = mock(org.camunda.bpm.model.bpmn.instance.UserTask.class);
		when(element.getCamundaFormRef()).thenReturn(form);
		when(task.getBpmnModelElementInstance()).thenReturn(element);
		when(task.getTaskDefinitionKey()).thenReturn("userTask_renamedByTheLegalOffice");
		when(task.getEventName()).thenReturn(org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_COMPLETE);
		when(task.getVariable(anyString())).thenAnswer(call -> vars.get(call.<String>getArgument(0)));
		org.mockito.Mockito.doAnswer(call -> vars.put(call.getArgument(0), call.getArgument(1))).when(task)
			.setVariable(anyString(), org.mockito.ArgumentMatchers.any());
		return task;
	}
}

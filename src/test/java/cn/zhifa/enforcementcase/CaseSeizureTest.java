package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.junit.jupiter.api.Test;

import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.document.DocumentFixtures;
import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.Step;

/**
 * Issue 16 §11, seizure under 行政强制法, without the engine: what the officer's request and the head's approval
 * must state, the 30 days and the goods set when it is carried out (arts. 24, 25), lifting at once (art. 19), one
 * extension with its written notice from the due date as the testing moved it (art. 25(1)–(3)), and the decision on
 * the goods (arts. 27, 28) — the services behind {@code startSeizure}, {@code liftSeizure}, {@code extendSeizure} and the
 * task checks of the seizure's forms, on the real calendar. The model's paths are in {@link EnforcementCasePathsTest},
 * the testing not counted in the 30 days in {@link PeriodSuspensionPathsTest}.
 */
class CaseSeizureTest {

	static final String ITEMS = "电焊机，2台，ZX7-250，八成新\n切割机，1台，J3G-400";

	final Deadlines deadlines = CalendarFixtures.deadlines();
	final ManagementService management = mock(ManagementService.class);

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	static Clock at(String iso) {
		return Clock.fixed(OffsetDateTime.parse(iso).toInstant(), WorkingDayCalendar.SHANGHAI);
	}

	EnforcementCaseService service(Clock clock) {
		return new EnforcementCaseService(null, null, null, null, null, null, null, management, deadlines, "罚", null, null,
				null, null, null, clock);
	}

	CaseTaskChecks checks(Clock clock) {
		return new CaseTaskChecks(new CaseChecks(deadlines, null, clock, null), EvidenceLinesTest.CONFIRMATION,
				DocumentFixtures.labels(mock(OfficerRepository.class)), mock(DecisionGate.class));
	}

	static Map<String, Object> request(String items) {
		return Map.of("seizureUrgent", false, "seizureMeasure", "DETAIN", "seizureValue", 3200, "seizureReason", "在北关路违法搭建，为制止违法行为",
				"seizureBasis", "《中华人民共和国城乡规划法》第六十八条，《中华人民共和国行政强制法》第二十二条", "seizedItemsText", items,
				"seizurePlace", "曲靖市麒麟区寥廓街道北关路58号院内", "seizureStoragePlace", "寥廓街道综合行政执法队暂扣物品仓库");
	}

	/** Art. 24: the goods one per line as "名称，数量，规格型号"; a line that is not is refused, naming it. */
	@Test
	void theGoodsAreListedOnePerLineAndABadLineIsRefusedByItsNumber() {
		CaseTaskChecks checks = checks(at("2026-11-02T09:00:00+08:00"));
		assertThatThrownBy(() -> checks.notify(CaseTaskChecksTest.task("enforcement-case-request-seizure", request("电焊机两台"))))
			.hasMessageContaining("seizedItemsText").hasMessageContaining("第1行");
		assertThatCode(() -> checks.notify(CaseTaskChecksTest.task("enforcement-case-request-seizure", request(ITEMS))))
			.doesNotThrowAnyException();
	}

	/** Arts. 18(1), 19: the head's approval or refusal states the opinion; who approved is kept. */
	@Test
	void theHeadsApprovalStatesTheOpinionAndIsKeptWithTheApprover() {
		CaseTaskChecks checks = checks(at("2026-11-02T10:00:00+08:00"));
		assertThatThrownBy(() -> checks.notify(CaseTaskChecksTest.task("enforcement-case-approve-seizure",
				Map.of("seizureApproved", true)))).hasMessageContaining("seizureApprovalOpinion");
		DelegateTask approval = CaseTaskChecksTest.task("enforcement-case-approve-seizure",
				Map.of("seizureApproved", true, "seizureApprovalOpinion", "同意扣押"));
		when(approval.getAssignee()).thenReturn("head1");
		checks.notify(approval);
		verify(approval).setVariable("seizureApprovedBy", "head1");
	}

	/** Art. 24, 25(1): carried out now (Mon 2 Nov, 10:00), for 30 days (自然日, the first day not counted): Wed 2 Dec. */
	@Test
	void carriedOutTheSeizureRunsThirtyDaysAndListsTheGoods() {
		Map<String, Object> vars = service(at("2026-11-02T10:00:00+08:00")).startSeizure(ITEMS);
		assertThat(vars).containsEntry("seizedAt", moment("2026-11-02T10:00:00+08:00"))
			.containsEntry("seizureDueAt", moment("2026-12-02T23:59:59+08:00")).containsEntry("seizureExtended", false)
			.containsEntry("seizureExtensions", 0).containsEntry("seizedItemsSummary", "电焊机2台、切割机1台");
		assertThat(((org.camunda.spin.plugin.variable.value.JsonValue) vars.get("seizedItems")).getValueSerialized()).contains("电焊机", "ZX7-250", "八成新", "切割机", "J3G-400");
	}

	/** Art. 19: seized on the spot, the head's approval is due 24 hours after the seizure (and its breach then). */
	@Test
	void aSeizureOnTheSpotIsApprovedWithin24Hours() {
		assertThat(deadlines.limit("COERCION_URGENT_APPROVAL", moment("2026-11-06T15:30:00+08:00")))
			.isEqualTo(moment("2026-11-07T15:30:00+08:00"));
	}

	/** Art. 19: not approved afterwards, it is lifted at once: the goods released, the head's opinion the basis. */
	@Test
	void aSeizureTheHeadDoesNotApproveAfterwardsIsLiftedAtOnce() {
		Map<String, Object> vars = service(at("2026-11-07T09:00:00+08:00")).liftSeizure("违法事实已固定，不需要扣押");
		assertThat(vars).containsEntry("seizureLiftedAt", moment("2026-11-07T09:00:00+08:00"))
			.containsEntry("seizureOutcome", "RELEASED");
		assertThat((String) vars.get("seizureOutcomeBasis")).contains("第十九条", "违法事实已固定");
	}

	/**
	 * Art. 25(1), (2): one extension of 30 days from the due date as the testing moved it (2 Dec + 7 days not counted =
	 * Wed 9 Dec → Fri 8 Jan 2027), the written notice stating the reason and the new end, the breach timer re-dated.
	 */
	@Test
	void anExtensionAddsThirtyDaysToTheMovedDueDateWithItsWrittenNotice() {
		Date seizedAt = moment("2026-11-02T10:00:00+08:00");
		// as the period-suspension plugin leaves it after 7 days of testing (PeriodSuspensionPathsTest)
		Deadlines.Due moved = deadlines.limitNotCountingDue("seizureDueAt", "SEIZURE", seizedAt, 7);
		assertThat(moved.at()).isEqualTo(moment("2026-12-09T23:59:59+08:00"));
		JobQuery timers = mock(JobQuery.class, RETURNS_SELF);
		Job breach = mock(Job.class);
		when(breach.getId()).thenReturn("job-breach");
		when(timers.list()).thenReturn(List.of(breach));
		when(management.createJobQuery()).thenReturn(timers);
		Map<String, Object> kept = new LinkedHashMap<>();

		service(at("2026-12-04T10:00:00+08:00")).extendSeizure(
				new Step("pi-1", "寥街罚〔2026〕3号", "LIAOKUO", "serviceTask_extendSeizure", null, null, "head1", null, null),
				new EnforcementCaseService.SeizureFacts(moved.at(), moved.basis(), 0, seizedAt, "DETAIN", "曲靖市麒麟区某某建材经营部",
						"寥街强制〔2026〕3号", "电焊机2台、切割机1台", "涉案财物需进一步鉴定，情况复杂"),
				kept::putAll);

		Date extended = moment("2027-01-08T23:59:59+08:00");
		assertThat(kept).containsEntry("seizureDueAt", extended).containsEntry("seizureExtended", true)
			.containsEntry("seizureExtensions", 1);
		assertThat((String) kept.get("seizureExtensionNotice")).contains("延长扣押期限通知书", "曲靖市麒麟区某某建材经营部",
				"寥街强制〔2026〕3号", "涉案财物需进一步鉴定，情况复杂", "延长至2027年1月8日", "第二十五条");
		verify(timers).activityId("timerEvent_seizureBreach");
		verify(management).recalculateJobDuedate("job-breach", false);
	}

	/** Arts. 27, 28: the decision on the goods states its basis; goods released are returned at once; closed now. */
	@Test
	void theDecisionOnTheGoodsStatesItsBasisAndAReleaseReturnsThem() {
		CaseTaskChecks checks = checks(at("2026-12-20T10:00:00+08:00"));
		Map<String, Object> released = new HashMap<>(Map.of("seizureOutcome", "RELEASED", "seizureOutcomeBasis",
				"经鉴定与违法行为无关（行政强制法第二十八条第一款第二项）"));
		assertThatThrownBy(() -> checks.notify(CaseTaskChecksTest.task("enforcement-case-handle-seizure", released)))
			.hasMessageContaining("seizedGoodsReturned");
		assertThatThrownBy(() -> checks.notify(CaseTaskChecksTest.task("enforcement-case-handle-seizure",
				Map.of("seizureOutcome", "DESTROYED")))).hasMessageContaining("seizureOutcomeBasis");
		released.put("seizedGoodsReturned", true);
		DelegateTask handled = CaseTaskChecksTest.task("enforcement-case-handle-seizure", released);
		checks.notify(handled);
		verify(handled).setVariable("seizureClosedAt", moment("2026-12-20T10:00:00+08:00"));
	}
}

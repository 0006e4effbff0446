package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.document.DocumentService;
import cn.zhifa.document.StoredDocument;
import cn.zhifa.suspension.PeriodSuspensions;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 16 §11, seizure under 行政强制法: approval by the head before (art. 18(1)) or, carried out on the
 * spot, within 24 hours after (art. 19) — a refusal lifts it at once; the decision and the inventory with
 * their number (art. 24); one extension with its written notice (art. 25(1), (2)); appraisal time not counted
 * in the 30 days (art. 25(3)); the decision on the goods (arts. 27, 28).
 */
@ZhifaIntegrationTest
class SeizureProcessTests extends CaseProcessSupport {

	static final String EVIDENCE = "现场笔录：11月2日现场检查笔录1份\n视听资料：现场照片6张";
	static final String ITEMS = "电焊机，2台，ZX7-250，八成新\n切割机，1台，J3G-400";

	@Autowired
	EnforcementCaseService cases;
	@Autowired
	DocumentService documents;
	@Autowired
	Deadlines deadlines;
	@Autowired
	PeriodSuspensions suspensions;

	@Test
	void approvedBeforeCarriedOutWithDocumentsAppraisalNotCountedExtensionNoticeAndDecisionOnTheGoods() {
		// Mon 2 Nov 2026
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = toSeizureRequest();

		// the goods, one per line: a line that is not "名称，数量，规格型号" is refused, naming the line
		assertThatThrownBy(() -> complete(pi, "userTask_requestSeizure", request(false, "电焊机两台")))
			.hasMessageContaining("seizedItemsText").hasMessageContaining("第1行");
		complete(pi, "userTask_requestSeizure", request(false, ITEMS));
		// nothing is seized before the head approves (art. 18(1))
		assertThat(pi).isWaitingAt("userTask_approveSeizure");
		assertThat(var(pi, "seizedAt")).isNull();
		assertThat(var(pi, "seizureDecisionDocId")).isNull();

		clockAt(moment("2026-11-02T10:00:00+08:00"));
		as("head1");
		assertThatThrownBy(() -> complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", true)))
			.hasMessageContaining("seizureApprovalOpinion");
		complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", true, "seizureApprovalOpinion", "同意扣押"));
		assertThat(pi).isWaitingAt("userTask_handleSeizure");
		assertThat(var(pi, "seizureApprovedBy")).isEqualTo("head1");
		assertThat(var(pi, "seizedAt")).isEqualTo(moment("2026-11-02T10:00:00+08:00"));
		// 30 days (自然日, art. 69), the first day not counted: Wed 2 Dec
		assertThat(var(pi, "seizureDueAt")).isEqualTo(moment("2026-12-02T23:59:59+08:00"));

		// art. 24: the decision and the inventory, numbered, listing the goods, the place, the period and the remedies
		String number = (String) var(pi, "seizureDecisionNumber");
		assertThat(number).matches("寥街强制〔2026〕\\d+号");
		StoredDocument decision = documents.find((String) var(pi, "seizureDecisionDocId")).orElseThrow();
		assertThat(decision.kind()).isEqualTo("SEIZURE_DECISION");
		assertThat(decision.number()).isEqualTo(number);
		assertThat(text(decision)).contains(number, "扣押", "在北关路违法搭建，为制止违法行为", "《中华人民共和国行政强制法》第二十二条",
				"自2026年11月2日起至2026年12月2日止", "电焊机2台、切割机1台", "执法队暂扣物品仓库", "六十日内", "六个月内",
				"检测、检验、检疫或者技术鉴定的期间不计入");
		StoredDocument inventory = documents.find((String) var(pi, "seizureInventoryDocId")).orElseThrow();
		assertThat(inventory.kind()).isEqualTo("SEIZURE_INVENTORY");
		assertThat(text(inventory)).contains(number, "电焊机", "ZX7-250", "八成新", "切割机", "J3G-400", "北关路58号院内",
				"2026年11月2日10时00分").doesNotContain("${");
		Task handle = task(pi, "userTask_handleSeizure");
		assertThat(handle.getDueDate()).isEqualTo(moment("2026-12-02T23:59:59+08:00"));

		// art. 25(3): the goods are sent for testing Thu 5 Nov, the result arrives Thu 12 Nov: 7 days not counted
		clockAt(moment("2026-11-05T10:00:00+08:00"));
		engine.getIdentityService().clearAuthentication();
		// the period is stated: until Fri 20 Nov (行政强制法 art. 25(3))
		cases.requestAppraisal(pi.getBusinessKey(), "TESTING", "扣押的电焊机", "曲靖市质量技术监督综合检测中心",
				java.time.LocalDate.of(2026, 11, 20), "officer1", "LIAOKUO");
		assertThat(timer(pi, "timerEvent_seizureBreach").isSuspended()).isTrue();
		assertThat(timer(pi, "timerEvent_seizureWarning").isSuspended()).isTrue();
		// art. 25(3): the period of the testing is told to the party in writing
		StoredDocument appraisalNotice = documents.find((String) var(pi, "appraisalNoticeDocId")).orElseThrow();
		assertThat(appraisalNotice.kind()).isEqualTo("APPRAISAL_PERIOD_NOTICE");
		assertThat(appraisalNotice.number()).matches("寥街检告〔2026〕\\d+号");
		assertThat(text(appraisalNotice)).contains("曲靖市麒麟区某某建材经营部", "扣押的电焊机", "曲靖市质量技术监督综合检测中心",
				"自2026年11月5日起至2026年11月20日止，共15日", "第二十五条第三款").doesNotContain("${");
		assertThat(suspensions.of(pi.getBusinessKey())).extracting(PeriodSuspensions.Suspension::periodKey)
			.containsExactlyInAnyOrder("PENALTY_DECISION", "SEIZURE");
		clockAt(moment("2026-11-12T16:00:00+08:00"));
		as("officer1");
		complete(pi, "userTask_recordAppraisal", Map.of("appraisalReportNo", "检字（2026）第031号", "appraisalResult",
				"电焊机为涉案施工工具"));
		assertThat(var(pi, "seizureSuspendedDays")).isEqualTo(7);
		Date moved = moment("2026-12-09T23:59:59+08:00");
		assertThat(var(pi, "seizureDueAt")).isEqualTo(moved);
		Job breach = timer(pi, "timerEvent_seizureBreach");
		assertThat(breach.isSuspended()).isFalse();
		assertThat(breach.getDuedate()).isEqualTo(moved);
		assertThat(breach.getDuedate().getTime() - moment("2026-12-02T23:59:59+08:00").getTime()).isEqualTo(7L * 24 * 3600 * 1000);
		assertThat(timer(pi, "timerEvent_seizureWarning").getDuedate()).isEqualTo(deadlines.workdaysBefore(moved, 3));
		assertThat(suspensions.of(pi.getBusinessKey())).filteredOn(s -> s.periodKey().equals("SEIZURE")).singleElement()
			.satisfies(s -> {
				assertThat(s.suspendedDays()).isEqualTo(7);
				assertThat(s.reason()).contains("第二十五条第三款");
			});

		// the old due date passes without a warning or breach of the seizure
		clockAt(moment("2026-11-28T10:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).hasNotPassed("timerEvent_seizureWarning");
		// 3 working days before the new due date: the head decides on an extension (art. 25(1))
		clockAt(Date.from(deadlines.workdaysBefore(moved, 3).toInstant().plusSeconds(1)));
		executeDueJobs(pi.getId());
		as("head1");
		complete(pi, "userTask_decideSeizureExtension", Map.of("seizureExtensionApproved", true, "seizureExtensionReason",
				"涉案财物需进一步鉴定，情况复杂"));
		// 30 more days from Wed 9 Dec: Fri 8 Jan 2027; the written notice to the party (art. 25(2))
		Date extended = moment("2027-01-08T23:59:59+08:00");
		assertThat(var(pi, "seizureDueAt")).isEqualTo(extended);
		assertThat(timer(pi, "timerEvent_seizureBreach").getDuedate()).isEqualTo(extended);
		assertThat((String) var(pi, "seizureExtensionNotice")).contains("延长扣押期限通知书", "曲靖市麒麟区某某建材经营部", number,
				"涉案财物需进一步鉴定，情况复杂", "延长至2027年1月8日", "第二十五条");
		// the notice as a document to serve (art. 25(2)), numbered
		StoredDocument extensionNotice = documents.find((String) var(pi, "seizureExtensionNoticeDocId")).orElseThrow();
		assertThat(extensionNotice.kind()).isEqualTo("SEIZURE_EXTENSION_NOTICE");
		assertThat(extensionNotice.number()).matches("寥街强制延〔2026〕\\d+号").isEqualTo(var(pi, "seizureExtensionNoticeNumber"));
		assertThat(text(extensionNotice)).contains("延长查封（扣押）期限通知书", "曲靖市麒麟区某某建材经营部", number,
				"涉案财物需进一步鉴定，情况复杂", "至2027年1月8日止", "第二十五条", "六十日内", "六个月内").doesNotContain("${");
		assertThat(pi).hasPassed("serviceTask_generateSeizureExtensionNotice");

		// art. 27/28: the decision on the goods with its basis; a release returns them
		as("officer1");
		Map<String, Object> released = new HashMap<>(Map.of("seizureOutcome", "RELEASED", "seizureOutcomeBasis",
				"经鉴定与违法行为无关（行政强制法第二十八条第一款第二项）", "avMissingExplanation", "执法记录仪故障，已书面记录"));
		assertThatThrownBy(() -> complete(pi, "userTask_handleSeizure", released)).hasMessageContaining("seizedGoodsReturned");
		Map<String, Object> destroyed = new HashMap<>(Map.of("seizureOutcome", "DESTROYED", "avMissingExplanation",
				"执法记录仪故障，已书面记录"));
		assertThatThrownBy(() -> complete(pi, "userTask_handleSeizure", destroyed)).hasMessageContaining("seizureOutcomeBasis");
		released.put("seizedGoodsReturned", true);
		clockAt(moment("2026-12-20T10:00:00+08:00"));
		complete(pi, "userTask_handleSeizure", released);
		assertThat(pi).isWaitingAt("userTask_concludeInvestigation");
		assertThat(var(pi, "seizureOutcome")).isEqualTo("RELEASED");
		assertThat(var(pi, "seizureClosedAt")).isEqualTo(moment("2026-12-20T10:00:00+08:00"));
	}

	/** 行政强制法 art. 19: carried out on the spot, reported, approved by the head within 24 hours. */
	@Test
	void carriedOutOnTheSpotIsApprovedByTheHeadWithin24Hours() {
		clockAt(moment("2026-11-06T15:30:00+08:00"));
		ProcessInstance pi = toSeizureRequest();
		complete(pi, "userTask_requestSeizure", request(true, ITEMS));
		// seized and documented at once; the head's task is due 24 hours after the seizure
		assertThat(var(pi, "seizedAt")).isEqualTo(moment("2026-11-06T15:30:00+08:00"));
		assertThat((String) var(pi, "seizureDecisionNumber")).matches("寥街强制〔2026〕\\d+号");
		assertThat(var(pi, "seizureInventoryDocId")).isNotNull();
		Task approve = task(pi, "userTask_approveUrgentSeizure");
		assertThat(approve.getDueDate()).isEqualTo(moment("2026-11-07T15:30:00+08:00"));
		engine.getIdentityService().clearAuthentication();
		assertThat(engine.getTaskService().getIdentityLinksForTask(approve.getId())).anySatisfy(
				l -> assertThat(l.getGroupId()).isEqualTo("LIAOKUO-head"));
		as("head1");
		complete(pi, "userTask_approveUrgentSeizure", Map.of("seizureApproved", true, "seizureApprovalOpinion", "情况紧急，同意"));
		assertThat(pi).isWaitingAt("userTask_handleSeizure");
		assertThat(var(pi, "seizureLiftedAt")).isNull();
	}

	/** 行政强制法 art. 19: the head does not approve what was seized on the spot: lifted at once, goods returned. */
	@Test
	void aSeizureOnTheSpotTheHeadDoesNotApproveIsLiftedAtOnce() {
		clockAt(moment("2026-11-06T15:30:00+08:00"));
		ProcessInstance pi = toSeizureRequest();
		complete(pi, "userTask_requestSeizure", request(true, ITEMS));
		clockAt(moment("2026-11-07T09:00:00+08:00"));
		as("head1");
		complete(pi, "userTask_approveUrgentSeizure", Map.of("seizureApproved", false, "seizureApprovalOpinion",
				"违法事实已固定，不需要扣押"));
		assertThat(pi).hasPassed("serviceTask_liftSeizure").hasNotPassed("userTask_handleSeizure")
			.isWaitingAt("userTask_concludeInvestigation");
		assertThat(var(pi, "seizureLiftedAt")).isEqualTo(moment("2026-11-07T09:00:00+08:00"));
		assertThat(var(pi, "seizureOutcome")).isEqualTo("RELEASED");
		assertThat((String) var(pi, "seizureOutcomeBasis")).contains("第十九条", "违法事实已固定");
		// the seizure is over: a later appraisal does not suspend it
		engine.getIdentityService().clearAuthentication();
		cases.requestAppraisal(pi.getBusinessKey(), "TESTING", "样品", "某检测所", java.time.LocalDate.of(2026, 11, 30), "officer1",
				"LIAOKUO");
		assertThat(suspensions.of(pi.getBusinessKey())).extracting(PeriodSuspensions.Suspension::periodKey)
			.containsExactly("PENALTY_DECISION");
	}

	/**
	 * 行政强制法 art. 19: seized on the spot, the head's approval does not arrive within 24 hours — the breach is
	 * escalated to the head and the supervisor (the task's priority raised); the head then refuses: lifted at once.
	 */
	@Test
	void anUrgentSeizureNotApprovedWithin24HoursIsEscalatedAndLiftedWhenRefused() {
		clockAt(moment("2026-11-06T15:30:00+08:00"));
		ProcessInstance pi = toSeizureRequest();
		complete(pi, "userTask_requestSeizure", request(true, ITEMS));
		assertThat(timer(pi, "timerEvent_urgentSeizureApprovalBreach").getDuedate())
			.isEqualTo(moment("2026-11-07T15:30:00+08:00"));
		clockAt(moment("2026-11-07T15:00:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).hasNotPassed("serviceTask_urgentSeizureApprovalBreach");
		clockAt(moment("2026-11-07T15:31:00+08:00"));
		executeDueJobs(pi.getId());
		assertThat(pi).hasPassed("serviceTask_urgentSeizureApprovalBreach").isWaitingAt("userTask_approveUrgentSeizure");
		engine.getIdentityService().clearAuthentication();
		assertThat(task(pi, "userTask_approveUrgentSeizure").getPriority()).isEqualTo(100);

		as("head1");
		complete(pi, "userTask_approveUrgentSeizure", Map.of("seizureApproved", false, "seizureApprovalOpinion",
				"不符合情况紧急的条件，应当立即解除"));
		assertThat(pi).hasPassed("serviceTask_liftSeizure").isWaitingAt("userTask_concludeInvestigation");
		assertThat(var(pi, "seizureLiftedAt")).isEqualTo(moment("2026-11-07T15:31:00+08:00"));
		assertThat(var(pi, "seizureOutcome")).isEqualTo("RELEASED");
	}

	/** Not approved beforehand: nothing is seized, no documents; the investigation goes on. */
	@Test
	void aSeizureTheHeadDoesNotApproveIsNotCarriedOut() {
		clockAt(moment("2026-11-02T09:00:00+08:00"));
		ProcessInstance pi = toSeizureRequest();
		complete(pi, "userTask_requestSeizure", request(false, ITEMS));
		as("head1");
		complete(pi, "userTask_approveSeizure", Map.of("seizureApproved", false, "seizureApprovalOpinion", "证据已足，不必扣押"));
		assertThat(pi).isWaitingAt("userTask_concludeInvestigation").hasNotPassed("serviceTask_startSeizure");
		assertThat(var(pi, "seizedAt")).isNull();
		assertThat(var(pi, "seizureDecisionDocId")).isNull();
	}

	// --- steps ---

	private ProcessInstance toSeizureRequest() {
		String caseNo = cases.register(new NewCase("LIAOKUO", "PATROL", false, "ORG", "曲靖市麒麟区某某建材经营部",
				"91350100M000100Y43", "0874-1234567", false, "CM-ILLEGAL-BUILD", "在北关路违法搭建彩钢瓦房",
				LocalDate.of(2026, 11, 1), null, null, null, LocalDate.of(2026, 11, 1), false, "曲靖市麒麟区北关路12号"), "officer1");
		ProcessInstance pi = instance(caseNo);
		fileAndInvestigate(pi, EVIDENCE, true);
		assertThat(pi).isWaitingAt("userTask_requestSeizure");
		return pi;
	}

	private static Map<String, Object> request(boolean urgent, String items) {
		return Map.of("seizureUrgent", urgent, "seizureMeasure", "DETAIN", "seizureReason", "在北关路违法搭建，为制止违法行为",
				"seizureBasis", "《中华人民共和国城乡规划法》第六十八条，《中华人民共和国行政强制法》第二十二条", "seizedItemsText", items,
				"seizurePlace", "曲靖市麒麟区寥廓街道北关路58号院内", "seizureStoragePlace", "寥廓街道综合行政执法队暂扣物品仓库");
	}


}

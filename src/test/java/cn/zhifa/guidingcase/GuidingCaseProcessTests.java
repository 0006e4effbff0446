package cn.zhifa.guidingcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.record.RecordEntry;
import cn.zhifa.support.ProcessScenarioSupport;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code guiding-case} (行政执法指导案例, seed 002 (十一)), every path: an agency proposes a closed case of its own,
 * its personal data redacted, the justice bureau publishes it (then it counts for the year); returned for revision,
 * revised and rejected; only closed cases of the agency's own, only supervisors review (and they do not propose); bad
 * input refused naming the field; the three-a-year count with its warning and deadline from the data.
 */
@ZhifaIntegrationTest
class GuidingCaseProcessTests extends ProcessScenarioSupport {

	static final String PARTY = "李建华";
	static final String ID = "530302198805061234";
	static final String PHONE = "13987654321";
	static final String ADDRESS = "曲靖市麒麟区建宁东路88号";

	@Autowired
	GuidingCaseRepository rows;
	@Autowired
	GuidingCaseService service;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void proposedRedactedReviewedAndPublished() {
		clockAt(moment(MONDAY));
		String caseNo = closedCase("LIAOKUO", Instant.parse("2026-10-20T02:00:00Z"));
		int publishedBefore = service.summary(2026, List.of(), true).published();
		ProcessInstance pi = startProcessAs("head1", "guiding-case", proposal(caseNo));
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		String no = pi.getBusinessKey();
		assertThat(no).matches("区执法案例〔2026〕\\d+号");
		assertThat(pi).isWaitingAt("userTask_review").hasPassed("serviceTask_propose");
		Task review = openTask(pi, "userTask_review");
		// 20 working days from Mon 2 Nov: 3–6, 9–13, 16–20, 23–27, 30 Nov
		assertThat(review.getDueDate()).isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).taskCandidateGroup("supervisor").count())
			.isEqualTo(1);

		// the texts the bureau reviews — and the portal will publish — have the party's personal data removed
		GuidingCase g = rows.findById(no).orElseThrow();
		String all = g.getTitle() + g.getSummary() + g.getKeyPoints() + g.getLegalBasis();
		assertThat(all).doesNotContain(PARTY, ID, PHONE, ADDRESS).contains("李*");
		assertThat(g.getSummary()).contains("[住址已隐去]");
		assertThat(variableOf(pi, "guidingSummary")).isEqualTo(g.getSummary());
		assertThat(g.getRedactionSummary()).contains("自然人姓名");
		assertThat(g.getStatus()).isEqualTo(GuidingCase.PROPOSED);
		assertThat(g.getProposalYear()).isEqualTo(2026);
		assertThat(g.getCaseNo()).isEqualTo(caseNo);

		// another agency sees nothing of it
		as("head2");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		engine.getIdentityService().clearAuthentication();

		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_review", Map.of("guidingReviewOutcome", "MAYBE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("guidingReviewOutcome");
		clockAt(moment("2026-11-10T10:00:00+08:00"));
		completeTaskAs("supervisor1", pi, "userTask_review", Map.of("guidingReviewOutcome", "PUBLISH"));
		assertThat(pi).isEnded().hasPassedInOrder("userTask_review", "gateway_outcome", "serviceTask_conclude", "endEvent_concluded")
			.hasNotPassed("serviceTask_return");
		g = rows.findById(no).orElseThrow();
		assertThat(g.getStatus()).isEqualTo(GuidingCase.PUBLISHED);
		assertThat(g.getReviewedBy()).isEqualTo("supervisor1");
		assertThat(g.getPublishedYear()).isEqualTo(2026);
		assertThat(service.publishedOne(no)).isPresent();
		assertThat(service.summary(2026, List.of(), true).published()).isEqualTo(publishedBefore + 1);
		// every step is in the full-process record under the guiding case's number, with who did it
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.containsExactly("supervisor1");
		assertThat(record.list(no)).extracting(RecordEntry::actor).contains("head1");
	}

	@Test
	void returnedRevisedAndRejected() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = startProcessAs("officer1", "guiding-case", proposal(closedCase("LIAOKUO", Instant.parse("2026-09-01T02:00:00Z"))));
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_review", Map.of("guidingReviewOutcome", "REVISE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("guidingReviewOpinion");
		completeTaskAs("supervisor1", pi, "userTask_review",
				Map.of("guidingReviewOutcome", "REVISE", "guidingReviewOpinion", "案例要点未说明裁量基准的适用，请补充。"));
		assertThat(pi).isWaitingAt("userTask_revise").hasPassed("serviceTask_return");
		Task revise = openTask(pi, "userTask_revise");
		// 10 working days from Mon 2 Nov: 3–6, 9–13, 16 Nov
		assertThat(revise.getDueDate()).isEqualTo(moment("2026-11-16T23:59:59+08:00"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(revise.getId()).taskCandidateGroup("LIAOKUO-head").count())
			.isEqualTo(1);
		GuidingCase g = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(g.getStatus()).isEqualTo(GuidingCase.RETURNED);
		// the bureau cannot revise the agency's case
		Map<String, Object> revised = proposal(null);
		revised.remove("caseId");
		revised.put("guidingKeyPoints", "补充：当事人" + PARTY + "首次违法且及时改正，依裁量基准从轻处罚。");
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_revise", revised)).isInstanceOf(AuthorizationException.class);
		completeTaskAs("head1", pi, "userTask_revise", revised);
		assertThat(pi).isWaitingAt("userTask_review").hasPassed("serviceTask_resubmit");
		g = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(g.getRounds()).isEqualTo(2);
		assertThat(g.getStatus()).isEqualTo(GuidingCase.PROPOSED);
		assertThat(g.getKeyPoints()).contains("李*").doesNotContain(PARTY);
		completeTaskAs("supervisor1", pi, "userTask_review",
				Map.of("guidingReviewOutcome", "REJECT", "guidingReviewOpinion", "同类案例本年度已发布，不予采用。"));
		assertThat(pi).isEnded().hasPassed("serviceTask_conclude");
		g = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(g.getStatus()).isEqualTo(GuidingCase.REJECTED);
		assertThat(g.getPublishedAt()).isNull();
		assertThat(service.publishedOne(g.getGuidingNo())).isEmpty();
	}

	@Test
	void onlyTheAgencysOwnClosedCasesAndOnlyTheBureauReviews() {
		clockAt(moment(MONDAY));
		// a case still open
		Map<String, Object> open = proposal(closedCase("LIAOKUO", Instant.parse("2026-10-01T02:00:00Z")));
		jdbc.update("UPDATE zf_case SET stage = 'DECIDED' WHERE case_no = ?", open.get("caseId"));
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", open)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("caseId").hasMessageContaining("尚未结案");
		// another agency's case
		String qlscjCase = closedCase("QLSCJ", Instant.parse("2026-10-01T02:00:00Z"));
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", proposal(qlscjCase))).isInstanceOf(AuthorizationException.class);
		// no such case
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", proposal("寥街罚〔2026〕99999号")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("caseId");
		// the bureau reviews; it does not propose
		assertThatThrownBy(() -> startProcessAs("supervisor1", "guiding-case", proposal(qlscjCase))).isInstanceOf(AuthorizationException.class);
		ProcessInstance pi = startProcessAs("head2", "guiding-case", proposal(qlscjCase));
		assertThat(pi.getTenantId()).isEqualTo("QLSCJ");
		assertThatThrownBy(() -> completeTaskAs("head2", pi, "userTask_review", Map.of("guidingReviewOutcome", "PUBLISH")))
			.isInstanceOf(AuthorizationException.class);
		completeTaskAs("supervisor1", pi, "userTask_review", Map.of("guidingReviewOutcome", "PUBLISH", "guidingReviewOpinion", "审查合格。"));
		assertThat(pi).isEnded();
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		String caseNo = closedCase("LIAOKUO", Instant.parse("2026-10-01T02:00:00Z"));
		Map<String, Object> noTitle = proposal(caseNo);
		noTitle.remove("guidingTitle");
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", noTitle)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("guidingTitle").hasMessageContaining("案例标题必须填写");
		Map<String, Object> badCategory = proposal(caseNo);
		badCategory.put("guidingCategory", "GOSSIP");
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", badCategory)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("guidingCategory");
		Map<String, Object> tooLong = proposal(caseNo);
		tooLong.put("guidingTitle", "长".repeat(201));
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", tooLong)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("guidingTitle");
		Map<String, Object> noCase = proposal(caseNo);
		noCase.remove("caseId");
		assertThatThrownBy(() -> startProcessAs("head1", "guiding-case", noCase)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("caseId");
	}

	/**
	 * Three a year (disclosure/guiding-cases.yml): QLSCJ's cases closed in 2025 count for 2025; from 1 Nov 2025 fewer than
	 * three is a warning, after 31 Jan 2026 it is overdue; three proposals clear it.
	 */
	@Test
	void threeAYearWithItsWarningAndDeadline() {
		clockAt(moment("2025-10-15T09:00:00+08:00"));
		GuidingCaseService.YearSummary before = service.summary(2025, List.of("QLSCJ"), false);
		assertThat(before.minimumPerYear()).isEqualTo(3);
		assertThat(before.deadline()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(before.warnFrom()).isEqualTo(LocalDate.of(2025, 11, 1));
		assertThat(before.agencies()).extracting(GuidingCaseService.AgencyCount::agencyCode).containsExactly("QLSCJ");
		assertThat(qlscj(before).warning()).isFalse(); // not yet: before 1 November

		clockAt(moment("2026-01-12T09:00:00+08:00"));
		startProcessAs("head2", "guiding-case", proposal(closedCase("QLSCJ", Instant.parse("2025-06-01T02:00:00Z"))));
		GuidingCaseService.YearSummary one = service.summary(2025, List.of("QLSCJ"), false);
		assertThat(qlscj(one).proposed()).isEqualTo(1);
		assertThat(qlscj(one).warning()).isTrue();
		assertThat(qlscj(one).message()).contains("少于每年3件").contains("截止日 2026-01-31");

		clockAt(moment("2026-02-02T09:00:00+08:00"));
		assertThat(qlscj(service.summary(2025, List.of("QLSCJ"), false)).message()).contains("已超过截止日");
		startProcessAs("head2", "guiding-case", proposal(closedCase("QLSCJ", Instant.parse("2025-07-01T02:00:00Z"))));
		startProcessAs("head2", "guiding-case", proposal(closedCase("QLSCJ", Instant.parse("2025-08-01T02:00:00Z"))));
		GuidingCaseService.AgencyCount three = qlscj(service.summary(2025, List.of("QLSCJ"), false));
		assertThat(three.proposed()).isEqualTo(3);
		assertThat(three.warning()).isFalse();
		assertThat(three.message()).isNull();
	}

	// --- helpers ---

	private static GuidingCaseService.AgencyCount qlscj(GuidingCaseService.YearSummary s) {
		return s.agencies().stream().filter(a -> a.agencyCode().equals("QLSCJ")).findFirst().orElseThrow();
	}

	private String closedCase(String agency, Instant closedAt) {
		return Fixtures.closedCase(jdbc, agency, PARTY, ID, PHONE, ADDRESS, closedAt);
	}

	static Map<String, Object> proposal(String caseNo) {
		Map<String, Object> vars = new HashMap<>();
		if (caseNo != null) {
			vars.put("caseId", caseNo);
		}
		vars.put("guidingCategory", "PENALTY");
		vars.put("guidingTitle", "李建华占道经营案——首次违法及时改正的从轻处罚");
		vars.put("guidingSummary", "当事人" + PARTY + "（身份证号码" + ID + "，电话" + PHONE + "，住址：" + ADDRESS
				+ "）在人民路占道经营，执法人员责令改正后拒不改正，依法立案调查并作出罚款决定。");
		vars.put("guidingKeyPoints", "占道经营案件应先责令改正；当事人拒不改正的，依裁量基准确定罚款数额。");
		vars.put("guidingLegalBasis", "《城市市容和环境卫生管理条例》第十七条、第三十六条");
		return vars;
	}
}

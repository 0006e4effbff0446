package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.NewCase;
import cn.zhifa.document.DocumentService;
import cn.zhifa.platform.ReproducibleDraw;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code case-file-review} (案卷评查, R-REC-7, ADR-0026), every path: the bureau draws LIAOKUO's case files
 * closed in 2024 (reproducibly: the register's seed and population give the same draw), scores each in its own task
 * with the file, the record and the interference reports in front of it, concludes with the results only and the head
 * acknowledges (the report read back with POI); a conclusion that issues a supervision notice (source 案卷评查); an
 * agency without closed files; who may start, score, conclude and acknowledge; bad input refused naming the field.
 * <p>
 * The population is LIAOKUO's enforcement cases that ended in 2024: only this class closes cases in that year (the
 * engine clock is set to it), each test adds its own.
 */
@ZhifaIntegrationTest
class CaseFileReviewProcessTests extends EngineTestSupport {

	static final String PROCESS = "case-file-review";
	/** Monday 4 March 2024, when the cases of the population are registered and closed. */
	static final String IN_2024 = "2024-03-04T09:00:00+08:00";
	/** Monday 6 January 2025, when the bureau reviews 2024. */
	static final String IN_2025 = "2025-01-06T09:00:00+08:00";

	@Autowired
	EnforcementCaseService cases;
	@Autowired
	CaseFileReviewRepository rows;
	@Autowired
	CaseFileReviewItemRepository items;
	@Autowired
	CaseFileReviewService reviews;
	@Autowired
	RecordService record;
	@Autowired
	DocumentService documents;
	@Autowired
	cn.zhifa.supervision.SupervisionNoticeRepository notices;

	@Test
	void drawnScoredConcludedAndAcknowledged() throws IOException {
		List<String> closed = closeCases(4);
		interference(closed.get(0), "某局副局长王某", "打招呼要求对当事人从轻处理");
		clockAt(moment(IN_2025));
		ProcessInstance pi = startProcessAs("supervisor1", PROCESS, review("LIAOKUO", 2024L));
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		String no = pi.getBusinessKey();
		assertThat(no).matches("区司法评查〔2025〕\\d+号");
		assertThat(pi).isWaitingAt("userTask_score").hasPassedInOrder("serviceTask_draw", "gateway_drawn");

		// the draw as registered: population, its hash, the seed; redone from them it gives the same files
		CaseFileReview row = rows.findById(no).orElseThrow();
		List<String> population = reviews.closedCases("LIAOKUO", 2024);
		assertThat(population).containsAll(closed);
		assertThat(row.populationList()).isEqualTo(population);
		assertThat(row.getPopulationHash()).isEqualTo(ReproducibleDraw.hash(population));
		int size = reviews.standard().sample().size(population.size());
		assertThat(row.getSampleSize()).isEqualTo(size).isEqualTo(3);
		assertThat(CaseFileDraw.draw(row.getDrawSeed(), row.populationList(), size).drawn()).isEqualTo(row.drawnList());
		assertThat(row.getStatus()).isEqualTo(CaseFileReview.SCORING);
		assertThat(variableOf(pi, "reviewSeed")).isEqualTo(Long.toString(row.getDrawSeed()));
		assertThat(record.list(no)).extracting(RecordEntry::kind).contains("CASE_FILE_REVIEW_DRAWN");
		// the draw does not depend on the interference: a case with a report is as likely as any other
		List<String> drawn = row.drawnList();

		// one task per drawn file, in draw order, offered to the supervisors, with the file in front of the reviewer
		for (int i = 0; i < drawn.size(); i++) {
			String caseNo = drawn.get(i);
			Task task = openTask(pi, "userTask_score");
			assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("supervisor").count())
				.isEqualTo(1);
			Map<String, Object> shown = engine.getTaskService().getVariables(task.getId());
			assertThat(shown).containsEntry("reviewCaseNo", caseNo).containsEntry("caseFileReviewNo", no);
			assertThat((String) shown.get("reviewCaseFileUrl")).startsWith("/api/case-files/").contains("/export?purpose=");
			assertThat((String) shown.get("reviewCaseRecordUrl")).startsWith("/api/records/");
			assertThat(shown.get("reviewDeductions")).isNull();
			if (caseNo.equals(closed.get(0))) {
				assertThat((String) shown.get("reviewInterference")).contains("某局副局长王某").contains("从轻处理");
			}
			else {
				assertThat((String) shown.get("reviewInterference")).contains("没有干预");
			}
			if (i == 0) {
				// a deficiency needs its reason; a deficiency must be one of the checklist's
				assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_score",
						Map.of("reviewDeductions", List.of("PROCEDURE-NOTICE"))))
					.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewComments");
				assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_score",
						Map.of("reviewDeductions", List.of("NO-SUCH-ITEM"), "reviewComments", "x")))
					.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewDeductions");
				completeTaskAs("supervisor1", pi, "userTask_score", Map.of("reviewDeductions",
						List.of("PROCEDURE-NOTICE", "DOCUMENTS-SERVICE"), "reviewComments", "事先告知书未告知听证权利；无送达回证。"));
			}
			else {
				completeTaskAs("supervisor1", pi, "userTask_score", Map.of());
			}
		}
		assertThat(pi).isWaitingAt("userTask_conclude").hasPassed("serviceTask_summarise");
		List<CaseFileReviewItem> scored = items.findByReviewNoOrderByDrawOrder(no);
		assertThat(scored).extracting(CaseFileReviewItem::getCaseNo).containsExactlyElementsOf(drawn);
		assertThat(scored).extracting(CaseFileReviewItem::getScore).containsExactly(85, 100, 100);
		assertThat(scored).extracting(CaseFileReviewItem::getGrade).containsExactly("PASS", "EXCELLENT", "EXCELLENT");
		assertThat(scored.get(0).deductionList()).containsExactly("PROCEDURE-NOTICE", "DOCUMENTS-SERVICE");
		assertThat(scored).allMatch(i -> "supervisor1".equals(i.getReviewedBy()));
		assertThat(scored).filteredOn(i -> i.getCaseNo().equals(closed.get(0))).extracting(CaseFileReviewItem::getInterferenceCount)
			.allMatch(n -> n == 0 || n == 1);
		assertThat(((Number) variableOf(pi, "reviewAverageScore")).doubleValue()).isEqualTo(95.0);
		assertThat((String) variableOf(pi, "reviewResultsText")).contains(drawn.get(0)).contains("85").contains("合格");

		// the conclusion: results only; the report generated; the head acknowledges
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_conclude", Map.of("reviewFollowUp", "RESULTS_ONLY")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewConclusion");
		completeTaskAs("supervisor1", pi, "userTask_conclude", Map.of("reviewFollowUp", "RESULTS_ONLY", "reviewConclusion",
				"抽查案卷总体规范，个别案卷告知程序不完整。"));
		assertThat(pi).isWaitingAt("userTask_acknowledge").hasPassedInOrder("serviceTask_recordConclusion",
				"serviceTask_generateReport", "gateway_followUp", "gateway_join").hasNotPassed("serviceTask_issueNotice");
		Task acknowledge = openTask(pi, "userTask_acknowledge");
		assertThat(engine.getTaskService().createTaskQuery().taskId(acknowledge.getId()).taskCandidateGroup("LIAOKUO-head")
			.count()).isEqualTo(1);
		// another agency's head sees nothing of it
		as("head2");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		engine.getIdentityService().clearAuthentication();
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_acknowledge", Map.of()))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewAcknowledgement");
		completeTaskAs("head1", pi, "userTask_acknowledge", Map.of("reviewAcknowledgement", "已签收，对告知程序不完整的案卷组织整改。"));
		assertThat(pi).isEnded().hasPassed("serviceTask_recordAcknowledgement", "endEvent_reviewed");

		row = rows.findById(no).orElseThrow();
		assertThat(row.getStatus()).isEqualTo(CaseFileReview.ACKNOWLEDGED);
		assertThat(row.getAverageScore()).isEqualByComparingTo("95.00");
		assertThat(row.getFailedCount()).isZero();
		assertThat(row.getFollowUp()).isEqualTo("RESULTS_ONLY");
		assertThat(row.getNoticeNo()).isNull();
		assertThat(row.getAcknowledgedBy()).isEqualTo("head1");
		assertThat(row.getReportDocId()).isEqualTo(variableOf(pi, "reviewReportDocId"));
		// the report (案卷评查报告) read back: the agency, the year, the draw, every drawn file with its score
		String report = text(documents.find(row.getReportDocId()).orElseThrow().content());
		assertThat(report).contains("案卷评查报告", no, "寥廓街道综合行政执法队", "2024年度", row.getPopulationHash(),
				Long.toString(row.getDrawSeed()), "抽查案卷总体规范");
		drawn.forEach(caseNo -> assertThat(report).contains(caseNo));
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.containsExactly("supervisor1", "supervisor1", "supervisor1", "supervisor1", "head1");
	}

	@Test
	void aFailedFileGetsASupervisionNotice() {
		List<String> closed = closeCases(3);
		clockAt(moment(IN_2025));
		ProcessInstance pi = startProcessAs("supervisor1", PROCESS, review("LIAOKUO", 2024L));
		List<String> drawn = rows.findById(pi.getBusinessKey()).orElseThrow().drawnList();
		assertThat(reviews.closedCases("LIAOKUO", 2024)).containsAll(closed);
		for (int i = 0; i < drawn.size(); i++) {
			completeTaskAs("supervisor1", pi, "userTask_score", i == 0
					? Map.of("reviewDeductions", List.of("FACTS-UNCLEAR", "FACTS-EVIDENCE", "LAW-WRONG"), "reviewComments",
							"违法事实不清，证据不足，适用法律错误。")
					: Map.of());
		}
		assertThat(items.findByReviewNoOrderByDrawOrder(pi.getBusinessKey()).get(0).getGrade()).isEqualTo("FAIL");
		assertThat(variableOf(pi, "reviewFailedCount")).isEqualTo(1);
		// a notice needs its requirement
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_conclude",
				Map.of("reviewFollowUp", "NOTICE", "reviewConclusion", "一卷不合格。")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("rectificationRequirement");
		completeTaskAs("supervisor1", pi, "userTask_conclude", Map.of("reviewFollowUp", "NOTICE", "reviewConclusion",
				"一卷不合格：违法事实不清，适用法律错误。", "rectificationRequirement", "对不合格案卷依法纠正，并组织执法人员培训。"));
		assertThat(pi).isWaitingAt("userTask_acknowledge").hasPassed("serviceTask_issueNotice");
		CaseFileReview row = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(row.getNoticeNo()).matches("区司法监通〔2025〕\\d+号").isEqualTo(variableOf(pi, "reviewNoticeNo"));
		// the notice is the supervision-notice process, to the same agency, from the review, issued by the supervisor
		SupervisionNotice notice = notices.findById(row.getNoticeNo()).orElseThrow();
		assertThat(notice.getAgencyCode()).isEqualTo("LIAOKUO");
		assertThat(notice.getSource()).isEqualTo("CASE_FILE_REVIEW");
		assertThat(notice.getSourceRef()).isEqualTo(pi.getBusinessKey());
		assertThat(notice.getIssuedBy()).isEqualTo("supervisor1");
		assertThat(notice.getRequirement()).isEqualTo("对不合格案卷依法纠正，并组织执法人员培训。");
		assertThat(notice.getProblem()).contains(pi.getBusinessKey()).contains("不合格1卷");
		ProcessInstance noticePi = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceId(notice.getProcessInstanceId()).singleResult();
		assertThat(noticePi.getTenantId()).isEqualTo("LIAOKUO");
		assertThat(noticePi).isWaitingAt("userTask_rectify");
		completeTaskAs("head1", pi, "userTask_acknowledge", Map.of("reviewAcknowledgement", "已签收，按监督通知书整改。"));
		assertThat(pi).isEnded();
	}

	@Test
	void anAgencyWithoutClosedFilesHasNothingToReview() {
		clockAt(moment(IN_2025));
		ProcessInstance pi = startProcessAs("supervisor1", PROCESS, review("QLSCJ", 2003L));
		assertThat(pi).isEnded().hasPassed("serviceTask_draw", "endEvent_nothingToReview").hasNotPassed("userTask_score");
		CaseFileReview row = rows.findById(pi.getBusinessKey()).orElseThrow();
		assertThat(row.getStatus()).isEqualTo(CaseFileReview.EMPTY);
		assertThat(row.getPopulationSize()).isZero();
		assertThat(row.getAgencyCode()).isEqualTo("QLSCJ");
		// no year: the year before
		ProcessInstance lastYear = startProcessAs("supervisor1", PROCESS, new HashMap<>(Map.of("supervisedAgency", "QLSCJ")));
		assertThat(rows.findById(lastYear.getBusinessKey()).orElseThrow().getReviewYear()).isEqualTo(2024);
	}

	@Test
	void onlySupervisorsReviewAndOnlyTheAgencysHeadAcknowledges() {
		closeCases(1);
		clockAt(moment(IN_2025));
		assertThatThrownBy(() -> startProcessAs("officer1", PROCESS, review("LIAOKUO", 2024L)))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("只有执法监督人员");
		assertThatThrownBy(() -> startProcessAs("head1", PROCESS, review("LIAOKUO", 2024L)))
			.isInstanceOf(AuthorizationException.class);
		ProcessInstance pi = startProcessAs("supervisor1", PROCESS, review("LIAOKUO", 2024L));
		// scoring is the bureau's: the agency does not score its own files
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_score", Map.of()))
			.isInstanceOf(AuthorizationException.class);
		int size = rows.findById(pi.getBusinessKey()).orElseThrow().getSampleSize();
		for (int i = 0; i < size; i++) {
			completeTaskAs("supervisor1", pi, "userTask_score", Map.of());
		}
		assertThatThrownBy(() -> completeTaskAs("head1", pi, "userTask_conclude",
				Map.of("reviewFollowUp", "RESULTS_ONLY", "reviewConclusion", "好")))
			.isInstanceOf(AuthorizationException.class);
		completeTaskAs("supervisor1", pi, "userTask_conclude", Map.of("reviewFollowUp", "RESULTS_ONLY", "reviewConclusion", "规范。"));
		// the acknowledgement is the agency's head's: not the bureau's, not another agency's head
		assertThatThrownBy(() -> completeTaskAs("supervisor1", pi, "userTask_acknowledge", Map.of("reviewAcknowledgement", "x")))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> completeTaskAs("head2", pi, "userTask_acknowledge", Map.of("reviewAcknowledgement", "x")))
			.isInstanceOf(RuntimeException.class);
		completeTaskAs("head1", pi, "userTask_acknowledge", Map.of("reviewAcknowledgement", "已签收。"));
		assertThat(pi).isEnded();
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		clockAt(moment(IN_2025));
		assertThatThrownBy(() -> startProcessAs("supervisor1", PROCESS, review("LIAOKUO", 1999L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewYear").hasMessageContaining("评查年度");
		assertThatThrownBy(() -> startProcessAs("supervisor1", PROCESS, review("LIAOKUO", 2026L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewYear");
		assertThatThrownBy(() -> startProcessAs("supervisor1", PROCESS, review("NOWHERE", 2024L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisedAgency");
		assertThatThrownBy(() -> startProcessAs("supervisor1", PROCESS, new HashMap<>(Map.of("reviewYear", 2024L))))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("supervisedAgency");
	}

	// --- helpers ---

	static Map<String, Object> review(String agency, Long year) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("supervisedAgency", agency);
		if (year != null) {
			vars.put("reviewYear", year);
		}
		return vars;
	}

	/** {@code n} LIAOKUO cases registered and closed (filing refused: 不予立案) on 4 March 2024. */
	List<String> closeCases(int n) {
		clockAt(moment(IN_2024));
		List<String> closed = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String caseNo = cases.register(new NewCase("LIAOKUO", "PATROL", false, "PERSON", "评查当事人" + i, "530302199001011232",
					"13800000000", false, "CM-OCCUPY-ROAD", "在人民路占道经营", LocalDate.of(2024, 3, 1), null, null, null)
				.withPartyAddress("曲靖市麒麟区人民路12号"), "officer1");
			ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("enforcement-case")
				.processInstanceBusinessKey(caseNo).singleResult();
			as("head1");
			Task filing = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
				.taskDefinitionKey("userTask_approveFiling").singleResult();
			engine.getTaskService().claim(filing.getId(), "head1");
			engine.getTaskService().complete(filing.getId(),
					Map.of("filingDecision", "NOT_FILE", "notFilingReasons", "违法事实不存在"));
			engine.getIdentityService().clearAuthentication();
			assertThat(pi).isEnded();
			closed.add(caseNo);
		}
		return closed;
	}

	/** An interference report in the case's record (R-COORD-6), as {@code POST /api/records/{caseNo}/interference} adds it. */
	void interference(String caseNo, String who, String what) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("intervener", who);
		data.put("intervenerUnit", "某局");
		data.put("occurredAt", "2024-03-02T10:00:00Z");
		data.put("description", what);
		record.append(caseNo, "INTERFERENCE_REPORTED", "officer1", "LIAOKUO", null, null, data);
	}

	static String text(byte[] docx) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
			return words.getText();
		}
	}

	static String joined(List<String> lines) {
		return lines.stream().collect(Collectors.joining("\n"));
	}
}

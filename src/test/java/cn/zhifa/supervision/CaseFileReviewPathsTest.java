package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/case-file-review.bpmn} (R-COORD-8, R-REC-7: the supervisor draws closed case files at
 * random, scores each, concludes, and either reports the result or issues a supervision notice; the agency head
 * acknowledges; a year without closed cases ends at once), engine only: the services behind the delegates are
 * stand-ins.
 */
class CaseFileReviewPathsTest extends ModelPathTestSupport {

	final Map<String, Object> document = new HashMap<>();

	@BeforeEach
	void deploy() throws Exception {
		deploy("case-file-review.bpmn");
		delegate("summariseCaseFileReview");
		delegate("concludeCaseFileReview");
		generateDocumentInto(document);
		delegate("issueReviewNotice");
		delegate("recordReviewAcknowledgement");
		taskChecks("caseFileReviewTaskChecks");
	}

	@Test
	void eachDrawnFileIsScoredAndAReportedResultIsAcknowledged() {
		ProcessInstance instance = startWithSample(2);

		assertThat(instance).isWaitingAt("userTask_score");
		assertThat(task(instance)).hasCandidateGroup("supervisor");
		complete(task(instance));
		assertThat(instance).isWaitingAt("userTask_score");
		complete(task(instance));

		assertThat(instance).hasPassed("serviceTask_summarise").isWaitingAt("userTask_conclude");
		assertThat(task(instance)).hasCandidateGroup("supervisor");
		complete(task(instance), Map.of("reviewFollowUp", "RESULTS_ONLY"));

		assertThat(instance).hasPassedInOrder("serviceTask_recordConclusion", "serviceTask_generateReport", "gateway_join")
			.hasNotPassed("serviceTask_issueNotice").isWaitingAt("userTask_acknowledge");
		assertThat(document).containsEntry("documentKind", "CASE_FILE_REVIEW_REPORT")
			.containsEntry("documentVariable", "reviewReportDocId");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task(instance));

		assertThat(instance).hasPassedInOrder("userTask_acknowledge", "serviceTask_recordAcknowledgement", "endEvent_reviewed")
			.hasNotPassed("endEvent_nothingToReview").isEnded();
		assertThat(calls()).containsExactly("drawCaseFiles", "caseFileReviewTaskChecks:create:userTask_score",
				"caseFileReviewTaskChecks:complete:userTask_score", "caseFileReviewTaskChecks:create:userTask_score",
				"caseFileReviewTaskChecks:complete:userTask_score", "summariseCaseFileReview",
				"caseFileReviewTaskChecks:complete:userTask_conclude", "concludeCaseFileReview",
				"caseFileReviewTaskChecks:create:userTask_acknowledge", "caseFileReviewTaskChecks:complete:userTask_acknowledge",
				"recordReviewAcknowledgement");
	}

	@Test
	void aNoticeFollowUpIssuesASupervisionNoticeBeforeTheAcknowledgement() {
		ProcessInstance instance = startWithSample(1);
		complete(task(instance));
		complete(task(instance), Map.of("reviewFollowUp", "NOTICE"));

		assertThat(instance).hasPassedInOrder("serviceTask_generateReport", "serviceTask_issueNotice", "gateway_join")
			.isWaitingAt("userTask_acknowledge");
		complete(task(instance));
		assertThat(instance).hasPassed("endEvent_reviewed").isEnded();
		assertThat(calls()).containsSubsequence("concludeCaseFileReview", "issueReviewNotice",
				"caseFileReviewTaskChecks:create:userTask_acknowledge", "recordReviewAcknowledgement");
	}

	@Test
	void aYearWithoutClosedCasesEndsWithoutScoring() {
		ProcessInstance instance = startWithSample(0);

		assertThat(instance).hasPassedInOrder("serviceTask_draw", "endEvent_nothingToReview")
			.hasNotPassed("userTask_score", "serviceTask_summarise").isEnded();
		assertThat(calls()).containsExactly("drawCaseFiles");
	}

	private ProcessInstance startWithSample(int size) {
		delegate("drawCaseFiles", Map.of("reviewSampleSize", size));
		return start("case-file-review", "寥评〔2026〕1号", Map.of("agencyCode", "LIAOKUO"));
	}
}

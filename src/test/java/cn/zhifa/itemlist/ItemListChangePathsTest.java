package cn.zhifa.itemlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/item-list-change.bpmn} (R-QUAL-4, R-DISC-1, R-DISC-6: the legal review body proposes a
 * change of the enforcement item list, the office or the head approves and a new version is published, or returns it
 * to the reviewer for revision), engine only: the services behind the delegates are stand-ins.
 */
class ItemListChangePathsTest extends ModelPathTestSupport {

	ProcessInstance instance;

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("item-list-change.bpmn");
		delegate("proposeItemListChange");
		delegate("publishItemListChange");
		delegate("returnItemListChange");
		delegate("resubmitItemListChange");
		taskChecks("itemListTaskChecks");
		instance = start("item-list-change", "ILC-2026-1", Map.of("agencyCode", "LIAOKUO"));
	}

	@Test
	void anApprovedChangeIsPublishedAsANewVersion() {
		assertThat(instance).isWaitingAt("userTask_review");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-office").hasCandidateGroup("LIAOKUO-head");

		complete(task(instance), Map.of("itemListReviewOutcome", "APPROVE"));

		assertThat(instance).hasPassedInOrder("serviceTask_propose", "userTask_review", "serviceTask_publish",
				"endEvent_published").hasNotPassed("serviceTask_return", "userTask_revise").isEnded();
		assertThat(calls()).containsExactly("proposeItemListChange", "itemListTaskChecks:complete:userTask_review",
				"publishItemListChange");
	}

	@Test
	void aReturnedChangeIsRevisedByTheReviewerAndReviewedAgain() {
		complete(task(instance), Map.of("itemListReviewOutcome", "RETURN"));

		assertThat(instance).hasPassed("serviceTask_return").hasNotPassed("serviceTask_publish")
			.isWaitingAt("userTask_revise");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-reviewer");
		complete(task(instance));

		assertThat(instance).hasPassed("serviceTask_resubmit").isWaitingAt("userTask_review");
		complete(task(instance), Map.of("itemListReviewOutcome", "APPROVE"));

		assertThat(instance).hasPassed("endEvent_published").isEnded();
		assertThat(calls()).containsExactly("proposeItemListChange", "itemListTaskChecks:complete:userTask_review",
				"returnItemListChange", "itemListTaskChecks:complete:userTask_revise", "resubmitItemListChange",
				"itemListTaskChecks:complete:userTask_review", "publishItemListChange");
	}
}

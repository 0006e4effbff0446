package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/random-inspection.bpmn} (R-DISC-1, ADR-0033: the "double random" inspection: targets
 * and inspectors are drawn, each target is inspected in parallel, a violation opens a case, every result is approved by
 * the head and published, then the plan is closed), engine only: the services behind the delegates are stand-ins.
 */
class RandomInspectionPathsTest extends ModelPathTestSupport {

	static final Date PUBLICATION_DUE = Date.from(Instant.parse("2026-11-20T09:00:00Z"));

	ProcessInstance instance;
	final List<Integer> prepared = new ArrayList<>();

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("random-inspection.bpmn");
		delegate("drawInspectionTargets", Map.of("inspectionDrawnCount", 2));
		// Like the real delegate: the inspectors of the target drawn for this instance, local to it.
		bean("prepareInspection", (JavaDelegate) execution -> {
			int counter = (Integer) execution.getVariable("loopCounter");
			prepared.add(counter);
			execution.setVariableLocal("inspectionInspector", "officer" + (2 * counter + 1));
			execution.setVariableLocal("inspectionCoInspector", "officer" + (2 * counter + 2));
		});
		delegate("recordInspectionResult", Map.of("inspectionPublicationDueAt", PUBLICATION_DUE));
		delegate("openInspectionCase");
		delegate("publishInspectionResult");
		delegate("finishInspectionPlan");
		taskChecks("inspectionTaskChecks");
		instance = start("random-inspection", "寥抽〔2026〕1号", Map.of("agencyCode", "LIAOKUO"));
	}

	@Test
	void eachDrawnTargetIsInspectedAndPublishedAndAViolationOpensACase() {
		assertThat(prepared).containsExactlyInAnyOrder(0, 1);
		List<Task> inspections = tasks("userTask_inspect");
		assertThat(inspections).extracting(Task::getAssignee).containsExactlyInAnyOrder("officer1", "officer3");
		for (Task inspection : inspections) {
			String coInspector = inspection.getAssignee().equals("officer1") ? "officer2" : "officer4";
			assertThat(engine.getTaskService().getIdentityLinksForTask(inspection.getId()))
				.filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).extracting(IdentityLink::getUserId)
				.containsExactly(coInspector);
		}

		complete(inspections.get(0), Map.of("inspectionViolation", true));
		assertThat(instance).hasPassed("serviceTask_openCase").isWaitingAt("userTask_inspect", "userTask_publish");
		complete(inspections.get(1), Map.of("inspectionViolation", false));

		List<Task> publications = tasks("userTask_publish");
		assertThat(publications).hasSize(2);
		for (Task publication : publications) {
			assertThat(publication).hasCandidateGroup("LIAOKUO-head").hasDueDate(PUBLICATION_DUE);
		}
		complete(publications.get(0));
		assertThat(instance).hasNotPassed("serviceTask_finish").isWaitingAt("userTask_publish");
		complete(publications.get(1));

		assertThat(instance).hasPassedInOrder("serviceTask_draw", "serviceTask_prepare", "userTask_inspect",
				"serviceTask_recordResult", "userTask_publish", "serviceTask_publish", "endEvent_inspection",
				"serviceTask_finish", "endEvent_done").isEnded();
		assertThat(calls()).filteredOn("openInspectionCase"::equals).hasSize(1);
		assertThat(calls()).filteredOn("publishInspectionResult"::equals).hasSize(2);
		assertThat(calls()).startsWith("drawInspectionTargets").endsWith("finishInspectionPlan")
			.contains("inspectionTaskChecks:create:userTask_publish", "inspectionTaskChecks:complete:userTask_inspect");
	}

	@Test
	void noViolationPublishesWithoutOpeningACase() {
		for (Task inspection : tasks("userTask_inspect")) {
			complete(inspection, Map.of("inspectionViolation", false));
		}
		for (Task publication : tasks("userTask_publish")) {
			complete(publication);
		}

		assertThat(instance).hasPassed("gateway_join", "serviceTask_publish", "endEvent_done")
			.hasNotPassed("serviceTask_openCase").isEnded();
		assertThat(calls()).doesNotContain("openInspectionCase");
	}

	@Test
	void aPlanWithNothingDrawnIsFinishedAtOnce() {
		delegate("drawInspectionTargets", Map.of("inspectionDrawnCount", 0));
		prepared.clear(); // the plan started before each test drew two targets
		instance = start("random-inspection", "寥抽〔2026〕2号", Map.of("agencyCode", "LIAOKUO"));

		assertThat(instance).hasPassedInOrder("serviceTask_draw", "serviceTask_finish", "endEvent_done")
			.hasNotPassed("userTask_inspect").isEnded();
		assertThat(prepared).isEmpty();
	}

	private List<Task> tasks(String key) {
		return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
	}
}

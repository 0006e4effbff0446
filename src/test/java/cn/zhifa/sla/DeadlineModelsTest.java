package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * Which timers of the shipped models are deadlines of their own on the SLA board: breach timers
 * (leading to #{slaBreach}) on a sub-process or a receive task, labelled with that activity's name;
 * not warnings, not breach timers on user tasks (the task's due date is that deadline).
 */
class DeadlineModelsTest {

	@Test
	void wholePeriodDeadlinesOfTheShippedModels() {
		Map<String, String> all = new HashMap<>();
		for (String process : new String[] { "enforcement-case", "criminal-transfer", "disclosure-publication", "legal-review",
				"case-transfer", "discipline-transfer", "review-disagreement" }) {
			all.putAll(DeadlineModels.read(Bpmn.readModelFromFile(new File("processes/" + process + ".bpmn"))));
		}
		assertThat(all).containsEntry("timerEvent_decisionBreach", "调查与决定（立案之日起90日内）")
			.containsEntry("timerEvent_policeDecisionOverdue", "等待公安机关立案决定")
			.containsEntry("timerEvent_disclosureBreach", "整理与审核公示信息")
			.doesNotContainKeys("timerEvent_decisionWarningFirst", "timerEvent_seizureBreach", "timerEvent_filingBreach",
					"timerEvent_reviewBreach", "timerEvent_negotiationStalled", "timerEvent_hearingWindowClosed");
	}

	@Test
	void whatClosesTheDeadlinesOfTheShippedModels() {
		DeadlineModels.Closings enforcement = DeadlineModels
			.closings(Bpmn.readModelFromFile(new File("processes/enforcement-case.bpmn")));
		// the 90-day period closes when 调查与决定 ends; its warnings are not deadlines
		assertThat(enforcement.deadlineTimersByActivity()).containsEntry("subProcess_handling",
				java.util.List.of("timerEvent_decisionBreach"));
		// the hearing window's timer ends 记录当事人陈述申辩 at its deadline; filing is ended by no timer
		assertThat(enforcement.endedByTimer()).contains("userTask_recordPartyReply")
			.doesNotContain("userTask_approveFiling", "subProcess_handling");
		DeadlineModels.Closings negotiation = DeadlineModels
			.closings(Bpmn.readModelFromFile(new File("processes/review-disagreement.bpmn")));
		assertThat(negotiation.endedByTimer()).containsExactly("userTask_negotiateOpinion");
		assertThat(negotiation.deadlineTimersByActivity()).isEmpty();
		DeadlineModels.Closings police = DeadlineModels
			.closings(Bpmn.readModelFromFile(new File("processes/criminal-transfer.bpmn")));
		assertThat(police.deadlineTimersByActivity()).containsEntry("receiveTask_awaitPoliceDecision",
				java.util.List.of("timerEvent_policeDecisionOverdue"));
	}
}

package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The path of {@code processes/interference-report.bpmn} (R-COORD-6): started from Tasklist's start form, its one step
 * records the report in the case's record; engine only, the delegate a stand-in ({@code InterferenceReportsTest} has
 * the rules, path 26 the whole of it in the browser).
 */
class InterferenceReportPathsTest extends ModelPathTestSupport {

	@Test
	void theReportIsRecordedAndTheProcessEnds() throws Exception {
		deploy("interference-report.bpmn");
		delegate("recordInterference");

		ProcessInstance instance = start("interference-report", "寥街罚〔2026〕1号", Map.of("caseId", "寥街罚〔2026〕1号",
				"agencyCode", "LIAOKUO", "intervener", "某局副局长王某", "occurredOn", "2026-11-02", "occurredTime", "09:30",
				"description", "电话要求从轻处理"));

		assertThat(instance).hasPassedInOrder("startEvent_interferenceOccurred", "serviceTask_recordInterference",
				"endEvent_recorded").isEnded();
		assertThat(calls()).containsExactly("recordInterference");
	}
}

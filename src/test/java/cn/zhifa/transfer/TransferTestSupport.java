package cn.zhifa.transfer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.support.ProcessScenarioSupport;

/** Steps shared by the transfer scenario tests: acting as a demo user, finding tasks and timers, moving time. */
abstract class TransferTestSupport extends ProcessScenarioSupport {

	@Autowired
	TransferRecords records;

	/** The case of the test, new for each test, its number marked with {@link #casePrefix()}. */
	String caseId;

	@BeforeEach
	void newCase() {
		caseId = newCaseId(casePrefix());
	}

	/** The letter that marks the case numbers of the test class. */
	abstract String casePrefix();

	static String newCaseId(String prefix) {
		return "寥街罚〔2026〕" + prefix + UUID.randomUUID().toString().substring(0, 8) + "号";
	}

	void correlate(String message, ProcessInstance pi, Map<String, Object> variables) {
		engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).setVariables(variables)
			.correlateWithResult();
	}

	List<String> steps(ProcessInstance pi) {
		return records.steps(pi.getId()).stream().map(TransferStep::getStep).toList();
	}
}

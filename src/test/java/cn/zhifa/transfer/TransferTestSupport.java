package cn.zhifa.transfer;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;




import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.support.EngineTestSupport;

/** Steps shared by the transfer scenario tests: acting as a demo user, finding tasks and timers, moving time. */
abstract class TransferTestSupport extends EngineTestSupport {

	@Autowired
	TransferRecords records;

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

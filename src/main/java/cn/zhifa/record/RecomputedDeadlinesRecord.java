package cn.zhifa.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zhifa.calendar.DeadlinesRecomputed;
import cn.zhifa.platform.CaseVariables;

/**
 * A recomputation of provisional deadlines (a missing year's calendar arrived, docs/calendar.md) is a
 * change of the case's deadlines: the case's record keeps it — every deadline that moved, before and
 * after — in the recomputation's transaction, as {@value #KIND} by the system.
 */
@Component
class RecomputedDeadlinesRecord {

	static final String KIND = "DEADLINES_RECOMPUTED";

	private final RecordService record;
	private final RuntimeService runtime;

	RecomputedDeadlinesRecord(RecordService record, RuntimeService runtime) {
		this.record = record;
		this.runtime = runtime;
	}

	@EventListener
	void on(DeadlinesRecomputed event) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(event.processInstanceId())
			.singleResult();
		if (instance == null) {
			return;
		}
		Object caseId = runtime.getVariable(instance.getId(), CaseVariables.CASE_ID);
		String caseNo = caseId != null ? caseId.toString() : instance.getBusinessKey();
		if (caseNo == null || caseNo.isBlank()) {
			return; // not a case's process: nothing to record it in
		}
		List<Map<String, Object>> moved = event.moved().stream().map(m -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("kind", m.kind());
			entry.put("id", m.id());
			entry.put("before", m.before() == null ? null : m.before().toString());
			entry.put("after", m.after() == null ? null : m.after().toString());
			return entry;
		}).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reason", "节假日安排发布后，按法定计算方法重新计算暂定期限");
		data.put("moved", moved);
		record.append(caseNo, KIND, RecordService.SYSTEM, instance.getTenantId(), instance.getId(), null, data);
	}
}

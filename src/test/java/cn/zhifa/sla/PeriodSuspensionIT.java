package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 17 §2 with issue 16 §5: while a case's 90-day period is suspended by rule (here: goods sent for
 * testing, {@code POST /api/cases/{caseNo}/appraisal}, until 登记检测、检验、鉴定结果), its decision-period
 * row on the SLA board is PAUSED with the reason in Chinese, in {@code /api/sla/deadlines} and in the
 * counts of {@code /api/sla/summary}; afterwards it runs again, due the suspended days later.
 */
@ZhifaIntegrationTest
class PeriodSuspensionIT extends SlaApiSupport {

	static final String REASON = "检测、检验、鉴定期间不计入办案期限（《行政处罚法》第六十条，《市场监督管理行政处罚程序规定》第六十四条）";

	@Test
	void theDecisionPeriodIsPausedWithItsReasonWhileTheGoodsAreTested() {
		// filed Mon 2 Mar 2026: due 90 days later, Sun 31 May → Mon 1 Jun
		clockAt(at("2026-03-02T09:00:00+08:00"));
		String caseNo = register("2026-03-02");
		String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getId();
		complete(pi, "head1", "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer1"));
		Map<String, Object> before = row(all("head1", "kind=enforcement-case"), caseNo);
		assertThat(before).containsEntry("state", "GREEN").containsEntry("dueAt", "2026-06-01T15:59:59Z");
		assertThat(before.get("pausedReason")).isNull();

		// bad input names the field, in Chinese
		assertField(appraisal("officer1", caseNo, Map.of("kind", "X光", "matter", "样品", "institution", "某检测所")), "kind");
		assertField(appraisal("officer1", caseNo, Map.of("kind", "TESTING", "institution", "某检测所")), "matter");
		// 行政强制法 art. 25(3): the period is stated — missing, not after today, or beyond the cap in data: refused
		assertField(appraisal("officer1", caseNo, Map.of("kind", "TESTING", "matter", "样品", "institution", "某检测所")),
				"periodEndsOn");
		assertField(appraisal("officer1", caseNo, Map.of("kind", "TESTING", "matter", "样品", "institution", "某检测所",
				"periodEndsOn", "2026-03-02")), "periodEndsOn");
		assertField(appraisal("officer1", caseNo, Map.of("kind", "TESTING", "matter", "样品", "institution", "某检测所",
				"periodEndsOn", "2026-09-01")), "periodEndsOn");
		assertField(appraisal("officer1", caseNo, Map.of("kind", "TESTING", "matter", "样品", "institution", "某检测所",
				"periodEndsOn", "3月底")), "periodEndsOn");
		// another agency's officer does not see the case
		assertThat(appraisal("officer4", caseNo, Map.of("kind", "TESTING", "matter", "样品", "institution", "某检测所",
				"periodEndsOn", "2026-03-20"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		// Tue 10 Mar: samples sent for testing → the 90 days stop
		clockAt(at("2026-03-10T10:00:00+08:00"));
		assertThat(appraisal("officer1", caseNo, Map.of("kind", "TESTING", "matter", "扣押的食品样品3份", "institution",
				"市食品药品检验所", "periodEndsOn", "2026-03-31")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(engine.getRuntimeService().getVariable(pi, "appraisalPeriodEndsOn")).isEqualTo("2026-03-31");
		assertThat(engine.getRuntimeService().getVariable(pi, "appraisalPeriodDays")).isEqualTo(21);
		for (String user : List.of("head1", "supervisor1")) {
			Map<String, Object> paused = row(all(user, "kind=enforcement-case"), caseNo);
			assertThat(paused).as(user).containsEntry("source", "TIMER").containsEntry("state", "PAUSED")
				.containsEntry("stateLabel", "已暂停").containsEntry("pausedReason", REASON)
				.containsEntry("step", "调查与决定（立案之日起90日内）");
		}
		assertThat(all("head1", "state=paused").stream().map(r -> r.get("caseNo"))).contains(caseNo);
		assertThat(all("head1", "state=green").stream().map(r -> r.get("caseNo"))).doesNotContain(caseNo);
		Map<?, ?> counts = (Map<?, ?>) get("head1", "/api/sla/summary?kind=enforcement-case").getBody().get("counts");
		assertThat(((Number) counts.get("PAUSED")).longValue()).isPositive()
			.isEqualTo(all("head1", "kind=enforcement-case&state=paused").size());
		// still paused when the original due date has passed: nothing is overdue while the period does not run
		clockAt(at("2026-06-03T10:00:00+08:00"));
		assertThat(row(all("head1", "kind=enforcement-case"), caseNo)).containsEntry("state", "PAUSED");
		assertThat(all("head1", "state=red").stream().map(r -> r.get("caseNo"))).doesNotContain(caseNo);

		// Fri 20 Mar: a second matter is sent for appraisal while the testing runs; Wed 1 Apr the test result arrives:
		// the period stays stopped (the appraisal is still out)
		clockAt(at("2026-03-20T10:00:00+08:00"));
		assertThat(appraisal("officer1", caseNo, Map.of("kind", "APPRAISAL", "matter", "涉案物品价值", "institution",
				"市价格认证中心", "periodEndsOn", "2026-04-20")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		clockAt(at("2026-04-01T10:00:00+08:00"));
		complete(pi, "officer1", "userTask_recordAppraisal", Map.of("appraisalReportNo", "检字（2026）第018号",
				"appraisalResult", "样品不符合食品安全标准"));
		assertThat(row(all("head1", "kind=enforcement-case"), caseNo)).containsEntry("state", "PAUSED")
			.containsEntry("pausedReason", REASON);

		// Fri 12 Jun: the appraisal arrives → the period runs again; 10 Mar → 12 Jun, the overlap counted once:
		// 94 days later than 1 Jun, Wed 2 Sep
		clockAt(at("2026-06-12T10:00:00+08:00"));
		complete(pi, "officer1", "userTask_recordAppraisal", Map.of("appraisalReportNo", "价认（2026）第007号",
				"appraisalResult", "涉案物品价值人民币3200元"));
		Map<String, Object> running = row(all("head1", "kind=enforcement-case"), caseNo);
		assertThat(running).containsEntry("state", "GREEN").containsEntry("dueAt", "2026-09-02T15:59:59Z");
		assertThat(running.get("pausedReason")).isNull();
	}

	/** From Tasklist: 发起流程 → 委托检测、检验、鉴定 (process case-appraisal), as the start form submits it. */
	@Test
	void anOfficerRegistersTheAppraisalInTasklist() {
		clockAt(at("2026-03-02T09:00:00+08:00"));
		String caseNo = register("2026-03-02");
		String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getId();
		Map<String, Object> form = new java.util.HashMap<>(Map.of("caseId", value(caseNo), "appraisalKind", value("TESTING"),
				"appraisalMatter", value("扣押的食品样品3份"), "appraisalInstitution", value("市食品药品检验所"),
				"appraisalPeriodEndsOn", value("2026-03-31")));
		// before filing the case is not being handled: refused, nothing started
		ResponseEntity<Map<String, Object>> early = startAppraisal("officer1", form);
		assertField(early, "caseId");
		assertThat(early.getBody().get("detail").toString()).contains("案件当前阶段");
		complete(pi, "head1", "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer1"));
		// another agency's officer: refused on the case number (another agency's), nothing started
		assertThat(startAppraisal("officer4", form).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi)
			.taskDefinitionKey("userTask_recordAppraisal").count()).isZero();

		clockAt(at("2026-03-10T10:00:00+08:00"));
		// the period stated on the form: not after the day of the request → refused on its field, nothing started
		form.put("appraisalPeriodEndsOn", value("2026-03-10"));
		assertField(startAppraisal("officer1", form), "appraisalPeriodEndsOn");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi)
			.taskDefinitionKey("userTask_recordAppraisal").count()).isZero();
		form.put("appraisalPeriodEndsOn", value("2026-03-31"));
		ResponseEntity<Map<String, Object>> started = startAppraisal("officer1", form);
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi)
			.taskDefinitionKey("userTask_recordAppraisal").count()).isEqualTo(1);
		assertThat(row(all("head1", "kind=enforcement-case"), caseNo)).containsEntry("state", "PAUSED")
			.containsEntry("pausedReason", REASON);
	}

	private ResponseEntity<Map<String, Object>> startAppraisal(String user, Map<String, Object> variables) {
		return client(user).exchange("/engine-rest/process-definition/key/case-appraisal/submit-form", HttpMethod.POST,
				new HttpEntity<>(Map.of("variables", variables)), MAP);
	}

	private static Map<String, Object> value(Object v) {
		return Map.of("value", v);
	}

	private ResponseEntity<Map<String, Object>> appraisal(String user, String caseNo, Map<String, Object> body) {
		return http.withBasicAuth(user, "demo").exchange("/api/cases/" + caseNo + "/appraisal", HttpMethod.POST,
				new HttpEntity<>(body), MAP);
	}

	private void complete(String pi, String user, String key, Map<String, Object> variables) {
		as(user);
		// the oldest open task of the step (two appraisals may be out at once)
		var task = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key)
			.orderByTaskCreateTime().asc().list().stream().findFirst().orElse(null);
		assertThat(task).as(key).isNotNull();
		if (task.getAssignee() == null) {
			engine.getTaskService().claim(task.getId(), user);
		}
		engine.getTaskService().complete(task.getId(), variables);
		engine.getIdentityService().clearAuthentication();
	}

	private List<Map<String, Object>> all(String user, String query) {
		return allRows(user, "/api/sla/deadlines", query);
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String caseNo) {
		return rows.stream().filter(r -> caseNo.equals(r.get("caseNo")) && "TIMER".equals(r.get("source"))).findFirst()
			.orElseThrow(() -> new AssertionError("no decision-period row for " + caseNo + " in " + rows.size() + " rows"));
	}
}

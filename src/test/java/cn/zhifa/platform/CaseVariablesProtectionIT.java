package cn.zhifa.platform;

import static cn.zhifa.support.Fixtures.validCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.zhifa.support.WebappSession;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13, "one agency writes into another": every attack that was found, and the routes around them,
 * through real HTTP as the demo users — refused with a Chinese message naming the variable, and
 * nothing changed (case rows, variables, numbers, record) — and the legitimate paths (Tasklist's
 * submit-form with the task's own fields, complete held to the same form) still work (ADR-0015).
 */
@ZhifaIntegrationTest
class CaseVariablesProtectionIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};
	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	private static final String PROBLEM = "https://zhifa.cn/problems/system-owned-variable";

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;
	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void noLogin() {
		engine.getIdentityService().clearAuthentication();
	}

	// ------------------------------------------------------------------ starts (issue item 1)

	@Test
	void startsForAnotherAgencyAreRefusedOnEveryStartRouteAndNothingStarts() {
		Object before = state();
		Map<String, Object> register = registerForm();
		register.put("agencyCode", value("LIAOKUO"));
		assertRefused(post("officer4", "/engine-rest/process-definition/key/enforcement-case/submit-form",
				Map.of("variables", register)), HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		assertRefused(post("officer4", "/engine-rest/process-definition/key/enforcement-case/start",
				Map.of("variables", register)), HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("enforcement-case").latestVersion().singleResult().getId();
		assertRefused(post("officer4", "/engine-rest/process-definition/" + definitionId + "/start",
				Map.of("variables", register)), HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		assertThat(post("officer4", "/engine-rest/process-definition/key/enforcement-case/tenant-id/LIAOKUO/start",
				Map.of("variables", registerForm())).getStatusCode().is4xxClientError()).isTrue();

		Map<String, Object> review = reviewStartForm("区市监罚〔2026〕X1号");
		review.put("agencyCode", value("LIAOKUO"));
		assertRefused(post("officer4", "/engine-rest/process-definition/key/legal-review/start", Map.of("variables", review)),
				HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		Map<String, Object> disclosure = disclosureStartForm("区市监罚〔2026〕X2号");
		disclosure.put("agencyCode", value("LIAOKUO"));
		assertRefused(post("officer4", "/engine-rest/process-definition/key/disclosure-publication/submit-form",
				Map.of("variables", disclosure)), HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		assertThat(state()).isEqualTo(before);

		// below the REST guard, the engine itself: a user's start belongs to the user's agency
		engine.getIdentityService().setAuthentication("officer4", List.of("officer", "QLSCJ-officer"), List.of("QLSCJ"));
		assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("legal-review")
			.setVariables(Map.of("agencyCode", "LIAOKUO", "caseId", "区市监罚〔2026〕X3号", "decisionType", "PENALTY",
					"majorReasons", "拟吊销许可证", "materials", "处罚决定书（草稿）"))
			.execute()).isInstanceOf(AuthorizationException.class).hasMessage("只能为本机构发起流程");
		engine.getIdentityService().clearAuthentication();
		assertThat(state()).isEqualTo(before);

		// what a user starts without naming an agency is the user's own agency's
		ResponseEntity<Map<String, Object>> own = post("officer4",
				"/engine-rest/process-definition/key/enforcement-case/submit-form", Map.of("variables", registerForm()));
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = own.getBody().get("id").toString();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult().getTenantId())
			.isEqualTo("QLSCJ");
		assertThat(engine.getRuntimeService().getVariable(pid, "agencyCode")).isEqualTo("QLSCJ");
	}

	@Test
	void instancesStartedByAMessageOrASignalBelongToTheUsersAgency() {
		engine.getRepositoryService().createDeployment().name("test-start-events").enableDuplicateFiltering(true)
			.addClasspathResource("models/start-events.bpmn").addClasspathResource("models/test-form.form").deploy();
		long before = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKeyIn("test-message-start", "test-signal-start").count();

		assertRefused(post("officer4", "/engine-rest/message", Map.of("messageName", "test.startByMessage",
				"processVariables", Map.of("agencyCode", value("LIAOKUO")))), HttpStatus.FORBIDDEN, "agencyCode",
				"执法机构（agencyCode）");
		assertRefused(post("officer4", "/engine-rest/signal", Map.of("name", "test.startBySignal", "variables",
				Map.of("agencyCode", value("LIAOKUO")))), HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		engine.getIdentityService().setAuthentication("officer4", List.of("officer", "QLSCJ-officer"), List.of("QLSCJ"));
		assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("test.startByMessage")
			.setVariable("agencyCode", "LIAOKUO").correlateStartMessage()).isInstanceOf(AuthorizationException.class)
			.hasMessage("只能为本机构发起流程");
		assertThatThrownBy(() -> engine.getRuntimeService().createSignalEvent("test.startBySignal")
			.setVariables(Map.of("agencyCode", "LIAOKUO")).send()).isInstanceOf(AuthorizationException.class)
			.hasMessage("只能为本机构发起流程");
		engine.getIdentityService().clearAuthentication();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKeyIn("test-message-start", "test-signal-start").count()).isEqualTo(before);

		assertThat(post("officer4", "/engine-rest/message", Map.of("messageName", "test.startByMessage"))
			.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(post("officer4", "/engine-rest/signal", Map.of("name", "test.startBySignal")).getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKeyIn("test-message-start", "test-signal-start").list())
			.hasSize((int) before + 2).allSatisfy(p -> assertThat(p.getTenantId()).isEqualTo("QLSCJ"));
	}

	@Test
	void anAdministratorMayStartForAnAgencyTheStartFormStillTyped() {
		Map<String, Object> register = registerForm();
		register.put("agencyCode", value("QLSCJ"));
		ResponseEntity<Map<String, Object>> started = post("admin",
				"/engine-rest/process-definition/key/enforcement-case/start", Map.of("variables", register));
		assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
		String pid = started.getBody().get("id").toString();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult()
			.getTenantId()).isEqualTo("QLSCJ");
		assertThat(engine.getRuntimeService().getVariableTyped(pid, "summaryProcedure").getType().getName())
			.isEqualTo("boolean");
		// still the start form only, and no business key
		register.put("caseId", value("区市监罚〔2026〕A1号"));
		assertRefused(post("admin", "/engine-rest/process-definition/key/enforcement-case/start",
				Map.of("variables", register)), HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
	}

	@Test
	void aStartCannotTakeOverAnotherAgencysCaseByBusinessKeyOrCaseNumber() {
		String liaokuoCase = registerCase("officer1");
		Map<String, Object> caseRow = caseRow(liaokuoCase);
		Object before = state();

		Map<String, Object> register = registerForm();
		register.put("caseId", value(liaokuoCase));
		assertRefused(post("officer4", "/engine-rest/process-definition/key/enforcement-case/start",
				Map.of("businessKey", liaokuoCase, "variables", register)), HttpStatus.FORBIDDEN, "businessKey", "业务键");
		assertRefused(post("officer4", "/engine-rest/process-definition/key/enforcement-case/start",
				Map.of("variables", register)), HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertRefused(post("officer4", "/engine-rest/process-definition/key/enforcement-case/submit-form",
				Map.of("variables", register)), HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		// the standalone processes ask for a case number: not another agency's
		ResponseEntity<Map<String, Object>> review = post("officer4",
				"/engine-rest/process-definition/key/legal-review/submit-form",
				Map.of("variables", reviewStartForm(liaokuoCase)));
		assertThat(review.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(review.getBody().toString()).contains(liaokuoCase, "属于其他执法机构");
		ResponseEntity<Map<String, Object>> disclosure = post("officer4",
				"/engine-rest/process-definition/key/disclosure-publication/start",
				Map.of("variables", disclosureStartForm(liaokuoCase)));
		assertThat(disclosure.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(caseRow(liaokuoCase)).isEqualTo(caseRow);
		assertThat(state()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ task completion (issue item 2)

	@Test
	void aHeadCannotPointHisFilingAtAnotherAgencysCaseButFilesHisOwnThroughTheForm() {
		String qlscjCase = registerCase("officer4");
		String liaokuoCase = registerCase("officer1");
		Map<String, Object> qlscjRow = caseRow(qlscjCase);
		Map<String, Object> filing = task("head1", liaokuoCase);
		String taskId = filing.get("id").toString();
		Object before = state();

		Map<String, Object> attack = new LinkedHashMap<>(Map.of("filingDecision", value("FILE"), "handlerId",
				value("officer1"), "caseId", value(qlscjCase)));
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", attack)),
				HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		// the form named as its user sees it, by its heading, not by its id
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", attack)),
				HttpStatus.FORBIDDEN, "caseId", "案号（caseId）由系统设置，不能通过表单“审批立案”设置");
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/resolve", Map.of("variables", attack)),
				HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertRefused(exchange("head1", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/caseId", value(qlscjCase)),
				HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertRefused(exchange("head1", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/localVariables/caseId",
				value(qlscjCase)), HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		// complete is held to the task's form: its fields only, values it allows
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("filingDecision", value("FILE"), "handlerId", value("officer1"), "remark",
						value("x")))), HttpStatus.BAD_REQUEST, "remark", "remark");
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("filingDecision", value("MAYBE")))), HttpStatus.BAD_REQUEST, "filingDecision",
				"请从列表中选择");
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/bpmnError", Map.of("errorCode", "reviewNotPassed")),
				HttpStatus.FORBIDDEN, null, "BPMN 错误");
		assertThat(state()).isEqualTo(before);
		assertThat(caseRow(qlscjCase)).isEqualTo(qlscjRow);
		assertThat(task("head1", liaokuoCase).get("id")).isEqualTo(taskId);

		// the legitimate way: the task's own form fields, stored typed
		assertThat(post("head1", "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("filingDecision", value("FILE"), "handlerId", value("officer1"))))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(caseRow(liaokuoCase)).containsEntry("STAGE", "FILED");
		assertThat(caseRow(qlscjCase)).isEqualTo(qlscjRow);
		String pid = caseRow(liaokuoCase).get("PROCESS_INSTANCE_ID").toString();
		assertThat(engine.getRuntimeService().getVariableTyped(pid, "filingDecision").getType().getName()).isEqualTo("string");
		assertThat(engine.getRuntimeService().getVariable(pid, "caseId")).isEqualTo(liaokuoCase);
	}

	// ------------------------------------------------------------------ the other ways in

	@Test
	void variableRoutesMessagesSignalsModificationAndRestartRefuseTheSystemsVariables() {
		String caseNo = registerCase("officer1");
		String pid = caseRow(caseNo).get("PROCESS_INSTANCE_ID").toString();
		String taskId = task("head1", caseNo).get("id").toString();
		Map<String, Object> variables = engine.getRuntimeService().getVariables(pid);
		Object before = state();

		// an administrator may do everything the engine allows, but not this
		String instance = "/engine-rest/process-instance/" + pid;
		assertRefused(exchange("admin", HttpMethod.PUT, instance + "/variables/caseId", value("区市监罚〔2026〕1号")),
				HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertRefused(exchange("admin", HttpMethod.DELETE, instance + "/variables/agencyCode", null), HttpStatus.FORBIDDEN,
				"agencyCode", "执法机构（agencyCode）");
		assertRefused(post("admin", instance + "/variables",
				Map.of("modifications", Map.of("legalReviewResult", value("PASSED")))), HttpStatus.FORBIDDEN,
				"legalReviewResult", "法制审核结果（legalReviewResult）");
		assertRefused(post("admin", instance + "/variables", Map.of("deletions", List.of("handlerId"))),
				HttpStatus.FORBIDDEN, "handlerId", "承办人（handlerId）");
		assertRefused(exchange("admin", HttpMethod.PUT, "/engine-rest/execution/" + pid + "/localVariables/handlerId",
				value("officer2")), HttpStatus.FORBIDDEN, "handlerId", "承办人（handlerId）");
		assertRefused(post("admin", "/engine-rest/execution/" + pid + "/localVariables",
				Map.of("modifications", Map.of("decisionDueAt", value("2030-01-01T00:00:00.000+0800")))),
				HttpStatus.FORBIDDEN, "decisionDueAt", "作出决定期限");
		assertRefused(post("head1", "/engine-rest/task/" + taskId + "/localVariables",
				Map.of("modifications", Map.of("filingDecision", value("FILE")))), HttpStatus.FORBIDDEN, "filingDecision",
				"立案审批意见（filingDecision）");
		assertRefused(exchange("head1", HttpMethod.DELETE, "/engine-rest/task/" + taskId + "/variables/handlerId", null),
				HttpStatus.FORBIDDEN, "handlerId", "承办人（handlerId）");
		// a form's field belongs to its form, also when the contract does not list it
		assertRefused(exchange("admin", HttpMethod.PUT, instance + "/variables/notFilingReasons", value("x")),
				HttpStatus.FORBIDDEN, "notFilingReasons", "不予立案");
		MultiValueMap<String, Object> file = new LinkedMultiValueMap<>();
		file.add("data", new ByteArrayResource("区市监罚〔2026〕1号".getBytes()) {
			@Override
			public String getFilename() {
				return "caseId.txt";
			}
		});
		file.add("valueType", "Bytes");
		HttpHeaders multipart = new HttpHeaders();
		multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
		assertRefused(as("admin").exchange(instance + "/variables/caseId/data", HttpMethod.POST,
				new HttpEntity<>(file, multipart), MAP), HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");

		assertRefused(post("admin", "/engine-rest/message", Map.of("messageName", "disclosure.decisionRevoked",
				"businessKey", caseNo, "processVariables", Map.of("caseId", value("x"), "revocationKind", value("REVOKED")))),
				HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertRefused(post("admin", "/engine-rest/message", Map.of("messageName", "enforcement.extensionRequested",
				"businessKey", caseNo, "processVariables", Map.of("decisionDueAt", value("2030-01-01T00:00:00.000+0800")))),
				HttpStatus.FORBIDDEN, "decisionDueAt", "作出决定期限");
		assertRefused(post("admin", "/engine-rest/signal", Map.of("name", "any", "variables",
				Map.of("agencyCode", value("QLSCJ")))), HttpStatus.FORBIDDEN, "agencyCode", "执法机构（agencyCode）");
		assertRefused(post("admin", instance + "/modification", Map.of("instructions", List.of(Map.of("type",
				"startBeforeActivity", "activityId", "serviceTask_fileCase", "variables",
				Map.of("filingDecision", Map.of("value", "FILE", "local", false)))))), HttpStatus.FORBIDDEN, "filingDecision",
				"立案审批意见（filingDecision）");
		assertRefused(post("admin", "/engine-rest/process-instance/variables-async", Map.of("processInstanceIds",
				List.of(pid), "variables", Map.of("caseId", value("x")))), HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertRefused(post("admin", "/engine-rest/process-definition/key/enforcement-case/restart",
				Map.of("processInstanceIds", List.of(pid), "initialVariables", true)), HttpStatus.FORBIDDEN, null, "重新启动");
		assertRefused(post("officer1", "/engine-rest/process-definition/key/enforcement-case/start",
				Map.of("variables", registerForm(), "startInstructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", "serviceTask_fileCase")))),
				HttpStatus.FORBIDDEN, "startInstructions", "开始事件");

		assertThat(engine.getRuntimeService().getVariables(pid)).isEqualTo(variables);
		assertThat(state()).isEqualTo(before);

		// what is not the case's may still be noted (Cockpit's "add variable")
		assertThat(exchange("admin", HttpMethod.PUT, instance + "/variables/adminNote", value("已核对"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(engine.getRuntimeService().getVariable(pid, "adminNote")).isEqualTo("已核对");
	}

	@Test
	void tasklistAndCockpitGoThroughTheSameGuardAndTasklistsFormStillWorks() {
		String caseNo = registerCase("officer1");
		String taskId = task("head1", caseNo).get("id").toString();
		String pid = caseRow(caseNo).get("PROCESS_INSTANCE_ID").toString();
		WebappSession head = WebappSession.login(http, "head1", "tasklist");
		String api = "/camunda/api/engine/engine/default";

		ResponseEntity<Map<String, Object>> attack = webapp(head, HttpMethod.POST, api + "/task/" + taskId + "/submit-form",
				Map.of("variables", Map.of("filingDecision", value("FILE"), "handlerId", value("officer1"), "caseId",
						value("区市监罚〔2026〕3号"))));
		assertRefused(attack, HttpStatus.FORBIDDEN, "caseId", "案号（caseId）");
		assertThat(caseRow(caseNo)).containsEntry("STAGE", "REGISTERED");

		WebappSession admin = WebappSession.login(http, "admin", "cockpit");
		assertRefused(webapp(admin, HttpMethod.PUT, api + "/process-instance/" + pid + "/variables/handlerId",
				value("officer2")), HttpStatus.FORBIDDEN, "handlerId", "承办人（handlerId）");
		assertThat(engine.getRuntimeService().getVariable(pid, "handlerId")).isEqualTo("officer1");

		// what Tasklist sends for the task's own form
		ResponseEntity<Map<String, Object>> filed = webapp(head, HttpMethod.POST, api + "/task/" + taskId + "/submit-form",
				Map.of("variables", Map.of("filingDecision", value("FILE"), "handlerId", value("officer1"),
						"notFilingReasons", value(""), "urgent", value(false))));
		assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(caseRow(caseNo)).containsEntry("STAGE", "FILED");
	}

	// ------------------------------------------------------------------ helpers

	private void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String field,
			String detail) {
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> body = response.getBody();
		assertThat(body).isNotNull();
		assertThat(String.valueOf(body.get("detail"))).contains(detail).matches("(?s).*[\\u4e00-\\u9fff].*");
		if (status == HttpStatus.FORBIDDEN) {
			assertThat(body.get("type")).isEqualTo(PROBLEM);
		}
		if (field != null) {
			assertThat(body.get("field")).as("%s", body).isEqualTo(field);
		}
	}

	/** What a refusal must not change: cases, process instances, numbers, record entries. */
	private Object state() {
		return List.of(jdbc.queryForList("SELECT case_no, agency_code, stage, process_instance_id FROM zf_case ORDER BY case_no"),
				jdbc.queryForList("SELECT agency_code, kind, doc_year, last_number FROM zf_document_counter "
						+ "ORDER BY agency_code, kind, doc_year"),
				jdbc.queryForObject("SELECT COUNT(*) FROM zf_record", Long.class),
				engine.getRuntimeService().createProcessInstanceQuery().count(),
				engine.getHistoryService().createHistoricProcessInstanceQuery().count());
	}

	private Map<String, Object> caseRow(String caseNo) {
		return jdbc.queryForMap("SELECT stage, process_instance_id FROM zf_case WHERE case_no = ?", caseNo);
	}

	private String registerCase(String officer) {
		Map<String, Object> c = validCase();
		c.put("agencyCode", officer.equals("officer4") ? "QLSCJ" : "LIAOKUO");
		c.put("discoveredOn", yesterday());
		c.put("violationDate", yesterday());
		ResponseEntity<Map<String, Object>> created = post(officer, "/api/cases", c);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("caseNo").toString();
	}

	private Map<String, Object> task(String user, String caseNo) {
		List<Map<String, Object>> tasks = as(user).exchange("/engine-rest/task?processInstanceBusinessKey=" + caseNo,
				HttpMethod.GET, null, LIST).getBody();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private static Map<String, Object> registerForm() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("caseSource", value("PATROL"));
		form.put("partyType", value("PERSON"));
		form.put("partyName", value("李四"));
		form.put("partyIdNumber", value("530302199001011232"));
		form.put("violationCode", value("CM-OCCUPY-ROAD"));
		form.put("facts", value("在人民路占道经营"));
		form.put("discoveredOn", value(yesterday()));
		form.put("violationDate", value(yesterday()));
		form.put("partyAddress", value("曲靖市麒麟区人民路12号"));
		form.put("violationPlace", value("人民路与南宁西路交叉口"));
		form.put("partyIsOfficial", value(false));
		form.put("summaryProcedure", value(false)); // as Tasklist sends an unticked box
		return form;
	}

	private static Map<String, Object> reviewStartForm(String caseId) {
		return new LinkedHashMap<>(Map.of("caseId", value(caseId), "decisionType", value("PENALTY"), "majorReasons",
				value("拟吊销许可证"), "materials", value("处罚决定书（草稿）")));
	}

	private static Map<String, Object> disclosureStartForm(String caseId) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("caseId", value(caseId));
		form.put("decisionType", value("PENALTY"));
		form.put("decisionDate", value(yesterday()));
		form.put("decisionNumber", value("寥街罚决〔2026〕999号"));
		form.put("partyType", value("ORG"));
		form.put("partyName", value("某副食店"));
		form.put("category", value("行政处罚"));
		form.put("conclusion", value("罚款1000元"));
		form.put("legalBasis", value("《行政处罚法》"));
		return form;
	}

	private static String yesterday() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
	}

	private static Map<String, Object> value(Object v) {
		Map<String, Object> dto = new LinkedHashMap<>();
		dto.put("value", v);
		return dto;
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "demo");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
	}

	/** A request of the webapps (Tasklist, Cockpit) in their browser session. */
	private ResponseEntity<Map<String, Object>> webapp(WebappSession session, HttpMethod method, String path, Object body) {
		return http.exchange(path, method, new HttpEntity<>(body, session.headers()), MAP);
	}

	private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, Object body) {
		return as(user).exchange(path, method, body == null ? null : new HttpEntity<>(body), MAP);
	}
}

package cn.zhifa.modelchange;

import static cn.zhifa.support.ModelChangeSteps.registerCase;
import static cn.zhifa.support.ModelChangeSteps.twentyThousandIsMajor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ModelChangeSteps;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 14 §6: a model change is itself a reviewed process — submit → the guard on the complete set →
 * a Chinese diff → approval by the agency head → the effective date → deployed by the system, new cases
 * and the portal use it → rollback restores the previous version; a returned change; a refused change;
 * who may do what; a legal office's Modeler deploy becomes a change.
 */
@ZhifaIntegrationTest
class ModelChangeIT extends EngineTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};
	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	private static final String CATALOGUE = "major-decision-catalogue";
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	TestRestTemplate http;
	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	static String catalogue() throws Exception {
		return Files.readString(Path.of("dmn/" + CATALOGUE + ".dmn"));
	}

	/** The catalogue with the personal fine threshold raised from 10,000 to 1,000,000. */
	static String raisedCatalogue() throws Exception {
		String changed = catalogue().replace("<text>&gt;= 10000</text>", "<text>&gt;= 1000000</text>");
		assertThat(changed).isNotEqualTo(catalogue());
		return changed;
	}

	ResponseEntity<Map<String, Object>> submit(String user, String target, LocalDate effective, Map<String, String> files) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("name", "调整重大执法决定目录：个人罚款标准");
		form.add("reason", "根据本局执法实际，个人罚款重大标准调整为一百万元（测试）");
		if (target != null) {
			form.add("target", target);
		}
		if (effective != null) {
			form.add("effectiveDate", effective.toString());
		}
		Fixtures.addTextFiles(form, "files", files);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, "demo").exchange("/api/models/changes", HttpMethod.POST, new HttpEntity<>(form, headers), MAP);
	}

	ResponseEntity<Map<String, Object>> get(String user, String changeNo) {
		return http.withBasicAuth(user, "demo").exchange("/api/models/changes/" + changeNo, HttpMethod.GET, null, MAP);
	}

	static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
	}

	@SuppressWarnings("unchecked")
	static List<String> recordKinds(Map<String, Object> change) {
		return ((List<Map<String, Object>>) change.get("record")).stream().map(e -> (String) e.get("kind")).toList();
	}

	String publicCatalogue(String agency) {
		return http.getForObject("/public/api/rules/" + CATALOGUE + (agency == null ? "" : "?agency=" + agency), String.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anApprovedChangeTakesEffectAtItsDateAndRollsBack() throws Exception {
		LocalDate effective = today().plusDays(3);
		ResponseEntity<Map<String, Object>> submitted = submit("reviewer2", "QLSCJ", effective,
				Map.of("dmn/" + CATALOGUE + ".dmn", raisedCatalogue()));
		assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
		String changeNo = (String) submitted.getBody().get("changeNo");
		List<String> deployments = new java.util.ArrayList<>();
		try {
			assertThat(changeNo).matches("MC-\\d{4}-\\d{4}");
			assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED").containsEntry("target", "QLSCJ");
			// a readable diff: which rule of which table, from what to what
			List<String> diff = (List<String>) submitted.getBody().get("diff");
			assertThat(String.join("\n", diff)).contains("修改文件 dmn/major-decision-catalogue.dmn", "修改规则", "&gt;= 10000".replace("&gt;", ">"),
					">= 1000000");

			// who sees it: the head and a supervisor read; another agency's people do not; an officer may not
			assertThat(get("head2", changeNo).getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(get("supervisor1", changeNo).getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(get("reviewer1", changeNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(get("head1", changeNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(get("officer4", changeNo).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(http.withBasicAuth("supervisor1", "demo").exchange("/api/models/changes/" + changeNo + "/rollback",
					HttpMethod.POST, null, MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			ResponseEntity<List<Map<String, Object>>> listed = http.withBasicAuth("reviewer1", "demo").exchange("/api/models/changes",
					HttpMethod.GET, null, LIST);
			assertThat(listed.getBody()).noneMatch(c -> changeNo.equals(c.get("changeNo")));

			// the approval: QLSCJ's head, in Tasklist, sees the diff in the form's variables
			var task = ModelChangeSteps.approvalTask(engine, changeNo);
			assertThat(task.getName()).isEqualTo("主要负责人审批模型变更");
			assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("QLSCJ-head").count()).isOne();
			assertThat((String) engine.getTaskService().getVariable(task.getId(), "diffText")).contains(">= 1000000");
			ModelChangeSteps.approve(http, engine, "head2", changeNo);
			assertThat(ModelChangeSteps.change(http, "reviewer2", changeNo)).containsEntry("status", "APPROVED");

			// before the effective date nothing changes
			assertThat(ModelChangeSteps.runDueJobs(engine, changeNo)).isZero();
			assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(CATALOGUE)
				.tenantIdIn("QLSCJ").count()).isZero();

			// on the effective date the system deploys it into QLSCJ's tenant
			clockAt(Date.from(effective.atStartOfDay(CHINA).plusHours(1).toInstant()));
			assertThat(ModelChangeSteps.runDueJobs(engine, changeNo)).isEqualTo(2); // timer, then the deployment
			Map<String, Object> deployed = ModelChangeSteps.change(http, "reviewer2", changeNo);
			assertThat(deployed).containsEntry("status", "DEPLOYED");
			String deployment = (String) deployed.get("deploymentId");
			deployments.add(deployment);
			assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).singleResult().getTenantId())
				.isEqualTo("QLSCJ");
			assertThat(recordKinds(deployed)).containsSubsequence("MODEL_CHANGE_SUBMITTED", "MODEL_CHANGE_APPROVED",
					"MODEL_CHANGE_DEPLOYED");

			// a new QLSCJ case runs it; LIAOKUO keeps the shared rules
			ProcessInstance qlscj = registerCase(http, engine, "officer4", "QLSCJ");
			assertThat(engine.getRepositoryService().getProcessDefinition(qlscj.getProcessDefinitionId()).getDeploymentId())
				.isEqualTo(deployment);
			assertThat(twentyThousandIsMajor(engine, qlscj.getProcessDefinitionId(), "QLSCJ")).isFalse();
			ProcessInstance liaokuo = registerCase(http, engine, "officer1", "LIAOKUO");
			assertThat(twentyThousandIsMajor(engine, liaokuo.getProcessDefinitionId(), "LIAOKUO")).isTrue();

			// the portal publishes QLSCJ's catalogue; the shared one is unchanged
			assertThat(publicCatalogue("QLSCJ")).contains(">= 1000000");
			assertThat(publicCatalogue(null)).doesNotContain(">= 1000000").contains(">= 10000");
			assertThat(http.getForObject("/public/rules/" + CATALOGUE, String.class)).contains("?agency=QLSCJ");
			assertThat(http.getForObject("/public/procedures/enforcement-case?agency=QLSCJ", String.class)).contains("本单位版本");
			assertThat(http.getForObject("/public/procedures", String.class)).doesNotContain("模型变更审批");

			// rollback (a day later): one action, through the process, deployed by the system, recorded on both changes
			clockAt(Date.from(effective.atStartOfDay(CHINA).plusDays(1).plusHours(9).toInstant()));
			ResponseEntity<Map<String, Object>> rollback = http.withBasicAuth("reviewer2", "demo")
				.exchange("/api/models/changes/" + changeNo + "/rollback", HttpMethod.POST, null, MAP);
			assertThat(rollback.getStatusCode()).as("%s", rollback.getBody()).isEqualTo(HttpStatus.CREATED);
			String rollbackNo = (String) rollback.getBody().get("changeNo");
			assertThat(rollback.getBody()).containsEntry("kind", "ROLLBACK");
			assertThat(String.join("\n", (List<String>) rollback.getBody().get("diff"))).contains(">= 10000");
			assertThat(ModelChangeSteps.runDueJobs(engine, rollbackNo)).isEqualTo(1);
			Map<String, Object> rolledBack = ModelChangeSteps.change(http, "reviewer2", rollbackNo);
			assertThat(rolledBack).containsEntry("status", "DEPLOYED");
			deployments.add((String) rolledBack.get("deploymentId"));
			assertThat(recordKinds(rolledBack)).contains("MODEL_CHANGE_SUBMITTED", "MODEL_CHANGE_ROLLED_BACK");
			assertThat(recordKinds(ModelChangeSteps.change(http, "reviewer2", changeNo))).contains("MODEL_CHANGE_ROLLED_BACK");
			ProcessInstance after = registerCase(http, engine, "officer4", "QLSCJ");
			assertThat(twentyThousandIsMajor(engine, after.getProcessDefinitionId(), "QLSCJ")).isTrue();
			assertThat(publicCatalogue("QLSCJ")).doesNotContain(">= 1000000");
			// the running case of the change keeps its version
			assertThat(twentyThousandIsMajor(engine, qlscj.getProcessDefinitionId(), "QLSCJ")).isFalse();

			// the versions of QLSCJ that can be restored, the current one marked
			ResponseEntity<List<Map<String, Object>>> versions = http.withBasicAuth("reviewer2", "demo")
				.exchange("/api/models/versions?target=QLSCJ", HttpMethod.GET, null, LIST);
			assertThat(versions.getBody()).extracting(v -> v.get("deploymentId")).containsSubsequence(deployments.get(1),
					deployments.get(0));
			assertThat(versions.getBody().get(0)).containsEntry("current", true).containsEntry("changeNo", rollbackNo);
		}
		finally {
			deployments.forEach(d -> engine.getRepositoryService().deleteDeployment(d, true));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSharedChangeIsApprovedByTheJusticeBureauAndPublishedForEveryAgency() throws Exception {
		ResponseEntity<Map<String, Object>> submitted = submit("admin", "SHARED", today(),
				Map.of("dmn/" + CATALOGUE + ".dmn", raisedCatalogue()));
		assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
		String changeNo = (String) submitted.getBody().get("changeNo");
		List<String> deployments = new java.util.ArrayList<>();
		try {
			assertThat(ModelChangeSteps.approvalTask(engine, changeNo).getTenantId()).isNull();
			ModelChangeSteps.approve(http, engine, "bureau1", changeNo);
			assertThat(ModelChangeSteps.runDueJobs(engine, changeNo)).isEqualTo(2);
			Map<String, Object> deployed = ModelChangeSteps.change(http, "admin", changeNo);
			assertThat(deployed).containsEntry("status", "DEPLOYED").containsEntry("decidedBy", "bureau1");
			deployments.add((String) deployed.get("deploymentId"));
			assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployments.get(0)).singleResult()
				.getTenantId()).isNull();
			// every agency without its own version runs it, and the portal publishes it
			ProcessInstance liaokuo = registerCase(http, engine, "officer1", "LIAOKUO");
			assertThat(engine.getRepositoryService().getProcessDefinition(liaokuo.getProcessDefinitionId()).getDeploymentId())
				.isEqualTo(deployments.get(0));
			assertThat(twentyThousandIsMajor(engine, liaokuo.getProcessDefinitionId(), "LIAOKUO")).isFalse();
			assertThat(publicCatalogue(null)).contains(">= 1000000");
			// the supervisor reads it; a legal office of an agency does not see shared changes as its own
			assertThat(get("supervisor1", changeNo).getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(get("reviewer1", changeNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

			// a legal office cannot roll back the county-wide models; the justice bureau can
			assertThat(http.withBasicAuth("reviewer1", "demo").exchange("/api/models/changes/" + changeNo + "/rollback",
					HttpMethod.POST, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			clockAt(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)));
			ResponseEntity<Map<String, Object>> rollback = http.withBasicAuth("admin", "demo").exchange("/api/models/rollback",
					HttpMethod.POST, new HttpEntity<>(Map.of("deploymentId", deployed.get("baseDeploymentId"))), MAP);
			assertThat(rollback.getStatusCode()).as("%s", rollback.getBody()).isEqualTo(HttpStatus.CREATED);
			String rollbackNo = (String) rollback.getBody().get("changeNo");
			assertThat(ModelChangeSteps.runDueJobs(engine, rollbackNo)).isEqualTo(1);
			deployments.add((String) ModelChangeSteps.change(http, "admin", rollbackNo).get("deploymentId"));
			assertThat(publicCatalogue(null)).doesNotContain(">= 1000000");
			ProcessInstance after = registerCase(http, engine, "officer1", "LIAOKUO");
			assertThat(twentyThousandIsMajor(engine, after.getProcessDefinitionId(), "LIAOKUO")).isTrue();
		}
		finally {
			deployments.forEach(d -> engine.getRepositoryService().deleteDeployment(d, true));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void twoApprovedChangesOfOneAgencyDoNotUndoEachOther() throws Exception {
		String formFile = "forms/review-disagreement-head-ruling.form";
		String form = Files.readString(Path.of(formFile));
		String changedForm = form.replace("\"label\": \"裁决理由\"", "\"label\": \"裁决理由及依据\"");
		assertThat(changedForm).isNotEqualTo(form);
		String first = (String) submit("reviewer2", "QLSCJ", today(), Map.of("dmn/" + CATALOGUE + ".dmn", raisedCatalogue()))
			.getBody().get("changeNo");
		String second = (String) submit("reviewer2", "QLSCJ", today(), Map.of(formFile, changedForm)).getBody().get("changeNo");
		assertThat(String.join("\n", (List<String>) ModelChangeSteps.change(http, "reviewer2", second).get("diff")))
			.contains("名称由“裁决理由”改为“裁决理由及依据”");
		List<String> deployments = new java.util.ArrayList<>();
		try {
			ModelChangeSteps.approve(http, engine, "head2", first);
			ModelChangeSteps.approve(http, engine, "head2", second);
			ModelChangeSteps.runDueJobs(engine, first);
			deployments.add((String) ModelChangeSteps.change(http, "reviewer2", first).get("deploymentId"));
			clockAt(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)));
			ModelChangeSteps.runDueJobs(engine, second);
			String last = (String) ModelChangeSteps.change(http, "reviewer2", second).get("deploymentId");
			deployments.add(last);
			// the second was diffed against the set before the first, but deployed on top of it: both hold
			String catalogue = new String(engine.getRepositoryService().getResourceAsStream(last, "dmn/" + CATALOGUE + ".dmn")
				.readAllBytes(), StandardCharsets.UTF_8);
			String shownForm = new String(engine.getRepositoryService().getResourceAsStream(last, formFile).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(catalogue).contains("&gt;= 1000000");
			assertThat(shownForm).contains("裁决理由及依据");
		}
		finally {
			deployments.forEach(d -> engine.getRepositoryService().deleteDeployment(d, true));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSetTheGuardRefusesAtTheEffectiveDateIsNotDeployed() throws Exception {
		String changeNo = (String) submit("reviewer2", "QLSCJ", today(), Map.of("dmn/" + CATALOGUE + ".dmn", raisedCatalogue()))
			.getBody().get("changeNo");
		ModelChangeSteps.approve(http, engine, "head2", changeNo);
		// what was approved no longer passes the guard when it is deployed (as when data it relies on changed since)
		jdbc.update("UPDATE zf_model_change_file SET content = ? WHERE change_no = ?",
				catalogue().replaceFirst("&gt;= 10000<", "&gt;= (10000<").getBytes(StandardCharsets.UTF_8), changeNo);
		long deployments = engine.getRepositoryService().createDeploymentQuery().count();
		assertThat(ModelChangeSteps.runDueJobs(engine, changeNo)).isEqualTo(2);
		Map<String, Object> failed = ModelChangeSteps.change(http, "reviewer2", changeNo);
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("statusLabel", "未能生效");
		assertThat((List<Map<String, Object>>) failed.get("problems")).singleElement()
			.satisfies(p -> assertThat(p.get("element")).isEqualTo("inputEntry_largeAmountPerson_12"));
		assertThat(recordKinds(failed)).contains("MODEL_CHANGE_APPROVED", "MODEL_CHANGE_FAILED");
		assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
			.processInstanceId((String) failed.get("processInstanceId")).activityId("endEvent_failed").count()).isOne();
	}

	@Test
	void aReturnedChangeEndsWithoutDeploying() throws Exception {
		long before = engine.getRepositoryService().createDeploymentQuery().count();
		ResponseEntity<Map<String, Object>> submitted = submit("reviewer2", null, today(),
				Map.of(CATALOGUE + ".dmn", raisedCatalogue())); // Modeler-style name; target defaults to the own agency
		assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
		String changeNo = (String) submitted.getBody().get("changeNo");
		assertThat(submitted.getBody()).containsEntry("target", "QLSCJ");
		// the submitter is not a candidate; a return needs a reason
		assertThat(ModelChangeSteps.decide(http, engine, "reviewer2", changeNo, "APPROVE", "自己批准").getStatusCode().is2xxSuccessful())
			.isFalse();
		assertThat(ModelChangeSteps.decide(http, engine, "head2", changeNo, "RETURN", "").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ModelChangeSteps.decide(http, engine, "head2", changeNo, "RETURN", "理由不充分，请补充执法统计数据").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> returned = ModelChangeSteps.change(http, "reviewer2", changeNo);
		assertThat(returned).containsEntry("status", "RETURNED").containsEntry("decidedBy", "head2")
			.containsEntry("opinion", "理由不充分，请补充执法统计数据");
		assertThat(recordKinds(returned)).containsSubsequence("MODEL_CHANGE_SUBMITTED", "MODEL_CHANGE_RETURNED");
		assertThat(ModelChangeSteps.approvalTask(engine, changeNo)).isNull();
		assertThat(ModelChangeSteps.runDueJobs(engine, changeNo)).isZero();
		assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aChangeTheGuardRefusesIsNotStarted() throws Exception {
		long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("model-change").count();
		ResponseEntity<Map<String, Object>> refused = submit("reviewer2", "QLSCJ", today(),
				Map.of("dmn/" + CATALOGUE + ".dmn", catalogue().replaceFirst("&gt;= 10000<", "&gt;= (10000<")));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("detail")).startsWith("模型未部署，发现 1 个问题");
		assertThat((List<Map<String, Object>>) refused.getBody().get("problems")).singleElement().satisfies(p -> {
			assertThat(p.get("file")).isEqualTo("dmn/" + CATALOGUE + ".dmn");
			assertThat(p.get("element")).isEqualTo("inputEntry_largeAmountPerson_12");
		});
		// nothing changed is not a change; the effective date is not in the past; files are needed
		assertThat(submit("reviewer2", "QLSCJ", today(), Map.of("dmn/" + CATALOGUE + ".dmn", catalogue())).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map<String, Object>> past = submit("reviewer2", "QLSCJ", today().minusDays(1),
				Map.of("dmn/" + CATALOGUE + ".dmn", raisedCatalogue()));
		assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) past.getBody().get("detail")).contains("生效日期");
		assertThat(submit("reviewer2", "QLSCJ", today(), Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		// the approval process itself is the justice bureau's: an agency cannot change how its changes are approved
		String approval = Files.readString(Path.of("processes/model-change.bpmn")).replace("name=\"主要负责人审批模型变更\"",
				"name=\"自行批准\"");
		ResponseEntity<Map<String, Object>> own = submit("reviewer2", "QLSCJ", today(), Map.of("processes/model-change.bpmn", approval));
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) own.getBody().get("detail")).contains("司法局统一维护");
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("model-change").count())
			.isEqualTo(instances);
	}

	@Test
	void onlyALegalOfficeForItsOwnAgencyOrTheJusticeBureauForSharedModels() throws Exception {
		Map<String, String> files = Map.of("dmn/" + CATALOGUE + ".dmn", raisedCatalogue());
		assertThat(submit("officer4", "QLSCJ", today(), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(submit("head2", "QLSCJ", today(), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(submit("supervisor1", "QLSCJ", today(), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> foreign = submit("reviewer2", "LIAOKUO", today(), files);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) foreign.getBody().get("detail")).contains("其他单位");
		ResponseEntity<Map<String, Object>> shared = submit("reviewer2", "SHARED", today(), files);
		assertThat(shared.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) shared.getBody().get("detail")).contains("司法局");
		assertThat(http.withBasicAuth("officer1", "demo").exchange("/api/models/changes", HttpMethod.GET, null, MAP).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// a shared change: submitted by the justice bureau's administrator, approved by its legal office, never by the submitter
		ResponseEntity<Map<String, Object>> bureau = submit("admin", "SHARED", today().plusDays(1), files);
		assertThat(bureau.getStatusCode()).as("%s", bureau.getBody()).isEqualTo(HttpStatus.CREATED);
		String changeNo = (String) bureau.getBody().get("changeNo");
		assertThat(bureau.getBody()).containsEntry("target", "SHARED");
		var task = ModelChangeSteps.approvalTask(engine, changeNo);
		assertThat(task.getName()).isEqualTo("司法局审批模型变更");
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("justice-bureau").count()).isOne();
		ResponseEntity<Map<String, Object>> self = ModelChangeSteps.decide(http, engine, "admin", changeNo, "APPROVE", "同意");
		assertThat(self.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) self.getBody().get("detail")).contains("提交人不能审批");
		assertThat(ModelChangeSteps.decide(http, engine, "head2", changeNo, "APPROVE", "同意").getStatusCode().is2xxSuccessful())
			.isFalse();
		assertThat(ModelChangeSteps.decide(http, engine, "bureau1", changeNo, "RETURN", "全县统一调整需先征求各单位意见").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(ModelChangeSteps.change(http, "admin", changeNo)).containsEntry("status", "RETURNED");
		// the agencies' legal offices do not see the shared changes list entry as their own; supervisors do
		assertThat(get("supervisor1", changeNo).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aLegalOfficesModelerDeployBecomesAChange() throws Exception {
		long deployments = engine.getRepositoryService().createDeploymentQuery().count();
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", "市场监管局目录调整");
		form.add("deployment-source", "Camunda Modeler");
		form.add("tenant-id", "QLSCJ");
		HttpHeaders part = new HttpHeaders();
		part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		form.add(CATALOGUE + ".dmn", new HttpEntity<>(new ByteArrayResource(raisedCatalogue().getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return CATALOGUE + ".dmn";
			}
		}, part));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<Map<String, Object>> response = http.withBasicAuth("reviewer2", "demo")
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers), MAP);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		String changeNo = (String) response.getBody().get("changeNo");
		assertThat((String) response.getBody().get("message")).startsWith("未直接部署：已作为模型变更 " + changeNo + " 提交");
		assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
		Map<String, Object> change = ModelChangeSteps.change(http, "reviewer2", changeNo);
		assertThat(change).containsEntry("source", "MODELER").containsEntry("name", "市场监管局目录调整")
			.containsEntry("effectiveDate", today().toString());
		assertThat((List<String>) change.get("files")).containsExactly(CATALOGUE + ".dmn");
		ModelChangeSteps.decide(http, engine, "head2", changeNo, "RETURN", "测试完毕，退回");
		// redeploying an earlier deployment is a rollback: not directly, for a legal office
		String earlier = engine.getRepositoryService().createDeploymentQuery().withoutTenantId().list().get(0).getId();
		ResponseEntity<Map<String, Object>> redeploy = http.withBasicAuth("reviewer2", "demo").exchange(
				"/engine-rest/deployment/" + earlier + "/redeploy", HttpMethod.POST, new HttpEntity<>(Map.of(), Json.HEADERS),
				MAP);
		assertThat(redeploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) redeploy.getBody().get("detail")).contains("模型回退");
		assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
	}

	static final class Json {
		static final HttpHeaders HEADERS = new HttpHeaders();
		static {
			HEADERS.setContentType(MediaType.APPLICATION_JSON);
		}
	}
}

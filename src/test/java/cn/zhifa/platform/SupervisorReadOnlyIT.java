package cn.zhifa.platform;

import static cn.zhifa.support.Fixtures.validCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.Routes;
import cn.zhifa.support.WebappSession;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13 §3: supervisor1 (司法局 执法监督) reads every agency and writes nothing — one rule for every
 * route: each write route of {@code /api} (enumerated from the running application, so a new route is
 * covered), the engine's REST API and the webapps' API answer 403 in Chinese and store nothing; reads,
 * the engine's POST queries and logging in still work. Reading a case through Cockpit or
 * {@code /engine-rest} is a retrieval, recorded once an hour with its purpose (R-REC-5).
 */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisorReadOnlyIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	RecordService records;
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String caseNo;
	String processInstanceId;

	@BeforeAll
	void registerALiaokuoCase() {
		ResponseEntity<Map<String, Object>> created = http.withBasicAuth("officer1", "demo").exchange("/api/cases",
				HttpMethod.POST, new HttpEntity<>(validCase()), MAP);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		caseNo = created.getBody().get("caseNo").toString();
		processInstanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getId();
	}

	@Test
	void everyWriteRouteOfTheApiRefusesASupervisorAndStoresNothing() {
		List<String> routes = new ArrayList<>();
		for (Routes.Route route : Routes.writes(mappings, "/api/")) {
			routes.add(route.toString());
			if (route.personal()) {
				// marking one's own notifications read: allowed, stores no enforcement data
				String path = route.path(v -> "1");
				assertThat(EngineRequests.PERSONAL.matcher(path).matches()).as("%s is personal for the guard", route).isTrue();
				Map<String, Long> before = rowCounts();
				ResponseEntity<Map<String, Object>> allowed = http.withBasicAuth("supervisor1", "demo").exchange(path,
						route.method(), jsonBody(), MAP);
				assertThat(allowed.getStatusCode().value()).as(route.toString()).isIn(200, 404);
				assertThat(rowCounts()).as("nothing stored by %s", route).isEqualTo(before);
				continue;
			}
			String path = route.path(v -> switch (v) {
				case "caseNo" -> caseNo;
				case "processInstanceId" -> processInstanceId;
				default -> "x";
			});
			Map<String, Long> before = rowCounts();
			ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("supervisor1", "demo").exchange(path,
					route.method(), route.multipart() ? multipartBody() : jsonBody(), MAP);
			assertRefused(refused, route.toString());
			assertThat(rowCounts()).as("nothing stored by %s", route).isEqualTo(before);
		}
		// the routes the issue found open, and the rest of today's write routes
		assertThat(routes).contains("POST /api/cases", "POST /api/cases/{caseNo}/evidence",
				"POST /api/records/{caseNo}/evidence", "POST /api/cases/{caseNo}/deadline-extension",
				"POST /api/cases/{caseNo}/hearing-request", "POST /api/records/{caseNo}/interference",
				"POST /api/calendar/reload", "POST /api/disclosure/redaction-rules/reload",
				"POST /api/transfers/{transferId}/police-decision");
	}

	@Test
	void theWritesTheIssueFoundAreRefusedWithValidInput() {
		Map<String, Long> before = rowCounts();
		int recordBefore = records.list(caseNo).size();
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		assertRefused(supervisor().exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(validCase(), json), MAP),
				"register a LIAOKUO case");
		assertRefused(supervisor().exchange("/api/cases/" + caseNo + "/evidence", HttpMethod.POST,
				new HttpEntity<>(evidence(), json), MAP), "add evidence");
		assertRefused(supervisor().exchange("/api/records/" + caseNo + "/evidence", HttpMethod.POST, avUpload(), MAP),
				"upload AV evidence");
		assertRefused(supervisor().exchange("/api/cases/" + caseNo + "/deadline-extension", HttpMethod.POST,
				new HttpEntity<>(Map.of("reason", "案情复杂，需要补充调查"), json), MAP), "extend the deadline");
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(records.list(caseNo)).hasSize(recordBefore);

		// the same requests are fine for the case's own officer: the rule is about supervisors
		assertThat(http.withBasicAuth("officer1", "demo").exchange("/api/cases/" + caseNo + "/evidence", HttpMethod.POST,
				new HttpEntity<>(evidence(), json), MAP).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void theEngineAndTheWebappsRefuseASupervisorsWritesButNotHisQueries() {
		Map<String, Long> before = rowCounts();
		String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
		Map<String, Object> start = Map.of("variables", Map.of("agencyCode", Map.of("value", "LIAOKUO")));
		assertRefused(supervisor().exchange("/engine-rest/process-definition/key/enforcement-case/start", HttpMethod.POST,
				new HttpEntity<>(start), MAP), "start");
		assertRefused(supervisor().exchange("/engine-rest/engine/default/task/" + task + "/complete", HttpMethod.POST,
				new HttpEntity<>(Map.of()), MAP), "complete a task");
		assertRefused(supervisor().exchange("/engine-rest/task/" + task + "/claim", HttpMethod.POST,
				new HttpEntity<>(Map.of("userId", "supervisor1")), MAP), "claim");
		assertRefused(supervisor().exchange("/engine-rest/process-instance/" + processInstanceId + "/variables/caseId",
				HttpMethod.PUT, new HttpEntity<>(Map.of("value", "x", "type", "String")), MAP), "overwrite a variable");
		assertRefused(supervisor().exchange("/engine-rest/process-instance/" + processInstanceId, HttpMethod.DELETE, null,
				MAP), "delete the instance");
		assertRefused(supervisor().exchange("/engine-rest/message", HttpMethod.POST,
				new HttpEntity<>(Map.of("messageName", "enforcement.extensionRequested", "businessKey", caseNo)), MAP),
				"correlate a message");
		assertRefused(supervisor().exchange("/engine-rest/deployment/create", HttpMethod.POST, deployment(), MAP), "deploy");
		// an encoded path is the same route
		assertRefused(supervisor().exchange(java.net.URI.create(http.getRootUri() + "/engine-rest/%74ask/" + task + "/complete"),
				HttpMethod.POST, new HttpEntity<>(Map.of()), MAP), "complete, encoded path");

		WebappSession cockpit = WebappSession.login(http, "supervisor1", "cockpit");
		assertRefused(cockpit.exchange(http, HttpMethod.PUT,
				"/camunda/api/engine/engine/default/process-instance/" + processInstanceId + "/variables/caseId",
				Map.of("value", "x", "type", "String"), Map.class), "overwrite a variable in Cockpit");
		assertRefused(cockpit.exchange(http, HttpMethod.PUT,
				"/camunda/api/engine/engine/default/process-instance/" + processInstanceId + "/suspended", Map.of(
						"suspended", true), Map.class), "suspend in Cockpit");
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).active()
			.count()).isOne();

		// reads, including the engine's and Cockpit's POST queries, still work
		assertThat(supervisor().exchange("/engine-rest/process-instance", HttpMethod.POST,
				new HttpEntity<>(Map.of("businessKey", caseNo)), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(supervisor().exchange("/engine-rest/task/count", HttpMethod.POST, new HttpEntity<>(Map.of()),
				String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cockpit.exchange(http, HttpMethod.POST, "/camunda/api/cockpit/plugin/base/default/process-instance/count",
				Map.of("processDefinitionId", engine.getRuntimeService().createProcessInstanceQuery()
					.processInstanceId(processInstanceId).singleResult().getProcessDefinitionId()), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cockpit.exchange(http, HttpMethod.GET, "/camunda/api/engine/engine/default/process-definition/count",
				null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
				new HttpEntity<>(null, cockpit.headers()), String.class).getStatusCode().is2xxSuccessful()).isTrue();
	}

	@Test
	void openingACaseInCockpitIsARecordedRetrievalOnceAnHour() {
		String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
			.singleResult().getProcessDefinitionId();
		int before = retrievals().size();

		// what Cockpit requests when the supervisor opens the instance, twice
		WebappSession cockpit = WebappSession.login(http, "supervisor1", "cockpit");
		for (int i = 0; i < 2; i++) {
			assertThat(cockpit.exchange(http, HttpMethod.GET,
					"/camunda/api/engine/engine/default/process-instance/" + processInstanceId, null, String.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
			ResponseEntity<String> variables = cockpit.exchange(http, HttpMethod.POST,
					"/camunda/api/engine/engine/default/variable-instance?firstResult=0&maxResults=50&deserializeValues=false",
					Map.of("processInstanceIdIn", List.of(processInstanceId), "sorting",
							List.of(Map.of("sortBy", "variableName", "sortOrder", "asc"))),
					String.class);
			assertThat(variables.getStatusCode()).as(variables.getBody()).isEqualTo(HttpStatus.OK);
			assertThat(variables.getBody()).contains("partyName", "张三");
		}
		List<RecordEntry> recorded = retrievals();
		assertThat(recorded).hasSize(before + 1);
		assertThat(recorded.get(before).actor()).isEqualTo("supervisor1");
		assertThat(recorded.get(before).agencyCode()).isEqualTo("LIAOKUO");
		assertThat(recorded.get(before).dataMap()).containsEntry("purpose", "执法监督（流程监控查看）").containsEntry("channel", "cockpit");

		// through /engine-rest with a stated purpose (percent-encoded UTF-8 in the header): recorded as such
		HttpHeaders purpose = new HttpHeaders();
		purpose.set("X-Zhifa-Purpose", URLEncoder.encode("案卷评查", StandardCharsets.UTF_8));
		assertThat(supervisor().exchange("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
				HttpMethod.GET, new HttpEntity<>(purpose), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(supervisor().exchange("/engine-rest/process-instance/" + processInstanceId + "/variables",
				HttpMethod.GET, new HttpEntity<>(purpose), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		recorded = retrievals();
		assertThat(recorded).hasSize(before + 2);
		assertThat(recorded.get(before + 1).dataMap()).containsEntry("purpose", "案卷评查").containsEntry("channel", "engine-rest");

		// a variable query over all cases would be an unrecorded retrieval: the supervisor names the instances
		ResponseEntity<Map<String, Object>> unnamed = supervisor().exchange("/engine-rest/variable-instance",
				HttpMethod.POST, new HttpEntity<>(Map.of("variableName", "partyName")), MAP);
		assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unnamed.getBody().get("detail").toString()).contains("须指明流程实例");
		assertThat(supervisor().exchange("/engine-rest/history/variable-instance?variableName=partyName", HttpMethod.GET,
				null, String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		// the case's own staff read without a retrieval entry; so does a list of instances
		assertThat(http.withBasicAuth("head1", "demo").getForEntity("/engine-rest/process-instance/" + processInstanceId
				+ "/variables", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(supervisor().getForEntity("/engine-rest/process-instance?processDefinitionId=" + definition,
				String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retrievals()).hasSize(before + 2);
	}

	@Test
	void readingTheCaseThroughTheApiNeedsAPurposeAndIsRecorded() {
		int before = retrievals().size();
		ResponseEntity<Map<String, Object>> withoutPurpose = supervisor().exchange("/api/cases/" + caseNo, HttpMethod.GET,
				null, MAP);
		assertThat(withoutPurpose.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(withoutPurpose.getBody().get("detail").toString()).contains("调阅目的");
		assertThat(retrievals()).hasSize(before);
		assertThat(supervisor().exchange("/api/cases/" + caseNo + "?purpose=案卷评查", HttpMethod.GET, null, MAP)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<RecordEntry> recorded = retrievals();
		assertThat(recorded).hasSize(before + 1);
		assertThat(recorded.get(before).dataMap()).containsEntry("purpose", "案卷评查").containsEntry("retrieved", "case");
		// the case's own officer: no purpose, no entry
		assertThat(http.withBasicAuth("officer1", "demo").exchange("/api/cases/" + caseNo, HttpMethod.GET, null, MAP)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retrievals()).hasSize(before + 1);
	}

	private List<RecordEntry> retrievals() {
		return records.list(caseNo).stream().filter(e -> e.kind().equals("RETRIEVAL")).toList();
	}

	private TestRestTemplate supervisor() {
		return http.withBasicAuth("supervisor1", "demo");
	}

	private static void assertRefused(ResponseEntity<? extends Map> response, String what) {
		assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getHeaders().getContentType().toString()).as(what).startsWith("application/problem+json");
		assertThat(String.valueOf(response.getBody().get("detail"))).as(what).isEqualTo("执法监督人员只能查阅，不能新增、修改或删除数据");
	}

	/** Rows of the tables a write would touch: our cases, evidence, files and record, the engine's instances, variables, deployments. */
	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("zf_case", "zf_evidence", "zf_av_file", "zf_record", "zf_document", "ACT_HI_PROCINST",
				"ACT_RU_VARIABLE", "ACT_HI_DETAIL", "ACT_RE_DEPLOYMENT", "ACT_RU_TASK", "ACT_HI_OP_LOG")) {
			counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		return counts;
	}

	private static HttpEntity<Object> jsonBody() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(Map.of("reason", "x"), headers);
	}

	private static HttpEntity<Object> multipartBody() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", Fixtures.filePart("x.bin", "x".getBytes(), "application/octet-stream"));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	private static HttpEntity<Object> avUpload() {
		byte[] video = new byte[4096];
		System.arraycopy(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' }, 0, video, 0, 12);
		MultiValueMap<String, Object> form = Fixtures.avUploadForm(video);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	private static HttpEntity<Object> deployment() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", "supervisor-deployment");
		form.add("data", Fixtures.filePart("supervisor.bpmn", """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
				  <process id="test-supervisor" isExecutable="true"><startEvent id="s"/></process>
				</definitions>""".getBytes(StandardCharsets.UTF_8), "application/octet-stream"));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	private static Map<String, Object> evidence() {
		return Map.of("kind", "现场笔录", "description", "占道经营现场检查笔录", "obtainedAt", "2026-11-20T10:00:00+08:00",
				"obtainedBy", "李明、王芳", "confirmation", "签名确认");
	}
}

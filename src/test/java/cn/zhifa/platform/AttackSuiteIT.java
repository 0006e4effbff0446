package cn.zhifa.platform;

import static cn.zhifa.support.Fixtures.avMetadata;
import static cn.zhifa.support.Fixtures.multipart;
import static cn.zhifa.support.Fixtures.MULTIPART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.Routes;
import cn.zhifa.support.Routes.Route;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13, "a standing attack suite": every route of the running application — the MVC routes of
 * {@code /api/**} and {@code /public/**} from the handler mapping, the engine REST's root resources
 * from the JAX-RS resources — is attacked as an anonymous caller (401), a supervisor writing (403),
 * an officer of another agency (403/404, no data of the case), and with the bad-input corpus of
 * {@code src/test/resources/attack/bad-inputs.json} in every JSON field of every write route
 * (4xx problem details, never 500 or a leak, nothing stored). A new route or field is attacked
 * without changing this class; a new write route with a JSON body needs a valid body in the corpus.
 */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteIT {

	/** Escapes non-ASCII, so a lone surrogate reaches the server as sent. */
	private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
	private static final List<String> LEAKS = List.of("Exception", "java.", "org.", "\tat ", "ENGINE-", "Whitelabel");
	/**
	 * "SQL" as a word ("bad SQL grammar [SELECT …", "SQL state"), not inside a random code the answer may carry: a
	 * complaint's query code is 8 letters and digits, "7CSQLFC2" once.
	 */
	private static final java.util.regex.Pattern SQL_LEAK = java.util.regex.Pattern.compile("(?<![A-Z0-9])SQL(?![A-Z0-9])");
	private static final List<String> TABLES = List.of("zf_case", "zf_evidence", "zf_av_file", "zf_record", "zf_document",
			"zf_legal_review", "zf_transfer", "zf_sla_outcome", "ACT_HI_PROCINST", "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_RE_DEPLOYMENT");
	private static final String ROW_COUNTS = TABLES.stream().map(table -> "(SELECT COUNT(*) FROM " + table + ")")
		.collect(java.util.stream.Collectors.joining(", ", "SELECT ", ""));
	/** Path variables that name nothing of an agency (a ledger is a kind of list: LedgerIT checks its agency scoping). */
	private static final Set<String> NEUTRAL_VARIABLES = Set.of("date", "ledger", "year");
	/** Routes where another agency may write: anyone reports interference in a case (R-COORD-6). */
	private static final Set<String> CROSS_AGENCY_WRITES = Set.of("POST /api/records/{caseNo}/interference");
	/** Reads that answer a list filtered to the caller's agencies: another agency gets none of the case's entries. */
	private static final Set<String> FILTERED_READS = Set.of("GET /api/parties/{partyIdNumber}/records");

	@LocalServerPort
	int port;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	org.springframework.context.ApplicationContext context;
	@Autowired
	ProcessEngine engine;
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient client = HttpClient.newHttpClient();
	private JsonNode corpus;
	/** officer1's (LIAOKUO) things, by the path variable that names them. */
	private final Map<String, String> liaokuo = new LinkedHashMap<>();
	/** Texts of the LIAOKUO case no other agency may see. */
	private final List<String> secrets = new ArrayList<>();
	private String taskId;
	/** A LIAOKUO case transfer to QLSCJ waiting for its answer (for the acceptance route). */
	private String caseTransferAwaitingAnswer;
	private int requests;

	@BeforeAll
	void aLiaokuoCaseWithEvidenceAndAFile() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/attack/bad-inputs.json")) {
			corpus = new ObjectMapper().readTree(in);
		}
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ObjectNode c = validBody("POST /api/cases");
		c.put("partyName", "攻防甲" + tag);
		c.put("facts", "攻击套件机密事实" + tag);
		HttpResponse<String> created = send("officer1", "POST", "/api/cases", "application/json", JSON.writeValueAsBytes(c));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String caseNo = JSON.readTree(created.body()).path("caseNo").asText();
		ObjectNode evidence = validBody("POST /api/cases/{caseNo}/evidence");
		evidence.put("description", "攻击套件机密证据" + tag);
		assertThat(send("officer1", "POST", "/api/cases/" + caseNo + "/evidence", "application/json",
				JSON.writeValueAsBytes(evidence)).statusCode()).isEqualTo(201);
		HttpResponse<String> file = send("officer1", "POST", "/api/records/" + caseNo + "/evidence",
				MULTIPART, multipart("secret-" + tag + ".mp4", "video/mp4", avMetadata()));
		assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
		String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getId();
		taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
		List<String> documents = jdbc.queryForList("SELECT id FROM zf_document WHERE agency_code = 'LIAOKUO'", String.class);
		liaokuo.put("caseNo", caseNo);
		liaokuo.put("processInstanceId", processInstanceId);
		liaokuo.put("fileId", JSON.readTree(file.body()).path("id").asText());
		liaokuo.put("id", documents.isEmpty() ? "NO-DOCUMENT" : documents.get(0));
		liaokuo.put("partyIdNumber", c.path("partyIdNumber").asText());
		liaokuo.put("agency", "LIAOKUO"); // notification subscriptions (issue 17)
		liaokuo.put("userId", "officer2"); // officers' records (issue 19 §5)
		liaokuo.put("halfYear", "2026-H1");
		secrets.addAll(List.of("攻防甲" + tag, "攻击套件机密事实" + tag, "攻击套件机密证据" + tag, "secret-" + tag));
		liaokuo.put("transferId", criminalTransferAwaitingThePolice(caseNo, "攻击套件机密犯罪线索" + tag));
		secrets.add("攻击套件机密犯罪线索" + tag);
		caseTransferAwaitingAnswer = caseTransferAwaitingAnswer(caseNo, tag);
		ObjectNode complaint = validBody("POST /api/complaints");
		complaint.put("content", "攻击套件机密投诉内容" + tag);
		HttpResponse<String> entered = send("officer1", "POST", "/api/complaints", "application/json", JSON.writeValueAsBytes(complaint));
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
		liaokuo.put("receiptNo", JSON.readTree(entered.body()).path("receiptNo").asText());
		secrets.add("攻击套件机密投诉内容" + tag);
		liaokuo.put("noticeNo", supervisionNotice("攻击套件机密监督问题" + tag));
		secrets.add("攻击套件机密监督问题" + tag);
		liaokuo.put("disputeNo", agencyDispute("攻击套件机密争议事项" + tag));
		secrets.add("攻击套件机密争议事项" + tag);
		liaokuo.put("changeNo", modelChange("攻击套件机密变更理由" + tag));
		liaokuo.put("reviewNo", caseFileReview());
		liaokuo.put("guidingNo", guidingCase("攻击套件机密指导案例" + tag));
		secrets.add("攻击套件机密指导案例" + tag);
		liaokuo.put("requestNo", assistanceRequest("攻击套件机密协助事项" + tag));
		secrets.add("攻击套件机密协助事项" + tag);
		secrets.add("攻击套件机密变更理由" + tag);
		liaokuo.put("agencyCode", "LIAOKUO"); // item lists (R-QUAL-4, ADR-0032)
		liaokuo.put("itemChangeNo", itemListChange("攻击套件机密清单变更理由" + tag));
		secrets.add("攻击套件机密清单变更理由" + tag);
		liaokuo.put("planNo", randomInspection("攻击套件机密抽查计划" + tag));
		secrets.add("攻击套件机密抽查计划" + tag);
	}

	/** A change of LIAOKUO's item list (R-QUAL-4, ADR-0032), proposed by its legal office as Tasklist's start form does. */
	private String itemListChange(String reason) throws Exception {
		Map<String, Object> vars = new java.util.LinkedHashMap<>();
		vars.put("itemAction", Map.of("value", "ADD"));
		vars.put("itemCode", Map.of("value", "CM-ATTACK-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase()));
		vars.put("itemName", Map.of("value", "攻击套件测试事项"));
		vars.put("itemKind", Map.of("value", "PENALTY"));
		vars.put("itemLegalBasis", Map.of("value", "《城市市容和环境卫生管理条例》第三十六条"));
		vars.put("itemResponsibleUnit", Map.of("value", "执法一中队"));
		vars.put("itemResponsibilities", Map.of("value", "立案责任"));
		vars.put("itemAccountability", Map.of("value", "依法追究相应责任"));
		vars.put("itemChangeReason", Map.of("value", reason));
		HttpResponse<String> proposed = send("reviewer1", "POST", "/engine-rest/process-definition/key/item-list-change/submit-form",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", vars)));
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
		return JSON.readTree(proposed.body()).path("businessKey").asText();
	}

	/** A random-inspection plan of LIAOKUO (R-DISC-1, ADR-0033), made by officer1 as Tasklist's start form does. */
	private String randomInspection(String planName) throws Exception {
		Map<String, Object> vars = new java.util.LinkedHashMap<>();
		vars.put("inspectionPlanName", Map.of("value", planName));
		vars.put("inspectionItemCode", Map.of("value", "LK-SC-001"));
		vars.put("inspectionTargetCount", Map.of("value", 1));
		HttpResponse<String> started = send("officer1", "POST", "/engine-rest/process-definition/key/random-inspection/submit-form",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", vars)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		return JSON.readTree(started.body()).path("businessKey").asText();
	}

	/** A supervision notice to LIAOKUO (R-COORD-8, ADR-0025), issued by supervisor1 as Tasklist's start form does. */
	private String supervisionNotice(String problem) throws Exception {
		Map<String, Object> vars = new java.util.LinkedHashMap<>();
		vars.put("supervisedAgency", Map.of("value", "LIAOKUO"));
		vars.put("supervisionSource", Map.of("value", "OTHER"));
		vars.put("supervisionProblem", Map.of("value", problem));
		vars.put("rectificationRequirement", Map.of("value", "限期整改"));
		HttpResponse<String> issued = send("supervisor1", "POST", "/engine-rest/process-definition/key/supervision-notice/submit-form",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", vars)));
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return JSON.readTree(issued.body()).path("businessKey").asText();
	}

	/** A case-file review of LIAOKUO (R-REC-7, ADR-0026), started by supervisor1 as Tasklist's start form does. */
	private String caseFileReview() throws Exception {
		Map<String, Object> vars = Map.of("supervisedAgency", Map.of("value", "LIAOKUO"), "reviewYear", Map.of("value", 2003));
		HttpResponse<String> started = send("supervisor1", "POST", "/engine-rest/process-definition/key/case-file-review/submit-form",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", vars)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		return JSON.readTree(started.body()).path("businessKey").asText();
	}

	/**
	 * A dispute of LIAOKUO with a third agency (R-COORD-5, ADR-0027), raised by officer1 through the engine (the start
	 * form offers the demo organisation's agencies only): QLSCJ is no party to it.
	 */
	private String agencyDispute(String matter) {
		cn.zhifa.support.ThirdAgency.ensure(context);
		Map<String, Object> vars = new java.util.HashMap<>();
		vars.put("counterpartAgency", cn.zhifa.support.ThirdAgency.CODE);
		vars.put("disputeSubject", "RESPONSIBILITY");
		vars.put("disputeMatter", matter);
		vars.put("applicantPosition", "本机关意见");
		var identity = engine.getIdentityService();
		identity.setAuthentication("officer1", List.of("officer", "LIAOKUO-officer"), List.of("LIAOKUO"));
		String id;
		try {
			id = engine.getRuntimeService().startProcessInstanceByKey("agency-dispute", vars).getId();
		}
		finally {
			identity.clearAuthentication();
		}
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
	}

	/** A guiding case LIAOKUO proposes from a closed case of its own (ADR-0028), as Tasklist's start form does. */
	private String guidingCase(String summary) throws Exception {
		String caseNo = cn.zhifa.support.Fixtures.closedCase(jdbc, "LIAOKUO", "攻防乙", "530302199001011232", "13800000000",
				"曲靖市麒麟区人民路12号", java.time.Instant.parse("2026-10-01T02:00:00Z"));
		Map<String, Object> vars = new java.util.LinkedHashMap<>();
		vars.put("caseId", Map.of("value", caseNo));
		vars.put("guidingCategory", Map.of("value", "PENALTY"));
		vars.put("guidingTitle", Map.of("value", "攻击套件指导案例"));
		vars.put("guidingSummary", Map.of("value", summary));
		vars.put("guidingKeyPoints", Map.of("value", "要点"));
		vars.put("guidingLegalBasis", Map.of("value", "依据"));
		HttpResponse<String> proposed = send("head1", "POST", "/engine-rest/process-definition/key/guiding-case/submit-form",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", vars)));
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
		return JSON.readTree(proposed.body()).path("businessKey").asText();
	}

	/**
	 * A LIAOKUO request for enforcement assistance that QLSCJ is no party to (ADR-0028: the two agencies a request concerns
	 * read it): the demo organisation has two agencies, so it is addressed to one outside it, straight into the register.
	 */
	private String assistanceRequest(String matter) {
		String no = "寥街协〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
		jdbc.update("INSERT INTO zf_assistance_request (request_no, agency_code, requested_agency, kind, matter, reason,"
				+ " requested_by, requested_at, reply_due_at, status) VALUES (?, 'LIAOKUO', 'OUTSIDE', 'TECHNICAL', ?, '理由',"
				+ " 'officer1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'SENT')", no, matter);
		return no;
	}

	/** A LIAOKUO model change (issue 14 §6), submitted by its legal office and returned by its head. */
	private String modelChange(String reason) throws Exception {
		String catalogue = java.nio.file.Files.readString(java.nio.file.Path.of("dmn/major-decision-catalogue.dmn"))
			.replace("<text>&gt;= 10000</text>", "<text>&gt;= 20000</text>");
		String boundary = "----attack-model-change";
		StringBuilder body = new StringBuilder();
		Map.of("name", "攻击套件变更", "reason", reason, "target", "LIAOKUO", "effectiveDate", "2099-12-31")
			.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
				.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
			.append("dmn/major-decision-catalogue.dmn\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(catalogue)
			.append("\r\n--").append(boundary).append("--\r\n");
		HttpResponse<String> submitted = send("reviewer1", "POST", "/api/models/changes", "multipart/form-data; boundary=" + boundary,
				body.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		JsonNode change = JSON.readTree(submitted.body());
		completeOnlyTask("head1", change.path("processInstanceId").asText(),
				Map.of("approvalDecision", "RETURN", "approvalOpinion", "攻击套件：退回"));
		return change.path("changeNo").asText();
	}

	/** A LIAOKUO criminal transfer, approved and handed over: it waits for the police's filing decision. */
	private String criminalTransferAwaitingThePolice(String caseNo, String suspicion) throws Exception {
		HttpResponse<String> started = send("officer1", "POST", "/engine-rest/process-definition/key/criminal-transfer/start",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", Map.of("caseId", Map.of("value", caseNo),
						"partyName", Map.of("value", "攻防甲"), "crimeSuspicion", Map.of("value", suspicion)))));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String pid = JSON.readTree(started.body()).path("id").asText();
		completeOnlyTask("head1", pid, Map.of("headDecision", "APPROVE", "policeOrgan", "曲靖市公安局麒麟分局"));
		completeOnlyTask("officer1", pid,
				Map.of("copiedToProcuratorate", true, "copiedToJusticeBureau", true, "reportedToSuperior", true));
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pid)
			.eventName("transfer.policeDecision").count()).isEqualTo(1);
		return pid;
	}

	/** A LIAOKUO case transfer to QLSCJ, signed: it waits for the receiving agency's answer. */
	private String caseTransferAwaitingAnswer(String caseNo, String tag) throws Exception {
		Map<String, Object> start = new LinkedHashMap<>();
		Map.of("caseId", caseNo + "-移", "targetAgencyCode", "QLSCJ", "transferReason", "不属于本机关管辖",
				"partyType", "PERSON", "partyName", "移送乙" + tag, "partyIdNumber", "530302199001011232",
				"violationCode", "CM-OCCUPY-ROAD", "discoveredOn", "2026-11-20", "facts", "移送事实" + tag)
			.forEach((name, value) -> start.put(name, Map.of("value", value)));
		HttpResponse<String> started = send("officer1", "POST", "/engine-rest/process-definition/key/case-transfer/start",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", start)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String pid = JSON.readTree(started.body()).path("id").asText();
		completeOnlyTask("head1", pid, Map.of("transferSigned", true));
		assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pid)
			.eventName("transfer.accepted").count()).isEqualTo(1);
		return pid;
	}

	/** Submits the instance's one open task's form as its user does in Tasklist. */
	private void completeOnlyTask(String user, String processInstanceId, Map<String, Object> fields) throws Exception {
		String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
		Map<String, Object> variables = new LinkedHashMap<>();
		fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		HttpResponse<String> done = send(user, "POST", "/engine-rest/task/" + task + "/submit-form", "application/json",
				JSON.writeValueAsBytes(Map.of("variables", variables)));
		assertThat(done.statusCode()).as("%s: %s", user, done.body()).isEqualTo(204);
	}

	/** The transfer a route answers: the receiving agency's acceptance answers a case transfer, the others the criminal one. */
	private String pathOf(Route route) {
		return route.path(v -> v.equals("transferId") && route.pattern().endsWith("/acceptance") ? caseTransferAwaitingAnswer
				: liaokuo.get(v));
	}

	// --- 1. who may call what ---

	@Test
	void anonymousCallersGet401OnEveryRouteButThePortalAndHealth() throws Exception {
		int checked = 0;
		for (Route route : Routes.of(mappings, "/api/", "/public")) {
			HttpResponse<String> response = send(null, route.method().name(), route.path(v -> "x"),
					route.write() ? "application/json" : null, route.write() ? "{}".getBytes() : null);
			if (route.pattern().startsWith("/public")) {
				assertThat(response.statusCode()).as("%s is open", route).isNotEqualTo(401).isLessThan(500);
				assertNoLeak(response, route + " anonymous", null);
			}
			else {
				assertProblem(response, route + " anonymous", 401);
			}
			checked++;
		}
		for (String root : Routes.engineRestRoots()) {
			for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default")) {
				for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
					String path = prefix + root + (method.equals("PUT") || method.equals("DELETE") ? "/x" : "");
					assertProblem(send(null, method, path, "application/json", "{}".getBytes()), method + " " + path, 401);
					checked++;
				}
			}
		}
		for (String actuator : List.of("/actuator", "/actuator/env", "/actuator/metrics", "/actuator/info", "/actuator/loggers")) {
			assertThat(send(null, "GET", actuator, null, null).statusCode()).as(actuator).isEqualTo(401);
		}
		assertThat(send(null, "GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
		assertThat(Routes.engineRestRoots()).contains("/task", "/process-instance", "/deployment", "/engine", "/history");
		assertThat(checked).isGreaterThan(200);
	}

	@Test
	void aSupervisorWritesNothingAnywhere() throws Exception {
		// the /api write routes with a valid body (SupervisorReadOnlyIT sends them a dummy one)
		for (Route route : Routes.writes(mappings, "/api/", "/public")) {
			if (route.personal()) {
				continue; // marking one's own notifications read (SupervisorReadOnlyIT checks it stores nothing else)
			}
			Map<String, Long> before = rowCounts();
			assertProblem(sendValid("supervisor1", route, route.path(liaokuo::get)), route + " as supervisor", 403);
			assertThat(rowCounts()).as("nothing stored by %s", route).isEqualTo(before);
		}
		// every write method on every root resource of the engine's REST, for both engine paths
		Map<String, Long> before = rowCounts();
		for (String root : Routes.engineRestRoots()) {
			for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default")) {
				for (String method : List.of("PUT", "DELETE")) {
					String path = prefix + root + "/" + liaokuo.get("processInstanceId");
					assertProblem(send("supervisor1", method, path, "application/json", "{}".getBytes()), method + " " + path, 403);
				}
				String post = prefix + root + "/" + taskId + "/complete";
				assertProblem(send("supervisor1", "POST", post, "application/json", "{}".getBytes()), "POST " + post, 403);
			}
		}
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void anotherAgencysThingsAreRefusedWithoutTheirData() throws Exception {
		int attacked = 0;
		for (Route route : Routes.of(mappings, "/api/")) {
			List<String> variables = route.pathVariables();
			if (variables.isEmpty()) {
				if (!route.write()) { // lists: nothing of the LIAOKUO case in QLSCJ's
					HttpResponse<String> list = send("officer4", route.method().name(), route.pattern(), null, null);
					assertThat(list.statusCode()).as("%s %s", route, list.body()).isLessThan(500);
					assertNoSecrets(list, route + " as officer4");
				}
				continue;
			}
			for (String variable : variables) {
				if (!liaokuo.containsKey(variable) && !NEUTRAL_VARIABLES.contains(variable)) {
					fail("%s: path variable {%s} is new to the attack suite: name a LIAOKUO thing for it in "
							+ "AttackSuiteIT.aLiaokuoCaseWithEvidenceAndAFile, or list it as neutral", route, variable);
				}
			}
			if (variables.stream().noneMatch(liaokuo::containsKey)) {
				continue;
			}
			String path = route.path(v -> liaokuo.getOrDefault(v, "2026-11-20"));
			Map<String, Long> before = rowCounts();
			HttpResponse<String> response = route.write() ? sendValid("officer4", route, path)
					: send("officer4", route.method().name(), path, null, null);
			assertNoSecrets(response, route + " as officer4");
			if (CROSS_AGENCY_WRITES.contains(route.toString()) || FILTERED_READS.contains(route.toString())) {
				assertThat(response.statusCode()).as(route.toString()).isLessThan(500);
			}
			else {
				assertProblem(response, route + " as officer4", 403, 404);
				assertThat(rowCounts()).as("nothing stored by %s as officer4", route).isEqualTo(before);
			}
			attacked++;
		}
		// the engine's REST and the webapps' reads of the same case
		String pid = liaokuo.get("processInstanceId");
		Map<String, Long> before = rowCounts();
		for (String[] call : new String[][] { { "GET", "/engine-rest/process-instance/" + pid },
				{ "GET", "/engine-rest/process-instance/" + pid + "/variables" }, { "GET", "/engine-rest/task/" + taskId },
				{ "GET", "/engine-rest/task/" + taskId + "/form-variables" },
				{ "GET", "/engine-rest/history/process-instance/" + pid },
				{ "POST", "/engine-rest/task/" + taskId + "/complete" }, { "POST", "/engine-rest/task/" + taskId + "/claim" },
				{ "PUT", "/engine-rest/process-instance/" + pid + "/variables/partyName" },
				{ "DELETE", "/engine-rest/process-instance/" + pid } }) {
			HttpResponse<String> response = send("officer4", call[0], call[1], "application/json",
					"{\"value\": \"x\", \"type\": \"String\", \"userId\": \"officer4\"}".getBytes());
			assertProblem(response, call[0] + " " + call[1] + " as officer4", 403, 404);
			assertNoSecrets(response, call[1]);
		}
		HttpResponse<String> variables = send("officer4", "GET", "/engine-rest/variable-instance?processInstanceIdIn=" + pid,
				null, null);
		assertThat(variables.statusCode()).isLessThan(500);
		assertNoSecrets(variables, "variable-instance of the LIAOKUO case");
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(attacked).isGreaterThan(15);
	}

	// --- 2. the bad-input corpus ---

	@Test
	void everyBadInputInEveryFieldOfEveryWriteRouteIsRefusedOrHarmless() throws Exception {
		int fields = 0;
		List<String> unwritten = new ArrayList<>();
		for (Route route : Routes.writes(mappings, "/api/", "/public")) {
			String path = pathOf(route);
			if (route.multipart()) {
				fields += attackMultipart(route, path);
				continue;
			}
			if (route.bodyType().isEmpty()) {
				continue; // no body: the path corpus below is its attack
			}
			if (!corpus.path("validBodies").has(route.toString())) {
				unwritten.add(route.toString());
				continue;
			}
			for (Map.Entry<String, Class<?>> field : fieldsOf(route.bodyType().get()).entrySet()) {
				fields++;
				for (JsonNode bad : corpus.path("values")) {
					ObjectNode body = validBody(route.toString());
					JsonNode value = value(bad);
					body.set(field.getKey(), value);
					String what = route + " " + field.getKey() + " = " + bad.path("name").asText();
					expect(bad, field.getValue(), what, value.isTextual() ? value.asText() : value.toString(),
							() -> send("officer1", route.method().name(), path, "application/json", JSON.writeValueAsBytes(body)));
				}
			}
			for (JsonNode bad : corpus.path("bodies")) {
				String body = bad.has("repeat") ? bad.path("repeat").asText().repeat(bad.path("times").asInt())
						: bad.path("body").asText().replace("%1MB%", "字".repeat(1 << 20));
				Map<String, Long> before = rowCounts();
				assertProblem(send("officer1", route.method().name(), path, "application/json", body.getBytes(StandardCharsets.UTF_8)),
						route + " body " + bad.path("name").asText(), 400, 413);
				assertThat(rowCounts()).isEqualTo(before);
			}
		}
		assertThat(unwritten).as("write routes without a valid body in attack/bad-inputs.json").isEmpty();
		assertThat(fields).isGreaterThan(25);
	}

	@Test
	void hostileAndUnknownPathValuesOfEveryWriteRouteAreRefused() throws Exception {
		for (Route route : Routes.writes(mappings, "/api/")) {
			if (route.pathVariables().isEmpty()) {
				continue;
			}
			for (JsonNode bad : corpus.path("pathValues")) {
				String value = URLEncoder.encode(value(bad).asText(), StandardCharsets.UTF_8).replace("+", "%20");
				String path = route.path(v -> value);
				Map<String, Long> before = rowCounts();
				HttpResponse<String> response = sendValid("officer1", route, path);
				assertProblem(response, route + " path " + bad.path("name").asText(), value(bad).asText(), 400, 403, 404);
				assertThat(rowCounts()).as(route + " " + bad.path("name").asText()).isEqualTo(before);
			}
		}
	}

	/** The multipart upload: each bad value in each of its form fields (from its {@code @RequestParam}s). */
	private int attackMultipart(Route route, String path) throws Exception {
		int fields = 0;
		for (Parameter p : route.handler().getMethod().getParameters()) {
			RequestParam param = p.getAnnotation(RequestParam.class);
			if (param == null || MultipartFile.class.isAssignableFrom(p.getType())) {
				continue;
			}
			String name = param.name().isEmpty() ? (param.value().isEmpty() ? p.getName() : param.value()) : param.name();
			fields++;
			for (JsonNode bad : corpus.path("values")) {
				JsonNode value = value(bad);
				if (!value.isValueNode() || !StandardCharsets.UTF_8.newEncoder().canEncode(value.asText())) {
					continue; // a form field is UTF-8 text: no arrays, objects or lone surrogates
				}
				Map<String, String> meta = avMetadata();
				meta.put(name, value.asText());
				expect(bad, p.getType(), route + " " + name + " = " + bad.path("name").asText(), value.asText(),
						() -> send("officer1", "POST", path, MULTIPART,
								multipart("x.mp4", "video/mp4", meta)));
			}
		}
		return fields;
	}

	// --- helpers ---

	interface Call {
		HttpResponse<String> send() throws Exception;
	}

	/** Sends one bad value and checks the answer its corpus entry expects for a field of {@code type}. */
	private void expect(JsonNode bad, Class<?> type, String what, String sent, Call call) throws Exception {
		boolean mustRefuse = bad.path("expect").asText().equals("refused");
		for (JsonNode t : bad.path("refusedFor")) {
			mustRefuse |= t.asText().equals(type.getSimpleName());
		}
		Map<String, Long> before = rowCounts();
		HttpResponse<String> response = call.send();
		Map<String, Long> after = rowCounts();
		assertNoLeak(response, what, sent);
		if (mustRefuse || response.statusCode() >= 400) {
			assertProblem(response, what, sent, 400, 403, 404, 409, 413, 415, 422);
			assertThat(after).as("nothing stored: %s", what).isEqualTo(before);
		}
		else {
			assertThat(response.statusCode()).as("%s: %s", what, response.body()).isBetween(200, 299);
			// an accepted answer may end a process: the engine's runtime tables shrink, nothing else may
			before.entrySet().stream().filter(table -> !table.getKey().startsWith("ACT_RU_"))
				.forEach(table -> assertThat(after.get(table.getKey())).as("%s lost rows: %s", table.getKey(), what)
					.isGreaterThanOrEqualTo(table.getValue()));
		}
	}

	private HttpResponse<String> sendValid(String user, Route route, String path) throws Exception {
		if (route.multipart()) {
			return send(user, route.method().name(), path, MULTIPART,
					multipart("x.mp4", "video/mp4", avMetadata()));
		}
		JsonNode body = corpus.path("validBodies").path(route.toString());
		return send(user, route.method().name(), path, "application/json",
				JSON.writeValueAsBytes(body.isMissingNode() ? JSON.createObjectNode() : body));
	}

	private void assertProblem(HttpResponse<String> response, String what, int... statuses) throws Exception {
		assertProblem(response, what, null, statuses);
	}

	/** A problem detail with one of {@code statuses}; {@code sent} may be quoted in it. */
	private void assertProblem(HttpResponse<String> response, String what, String sent, int... statuses) throws Exception {
		String body = response.body();
		assertThat(response.statusCode()).as("%s: %s", what, abbreviated(body))
			.isIn(java.util.Arrays.stream(statuses).boxed().toList());
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s: %s", what, abbreviated(body))
			.startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").asText()).as(what).startsWith(Problem.TYPE_BASE);
		assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
		assertThat(problem.path("detail").asText()).as("%s: %s", what, abbreviated(body)).containsPattern("[\\u4e00-\\u9fff]");
		assertNoLeak(response, what, sent);
	}

	/** No class name, SQL or stack trace in the body (what was sent may come back). */
	private void assertNoLeak(HttpResponse<String> response, String what, String sent) {
		String body = response.body();
		if (sent != null && !sent.isEmpty()) {
			body = body.replace(sent, "");
			body = body.replace(JSON.valueToTree(sent).toString(), "");
		}
		assertThat(response.statusCode()).as("%s: %s", what, abbreviated(body)).isLessThan(500);
		for (String leak : LEAKS) {
			assertThat(body).as("%s leaks %s", what, leak).doesNotContain(leak);
		}
		assertThat(body).as("%s leaks SQL", what).doesNotContainPattern(SQL_LEAK);
	}

	private void assertNoSecrets(HttpResponse<String> response, String what) {
		for (String secret : secrets) {
			assertThat(response.body()).as("%s shows the LIAOKUO case", what).doesNotContain(secret);
		}
	}

	private static String abbreviated(String body) {
		return body.length() > 600 ? body.substring(0, 600) + "…" : body;
	}

	/** The rows of each of {@link #TABLES}, counted in one statement (it runs before and after every request). */
	private Map<String, Long> rowCounts() {
		return jdbc.query(ROW_COUNTS, rs -> {
			rs.next();
			Map<String, Long> counts = new LinkedHashMap<>();
			for (int i = 0; i < TABLES.size(); i++) {
				counts.put(TABLES.get(i), rs.getLong(i + 1));
			}
			return counts;
		});
	}

	private ObjectNode validBody(String route) {
		return corpus.path("validBodies").path(route).deepCopy();
	}

	private static JsonNode value(JsonNode entry) {
		return entry.has("repeat") ? TextNode.valueOf(entry.path("repeat").asText().repeat(entry.path("times").asInt()))
				: entry.path("value");
	}

	/** The JSON fields of a request body type: a record's components, else its declared fields. */
	private static Map<String, Class<?>> fieldsOf(Class<?> type) {
		Map<String, Class<?>> fields = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent c : type.getRecordComponents()) {
				fields.put(c.getName(), c.getType());
			}
		}
		else {
			for (java.lang.reflect.Field f : type.getDeclaredFields()) {
				if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					fields.put(f.getName(), f.getType());
				}
			}
		}
		assertThat(fields).as("fields of %s", type).isNotEmpty();
		return fields;
	}

	private HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body)
			throws Exception {
		requests++;
		return RestTestSupport.send(client, port, user, method, path, contentType, body);
	}

	@org.junit.jupiter.api.AfterAll
	void report() {
		System.out.printf("AttackSuiteIT: %d MVC routes, %d engine REST roots, %d corpus values, %d requests%n",
				Routes.of(mappings, "/api/", "/public").size(), Routes.engineRestRoots().size(),
				corpus.path("values").size() + corpus.path("bodies").size() + corpus.path("pathValues").size(), requests);
	}
}

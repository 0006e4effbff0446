package cn.zhifa.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ThirdAgency;
import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Disputes between agencies over HTTP (R-COORD-5, ADR-0027): an agency raises one (the engine's REST API, as Tasklist's
 * start form does) naming a case of its own; the other agency answers in its own tenant; a third agency sees nothing of
 * it (404 on the register, no task, no instance); the bureau's steps are the supervisors' and the only writes they may
 * make here (they cannot raise a dispute or answer for an agency); nobody sets the system's variables or fakes the other
 * agency's answer; bad input is 400 naming the field; the open steps are on the SLA board.
 */
@ZhifaIntegrationTest
class AgencyDisputeIT extends RestTestSupport {

	private static final String START = "/engine-rest/process-definition/key/agency-dispute/submit-form";
	/** An officer of a third agency, party to no dispute here (the demo organisation has two). */
	private static final String THIRD_OFFICER = ThirdAgency.OFFICER;

	@Autowired
	ApplicationContext context;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void aThirdAgency() {
		ThirdAgency.ensure(context);
	}

	@Test
	void raisedAnsweredCoordinatedAndSeenOnlyByTheParties() throws Exception {
		// a case of the applicant's own agency may be named; another agency's case may not
		HttpResponse<String> created = post("/api/cases", Fixtures.validCase(), "officer1");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String caseNo = json.readTree(created.body()).path("caseNo").asText();
		Map<String, Object> othersCase = form("LIAOKUO");
		othersCase.put("relatedCaseNo", Map.of("value", caseNo));
		assertProblem(post(START, vars(othersCase), "officer4"), 403, null);
		// bad input: 400 naming the field, in Chinese
		Map<String, Object> noPosition = form("QLSCJ");
		noPosition.remove("applicantPosition");
		assertProblem(post(START, vars(noPosition), "officer1"), 400, "applicantPosition");
		assertProblem(post(START, vars(form("LIAOKUO")), "officer1"), 400, "counterpartAgency");
		// the system's variables are not the form's: the number, the other agency's answer, the bureau's gate
		for (String forged : new String[] { "disputeNo", "counterpartReply", "disputeAcceptance", "opinionAccepted" }) {
			Map<String, Object> f = form("QLSCJ");
			f.put(forged, Map.of("value", "ACCEPT"));
			assertThat(post(START, vars(f), "officer1").statusCode()).as(forged).isEqualTo(403);
		}
		// supervisors do not raise disputes; nobody starts the other agency's reply by hand
		assertThat(post(START, vars(form("QLSCJ")), "supervisor1").statusCode()).isEqualTo(403);
		assertThat(post("/engine-rest/process-definition/key/agency-dispute-reply/submit-form", vars(Map.of()), "head2")
			.statusCode()).isBetween(400, 499);

		Map<String, Object> raised = form("QLSCJ");
		raised.put("relatedCaseNo", Map.of("value", caseNo));
		JsonNode instance = postOk(START, vars(raised), "officer1");
		String pi = instance.path("id").asText();
		String no = instance.path("businessKey").asText();
		assertThat(no).matches("区执争〔\\d{4}〕\\d+号");
		assertThat(instance.path("tenantId").asText()).isEqualTo("LIAOKUO");

		// the register: both parties and the supervisors read it; a third agency does not
		assertThat(get("/api/agency-disputes/" + enc(no), "officer1").statusCode()).isEqualTo(200);
		JsonNode row = json.readTree(get("/api/agency-disputes/" + enc(no), "officer4").body());
		assertThat(row.path("summary").path("relatedCaseNo").asText()).isEqualTo(caseNo);
		assertThat(row.path("matter").asText()).contains(tag);
		assertProblem(get("/api/agency-disputes/" + enc(no), THIRD_OFFICER), 404, "disputeNo");
		assertThat(get("/api/agency-disputes", THIRD_OFFICER).body()).doesNotContain(no);
		assertThat(get("/api/agency-disputes", "officer4").body()).contains(no);
		assertThat(get("/api/agency-disputes", "supervisor1").body()).contains(no);

		// the other agency's answer is a task of its own tenant: its head sees it, nobody else does
		String replyPi = replyInstance(no, "head2");
		assertThat(replyPi).isNotNull();
		assertThat(replyInstance(no, "head1")).isNull();
		assertThat(replyInstance(no, THIRD_OFFICER)).isNull();
		assertThat(taskOf(pi, THIRD_OFFICER)).isNull();
		String replyTask = taskOf(replyPi, "head2");
		assertThat(replyTask).isNotNull();
		assertThat(taskOf(replyPi, "head1")).isNull();
		// the applicant cannot fake the other agency's answer by a message
		Map<String, Object> fake = Map.of("messageName", "agencyDispute.negotiationReplied", "processInstanceId", pi);
		assertThat(post("/engine-rest/message", fake, "head1").statusCode()).isBetween(400, 499);
		Map<String, Object> reply = new LinkedHashMap<>(Map.of("counterpartReply", Map.of("value", "DISAGREE"),
				"counterpartPosition", Map.of("value", "该事项已赋权街道。")));
		assertThat(post("/engine-rest/task/" + replyTask + "/submit-form", vars(reply), "head1").statusCode()).isIn(403, 404);
		assertThat(post("/engine-rest/task/" + replyTask + "/submit-form", vars(reply), "supervisor1").statusCode()).isEqualTo(403);
		Map<String, Object> forgedReply = new LinkedHashMap<>(reply);
		forgedReply.put("disputeOpinion", Map.of("value", "伪造的协调意见"));
		forgedReply.put("opinionAccepted", Map.of("value", true));
		assertThat(post("/engine-rest/task/" + replyTask + "/submit-form", vars(forgedReply), "head2").statusCode())
			.isIn(400, 403);
		assertProblem(post("/engine-rest/task/" + replyTask + "/submit-form",
				vars(Map.of("counterpartReply", Map.of("value", "DISAGREE"))), "head2"), 400, "counterpartPosition");
		assertThat(post("/engine-rest/task/" + replyTask + "/submit-form", vars(reply), "head2").statusCode()).isEqualTo(204);

		// the applicant applies to the bureau
		String negotiate = taskOf(pi, "head1");
		assertThat(post("/engine-rest/task/" + negotiate + "/submit-form", vars(Map.of("negotiationOutcome",
				Map.of("value", "APPLY"), "disputeNegotiationResult", Map.of("value", "协商不成，申请协调。"))), "head1").statusCode())
			.isEqualTo(204);

		// the bureau's steps: the supervisors', and not the agency's
		String accept = taskOf(pi, "supervisor1");
		assertThat(accept).isNotNull();
		Map<String, Object> accepted = Map.of("disputeAcceptance", Map.of("value", "ACCEPT"));
		assertThat(post("/engine-rest/task/" + accept + "/submit-form", vars(accepted), "head1").statusCode()).isIn(403, 404);
		// other writes of a supervisor stay refused, also on this task
		assertProblem(send(authed(HttpRequest.newBuilder(uri("/engine-rest/task/" + accept + "/variables/x")), "supervisor1")
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":1}")).build()), 403,
				null);
		assertThat(post("/engine-rest/task/" + accept + "/submit-form", vars(Map.of("disputeAcceptance",
				Map.of("value", "ACCEPT"), "disputeNo", Map.of("value", "伪造"))), "supervisor1").statusCode()).isEqualTo(403);
		assertThat(post("/engine-rest/task/" + accept + "/claim", Map.of("userId", "supervisor1"), "supervisor1").statusCode())
			.isEqualTo(204);
		assertThat(post("/engine-rest/task/" + accept + "/submit-form", vars(accepted), "supervisor1").statusCode())
			.isEqualTo(204);
		String coordinate = taskOf(pi, "supervisor1");
		assertProblem(post("/engine-rest/task/" + coordinate + "/submit-form", vars(Map.of("coordinationOutcome",
				Map.of("value", "OPINION"), "coordinationNotes", Map.of("value", "召开协调会。"))), "supervisor1"), 400, "disputeOpinion");
		assertThat(post("/engine-rest/task/" + coordinate + "/submit-form", vars(Map.of("coordinationOutcome",
				Map.of("value", "OPINION"), "coordinationNotes", Map.of("value", "召开协调会，未能达成一致。"), "disputeOpinion",
				Map.of("value", "由某区市场监督管理局查处。" + tag))), "supervisor1").statusCode()).isEqualTo(204);

		// both agencies answer the opinion; the supervisor cannot answer for the applicant
		String answer = taskOf(pi, "head1");
		assertThat(answer).isNotNull();
		assertThat(post("/engine-rest/task/" + answer + "/submit-form",
				vars(Map.of("applicantOpinionAnswer", Map.of("value", "ACCEPT"))), "supervisor1").statusCode()).isEqualTo(403);
		// the open steps are on the SLA board with their deadlines
		HttpResponse<String> board = get("/api/sla/deadlines?kind=agency-dispute&agency=LIAOKUO&size=200", "supervisor1");
		assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
		assertThat(board.body()).contains(pi, "userTask_answerOpinion");
		// the opinion document is the applicant's to read, not the third agency's
		String doc = json.readTree(get("/engine-rest/process-instance/" + pi + "/variables/disputeOpinionDocId", "officer1")
			.body()).path("value").asText();
		assertThat(get("/api/documents/" + doc, "officer1").statusCode()).isEqualTo(200);
		assertThat(get("/api/documents/" + doc, THIRD_OFFICER).statusCode()).isEqualTo(404);

		assertThat(post("/engine-rest/task/" + answer + "/submit-form",
				vars(Map.of("applicantOpinionAnswer", Map.of("value", "ACCEPT"))), "head1").statusCode()).isEqualTo(204);
		String opinionReply = taskOf(replyInstance(no, "head2"), "head2");
		assertThat(post("/engine-rest/task/" + opinionReply + "/submit-form",
				vars(Map.of("counterpartOpinionAnswer", Map.of("value", "ACCEPT"))), "head2").statusCode()).isEqualTo(204);
		JsonNode done = json.readTree(get("/api/agency-disputes/" + enc(no), "supervisor1").body());
		assertThat(done.path("summary").path("status").asText()).isEqualTo("CLOSED");
		assertThat(done.path("summary").path("outcome").asText()).isEqualTo("OPINION_ACCEPTED");
		assertThat(done.path("opinion").asText()).contains(tag);
	}

	// --- helpers ---

	private Map<String, Object> form(String counterpart) {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("counterpartAgency", Map.of("value", counterpart));
		vars.put("disputeSubject", Map.of("value", "JURISDICTION"));
		vars.put("disputeMatter", Map.of("value", "农贸市场内销售过期食品的行为由谁查处：" + tag));
		vars.put("applicantPosition", Map.of("value", "应由市场监督管理部门查处。"));
		return vars;
	}

	private String replyInstance(String disputeNo, String user) throws Exception {
		HttpResponse<String> r = get("/engine-rest/process-instance?processDefinitionKey=agency-dispute-reply&businessKey="
				+ enc(disputeNo), user);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode list = json.readTree(r.body());
		return list.size() == 0 ? null : list.get(0).path("id").asText();
	}

	/** The open task of the instance the user sees (a supervisor: the one offered to the supervisors), or null. */
	@Override
	protected String taskOf(String processInstanceId, String user) throws Exception {
		HttpResponse<String> r = get("/engine-rest/task?processInstanceId=" + processInstanceId
				+ ("supervisor1".equals(user) ? "&candidateGroup=supervisor" : ""), user);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode list = json.readTree(r.body());
		return list.size() == 0 ? null : list.get(0).path("id").asText();
	}
}

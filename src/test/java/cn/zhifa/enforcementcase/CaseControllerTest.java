package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.WebSliceSupport.admin;
import static cn.zhifa.platform.WebSliceSupport.assertProblem;
import static cn.zhifa.platform.WebSliceSupport.body;
import static cn.zhifa.platform.WebSliceSupport.officer1;
import static cn.zhifa.support.Fixtures.validCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.WebSlice;

/**
 * Web slice of the case API ({@link CaseController}): how a request becomes a service call — the user's agencies
 * as the list's scope, the filters and the page — and every refusal the controller makes before the service is
 * called, as a problem naming the field (the one error model; these cases were whole-application requests in
 * ErrorModelIT and CaseRestIT). The service is a mock: what the list query returns is
 * {@link CaseRepositoryTest}'s subject.
 */
@WebSlice
@Import(CaseController.class)
class CaseControllerTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String CASES = "/api/cases";

	@Autowired
	MockMvc mvc;
	@MockitoBean
	EnforcementCaseService cases;
	@MockitoBean
	ManagementService managementService;
	@MockitoBean
	RuntimeService runtimeService;
	@MockitoBean
	CaseRetrievals retrievals;
	@MockitoBean
	RecusalService recusals;

	// --- the list: scope, filters, page ---

	@Test
	void theListAsksForTheUsersAgenciesWithTheFiltersAndAnswersPageSizeAndTotal() throws Exception {
		when(cases.list(any(), any(), any(), anyInt(), anyInt())).thenReturn(
				new PageImpl<>(List.of(aCase("寥街罚〔2026〕7号", "LIAOKUO")), PageRequest.of(1, 2), 5));

		MvcResult result = mvc.perform(get(CASES + "?stage=REGISTERED&overdue=true&page=1&size=2").with(officer1()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		verify(cases).list(List.of("LIAOKUO"), "REGISTERED", true, 1, 2);
		JsonNode page = JSON.readTree(body(result));
		assertThat(page.path("page").asInt()).isEqualTo(1);
		assertThat(page.path("size").asInt()).isEqualTo(2);
		assertThat(page.path("total").asLong()).isEqualTo(5);
		assertThat(page.path("cases")).hasSize(1);
		JsonNode listed = page.path("cases").get(0);
		assertThat(listed.path("caseNo").asText()).isEqualTo("寥街罚〔2026〕7号");
		assertThat(listed.path("stage").asText()).isEqualTo("REGISTERED");
		// the API's shape, not the entity's: who registered it stays inside
		assertThat(listed.has("registeredBy")).isFalse();
	}

	@Test
	void withoutFiltersTheListAsksForEveryStageOverdueOrNotFromPageZeroOfTwenty() throws Exception {
		when(cases.list(any(), any(), any(), anyInt(), anyInt())).thenReturn(new PageImpl<>(List.of()));
		MvcResult result = mvc.perform(get(CASES).with(officer1())).andReturn();
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		verify(cases).list(List.of("LIAOKUO"), null, null, 0, 20);
	}

	@Test
	void anotherAgencysListIsRefusedAnAdministratorMayAskForIt() throws Exception {
		assertProblem(mvc.perform(get(CASES + "?agency=XIANGYANG").with(officer1())).andReturn(), 403, null);
		verifyNoInteractions(cases);

		when(cases.list(any(), any(), any(), anyInt(), anyInt())).thenReturn(new PageImpl<>(List.of()));
		MvcResult result = mvc.perform(get(CASES + "?agency=XIANGYANG&overdue=false").with(admin())).andReturn();
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		verify(cases).list(List.of("XIANGYANG"), null, false, 0, 20);
	}

	/** Moved from ErrorModelIT.pagesAndYearsOutOfRangeOrNotNumbers and CaseRestIT.badInputNamesTheField (size=0). */
	@Test
	void pagesOutOfRangeOrNotNumbersAreRefusedNamingTheParameter() throws Exception {
		refusedList("?page=2147483647&size=200", "page");
		refusedList("?page=abc", "page");
		refusedList("?page=-1", "page");
		refusedList("?size=0", "size");
		refusedList("?size=201", "size");
		refusedList("?size=abc", "size");
		refusedList("?overdue=maybe", "overdue");
		verifyNoInteractions(cases);
	}

	private void refusedList(String query, String field) throws Exception {
		assertProblem(mvc.perform(get(CASES + query).with(officer1())).andReturn(), 400, field);
	}

	@Test
	void nobodyLoggedInIs401() throws Exception {
		assertProblem(mvc.perform(get(CASES)).andReturn(), 401, null);
		verifyNoInteractions(cases);
	}

	// --- one case ---

	/** Moved from ErrorModelIT.pagesAndYearsOutOfRangeOrNotNumbers and CaseRestIT.badInputNamesTheField. */
	@Test
	void anUnknownCaseAndAnotherAgencysCaseAreBoth404WithoutItsData() throws Exception {
		when(cases.find(anyString())).thenReturn(Optional.empty());
		assertProblem(mvc.perform(get(CASES + "/NO-SUCH-CASE").with(officer1())).andReturn(), 404, "caseNo");

		when(cases.find("象街罚〔2026〕1号")).thenReturn(Optional.of(aCase("象街罚〔2026〕1号", "XIANGYANG")));
		MvcResult foreign = mvc.perform(get(CASES + "/象街罚〔2026〕1号").with(officer1())).andReturn();
		assertProblem(foreign, 404, "caseNo");
		assertThat(body(foreign)).doesNotContain("张三");
	}

	// --- registering ---

	@Test
	void aValidRegistrationReachesTheServiceAsANewCaseOfTheUser() throws Exception {
		when(cases.register(any(), eq("officer1"))).thenReturn("寥街罚〔2026〕8号");
		MvcResult result = mvc.perform(postJson(CASES, validCase())).andReturn();
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
		assertThat(JSON.readTree(body(result)).path("caseNo").asText()).isEqualTo("寥街罚〔2026〕8号");
		ArgumentCaptor<NewCase> registered = ArgumentCaptor.forClass(NewCase.class);
		verify(cases).register(registered.capture(), eq("officer1"));
		assertThat(registered.getValue()).isEqualTo(new NewCase("LIAOKUO", "PATROL", false, "PERSON", "张三",
				"530302199001011232", null, false, "CM-OCCUPY-ROAD", "在人民路占道经营", LocalDate.parse("2026-11-20"), null, null,
				null, LocalDate.parse("2026-11-19"), false, "曲靖市麒麟区人民路12号"));
	}

	/** Moved from CaseRestIT.badInputNamesTheField (the controller's own checks) and ErrorModelIT (another agency). */
	@Test
	void registrationChecksOfTheControllerNameTheField() throws Exception {
		refusedRegistration("discoveredOn", "2026-13-01", 400, "discoveredOn");
		refusedRegistration("violationDate", null, 400, "violationDate");
		refusedRegistration("violationDate", "19.11.2026", 400, "violationDate");
		refusedRegistration("agencyCode", null, 400, "agencyCode");
		refusedRegistration("agencyCode", "XIANGYANG", 403, null);
		refusedRegistration("agencyCode", "字".repeat(1 << 20), 403, null);
		verifyNoInteractions(cases);
	}

	private void refusedRegistration(String field, Object value, int status, String named) throws Exception {
		Map<String, Object> c = validCase();
		if (value == null) {
			c.remove(field);
		}
		else {
			c.put(field, value);
		}
		assertProblem(mvc.perform(postJson(CASES, c)).andReturn(), status, named);
	}

	/** Moved from ErrorModelIT.unreadableJsonWrongTypesMethodsAndMediaTypes: refused before the service is called. */
	@Test
	void unreadableJsonWrongTypesMethodsAndMediaTypes() throws Exception {
		assertProblem(send(CASES, MediaType.APPLICATION_JSON, "{\"partyName\": [1]}"), 400, "partyName");
		assertProblem(send(CASES, MediaType.APPLICATION_JSON, "{\"agencyCode\": \"LIAOKUO\", \"summaryProcedure\": \"maybe\"}"),
				400, "summaryProcedure");
		assertProblem(send(CASES, MediaType.APPLICATION_JSON, "{not json"), 400, null);
		assertProblem(send(CASES, MediaType.APPLICATION_JSON, ""), 400, null);
		assertProblem(send(CASES, MediaType.TEXT_PLAIN, "x"), 415, null);
		MvcResult deleted = mvc.perform(delete(CASES).with(officer1()).with(csrf())).andReturn();
		assertProblem(deleted, 405, null);
		assertThat(deleted.getResponse().getHeader("Allow")).contains("POST");
		assertProblem(mvc.perform(get("/api/no-such-route").with(officer1())).andReturn(), 404, null);
		verifyNoInteractions(cases, runtimeService);
	}

	// --- requests on a case ---

	@Test
	void anExtensionRequestNeedsAStorableReasonBeforeTheEngineIsAsked() throws Exception {
		assertProblem(mvc.perform(postJson(CASES + "/X/deadline-extension", Map.of("reason", " "))).andReturn(), 400, "reason");
		assertProblem(mvc.perform(postJson(CASES + "/X/deadline-extension", Map.of("reason", "理由\u0000"))).andReturn(), 400,
				"reason");
		verifyNoInteractions(cases, runtimeService);
	}

	@Test
	void anotherAgencysCaseIs404BeforeAnythingAboutTheBody() throws Exception {
		when(cases.find("象街罚〔2026〕1号")).thenReturn(Optional.of(aCase("象街罚〔2026〕1号", "XIANGYANG")));
		for (String request : List.of("evidence", "appraisal", "recusal")) {
			assertProblem(mvc.perform(postJson(CASES + "/象街罚〔2026〕1号/" + request, Map.of())).andReturn(), 404, "caseNo");
		}
		verify(cases, times(3)).find("象街罚〔2026〕1号");
		verifyNoMoreInteractions(cases);
		verifyNoInteractions(recusals);
	}

	/** The party's recusal application: the service's refusals come back under the API's own fields (was RecusalProcessTests). */
	@Test
	void aRecusalApplicationReachesTheServiceAsTheUsersAndItsRefusalsNameTheApisFields() throws Exception {
		when(cases.find("寥街罚〔2026〕1号")).thenReturn(Optional.of(aCase("寥街罚〔2026〕1号", "LIAOKUO")));
		String url = CASES + "/寥街罚〔2026〕1号/recusal";
		MvcResult done = mvc.perform(postJson(url, Map.of("officer", "王芳", "grounds", "系当事人的表姐"))).andReturn();
		assertThat(done.getResponse().getStatus()).as(body(done)).isEqualTo(204);
		verify(recusals).request("寥街罚〔2026〕1号", "王芳", "系当事人的表姐", "officer1", null);

		org.mockito.Mockito.doThrow(Problem.invalid("recusedOfficer", "不是本案的执法人员")).when(recusals)
			.request(any(), eq("周杰"), any(), any(), any());
		assertProblem(mvc.perform(postJson(url, Map.of("officer", "周杰", "grounds", "理由"))).andReturn(), 400, "officer");
		org.mockito.Mockito.doThrow(Problem.invalid("recusalGrounds", "请填写理由")).when(recusals)
			.request(any(), eq("王芳"), eq(" "), any(), any());
		assertProblem(mvc.perform(postJson(url, Map.of("officer", "王芳", "grounds", " "))).andReturn(), 400, "grounds");
		org.mockito.Mockito.doThrow(Problem.conflict("caseId", "案件当前阶段不能申请回避")).when(recusals)
			.request(any(), eq("李明"), any(), any(), any());
		assertProblem(mvc.perform(postJson(url, Map.of("officer", "李明", "grounds", "理由"))).andReturn(), 409, "caseId");
	}

	private MockHttpServletRequestBuilder postJson(String url, Object body) throws Exception {
		return post(url).with(officer1()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsBytes(body));
	}

	private MvcResult send(String url, MediaType type, String body) throws Exception {
		return mvc.perform(post(url).with(officer1()).with(csrf()).contentType(type).content(body)).andReturn();
	}

	private static EnforcementCase aCase(String caseNo, String agency) {
		NewCase c = new NewCase(agency, "PATROL", false, "PERSON", "张三", "530302199001011232", null, false,
				"CM-OCCUPY-ROAD", "在人民路占道经营", LocalDate.parse("2026-11-20"), null, null, null,
				LocalDate.parse("2026-11-19"), false, "曲靖市麒麟区人民路12号");
		return new EnforcementCase(caseNo, c, "officer1", Instant.parse("2026-11-20T02:00:00Z"));
	}
}

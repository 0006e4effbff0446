package cn.zhifa.calendar;

import static cn.zhifa.platform.WebSliceSupport.admin;
import static cn.zhifa.platform.WebSliceSupport.assertProblem;
import static cn.zhifa.platform.WebSliceSupport.body;
import static cn.zhifa.platform.WebSliceSupport.officer1;
import static cn.zhifa.platform.WebSliceSupport.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.zhifa.platform.Roles;
import cn.zhifa.platform.WebSlice;

/**
 * Web slice of {@code /api/calendar} ({@link CalendarController}) on the real calendar files
 * ({@link CalendarRegistry} reads calendar/ as the application does): the answers, the parameters' checks as
 * problems naming the parameter, the login, and the administrators-only actions refused by method security with
 * their rule. Moved here from CalendarApiIT, MethodSecurityIT and ErrorModelIT; recomputing provisional deadlines
 * (the engine's timers and tasks) stays in CalendarApiIT, so {@link ProvisionalDeadlines} is a mock.
 */
@WebSlice
@Import({ CalendarController.class, CalendarRegistry.class })
class CalendarControllerTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String ADMIN_ONLY = "只有系统管理员（" + Roles.ADMIN + "）可以执行此操作";

	@Autowired
	MockMvc mvc;
	@MockitoBean
	ProvisionalDeadlines provisionalDeadlines;

	@Test
	void daysSayWhetherTheyAreWorkingDays() throws Exception {
		assertThat(ok("/api/calendar/days/2026-10-10").toString()).contains("\"date\":\"2026-10-10\"", "\"workday\":true",
				"\"name\":\"国庆节调休上班\"", "\"provisional\":false");
		JsonNode holiday = ok("/api/calendar/days/2025-10-03");
		assertThat(holiday.path("workday").asBoolean()).isFalse();
		assertThat(holiday.path("name").asText()).isEqualTo("国庆节、中秋节");
		JsonNode weekend = ok("/api/calendar/days/2026-03-07");
		assertThat(weekend.path("workday").asBoolean()).isFalse();
		assertThat(weekend.path("name").isNull()).isTrue();
		JsonNode unknownYear = ok("/api/calendar/days/2027-03-01");
		assertThat(unknownYear.path("workday").asBoolean()).isTrue();
		assertThat(unknownYear.path("provisional").asBoolean()).isTrue();
	}

	@Test
	void workingDayAndCalendarDayDeadlines() throws Exception {
		JsonNode workdays = ok("/api/calendar/workdays?from=2026-09-30&add=3");
		assertThat(workdays.path("from").asText()).isEqualTo("2026-09-30");
		assertThat(workdays.path("add").asInt()).isEqualTo(3);
		assertThat(workdays.path("due").asText()).isEqualTo("2026-10-10");
		assertThat(workdays.path("dueAt").asText()).isEqualTo("2026-10-10T15:59:59Z");
		assertThat(workdays.path("provisional").asBoolean()).isFalse();
		JsonNode days = ok("/api/calendar/calendar-days?from=2026-09-28&add=3");
		assertThat(days.path("due").asText()).isEqualTo("2026-10-08");
		assertThat(days.path("dueAt").asText()).isEqualTo("2026-10-08T15:59:59Z");
		assertThat(days.path("provisional").asBoolean()).isFalse();
		JsonNode intoNextYear = ok("/api/calendar/workdays?from=2026-12-30&add=2");
		assertThat(intoNextYear.path("due").asText()).isEqualTo("2027-01-01");
		assertThat(intoNextYear.path("provisional").asBoolean()).isTrue();
		assertThat(ok("/api/calendar/workdays?from=2026-03-02&add=0").path("due").asText()).isEqualTo("2026-03-02");
	}

	@Test
	void badInputIs400NamingTheParameter() throws Exception {
		badRequest("/api/calendar/days/2026-13-01", "date");
		badRequest("/api/calendar/workdays?from=2026/03/02&add=3", "from");
		badRequest("/api/calendar/workdays?from=x&add=1", "from");
		badRequest("/api/calendar/workdays?add=3", "from");
		badRequest("/api/calendar/workdays?from=2026-03-02&add=-1", "add");
		badRequest("/api/calendar/workdays?from=2026-03-02&add=367", "add");
		badRequest("/api/calendar/calendar-days?from=2026-03-02&add=three", "add");
		badRequest("/api/calendar/calendar-days?from=2026-03-02", "add");
		ok("/api/calendar/workdays?from=2026-03-02&add=366");
	}

	@Test
	void theApiNeedsALoginAndAdminActionsNeedCamundaAdmin() throws Exception {
		assertProblem(mvc.perform(get("/api/calendar/days/2026-03-02")).andReturn(), 401, null);
		refused(mvc.perform(post("/api/calendar/reload").with(officer1()).with(csrf())).andReturn());
		refused(mvc.perform(post("/api/calendar/recompute-provisional").with(officer1()).with(csrf())).andReturn());
		refused(mvc.perform(post("/api/calendar/recompute-provisional")
			.with(user("reviewer1", List.of(Roles.REVIEWER), List.of("LIAOKUO"))).with(csrf())).andReturn());
		verifyNoInteractions(provisionalDeadlines);

		MvcResult reloaded = mvc.perform(post("/api/calendar/reload").with(admin()).with(csrf())).andReturn();
		assertThat(reloaded.getResponse().getStatus()).as(body(reloaded)).isEqualTo(200);
		JsonNode summary = JSON.readTree(body(reloaded));
		assertThat(summary.path("years").toString()).contains("2025", "2026");
		assertThat(summary.path("limits").toString()).contains("\"LEGAL_REVIEW\"", "\"SEIZURE\"");
	}

	@Test
	void recomputingAYearWithoutAFileIsRefusedNamingTheYear() throws Exception {
		assertProblem(mvc.perform(post("/api/calendar/recompute-provisional?year=20x6").with(admin()).with(csrf())).andReturn(),
				400, "year");
		assertProblem(mvc.perform(post("/api/calendar/recompute-provisional?year=1999").with(admin()).with(csrf())).andReturn(),
				400, "year");
		verifyNoInteractions(provisionalDeadlines);
	}

	private JsonNode ok(String url) throws Exception {
		MvcResult result = mvc.perform(get(url).with(officer1())).andReturn();
		assertThat(result.getResponse().getStatus()).as(url + ": " + body(result)).isEqualTo(200);
		return JSON.readTree(body(result));
	}

	private void badRequest(String url, String field) throws Exception {
		JsonNode problem = assertProblem(mvc.perform(get(url).with(officer1())).andReturn(), 400, field);
		assertThat(problem.path("type").asText()).isEqualTo("https://zhifa.cn/problems/invalid-field");
		assertThat(problem.path("detail").asText()).as(url).contains(field);
	}

	private static void refused(MvcResult result) throws Exception {
		assertThat(assertProblem(result, 403, null).path("detail").asText()).isEqualTo(ADMIN_ONLY);
	}
}

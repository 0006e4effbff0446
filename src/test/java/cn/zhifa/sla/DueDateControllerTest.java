package cn.zhifa.sla;

import static cn.zhifa.platform.WebSliceSupport.admin;
import static cn.zhifa.platform.WebSliceSupport.assertProblem;
import static cn.zhifa.platform.WebSliceSupport.body;
import static cn.zhifa.platform.WebSliceSupport.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.zhifa.platform.Roles;
import cn.zhifa.platform.WebSlice;

/**
 * Web slice of {@code POST /api/sla/due-date-changes} ({@link DueDateController}): only administrators, refused by
 * method security ({@code @RoleRequired}) with the rule in Chinese before the controller runs; past the role check
 * the input is judged, naming the field. Moved from MethodSecurityIT; what a change does to the engine and the record
 * stays in DueDateChangeIT.
 */
@WebSlice
@Import(DueDateController.class)
class DueDateControllerTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String CHANGES = "/api/sla/due-date-changes";

	@Autowired
	MockMvc mvc;
	@MockitoBean
	DueDateChanges changes;

	@Test
	void onlyAdministratorsMayMoveADeadline() throws Exception {
		RequestPostProcessor head1 = user("head1", List.of(Roles.HEAD), List.of("LIAOKUO"));
		MvcResult refused = change(head1, Map.of("source", "TASK", "id", "x", "dueAt", "2026-12-31"));
		assertThat(assertProblem(refused, 403, null).path("detail").asText()).isEqualTo("只有系统管理员可以调整期限");
		verifyNoInteractions(changes);
	}

	@Test
	void theRoleItNamesPassesTheCheckAndTheInputIsJudged() throws Exception {
		assertProblem(change(admin(), Map.of("source", "NONE", "id", "x")), 400, "source");
		assertProblem(change(admin(), Map.of("source", "task", "id", "x".repeat(65))), 400, "id");
		assertProblem(change(admin(), Map.of("source", "timer", "id", "x", "dueAt", "next week")), 400, "dueAt");
		verifyNoInteractions(changes);
	}

	@Test
	void aChangeReachesTheServiceWithTheParsedMoment() throws Exception {
		Instant after = Instant.parse("2026-12-08T09:00:00Z");
		when(changes.change(any(), eq(DueDateChanges.Source.TASK), eq("task-1"), eq(after), eq("当事人申请延期")))
			.thenReturn(new DueDateChanges.Change(DueDateChanges.Source.TASK, "task-1", "寥街罚〔2026〕7号", "userTask_x",
					Instant.parse("2026-12-01T09:00:00Z"), after, "当事人申请延期", "admin"));
		// a local date-time is China's
		MvcResult created = change(admin(), Map.of("source", "task", "id", "task-1", "dueAt", "2026-12-08T17:00",
				"reason", "当事人申请延期"));
		assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
		assertThat(JSON.readTree(body(created)).path("caseNo").asText()).isEqualTo("寥街罚〔2026〕7号");
		verify(changes).change(any(), eq(DueDateChanges.Source.TASK), eq("task-1"), eq(after), eq("当事人申请延期"));
	}

	private MvcResult change(RequestPostProcessor user, Map<String, Object> body) throws Exception {
		return mvc.perform(post(CHANGES).with(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsBytes(body))).andReturn();
	}
}

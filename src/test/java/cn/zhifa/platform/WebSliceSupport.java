package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;

/**
 * What a {@link WebSlice} imports of the platform — the security filter chain, method security and the error
 * model, as the application configures them — and the slices' shared helpers: a logged-in user with groups and
 * agencies, and the problem-detail check of the error model (issue 13: Chinese title and detail, the field at
 * fault, no class name, SQL or stack trace).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, MethodSecurityConfiguration.class, ProblemResponses.class })
public class WebSliceSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A logged-in user, as the Camunda identity login makes one: {@code ROLE_<group>} and {@code TENANT_<agency>}. */
	public static RequestPostProcessor user(String id, List<String> groups, List<String> agencies) {
		List<SimpleGrantedAuthority> authorities = new ArrayList<>();
		groups.forEach(g -> authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + g)));
		agencies.forEach(a -> authorities.add(new SimpleGrantedAuthority(CurrentUser.TENANT_PREFIX + a)));
		return SecurityMockMvcRequestPostProcessors.user(id).authorities(authorities);
	}

	/** officer1 of the demo organisation: an officer of 寥廓街道 (LIAOKUO). */
	public static RequestPostProcessor officer1() {
		return user("officer1", List.of(Roles.OFFICER), List.of("LIAOKUO"));
	}

	/** The administrator (no agency of its own, sees every agency). */
	public static RequestPostProcessor admin() {
		return user("admin", List.of(Roles.ADMIN), List.of());
	}

	/** The body of a response, read as UTF-8. */
	public static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * The response is a problem of {@code status} naming {@code field} (when not null): problem JSON with a stable
	 * type, Chinese title and detail, short, without class names, SQL or stack traces. Returns the problem.
	 */
	public static JsonNode assertProblem(MvcResult result, int status, String field) throws Exception {
		String body = body(result);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).as(body).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").asText()).startsWith(Problem.TYPE_BASE);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).containsPattern("[\\u4e00-\\u9fff]");
		assertThat(problem.path("detail").asText()).as(body).containsPattern("[\\u4e00-\\u9fff]");
		if (field != null) {
			assertThat(problem.path("field").asText()).as(body).isEqualTo(field);
		}
		assertThat(body.length()).isLessThan(4000);
		assertThat(body).doesNotContain("Exception", "java.", "org.", "SQL", "INSERT", "ENGINE-", "\tat ");
		return problem;
	}
}

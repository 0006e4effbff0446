package cn.zhifa.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.zhifa.platform.problem.ProblemResponses;
import cn.zhifa.support.ProblemChecks;

/**
 * What a {@link WebSlice} imports of the platform — the security filter chain, method security and the error
 * model, as the application configures them — and the slices' shared helpers: a logged-in user with groups and
 * agencies, the problem-detail check of the error model ({@link ProblemChecks}) and a fixed clock (2026-11-25).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, MethodSecurityConfiguration.class, ProblemResponses.class, LoginCache.class })
public class WebSliceSupport {

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
		return ProblemChecks.assertProblem(result.getResponse().getStatus(), result.getResponse().getContentType(), body(result),
				status, field);
	}

	/** The slices' clock (controllers that date what they answer): 2026-11-25 10:00 in China. */
	@Bean
	Clock clock() {
		return Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
	}
}

package cn.zhifa.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice (unit phase, a few seconds): Spring MVC with the controllers the test {@code @Import}s, the real
 * security filter chain ({@link SecurityConfiguration}), method security ({@link MethodSecurityConfiguration},
 * {@link RoleRequired}) and the one error model ({@link cn.zhifa.platform.problem.ProblemResponses}); no engine,
 * no database. Nothing else of the application is scanned ({@code useDefaultFilters = false}): the test mocks
 * the services its controller calls ({@code @MockitoBean}). The engine services the security chain holds
 * (identity for the webapps' session login, repository and tasks for the supervisors' read-only filter) are
 * mocks too; a test that needs {@link TaskService} autowires this mock. Requests name their user with
 * {@link WebSliceSupport#user}; problems are checked with {@link WebSliceSupport#assertProblem}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(useDefaultFilters = false)
@Import(WebSliceSupport.class)
@MockitoBean(types = { IdentityService.class, RepositoryService.class, TaskService.class })
public @interface WebSlice {
}

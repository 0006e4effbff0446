package cn.zhifa.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Method security (issue 20 §3, ADR-0041): only a user in one of the groups named by {@link #value()} (constants of
 * {@link Roles}) may call the annotated method, or any method of the annotated class; anyone else gets 403 with
 * {@link #refusal()}, the rule in Chinese. Checked by Spring Security's method interceptor
 * ({@link MethodSecurityConfiguration}) before the method runs, so a controller or service states its rule once,
 * in its signature, instead of testing groups by hand. Agency scope (own agency's data only) stays in the queries,
 * which filter by the user's agencies.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RoleRequired {

	/** The groups (any one suffices), from {@link Roles}. */
	String[] value();

	/** What the refused user is told, naming the rule, e.g. "只有系统管理员可以调整期限". */
	String refusal();
}

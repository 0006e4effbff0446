package cn.zhifa.platform;

import java.util.Arrays;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Method security (issue 20 §3, ADR-0041): Spring Security's method interceptor enforces {@link RoleRequired}
 * on every bean method (or class) that carries it; {@code @PreAuthorize} is available too. A refusal is an
 * {@link AccessDeniedException} whose message is the annotation's Chinese rule; the one error model answers it
 * as 403 with that text.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor roleRequiredAdvisor() {
		ComposablePointcut annotated = new ComposablePointcut(new AnnotationMatchingPointcut(RoleRequired.class, true))
			.union(new AnnotationMatchingPointcut(null, RoleRequired.class, true));
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(annotated,
				new RoleCheck());
		interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() - 1);
		return interceptor;
	}

	/** Grants when the user is in one of the annotation's groups; refuses with the annotation's words. */
	static final class RoleCheck implements AuthorizationManager<MethodInvocation> {

		@Override
		public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation invocation) {
			RoleRequired rule = ruleOf(invocation);
			Authentication user = authentication.get();
			boolean granted = user != null && user.isAuthenticated() && user.getAuthorities().stream()
				.map(GrantedAuthority::getAuthority)
				.anyMatch(a -> Arrays.stream(rule.value()).anyMatch(role -> a.equals(CurrentUser.GROUP_PREFIX + role)));
			if (!granted) {
				throw new AccessDeniedException(rule.refusal());
			}
			return new AuthorizationDecision(true);
		}

		/** The method's own rule, else its class's. */
		static RoleRequired ruleOf(MethodInvocation invocation) {
			RoleRequired rule = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), RoleRequired.class);
			if (rule == null && invocation.getThis() != null) {
				rule = AnnotatedElementUtils.findMergedAnnotation(
						org.springframework.aop.support.AopUtils.getTargetClass(invocation.getThis()), RoleRequired.class);
			}
			if (rule == null) {
				throw new IllegalStateException("no @RoleRequired on " + invocation.getMethod());
			}
			return rule;
		}
	}
}

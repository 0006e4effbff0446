/**
 * Platform: the embedded Camunda engine's configuration, model deployment from {@code processes/},
 * {@code dmn/} and {@code forms/}, security (Camunda identity for every login, agencies as tenants)
 * and start-up failure messages. Features build on this package; it knows none of them.
 * <p>
 * As a Spring Modulith module (ADR 0036) it may depend on no other module; the other modules use its
 * public types here and its named interfaces {@code platform::problem} (the one error model) and
 * {@code platform::form} (deployed forms).
 */
@ApplicationModule(allowedDependencies = {})
package cn.zhifa.platform;

import org.springframework.modulith.ApplicationModule;

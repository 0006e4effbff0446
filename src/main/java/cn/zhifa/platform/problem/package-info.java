/**
 * The one error model (ADR 0013): {@link cn.zhifa.platform.problem.Problem} and how it is written. Part of
 * the platform module; exposed to every other module as its named interface {@code platform::problem}
 * (ADR 0036).
 */
@NamedInterface("problem")
package cn.zhifa.platform.problem;

import org.springframework.modulith.NamedInterface;

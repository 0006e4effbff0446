package cn.zhifa.platform;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The logged-in user of the current request: id, Camunda groups and agencies (tenants).
 * Features use it to show a user only their own agency's data.
 */
public record CurrentUser(String id, Set<String> groups, Set<String> agencies) {

	static final String GROUP_PREFIX = "ROLE_";
	static final String TENANT_PREFIX = "TENANT_";

	/** The user of the current request; fails if nobody is logged in (security config prevents that). */
	public static CurrentUser get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			throw new IllegalStateException("no authenticated user");
		}
		return new CurrentUser(auth.getName(), strip(auth, GROUP_PREFIX), strip(auth, TENANT_PREFIX));
	}

	public boolean inGroup(String group) {
		return groups.contains(group);
	}

	/** A supervisor: reads every agency's cases, changes nothing (issue 13 §3). */
	public boolean isSupervisor() {
		return inGroup(Roles.SUPERVISOR);
	}

	/** An administrator (Camunda's {@value Roles#ADMIN} group). */
	public boolean isAdmin() {
		return inGroup(Roles.ADMIN);
	}

	/** Whether this user may see data of {@code agencyCode} (own agency, or a cross-agency supervisor/admin). */
	public boolean mayAccessAgency(String agencyCode) {
		return agencies.contains(agencyCode) || inGroup(Roles.ADMIN);
	}

	public List<String> groupList() {
		return List.copyOf(groups);
	}

	public List<String> agencyList() {
		return List.copyOf(agencies);
	}

	private static Set<String> strip(Authentication auth, String prefix) {
		return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(prefix))
			.map(a -> a.substring(prefix.length())).collect(Collectors.toUnmodifiableSet());
	}
}

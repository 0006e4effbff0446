package cn.zhifa.platform;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * A feature's changes to the authorizations Camunda creates by itself (ADR-0039): the engine's default
 * grants when identity data is created, adapted by {@link EngineExtensionPlugin} in the same command.
 */
public interface EngineAuthorizationDefaults {

	/** Whether the members of new group {@code groupId} get Camunda's default grant to read it. */
	default boolean membersReadNewGroup(String groupId) {
		return true;
	}

	/**
	 * Grants to add when user {@code userId} joins tenant {@code tenantId}, besides Camunda's own; a
	 * group's existing grant on the resource gets the permission added instead of a second grant.
	 */
	default List<Grant> tenantMembershipCreated(String tenantId, String userId) {
		return List.of();
	}

	/** A grant of {@code permission} on one resource to a group. */
	record Grant(String groupId, Resource resource, String resourceId, Permission permission) {
	}
}

package cn.zhifa.support;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.GroupQuery;

/**
 * A mocked {@link IdentityService} whose group queries ({@code groupMember(user).groupId(group).count()}) answer from a
 * map of the groups' members: for a service test that asks whether a user is in a group.
 */
public final class GroupMembers {

	private GroupMembers() {
	}

	/** The identity service; {@code members}: group → its members. */
	public static IdentityService identity(Map<String, Set<String>> members) {
		IdentityService identity = mock(IdentityService.class);
		when(identity.createGroupQuery()).thenAnswer(i -> query(members));
		return identity;
	}

	private static GroupQuery query(Map<String, Set<String>> members) {
		String[] asked = new String[2];
		GroupQuery q = mock(GroupQuery.class);
		when(q.groupMember(anyString())).thenAnswer(i -> {
			asked[0] = i.getArgument(0);
			return q;
		});
		when(q.groupId(anyString())).thenAnswer(i -> {
			asked[1] = i.getArgument(0);
			return q;
		});
		when(q.count()).thenAnswer(i -> members.getOrDefault(asked[1], Set.of()).contains(asked[0]) ? 1L : 0L);
		return q;
	}
}

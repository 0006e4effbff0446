package cn.zhifa.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.platform.CurrentUser;

/**
 * A user's notifications (issue 17 §3): those addressed to the user and those addressed to one of the
 * user's groups ({@code LIAOKUO-head}, {@code supervisor}), newest first, each with the user's own read
 * state (a group's notification is read by each member separately, {@code zf_notification_read}).
 */
@Service
class NotificationCenter {

	static final Map<String, String> KIND_LABELS = Map.of("SLA_WARNING", "期限预警", "SLA_BREACH", "超期督办",
			"ASSISTANCE", "执法协助");

	public record Item(long id, String kind, String kindLabel, String message, String caseId, String agencyCode,
			String processInstanceId, Instant createdAt, boolean read) {
	}

	public record Page(int page, int size, long total, long unread, List<Item> items) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;

	NotificationCenter(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Page list(CurrentUser user, boolean unreadOnly, int page, int size) {
		MapSqlParameterSource p = params(user);
		String where = visible(user) + (unreadOnly ? " AND r.user_id IS NULL" : "");
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM zf_notification n LEFT JOIN zf_notification_read r"
				+ " ON r.notification_id = n.id AND r.user_id = :user WHERE " + where, p, Long.class);
		p.addValue("offset", (long) page * size).addValue("size", size);
		List<Item> items = new ArrayList<>();
		jdbc.query("SELECT n.id, n.kind, n.message, n.case_id, n.agency_code, n.process_instance_id, n.created_at,"
				+ " r.user_id AS reader FROM zf_notification n LEFT JOIN zf_notification_read r ON r.notification_id = n.id"
				+ " AND r.user_id = :user WHERE " + where + " ORDER BY n.created_at DESC, n.id DESC"
				+ " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY", p, rs -> {
					String kind = rs.getString("kind");
					Timestamp created = rs.getTimestamp("created_at");
					items.add(new Item(rs.getLong("id"), kind, KIND_LABELS.getOrDefault(kind, "通知"), rs.getString("message"),
							rs.getString("case_id"), rs.getString("agency_code"), rs.getString("process_instance_id"),
							created == null ? null : created.toInstant(), rs.getString("reader") != null));
				});
		return new Page(page, size, total, unread(user), items);
	}

	@Transactional(readOnly = true)
	public long unread(CurrentUser user) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM zf_notification n WHERE " + visible(user)
				+ " AND NOT EXISTS (SELECT 1 FROM zf_notification_read r WHERE r.notification_id = n.id AND r.user_id = :user)",
				params(user), Long.class);
	}

	/** Marks one notification read for the user; false if the user may not see it (or it does not exist). */
	@Transactional
	public boolean markRead(CurrentUser user, long id) {
		MapSqlParameterSource p = params(user).addValue("id", id);
		Long visible = jdbc.queryForObject("SELECT COUNT(*) FROM zf_notification n WHERE n.id = :id AND " + visible(user), p,
				Long.class);
		if (visible == null || visible == 0) {
			return false;
		}
		p.addValue("now", Timestamp.from(now()));
		jdbc.update("INSERT INTO zf_notification_read (notification_id, user_id, read_at) SELECT :id, :user, :now"
				+ " FROM zf_notification n WHERE n.id = :id AND NOT EXISTS (SELECT 1 FROM zf_notification_read r"
				+ " WHERE r.notification_id = :id AND r.user_id = :user)", p);
		return true;
	}

	/** Marks every notification of the user read; returns how many were unread. */
	@Transactional
	public int markAllRead(CurrentUser user) {
		MapSqlParameterSource p = params(user).addValue("now", Timestamp.from(now()));
		return jdbc.update("INSERT INTO zf_notification_read (notification_id, user_id, read_at) SELECT n.id, :user, :now"
				+ " FROM zf_notification n WHERE " + visible(user) + " AND NOT EXISTS (SELECT 1 FROM zf_notification_read r"
				+ " WHERE r.notification_id = n.id AND r.user_id = :user)", p);
	}

	/** The agencies the user has subscribed to. */
	@Transactional(readOnly = true)
	public List<String> subscriptions(String userId) {
		return jdbc.queryForList("SELECT agency_code FROM zf_notification_subscription WHERE user_id = :user ORDER BY agency_code",
				new MapSqlParameterSource("user", userId), String.class);
	}

	/** Subscribes the user to every SLA notification of {@code agency}; false if already subscribed. */
	@Transactional
	public boolean subscribe(String userId, String agency) {
		MapSqlParameterSource p = new MapSqlParameterSource("user", userId).addValue("agency", agency)
			.addValue("now", Timestamp.from(now()));
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM zf_notification_subscription WHERE user_id = :user"
				+ " AND agency_code = :agency", p, Long.class);
		if (existing != null && existing > 0) {
			return false;
		}
		try {
			jdbc.update("INSERT INTO zf_notification_subscription (user_id, agency_code, created_at) VALUES (:user, :agency, :now)", p);
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException concurrent) {
			return false;
		}
	}

	@Transactional
	public boolean unsubscribe(String userId, String agency) {
		return jdbc.update("DELETE FROM zf_notification_subscription WHERE user_id = :user AND agency_code = :agency",
				new MapSqlParameterSource("user", userId).addValue("agency", agency)) > 0;
	}

	/** Users subscribed to {@code agency}. */
	List<String> subscribers(String agency) {
		return jdbc.queryForList("SELECT user_id FROM zf_notification_subscription WHERE agency_code = :agency ORDER BY user_id",
				new MapSqlParameterSource("agency", agency), String.class);
	}

	private static String visible(CurrentUser user) {
		return user.groups().isEmpty() ? "n.recipient_user = :user"
				: "(n.recipient_user = :user OR n.recipient_group IN (:groups))";
	}

	private static MapSqlParameterSource params(CurrentUser user) {
		MapSqlParameterSource p = new MapSqlParameterSource("user", user.id());
		if (!user.groups().isEmpty()) {
			p.addValue("groups", (Collection<String>) user.groups());
		}
		return p;
	}

	private Instant now() {
		return clock.instant();
	}
}

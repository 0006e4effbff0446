package cn.zhifa.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * Reads the kept outcomes of closed deadlines ({@code zf_sla_outcome}, {@link SlaOutcomes}): a page of
 * rows, the compliance figures per agency and per kind over a period, every row for an export.
 * Filtering, grouping and paging in the database; names (agency, kind, person) batched per answer.
 */
@Service
class SlaHistory {

	static final Map<String, String> OUTCOME_LABELS = Map.of("MET", "按期", "BREACHED", "超期");
	static final Map<String, String> CLOSED_BY_LABELS = Map.of("COMPLETED", "办结", "TIMER", "期限届满自动结束", "CANCELLED",
			"终止（撤回、删除或被中断）");

	/** What to read: closed on a Beijing day from {@code from} to {@code to} (inclusive). */
	public record Filter(Collection<String> agencies, LocalDate from, LocalDate to, String kind, String outcome) {
	}

	public record Row(long id, String caseNo, String agencyCode, String agencyName, String kind, String kindName,
			String stepId, String step, String responsibleId, String responsible, Instant startedAt, Instant dueAt,
			Instant closedAt, String outcome, int breachedWorkdays, String outcomeLabel, String closedBy,
			String closedByLabel, String processInstanceId, String source) {
	}

	public record Page(int page, int size, long total, List<Row> rows) {
	}

	/** Closed, met, breached, compliance % (met of closed) and average breach (working days, of the breached). */
	public record Figures(String code, String name, long closed, long met, long breached, Double compliancePercent,
			Double averageBreachWorkdays) {
	}

	public record Compliance(LocalDate from, LocalDate to, Figures total, List<Figures> byAgency, List<Figures> byKind) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final IdentityService identity;
	private final RepositoryService repository;

	SlaHistory(NamedParameterJdbcTemplate jdbc, IdentityService identity, RepositoryService repository) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.repository = repository;
	}

	public Page page(Filter filter, int page, int size) {
		if (filter.agencies().isEmpty()) {
			return new Page(page, size, 0, List.of());
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, params);
		params.addValue("offset", (long) page * size).addValue("size", size);
		List<Map<String, Object>> raw = jdbc.queryForList("SELECT * FROM zf_sla_outcome o" + where
				+ " ORDER BY o.closed_at DESC, o.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY", params);
		long total = raw.size() < size && (page == 0 || !raw.isEmpty()) ? (long) page * size + raw.size()
				: jdbc.queryForObject("SELECT COUNT(*) FROM zf_sla_outcome o" + where, params, Long.class);
		Names names = names(raw);
		return new Page(page, size, total, raw.stream().map(r -> row(r, names)).toList());
	}

	/** Every row of the filter, newest closing first, in batches (for the export), with names. */
	public void each(Filter filter, int batch, Consumer<Row> sink) {
		if (filter.agencies().isEmpty()) {
			return;
		}
		for (int page = 0;; page++) {
			Page p = page(filter, page, batch);
			p.rows().forEach(sink);
			if (p.rows().size() < batch) {
				return;
			}
		}
	}

	public Compliance compliance(Filter filter) {
		Map<String, long[]> byAgency = new TreeMap<>();
		Map<String, long[]> byKind = new TreeMap<>();
		long[] total = new long[4];
		for (String a : filter.agencies()) {
			byAgency.put(a, new long[4]);
		}
		if (!filter.agencies().isEmpty()) {
			MapSqlParameterSource params = new MapSqlParameterSource();
			String where = where(new Filter(filter.agencies(), filter.from(), filter.to(), filter.kind(), null), params);
			jdbc.query("SELECT o.agency_code, o.process_key, COUNT(*), SUM(CASE WHEN o.outcome = 'MET' THEN 1 ELSE 0 END),"
					+ " SUM(CASE WHEN o.outcome = 'BREACHED' THEN 1 ELSE 0 END), SUM(o.breached_workdays)"
					+ " FROM zf_sla_outcome o" + where + " GROUP BY o.agency_code, o.process_key", params, rs -> {
						long[] figures = { rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) };
						add(byAgency.computeIfAbsent(rs.getString(1), k -> new long[4]), figures);
						add(byKind.computeIfAbsent(rs.getString(2), k -> new long[4]), figures);
						add(total, figures);
					});
		}
		Map<String, String> agencyNames = agencyNames(byAgency.keySet());
		Map<String, String> kindNames = kindNames();
		List<Figures> agencies = new ArrayList<>();
		byAgency.forEach((code, f) -> agencies.add(figures(code, agencyNames.getOrDefault(code, code), f)));
		List<Figures> kinds = new ArrayList<>();
		byKind.forEach((code, f) -> kinds.add(figures(code, kindNames.getOrDefault(code, code), f)));
		return new Compliance(filter.from(), filter.to(), figures(null, "合计", total), agencies, kinds);
	}

	private static void add(long[] into, long[] figures) {
		for (int i = 0; i < into.length; i++) {
			into[i] += figures[i];
		}
	}

	private static Figures figures(String code, String name, long[] f) {
		Double percent = f[0] == 0 ? null : Math.round(1000.0 * f[1] / f[0]) / 10.0;
		Double average = f[2] == 0 ? null : Math.round(10.0 * f[3] / f[2]) / 10.0;
		return new Figures(code, name, f[0], f[1], f[2], percent, average);
	}

	private static String where(Filter filter, MapSqlParameterSource params) {
		params.addValue("agencies", filter.agencies())
			.addValue("from", SlaOutcomes.offset(WorkingDayCalendar.startOfDay(filter.from())))
			.addValue("until", SlaOutcomes.offset(WorkingDayCalendar.startOfDay(filter.to().plusDays(1))));
		StringBuilder where = new StringBuilder(
				" WHERE o.agency_code IN (:agencies) AND o.closed_at >= :from AND o.closed_at < :until");
		if (filter.kind() != null) {
			params.addValue("kind", filter.kind());
			where.append(" AND o.process_key = :kind");
		}
		if (filter.outcome() != null) {
			params.addValue("outcome", filter.outcome());
			where.append(" AND o.outcome = :outcome");
		}
		return where.toString();
	}

	private Row row(Map<String, Object> r, Names names) {
		String outcome = str(r, "outcome");
		int late = ((Number) r.get("breached_workdays")).intValue();
		String label = "MET".equals(outcome) ? "按期" : late > 0 ? "超期 " + late + " 个工作日" : "超期（不足 1 个工作日）";
		String agency = str(r, "agency_code");
		String kind = str(r, "process_key");
		String responsible = str(r, "responsible");
		String closedBy = str(r, "closed_by");
		return new Row(((Number) r.get("id")).longValue(), str(r, "case_no"), agency, names.agencies.getOrDefault(agency, agency),
				kind, names.kinds.getOrDefault(kind, kind), str(r, "step_id"), str(r, "step_name") == null ? str(r, "step_id")
						: str(r, "step_name"), responsible, responsible == null ? null : names.users.getOrDefault(responsible, responsible),
				instant(r.get("started_at")), instant(r.get("due_at")), instant(r.get("closed_at")), outcome, late, label,
				closedBy, CLOSED_BY_LABELS.getOrDefault(closedBy, closedBy), str(r, "process_instance_id"), str(r, "source"));
	}

	private record Names(Map<String, String> agencies, Map<String, String> kinds, Map<String, String> users) {
	}

	private Names names(List<Map<String, Object>> raw) {
		Set<String> agencies = new LinkedHashSet<>();
		Set<String> users = new LinkedHashSet<>();
		for (Map<String, Object> r : raw) {
			if (str(r, "agency_code") != null) {
				agencies.add(str(r, "agency_code"));
			}
			if (str(r, "responsible") != null) {
				users.add(str(r, "responsible"));
			}
		}
		Map<String, String> userNames = new HashMap<>();
		if (!users.isEmpty()) {
			for (User u : identity.createUserQuery().userIdIn(users.toArray(String[]::new)).list()) {
				String name = ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName()))
					.trim();
				userNames.put(u.getId(), name.isEmpty() ? u.getId() : name);
			}
		}
		return new Names(agencyNames(agencies), raw.isEmpty() ? Map.of() : kindNames(), userNames);
	}

	Map<String, String> agencyNames(Collection<String> codes) {
		Map<String, String> names = new HashMap<>();
		if (!codes.isEmpty()) {
			for (Tenant t : identity.createTenantQuery().tenantIdIn(codes.toArray(String[]::new)).list()) {
				names.put(t.getId(), t.getName() == null ? t.getId() : t.getName());
			}
		}
		return names;
	}

	/** Process keys with the name of their latest version. */
	Map<String, String> kindNames() {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc()
			.list()) {
			kinds.putIfAbsent(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
		}
		return kinds;
	}

	private static String str(Map<String, Object> row, String column) {
		Object v = row.get(column);
		if (v == null) {
			v = row.get(column.toUpperCase(java.util.Locale.ROOT));
		}
		return v == null ? null : v.toString();
	}

	private static Instant instant(Object value) {
		if (value instanceof OffsetDateTime odt) {
			return odt.toInstant();
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant();
		}
		if (value instanceof java.time.ZonedDateTime z) {
			return z.toInstant();
		}
		if (value instanceof Instant i) {
			return i;
		}
		return value == null ? null : ((java.util.Date) value).toInstant();
	}
}

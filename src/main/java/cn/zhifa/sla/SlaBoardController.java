package cn.zhifa.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * The SLA board over REST (issue 17): {@code GET /api/sla/deadlines} — running statutory deadlines,
 * most urgent first, paged, filtered by agency, kind (process), state and person — and
 * {@code GET /api/sla/summary} — counts per state, and for supervisors one row per agency with the
 * supervision indicators. Read-only. Officers and heads see their own agency; supervisors (members
 * of every agency) and administrators every agency.
 */
@RestController
@RequestMapping("/api/sla")
class SlaBoardController {

	static final int MAX_PAGE_SIZE = 200;

	private final DeadlineBoard board;
	private final RepositoryService repository;
	private final IdentityService identity;
	private final BoardRules rules;
	private final SummarySnapshots snapshots;
	private final Clock clock;

	SlaBoardController(DeadlineBoard board, RepositoryService repository, IdentityService identity, BoardRules rules,
			SummarySnapshots snapshots, Clock clock) {
		this.clock = clock;
		this.board = board;
		this.snapshots = snapshots;
		this.repository = repository;
		this.identity = identity;
		this.rules = rules;
	}

	@GetMapping("/deadlines")
	DeadlineBoard.Page deadlines(@RequestParam(required = false) String agency, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String state, @RequestParam(required = false) String person,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		InputCheck.requirePage(page, size, MAX_PAGE_SIZE);
		return board.deadlines(filter(agency, kind, state, person), page, size);
	}

	/** Counts per state of what the user may see (with the same filters), and the per-agency table for supervisors. */
	@GetMapping("/summary")
	ResponseEntity<Map<String, Object>> summary(@RequestParam(required = false) String agency,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String person, CsrfToken csrf,
			HttpServletRequest request) {
		CurrentUser user = CurrentUser.get();
		DeadlineBoard.Filter filter = filter(agency, kind, null, person);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("now", clock.instant());
		SummarySnapshots.Counted summary = snapshots.summary(filter, supervises(user));
		result.put("countedAt", summary.countedAt());
		List<DeadlineBoard.AgencySummary> perAgency = summary.agencies();
		Map<DeadlineBoard.State, Long> counts = new LinkedHashMap<>();
		for (DeadlineBoard.State s : DeadlineBoard.State.values()) {
			counts.put(s, perAgency.stream().mapToLong(a -> a.counts().get(s)).sum());
		}
		result.put("counts", counts);
		result.put("stateLabels", DeadlineBoard.STATE_LABELS);
		BoardRules.Thresholds defaults = rules.current().defaults();
		result.put("thresholds", Map.of("yellowWorkdaysLeft", defaults.workdaysLeft(), "yellowPercentLeft",
				defaults.percentLeft(), "byKind", rules.current().byKind()));
		result.put("kinds", kinds());
		result.put("supervisor", supervises(user));
		result.put("admin", user.isAdmin());
		result.put("agencies", supervises(user) ? perAgency : List.of());
		return WebappCsrf.ok(csrf, request).body(result); // the board's page posts an administrator's due date change
	}

	private DeadlineBoard.Filter filter(String agency, String kind, String state, String person) {
		CurrentUser user = CurrentUser.get();
		Collection<String> scope = scope(user);
		if (agency != null) {
			InputCheck.requireText("agency", "执法主体（agency）", agency, 64);
			if (!scope.contains(agency)) {
				throw Problem.forbidden("无权查看该执法主体的期限");
			}
			scope = List.of(agency);
		}
		if (kind != null && repository.createProcessDefinitionQuery().processDefinitionKey(kind).count() == 0) {
			throw Problem.invalid("kind", "期限类别（kind）应为流程标识之一：" + String.join("、", kinds().keySet()));
		}
		DeadlineBoard.State s = null;
		if (state != null) {
			try {
				s = DeadlineBoard.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw Problem.invalid("state", "状态（state）应为 green（正常）、yellow（即将到期）、red（已超期）或 paused（已暂停）");
			}
		}
		if (person != null) {
			InputCheck.requireText("person", "责任人（person）", person, 64);
			if (person.isBlank()) {
				person = null;
			}
		}
		return new DeadlineBoard.Filter(scope, kind, s, person);
	}

	/** The agencies the user may see: their own; every agency for an administrator. */
	private Collection<String> scope(CurrentUser user) {
		TreeSet<String> agencies = new TreeSet<>(user.agencies());
		if (user.isAdmin()) {
			identity.createTenantQuery().list().stream().map(Tenant::getId).forEach(agencies::add);
		}
		return agencies;
	}

	private static boolean supervises(CurrentUser user) {
		return user.isSupervisor() || user.isAdmin();
	}

	/** Process keys with their (Chinese) names, for the kind filter. */
	private Map<String, String> kinds() {
		Map<String, String> kinds = new LinkedHashMap<>();
		List<org.camunda.bpm.engine.repository.ProcessDefinition> latest = new ArrayList<>(
				repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list());
		for (var d : latest) {
			kinds.putIfAbsent(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
		}
		return kinds;
	}
}

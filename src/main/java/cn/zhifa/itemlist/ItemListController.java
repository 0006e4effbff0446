package cn.zhifa.itemlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.problem.Problem;

/**
 * Item lists for reading ({@code /api/item-lists}, HTTP Basic or the webapps' session): the lists of the user's own
 * agency (supervisors: every agency) with the version in force and the history, and the proposed changes (another
 * agency's change is 404). Lists change only through the process {@code item-list-change}, never here; the public reads
 * the published versions on the portal.
 */
@RestController
@RequestMapping("/api/item-lists")
class ItemListController {

	record ListView(String agencyCode, Integer versionInForce, LocalDate effectiveOn, List<EnforcementItem> items,
			List<ItemListVersion> history) {
	}

	record ChangeRow(String changeNo, String agencyCode, String action, String itemCode, String itemName, String status,
			int rounds, int baseVersion, LocalDate effectiveOn, String proposedBy, Instant proposedAt, String reviewedBy,
			Instant reviewedAt, Integer publishedVersion, String processInstanceId) {

		static ChangeRow of(ItemListChange c) {
			return new ChangeRow(c.changeNo(), c.agencyCode(), c.action(), c.item().code(), c.item().name(), c.status(),
					c.rounds(), c.baseVersion(), c.effectiveOn(), c.proposedBy(), c.proposedAt(), c.reviewedBy(), c.reviewedAt(),
					c.publishedVersion(), c.processInstanceId());
		}
	}

	record ChangeDetail(ChangeRow summary, EnforcementItem item, String reason, String reviewComment) {
	}

	private final ItemListService lists;

	ItemListController(ItemListService lists) {
		this.lists = lists;
	}

	/** The lists the user may read: the own agency's, every agency's for supervisors. */
	@GetMapping
	List<ListView> all() {
		CurrentUser user = CurrentUser.get();
		boolean everyone = user.isAdmin() || user.isSupervisor();
		return lists.agenciesWithLists().stream().filter(a -> everyone || user.agencies().contains(a)).map(this::view).toList();
	}

	@GetMapping("/changes")
	List<ChangeRow> changes() {
		CurrentUser user = CurrentUser.get();
		return lists.changes(user.agencies(), user.isAdmin() || user.isSupervisor()).stream().map(ChangeRow::of).toList();
	}

	@GetMapping("/changes/{itemChangeNo}")
	ChangeDetail change(@PathVariable String itemChangeNo) {
		ItemListChange c = Registers.readable(lists.change(itemChangeNo), ItemListChange::agencyCode, "itemChangeNo",
				itemChangeNo, "行政执法事项清单变更");
		return new ChangeDetail(ChangeRow.of(c), c.item(), c.reason(), c.reviewComment());
	}

	@GetMapping("/{agencyCode}")
	ListView one(@PathVariable String agencyCode) {
		CurrentUser user = CurrentUser.get();
		if (agencyCode.length() > 32 || !user.mayAccessAgency(agencyCode) || lists.history(agencyCode).isEmpty()) {
			throw Problem.notFound("agencyCode", "没有执法主体 " + agencyCode + " 的行政执法事项清单");
		}
		return view(agencyCode);
	}

	private ListView view(String agencyCode) {
		var inForce = lists.inForce(agencyCode);
		return new ListView(agencyCode, inForce.map(ItemListVersion::version).orElse(null),
				inForce.map(ItemListVersion::effectiveOn).orElse(null),
				inForce.map(v -> lists.items(agencyCode, v.version())).orElse(List.of()), lists.history(agencyCode));
	}
}

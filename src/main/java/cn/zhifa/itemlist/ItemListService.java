package cn.zhifa.itemlist;

import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;

/**
 * Enforcement item lists (行政执法事项清单, R-QUAL-4, R-DISC-1). Each agency's list is versioned data: version 1 is its
 * seed ({@link ItemListSeeds}); its legal office proposes a change (add, change or remove one item) through the
 * process {@code item-list-change}, the general office (or the head) reviews it as a disclosure is reviewed (approve or
 * return for revision; the reviewer is not the proposer), and the approved change is published as the next version
 * from its effective day. The portal shows the list in force and every version. {@link #requireOnList} is the guard of
 * a case's registration: a violation not on the agency's list in force is refused, naming the field and the rule.
 */
@Service
public class ItemListService {

	private static final Logger log = LoggerFactory.getLogger(ItemListService.class);
	static final String PROCESS_KEY = "item-list-change";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final List<String> KINDS = List.of("PENALTY", "COERCION", "INSPECTION", "PERMIT", "OTHER");
	static final List<String> ACTIONS = List.of("ADD", "CHANGE", "REMOVE");
	static final List<String> OUTCOMES = List.of("APPROVE", "RETURN");
	static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
	/** The rule a case's violation is checked by (quoted in the refusal). */
	static final String RULE = "R-QUAL-4：执法主体只能在行政执法事项清单范围内行使职权，清单之外的权力不得行使；"
			+ "《中华人民共和国行政处罚法》第四条、第十七条（行政处罚由具有行政处罚权的行政机关在法定职权范围内实施）";

	// process variables (start and revise forms)
	static final String ACTION = "itemAction";
	static final String ITEM_CODE = "itemCode";
	static final String NAME = "itemName";
	static final String KIND = "itemKind";
	static final String LEGAL_BASIS = "itemLegalBasis";
	static final String UNIT = "itemResponsibleUnit";
	static final String RESPONSIBILITIES = "itemResponsibilities";
	static final String ACCOUNTABILITY = "itemAccountability";
	static final String REASON = "itemChangeReason";
	static final String EFFECTIVE_ON = "itemEffectiveOn";
	// system variables
	static final String NO = "itemChangeNo";
	static final String PROPOSED_BY = "itemProposedBy";
	static final String ACTION_LABEL = "itemActionLabel";
	static final String KIND_LABEL = "itemKindLabel";
	static final String CURRENT_ENTRY = "itemCurrentEntry";
	static final String BASE_VERSION = "itemListBaseVersion";
	static final String PUBLISHED_VERSION = "itemListPublishedVersion";
	static final String OUTCOME = "itemListReviewOutcome";
	static final String COMMENT = "itemListReviewComment";

	private final ItemListStore store;
	private final ItemListSeeds seeds;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final DisplayLabels labels;
	private final Clock clock;

	ItemListService(ItemListStore store, ItemListSeeds seeds, AgencyRepository agencies, DocumentNumbers numbers,
			DisplayLabels labels, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.seeds = seeds;
		this.agencies = agencies;
		this.numbers = numbers;
		this.labels = labels;
	}

	/** The seed lists: version 1 of every agency that has a file and no version yet (idempotent). */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void loadSeeds() {
		for (ItemListSeeds.Seed seed : seeds.all()) {
			if (store.latest(seed.agencyCode()).isEmpty()) {
				store.insertVersion(new ItemListVersion(seed.agencyCode(), 1, seed.effectiveOn(), now(), "system", null,
						"初始清单（" + seed.items().size() + "项）"), seed.items());
				log.info("Item list of {} seeded from {}: {} items", seed.agencyCode(), seed.source(), seed.items().size());
			}
		}
	}

	// --- reading

	/** The version in force today, if the agency has a list. */
	@Transactional(readOnly = true)
	public Optional<ItemListVersion> inForce(String agencyCode) {
		return store.inForce(agencyCode, today());
	}

	@Transactional(readOnly = true)
	public List<EnforcementItem> items(String agencyCode, int version) {
		return store.items(agencyCode, version);
	}

	/** Every version, newest first (the history). */
	@Transactional(readOnly = true)
	public List<ItemListVersion> history(String agencyCode) {
		return store.versions(agencyCode);
	}

	@Transactional(readOnly = true)
	public Optional<ItemListVersion> version(String agencyCode, int version) {
		return store.version(agencyCode, version);
	}

	@Transactional(readOnly = true)
	public List<String> agenciesWithLists() {
		return store.agencies();
	}

	@Transactional(readOnly = true)
	public Optional<ItemListChange> change(String changeNo) {
		return Registers.find(changeNo, store::change);
	}

	@Transactional(readOnly = true)
	public List<ItemListChange> changes(Collection<String> agencyCodes, boolean all) {
		return store.changes(agencyCodes, all);
	}

	public String kindLabel(String kind) {
		return labels.label("itemKind", kind);
	}

	public String actionLabel(String action) {
		return labels.label(ACTION, action);
	}

	// --- the guard

	/**
	 * A case's violation must be an item of its agency's list in force (R-QUAL-4): else 400 on {@code field}, naming the
	 * list's version and the rule.
	 */
	@Transactional(readOnly = true)
	public void requireOnList(String agencyCode, String violationCode, String field) {
		Optional<ItemListVersion> v = inForce(agencyCode);
		if (v.isEmpty()) {
			throw invalid(field, "本机关尚未发布行政执法事项清单，不能以违法行为“" + violationCode + "”立案（" + RULE + "）");
		}
		boolean listed = store.items(agencyCode, v.get().version()).stream()
			.anyMatch(i -> i.code().equals(violationCode) && "PENALTY".equals(i.kind()));
		if (!listed) {
			throw invalid(field, "“" + violationCode + "”不在本机关现行行政执法事项清单（第" + v.get().version() + "版，"
					+ v.get().effectiveOn() + "起施行）的行政处罚事项中，不予立案（" + RULE + "）");
		}
	}

	// --- the steps of item-list-change

	/** A proposed change as its form states it (texts trimmed, blank is null; the effective day as yyyy-MM-dd…). */
	record ProposalInput(String action, String itemCode, String name, String kind, String legalBasis, String unit,
			String responsibilities, String accountability, String reason, String effectiveOn) {
	}

	/**
	 * What the review form shows of a change: the labels, the list version it is based on, its effective day, the
	 * entry as it is now and, for a removal, the removed item's name (else null).
	 */
	record Shown(String actionLabel, String kindLabel, int baseVersion, String effectiveOn, String currentEntry,
			String removedName) {
	}

	/** A change registered: its number, the agency's name, who proposed it, and what the review form shows. */
	record Proposed(String changeNo, String agency, String agencyName, String proposedBy, Shown shown) {
	}

	/** 登记清单变更: only the agency's legal office proposes; the change is checked against the latest version. */
	Proposed propose(Step step, ProposalInput input) {
		String agency = step.agency();
		if (agency == null || !step.actorIn(StaffRole.LEGAL_REVIEWER.groupOf(agency))) {
			throw new AuthorizationException("行政执法事项清单由本机关的法制审核机构（司法所、法规科）维护和提出变更");
		}
		Proposal p = checkedProposal(input, agency);
		Instant at = now();
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		// 寥街清单变更〔2026〕1号: the agency's own series, its short name first (the number is unique across agencies)
		String shortName = agencies.findById(agency).map(a -> a.getShortName()).orElse(agency);
		String no = shortName + "清单变更〔" + year + "〕" + numbers.next(agency, "ITEM_LIST_CHANGE", year) + "号";
		store.insertChange(new ItemListChange(no, agency, p.action, p.item, p.reason, p.effectiveOn, p.baseVersion, step.actor(),
				at, step.processInstanceId(), ItemListChange.PROPOSED, 1, null, null, null, null));
		return new Proposed(no, agency, agencies.findById(agency).map(a -> a.getName()).orElse(agency), step.actor(),
				shown(agency, p));
	}

	/**
	 * The review: approve or return (a comment then); the reviewer is not the proposer ({@code proposedBy}, R-DISC-6's
	 * two persons).
	 */
	void checkReview(Step step, String outcome, String comment, String proposedBy) {
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw invalid(OUTCOME, "审核结论须为 同意发布 或 退回修改，收到 " + outcome);
		}
		if ("RETURN".equals(outcome)) {
			requiredText(comment, COMMENT, "审核意见", 2000);
		}
		else {
			if (comment != null && InputCheck.textFlaw(comment, 2000) != null) {
				throw invalid(COMMENT, "审核意见" + InputCheck.textFlaw(comment, 2000));
			}
		}
		if (step.actor().equals(proposedBy)) {
			throw new AuthorizationException("清单变更的审核人不得是提出变更的人（" + step.actor() + "）");
		}
	}

	/** The legal office's revision: the same checks as the proposal. */
	void checkRevision(Step step, ProposalInput input) {
		checkedProposal(input, step.agency());
	}

	/** 退回修改: back to the legal office, with the reviewer's {@code comment}. */
	void returnForRevision(Step step, String changeNo, String comment) {
		store.reviewed(no(changeNo), ItemListChange.RETURNED, step.actor(), now(), comment, null);
	}

	/** 重新提交: the revised change, checked again, reviewed again; returns what the review form shows. */
	Shown resubmit(Step step, String changeNo, ProposalInput input) {
		Proposal p = checkedProposal(input, step.agency());
		store.revised(no(changeNo), p.action, p.item, p.reason, p.effectiveOn, p.baseVersion);
		return shown(step.agency(), p);
	}

	/**
	 * 发布新版清单: the latest version with the change applied, published as the next version from its effective day;
	 * returns that version.
	 */
	int publish(Step step, String changeNo, ProposalInput input, String comment) {
		String agency = step.agency();
		String no = no(changeNo);
		ItemListChange c = store.change(no).orElseThrow();
		if (!step.processInstanceId().equals(c.processInstanceId())) {
			throw new AuthorizationException("清单变更“" + no + "”不由本流程办理");
		}
		Proposal p = checkedProposal(input, agency); // the list may have changed since the proposal
		ItemListVersion latest = store.latest(agency).orElseThrow();
		List<EnforcementItem> items = new ArrayList<>(store.items(agency, latest.version()));
		items.removeIf(i -> i.code().equals(p.item.code()));
		String summary;
		switch (p.action) {
			case "ADD" -> {
				items.add(p.item);
				summary = "新增：" + p.item.name();
			}
			case "CHANGE" -> {
				items.add(p.item);
				summary = "修改：" + p.item.name();
			}
			default -> summary = "删除：" + store.items(agency, latest.version()).stream()
				.filter(i -> i.code().equals(p.item.code())).findFirst().map(EnforcementItem::name).orElse(p.item.code());
		}
		if (summary.length() > 480) {
			summary = summary.substring(0, 480) + "…";
		}
		Instant at = now();
		int version = latest.version() + 1;
		store.insertVersion(new ItemListVersion(agency, version, p.effectiveOn, at, step.actor(), no, summary + "（" + no + "）"),
				items);
		store.reviewed(no, ItemListChange.PUBLISHED, step.actor(), at, comment, version);
		return version;
	}

	// --- helpers

	private record Proposal(String action, EnforcementItem item, String reason, LocalDate effectiveOn, int baseVersion) {
	}

	/** The proposal's fields checked (400 naming the field), against the agency's latest version. */
	private Proposal checkedProposal(ProposalInput in, String agency) {
		String action = required(in.action(), ACTION, "变更类型");
		if (!ACTIONS.contains(action)) {
			throw invalid(ACTION, "变更类型须为 新增事项、修改事项 或 删除事项，收到 " + action);
		}
		String code = required(in.itemCode(), ITEM_CODE, "事项编码");
		if (code.length() > 64 || !CODE.matcher(code).matches()) {
			throw invalid(ITEM_CODE, "事项编码须为大写字母、数字和连字符，以字母开头，不超过64个字符（如 CM-DUMP-WASTE），收到 " + code);
		}
		ItemListVersion latest = store.latest(agency)
			.orElseThrow(() -> invalid(ITEM_CODE, "本机关尚无行政执法事项清单（初始清单见 disclosure/item-lists/）"));
		List<EnforcementItem> items = store.items(agency, latest.version());
		Optional<EnforcementItem> existing = items.stream().filter(i -> i.code().equals(code)).findFirst();
		if ("ADD".equals(action) && existing.isPresent()) {
			throw invalid(ITEM_CODE, "事项编码 " + code + " 已在清单第" + latest.version() + "版中（" + existing.get().name()
					+ "），请选择“修改事项”");
		}
		if (!"ADD".equals(action) && existing.isEmpty()) {
			throw invalid(ITEM_CODE, "事项编码 " + code + " 不在清单第" + latest.version() + "版中，无可修改或删除的事项");
		}
		String reason = requiredText(in.reason(), REASON, "变更理由", 2000);
		LocalDate effectiveOn = effectiveOn(in.effectiveOn());
		EnforcementItem item;
		if ("REMOVE".equals(action)) {
			item = existing.get();
		}
		else {
			item = new EnforcementItem(code, in.name(), in.kind(), in.legalBasis(), in.unit(), in.responsibilities(),
					in.accountability());
			requiredText(in.name(), NAME, "事项名称", 200);
			String kind = required(in.kind(), KIND, "事项类别");
			if (!KINDS.contains(kind)) {
				throw invalid(KIND, "事项类别须为 行政处罚、行政强制、行政检查、行政许可 或 其他，收到 " + kind);
			}
			requiredText(in.legalBasis(), LEGAL_BASIS, "设定依据", 2000);
			requiredText(in.unit(), UNIT, "实施机构", 200);
			requiredText(in.responsibilities(), RESPONSIBILITIES, "责任事项", 2000);
			requiredText(in.accountability(), ACCOUNTABILITY, "追责情形", 2000);
			if ("CHANGE".equals(action) && item.equals(existing.get())) {
				throw invalid(NAME, "修改后的事项与清单第" + latest.version() + "版中的相同，没有可发布的修改");
			}
		}
		return new Proposal(action, item, reason, effectiveOn, latest.version());
	}

	/** The effective day as the form gives it (yyyy-MM-dd first; absent or blank: today), checked. */
	private LocalDate effectiveOn(String value) {
		LocalDate today = today();
		if (value == null || value.isBlank()) {
			return today;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value.substring(0, Math.min(10, value.length())));
		}
		catch (DateTimeParseException | IndexOutOfBoundsException e) {
			throw invalid(EFFECTIVE_ON, "施行日期格式应为 yyyy-MM-dd");
		}
		if (day.isBefore(today)) {
			throw invalid(EFFECTIVE_ON, "施行日期不得早于今天（" + today + "）：清单的变更不溯及既往");
		}
		if (day.isAfter(today.plusYears(1))) {
			throw invalid(EFFECTIVE_ON, "施行日期不得晚于一年以后（" + today.plusYears(1) + "）");
		}
		return day;
	}

	/** What the review form shows: the labels and, for a change or removal, the entry as it is now. */
	private Shown shown(String agency, Proposal p) {
		String current = store.items(agency, p.baseVersion).stream().filter(i -> i.code().equals(p.item.code())).findFirst()
			.map(i -> i.name() + "（" + kindLabel(i.kind()) + "）；设定依据：" + i.legalBasis() + "；实施机构：" + i.responsibleUnit()
					+ "；责任事项：" + i.responsibilities() + "；追责情形：" + i.accountability())
			.orElse("（清单中尚无此事项）");
		return new Shown(actionLabel(p.action), p.item.kind() == null ? "" : kindLabel(p.item.kind()), p.baseVersion,
				p.effectiveOn.toString(), current, "REMOVE".equals(p.action) ? p.item.name() : null);
	}

	/** A seed entry's flaw, or null (the same rules as a proposed entry). */
	static String entryFlaw(EnforcementItem i) {
		if (i.code() == null || i.code().length() > 64 || !CODE.matcher(i.code()).matches()) {
			return "code must be upper-case letters, digits and hyphens";
		}
		if (i.kind() == null || !KINDS.contains(i.kind())) {
			return "kind must be one of " + KINDS;
		}
		String[][] texts = { { "name", i.name(), "200" }, { "legalBasis", i.legalBasis(), "2000" },
				{ "responsibleUnit", i.responsibleUnit(), "200" }, { "responsibilities", i.responsibilities(), "2000" },
				{ "accountability", i.accountability(), "2000" } };
		for (String[] t : texts) {
			if (t[1] == null || t[1].isBlank() || InputCheck.textFlaw(t[1], Integer.parseInt(t[2])) != null) {
				return t[0] + " is missing or too long";
			}
		}
		return null;
	}

	private static String no(String changeNo) {
		return required(changeNo, NO, "清单变更编号");
	}

	Instant now() {
		return clock.instant();
	}

	LocalDate today() {
		return LocalDate.ofInstant(now(), CHINA);
	}
}

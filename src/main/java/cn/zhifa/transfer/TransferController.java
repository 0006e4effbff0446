package cn.zhifa.transfer;

import static cn.zhifa.transfer.TransferVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Transfers API: the list and record of transfers of the user's agencies, and the answers of external
 * bodies (police, procuratorate/court, receiving agency) that an officer enters for a running transfer
 * (R-COORD-1/2). Each answer is checked before it reaches the process: unknown or invisible transfer →
 * 404, a transfer not waiting for this answer (wrong kind, wrong step, already finished) → 409, a bad
 * value → 400; nothing changes in any of these cases.
 */
@RestController
@RequestMapping("/api/transfers")
class TransferController {

	/** Roles that may enter an external answer for their agency (supervisors only read). */
	static final Set<String> ANSWERING_ROLES = Set.of(Roles.OFFICER, Roles.HEAD, Roles.GENERAL_OFFICE, Roles.ADMIN);

	private final TransferRecords records;
	private final RuntimeService runtimeService;

	TransferController(TransferRecords records, RuntimeService runtimeService) {
		this.records = records;
		this.runtimeService = runtimeService;
	}

	record TransferView(String id, Transfer.Kind kind, String caseId, String agencyCode, String handlerId,
			String partyName, String counterpart, String targetAgencyCode, Transfer.Status status, Instant openedAt,
			Instant currentDueAt, Instant approvedAt, String approvedBy, Instant handedOverAt, Boolean handedOverOnTime,
			String externalDecision, String receivingCaseNo, String outcome, Boolean mayDecideAdministratively,
			Instant closedAt, List<StepView> steps) {
	}

	record StepView(String step, String actor, Instant occurredAt, Instant dueAt, Boolean onTime, String details) {
	}

	/** {@code receivedOn}: the day the agency received the police's notice (yyyy-MM-dd; today if absent). */
	record PoliceDecision(String policeDecision, String notes, String receivedOn) {
	}

	/** {@code receivedOn}: the day the agency received the reconsideration decision or the result (yyyy-MM-dd; today if absent). */
	record ReconsiderationResult(String reconsiderationResult, String notes, String receivedOn) {
	}

	record JudicialOutcome(String judicialOutcome, String notes) {
	}

	record Acceptance(Boolean accepted, String receivingCaseNo, String reasons) {
	}

	@GetMapping
	List<TransferView> list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String kind) {
		CurrentUser user = CurrentUser.get();
		return records.ofAgencies(user.agencies()).stream()
			.filter(t -> caseId == null || caseId.equals(t.getCaseId()))
			.filter(t -> kind == null || kind.equals(t.getKind().name()))
			.map(t -> view(t, false))
			.toList();
	}

	@GetMapping("/{transferId}")
	TransferView one(@PathVariable String transferId) {
		return view(visible(transferId), true);
	}

	/** 公安机关立案决定 (R-COORD-2): FILED or NOT_FILED, expected within 3 days of the hand-over. */
	@PostMapping("/{transferId}/police-decision")
	TransferView policeDecision(@PathVariable String transferId, @RequestBody PoliceDecision body) {
		Transfer transfer = answerable(transferId, Transfer.Kind.CRIMINAL);
		String decision = value(body.policeDecision(), POLICE_DECISIONS, POLICE_DECISION);
		if ("NOT_FILED".equals(decision) && blank(body.notes())) {
			throw Problem.invalid("notes", "不予立案的，须填写不予立案通知书载明的理由(notes)");
		}
		Map<String, Object> vars = answer(POLICE_DECISION, decision, POLICE_DECISION_NOTES, body.notes());
		vars.put(NOTICE_RECEIVED_ON, receivedOn(body.receivedOn(), transfer));
		return correlate(transfer, "transfer.policeDecision", "等待公安机关立案决定", vars);
	}

	/** Result of the reconsideration (复议) or of the procuratorate's filing supervision: FILED or NOT_FILED. */
	@PostMapping("/{transferId}/reconsideration-result")
	TransferView reconsiderationResult(@PathVariable String transferId, @RequestBody ReconsiderationResult body) {
		Transfer transfer = answerable(transferId, Transfer.Kind.CRIMINAL);
		String result = value(body.reconsiderationResult(), POLICE_DECISIONS, RECONSIDERATION_RESULT);
		Map<String, Object> vars = answer(RECONSIDERATION_RESULT, result, RECONSIDERATION_NOTES, body.notes());
		vars.put(NOTICE_RECEIVED_ON, receivedOn(body.receivedOn(), transfer));
		return correlate(transfer, "transfer.reconsiderationResult", "等待复议或立案监督结果", vars);
	}

	/** 司法处理结果 after the police filed the case. */
	@PostMapping("/{transferId}/judicial-outcome")
	TransferView judicialOutcome(@PathVariable String transferId, @RequestBody JudicialOutcome body) {
		Transfer transfer = answerable(transferId, Transfer.Kind.CRIMINAL);
		String outcome = value(body.judicialOutcome(), JUDICIAL_OUTCOMES, JUDICIAL_OUTCOME);
		return correlate(transfer, "transfer.judicialOutcome", "等待司法处理结果",
				answer(JUDICIAL_OUTCOME, outcome, JUDICIAL_NOTES, body.notes()));
	}

	/** The receiving agency accepted or refused a case transfer (R-COORD-1); a refusal needs its reasons. */
	@PostMapping("/{transferId}/acceptance")
	TransferView acceptance(@PathVariable String transferId, @RequestBody Acceptance body) {
		Transfer transfer = answerable(transferId, Transfer.Kind.CASE);
		if (body.accepted() == null) {
			throw Problem.invalid("accepted", "accepted 须为 true（接收）或 false（拒绝接收）");
		}
		InputCheck.requireText("receivingCaseNo", "接收机关案号", body.receivingCaseNo(),
				InputCheck.column(Transfer.class, "receivingCaseNo"));
		notes("reasons", body.reasons());
		Map<String, Object> vars = new HashMap<>();
		vars.put(ANSWERED_BY, CurrentUser.get().id());
		if (body.accepted()) {
			vars.put(RECEIVING_CASE_NO, blank(body.receivingCaseNo()) ? null : body.receivingCaseNo().trim());
			return correlate(transfer, "transfer.accepted", "等待接收机关答复", vars);
		}
		if (blank(body.reasons())) {
			throw Problem.invalid("reasons", "拒绝接收的，须写明理由(reasons)");
		}
		vars.put(REFUSAL_FROM_TARGET, body.reasons().trim());
		return correlate(transfer, "transfer.refused", "等待接收机关答复", vars);
	}

	// --- helpers ---

	private Transfer visible(String id) {
		CurrentUser user = CurrentUser.get();
		return records.find(id)
			.filter(t -> user.mayAccessAgency(t.getAgencyCode())
					|| (t.getTargetAgencyCode() != null && user.mayAccessAgency(t.getTargetAgencyCode())))
			.orElseThrow(() -> Problem.notFound(null, "移送 " + id + " 不存在"));
	}

	private Transfer answerable(String id, Transfer.Kind kind) {
		Transfer transfer = visible(id);
		CurrentUser user = CurrentUser.get();
		if (user.groups().stream().noneMatch(ANSWERING_ROLES::contains)) {
			throw Problem.forbidden("只有执法机关工作人员可以登记外部答复");
		}
		if (transfer.getKind() != kind) {
			throw Problem.conflict(null, "移送 " + id + " 是" + label(transfer.getKind()) + "，不接受此答复");
		}
		if (transfer.getStatus() == Transfer.Status.CLOSED) {
			throw Problem.conflict(null, "移送 " + id + " 已办结（" + transfer.getOutcome() + "），不再接受答复");
		}
		return transfer;
	}

	/** Correlates only when the process waits for exactly this message: otherwise 409 naming the current step. */
	private TransferView correlate(Transfer transfer, String message, String stepLabel, Map<String, Object> vars) {
		boolean waiting = runtimeService.createEventSubscriptionQuery().processInstanceId(transfer.getId())
			.eventType("message").eventName(message).count() > 0;
		if (!waiting) {
			throw Problem.conflict(null, "移送 " + transfer.getId() + " 当前不在“" + stepLabel + "”环节（当前状态 "
					+ transfer.getStatus() + "），此答复未被接受");
		}
		runtimeService.createMessageCorrelation(message).processInstanceId(transfer.getId()).setVariables(vars)
			.correlateWithResult();
		return view(records.get(transfer.getId()), true);
	}

	/** The variables of an answer: its value, its notes (a step's details: they must fit) and who registered it. */
	private static Map<String, Object> answer(String name, String value, String notesName, String notes) {
		notes("notes", notes);
		Map<String, Object> vars = new HashMap<>();
		vars.put(name, value);
		vars.put(notesName, notes);
		vars.put(ANSWERED_BY, CurrentUser.get().id());
		return vars;
	}

	/**
	 * The day a notice was received, from which the 310号 periods run (第九条, 第十二条): a date, not after today, not
	 * before the case was handed over to the police; today when not given.
	 */
	private String receivedOn(String value, Transfer transfer) {
		LocalDate today = WorkingDayCalendar.dayOf(records.now());
		if (blank(value)) {
			return today.toString();
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("receivedOn", "接到通知书的日期须为日期（如 2026-11-02），收到 " + value);
		}
		if (day.isAfter(today)) {
			throw Problem.invalid("receivedOn", "接到通知书的日期 " + day + " 晚于今天");
		}
		if (transfer.getHandedOverAt() != null && day.isBefore(WorkingDayCalendar.dayOf(transfer.getHandedOverAt()))) {
			throw Problem.invalid("receivedOn", "接到通知书的日期 " + day + " 早于移送公安机关的日期 "
					+ WorkingDayCalendar.dayOf(transfer.getHandedOverAt()));
		}
		return day.toString();
	}

	private static String value(String value, Set<String> allowed, String field) {
		if (value == null || !allowed.contains(value.trim())) {
			throw Problem.invalid(field, field + " 须为 " + allowed.stream().sorted().toList() + " 之一，收到 " + value);
		}
		return value.trim();
	}

	/** Notes and reasons end up as a step's details: they must fit that column. */
	private static void notes(String field, String value) {
		InputCheck.requireText(field, "说明", value, InputCheck.column(TransferStep.class, "details"));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String label(Transfer.Kind kind) {
		return switch (kind) {
			case CRIMINAL -> "涉嫌犯罪案件移送";
			case CASE -> "案件移送";
			case DISCIPLINE -> "纪检监察移送";
		};
	}

	private TransferView view(Transfer t, boolean withSteps) {
		List<StepView> steps = withSteps ? records.steps(t.getId()).stream()
			.map(s -> new StepView(s.getStep(), s.getActor(), s.getOccurredAt(), s.getDueAt(), s.getOnTime(), s.getDetails()))
			.toList() : List.of();
		return new TransferView(t.getId(), t.getKind(), t.getCaseId(), t.getAgencyCode(), t.getHandlerId(),
				t.getPartyName(), t.getCounterpart(), t.getTargetAgencyCode(), t.getStatus(), t.getOpenedAt(),
				t.getCurrentDueAt(), t.getApprovedAt(), t.getApprovedBy(), t.getHandedOverAt(), t.getHandedOverOnTime(),
				t.getExternalDecision(), t.getReceivingCaseNo(), t.getOutcome(), t.getMayDecideAdministratively(),
				t.getClosedAt(), steps);
	}
}

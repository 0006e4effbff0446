package cn.zhifa.complaint;

import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.CaseVariables.REGISTERED_BY;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.NewCase;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Complaints and reports (投诉举报, R-COORD-4; seed 002 (十五) 二 投诉举报受理告知制度): registration with a
 * receipt number and a query code, routing to the competent agency (decision table {@code complaint-routing},
 * or a transfer by the case-transfer rules), the acceptance decision, handling within the promised time
 * (limits {@code COMPLAINT_*} of calendar/statutory-limits.yml), an enforcement case opened from it (source
 * COMPLAINT) and the reply the complainant reads on the portal. The process {@code complaint-handling} calls
 * these steps through thin delegates; the portal and {@code /api/complaints} call {@link #submit}.
 */
@Service
public class ComplaintService {

	static final String PROCESS_KEY = "complaint-handling";
	static final String ROUTING_TABLE = "complaint-routing";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	/** Receipt numbers are one county-wide series: the counter's "agency" is this key. */
	static final String COUNTER_AGENCY = "COUNTY";
	static final String PORTAL = "PORTAL";
	static final String STAFF = "STAFF";
	static final Set<String> ACCEPTANCE = Set.of("ACCEPTED", "NOT_ACCEPTED", "TRANSFER_AGENCY", "TRANSFER_EXTERNAL");
	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
	private static final int CODE_LENGTH = 8;
	private static final SecureRandom RANDOM = new SecureRandom();

	// process variables (the case contract declares the system's, CaseVariables)
	static final String NO = "complaintNo";
	static final String QUERY_CODE = "complaintQueryCode";
	static final String CHANNEL = "complaintChannel";
	static final String CATEGORY = "complaintCategory";
	static final String LOCATION = "complaintLocation";
	static final String CONTENT = "complaintContent";
	static final String CONCERNED = "concernedAgency";
	static final String NAME = "complainantName";
	static final String CONTACT = "complainantContact";
	static final String TRANSFERRED = "complaintTransferred";
	static final String ROUTING = "complaintRouting";
	static final String ROUTING_BASIS = "complaintRoutingBasis";
	static final String ROUTING_DUE = "complaintRoutingDueAt";
	static final String ACCEPTANCE_DUE = "complaintAcceptanceDueAt";
	static final String HANDLING_DUE = "complaintHandlingDueAt";
	static final String DECISION = "complaintAcceptance";
	static final String NOT_ACCEPTED_REASON = "notAcceptedReason";
	static final String TRANSFER_AGENCY = "transferAgencyCode";
	static final String EXTERNAL_BODY = "externalBody";
	static final String TRANSFER_REASON = "transferReason";
	static final String REPLY = "complaintReply";
	static final String OPEN_CASE = "openCase";
	/** The referring agency has read the result (form complaint-feedback-read). */
	static final String FEEDBACK_READ = "feedbackRead";
	static final String CASE_NO = "complaintCaseNo";
	static final String CASE_FACTS = "facts";
	static final String ATTACHMENTS = "complaintAttachments";

	/** What the complainant keeps: the receipt number and the query code (shown once). */
	public record Receipt(String receiptNo, String queryCode, String handlingBody) {
	}

	/** What the complainant may see of their own complaint, nothing more. */
	/**
	 * What the complainant sees (seed 002 (十五): who handles it and the result); for a complaint that opened an
	 * enforcement case, the case number and how far the case has come ({@code caseStage}, since {@code caseStageAt}).
	 */
	public record PublicView(String receiptNo, Instant submittedAt, String category, String status, String handlingBody,
			Instant promisedBy, String reply, Instant repliedAt, String caseNo, String caseStage, Instant caseStageAt) {
	}

	private final ComplaintRepository complaints;
	private final ComplaintAttachmentRepository attachments;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final DecisionService decisions;
	private final Deadlines deadlines;
	private final DisplayLabels labels;
	private final EnforcementCaseService cases;
	private final Clock clock;

	ComplaintService(ComplaintRepository complaints, ComplaintAttachmentRepository attachments, AgencyRepository agencies, DocumentNumbers numbers, RuntimeService runtime,
			RepositoryService repository, DecisionService decisions, Deadlines deadlines,
			DisplayLabels labels, EnforcementCaseService cases, Clock clock) {
		this.clock = clock;
		this.complaints = complaints;
		this.attachments = attachments;
		this.agencies = agencies;
		this.numbers = numbers;
		this.runtime = runtime;
		this.repository = repository;
		this.decisions = decisions;
		this.deadlines = deadlines;
		this.labels = labels;
		this.cases = cases;
	}

	Set<String> categories() {
		return labels.labels(CATEGORY).keySet();
	}

	public Map<String, String> categoryTexts() {
		return labels.labels(CATEGORY);
	}

	/**
	 * Registers a complaint received on the portal ({@code agencyCode} null: the routing table chooses the
	 * agency) or taken down by staff ({@code agencyCode} = the officer's agency, from the login), and starts
	 * its process. Bad input: 400 naming the field.
	 */
	@Transactional
	public Receipt submit(ComplaintInput raw, String channel, String registeredBy, String agencyCode) {
		return submit(raw, List.of(), channel, registeredBy, agencyCode);
	}

	/** As {@link #submit(ComplaintInput, String, String, String)}, with attachments ({@link ComplaintAttachments}). */
	@Transactional
	public Receipt submit(ComplaintInput raw, List<ComplaintAttachments.Upload> uploads, String channel, String registeredBy,
			String agencyCode) {
		ComplaintInput input = raw.normalised();
		ComplaintInput.Flaw flaw = input.flaw(categories());
		if (flaw != null) {
			throw Problem.invalid(flaw.field(), flaw.message());
		}
		List<ComplaintAttachments.Upload> files = ComplaintAttachments.check(uploads);
		String agency = agencyCode != null ? agencyCode : route(input.category(), input.location()).get("agencyCode");
		Agency a = agencies.findById(agency).orElseThrow(() -> new IllegalStateException("routing names no agency " + agency));
		String code = queryCode();
		Complaint c = complaints.save(new Complaint(nextReceiptNo(), hash(code), input, channel, registeredBy, a.getCode(),
				a.getName(), now()));
		for (ComplaintAttachments.Upload f : files) {
			attachments.save(new ComplaintAttachment(c.getReceiptNo(), ComplaintAttachments.displayName(f.fileName()),
					ComplaintAttachments.mediaType(f.bytes()), f.bytes(), sha256(f.bytes()), now()));
		}
		startIn(PROCESS_KEY, a.getCode(), c, registeredBy == null ? Map.of() : Map.of(REGISTERED_BY, registeredBy));
		return new Receipt(c.getReceiptNo(), code, a.getName());
	}

	/** The latest county-wide routing table: {@code agencyCode} and {@code basis}. */
	Map<String, String> route(String category, String location) {
		DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ROUTING_TABLE)
			.withoutTenantId().latestVersion().singleResult();
		var result = decisions.evaluateDecisionTableById(table.getId())
			.variables(Variables.createVariables().putValue(CATEGORY, category).putValue(LOCATION, location == null ? "" : location))
			.evaluate().getSingleResult();
		Map<String, String> out = new LinkedHashMap<>();
		Object agency = result.getEntry("agencyCode");
		Object basis = result.getEntry("basis");
		out.put("agencyCode", String.valueOf(agency));
		out.put("basis", String.valueOf(basis));
		return out;
	}

	/** The complainant's own complaint, if the receipt number and the query code match; else nothing (one answer for both). */
	@Transactional(readOnly = true)
	public Optional<PublicView> query(String receiptNo, String queryCode) {
		String no = receiptNo == null ? "" : receiptNo.strip().toUpperCase();
		String code = queryCode == null ? "" : queryCode.strip().toUpperCase();
		Optional<Complaint> found = Registers.find(no, complaints::findById);
		String expected = found.map(Complaint::getQueryCodeHash).orElse(hash("-"));
		boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				hash(code).getBytes(StandardCharsets.US_ASCII));
		if (found.isEmpty() || !match) {
			return Optional.empty();
		}
		Complaint c = found.get();
		Instant promised = switch (c.getStatus()) {
			case Complaint.RECEIVED -> c.getAcceptanceDueAt();
			case Complaint.ACCEPTED -> c.getHandlingDueAt();
			default -> null;
		};
		String reply = c.getReply();
		if (Complaint.NOT_ACCEPTED.equals(c.getStatus()) && reply == null) {
			reply = "不予受理。理由：" + c.getNotAcceptedReason();
		}
		// the case it opened: its stage as the complainant can read it, and since when (the latest of its milestones)
		var opened = c.getCaseNo() == null ? Optional.<cn.zhifa.enforcementcase.EnforcementCase>empty() : cases.find(c.getCaseNo());
		String stage = opened.map(e -> labels.label("caseStage", e.getStage())).orElse(null);
		Instant stageAt = opened.flatMap(e -> java.util.stream.Stream.of(e.getRegisteredAt(), e.getFiledAt(), e.getDecidedAt(),
				e.getClosedAt()).filter(java.util.Objects::nonNull).max(Instant::compareTo)).orElse(null);
		return Optional.of(new PublicView(c.getReceiptNo(), c.getSubmittedAt(), labels.label(CATEGORY, c.getCategory()),
				labels.label("complaintStatus", c.getStatus()), c.getHandlingBody(), promised, reply, c.getRepliedAt(),
				opened.isPresent() ? c.getCaseNo() : null, stage, stageAt));
	}

	@Transactional(readOnly = true)
	public List<Complaint> ofAgencies(java.util.Collection<String> agencyCodes, boolean all) {
		return Registers.ofAgencies(agencyCodes, all, complaints::findAllByOrderBySubmittedAtDesc,
				complaints::findByAgencyCodeInOrderBySubmittedAtDesc);
	}

	@Transactional(readOnly = true)
	public Optional<Complaint> find(String receiptNo) {
		return Registers.find(receiptNo, complaints::findById);
	}

	@Transactional(readOnly = true)
	public List<ComplaintAttachment> attachmentsOf(String receiptNo) {
		return attachments.findByReceiptNoOrderByIdAsc(receiptNo);
	}

	/** The bytes of one attachment of the complaint (null if it has no such attachment). */
	@Transactional(readOnly = true)
	public byte[] attachmentContent(String receiptNo, long id) {
		return attachments.findById(id).filter(a -> a.getReceiptNo().equals(receiptNo)).map(ComplaintAttachment::getContent)
			.orElse(null);
	}

	/** Links to the attachments for the task forms (markdown; the webapps' session reads /api). */
	private String attachmentLinks(String receiptNo) {
		List<ComplaintAttachment> list = attachments.findByReceiptNoOrderByIdAsc(receiptNo);
		if (list.isEmpty()) {
			return "无";
		}
		StringBuilder links = new StringBuilder();
		for (ComplaintAttachment a : list) {
			if (links.length() > 0) {
				links.append("　");
			}
			links.append("[").append(a.getFileName().replaceAll("[\\[\\]()]", "")).append("（").append(a.getSizeBytes() / 1024 + 1)
				.append(" KB）](/api/complaints/").append(receiptNo).append("/attachments/").append(a.getId()).append(")");
		}
		return links.toString();
	}

	// --- the steps of complaint-handling ---

	/** The complaint's fields as registered, what the forms show beside them, and the two clocks started on receipt. */
	record Registered(Complaint complaint, String queryCode, String agencyName, String attachments, Due routingDue,
			Due acceptanceDue) {
	}

	/** The acceptance decision as the form states it (texts trimmed, blank is null). */
	record Acceptance(String decision, String notAcceptedReason, String transferAgency, String externalBody,
			String transferReason) {
	}

	/** The enforcement case the handling form may open: its facts and party (texts trimmed, blank is null). */
	record CaseInput(String facts, String partyType, String partyName, String partyIdNumber, String partyAddress,
			String violationCode) {
	}

	/**
	 * 登记: a complaint from the portal or moved here from another agency has its row ({@code receiptNo}); one
	 * taken down in Tasklist ({@code receiptNo} null: {@code taken} in agency {@code agencyCode}) is validated and
	 * registered now, its query code given to the officer to pass on. The clocks of routing and acceptance start
	 * on receipt by this agency.
	 */
	Registered register(Step step, String receiptNo, ComplaintInput taken, String agencyCode, String registeredBy) {
		Complaint c;
		String code = null;
		if (receiptNo == null) {
			ComplaintInput input = taken.normalised();
			ComplaintInput.Flaw flaw = input.flaw(categories());
			if (flaw != null) {
				throw invalid(formKey(flaw.field()), flaw.message());
			}
			String agency = required(agencyCode, AGENCY_CODE, "执法机构");
			Agency a = agencies.findById(agency).orElseThrow(() -> invalid(AGENCY_CODE, "执法机构不存在：" + agency));
			code = queryCode();
			c = complaints.save(new Complaint(nextReceiptNo(), hash(code), input, STAFF, registeredBy, a.getCode(), a.getName(),
					now()));
		}
		else {
			c = complaints.findById(receiptNo).orElseThrow(() -> new IllegalStateException("no complaint " + receiptNo));
		}
		String attachments = attachmentLinks(c.getReceiptNo());
		String agency = step.agency() != null ? step.agency() : agencyCode;
		Agency a = agencies.findById(agency).orElseThrow();
		Date received = Date.from(now());
		Due routingDue = deadlines.limitDue(ROUTING_DUE, "COMPLAINT_ROUTING", received);
		Due acceptanceDue = deadlines.limitDue(ACCEPTANCE_DUE, "COMPLAINT_ACCEPTANCE", received);
		c.attach(step.processInstanceId(), a.getCode(), a.getName(), routingDue.at().toInstant(), acceptanceDue.at().toInstant());
		return new Registered(c, code, a.getName(), attachments, routingDue, acceptanceDue);
	}

	/**
	 * After the routing table (its {@code agencyCode} and {@code basis}): what it said, kept with the complaint
	 * and returned for the acceptance form.
	 */
	String recordRouting(Step step, String receiptNo, String target, String basis) {
		String name = target == null ? null : agencies.findById(target).map(Agency::getName).orElse(target);
		String text = "分办规则：" + basis + "（主管机关：" + name + "）";
		Complaint c = complaintOf(step, receiptNo);
		if (c.getTransfers() == 0) {
			c.routed(text);
		}
		return text;
	}

	/**
	 * The acceptance decision as the form states it (400 naming the field otherwise); returns who handles the
	 * complaint: the officer deciding.
	 */
	String checkAcceptance(Step step, Acceptance acceptance) {
		String decision = acceptance.decision();
		if (decision == null || !ACCEPTANCE.contains(decision)) {
			throw invalid(DECISION, "受理意见须为 受理、不予受理、移送本平台上的主管机关 或 转送其他机关或单位，收到 " + decision);
		}
		String own = step.agency();
		switch (decision) {
			case "NOT_ACCEPTED" -> requiredText(acceptance.notAcceptedReason(), NOT_ACCEPTED_REASON, "不予受理的理由", 1000);
			case "TRANSFER_AGENCY" -> {
				String target = required(acceptance.transferAgency(), TRANSFER_AGENCY, "移送的主管机关");
				if (target.equals(own) || !agencies.existsById(target)) {
					throw invalid(TRANSFER_AGENCY, "移送的主管机关须为本平台上的其他执法机关，收到 " + target);
				}
				requiredText(acceptance.transferReason(), TRANSFER_REASON, "移送理由", 500);
			}
			case "TRANSFER_EXTERNAL" -> {
				requiredText(acceptance.externalBody(), EXTERNAL_BODY, "接收的机关或单位", 200);
				requiredText(acceptance.transferReason(), TRANSFER_REASON, "转送理由", 500);
			}
			default -> {
			}
		}
		return step.actor();
	}

	/** 受理: the officer who accepted ({@code handlerId}) handles it; the promised time runs from today. */
	Due accept(Step step, String receiptNo, String handlerId) {
		Instant at = now();
		Due due = deadlines.limitDue(HANDLING_DUE, "COMPLAINT_HANDLING", Date.from(at));
		complaintOf(step, receiptNo).accepted(handlerId, at, due.at().toInstant());
		return due;
	}

	/**
	 * Moves the complaint: to the competent agency the routing table names ({@code routedTo}, for the reason
	 * {@code routingBasis}: automatically, once, on receipt), to the agency on Zhifa the officer chose (a new
	 * complaint-handling instance there, same receipt number), or to a body outside Zhifa (the complainant is
	 * told where it went: the reply). {@code routingDue}: the routing deadline, if any.
	 */
	void transfer(Step step, String receiptNo, Acceptance acceptance, String routedTo, String routingBasis, Instant routingDue) {
		Complaint c = complaintOf(step, receiptNo);
		String decision = acceptance.decision();
		String from = c.getHandlingBody();
		Instant at = now();
		String timing = routingDue == null ? "" : at.isAfter(routingDue) ? "（超过分办期限）" : "（在分办期限内）";
		if ("TRANSFER_EXTERNAL".equals(decision)) {
			String body = acceptance.externalBody();
			c.transferredExternally(step.actor(), at, body, "您的投诉举报不属于行政执法机关管辖，" + from + "已于"
					+ LocalDate.ofInstant(at, CHINA) + "转送" + body + "处理，请向其了解办理情况。理由：" + acceptance.transferReason());
			c.movedTo(from + " 转送 " + body + timing + "：" + acceptance.transferReason());
			return;
		}
		String target;
		String reason;
		if ("TRANSFER_AGENCY".equals(decision)) {
			target = acceptance.transferAgency();
			reason = acceptance.transferReason();
		}
		else {
			target = routedTo;
			reason = routingBasis;
		}
		Agency to = agencies.findById(target).orElseThrow(() -> invalid(TRANSFER_AGENCY, "主管机关不存在：" + target));
		c.movedTo(from + " 移送 " + to.getName() + timing + "：" + reason);
		c.referredBy(c.getAgencyCode());
		startIn(PROCESS_KEY, to.getCode(), c, Map.of());
	}

	/** The handling form: the reply, and the case's party and violation when a case is to be opened. */
	void checkHandling(String reply, boolean openCase, CaseInput newCase) {
		requiredText(reply, REPLY, "答复内容", ComplaintInput.CONTENT_MAX);
		if (openCase) {
			required(newCase.partyType(), "partyType", "当事人类型");
			required(newCase.partyName(), "partyName", "当事人姓名或名称");
			required(newCase.partyAddress(), "partyAddress", "当事人住所（地址）");
			required(newCase.violationCode(), "violationCode", "违法行为");
		}
	}

	/** 立案查处: an enforcement case (source COMPLAINT) of this agency, linked both ways; returns its number. */
	String openCase(Step step, String receiptNo, CaseInput input, String handlerId) {
		Complaint c = complaintOf(step, receiptNo);
		String facts = input.facts() != null ? input.facts() : c.getContent();
		NewCase newCase = new NewCase(c.getAgencyCode(), "COMPLAINT", false, input.partyType(), input.partyName(),
				input.partyIdNumber(), null, false, input.violationCode(), facts, LocalDate.ofInstant(c.getSubmittedAt(), CHINA),
				null, null, null)
			.withPartyAddress(input.partyAddress());
		String caseNo = cases.registerFromComplaint(newCase, handlerId, c.getReceiptNo());
		c.caseOpened(caseNo);
		return caseNo;
	}

	/**
	 * 答复: what the complainant reads on the portal ({@code reply}); on time against the promised date. A complaint
	 * another agency on Zhifa moved here is reported back to it (seed 002 (十五)二: 乡镇应向告知的区职能部门反馈调查处理结果):
	 * a {@value #FEEDBACK_PROCESS_KEY} instance in that agency.
	 */
	void reply(Step step, String receiptNo, Acceptance acceptance, String reply) {
		Complaint c = complaintOf(step, receiptNo);
		Instant at = now();
		if ("NOT_ACCEPTED".equals(acceptance.decision())) {
			c.notAccepted(step.actor(), at, acceptance.notAcceptedReason());
			c.replied("不予受理。理由：" + acceptance.notAcceptedReason(), at,
					c.getAcceptanceDueAt() == null || !at.isAfter(c.getAcceptanceDueAt()));
		}
		else {
			String text = reply;
			if (c.getCaseNo() != null) {
				text = text + "\n（已立案查处，案号 " + c.getCaseNo() + "）";
			}
			c.replied(text, at, c.getHandlingDueAt() == null || !at.isAfter(c.getHandlingDueAt()));
		}
		String referredBy = c.getReferredByAgencyCode();
		if (referredBy != null && !referredBy.equals(c.getAgencyCode())) {
			startIn(FEEDBACK_PROCESS_KEY, referredBy, c, Map.of());
		}
	}

	/** What the referring agency is told (its feedback task shows it). */
	record Feedback(String handlingBody, String reply, Instant repliedAt, boolean repliedOnTime, String caseNo) {

		static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分");

		Map<String, Object> variables() {
			Map<String, Object> vars = new LinkedHashMap<>();
			vars.put("feedbackHandlingBody", handlingBody);
			vars.put("feedbackReply", reply);
			vars.put("feedbackRepliedOn", SHOWN.format(repliedAt.atZone(CHINA)));
			vars.put("feedbackRepliedOnTime", repliedOnTime);
			if (caseNo != null) {
				vars.put("feedbackCaseNo", caseNo);
			}
			return vars;
		}
	}

	/**
	 * The result of a complaint {@code agency} moved to another agency, once answered there — read from the register,
	 * never from the starter's variables; anything else is refused.
	 */
	@Transactional(readOnly = true)
	public Feedback feedback(String receiptNo, String agency) {
		String no = required(receiptNo, NO, "投诉举报编号");
		Complaint c = complaints.findById(no).orElse(null);
		if (c == null || agency == null || !agency.equals(c.getReferredByAgencyCode()) || c.getRepliedAt() == null) {
			throw invalid(NO, "投诉举报“" + no + "”不是本机关移送并已办结的投诉举报，没有可反馈的办理结果");
		}
		return new Feedback(c.getHandlingBody(), c.getReply(), c.getRepliedAt(),
				Boolean.TRUE.equals(c.getRepliedOnTime()), c.getCaseNo());
	}

	// --- helpers ---

	static final String FEEDBACK_PROCESS_KEY = "complaint-feedback";

	/** Starts {@code processKey} (the agency's latest version) for the complaint in {@code agency}, business key = its number. */
	private void startIn(String processKey, String agency, Complaint c, Map<String, Object> more) {
		Map<String, Object> vars = new LinkedHashMap<>(more);
		vars.put(NO, c.getReceiptNo());
		vars.put(AGENCY_CODE, agency);
		String definition = cn.zhifa.models.ModelVersions.latestProcess(repository, processKey, agency).getId();
		runtime.startProcessInstanceById(definition, c.getReceiptNo(), vars);
	}

	private Complaint complaintOf(Step step, String receiptNo) {
		String no = required(receiptNo, NO, "投诉举报编号");
		Complaint c = complaints.findById(no).orElseThrow(() -> new IllegalStateException("no complaint " + no));
		if (!step.processInstanceId().equals(c.getProcessInstanceId())) {
			throw new org.camunda.bpm.engine.AuthorizationException("投诉举报“" + no + "”不由本流程办理");
		}
		return c;
	}

	private String nextReceiptNo() {
		int year = LocalDate.ofInstant(now(), CHINA).getYear();
		return String.format("TS-%d-%06d", year, numbers.next(COUNTER_AGENCY, "COMPLAINT", year));
	}

	static String queryCode() {
		char[] code = new char[CODE_LENGTH];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	static String hash(String code) {
		return sha256(code.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The form's key of an input field (the start form names them as the process variables). */
	private static String formKey(String field) {
		return switch (field) {
			case "category" -> CATEGORY;
			case "location" -> LOCATION;
			case "content" -> CONTENT;
			default -> field;
		};
	}

	Instant now() {
		return clock.instant();
	}
}

package cn.zhifa.assistance;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.CaseVariables.CASE_ID;
import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.sla.SlaService;

/**
 * Requests for enforcement assistance (执法协助, seed 002 (十五) 五 "发现认定违法事项需要由区职能部门提供技术支撑的，要及时书面函告该部门"):
 * an agency writes to another agency (行政执法协助函, a generated letter) with a reply deadline
 * ({@code ASSISTANCE_REPLY}); the request is delivered as a process of the requested agency ({@code assistance-reply}, in
 * that agency's tenant, as a transferred case is); its head accepts or refuses with reasons and, having accepted, reports
 * the outcome; each answer goes back to the requester's process ({@code assistance-request}) as a message the system
 * correlates, and the requester's head and the officer who asked are notified. The register row is the one truth both
 * sides read: the requester's steps take the answer from it, not from the message.
 */
@Service
class AssistanceRequestService {

	static final String REQUEST_PROCESS = "assistance-request";
	static final String REPLY_PROCESS = "assistance-reply";
	static final String ANSWERED = "assistance.answered";
	static final String COMPLETED = "assistance.completed";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final Set<String> KINDS = Set.of("TECHNICAL", "RECORDS", "JOINT_ACTION", "OTHER");
	static final Set<String> ANSWERS = Set.of("ACCEPT", "REFUSE");

	// process variables
	static final String NO = "assistanceRequestNo";
	static final String REQUESTED_AGENCY = "assistanceRequestedAgency";
	static final String REQUESTED_AGENCY_NAME = "assistanceRequestedAgencyName";
	static final String REQUESTER = "assistanceRequesterAgency";
	static final String REQUESTER_NAME = "assistanceRequesterName";
	static final String KIND = "assistanceKind";
	static final String KIND_LABEL = "assistanceKindLabel";
	static final String MATTER = "assistanceMatter";
	static final String REASON = "assistanceReason";
	static final String CASE_NO = "assistanceCaseNo";
	static final String REQUESTED_BY = "assistanceRequestedBy";
	static final String REQUESTED_ON = "assistanceRequestedOn";
	static final String REQUEST_PID = "assistanceRequestProcessInstanceId";
	static final String REPLY_DUE = "assistanceReplyDueAt";
	static final String COMPLETION_DUE = "assistanceCompletionDueAt";
	static final String ANSWER = "assistanceAnswer";
	static final String REFUSAL = "assistanceRefusalReasons";
	static final String ANSWERED_BY = "assistanceAnsweredBy";
	static final String OUTCOME = "assistanceOutcome";
	static final String RESULT = "assistanceResult";

	private final AssistanceRequestRepository rows;
	private final EnforcementCaseService cases;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final Deadlines deadlines;
	private final DisplayLabels labels;
	private final SlaService sla;
	private final Clock clock;

	AssistanceRequestService(AssistanceRequestRepository rows, EnforcementCaseService cases, AgencyRepository agencies,
			DocumentNumbers numbers, @Lazy RuntimeService runtime,
			@Lazy RepositoryService repository, Deadlines deadlines, DisplayLabels labels, SlaService sla, Clock clock) {
		this.clock = clock;
		this.rows = rows;
		this.cases = cases;
		this.agencies = agencies;
		this.numbers = numbers;
		this.runtime = runtime;
		this.repository = repository;
		this.deadlines = deadlines;
		this.labels = labels;
		this.sla = sla;
	}

	// --- reading ---

	/** The requests the agencies sent or received (supervisors and administrators: all). */
	@Transactional(readOnly = true)
	public List<AssistanceRequest> ofAgencies(Collection<String> agencyCodes, boolean all) {
		return Registers.ofAgencies(agencyCodes, all, rows::findAllByOrderByRequestedAtDesc,
				codes -> rows.findByAgencyCodeInOrRequestedAgencyInOrderByRequestedAtDesc(codes, codes));
	}

	@Transactional(readOnly = true)
	public Optional<AssistanceRequest> find(String requestNo) {
		return Registers.find(requestNo, rows::findById);
	}

	// --- the requester's steps (assistance-request) ---

	/** What 发函 registered, for the process's variables. */
	record Opened(String no, String agency, String agencyName, String requestedAgencyName, String kindLabel,
			String requestedBy, String requestedOn, String caseNo, Due replyDue) {
	}

	/**
	 * 发函: the start form checked (400 naming the field), numbered, registered, the reply due. The form's fields come
	 * as given (trimmed, blank is absent).
	 */
	Opened open(Step step, String target, String kind, String caseNo, String matter, String reason) {
		if (step.actorIn(Roles.SUPERVISOR)) {
			throw new AuthorizationException("执法协助由执法机关请求");
		}
		String own = step.agency();
		Agency requester = agencies.findById(own).orElseThrow(() -> new IllegalStateException("no agency " + own));
		required(target, REQUESTED_AGENCY, "被请求协助的机关");
		Agency requested = agencies.findById(target)
			.orElseThrow(() -> invalid(REQUESTED_AGENCY, "被请求协助的机关须为本平台上的执法机关，收到 " + target));
		if (requested.getCode().equals(own)) {
			throw invalid(REQUESTED_AGENCY, "不能请求本机关协助，请选择其他执法机关");
		}
		required(kind, KIND, "协助事项类别");
		if (!KINDS.contains(kind)) {
			throw invalid(KIND, "协助事项类别须为 技术支撑、查阅复制档案资料、派员协助 或 其他，收到 " + kind);
		}
		if (caseNo != null && cases.find(caseNo).filter(c -> c.getAgencyCode().equals(own)).isEmpty()) {
			throw invalid(CASE_ID, "案号须为本机关的案件，收到 " + caseNo);
		}
		requiredText(matter, MATTER, "请求协助的事项", 2000);
		requiredText(reason, REASON, "请求协助的理由和依据", 2000);
		Instant at = now();
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		String no = DocumentNumbers.format(requester.getShortName(), "协", year, numbers.next(own, "ASSISTANCE_REQUEST", year));
		Due due = deadlines.limitDue(REPLY_DUE, "ASSISTANCE_REPLY", Date.from(at));
		rows.save(new AssistanceRequest(no, own, requested.getCode(), caseNo, kind, matter, reason, step.actor(), at,
				due.at().toInstant(), step.processInstanceId()));
		return new Opened(no, own, requester.getName(), requested.getName(), labels.label(KIND, kind), step.actor(),
				LocalDate.ofInstant(at, CHINA).toString(), caseNo == null ? "无" : caseNo, due);
	}

	/** What the requested agency's process shows of the request, from the requester's process. */
	record Shown(String requestedAgencyName, String requesterName, String kindLabel, String caseNo, String requestedOn) {
	}

	/**
	 * 送达: the request becomes a process of the requested agency, in its tenant (as a transferred case does, ADR-0008):
	 * started by the system, so nobody of the requesting agency works in the other agency's tenant.
	 */
	void deliver(Step step, String no, Shown shown) {
		AssistanceRequest r = rowOf(no, step.processInstanceId(), true);
		Map<String, Object> vars = new HashMap<>();
		vars.put(AGENCY_CODE, r.getRequestedAgency());
		vars.put("agencyName", shown.requestedAgencyName());
		vars.put(NO, r.getRequestNo());
		vars.put(REQUESTER, r.getAgencyCode());
		vars.put(REQUESTER_NAME, shown.requesterName());
		vars.put(KIND_LABEL, shown.kindLabel());
		vars.put(MATTER, r.getMatter());
		vars.put(REASON, r.getReason());
		vars.put(CASE_NO, shown.caseNo());
		vars.put(REQUESTED_BY, r.getRequestedBy());
		vars.put(REQUESTED_ON, shown.requestedOn());
		vars.put(REQUEST_PID, step.processInstanceId());
		vars.put(REPLY_DUE, Date.from(r.getReplyDueAt()));
		String pid = AsSystem.call(() -> {
			String definition = ModelVersions.latestProcess(repository, REPLY_PROCESS, r.getRequestedAgency()).getId();
			return runtime.startProcessInstanceById(definition, r.getRequestNo(), vars).getId();
		});
		r.delivered(pid);
	}

	/** The requested agency's answer as the requester's process keeps it ({@code refusal} null when accepted). */
	record Answer(boolean accepted, String answeredBy, String refusal) {
	}

	/** The requested agency answered: the requester's head and the officer who asked are told. */
	Answer recordAnswer(Step step, String no, String requestedAgencyName) {
		AssistanceRequest r = rowOf(no, step.processInstanceId(), true);
		if (!AssistanceRequest.ACCEPTED.equals(r.getStatus()) && !AssistanceRequest.REFUSED.equals(r.getStatus())) {
			throw new AuthorizationException("协助函“" + r.getRequestNo() + "”尚未由被请求机关答复");
		}
		boolean accepted = AssistanceRequest.ACCEPTED.equals(r.getStatus());
		tell(step, r, accepted ? requestedAgencyName + "同意协助（" + r.getRequestNo() + "）"
				: requestedAgencyName + "不予协助（" + r.getRequestNo() + "）：" + r.getRefusalReasons());
		return new Answer(accepted, r.getAnsweredBy(), accepted ? null : r.getRefusalReasons());
	}

	/** The requested agency reported the outcome: kept with the request, the requester told; returns the outcome. */
	String recordOutcome(Step step, String no, String requestedAgencyName) {
		AssistanceRequest r = rowOf(no, step.processInstanceId(), true);
		if (!AssistanceRequest.COMPLETED.equals(r.getStatus())) {
			throw new AuthorizationException("协助函“" + r.getRequestNo() + "”的协助结果尚未反馈");
		}
		tell(step, r, requestedAgencyName + "反馈了协助结果（" + r.getRequestNo() + "）");
		return r.getOutcome();
	}

	// --- the requested agency's steps (assistance-reply) ---

	/** The reply process is started only by the delivery of a request addressed to this agency. */
	void registerReply(Step step, String no, String requestProcessInstanceId) {
		AssistanceRequest r = rows.findById(no).orElse(null);
		if (r == null || !r.getRequestedAgency().equals(step.agency())
				|| !r.getProcessInstanceId().equals(requestProcessInstanceId)
				|| r.getReplyProcessInstanceId() != null || !AssistanceRequest.SENT.equals(r.getStatus())) {
			throw new AuthorizationException("执法协助答复流程只能由送达的协助函发起");
		}
	}

	void checkAnswer(String answer, String refusal) {
		if (answer == null || !ANSWERS.contains(answer)) {
			throw invalid(ANSWER, "请选择“同意协助”或“不予协助”，收到 " + answer);
		}
		if ("REFUSE".equals(answer)) {
			requiredText(refusal, REFUSAL, "不予协助的理由", 2000);
		}
	}

	/** What 答复 sets: who answered, and the completion due when accepted (else null). */
	record Answered(String answeredBy, Due completionDue) {
	}

	/** 答复: accepted (the completion due) or refused with reasons; the requester's process is told as the system. */
	Answered answer(Step step, String no, String answer, String refusal) {
		AssistanceRequest r = rowOf(no, step.processInstanceId(), false);
		boolean accepted = "ACCEPT".equals(answer);
		Instant at = now();
		r.answered(step.actor(), at, accepted, accepted ? null : refusal);
		Answered answered = accepted
				? new Answered(step.actor(), deadlines.limitDue(COMPLETION_DUE, "ASSISTANCE_COMPLETION", Date.from(at)))
				: new Answered(step.actor(), null);
		AsSystem.run(() -> runtime.createMessageCorrelation(ANSWERED).processInstanceId(r.getProcessInstanceId()).correlate());
		return answered;
	}

	void checkReport(String outcome) {
		requiredText(outcome, OUTCOME, "协助结果", 4000);
	}

	/** 反馈协助结果. */
	void report(Step step, String no, String outcome) {
		AssistanceRequest r = rowOf(no, step.processInstanceId(), false);
		r.completed(step.actor(), now(), outcome);
		AsSystem.run(() -> runtime.createMessageCorrelation(COMPLETED).processInstanceId(r.getProcessInstanceId()).correlate());
	}

	// --- helpers ---

	/** Told in the requester's process: its agency is the request's, its business key the request's number. */
	private void tell(Step step, AssistanceRequest r, String message) {
		sla.notify("ASSISTANCE", r.getAgencyCode(), step.businessKey(), step.processInstanceId(),
				List.of(r.getRequestedBy()), List.of(StaffRole.HEAD.groupOf(r.getAgencyCode())), message);
	}

	/** The row of this request, checked to belong to this process (the requester's, or the requested agency's). */
	private AssistanceRequest rowOf(String no, String processInstanceId, boolean requesterSide) {
		AssistanceRequest r = no == null ? null : rows.findById(no).orElse(null);
		if (r == null) {
			throw new IllegalStateException("no assistance request " + no);
		}
		String own = requesterSide ? r.getProcessInstanceId() : r.getReplyProcessInstanceId();
		if (!processInstanceId.equals(own)) {
			throw new AuthorizationException("协助函“" + no + "”不由本流程办理");
		}
		return r;
	}

	Instant now() {
		return clock.instant();
	}
}

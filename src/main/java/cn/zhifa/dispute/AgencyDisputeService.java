package cn.zhifa.dispute;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.FormFields.invalid;
import static cn.zhifa.platform.FormFields.required;
import static cn.zhifa.platform.FormFields.requiredText;
import static cn.zhifa.platform.FormFields.text;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.CaseNumberOwners;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.InputCheck;

/**
 * Disputes between agencies (行政执法争议协调, R-COORD-5; seed 002 (二) and (十五)六): the applicant agency raises a dispute
 * with another agency (its subject, the matter, its own position, possibly a case of its own) and the two negotiate;
 * failing agreement the applicant applies to the justice bureau, which accepts the application (or not), coordinates, and
 * either brings the agencies to agree or issues a written opinion (行政执法争议协调意见书); if an agency does not accept the
 * opinion the bureau reports it with a written suggestion to the county government, and records the government's ruling.
 * <p>
 * Process {@code agency-dispute} runs in the applicant's tenant; the other agency's steps (its reply in the negotiation and
 * to the opinion) run in process {@code agency-dispute-reply} in its own tenant, started by the system, and come back by
 * the register ({@code zf_agency_dispute}), not by what a message carries: a message correlated by anyone else finds no
 * reply in the register and is refused. The periods are {@code DISPUTE_*} of calendar/statutory-limits.yml.
 */
@Service
public class AgencyDisputeService {

	static final String PROCESS_KEY = "agency-dispute";
	static final String REPLY_PROCESS_KEY = "agency-dispute-reply";
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	static final String COUNTER_AGENCY = "COUNTY";
	static final Set<String> SUBJECTS = Set.of("RESPONSIBILITY", "BASIS", "PROCEDURE", "STANDARD", "JURISDICTION", "OTHER");
	static final String NEGOTIATION = "NEGOTIATION";
	static final String OPINION_STAGE = "OPINION";
	static final String MESSAGE_NEGOTIATION = "agencyDispute.negotiationReplied";
	static final String MESSAGE_OPINION = "agencyDispute.opinionReplied";

	// process variables: the start form's
	static final String COUNTERPART = "counterpartAgency";
	static final String SUBJECT = "disputeSubject";
	static final String MATTER = "disputeMatter";
	static final String RELATED_CASE = "relatedCaseNo";
	static final String POSITION = "applicantPosition";
	// the system's
	static final String NO = "disputeNo";
	static final String APPLICANT_NAME = "applicantAgencyName";
	static final String COUNTERPART_NAME = "counterpartAgencyName";
	static final String SUBJECT_LABEL = "disputeSubjectLabel";
	static final String RAISED_BY = "disputeRaisedBy";
	static final String RAISED_ON = "disputeRaisedOn";
	static final String BUREAU = "coordinatingBody";
	static final String GOVERNMENT = "countyGovernment";
	static final String MAIN_PROCESS = "disputeProcessInstanceId";
	static final String STAGE = "replyStage";
	static final String NEGOTIATION_DUE = "disputeNegotiationDueAt";
	static final String APPLICATION_DUE = "disputeApplicationDueAt";
	static final String ACCEPTANCE_DUE = "disputeAcceptanceDueAt";
	static final String COORDINATION_DUE = "disputeCoordinationDueAt";
	static final String OPINION_REPLY_DUE = "disputeOpinionReplyDueAt";
	static final String OPINION_ISSUED_ON = "disputeOpinionIssuedOn";
	static final String REPORT_DUE = "disputeReportDueAt";
	static final String REPORTED_ON = "disputeReportedOn";
	static final String RULING_DUE = "disputeRulingDueAt";
	static final String OPINION_ACCEPTED = "opinionAccepted";
	static final String OUTCOME = "disputeOutcome";
	// the forms' (the other agency's reply)
	static final String REPLY = "counterpartReply";
	static final String COUNTERPART_POSITION = "counterpartPosition";
	static final String COUNTERPART_ANSWER = "counterpartOpinionAnswer";
	static final String COUNTERPART_NOTES = "counterpartOpinionNotes";
	// the forms' (the applicant's and the bureau's)
	static final String NEGOTIATION_OUTCOME = "negotiationOutcome";
	static final String NEGOTIATION_RESULT = "disputeNegotiationResult";
	static final String ACCEPTANCE = "disputeAcceptance";
	static final String ACCEPTANCE_NOTES = "acceptanceNotes";
	static final String COORDINATION_OUTCOME = "coordinationOutcome";
	static final String COORDINATION_NOTES = "coordinationNotes";
	static final String OPINION = "disputeOpinion";
	static final String APPLICANT_ANSWER = "applicantOpinionAnswer";
	static final String APPLICANT_NOTES = "applicantOpinionNotes";
	static final String REPORT = "governmentReport";
	static final String RULING = "governmentRuling";
	static final String RULING_NO = "governmentRulingNo";

	private final AgencyDisputeRepository disputes;
	private final AgencyRepository agencies;
	private final DocumentNumbers numbers;
	private final IdentityService identity;
	private final Deadlines deadlines;
	private final DisplayLabels labels;
	private final List<CaseNumberOwners> caseOwners;
	private final String bureau;
	private final String government;
	/** 代字 of the dispute numbers: 区执争〔2026〕1号 (one county-wide series a year, kept by the bureau). */
	private final String prefix;
	private final Clock clock;

	AgencyDisputeService(AgencyDisputeRepository disputes, AgencyRepository agencies, DocumentNumbers numbers,
			IdentityService identity, Deadlines deadlines, DisplayLabels labels, List<CaseNumberOwners> caseOwners,
			@Value("${zhifa.supervision.bureau-name:某区司法局}") String bureau,
			@Value("${zhifa.dispute.government-name:某区人民政府}") String government,
			@Value("${zhifa.dispute.number-prefix:区执争}") String prefix, Clock clock) {
		this.clock = clock;
		this.disputes = disputes;
		this.agencies = agencies;
		this.numbers = numbers;
		this.identity = identity;
		this.deadlines = deadlines;
		this.labels = labels;
		this.caseOwners = caseOwners;
		this.bureau = bureau;
		this.government = government;
		this.prefix = prefix;
	}

	/** The disputes the agencies are party to (either side); all of them for supervisors and administrators. */
	@Transactional(readOnly = true)
	public List<AgencyDispute> ofAgencies(Collection<String> agencyCodes, boolean all) {
		return all ? disputes.findAllByOrderByRaisedAtDesc()
				: agencyCodes.isEmpty() ? List.of()
						: disputes.findByApplicantCodeInOrCounterpartCodeInOrderByRaisedAtDesc(agencyCodes, agencyCodes);
	}

	@Transactional(readOnly = true)
	public Optional<AgencyDispute> find(String disputeNo) {
		return disputeNo == null || disputeNo.length() > 32 ? Optional.empty() : disputes.findById(disputeNo);
	}

	// --- agency-dispute: the applicant's process ---

	/** 提出争议: the start form checked (400 naming the field), the dispute registered, the negotiation period running. */
	void open(DelegateExecution execution) {
		Authentication login = identity.getCurrentAuthentication();
		if (login != null && login.getGroupIds() != null && login.getGroupIds().contains(Roles.SUPERVISOR)) {
			throw new AuthorizationException("行政执法争议由争议一方的执法机关提出，执法监督人员不能提出");
		}
		String applicant = execution.getTenantId() != null ? execution.getTenantId() : text(execution, AGENCY_CODE);
		Agency own = applicant == null ? null : agencies.findById(applicant).orElse(null);
		if (own == null) {
			throw new AuthorizationException("只有本平台上的执法机关可以提出行政执法争议");
		}
		String other = required(execution, COUNTERPART, "争议对方机关");
		Agency counterpart = agencies.findById(other)
			.orElseThrow(() -> invalid(COUNTERPART, "争议对方机关须为本平台上的执法机关，收到 " + other));
		if (counterpart.getCode().equals(own.getCode())) {
			throw invalid(COUNTERPART, "争议对方机关不能是本机关");
		}
		String subject = required(execution, SUBJECT, "争议事项类别");
		if (!SUBJECTS.contains(subject)) {
			throw invalid(SUBJECT, "争议事项类别须为 执法职责、执法依据、执法程序、执法标准、管辖 或 其他，收到 " + subject);
		}
		String matter = requiredText(execution, MATTER, "争议事项", 2000);
		String position = requiredText(execution, POSITION, "本机关意见", 2000);
		String caseNo = relatedCase(execution, own.getCode());
		Instant at = now();
		Date due = deadlines.setLimit(execution, NEGOTIATION_DUE, "DISPUTE_NEGOTIATION", Date.from(at));
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		String no = prefix + "〔" + year + "〕" + numbers.next(COUNTER_AGENCY, "AGENCY_DISPUTE", year) + "号";
		String by = actor();
		disputes.save(new AgencyDispute(no, own.getCode(), counterpart.getCode(), subject, matter, caseNo, position, by, at,
				due.toInstant(), execution.getProcessInstanceId()));
		execution.setProcessBusinessKey(no);
		execution.setVariable(NO, no);
		execution.setVariable(AGENCY_CODE, own.getCode());
		execution.setVariable("agencyName", own.getName());
		execution.setVariable(APPLICANT_NAME, own.getName());
		execution.setVariable(COUNTERPART_NAME, counterpart.getName());
		execution.setVariable(SUBJECT_LABEL, labels.label(SUBJECT, subject));
		execution.setVariable(RELATED_CASE, caseNo == null ? "无" : caseNo);
		execution.setVariable(RAISED_BY, by);
		execution.setVariable(RAISED_ON, LocalDate.ofInstant(at, CHINA).toString());
		execution.setVariable(BUREAU, bureau);
		execution.setVariable(GOVERNMENT, government);
	}

	/**
	 * The other agency's step, in its own tenant: process {@code agency-dispute-reply}, started by the system with what
	 * it needs to see (never the applicant's documents or other variables).
	 */
	void askCounterpart(DelegateExecution execution, String stage) {
		AgencyDispute d = disputeOf(execution);
		Map<String, Object> vars = new HashMap<>();
		vars.put(AGENCY_CODE, d.getCounterpartCode());
		vars.put(NO, d.getDisputeNo());
		vars.put(MAIN_PROCESS, execution.getProcessInstanceId());
		vars.put(STAGE, stage);
		for (String name : List.of(APPLICANT_NAME, COUNTERPART_NAME, SUBJECT_LABEL, MATTER, RELATED_CASE, POSITION, BUREAU,
				NEGOTIATION_DUE, OPINION, OPINION_REPLY_DUE, OPINION_ISSUED_ON, COORDINATION_NOTES)) {
			if (execution.getVariable(name) != null) {
				vars.put(name, execution.getVariable(name));
			}
		}
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		// the other agency's own version of the reply model, else the shared one (a model change for one agency deploys
		// the whole model set into its tenant, so the key alone is not unique); the instance belongs to the other
		// agency's tenant (AgencyTenantIdProvider: a running model's start belongs to the agency it names)
		String definition = ModelVersions.latestProcess(execution.getProcessEngineServices().getRepositoryService(),
				REPLY_PROCESS_KEY, d.getCounterpartCode()).getId();
		AsSystem.run(() -> runtime.startProcessInstanceById(definition, d.getDisputeNo(), vars));
	}

	/** The reply process belongs to the dispute's other agency and to a running dispute (else it is refused). */
	void openReply(DelegateExecution execution) {
		String no = required(execution, NO, "争议编号");
		AgencyDispute d = disputes.findById(no).orElseThrow(() -> new AuthorizationException("没有编号为“" + no + "”的行政执法争议"));
		String stage = text(execution, STAGE);
		boolean expected = NEGOTIATION.equals(stage) && AgencyDispute.NEGOTIATING.equals(d.getStatus())
				&& d.getCounterpartReply() == null
				|| OPINION_STAGE.equals(stage) && AgencyDispute.OPINION_ISSUED.equals(d.getStatus()) && d.getCounterpartAnswer() == null;
		if (!expected || !d.getCounterpartCode().equals(execution.getTenantId())
				|| !d.getProcessInstanceId().equals(text(execution, MAIN_PROCESS))) {
			throw new AuthorizationException("行政执法争议“" + no + "”当前不需要本机关答复");
		}
		execution.setVariable("agencyName", agencies.findById(d.getCounterpartCode()).map(Agency::getName).orElse(null));
	}

	/** The other agency's reply form: agree with the applicant's position, or not and why. */
	void checkNegotiationReply(DelegateTask task) {
		String reply = text(task, REPLY);
		if (!"AGREE".equals(reply) && !"DISAGREE".equals(reply)) {
			throw invalid(REPLY, "协商意见须为 同意申请机关的意见 或 不同意，收到 " + reply);
		}
		if ("DISAGREE".equals(reply)) {
			requiredText(task, COUNTERPART_POSITION, "本机关意见和理由", 2000);
		}
		else {
			optionalText(task, COUNTERPART_POSITION, "本机关意见和理由", 2000);
		}
	}

	/** The other agency's answer to the bureau's opinion: accept, or object and why. */
	void checkCounterpartAnswer(DelegateTask task) {
		answer(task, COUNTERPART_ANSWER, COUNTERPART_NOTES);
	}

	/** The reply goes into the register, then the applicant's process is told (as the system: another tenant). */
	void sendReply(DelegateExecution execution) {
		AgencyDispute d = disputes.findById(required(execution, NO, "争议编号")).orElseThrow();
		String stage = text(execution, STAGE);
		String message;
		if (NEGOTIATION.equals(stage)) {
			d.counterpartReplied(text(execution, REPLY), text(execution, COUNTERPART_POSITION), actor(), now());
			message = MESSAGE_NEGOTIATION;
		}
		else {
			d.answers(d.getApplicantAnswer(), d.getApplicantAnswerNotes(), text(execution, COUNTERPART_ANSWER),
					text(execution, COUNTERPART_NOTES));
			message = MESSAGE_OPINION;
		}
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		AsSystem.run(() -> runtime.createMessageCorrelation(message).processInstanceId(d.getProcessInstanceId()).correlate());
	}

	/**
	 * The other agency's reply, taken from the register (what the message carries is not trusted: anyone in the
	 * applicant's agency could correlate it); the applicant's next step is due.
	 */
	void takeReply(DelegateExecution execution, String stage) {
		AgencyDispute d = disputeOf(execution);
		if (NEGOTIATION.equals(stage)) {
			if (d.getCounterpartReply() == null) {
				throw new AuthorizationException("被申请机关尚未答复协商意见");
			}
			execution.setVariable(REPLY, d.getCounterpartReply());
			execution.setVariable("counterpartReplyLabel", labels.label(REPLY, d.getCounterpartReply()));
			execution.setVariable(COUNTERPART_POSITION, d.getCounterpartPosition() == null ? "无" : d.getCounterpartPosition());
			deadlines.setLimit(execution, APPLICATION_DUE, "DISPUTE_APPLICATION", Date.from(now()));
		}
		else {
			if (d.getCounterpartAnswer() == null) {
				throw new AuthorizationException("被申请机关尚未答复是否接受协调意见");
			}
			execution.setVariable(COUNTERPART_ANSWER, d.getCounterpartAnswer());
			execution.setVariable(COUNTERPART_NOTES, d.getCounterpartAnswerNotes() == null ? "无" : d.getCounterpartAnswerNotes());
		}
	}

	/** 确认协商结果: agreed (the agreement), or apply to the justice bureau (why). */
	void checkNegotiation(DelegateTask task) {
		String outcome = text(task, NEGOTIATION_OUTCOME);
		if (!"AGREED".equals(outcome) && !"APPLY".equals(outcome)) {
			throw invalid(NEGOTIATION_OUTCOME, "协商结果须为 协商一致 或 协商不成，申请司法局协调，收到 " + outcome);
		}
		requiredText(task, NEGOTIATION_RESULT, "AGREED".equals(outcome) ? "协商一致的内容" : "申请协调的事项和理由", 2000);
	}

	/** 申请司法局协调: the bureau's acceptance is due. */
	void apply(DelegateExecution execution) {
		Instant at = now();
		Date due = deadlines.setLimit(execution, ACCEPTANCE_DUE, "DISPUTE_ACCEPTANCE", Date.from(at));
		disputeOf(execution).applied(text(execution, NEGOTIATION_RESULT), at, due.toInstant());
	}

	/** 受理: accept or not (why). */
	void checkAcceptance(DelegateTask task) {
		String acceptance = text(task, ACCEPTANCE);
		if (!"ACCEPT".equals(acceptance) && !"REJECT".equals(acceptance)) {
			throw invalid(ACCEPTANCE, "受理意见须为 受理 或 不予受理，收到 " + acceptance);
		}
		if ("REJECT".equals(acceptance)) {
			requiredText(task, ACCEPTANCE_NOTES, "不予受理的理由", 2000);
		}
		else {
			optionalText(task, ACCEPTANCE_NOTES, "受理说明", 2000);
		}
	}

	/** 受理: the coordination and the written opinion are due. */
	void accept(DelegateExecution execution) {
		Instant at = now();
		Date due = deadlines.setLimit(execution, COORDINATION_DUE, "DISPUTE_COORDINATION", Date.from(at));
		disputeOf(execution).accepted(actor(), at, text(execution, ACCEPTANCE_NOTES), due.toInstant());
	}

	/** 协调: the agencies agreed in the coordination, or the bureau's written opinion (required then). */
	void checkCoordination(DelegateTask task) {
		String outcome = text(task, COORDINATION_OUTCOME);
		if (!"AGREED".equals(outcome) && !"OPINION".equals(outcome)) {
			throw invalid(COORDINATION_OUTCOME, "协调结果须为 经协调达成一致 或 出具书面协调意见，收到 " + outcome);
		}
		requiredText(task, COORDINATION_NOTES, "协调情况", 4000);
		if ("OPINION".equals(outcome)) {
			requiredText(task, OPINION, "书面协调意见", 4000);
		}
	}

	/** 出具书面协调意见: registered; both agencies answer within the period. */
	void recordOpinion(DelegateExecution execution) {
		Instant at = now();
		Date due = deadlines.setLimit(execution, OPINION_REPLY_DUE, "DISPUTE_OPINION_REPLY", Date.from(at));
		execution.setVariable(OPINION_ISSUED_ON, LocalDate.ofInstant(at, CHINA).toString());
		disputeOf(execution).opinionIssued(actor(), at, text(execution, COORDINATION_NOTES), text(execution, OPINION),
				due.toInstant());
	}

	/** The applicant's answer to the opinion. */
	void checkApplicantAnswer(DelegateTask task) {
		answer(task, APPLICANT_ANSWER, APPLICANT_NOTES);
	}

	/** Both answered: accepted only if both accept; else the bureau reports to the government (due). */
	void weighAnswers(DelegateExecution execution) {
		AgencyDispute d = disputeOf(execution);
		String applicant = text(execution, APPLICANT_ANSWER);
		d.answers(applicant, text(execution, APPLICANT_NOTES), d.getCounterpartAnswer(), d.getCounterpartAnswerNotes());
		boolean accepted = "ACCEPT".equals(applicant) && "ACCEPT".equals(d.getCounterpartAnswer());
		execution.setVariable(OPINION_ACCEPTED, accepted);
		execution.setVariable("opinionAnswers", text(execution, APPLICANT_NAME) + "（申请机关）：" + answerText(applicant, text(execution, APPLICANT_NOTES))
				+ "\n" + text(execution, COUNTERPART_NAME) + "（被申请机关）：" + answerText(d.getCounterpartAnswer(), d.getCounterpartAnswerNotes()));
		if (!accepted) {
			deadlines.setLimit(execution, REPORT_DUE, "DISPUTE_GOVERNMENT_REPORT", Date.from(now()));
		}
	}

	/** 报请裁决: the bureau's written suggestion to the government (required). */
	void checkReport(DelegateTask task) {
		requiredText(task, REPORT, "书面建议", 4000);
	}

	/** 报请裁决: registered; the bureau follows it and records the ruling within the tracking period. */
	void recordReport(DelegateExecution execution) {
		Instant at = now();
		Date due = deadlines.setLimit(execution, RULING_DUE, "DISPUTE_RULING", Date.from(at));
		execution.setVariable(REPORTED_ON, LocalDate.ofInstant(at, CHINA).toString());
		disputeOf(execution).reported(actor(), at, text(execution, REPORT), due.toInstant());
	}

	/** 登记裁决: the government's ruling (required), its document number if any. */
	void checkRuling(DelegateTask task) {
		requiredText(task, RULING, "区人民政府裁决内容", 4000);
		optionalText(task, RULING_NO, "裁决文号", 64);
	}

	/** The dispute ends with its outcome. */
	void conclude(DelegateExecution execution) {
		AgencyDispute d = disputeOf(execution);
		String outcome = required(execution, OUTCOME, "争议处理结果");
		String notes = switch (outcome) {
			case "AGREED_IN_NEGOTIATION" -> text(execution, NEGOTIATION_RESULT);
			case "NOT_ACCEPTED" -> text(execution, ACCEPTANCE_NOTES);
			case "AGREED_IN_COORDINATION" -> text(execution, COORDINATION_NOTES);
			default -> null;
		};
		if ("NOT_ACCEPTED".equals(outcome)) {
			d.notAcceptedBy(actor(), now());
		}
		if ("RULED".equals(outcome)) {
			d.ruled(actor(), text(execution, RULING), text(execution, RULING_NO));
		}
		d.closed(outcome, now(), notes);
	}

	// --- helpers ---

	private String relatedCase(DelegateExecution execution, String applicant) {
		String caseNo = text(execution, RELATED_CASE);
		if (caseNo == null) {
			return null;
		}
		String flaw = InputCheck.textFlaw(caseNo, 64);
		if (flaw != null) {
			throw invalid(RELATED_CASE, "关联案号" + flaw);
		}
		Optional<String> owner = caseOwners.stream().map(o -> o.agencyOf(caseNo)).flatMap(Optional::stream).findFirst();
		if (owner.isEmpty()) {
			throw invalid(RELATED_CASE, "关联案号须为本机关的案件，没有案号为 " + caseNo + " 的案件");
		}
		if (!owner.get().equals(applicant)) {
			throw new AuthorizationException("案号“" + caseNo + "”属于其他执法机构，不能作为本机关争议的关联案件");
		}
		return caseNo;
	}

	private static void answer(VariableScope task, String field, String notesField) {
		String answer = text(task, field);
		if (!"ACCEPT".equals(answer) && !"OBJECT".equals(answer)) {
			throw invalid(field, "答复须为 接受协调意见 或 不接受，收到 " + answer);
		}
		if ("OBJECT".equals(answer)) {
			requiredText(task, notesField, "不接受的理由", 2000);
		}
		else {
			optionalText(task, notesField, "答复说明", 2000);
		}
	}

	private String answerText(String answer, String notes) {
		return labels.label("applicantOpinionAnswer", answer) + (notes == null || notes.isBlank() ? "" : "。" + notes);
	}

	private static void optionalText(VariableScope scope, String field, String label, int max) {
		String value = text(scope, field);
		if (value != null) {
			String flaw = InputCheck.textFlaw(value, max);
			if (flaw != null) {
				throw invalid(field, label + flaw);
			}
		}
	}

	private AgencyDispute disputeOf(DelegateExecution execution) {
		String no = required(execution, NO, "争议编号");
		AgencyDispute d = disputes.findById(no).orElseThrow(() -> new IllegalStateException("no agency dispute " + no));
		if (!execution.getProcessInstanceId().equals(d.getProcessInstanceId())) {
			throw new AuthorizationException("行政执法争议“" + no + "”不由本流程办理");
		}
		return d;
	}

	private String actor() {
		Authentication auth = identity.getCurrentAuthentication();
		return auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
	}

	Instant now() {
		return clock.instant();
	}
}

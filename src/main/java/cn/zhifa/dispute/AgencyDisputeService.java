package cn.zhifa.dispute;

import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.CaseNumberOwners;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.Step;
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
class AgencyDisputeService {

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
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final Deadlines deadlines;
	private final DisplayLabels labels;
	private final List<CaseNumberOwners> caseOwners;
	private final String bureau;
	private final String government;
	/** 代字 of the dispute numbers: 区执争〔2026〕1号 (one county-wide series a year, kept by the bureau). */
	private final String prefix;
	private final Clock clock;

	AgencyDisputeService(AgencyDisputeRepository disputes, AgencyRepository agencies, DocumentNumbers numbers,
			@Lazy RuntimeService runtime, @Lazy RepositoryService repository, Deadlines deadlines, DisplayLabels labels, List<CaseNumberOwners> caseOwners,
			@Value("${zhifa.supervision.bureau-name:某区司法局}") String bureau,
			@Value("${zhifa.dispute.government-name:某区人民政府}") String government,
			@Value("${zhifa.dispute.number-prefix:区执争}") String prefix, Clock clock) {
		this.clock = clock;
		this.disputes = disputes;
		this.agencies = agencies;
		this.numbers = numbers;
		this.runtime = runtime;
		this.repository = repository;
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
		return Registers.ofAgencies(agencyCodes, all, disputes::findAllByOrderByRaisedAtDesc,
				codes -> disputes.findByApplicantCodeInOrCounterpartCodeInOrderByRaisedAtDesc(codes, codes));
	}

	@Transactional(readOnly = true)
	public Optional<AgencyDispute> find(String disputeNo) {
		return Registers.find(disputeNo, disputes::findById);
	}

	// --- agency-dispute: the applicant's process ---

	/** What 提出争议 registered, for the process's variables. */
	record Opened(String no, String agency, String agencyName, String counterpartName, String subjectLabel,
			String relatedCase, String raisedBy, String raisedOn, String bureau, String government, Due negotiationDue) {
	}

	/**
	 * 提出争议: the start form checked (400 naming the field), the dispute registered, the negotiation period running.
	 * The form's texts come trimmed (blank is absent); {@code agencyCode} is the process's agency variable, used when
	 * the instance has no tenant.
	 */
	Opened open(Step step, String agencyCode, String other, String subject, String matter, String position,
			String relatedCase) {
		if (step.actorIn(Roles.SUPERVISOR)) {
			throw new AuthorizationException("行政执法争议由争议一方的执法机关提出，执法监督人员不能提出");
		}
		String applicant = step.agency() != null ? step.agency() : agencyCode;
		Agency own = applicant == null ? null : agencies.findById(applicant).orElse(null);
		if (own == null) {
			throw new AuthorizationException("只有本平台上的执法机关可以提出行政执法争议");
		}
		required(other, COUNTERPART, "争议对方机关");
		Agency counterpart = agencies.findById(other)
			.orElseThrow(() -> invalid(COUNTERPART, "争议对方机关须为本平台上的执法机关，收到 " + other));
		if (counterpart.getCode().equals(own.getCode())) {
			throw invalid(COUNTERPART, "争议对方机关不能是本机关");
		}
		required(subject, SUBJECT, "争议事项类别");
		if (!SUBJECTS.contains(subject)) {
			throw invalid(SUBJECT, "争议事项类别须为 执法职责、执法依据、执法程序、执法标准、管辖 或 其他，收到 " + subject);
		}
		requiredText(matter, MATTER, "争议事项", 2000);
		requiredText(position, POSITION, "本机关意见", 2000);
		String caseNo = relatedCase(relatedCase, own.getCode());
		Instant at = now();
		Due due = limit(NEGOTIATION_DUE, "DISPUTE_NEGOTIATION", at);
		int year = LocalDate.ofInstant(at, CHINA).getYear();
		String no = prefix + "〔" + year + "〕" + numbers.next(COUNTER_AGENCY, "AGENCY_DISPUTE", year) + "号";
		String by = step.actor();
		disputes.save(new AgencyDispute(no, own.getCode(), counterpart.getCode(), subject, matter, caseNo, position, by, at,
				due.at().toInstant(), step.processInstanceId()));
		return new Opened(no, own.getCode(), own.getName(), counterpart.getName(), labels.label(SUBJECT, subject),
				caseNo == null ? "无" : caseNo, by, LocalDate.ofInstant(at, CHINA).toString(), bureau, government, due);
	}

	/** The applicant's process variables the other agency's process is given (those set), and nothing else. */
	static final List<String> SHOWN_TO_COUNTERPART = List.of(APPLICANT_NAME, COUNTERPART_NAME, SUBJECT_LABEL, MATTER,
			RELATED_CASE, POSITION, BUREAU, NEGOTIATION_DUE, OPINION, OPINION_REPLY_DUE, OPINION_ISSUED_ON, COORDINATION_NOTES);

	/**
	 * The other agency's step, in its own tenant: process {@code agency-dispute-reply}, started by the system with what
	 * it needs to see ({@code shown}: the variables of {@link #SHOWN_TO_COUNTERPART} that are set; never the applicant's
	 * documents or other variables).
	 */
	void askCounterpart(Step step, String no, String stage, Map<String, Object> shown) {
		AgencyDispute d = disputeOf(step, no);
		Map<String, Object> vars = new HashMap<>();
		vars.put(AGENCY_CODE, d.getCounterpartCode());
		vars.put(NO, d.getDisputeNo());
		vars.put(MAIN_PROCESS, step.processInstanceId());
		vars.put(STAGE, stage);
		for (String name : SHOWN_TO_COUNTERPART) {
			if (shown.get(name) != null) {
				vars.put(name, shown.get(name));
			}
		}
		// the other agency's own version of the reply model, else the shared one (a model change for one agency deploys
		// the whole model set into its tenant, so the key alone is not unique); the instance belongs to the other
		// agency's tenant (AgencyTenantIdProvider: a running model's start belongs to the agency it names)
		String definition = ModelVersions.latestProcess(repository, REPLY_PROCESS_KEY, d.getCounterpartCode()).getId();
		AsSystem.run(() -> runtime.startProcessInstanceById(definition, d.getDisputeNo(), vars));
	}

	/**
	 * The reply process belongs to the dispute's other agency and to a running dispute (else it is refused); returns the
	 * other agency's name. {@code mainProcess} is the applicant's instance the reply process was started from.
	 */
	String openReply(Step step, String no, String stage, String mainProcess) {
		required(no, NO, "争议编号");
		AgencyDispute d = disputes.findById(no).orElseThrow(() -> new AuthorizationException("没有编号为“" + no + "”的行政执法争议"));
		boolean expected = NEGOTIATION.equals(stage) && AgencyDispute.NEGOTIATING.equals(d.getStatus())
				&& d.getCounterpartReply() == null
				|| OPINION_STAGE.equals(stage) && AgencyDispute.OPINION_ISSUED.equals(d.getStatus()) && d.getCounterpartAnswer() == null;
		if (!expected || !d.getCounterpartCode().equals(step.agency())
				|| !d.getProcessInstanceId().equals(mainProcess)) {
			throw new AuthorizationException("行政执法争议“" + no + "”当前不需要本机关答复");
		}
		return agencies.findById(d.getCounterpartCode()).map(Agency::getName).orElse(null);
	}

	/** The other agency's reply form: agree with the applicant's position, or not and why. */
	void checkNegotiationReply(String reply, String position) {
		if (!"AGREE".equals(reply) && !"DISAGREE".equals(reply)) {
			throw invalid(REPLY, "协商意见须为 同意申请机关的意见 或 不同意，收到 " + reply);
		}
		if ("DISAGREE".equals(reply)) {
			requiredText(position, COUNTERPART_POSITION, "本机关意见和理由", 2000);
		}
		else {
			optionalText(position, COUNTERPART_POSITION, "本机关意见和理由", 2000);
		}
	}

	/** The other agency's answer to the bureau's opinion: accept, or object and why. */
	void checkCounterpartAnswer(String answer, String notes) {
		answer(COUNTERPART_ANSWER, COUNTERPART_NOTES, answer, notes);
	}

	/**
	 * The reply goes into the register, then the applicant's process is told (as the system: another tenant). In the
	 * negotiation the reply and position count, for the opinion the answer and its notes.
	 */
	void sendReply(Step step, String no, String stage, String reply, String position, String answer, String notes) {
		required(no, NO, "争议编号");
		AgencyDispute d = disputes.findById(no).orElseThrow();
		String message;
		if (NEGOTIATION.equals(stage)) {
			d.counterpartReplied(reply, position, step.actor(), now());
			message = MESSAGE_NEGOTIATION;
		}
		else {
			d.answers(d.getApplicantAnswer(), d.getApplicantAnswerNotes(), answer, notes);
			message = MESSAGE_OPINION;
		}
		AsSystem.run(() -> runtime.createMessageCorrelation(message).processInstanceId(d.getProcessInstanceId()).correlate());
	}

	/** The other agency's negotiation reply as the applicant's process keeps it. */
	record NegotiationReply(String reply, String replyLabel, String position, Due applicationDue) {
	}

	/**
	 * The other agency's negotiation reply, taken from the register (what the message carries is not trusted: anyone in
	 * the applicant's agency could correlate it); the application to the bureau is due.
	 */
	NegotiationReply takeNegotiationReply(Step step, String no) {
		AgencyDispute d = disputeOf(step, no);
		if (d.getCounterpartReply() == null) {
			throw new AuthorizationException("被申请机关尚未答复协商意见");
		}
		return new NegotiationReply(d.getCounterpartReply(), labels.label(REPLY, d.getCounterpartReply()),
				d.getCounterpartPosition() == null ? "无" : d.getCounterpartPosition(),
				limit(APPLICATION_DUE, "DISPUTE_APPLICATION", now()));
	}

	/** The other agency's answer to the opinion as the applicant's process keeps it. */
	record OpinionAnswer(String answer, String notes) {
	}

	/** The other agency's answer to the opinion, taken from the register (as {@link #takeNegotiationReply}). */
	OpinionAnswer takeOpinionAnswer(Step step, String no) {
		AgencyDispute d = disputeOf(step, no);
		if (d.getCounterpartAnswer() == null) {
			throw new AuthorizationException("被申请机关尚未答复是否接受协调意见");
		}
		return new OpinionAnswer(d.getCounterpartAnswer(),
				d.getCounterpartAnswerNotes() == null ? "无" : d.getCounterpartAnswerNotes());
	}

	/** 确认协商结果: agreed (the agreement), or apply to the justice bureau (why). */
	void checkNegotiation(String outcome, String result) {
		if (!"AGREED".equals(outcome) && !"APPLY".equals(outcome)) {
			throw invalid(NEGOTIATION_OUTCOME, "协商结果须为 协商一致 或 协商不成，申请司法局协调，收到 " + outcome);
		}
		requiredText(result, NEGOTIATION_RESULT, "AGREED".equals(outcome) ? "协商一致的内容" : "申请协调的事项和理由", 2000);
	}

	/** 申请司法局协调: the bureau's acceptance is due (returned). */
	Due apply(Step step, String no, String negotiationResult) {
		Instant at = now();
		Due due = limit(ACCEPTANCE_DUE, "DISPUTE_ACCEPTANCE", at);
		disputeOf(step, no).applied(negotiationResult, at, due.at().toInstant());
		return due;
	}

	/** 受理: accept or not (why). */
	void checkAcceptance(String acceptance, String notes) {
		if (!"ACCEPT".equals(acceptance) && !"REJECT".equals(acceptance)) {
			throw invalid(ACCEPTANCE, "受理意见须为 受理 或 不予受理，收到 " + acceptance);
		}
		if ("REJECT".equals(acceptance)) {
			requiredText(notes, ACCEPTANCE_NOTES, "不予受理的理由", 2000);
		}
		else {
			optionalText(notes, ACCEPTANCE_NOTES, "受理说明", 2000);
		}
	}

	/** 受理: the coordination and the written opinion are due (returned). */
	Due accept(Step step, String no, String acceptanceNotes) {
		Instant at = now();
		Due due = limit(COORDINATION_DUE, "DISPUTE_COORDINATION", at);
		disputeOf(step, no).accepted(step.actor(), at, acceptanceNotes, due.at().toInstant());
		return due;
	}

	/** 协调: the agencies agreed in the coordination, or the bureau's written opinion (required then). */
	void checkCoordination(String outcome, String notes, String opinion) {
		if (!"AGREED".equals(outcome) && !"OPINION".equals(outcome)) {
			throw invalid(COORDINATION_OUTCOME, "协调结果须为 经协调达成一致 或 出具书面协调意见，收到 " + outcome);
		}
		requiredText(notes, COORDINATION_NOTES, "协调情况", 4000);
		if ("OPINION".equals(outcome)) {
			requiredText(opinion, OPINION, "书面协调意见", 4000);
		}
	}

	/** The opinion's day of issue and the answers' due. */
	record Opinion(String issuedOn, Due replyDue) {
	}

	/** 出具书面协调意见: registered; both agencies answer within the period. */
	Opinion recordOpinion(Step step, String no, String coordinationNotes, String opinion) {
		Instant at = now();
		Due due = limit(OPINION_REPLY_DUE, "DISPUTE_OPINION_REPLY", at);
		disputeOf(step, no).opinionIssued(step.actor(), at, coordinationNotes, opinion, due.at().toInstant());
		return new Opinion(LocalDate.ofInstant(at, CHINA).toString(), due);
	}

	/** The applicant's answer to the opinion. */
	void checkApplicantAnswer(String answer, String notes) {
		answer(APPLICANT_ANSWER, APPLICANT_NOTES, answer, notes);
	}

	/** Whether the opinion is accepted, both answers as text, and the report's due when it is not (else null). */
	record Weighed(boolean accepted, String answers, Due reportDue) {
	}

	/** Both answered: accepted only if both accept; else the bureau reports to the government (due). */
	Weighed weighAnswers(Step step, String no, String applicant, String applicantNotes, String applicantName,
			String counterpartName) {
		AgencyDispute d = disputeOf(step, no);
		d.answers(applicant, applicantNotes, d.getCounterpartAnswer(), d.getCounterpartAnswerNotes());
		boolean accepted = "ACCEPT".equals(applicant) && "ACCEPT".equals(d.getCounterpartAnswer());
		String answers = applicantName + "（申请机关）：" + answerText(applicant, applicantNotes)
				+ "\n" + counterpartName + "（被申请机关）：" + answerText(d.getCounterpartAnswer(), d.getCounterpartAnswerNotes());
		return new Weighed(accepted, answers, accepted ? null : limit(REPORT_DUE, "DISPUTE_GOVERNMENT_REPORT", now()));
	}

	/** 报请裁决: the bureau's written suggestion to the government (required). */
	void checkReport(String report) {
		requiredText(report, REPORT, "书面建议", 4000);
	}

	/** The report's day and the ruling's due. */
	record Reported(String reportedOn, Due rulingDue) {
	}

	/** 报请裁决: registered; the bureau follows it and records the ruling within the tracking period. */
	Reported recordReport(Step step, String no, String report) {
		Instant at = now();
		Due due = limit(RULING_DUE, "DISPUTE_RULING", at);
		disputeOf(step, no).reported(step.actor(), at, report, due.at().toInstant());
		return new Reported(LocalDate.ofInstant(at, CHINA).toString(), due);
	}

	/** 登记裁决: the government's ruling (required), its document number if any. */
	void checkRuling(String ruling, String rulingNo) {
		requiredText(ruling, RULING, "区人民政府裁决内容", 4000);
		optionalText(rulingNo, RULING_NO, "裁决文号", 64);
	}

	/** What the process recorded by the time the dispute ends: its outcome and the texts that go with it. */
	record Conclusion(String outcome, String negotiationResult, String acceptanceNotes, String coordinationNotes,
			String ruling, String rulingNo) {
	}

	/** The dispute ends with its outcome. */
	void conclude(Step step, String no, Conclusion c) {
		AgencyDispute d = disputeOf(step, no);
		String outcome = required(c.outcome(), OUTCOME, "争议处理结果");
		String notes = switch (outcome) {
			case "AGREED_IN_NEGOTIATION" -> c.negotiationResult();
			case "NOT_ACCEPTED" -> c.acceptanceNotes();
			case "AGREED_IN_COORDINATION" -> c.coordinationNotes();
			default -> null;
		};
		if ("NOT_ACCEPTED".equals(outcome)) {
			d.notAcceptedBy(step.actor(), now());
		}
		if ("RULED".equals(outcome)) {
			d.ruled(step.actor(), c.ruling(), c.rulingNo());
		}
		d.closed(outcome, now(), notes);
	}

	// --- helpers ---

	private Due limit(String variable, String key, Instant at) {
		return deadlines.limitDue(variable, key, Date.from(at));
	}

	private String relatedCase(String caseNo, String applicant) {
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

	private static void answer(String field, String notesField, String answer, String notes) {
		if (!"ACCEPT".equals(answer) && !"OBJECT".equals(answer)) {
			throw invalid(field, "答复须为 接受协调意见 或 不接受，收到 " + answer);
		}
		if ("OBJECT".equals(answer)) {
			requiredText(notes, notesField, "不接受的理由", 2000);
		}
		else {
			optionalText(notes, notesField, "答复说明", 2000);
		}
	}

	private String answerText(String answer, String notes) {
		return labels.label("applicantOpinionAnswer", answer) + (notes == null || notes.isBlank() ? "" : "。" + notes);
	}

	private static void optionalText(String value, String field, String label, int max) {
		if (value != null) {
			String flaw = InputCheck.textFlaw(value, max);
			if (flaw != null) {
				throw invalid(field, label + flaw);
			}
		}
	}

	private AgencyDispute disputeOf(Step step, String no) {
		required(no, NO, "争议编号");
		AgencyDispute d = disputes.findById(no).orElseThrow(() -> new IllegalStateException("no agency dispute " + no));
		if (!step.processInstanceId().equals(d.getProcessInstanceId())) {
			throw new AuthorizationException("行政执法争议“" + no + "”不由本流程办理");
		}
		return d;
	}

	Instant now() {
		return clock.instant();
	}
}

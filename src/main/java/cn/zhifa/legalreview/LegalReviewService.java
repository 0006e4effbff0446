package cn.zhifa.legalreview;

import static cn.zhifa.legalreview.ReviewVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.problem.InputCheck;

/**
 * The rules of a legal review that are not routing: validating what people submit, starting and
 * extending a round's clock, and keeping every round, opinion and ruling (R-REV-3…7). Called by
 * the thin delegates and task listeners of {@code legal-review} and {@code review-disagreement}.
 */
@Service
public class LegalReviewService {

	static final String LIMIT = "LEGAL_REVIEW";
	static final String LIMIT_EXTENDED = "LEGAL_REVIEW_EXTENDED";

	private final LegalReviewRepository reviews;
	private final ReviewRoundRepository rounds;
	private final ReviewDisagreementRepository disagreements;
	private final AgencyRepository agencies;
	private final Deadlines deadlines;
	private final IdentityService identityService;
	private final OfficerRepository officers;
	private final LocalDate qualificationRequiredSince;
	private final Clock clock;
	private final ObjectMapper json = new ObjectMapper();

	LegalReviewService(LegalReviewRepository reviews, ReviewRoundRepository rounds,
			ReviewDisagreementRepository disagreements, AgencyRepository agencies, Deadlines deadlines,
			IdentityService identityService, OfficerRepository officers,
			@Value("${zhifa.legal-review.qualification-required-since:2021-07-15}") LocalDate qualificationRequiredSince,
			Clock clock) {
		this.clock = clock;
		this.officers = officers;
		this.qualificationRequiredSince = qualificationRequiredSince;
		this.reviews = reviews;
		this.rounds = rounds;
		this.disagreements = disagreements;
		this.agencies = agencies;
		this.deadlines = deadlines;
		this.identityService = identityService;
	}

	/** Validates the request and registers the review (idempotent: a retried start finds its row). */
	void open(DelegateExecution execution) {
		String caseId = fitting(required(execution, CASE_ID, "案号"), CASE_ID, "案号", "caseId");
		String agency = fitting(required(execution, AGENCY, "执法主体"), AGENCY, "执法主体", "agencyCode");
		if (!agencies.existsById(agency)) {
			throw invalid(AGENCY, "执法主体 " + agency + " 不存在");
		}
		String type = required(execution, DECISION_TYPE, "决定类型");
		if (!DECISION_TYPES.contains(type)) {
			throw invalid(DECISION_TYPE, "决定类型须为 " + DECISION_TYPES + " 之一，收到 " + type);
		}
		String reasons = fitting(required(execution, MAJOR_REASONS, "属于重大执法决定的理由"), MAJOR_REASONS,
				"属于重大执法决定的理由", "majorReasons");
		String handler = fitting(required(execution, HANDLER, "承办人"), HANDLER, "承办人", "handlerId");
		List<String> materials = materials(execution.getVariable(MATERIALS));
		if (materials.isEmpty()) {
			throw invalid(MATERIALS, "送审材料清单不能为空(R-REV-3: 审核自收到材料之日起计算)");
		}
		execution.setVariable(MATERIALS, materials);
		execution.setVariable(MATERIALS_TEXT, String.join("\n", materials));
		execution.setVariable(REVIEW_ID, execution.getProcessInstanceId());
		execution.setVariable(ROUND, 0);
		received(execution, Date.from(now()));
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(caseId);
		}
		if (!reviews.existsById(execution.getProcessInstanceId())) {
			reviews.save(new LegalReview(execution.getProcessInstanceId(), caseId, agency, type, reasons, handler, now()));
		}
	}

	/** Materials check completed: returned materials need the list of what is missing. */
	void checkMaterials(DelegateTask task) {
		requireReviewerQualification(task, actor(task));
		recuse(task, actor(task));
		Object complete = task.getVariable(MATERIALS_COMPLETE);
		if (!(complete instanceof Boolean)) {
			throw invalid(MATERIALS_COMPLETE, "请选择材料是否齐全");
		}
		if (!(Boolean) complete && !StringUtils.hasText(text(task, MISSING_MATERIALS))) {
			throw invalid(MISSING_MATERIALS, "退回材料时须列明缺少的材料");
		}
	}

	/**
	 * R-REV-3: the 5 working days run from the receipt of the materials, and checking them is inside
	 * that time (the check task is due at {@code reviewDueAt}). The clock starts when the request
	 * arrives and again when supplemented materials arrive ({@link #materialsReceived(DelegateTask)}).
	 */
	private void received(VariableScope scope, Date receivedAt) {
		scope.setVariable(MATERIALS_RECEIVED_AT, receivedAt);
		deadlines.setLimit(scope, DUE_AT, LIMIT, receivedAt);
	}

	/** The handler supplemented the materials: the materials are received now, the clock starts again. */
	void materialsReceived(DelegateTask task) {
		received(task.getExecution(), Date.from(now()));
	}

	/**
	 * A new round (R-REV-3/5): the first counts from the receipt of the materials (the check was inside
	 * it), a later one from the resubmission, i.e. now.
	 */
	void startRound(DelegateExecution execution) {
		int round = ((Number) execution.getVariable(ROUND)).intValue() + 1;
		Object receivedBefore = execution.getVariable(MATERIALS_RECEIVED_AT);
		Date received = round == 1 && receivedBefore instanceof Date d ? d : Date.from(now());
		execution.setVariable(ROUND, round);
		execution.setVariable(MATERIALS_RECEIVED_AT, received);
		Date due = deadlines.setLimit(execution, DUE_AT, LIMIT, received);
		execution.setVariable(EXTENDED, false);
		if (round > 1 && text(execution, OPINION) != null) {
			execution.setVariable(PREVIOUS_OPINION, text(execution, OPINION));
		}
		for (String cleared : List.of(EXTENSION_REASON, ACTION, OUTCOME, OPINION, REVIEWER, REVISION_ACTION,
				HANDLER_RESPONSE)) {
			execution.removeVariable(cleared);
		}
		CHECKLIST.forEach(execution::removeVariable);
		COUNSEL_VARIABLES.forEach(execution::removeVariable);
		String reviewId = reviewId(execution);
		if (rounds.findByReviewIdAndRoundNo(reviewId, round).isEmpty()) {
			rounds.save(new ReviewRound(reviewId, round, received.toInstant(), due.toInstant()));
		}
		review(reviewId).startRound(round, due.toInstant());
	}

	/** The reviewer's submission: either an extension request or a decision with checklist and opinion. */
	void checkDecision(DelegateTask task) {
		String reviewer = actor(task);
		recuse(task, reviewer);
		requireReviewerQualification(task, reviewer);
		String action = text(task, ACTION);
		if ("EXTEND".equals(action)) {
			if (Boolean.TRUE.equals(task.getVariable(EXTENDED))) {
				throw invalid(ACTION, "本轮审核已延长过一次，不能再次延长(R-REV-3: 情况复杂的可延长3个工作日)");
			}
			if (!StringUtils.hasText(text(task, EXTENSION_REASON))) {
				throw invalid(EXTENSION_REASON, "延长审核期限须说明理由");
			}
			return;
		}
		String outcome = text(task, OUTCOME);
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw invalid(OUTCOME, "审核结论须为 同意/需补正纠正/不同意/涉嫌犯罪应移送 之一");
		}
		for (String item : CHECKLIST) {
			if (!(task.getVariable(item) instanceof Boolean)) {
				throw invalid(item, "请逐项填写审核要点(R-REV-4)");
			}
		}
		if (!"APPROVED".equals(outcome) && !StringUtils.hasText(text(task, OPINION))) {
			throw invalid(OPINION, "除“同意”外，审核结论须附书面审核意见(R-REV-3)");
		}
		if ("APPROVED".equals(outcome) && !StringUtils.hasText(text(task, OPINION))) {
			task.setVariable(OPINION, "经审核，同意作出该决定。");
		}
		checkCounsel(task);
		task.setVariable(REVIEWER, reviewer);
	}

	/** Once per round: + 3 working days, i.e. 8 working days from the round's start (R-REV-3). */
	void extend(DelegateExecution execution) {
		Date received = (Date) execution.getVariable(MATERIALS_RECEIVED_AT);
		Date due = deadlines.setLimit(execution, DUE_AT, LIMIT_EXTENDED, received);
		execution.setVariable(EXTENDED, true);
		execution.removeVariable(ACTION);
		String reviewId = reviewId(execution);
		int round = ((Number) execution.getVariable(ROUND)).intValue();
		rounds.findByReviewIdAndRoundNo(reviewId, round).orElseThrow()
			.extend(due.toInstant(), text(execution, EXTENSION_REASON));
		review(reviewId).extendTo(due.toInstant());
	}

	/** Keeps the round's opinion, checklist and document; never overwrites an earlier round. */
	void recordOpinion(DelegateExecution execution) {
		String reviewId = reviewId(execution);
		int round = ((Number) execution.getVariable(ROUND)).intValue();
		Map<String, Object> checklist = new LinkedHashMap<>();
		CHECKLIST.forEach(item -> checklist.put(item, execution.getVariable(item)));
		Instant now = now();
		ReviewRound r = rounds.findByReviewIdAndRoundNo(reviewId, round).orElseThrow();
		r.decide(text(execution, REVIEWER), toJson(checklist), text(execution, OPINION), text(execution, OUTCOME), now,
				deadlines.workdaysBetween(execution.getVariable(MATERIALS_RECEIVED_AT), Date.from(now)));
		String doc = text(execution, OPINION_DOC);
		r.attachOpinionDocument(doc);
		String counsel = text(execution, COUNSEL_KIND);
		if (counsel != null && !"NONE".equals(counsel)) {
			r.recordCounsel(counsel, text(execution, COUNSEL_NAME), text(execution, COUNSEL_OPINION),
					text(execution, COUNSEL_ADOPTION), text(execution, COUNSEL_NOT_ADOPTED_REASON));
		}
		String outcome = text(execution, OUTCOME);
		if ("NEEDS_CORRECTION".equals(outcome) || "REJECTED".equals(outcome)) {
			review(reviewId).awaitHandler(doc);
		}
	}

	void checkRevision(DelegateTask task) {
		requireHandler(task);
		String action = text(task, REVISION_ACTION);
		if ("RESUBMIT".equals(action)) {
			if (!StringUtils.hasText(text(task, REVISION_NOTES))) {
				throw invalid(REVISION_NOTES, "重新送审须说明补正、纠正的情况(R-REV-5)");
			}
		}
		else if (!"CONTEST".equals(action)) {
			throw invalid(REVISION_ACTION, "请选择“补正后重新送审”或“不接受审核意见”");
		}
	}

	void checkResponse(DelegateTask task) {
		requireHandler(task);
		String response = text(task, HANDLER_RESPONSE);
		if ("DISAGREE".equals(response)) {
			if (!StringUtils.hasText(text(task, DISAGREEMENT_REASONS))) {
				throw invalid(DISAGREEMENT_REASONS, "提出异议须写明理由(R-REV-6)");
			}
			if (!StringUtils.hasText(text(task, DISAGREEMENT_BASIS))) {
				throw invalid(DISAGREEMENT_BASIS, "提出异议须写明法律依据(R-REV-6)");
			}
		}
		else if (!"ACCEPT".equals(response)) {
			throw invalid(HANDLER_RESPONSE, "请选择“接受审核意见”或“提出异议”");
		}
	}

	/** The result for the caller (PASSED, NOT_PASSED, SUSPECTED_CRIME), with the head's ruling if any. */
	void conclude(DelegateExecution execution, String result) {
		execution.setVariable(RESULT, result);
		review(reviewId(execution)).conclude(result, text(execution, HEAD_RULING), text(execution, OPINION_DOC), now());
	}

	// --- review-disagreement (R-REV-6/7) ---

	void openDisagreement(DelegateExecution execution) {
		String reviewId = reviewId(execution);
		if (disagreements.findByProcessInstanceId(execution.getProcessInstanceId()).isEmpty()) {
			disagreements.save(new ReviewDisagreement(reviewId, ((Number) execution.getVariable(ROUND)).intValue(),
					execution.getProcessInstanceId(), text(execution, HANDLER), text(execution, DISAGREEMENT_REASONS),
					text(execution, DISAGREEMENT_BASIS), text(execution, REVIEWER), text(execution, OPINION), now()));
		}
		review(reviewId).disagreement();
		execution.setVariable("negotiationStartedAt", Date.from(now()));
	}

	void checkNegotiation(DelegateTask task) {
		String result = text(task, NEGOTIATION_RESULT);
		if (result == null || !NEGOTIATION_RESULTS.contains(result)) {
			throw invalid(NEGOTIATION_RESULT, "请选择协商结果");
		}
		if ("REVIEW_REVISED".equals(result) && !StringUtils.hasText(text(task, REVISED_OPINION))) {
			throw invalid(REVISED_OPINION, "审核机构修改意见的，须写明修改后的审核意见");
		}
		disagreement(task.getProcessInstanceId()).negotiated(result, text(task, NEGOTIATION_NOTES), actor(task));
	}

	/** The negotiation period ran out: the head rules (R-REV-6). */
	void negotiationStalled(DelegateExecution execution) {
		execution.setVariable(NEGOTIATION_RESULT, "NO_AGREEMENT");
		disagreement(execution.getProcessInstanceId()).negotiated("NO_AGREEMENT", "协商超过期限未达成一致，提交主要负责人决定",
				"system");
	}

	void checkHeadRuling(DelegateTask task) {
		String ruling = text(task, HEAD_RULING);
		if (ruling == null || !HEAD_RULINGS.contains(ruling)) {
			throw invalid(HEAD_RULING, "请选择裁决：采纳审核意见 / 采纳承办机构意见 / 其他");
		}
		if (!StringUtils.hasText(text(task, HEAD_RULING_REASONS))) {
			throw invalid(HEAD_RULING_REASONS, "主要负责人裁决须写明理由(R-REV-7)");
		}
		disagreement(task.getProcessInstanceId()).ruled(actor(task), ruling, text(task, HEAD_RULING_REASONS));
	}

	/** Closes the disagreement with one outcome the legal review routes on. */
	void closeDisagreement(DelegateExecution execution) {
		String negotiation = text(execution, NEGOTIATION_RESULT);
		String outcome = switch (negotiation) {
			case "AGREED_WITH_REVIEW", "REVIEW_REVISED" -> negotiation;
			default -> "HEAD_" + text(execution, HEAD_RULING);
		};
		if ("REVIEW_REVISED".equals(outcome)) {
			execution.setVariable(OPINION, text(execution, REVISED_OPINION));
		}
		execution.setVariable(DISAGREEMENT_OUTCOME, outcome);
		disagreement(execution.getProcessInstanceId()).close(outcome, now());
	}

	// --- queries ---

	/** Reviews that concluded "suspected crime" (R-REV-4), for the untransferred-cases supervision list (R-COORD-2). */
	/** Rulings of the principal head that override a review that did not pass (R-REV-6). */
	static final java.util.Set<String> HEAD_OVERRIDES = java.util.Set.of("ADOPT_HANDLER", "OTHER");

	/**
	 * Whether the stored record of the case's latest concluded legal review allows a major decision
	 * (R-REV-1): the review passed, or it did not and the principal head ruled otherwise (R-REV-6). Read
	 * from the review record, never from process variables a caller might have set.
	 */
	public boolean permitsMajorDecision(String caseId, String agencyCode) {
		if (caseId == null || agencyCode == null) {
			return false;
		}
		return reviews.findFirstByCaseIdAndAgencyCodeAndConcludedAtIsNotNullOrderByConcludedAtDesc(caseId, agencyCode)
			.map(r -> "PASSED".equals(r.getResult())
					|| "NOT_PASSED".equals(r.getResult()) && r.getHeadRuling() != null && HEAD_OVERRIDES.contains(r.getHeadRuling()))
			.orElse(false);
	}

	/** The result of the case's latest concluded legal review, for messages; null when none concluded. */
	public String latestResult(String caseId, String agencyCode) {
		return caseId == null || agencyCode == null ? null
				: reviews.findFirstByCaseIdAndAgencyCodeAndConcludedAtIsNotNullOrderByConcludedAtDesc(caseId, agencyCode)
					.map(LegalReview::getResult).orElse(null);
	}

	public List<LegalReview> suspectedCrimeReviews(Collection<String> agencyCodes) {
		return reviews.findByAgencyCodeInAndResultOrderByConcludedAtAsc(agencyCodes, "SUSPECTED_CRIME");
	}

	List<LegalReview> reviewsOf(Collection<String> agencyCodes) {
		return reviews.findByAgencyCodeInOrderByRequestedAtDesc(agencyCodes);
	}

	/** The legal reviews of a case, oldest first. */
	List<LegalReview> reviewsOfCase(String caseId) {
		return reviews.findByCaseIdOrderByRequestedAtAsc(caseId);
	}

	List<ReviewRound> roundsOf(String reviewId) {
		return rounds.findByReviewIdOrderByRoundNo(reviewId);
	}

	List<ReviewDisagreement> disagreementsOf(String reviewId) {
		return disagreements.findByReviewIdOrderByIdAsc(reviewId);
	}

	/** The review, if it belongs to one of the agencies (another agency's review is not revealed). */
	Optional<LegalReview> reviewOf(String id, Predicate<String> mayAccessAgency) {
		return reviews.findById(id).filter(r -> mayAccessAgency.test(r.getAgencyCode()));
	}

	/** Reviewer staffing of one agency against the 5 % rule (R-REV-8). */
	record Staffing(String agencyCode, String agencyName, long officers, long reviewers, long required, boolean compliant) {
	}

	/**
	 * R-REV-8: an agency needs legal reviewers of at least 5 % of its officers, rounded up, and at least one
	 * (an agency without officers still needs one reviewer for the decisions its head takes).
	 */
	static long requiredReviewers(long officerCount) {
		if (officerCount < 0) {
			throw new IllegalArgumentException("officer count " + officerCount);
		}
		return Math.max(1, (officerCount * 5 + 99) / 100);
	}

	/** Reviewer staffing of every agency the user may see (R-REV-8). */
	List<Staffing> staffing(Predicate<String> mayAccessAgency) {
		return agencies.findAll().stream().filter(a -> mayAccessAgency.test(a.getCode())).map(a -> {
			long officerCount = officers.countByAgencyCodeAndRole(a.getCode(), StaffRole.OFFICER);
			long reviewerCount = officers.countByAgencyCodeAndRole(a.getCode(), StaffRole.LEGAL_REVIEWER);
			long required = requiredReviewers(officerCount);
			return new Staffing(a.getCode(), a.getName(), officerCount, reviewerCount, required, reviewerCount >= required);
		}).toList();
	}

	// --- helpers ---

	private LegalReview review(String id) {
		return reviews.findById(id).orElseThrow(() -> new IllegalStateException("no legal review " + id));
	}

	private ReviewDisagreement disagreement(String processInstanceId) {
		return disagreements.findByProcessInstanceId(processInstanceId)
			.orElseThrow(() -> new IllegalStateException("no disagreement for " + processInstanceId));
	}

	private static String reviewId(VariableScope scope) {
		return text(scope, REVIEW_ID);
	}

	/** On claim/assignment: the handler may not take the review of their own case (回避); the reviewer is qualified (R-REV-9). */
	void checkRecusal(DelegateTask task) {
		recuse(task, task.getAssignee());
		requireReviewerQualification(task, task.getAssignee());
	}

	/**
	 * R-REV-9, 《行政处罚法》第五十八条第二款: whoever does legal review for the first time holds the national legal
	 * professional qualification (法律职业资格). A reviewer is refused unless registered as staff of the case's
	 * agency with a qualification certificate number, or already doing legal review before the requirement
	 * took effect ({@code zhifa.legal-review.qualification-required-since}, the day the 2021 law came into force).
	 */
	void requireReviewerQualification(DelegateTask task, String user) {
		if (user == null) {
			return;
		}
		String agency = text(task, AGENCY);
		Officer officer = officers.findById(user).orElse(null);
		if (officer == null || (agency != null && !agency.equals(officer.getAgencyCode()))) {
			throw new AuthorizationException("R-REV-9：" + user + " 不是本机构登记的法制审核人员，不能办理法制审核");
		}
		if (!officer.mayDoLegalReview(qualificationRequiredSince)) {
			throw new AuthorizationException("R-REV-9：初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格"
					+ "（《中华人民共和国行政处罚法》第五十八条第二款）；" + officer.getFullName() + "（" + user
					+ "）未登记法律职业资格证书，且不是" + qualificationRequiredSince + "以前已从事法制审核的人员，不能办理法制审核");
		}
	}

	/** R-REV-8: a public lawyer / legal adviser who took part is named, with their opinion and whether it was adopted. */
	private static void checkCounsel(DelegateTask task) {
		String kind = text(task, COUNSEL_KIND);
		if (kind == null || "NONE".equals(kind)) {
			return;
		}
		if (!COUNSEL_KINDS.contains(kind)) {
			throw invalid(COUNSEL_KIND, "参与审核的人员类别须为 公职律师/法律顾问/无");
		}
		if (!StringUtils.hasText(text(task, COUNSEL_NAME))) {
			throw invalid(COUNSEL_NAME, "公职律师、法律顾问参与审核的，须写明其姓名(R-REV-8)");
		}
		if (!StringUtils.hasText(text(task, COUNSEL_OPINION))) {
			throw invalid(COUNSEL_OPINION, "公职律师、法律顾问参与审核的，须记录其意见(R-REV-8)");
		}
		String adoption = text(task, COUNSEL_ADOPTION);
		if (adoption == null || !COUNSEL_ADOPTIONS.contains(adoption)) {
			throw invalid(COUNSEL_ADOPTION, "须记录公职律师、法律顾问的意见是否被采纳(R-REV-8)");
		}
		if (!"ADOPTED".equals(adoption) && !StringUtils.hasText(text(task, COUNSEL_NOT_ADOPTED_REASON))) {
			throw invalid(COUNSEL_NOT_ADOPTED_REASON, "未采纳或部分采纳公职律师、法律顾问意见的，须说明理由(R-REV-8)");
		}
	}

	static final List<String> COUNSEL_KINDS = List.of("PUBLIC_LAWYER", "LEGAL_ADVISER");
	static final List<String> COUNSEL_ADOPTIONS = List.of("ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED");

	/** 回避: the handler never reviews their own case. */
	private static void recuse(DelegateTask task, String user) {
		if (user != null && user.equals(task.getVariable(HANDLER))) {
			throw new AuthorizationException("承办人不得审核本人承办的案件(回避)：" + user);
		}
	}

	private void requireHandler(DelegateTask task) {
		String user = actor(task);
		if (user != null && !user.equals(task.getVariable(HANDLER))) {
			throw new AuthorizationException("只有承办人 " + task.getVariable(HANDLER) + " 可以办理此任务");
		}
	}

	/** The user acting on the task: the logged-in user, else the assignee (engine-internal calls). */
	private String actor(DelegateTask task) {
		Authentication auth = identityService.getCurrentAuthentication();
		return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
	}

	private Instant now() {
		return clock.instant();
	}

	private static String required(VariableScope scope, String name, String label) {
		String value = text(scope, name);
		if (!StringUtils.hasText(value)) {
			throw invalid(name, label + "(" + name + ")必须填写");
		}
		return value.trim();
	}

	/** A start value that the review row keeps: it must fit the column of {@code property} in zf_legal_review. */
	private static String fitting(String value, String name, String label, String property) {
		String flaw = InputCheck.textFlaw(value, InputCheck.column(LegalReview.class, property));
		if (flaw != null) {
			throw invalid(name, label + flaw);
		}
		return value;
	}

	private static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	static List<String> materials(Object value) {
		List<String> list = new ArrayList<>();
		if (value instanceof Collection<?> c) {
			c.forEach(o -> list.add(String.valueOf(o).trim()));
		}
		else if (value != null) {
			list.addAll(Arrays.asList(value.toString().split("\\R")));
		}
		list.replaceAll(String::trim);
		list.removeIf(String::isEmpty);
		return list;
	}

	private static FormFieldValidationException invalid(String field, String message) {
		return new FormFieldValidationException(field, field + ": " + message);
	}

	private String toJson(Map<String, Object> map) {
		try {
			return json.writeValueAsString(map);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}

package cn.zhifa.legalreview;

import static cn.zhifa.legalreview.ReviewVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.calendar.Deadlines.Due;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.InputCheck;

/**
 * The rules of a legal review that are not routing: validating what people submit, starting and
 * extending a round's clock, and keeping every round, opinion and ruling (R-REV-3…7). Called by
 * the thin delegates and task listeners of {@code legal-review} and {@code review-disagreement}, which map
 * the process variables to the plain values these methods take and their results back (ADR-0038).
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
	private final OfficerRepository officers;
	private final LocalDate qualificationRequiredSince;
	private final Clock clock;
	private final ObjectMapper json = new ObjectMapper();

	LegalReviewService(LegalReviewRepository reviews, ReviewRoundRepository rounds,
			ReviewDisagreementRepository disagreements, AgencyRepository agencies, Deadlines deadlines,
			OfficerRepository officers,
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
	}

	/** What a review request says (texts as given); the materials a list or a text with one per line. */
	record Request(String caseId, String agencyCode, String decisionType, String majorReasons, String handler,
			Object materials) {
	}

	/** When the materials were received and the round's deadline counted from then (R-REV-3). */
	record Received(Date at, Due due) {
	}

	/** The registered review for the process: its id, the case (the business key), the materials, the clock. */
	record Opened(String reviewId, String caseId, List<String> materials, Received received) {
	}

	/** Validates the request and registers the review (idempotent: a retried start finds its row). */
	Opened open(Step step, Request request) {
		String caseId = fitting(required(request.caseId(), CASE_ID, "案号"), CASE_ID, "案号", "caseId");
		String agency = fitting(required(request.agencyCode(), AGENCY, "执法主体"), AGENCY, "执法主体", "agencyCode");
		if (!agencies.existsById(agency)) {
			throw invalid(AGENCY, "执法主体 " + agency + " 不存在");
		}
		String type = required(request.decisionType(), DECISION_TYPE, "决定类型");
		if (!DECISION_TYPES.contains(type)) {
			throw invalid(DECISION_TYPE, "决定类型须为 " + DECISION_TYPES + " 之一，收到 " + type);
		}
		String reasons = fitting(required(request.majorReasons(), MAJOR_REASONS, "属于重大执法决定的理由"), MAJOR_REASONS,
				"属于重大执法决定的理由", "majorReasons");
		String handler = fitting(required(request.handler(), HANDLER, "承办人"), HANDLER, "承办人", "handlerId");
		List<String> materials = materials(request.materials());
		if (materials.isEmpty()) {
			throw invalid(MATERIALS, "送审材料清单不能为空(R-REV-3: 审核自收到材料之日起计算)");
		}
		String reviewId = step.processInstanceId();
		Received received = received(Date.from(now()));
		if (!reviews.existsById(reviewId)) {
			reviews.save(new LegalReview(reviewId, caseId, agency, type, reasons, handler, now()));
		}
		return new Opened(reviewId, caseId, materials, received);
	}

	/**
	 * Materials check completed: returned materials need the list of what is missing. {@code assignee}: who
	 * acts when nobody is logged in (engine-internal calls).
	 */
	void checkMaterials(Step step, String assignee, String agency, String handler, Object materialsComplete,
			String missingMaterials) {
		requireReviewerQualification(agency, actor(step, assignee));
		recuse(handler, actor(step, assignee));
		if (!(materialsComplete instanceof Boolean)) {
			throw invalid(MATERIALS_COMPLETE, "请选择材料是否齐全");
		}
		if (!(Boolean) materialsComplete && !StringUtils.hasText(missingMaterials)) {
			throw invalid(MISSING_MATERIALS, "退回材料时须列明缺少的材料");
		}
	}

	/**
	 * R-REV-3: the 5 working days run from the receipt of the materials, and checking them is inside
	 * that time (the check task is due at {@code reviewDueAt}). The clock starts when the request
	 * arrives and again when supplemented materials arrive ({@link #materialsReceived(Step)}).
	 */
	private Received received(Date receivedAt) {
		return new Received(receivedAt, limit(LIMIT, receivedAt));
	}

	/** The handler supplemented the materials: the materials are received now, the clock starts again. */
	Received materialsReceived(Step step) {
		return received(Date.from(now()));
	}

	/** A round started: its number, when its materials were received, its deadline, the opinion it follows. */
	record Round(int number, Date receivedAt, Due due, String previousOpinion) {
	}

	/**
	 * A new round (R-REV-3/5): the first counts from the receipt of the materials (the check was inside
	 * it), a later one from the resubmission, i.e. now. {@code previousRound}: the number of the round
	 * before (0 for none), {@code receivedBefore}: when the materials were received, {@code opinion}: the
	 * opinion of the round before, kept as the previous opinion from round 2 on.
	 */
	Round startRound(Step step, String reviewId, int previousRound, Object receivedBefore, String opinion) {
		int round = previousRound + 1;
		Date received = round == 1 && receivedBefore instanceof Date d ? d : Date.from(now());
		Due due = limit(LIMIT, received);
		String previousOpinion = round > 1 && opinion != null ? opinion : null;
		if (rounds.findByReviewIdAndRoundNo(reviewId, round).isEmpty()) {
			rounds.save(new ReviewRound(reviewId, round, received.toInstant(), due.at().toInstant()));
		}
		review(reviewId).startRound(round, due.at().toInstant());
		return new Round(round, received, due, previousOpinion);
	}

	/**
	 * A public lawyer's or legal adviser's part in a round (R-REV-8), as the reviewer filled it in, and whether the
	 * agency's rules make their part compulsory ({@code dmn/legal-review-participation.dmn}, with the rule's basis).
	 */
	record Counsel(String kind, String name, String opinion, String adoption, String notAdoptedReason, boolean required,
			String requiredBasis) {

		/** A part the agency's rules leave optional. */
		Counsel(String kind, String name, String opinion, String adoption, String notAdoptedReason) {
			this(kind, name, opinion, adoption, notAdoptedReason, false, null);
		}
	}

	/**
	 * The reviewer's submission (texts as given): the action, whether the round was extended already, the
	 * reason for an extension, or the outcome, the checklist (item → value, in the order of
	 * {@link ReviewVariables#CHECKLIST}), the opinion and the counsel.
	 */
	record Decision(String action, boolean extended, String extensionReason, String outcome,
			Map<String, Object> checklist, String opinion, Counsel counsel) {
	}

	/**
	 * The reviewer's submission: either an extension request (empty result) or a decision with checklist and
	 * opinion, returning the reviewer. {@code assignee}: who acts when nobody is logged in (engine-internal calls).
	 * <p>
	 * Seed 004 (法制审核机构完成审核后，要形成具体的书面审核意见): every conclusion, 同意 included, comes with the
	 * reviewer's own written opinion. R-REV-4: the conclusion follows the checklist — 同意 only when every point is
	 * in order, 需补正纠正 and 不同意 only with the points found wanting unticked, and a suspected crime is concluded
	 * as one (行政处罚法 art. 27: it must be transferred), never approved or left to correction.
	 */
	Optional<String> checkDecision(Step step, String assignee, String agency, String handler, Decision decision) {
		String reviewer = actor(step, assignee);
		recuse(handler, reviewer);
		requireReviewerQualification(agency, reviewer);
		String action = decision.action();
		if ("EXTEND".equals(action)) {
			if (decision.extended()) {
				throw invalid(ACTION, "本轮审核已延长过一次，不能再次延长(R-REV-3: 情况复杂的可延长3个工作日)");
			}
			if (!StringUtils.hasText(decision.extensionReason())) {
				throw invalid(EXTENSION_REASON, "延长审核期限须说明理由");
			}
			return Optional.empty();
		}
		String outcome = decision.outcome();
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw invalid(OUTCOME, "审核结论须为 同意/需补正纠正/不同意/涉嫌犯罪应移送 之一");
		}
		for (Map.Entry<String, Object> item : decision.checklist().entrySet()) {
			if (!(item.getValue() instanceof Boolean)) {
				throw invalid(item.getKey(), "请逐项填写审核要点(R-REV-4)");
			}
		}
		checkConclusionFollowsChecklist(outcome, decision.checklist());
		if (!StringUtils.hasText(decision.opinion())) {
			throw invalid(OPINION, "审核结论须附具体的书面审核意见，写明审核认定的情况和理由，“同意”亦然"
					+ "（法制审核机构完成审核后，要形成具体的书面审核意见）");
		}
		checkCounsel(decision.counsel());
		return Optional.of(reviewer);
	}

	/** R-REV-4: the conclusion and the checklist (item → true when in order, every item a Boolean) say the same. */
	private static void checkConclusionFollowsChecklist(String outcome, Map<String, Object> checklist) {
		boolean crime = Boolean.FALSE.equals(checklist.get(CHECK_CRIME));
		if (crime && !"SUSPECTED_CRIME".equals(outcome)) {
			throw invalid(OUTCOME, "审核要点认定违法行为涉嫌犯罪、需要移送司法机关的，审核结论应为“涉嫌犯罪应移送”"
					+ "（《中华人民共和国行政处罚法》第二十七条：涉嫌犯罪的，行政机关应当及时将案件移送司法机关）(R-REV-4)");
		}
		if ("SUSPECTED_CRIME".equals(outcome) && !crime) {
			throw invalid(CHECK_CRIME, "审核结论为“涉嫌犯罪应移送”的，审核要点“未发现涉嫌犯罪需移送司法机关的情形”不应勾选(R-REV-4)");
		}
		String wanting = checklist.entrySet().stream().filter(e -> Boolean.FALSE.equals(e.getValue()))
			.map(Map.Entry::getKey).findFirst().orElse(null);
		if ("APPROVED".equals(outcome) && wanting != null) {
			throw invalid(wanting, "审核要点中有未勾选（认定存在问题）的事项，审核结论不能为“同意”；"
					+ "请选择“需补正、纠正”或“不同意”，或重新核对审核要点(R-REV-4)");
		}
		if (("NEEDS_CORRECTION".equals(outcome) || "REJECTED".equals(outcome)) && wanting == null) {
			throw invalid(CHECKLIST.get(0),
					"审核结论为“需补正、纠正”或“不同意”的，请在审核要点中取消勾选存在问题的事项，指明问题所在(R-REV-4)");
		}
	}

	/**
	 * Once per round: + 3 working days, i.e. 8 working days from the round's start (R-REV-3)
	 * ({@code received}: when the round's materials were received). Returns the new deadline.
	 */
	Due extend(Step step, String reviewId, int round, Date received, String extensionReason) {
		Due due = limit(LIMIT_EXTENDED, received);
		rounds.findByReviewIdAndRoundNo(reviewId, round).orElseThrow()
			.extend(due.at().toInstant(), extensionReason);
		review(reviewId).extendTo(due.at().toInstant());
		return due;
	}

	/**
	 * A round's decision as the process holds it (texts as given): the reviewer, the checklist (item →
	 * value), the opinion, the outcome, when the round's materials were received, the opinion document, the
	 * counsel.
	 */
	record Opinion(String reviewId, int round, String reviewer, Map<String, Object> checklist, String opinion,
			String outcome, Object receivedAt, String document, Counsel counsel) {
	}

	/** Keeps the round's opinion, checklist and document; never overwrites an earlier round. */
	void recordOpinion(Step step, Opinion opinion) {
		String reviewId = opinion.reviewId();
		Instant now = now();
		ReviewRound r = rounds.findByReviewIdAndRoundNo(reviewId, opinion.round()).orElseThrow();
		r.decide(opinion.reviewer(), toJson(opinion.checklist()), opinion.opinion(), opinion.outcome(), now,
				deadlines.workdaysBetween(opinion.receivedAt(), Date.from(now)));
		String doc = opinion.document();
		r.attachOpinionDocument(doc);
		Counsel counsel = opinion.counsel();
		if (counsel.kind() != null && !"NONE".equals(counsel.kind())) {
			r.recordCounsel(counsel.kind(), counsel.name(), counsel.opinion(), counsel.adoption(),
					counsel.notAdoptedReason());
		}
		String outcome = opinion.outcome();
		if ("NEEDS_CORRECTION".equals(outcome) || "REJECTED".equals(outcome)) {
			review(reviewId).awaitHandler(doc);
		}
	}

	void checkRevision(Step step, String assignee, String handler, String action, String notes) {
		requireHandler(step, assignee, handler);
		if ("RESUBMIT".equals(action)) {
			if (!StringUtils.hasText(notes)) {
				throw invalid(REVISION_NOTES, "重新送审须说明补正、纠正的情况(R-REV-5)");
			}
		}
		else if (!"CONTEST".equals(action)) {
			throw invalid(REVISION_ACTION, "请选择“补正后重新送审”或“不接受审核意见”");
		}
	}

	void checkResponse(Step step, String assignee, String handler, String response, String reasons, String basis) {
		requireHandler(step, assignee, handler);
		if ("DISAGREE".equals(response)) {
			if (!StringUtils.hasText(reasons)) {
				throw invalid(DISAGREEMENT_REASONS, "提出异议须写明理由(R-REV-6)");
			}
			if (!StringUtils.hasText(basis)) {
				throw invalid(DISAGREEMENT_BASIS, "提出异议须写明法律依据(R-REV-6)");
			}
		}
		else if (!"ACCEPT".equals(response)) {
			throw invalid(HANDLER_RESPONSE, "请选择“接受审核意见”或“提出异议”");
		}
	}

	/** The result for the caller (PASSED, NOT_PASSED, SUSPECTED_CRIME), with the head's ruling if any. */
	void conclude(Step step, String reviewId, String result, String headRuling, String opinionDocument) {
		review(reviewId).conclude(result, headRuling, opinionDocument, now());
	}

	// --- review-disagreement (R-REV-6/7) ---

	/**
	 * The handler's disagreement with the opinion of round {@code round} (texts as given), as the
	 * disagreement process starts.
	 */
	record Disagreement(String reviewId, Integer round, String handler, String reasons, String basis, String reviewer,
			String opinion) {
	}

	/** Registers the disagreement (once); returns when the negotiation started. */
	Date openDisagreement(Step step, Disagreement disagreement) {
		String reviewId = disagreement.reviewId();
		if (disagreements.findByProcessInstanceId(step.processInstanceId()).isEmpty()) {
			disagreements.save(new ReviewDisagreement(reviewId, disagreement.round(), step.processInstanceId(),
					disagreement.handler(), disagreement.reasons(), disagreement.basis(), disagreement.reviewer(),
					disagreement.opinion(), now()));
		}
		review(reviewId).disagreement();
		return Date.from(now());
	}

	/**
	 * The negotiation's result (R-REV-6). Only a legal reviewer of the agency (not the handler, qualified under R-REV-9)
	 * records that the review office revises its opinion — the review office answers for its opinion (seed 004), and a
	 * revised opinion is a new round with its own written opinion (ADR-0070). Either side records that the handling
	 * unit accepts the review opinion (it keeps the opinion) or that they did not agree (the head rules).
	 * {@code assignee}: who acts when nobody is logged in (engine-internal calls).
	 */
	void checkNegotiation(Step step, String assignee, String agency, String handler, String result,
			String revisedOpinion, String notes) {
		if (result == null || !NEGOTIATION_RESULTS.contains(result)) {
			throw invalid(NEGOTIATION_RESULT, "请选择协商结果");
		}
		String actor = actor(step, assignee);
		if ("REVIEW_REVISED".equals(result)) {
			if (actor != null && actor.equals(handler)) {
				throw invalid(NEGOTIATION_RESULT, "“审核机构修改意见”须由法制审核人员记录，承办人不能代为记录"
						+ "（法制审核机构对审核意见负责）(R-REV-6)");
			}
			requireReviewerQualification(agency, actor);
			if (!StringUtils.hasText(revisedOpinion)) {
				throw invalid(REVISED_OPINION, "审核机构修改意见的，须写明修改意见的理由和要点");
			}
		}
		disagreement(step.processInstanceId()).negotiated(result, notes,
				"REVIEW_REVISED".equals(result) ? revisedOpinion : null, actor);
	}

	/** The negotiation period ran out: the head rules (R-REV-6). Returns the negotiation's result. */
	String negotiationStalled(Step step) {
		disagreement(step.processInstanceId()).negotiated("NO_AGREEMENT", "协商超过期限未达成一致，提交主要负责人决定",
				null, "system");
		return "NO_AGREEMENT";
	}

	/** {@code assignee}: who acts when nobody is logged in (engine-internal calls). */
	void checkHeadRuling(Step step, String assignee, String ruling, String reasons) {
		if (ruling == null || !HEAD_RULINGS.contains(ruling)) {
			throw invalid(HEAD_RULING, "请选择裁决：采纳审核意见 / 采纳承办机构意见 / 其他");
		}
		if (!StringUtils.hasText(reasons)) {
			throw invalid(HEAD_RULING_REASONS, "主要负责人裁决须写明理由(R-REV-7)");
		}
		disagreement(step.processInstanceId()).ruled(actor(step, assignee), ruling, reasons);
	}

	/** Closes the disagreement with one outcome the legal review routes on. */
	String closeDisagreement(Step step, String negotiation, String headRuling) {
		String outcome = switch (negotiation) {
			case "AGREED_WITH_REVIEW", "REVIEW_REVISED" -> negotiation;
			default -> "HEAD_" + headRuling;
		};
		disagreement(step.processInstanceId()).close(outcome, now());
		return outcome;
	}

	// --- queries ---

	/** Reviews that concluded "suspected crime" (R-REV-4), for the untransferred-cases supervision list (R-COORD-2). */
	/** Rulings of the principal head that override a review that did not pass (R-REV-6). */
	static final java.util.Set<String> HEAD_OVERRIDES = java.util.Set.of("ADOPT_HANDLER", "OTHER");

	/**
	 * Whether the stored record of the case's latest concluded legal review of a decision of this type ({@code PENALTY},
	 * {@code COERCION} …) allows a major decision (R-REV-1): the review passed, or it did not and the principal head
	 * ruled otherwise (R-REV-6). A review of a seizure does not permit the penalty, nor the other way round. Read from
	 * the review record, never from process variables a caller might have set.
	 */
	public boolean permitsMajorDecision(String caseId, String agencyCode, String decisionType) {
		return latest(caseId, agencyCode, decisionType)
			.map(r -> "PASSED".equals(r.getResult())
					|| "NOT_PASSED".equals(r.getResult()) && r.getHeadRuling() != null && HEAD_OVERRIDES.contains(r.getHeadRuling()))
			.orElse(false);
	}

	/** The result of the case's latest concluded legal review of a decision of this type, for messages; null when none. */
	public String latestResult(String caseId, String agencyCode, String decisionType) {
		return latest(caseId, agencyCode, decisionType).map(LegalReview::getResult).orElse(null);
	}

	private Optional<LegalReview> latest(String caseId, String agencyCode, String decisionType) {
		if (caseId == null || agencyCode == null || decisionType == null) {
			return Optional.empty();
		}
		return reviews.findFirstByCaseIdAndAgencyCodeAndDecisionTypeAndConcludedAtIsNotNullOrderByConcludedAtDesc(caseId,
				agencyCode, decisionType);
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

	/** On claim/assignment: the handler may not take the review of their own case (回避); the reviewer is qualified (R-REV-9). */
	void checkRecusal(String assignee, String agency, String handler) {
		recuse(handler, assignee);
		requireReviewerQualification(agency, assignee);
	}

	/**
	 * R-REV-9, 《行政处罚法》第五十八条第二款: whoever does legal review for the first time holds the national legal
	 * professional qualification (法律职业资格). A reviewer is refused unless registered as staff of the case's
	 * agency with a qualification certificate number, or already doing legal review before the requirement
	 * took effect ({@code zhifa.legal-review.qualification-required-since}, the day the 2021 law came into force).
	 */
	void requireReviewerQualification(String agency, String user) {
		if (user == null) {
			return;
		}
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

	/**
	 * R-REV-8: a public lawyer / legal adviser who took part is named, with their opinion and whether it was adopted;
	 * where the agency's rules say they shall take part (seed 000 for 寥廓街道), a conclusion without them is refused.
	 */
	private static void checkCounsel(Counsel counsel) {
		String kind = counsel.kind();
		if (kind == null || "NONE".equals(kind)) {
			if (counsel.required()) {
				throw invalid(COUNSEL_KIND, "本机构法制审核应当组织公职律师或者法律顾问参与（" + counsel.requiredBasis()
						+ "）：请选择参与审核的公职律师或法律顾问，填写其意见和采纳情况(R-REV-8)");
			}
			return;
		}
		if (!COUNSEL_KINDS.contains(kind)) {
			throw invalid(COUNSEL_KIND, "参与审核的人员类别须为 公职律师/法律顾问/无");
		}
		if (!StringUtils.hasText(counsel.name())) {
			throw invalid(COUNSEL_NAME, "公职律师、法律顾问参与审核的，须写明其姓名(R-REV-8)");
		}
		if (!StringUtils.hasText(counsel.opinion())) {
			throw invalid(COUNSEL_OPINION, "公职律师、法律顾问参与审核的，须记录其意见(R-REV-8)");
		}
		String adoption = counsel.adoption();
		if (adoption == null || !COUNSEL_ADOPTIONS.contains(adoption)) {
			throw invalid(COUNSEL_ADOPTION, "须记录公职律师、法律顾问的意见是否被采纳(R-REV-8)");
		}
		if (!"ADOPTED".equals(adoption) && !StringUtils.hasText(counsel.notAdoptedReason())) {
			throw invalid(COUNSEL_NOT_ADOPTED_REASON, "未采纳或部分采纳公职律师、法律顾问意见的，须说明理由(R-REV-8)");
		}
	}

	static final List<String> COUNSEL_KINDS = List.of("PUBLIC_LAWYER", "LEGAL_ADVISER");
	static final List<String> COUNSEL_ADOPTIONS = List.of("ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED");

	/** 回避: the handler never reviews their own case. */
	private static void recuse(String handler, String user) {
		if (user != null && user.equals(handler)) {
			throw new AuthorizationException("承办人不得审核本人承办的案件(回避)：" + user);
		}
	}

	private static void requireHandler(Step step, String assignee, String handler) {
		String user = actor(step, assignee);
		if (user != null && !user.equals(handler)) {
			throw new AuthorizationException("只有承办人 " + handler + " 可以办理此任务");
		}
	}

	/** The user acting on the task: the logged-in user, else the assignee (engine-internal calls). */
	private static String actor(Step step, String assignee) {
		return step.bySystem() ? assignee : step.actor();
	}

	private Instant now() {
		return clock.instant();
	}

	/** The review's deadline ({@code reviewDueAt}) of statutory limit {@code key} counted from {@code start}, with its basis. */
	private Due limit(String key, Object start) {
		return deadlines.limitDue(ReviewVariables.DUE_AT, key, start);
	}

	private static String required(String value, String name, String label) {
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

	private static RuntimeException invalid(String field, String message) {
		return FormFields.invalid(field, message);
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

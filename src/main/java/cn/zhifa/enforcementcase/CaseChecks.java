package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.CaseVariables.HANDLER_ID;
import static cn.zhifa.platform.FormFields.invalid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.qualification.QualificationService;

/**
 * The rules the user tasks of {@code enforcement-case} hold a submission to (行政处罚法, 行政强制法), on the values
 * {@link CaseTaskChecks} maps from the task: a submission that breaks one is refused naming the field and the rule
 * (HTTP 400, nothing stored); what the process needs from a submission is returned as variables to set.
 */
@Service
class CaseChecks {

	private static final Pattern HEARING_TIME = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]");
	private static final Pattern AGENT_SEPARATORS = Pattern.compile("\\s*[、，,；;]\\s*");

	static final Set<String> SERVICE = Set.of("DIRECT", "LEFT", "POST", "ELECTRONIC", "PUBLIC_NOTICE");
	static final Set<String> DECISIONS = Set.of("PENALTY", "NO_PENALTY");
	/** 行政强制法 art. 27: 没收、销毁 or 解除; 移交 where another authority has jurisdiction. */
	static final Set<String> SEIZURE_OUTCOMES = Set.of("RELEASED", "CONFISCATED", "DESTROYED", "HANDED_OVER");
	static final Set<String> DEMAND_OUTCOMES = Set.of("PAID_AFTER_DEMAND", "NOT_PAID");
	/** What may be decided on the spot (行政处罚法 art. 51): a fine, or a warning. */
	static final Set<String> SUMMARY_KINDS = Set.of("FINE", "WARNING");

	private final Deadlines deadlines;
	private final QualificationService qualifications;
	private final Clock clock;
	private final ProcessEngine engine;

	CaseChecks(Deadlines deadlines, QualificationService qualifications, Clock clock, @Lazy ProcessEngine engine) {
		this.deadlines = deadlines;
		this.qualifications = qualifications;
		this.clock = clock;
		this.engine = engine;
	}

	/**
	 * 立案审批, filed: the handler is one of the agency's certified officers, the people the filing form offers.
	 * Returns the handler's user id as it is kept.
	 */
	String handler(String handlerId, String agency) {
		requireText(handlerId, HANDLER_ID, "立案须指定承办人");
		String handler = handlerId.strip();
		qualifications.caseOfficerRefusal(handler, agency, qualifications.today()).ifPresent(reason -> {
			throw invalid(HANDLER_ID, "承办人须为本机构持有效执法证的行政执法人员：" + reason);
		});
		return handler;
	}

	/**
	 * 行政强制法 art. 27: confiscation, destruction or release, with its basis; a release returns the goods at once
	 * (art. 28(2)). Returns the moment the seizure closed.
	 */
	Date seizureOutcome(String outcome, String basis, Object goodsReturned) {
		choice(outcome, "seizureOutcome", SEIZURE_OUTCOMES);
		requireText(basis, "seizureOutcomeBasis", "请写明处理决定的依据（行政强制法第二十七条、第二十八条）");
		if ("RELEASED".equals(outcome) && !Boolean.TRUE.equals(goodsReturned)) {
			throw invalid("seizedGoodsReturned", "解除查封、扣押的，应当立即退还财物（行政强制法第二十八条第二款）；请退还后确认");
		}
		return now();
	}

	/** How a document was served electronically, as the form records it (行政处罚法 art. 61(2)). */
	record ElectronicService(Object consent, String address, Object receiptConfirmed) {
	}

	/**
	 * The prior notice served ({@code method} one of {@link #SERVICE}): served now, or — 公告送达 — when 30 days have
	 * passed since the notice was posted now (行政处罚法 art. 61, 民事诉讼法 art. 95; limit PUBLIC_NOTICE_SERVICE); the
	 * hearing window counts from then. Returns the variables to set.
	 */
	Map<String, Object> priorNoticeServed(String method, ElectronicService electronic) {
		choice(method, "priorNoticeMethod", SERVICE);
		electronicService(method, electronic, false);
		Date servedAt = new Date(now().getTime());
		Map<String, Object> vars = new LinkedHashMap<>();
		if ("PUBLIC_NOTICE".equals(method)) {
			vars.put("priorNoticePostedAt", servedAt);
			servedAt = deadlines.limit("PUBLIC_NOTICE_SERVICE", servedAt);
		}
		vars.put("priorNoticeServedAt", servedAt);
		return vars;
	}

	/** 送达: the decision served ({@code method} one of {@link #SERVICE}) on {@code servedOn}. */
	void decisionServed(String method, ElectronicService electronic, Object servedOn) {
		choice(method, "serviceMethod", SERVICE);
		electronicService(method, electronic, true);
		date(servedOn, "servedOn");
	}

	/**
	 * 行政处罚法 art. 61(2): a document may be served electronically only when the party agreed and signed
	 * a confirmation naming the address; the decision is served on the day it reaches that system.
	 */
	private static void electronicService(String method, ElectronicService electronic, boolean decision) {
		if (!"ELECTRONIC".equals(method)) {
			return;
		}
		if (!Boolean.TRUE.equals(electronic.consent())) {
			throw invalid("electronicConsent", "电子送达须经当事人同意并签订确认书（行政处罚法第六十一条第二款）；未同意的，请选择其他送达方式");
		}
		requireText(electronic.address(), "electronicAddress", "请填写当事人确认书载明的电子送达地址");
		if (decision && !Boolean.TRUE.equals(electronic.receiptConfirmed())) {
			throw invalid("electronicReceiptConfirmed", "电子送达以决定书到达当事人特定系统之日为送达日期，请确认已到达后再登记送达");
		}
	}

	/**
	 * The demand notice served on {@code servedOn}: the party's 10 working days run from that day (行政强制法 arts. 54,
	 * 69). Returns the deadline, kept on the process instance.
	 */
	Deadlines.Due demandNoticeServed(Object servedOn) {
		LocalDate served = date(servedOn, "demandServedOn");
		if (served.isAfter(LocalDate.ofInstant(now().toInstant(), EnforcementCaseService.CHINA))) {
			throw invalid("demandServedOn", "送达日期不能晚于今天");
		}
		return deadlines.limitDue("demandDueAt", "EXECUTION_DEMAND", served);
	}

	/**
	 * After the demand: paid, or — only once its 10 working days (to {@code demandDueAt}) have passed (行政强制法 art.
	 * 54) — to the court; a statement or defence is recorded and re-examined (art. 36).
	 */
	void demandOutcome(String outcome, String statement, String statementReview, Object demandDueAt) {
		choice(outcome, "demandOutcome", DEMAND_OUTCOMES);
		if (StringUtils.hasText(statement)) {
			requireText(statementReview, "demandStatementReview", "当事人提出了陈述、申辩，须填写复核意见（行政强制法第三十六条）");
		}
		if ("NOT_PAID".equals(outcome) && demandDueAt instanceof Date due && now().before(due)) {
			throw invalid("demandOutcome", "催告书送达十个工作日后当事人仍未履行的，方可申请人民法院强制执行（行政强制法第五十四条），履行期限至 "
					+ LocalDate.ofInstant(due.toInstant(), EnforcementCaseService.CHINA) + " 届满");
		}
	}

	/**
	 * The court is asked on {@code appliedOn} only after the party's time to sue has passed ({@code litigationEndsAt})
	 * and within the 3 months after it ({@code applicationDueAt}, 行政强制法 art. 53), by the head (art. 55).
	 */
	void applyToCourt(String court, String materials, Object appliedOn, Object litigationEndsAt, Object applicationDueAt) {
		requireText(court, "enforcementCourt", "请填写受理申请的人民法院");
		requireText(materials, "courtApplicationMaterials", "请列明申请材料（行政强制法第五十五条）");
		LocalDate applied = date(appliedOn, "courtAppliedOn");
		if (litigationEndsAt instanceof Date ends && !applied.isAfter(LocalDate.ofInstant(ends.toInstant(), EnforcementCaseService.CHINA))) {
			throw invalid("courtAppliedOn", "当事人提起行政诉讼的期限至 " + LocalDate.ofInstant(ends.toInstant(), EnforcementCaseService.CHINA)
					+ " 届满，届满后方可申请人民法院强制执行（行政强制法第五十三条）");
		}
		if (applicationDueAt instanceof Date due && applied.isAfter(LocalDate.ofInstant(due.toInstant(), EnforcementCaseService.CHINA))) {
			throw invalid("courtAppliedOn", "申请日期超过了期限届满之日起三个月（至 " + LocalDate.ofInstant(due.toInstant(), EnforcementCaseService.CHINA)
					+ "，行政强制法第五十三条）");
		}
	}

	/**
	 * A hearing only for the penalties 行政处罚法 art. 63 lists (dmn/hearing-eligibility.dmn, evaluated before the
	 * prior notice, {@code hearingEligible}): outside them the party states and defends (arts. 44, 45), which the
	 * reply records; {@code field} is the form's field of the request.
	 */
	static void refuseHearingOutsideArticle63(Object hearingEligible, String field) {
		if (Boolean.FALSE.equals(hearingEligible)) {
			throw invalid(field, "本案拟作出的行政处罚不属于《中华人民共和国行政处罚法》第六十三条规定的听证范围，不能登记听证申请；"
					+ "当事人的陈述、申辩请如实记录（第四十四条、第四十五条）");
		}
	}

	/**
	 * The penalty proposed: the fine, what the benchmark allows, whether the party was convicted already (then the
	 * kinds of penalty left), whether the officer flagged the case as major, with the reasons given.
	 */
	record Proposal(Object fineAmount, Object afterConviction, String penaltyKinds, Object fineUnit, Object fineMin,
			Object fineMax, Object goodsValue, String discretionReason, Object flaggedMajor, String flaggedMajorReason) {
	}

	/** R-DISCR-1: a fine outside the benchmark's range needs a written reason. */
	void proposePenalty(Proposal p) {
		if (!(p.fineAmount() instanceof Number amount) || amount.doubleValue() < 0) {
			throw invalid("fineAmount", "请填写拟罚款数额（元，不罚款填0）");
		}
		if (Boolean.TRUE.equals(p.afterConviction())) {
			// 判处刑罚后只给予人民法院不能作出的处罚（国务院令第310号第十一条）；罚款已由罚金吸收或者折抵（行政处罚法第三十五条）
			if (amount.doubleValue() != 0) {
				throw invalid("fineAmount", "当事人已被判处刑罚，不再给予罚款（行政处罚法第三十五条），拟罚款数额应为0");
			}
			requireText(p.penaltyKinds(), "penaltyKinds", "当事人已被判处刑罚，须写明拟给予的刑罚以外的处罚种类（如吊销许可证件、责令停产停业）");
			String kinds = p.penaltyKinds();
			if (kinds.contains("罚款") || kinds.contains("没收")) {
				throw invalid("penaltyKinds", "当事人已被判处刑罚，罚款、没收已由人民法院判处或者追缴，处罚种类只写人民法院不能作出的处罚"
						+ "（如吊销许可证件、责令停产停业、限制从业）");
			}
		}
		else {
			fineWithinBenchmark(p, amount);
		}
		if (Boolean.TRUE.equals(p.flaggedMajor())) {
			requireText(p.flaggedMajorReason(), "flaggedMajorReason", "认定为重大执法决定的，须写明理由");
		}
	}

	/** The proposed fine against the discretion benchmark: outside it only with written reasons (R-DISCR-1). */
	private static void fineWithinBenchmark(Proposal p, Number amount) {
		// a benchmark in percent of the construction cost (fineUnit PERCENT_OF_COST) cannot be compared with yuan
		String unit = p.fineUnit() == null ? null : p.fineUnit().toString();
		boolean inYuan = p.fineUnit() == null || "YUAN".equals(unit);
		if (inYuan && (p.fineMin() instanceof Number || p.fineMax() instanceof Number)) {
			Number min = (Number) p.fineMin();
			Number max = (Number) p.fineMax();
			boolean outside = (min != null && amount.doubleValue() < min.doubleValue())
					|| (max != null && amount.doubleValue() > max.doubleValue());
			if (outside && !StringUtils.hasText(p.discretionReason())) {
				throw invalid("discretionReason", "拟罚款数额超出裁量基准范围（" + min + "–" + max + "元），须书面说明理由(R-DISCR-1)");
			}
		}
		// a benchmark in multiples of the goods value (食品安全法 art. 124: 货值金额1万元以上的按倍数计)
		if ("TIMES_GOODS_VALUE".equals(unit) && p.goodsValue() instanceof Number goods
				&& p.fineMin() instanceof Number min && p.fineMax() instanceof Number max) {
			double low = goods.doubleValue() * min.doubleValue();
			double high = goods.doubleValue() * max.doubleValue();
			if ((amount.doubleValue() < low || amount.doubleValue() > high) && !StringUtils.hasText(p.discretionReason())) {
				throw invalid("discretionReason", "拟罚款数额超出裁量基准范围（货值金额 " + goods + " 元的 " + min + "–" + max
						+ " 倍，即 " + low + "–" + high + " 元），须书面说明理由(R-DISCR-1)");
			}
		}
	}

	/** The hearing scheduled: its day, place and chair, with who investigates and handles the case and who is recused. */
	record Hearing(Object hearingDate, String time, String place, String chair, Object investigatingOfficers, String handlerId,
			Object recusedOfficers) {
	}

	/**
	 * The party is notified at least 7 working days before the hearing (行政处罚法 art. 64(2) with art. 85;
	 * limit {@code HEARING_NOTICE}): notified today, the hearing is on the 7th working day after today or later.
	 */
	void scheduleHearing(Hearing h) {
		LocalDate hearing = date(h.hearingDate(), "hearingDate");
		Date notifiedAt = now();
		LocalDate earliest = LocalDate.ofInstant(deadlines.limit("HEARING_NOTICE", notifiedAt).toInstant(), EnforcementCaseService.CHINA);
		if (hearing.isBefore(earliest)) {
			throw invalid("hearingDate", "听证日期 " + hearing + " 不符合《中华人民共和国行政处罚法》第六十四条第二项、第八十五条：应当在举行听证的七日前通知当事人，"
					+ "七日指工作日；今日（" + LocalDate.ofInstant(notifiedAt.toInstant(), EnforcementCaseService.CHINA) + "）通知的，听证日期不得早于 " + earliest);
		}
		if (h.time() == null || !HEARING_TIME.matcher(h.time().strip()).matches()) {
			throw invalid("hearingTime", "请填写听证开始时间，如 9:30（《中华人民共和国行政处罚法》第六十四条第二项：通知听证的时间、地点）");
		}
		requireText(h.place(), "hearingPlace", "请填写听证地点");
		requireText(h.chair(), "hearingChair", "请指定听证主持人");
		String chair = h.chair();
		refuseRecused(h.recusedOfficers(), "hearingChair", List.of(chair));
		List<String> investigators = QualificationService.userIds(h.investigatingOfficers());
		if (investigators.contains(chair) || chair.equals(h.handlerId())) {
			throw invalid("hearingChair", "听证由行政机关指定的非本案调查人员主持（《中华人民共和国行政处罚法》第六十四条第（四）项）："
					+ "所选人员参与了本案调查或承办本案，请另行指定");
		}
	}

	/** 行政处罚法 art. 64(5): the party may be represented by one or two agents. */
	static void hearingAgents(String agents) {
		if (agents != null && AGENT_SEPARATORS.split(agents.strip()).length > 2) {
			throw invalid("hearingAgents", "当事人可以委托一至二人代理（《中华人民共和国行政处罚法》第六十四条第五项），请不要填写两人以上");
		}
	}

	/** An officer recused from the case (行政处罚法 arts. 43, 64(4); {@code recusedOfficers}) takes no further part in it. */
	static void refuseRecused(Object recusedOfficers, String field, Collection<String> chosen) {
		List<String> recused = QualificationService.userIds(recusedOfficers);
		for (String user : chosen) {
			if (recused.contains(user)) {
				throw invalid(field, "所选人员已经负责人决定回避，不得再参与本案（《中华人民共和国行政处罚法》第四十三条）");
			}
		}
	}

	/**
	 * The head's decision on a recusal, with the case's officers as the process holds them: the officer recused, the
	 * investigators, the hearing chair, the handler and those recused before.
	 */
	record RecusalDecision(Object granted, String reason, String replacementOfficer, String recusedOfficer, String agency,
			Object investigatingOfficers, String hearingChair, String handlerId, Object recusedOfficers) {
	}

	/**
	 * 决定是否回避 (行政处罚法 arts. 43, 64(4)): the decision with its reason; a granted recusal names who takes over — a
	 * certified officer of the agency, not the recused one, not already an investigator when an investigator is replaced,
	 * and never both investigator (or handler) and hearing chair. Returns the replacement's user id as it is kept, null
	 * when the recusal is refused.
	 */
	String decideRecusal(RecusalDecision d) {
		boolean granted = bool(d.granted(), "recusalGranted");
		requireText(d.reason(), "recusalDecisionReason", "请填写准予或者不予回避的理由（《中华人民共和国行政处罚法》第四十三条）");
		if (!granted) {
			return null;
		}
		requireText(d.replacementOfficer(), "replacementOfficer", "准予回避的，请指定接替的执法人员");
		String replacement = d.replacementOfficer().strip();
		String recused = d.recusedOfficer();
		if (replacement.equals(recused)) {
			throw invalid("replacementOfficer", "接替的执法人员不能是被申请回避的人员");
		}
		refuseRecused(d.recusedOfficers(), "replacementOfficer", List.of(replacement));
		qualifications.caseOfficerRefusal(replacement, d.agency(), qualifications.today()).ifPresent(reason -> {
			throw invalid("replacementOfficer", "接替的执法人员须为本机构持有效执法证的行政执法人员：" + reason);
		});
		List<String> investigators = QualificationService.userIds(d.investigatingOfficers());
		String chair = d.hearingChair();
		String handler = d.handlerId();
		boolean investigates = investigators.contains(recused) || recused.equals(handler);
		if (investigators.contains(recused) && investigators.contains(replacement)) {
			throw invalid("replacementOfficer", "所选人员已是本案的调查人员，请另行指定");
		}
		if (investigates && replacement.equals(chair)) {
			throw invalid("replacementOfficer", "所选人员是本案的听证主持人，听证由非本案调查人员主持（《中华人民共和国行政处罚法》第六十四条第（四）项），请另行指定");
		}
		if (recused.equals(chair) && (investigators.contains(replacement) || replacement.equals(handler))) {
			throw invalid("replacementOfficer", "听证由行政机关指定的非本案调查人员主持（《中华人民共和国行政处罚法》第六十四条第（四）项）："
					+ "所选人员参与了本案调查或承办本案，请另行指定");
		}
		return replacement;
	}

	/** The decision as the form records it, with the party's statement and its review. */
	record Decision(String kind, String partyStatement, String statementReview, String content, String legalBasis,
			String discretionBasis, Object fineAmount) {
	}

	/** 作出决定: its kind and content, the review of the party's statement (art. 45), its legal basis, the fine. */
	void decide(Decision d) {
		String kind = choice(d.kind(), "decisionKind", DECISIONS);
		if (StringUtils.hasText(d.partyStatement())) {
			requireText(d.statementReview(), "statementReview", "当事人提出了陈述、申辩，行政机关应当对其提出的事实、理由和证据进行复核，请填写复核意见"
					+ "（《中华人民共和国行政处罚法》第四十五条）；不得因当事人陈述、申辩而给予更重的处罚");
		}
		requireText(d.content(), "decisionContent", "请填写决定内容");
		if (!StringUtils.hasText(d.legalBasis()) && !StringUtils.hasText(d.discretionBasis())) {
			throw invalid("legalBasis", "决定须写明法律依据(R-DISC-3: 公开内容包括执法依据)");
		}
		if ("PENALTY".equals(kind) && !(d.fineAmount() instanceof Number)) {
			throw invalid("fineAmount", "请填写罚款数额（元，不罚款填0）");
		}
	}

	/**
	 * 当场作出决定 (行政处罚法 art. 51): the decision ({@link #decide}), and what is decided on the spot — its kind
	 * ({@code summaryPenaltyKind}) and amount, not only the fine typed at registration — must be within the summary
	 * procedure's cap. The cap is the decision table {@code summary-procedure} (data) in the version of the case's
	 * process ({@code processDefinitionId}, agency {@code agency}); a decision outside it is refused, naming the field
	 * and the article.
	 */
	void decideOnTheSpot(Decision d, String summaryPenaltyKind, String partyType, String processDefinitionId,
			String agency) {
		decide(d);
		if (!"PENALTY".equals(d.kind())) {
			return;
		}
		String kind = summaryPenaltyKind == null ? "FINE" : choice(summaryPenaltyKind, "summaryPenaltyKind", SUMMARY_KINDS);
		Number fine = (Number) d.fineAmount();
		VariableMap inputs = Variables.createVariables().putValue("summaryPenaltyKind", kind)
			.putValue("partyType", partyType).putValue("proposedFine", fine.doubleValue());
		DmnDecisionRuleResult result = evaluate("summary-procedure", processDefinitionId, agency, inputs);
		if (result == null || !Boolean.TRUE.equals(result.getEntry("eligible"))) {
			String decided = ("WARNING".equals(kind) ? "警告" : "罚款") + (fine.doubleValue() > 0
					? new java.math.BigDecimal(fine.toString()).stripTrailingZeros().toPlainString() + "元" : "");
			throw invalid("fineAmount", "本案当场决定" + decided + "，超出当场处罚的范围：" + (result == null ? "《中华人民共和国行政处罚法》第五十一条"
					: result.getEntry("basis")) + "。请按普通程序办理");
		}
	}

	/**
	 * 行政处罚法 art. 60: how often the 90 days may be extended ({@code extensionsGranted} so far) is the approval rule
	 * of the decision table {@code decision-period-extension} (data: once, by the head) in the version of the case's
	 * process; an approval beyond it is refused.
	 */
	void extensionAllowed(int extensionsGranted, String processDefinitionId, String agency) {
		DmnDecisionRuleResult result = evaluate("decision-period-extension", processDefinitionId, agency,
				Variables.createVariables().putValue("extensionsGranted", extensionsGranted));
		if (result == null || !Boolean.TRUE.equals(result.getEntry("mayExtend"))) {
			throw invalid("extensionApproved", "不能批准延长：办案期限已延长" + extensionsGranted + "次。" + (result == null
					? "《中华人民共和国行政处罚法》第六十条" : result.getEntry("basis")));
		}
	}

	private DmnDecisionRuleResult evaluate(String decision, String processDefinitionId, String agency, VariableMap inputs) {
		// the tables may be the county's (shared) ones: read as the system
		return AsSystem.call(() -> ModelVersions.evaluate(engine, decision, processDefinitionId, agency, inputs)
			.getFirstResult());
	}

	private Date now() {
		return Date.from(clock.instant());
	}

	// --- what a field must hold: refused naming the field (the task-check bean reads fields with these too)

	/** A text that must be there. */
	static void requireText(String value, String name, String message) {
		if (!StringUtils.hasText(value)) {
			throw invalid(name, message);
		}
	}

	/** A yes or no. */
	static boolean bool(Object value, String name) {
		if (!(value instanceof Boolean b)) {
			throw invalid(name, "请选择是或否");
		}
		return b;
	}

	/** One of the allowed codes. */
	static String choice(String value, String name, Set<String> allowed) {
		if (value == null || !allowed.contains(value)) {
			throw invalid(name, "须为 " + allowed + " 之一");
		}
		return value;
	}

	/** A day: a date, or a text yyyy-MM-dd…. */
	static LocalDate date(Object value, String name) {
		try {
			if (value instanceof Date d) {
				return LocalDate.ofInstant(d.toInstant(), EnforcementCaseService.CHINA);
			}
			return LocalDate.parse(String.valueOf(value).substring(0, 10));
		}
		catch (RuntimeException e) {
			throw invalid(name, "日期格式应为 yyyy-MM-dd");
		}
	}
}

package cn.zhifa.caselifecycle;

import static cn.zhifa.platform.CaseVariables.HANDLER_ID;
import static cn.zhifa.platform.CaseVariables.FILING_DECISION;
import static cn.zhifa.platform.CaseVariables.AGENCY_CODE;
import static cn.zhifa.platform.FormFields.invalid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.platform.AsSystem;
import cn.zhifa.platform.FormChecks;
import cn.zhifa.qualification.QualificationService;

/**
 * Task listener {@code ${caseTaskChecks}} (complete) on the user tasks of {@code enforcement-case}:
 * refuses a submission that breaks a rule, naming the field and the rule (HTTP 400, nothing
 * stored); records the moments the process needs (service of the prior notice, hearing held).
 */
@Component("caseTaskChecks")
class CaseTaskChecks extends FormChecks {

	static final Set<String> FILING = Set.of("FILE", "NOT_FILE", "TRANSFER_OUT");
	static final Set<String> CIRCUMSTANCES = Set.of("MINOR", "ORDINARY", "SERIOUS", "VERY_SERIOUS");
	static final Set<String> DECISIONS = Set.of("PENALTY", "NO_PENALTY");
	static final Set<String> SERVICE = Set.of("DIRECT", "LEFT", "POST", "ELECTRONIC", "PUBLIC_NOTICE");
	static final Set<String> SEIZURE_MEASURES = Set.of("SEAL", "DETAIN");
	/** 行政强制法 art. 27: 没收、销毁 or 解除; 移交 where another authority has jurisdiction. */
	static final Set<String> SEIZURE_OUTCOMES = Set.of("RELEASED", "CONFISCATED", "DESTROYED", "HANDED_OVER");
	static final Set<String> EXECUTION = Set.of("PAID", "NOT_PAID_OVERDUE");
	static final Set<String> DEMAND_SERVICE = Set.of("DIRECT", "POST", "LEFT_AT_RESIDENCE");
	static final Set<String> DEMAND_OUTCOMES = Set.of("PAID_AFTER_DEMAND", "NOT_PAID");
	static final Set<String> COURT_RULINGS = Set.of("ENFORCED", "NOT_ENFORCED");
	static final Set<String> PARTY_REPLIES = Set.of("HEARING_REQUESTED", "WAIVED");
	/** What may be decided on the spot (行政处罚法 art. 51): a fine, or a warning. */
	static final Set<String> SUMMARY_KINDS = Set.of("FINE", "WARNING");

	private final Deadlines deadlines;
	private final QualificationService qualifications;
	private final Clock clock;

	CaseTaskChecks(Deadlines deadlines, QualificationService qualifications, Clock clock) {
		super("caseTaskChecks");
		this.clock = clock;
		this.deadlines = deadlines;
		this.qualifications = qualifications;
		onComplete("enforcement-case-approve-filing", this::approveFiling);
		onComplete("enforcement-case-investigate", task -> {
			text(task, EvidenceLines.FIELD, "请填写取得的证据，每行一项：证据种类：内容");
			EvidenceLines.parse(task.getVariable(EvidenceLines.FIELD));
			bool(task, "seizureNeeded");
			refuseRecused(task, "investigatingOfficers",
					QualificationService.userIds(task.getVariable("investigatingOfficers")));
			records(task);
		});
		onComplete("enforcement-case-decide-recusal", this::decideRecusal);
		onComplete("enforcement-case-request-seizure", this::requestSeizure);
		onComplete("enforcement-case-approve-seizure", task -> {
			bool(task, "seizureApproved");
			text(task, "seizureApprovalOpinion", "请填写审批意见；不批准的，写明理由（行政强制法第十八条、第十九条）");
			task.setVariable("seizureApprovedBy", task.getAssignee());
		});
		onComplete("enforcement-case-handle-seizure", this::seizureOutcome);
		onComplete("enforcement-case-conclude-investigation", this::conclude);
		onComplete("enforcement-case-propose-penalty", this::proposePenalty);
		onComplete("enforcement-case-serve-prior-notice", task -> {
			String method = choice(task, "priorNoticeMethod", SERVICE);
			electronicService(task, method, false);
			Date servedAt = new Date(now(task).getTime());
			if ("PUBLIC_NOTICE".equals(method)) {
				// 公告送达: served when 30 days have passed since the notice was posted (行政处罚法 art. 61,
				// 民事诉讼法 art. 95; limit PUBLIC_NOTICE_SERVICE); the hearing window counts from then
				task.setVariable("priorNoticePostedAt", servedAt);
				servedAt = deadlines.limit("PUBLIC_NOTICE_SERVICE", servedAt);
			}
			task.setVariable("priorNoticeServedAt", servedAt);
		});
		onComplete("enforcement-case-record-party-reply", task -> {
			if ("HEARING_REQUESTED".equals(choice(task, "partyReply", PARTY_REPLIES))) {
				refuseHearingOutsideArticle63(task, "partyReply");
				task.setVariable("hearingRequestedBy", task.getAssignee());
			}
		});
		onComplete("enforcement-case-schedule-hearing", this::scheduleHearing);
		onComplete("enforcement-case-hold-hearing", task -> {
			text(task, "hearingRecord", "决定须以听证笔录为根据，请填写听证笔录要点(R-PROC-1)");
			task.setVariable("hearingHeld", true);
		});
		onComplete("enforcement-case-educate", task -> text(task, "educationRecord", "请记录批评教育、责令改正的情况(R-DISCR-2)"));
		onComplete("enforcement-case-collective-discussion", task -> text(task, "discussionMinutes", "重大执法决定须经集体讨论，请填写讨论记录"));
		onComplete("enforcement-case-decide", this::decide);
		onComplete("enforcement-case-decide-on-the-spot", task -> {
			decide(task);
			summaryCap(task);
		});
		onComplete("enforcement-case-serve", task -> {
			electronicService(task, choice(task, "serviceMethod", SERVICE), true);
			date(task, "servedOn");
		});
		onComplete("enforcement-case-record-execution", task -> choice(task, "executionResult", EXECUTION));
		onComplete("enforcement-case-approve-extension", task -> {
			if (bool(task, "extensionApproved")) {
				extensionAllowed(task);
			}
			text(task, "extensionReason", "请写明批准或不批准延长的理由");
		});
		onComplete("enforcement-case-seizure-extension", task -> {
			bool(task, "seizureExtensionApproved");
			text(task, "seizureExtensionReason", "请写明理由(行政强制法 第二十五条)");
		});
		onComplete("enforcement-case-file-summary", task -> text(task, "summaryFilingNote", "请填写备案意见"));
		onComplete("enforcement-case-serve-demand-notice", this::serveDemandNotice);
		onComplete("enforcement-case-record-demand-outcome", this::demandOutcome);
		onComplete("enforcement-case-apply-to-court", this::applyToCourt);
		onComplete("enforcement-case-record-court-ruling", task -> {
			choice(task, "courtRuling", COURT_RULINGS);
			text(task, "courtRulingNote", "请填写裁定书文号及执行情况");
		});
		onComplete("enforcement-case-record-appraisal", task -> {
			text(task, "appraisalReportNo", "请填写检测、检验、鉴定报告的编号");
			text(task, "appraisalResult", "请填写检测、检验、鉴定的结论（鉴定意见是行政处罚法第四十六条所列证据）");
		});
	}

	/** 行政强制法 arts. 18, 24: what the seizure is, on what grounds, and the goods, one per line. */
	private void requestSeizure(DelegateTask task) {
		bool(task, "seizureUrgent");
		choice(task, "seizureMeasure", SEIZURE_MEASURES);
		text(task, "seizureReason", "请写明查封、扣押的理由（行政强制法第二十四条第二款第二项）");
		text(task, "seizureBasis", "请写明查封、扣押的依据（行政强制法第二十四条第二款第二项）");
		SeizedItems.parse(task.getVariable(SeizedItems.FIELD));
		text(task, "seizurePlace", "请填写查封、扣押地点");
		text(task, "seizureStoragePlace", "请填写查封、扣押财物的存放地点");
	}

	/**
	 * 行政强制法 art. 27: confiscation, destruction or release, with its basis; a release returns the goods at once
	 * (art. 28(2)).
	 */
	private void seizureOutcome(DelegateTask task) {
		String outcome = choice(task, "seizureOutcome", SEIZURE_OUTCOMES);
		text(task, "seizureOutcomeBasis", "请写明处理决定的依据（行政强制法第二十七条、第二十八条）");
		if ("RELEASED".equals(outcome) && !Boolean.TRUE.equals(task.getVariable("seizedGoodsReturned"))) {
			throw invalid("seizedGoodsReturned", "解除查封、扣押的，应当立即退还财物（行政强制法第二十八条第二款）；请退还后确认");
		}
		task.setVariable("seizureClosedAt", now(task));
	}

	/**
	 * 行政处罚法 art. 61(2): a document may be served electronically only when the party agreed and signed
	 * a confirmation naming the address; the decision is served on the day it reaches that system.
	 */
	private void electronicService(DelegateTask task, String method, boolean decision) {
		if (!"ELECTRONIC".equals(method)) {
			return;
		}
		if (!Boolean.TRUE.equals(task.getVariable("electronicConsent"))) {
			throw invalid("electronicConsent", "电子送达须经当事人同意并签订确认书（行政处罚法第六十一条第二款）；未同意的，请选择其他送达方式");
		}
		text(task, "electronicAddress", "请填写当事人确认书载明的电子送达地址");
		if (decision && !Boolean.TRUE.equals(task.getVariable("electronicReceiptConfirmed"))) {
			throw invalid("electronicReceiptConfirmed", "电子送达以决定书到达当事人特定系统之日为送达日期，请确认已到达后再登记送达");
		}
	}

	private void approveFiling(DelegateTask task) {
		String decision = choice(task, FILING_DECISION, FILING);
		switch (decision) {
			case "FILE" -> handler(task);
			case "NOT_FILE" -> text(task, "notFilingReasons", "不予立案须写明理由");
			default -> {
				if (!StringUtils.hasText(str(task, "targetAgencyCode")) && !StringUtils.hasText(str(task, "targetAgencyName"))) {
					throw invalid("targetAgencyCode", "移送须写明有管辖权的机关(R-COORD-1)");
				}
				text(task, "transferReason", "请写明移送理由");
				if (!(task.getVariable("urgent") instanceof Boolean)) {
					task.setVariable("urgent", false);
				}
			}
		}
	}

	/** The handler is one of the agency's certified officers, the people the filing form offers. */
	private void handler(DelegateTask task) {
		text(task, HANDLER_ID, "立案须指定承办人");
		String agency = task.getTenantId() != null ? task.getTenantId() : str(task, AGENCY_CODE);
		qualifications.caseOfficerRefusal(str(task, HANDLER_ID).strip(), agency, qualifications.today())
			.ifPresent(reason -> {
				throw invalid(HANDLER_ID, "承办人须为本机构持有效执法证的行政执法人员：" + reason);
			});
		task.setVariable(HANDLER_ID, str(task, HANDLER_ID).strip());
	}

	private void conclude(DelegateTask task) {
		text(task, "investigationReport", "请填写调查终结报告");
		boolean confirmed = bool(task, "violationConfirmed");
		boolean crime = bool(task, "suspectedCrime");
		if (crime) {
			text(task, "crimeSuspicion", "涉嫌犯罪须写明涉嫌的罪名和事实(R-COORD-2)");
		}
		if (confirmed) {
			choice(task, "circumstance", CIRCUMSTANCES);
			for (String b : new String[] { "firstOffence", "correctedPromptly", "harmCaused" }) {
				bool(task, b);
			}
		}
	}

	/** The demand notice served: the party's 10 working days run from that day (行政强制法 arts. 54, 69). */
	private void serveDemandNotice(DelegateTask task) {
		choice(task, "demandServiceMethod", DEMAND_SERVICE);
		LocalDate served = date(task, "demandServedOn");
		if (served.isAfter(LocalDate.ofInstant(now(task).toInstant(), CaseService.CHINA))) {
			throw invalid("demandServedOn", "送达日期不能晚于今天");
		}
		task.getExecution().getProcessInstance().setVariables(deadlines.limitDue("demandDueAt", "EXECUTION_DEMAND", served).variables());
	}

	/**
	 * After the demand: paid, or — only once its 10 working days have passed (行政强制法 art. 54) — to the court; a
	 * statement or defence is recorded and re-examined (art. 36).
	 */
	private void demandOutcome(DelegateTask task) {
		String outcome = choice(task, "demandOutcome", DEMAND_OUTCOMES);
		if (StringUtils.hasText(str(task, "demandStatement"))) {
			text(task, "demandStatementReview", "当事人提出了陈述、申辩，须填写复核意见（行政强制法第三十六条）");
		}
		if ("NOT_PAID".equals(outcome) && task.getVariable("demandDueAt") instanceof Date due && now(task).before(due)) {
			throw invalid("demandOutcome", "催告书送达十个工作日后当事人仍未履行的，方可申请人民法院强制执行（行政强制法第五十四条），履行期限至 "
					+ LocalDate.ofInstant(due.toInstant(), CaseService.CHINA) + " 届满");
		}
	}

	/**
	 * The court is asked only after the party's time to sue has passed and within the 3 months after it
	 * (行政强制法 art. 53), by the head (art. 55).
	 */
	private void applyToCourt(DelegateTask task) {
		text(task, "enforcementCourt", "请填写受理申请的人民法院");
		text(task, "courtApplicationMaterials", "请列明申请材料（行政强制法第五十五条）");
		LocalDate applied = date(task, "courtAppliedOn");
		if (task.getVariable("litigationEndsAt") instanceof Date ends
				&& !applied.isAfter(LocalDate.ofInstant(ends.toInstant(), CaseService.CHINA))) {
			throw invalid("courtAppliedOn", "当事人提起行政诉讼的期限至 " + LocalDate.ofInstant(ends.toInstant(), CaseService.CHINA)
					+ " 届满，届满后方可申请人民法院强制执行（行政强制法第五十三条）");
		}
		if (task.getVariable("courtApplicationDueAt") instanceof Date due
				&& applied.isAfter(LocalDate.ofInstant(due.toInstant(), CaseService.CHINA))) {
			throw invalid("courtAppliedOn", "申请日期超过了期限届满之日起三个月（至 " + LocalDate.ofInstant(due.toInstant(), CaseService.CHINA)
					+ "，行政强制法第五十三条）");
		}
	}

	/**
	 * A hearing only for the penalties 行政处罚法 art. 63 lists (dmn/hearing-eligibility.dmn, evaluated before the
	 * prior notice): outside them the party states and defends (arts. 44, 45), which the reply records.
	 */
	static void refuseHearingOutsideArticle63(VariableScope scope, String field) {
		if (Boolean.FALSE.equals(scope.getVariable("hearingEligible"))) {
			throw invalid(field, "本案拟作出的行政处罚不属于《中华人民共和国行政处罚法》第六十三条规定的听证范围，不能登记听证申请；"
					+ "当事人的陈述、申辩请如实记录（第四十四条、第四十五条）");
		}
	}

	/** R-DISCR-1: a fine outside the benchmark's range needs a written reason. */
	private void proposePenalty(DelegateTask task) {
		Object fine = task.getVariable("fineAmount");
		if (!(fine instanceof Number amount) || amount.doubleValue() < 0) {
			throw invalid("fineAmount", "请填写拟罚款数额（元，不罚款填0）");
		}
		if (Boolean.TRUE.equals(task.getVariable("afterConviction"))) {
			// 判处刑罚后只给予人民法院不能作出的处罚（国务院令第310号第十一条）；罚款已由罚金吸收或者折抵（行政处罚法第三十五条）
			if (amount.doubleValue() != 0) {
				throw invalid("fineAmount", "当事人已被判处刑罚，不再给予罚款（行政处罚法第三十五条），拟罚款数额应为0");
			}
			text(task, "penaltyKinds", "当事人已被判处刑罚，须写明拟给予的刑罚以外的处罚种类（如吊销许可证件、责令停产停业）");
			String kinds = str(task, "penaltyKinds");
			if (kinds.contains("罚款") || kinds.contains("没收")) {
				throw invalid("penaltyKinds", "当事人已被判处刑罚，罚款、没收已由人民法院判处或者追缴，处罚种类只写人民法院不能作出的处罚"
						+ "（如吊销许可证件、责令停产停业、限制从业）");
			}
		}
		else {
			fineWithinBenchmark(task, amount);
		}
		if (Boolean.TRUE.equals(task.getVariable("flaggedMajor"))) {
			text(task, "flaggedMajorReason", "认定为重大执法决定的，须写明理由");
		}
	}

	/** The proposed fine against the discretion benchmark: outside it only with written reasons (R-DISCR-1). */
	private void fineWithinBenchmark(DelegateTask task, Number amount) {
		// a benchmark in percent of the construction cost (fineUnit PERCENT_OF_COST) cannot be compared with yuan
		boolean inYuan = task.getVariable("fineUnit") == null || "YUAN".equals(str(task, "fineUnit"));
		if (inYuan && (task.getVariable("fineMin") instanceof Number || task.getVariable("fineMax") instanceof Number)) {
			Number min = (Number) task.getVariable("fineMin");
			Number max = (Number) task.getVariable("fineMax");
			boolean outside = (min != null && amount.doubleValue() < min.doubleValue())
					|| (max != null && amount.doubleValue() > max.doubleValue());
			if (outside && !StringUtils.hasText(str(task, "discretionReason"))) {
				throw invalid("discretionReason", "拟罚款数额超出裁量基准范围（" + min + "–" + max + "元），须书面说明理由(R-DISCR-1)");
			}
		}
		// a benchmark in multiples of the goods value (食品安全法 art. 124: 货值金额1万元以上的按倍数计)
		if ("TIMES_GOODS_VALUE".equals(str(task, "fineUnit")) && task.getVariable("goodsValue") instanceof Number goods
				&& task.getVariable("fineMin") instanceof Number min && task.getVariable("fineMax") instanceof Number max) {
			double low = goods.doubleValue() * min.doubleValue();
			double high = goods.doubleValue() * max.doubleValue();
			if ((amount.doubleValue() < low || amount.doubleValue() > high) && !StringUtils.hasText(str(task, "discretionReason"))) {
				throw invalid("discretionReason", "拟罚款数额超出裁量基准范围（货值金额 " + goods + " 元的 " + min + "–" + max
						+ " 倍，即 " + low + "–" + high + " 元），须书面说明理由(R-DISCR-1)");
			}
		}
	}

	/**
	 * The party is notified at least 7 working days before the hearing (行政处罚法 art. 64(2) with art. 85;
	 * limit {@code HEARING_NOTICE}): notified today, the hearing is on the 7th working day after today or later.
	 */
	private void scheduleHearing(DelegateTask task) {
		LocalDate hearing = date(task, "hearingDate");
		Date notifiedAt = now(task);
		LocalDate earliest = LocalDate.ofInstant(deadlines.limit("HEARING_NOTICE", notifiedAt).toInstant(), CaseService.CHINA);
		if (hearing.isBefore(earliest)) {
			throw invalid("hearingDate", "听证日期 " + hearing + " 不符合《中华人民共和国行政处罚法》第六十四条第二项、第八十五条：应当在举行听证的七日前通知当事人，"
					+ "七日指工作日；今日（" + LocalDate.ofInstant(notifiedAt.toInstant(), CaseService.CHINA) + "）通知的，听证日期不得早于 " + earliest);
		}
		text(task, "hearingPlace", "请填写听证地点");
		text(task, "hearingChair", "请指定听证主持人");
		String chair = str(task, "hearingChair");
		refuseRecused(task, "hearingChair", java.util.List.of(chair));
		java.util.List<String> investigators = QualificationService.userIds(task.getVariable("investigatingOfficers"));
		if (investigators.contains(chair) || chair.equals(str(task, HANDLER_ID))) {
			throw invalid("hearingChair", "听证由行政机关指定的非本案调查人员主持（《中华人民共和国行政处罚法》第六十四条第（四）项）："
					+ "所选人员参与了本案调查或承办本案，请另行指定");
		}
	}

	/**
	 * 询问笔录 / 现场检查（勘验）笔录 (行政处罚法 arts. 42, 43, 55): what the officers recorded in 调查取证 becomes the record
	 * the party signs — a ticked inquiry or inspection needs its facts (who, where, when, the recusal question, the
	 * questions and answers or the findings).
	 */
	private static void records(DelegateTask task) {
		if (Boolean.TRUE.equals(task.getVariable("inquiryHeld"))) {
			text(task, "intervieweeName", "请填写被询问人姓名（询问笔录）");
			text(task, "intervieweeRelation", "请填写被询问人身份，如 当事人、证人（询问笔录）");
			text(task, "intervieweeIdNumber", "请填写被询问人身份证件号码（询问笔录）");
			text(task, "inquiryPlace", "请填写询问地点（询问笔录）");
			text(task, "inquiryPeriod", "请填写询问时间（询问笔录）");
			text(task, "recusalAnswer", "请记录告知回避权利后被询问人的回答（《中华人民共和国行政处罚法》第四十三条）");
			text(task, "inquiryTranscript", "请填写询问内容，一问一答（询问笔录）");
		}
		else {
			task.setVariable("inquiryHeld", false);
		}
		if (Boolean.TRUE.equals(task.getVariable("inspectionHeld"))) {
			text(task, "inspectionPlace", "请填写检查（勘验）地点（现场检查笔录）");
			text(task, "inspectionPeriod", "请填写检查（勘验）时间（现场检查笔录）");
			text(task, "onSitePerson", "请填写现场负责人（现场检查笔录）");
			text(task, "inspectionFindings", "请填写现场检查（勘验）情况（现场检查笔录）");
			if (!(task.getVariable("recusalRequested") instanceof Boolean)) {
				task.setVariable("recusalRequested", false);
			}
		}
		else {
			task.setVariable("inspectionHeld", false);
		}
	}

	/** An officer recused from the case (行政处罚法 arts. 43, 64(4)) takes no further part in it. */
	private static void refuseRecused(DelegateTask task, String field, java.util.Collection<String> chosen) {
		java.util.List<String> recused = QualificationService.userIds(task.getVariable(RecusalService.RECUSED_OFFICERS));
		for (String user : chosen) {
			if (recused.contains(user)) {
				throw invalid(field, "所选人员已经负责人决定回避，不得再参与本案（《中华人民共和国行政处罚法》第四十三条）");
			}
		}
	}

	/**
	 * 决定是否回避 (行政处罚法 arts. 43, 64(4)): the decision with its reason; a granted recusal names who takes over — a
	 * certified officer of the agency, not the recused one, not already an investigator when an investigator is replaced,
	 * and never both investigator (or handler) and hearing chair.
	 */
	private void decideRecusal(DelegateTask task) {
		boolean granted = bool(task, "recusalGranted");
		text(task, "recusalDecisionReason", "请填写准予或者不予回避的理由（《中华人民共和国行政处罚法》第四十三条）");
		if (!granted) {
			return;
		}
		text(task, "replacementOfficer", "准予回避的，请指定接替的执法人员");
		String replacement = str(task, "replacementOfficer").strip();
		String recused = str(task, "recusedOfficer");
		if (replacement.equals(recused)) {
			throw invalid("replacementOfficer", "接替的执法人员不能是被申请回避的人员");
		}
		refuseRecused(task, "replacementOfficer", java.util.List.of(replacement));
		String agency = task.getTenantId() != null ? task.getTenantId() : str(task, AGENCY_CODE);
		qualifications.caseOfficerRefusal(replacement, agency, qualifications.today()).ifPresent(reason -> {
			throw invalid("replacementOfficer", "接替的执法人员须为本机构持有效执法证的行政执法人员：" + reason);
		});
		java.util.List<String> investigators = QualificationService.userIds(task.getVariable("investigatingOfficers"));
		String chair = str(task, "hearingChair");
		String handler = str(task, HANDLER_ID);
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
		task.setVariable("replacementOfficer", replacement);
	}

	private void decide(DelegateTask task) {
		String kind = choice(task, "decisionKind", DECISIONS);
		if (StringUtils.hasText(str(task, "partyStatement"))) {
			text(task, "statementReview", "当事人提出了陈述、申辩，行政机关应当对其提出的事实、理由和证据进行复核，请填写复核意见"
					+ "（《中华人民共和国行政处罚法》第四十五条）；不得因当事人陈述、申辩而给予更重的处罚");
		}
		text(task, "decisionContent", "请填写决定内容");
		if (!StringUtils.hasText(str(task, "legalBasis")) && !StringUtils.hasText(str(task, "discretionBasis"))) {
			throw invalid("legalBasis", "决定须写明法律依据(R-DISC-3: 公开内容包括执法依据)");
		}
		if ("PENALTY".equals(kind) && !(task.getVariable("fineAmount") instanceof Number)) {
			throw invalid("fineAmount", "请填写罚款数额（元，不罚款填0）");
		}
	}

	/**
	 * 行政处罚法 art. 51: what is decided on the spot — its kind and amount, not only the fine typed at
	 * registration — must be within the summary procedure's cap. The cap is the decision table
	 * {@code summary-procedure} (data); a decision outside it is refused, naming the field and the article.
	 */
	private void summaryCap(DelegateTask task) {
		if (!"PENALTY".equals(str(task, "decisionKind"))) {
			return;
		}
		Object kindValue = task.getVariable("summaryPenaltyKind");
		String kind = kindValue == null ? "FINE" : choice(task, "summaryPenaltyKind", SUMMARY_KINDS);
		Number fine = (Number) task.getVariable("fineAmount");
		var inputs = org.camunda.bpm.engine.variable.Variables.createVariables().putValue("summaryPenaltyKind", kind)
			.putValue("partyType", str(task, "partyType")).putValue("proposedFine", fine.doubleValue());
		var result = evaluate(task, "summary-procedure", inputs);
		if (result == null || !Boolean.TRUE.equals(result.getEntry("eligible"))) {
			String decided = ("WARNING".equals(kind) ? "警告" : "罚款") + (fine.doubleValue() > 0
					? new java.math.BigDecimal(fine.toString()).stripTrailingZeros().toPlainString() + "元" : "");
			throw invalid("fineAmount", "本案当场决定" + decided + "，超出当场处罚的范围：" + (result == null ? "《中华人民共和国行政处罚法》第五十一条"
					: result.getEntry("basis")) + "。请按普通程序办理");
		}
	}

	/**
	 * 行政处罚法 art. 60: how often the 90 days may be extended is the approval rule of the decision table
	 * {@code decision-period-extension} (data: once, by the head); an approval beyond it is refused.
	 */
	private void extensionAllowed(DelegateTask task) {
		Object granted = task.getVariable("decisionExtensions");
		int extensions = granted instanceof Number n ? n.intValue() : 0;
		var result = evaluate(task, "decision-period-extension",
				org.camunda.bpm.engine.variable.Variables.createVariables().putValue("extensionsGranted", extensions));
		if (result == null || !Boolean.TRUE.equals(result.getEntry("mayExtend"))) {
			throw invalid("extensionApproved", "不能批准延长：办案期限已延长" + extensions + "次。" + (result == null
					? "《中华人民共和国行政处罚法》第六十条" : result.getEntry("basis")));
		}
	}

	private static org.camunda.bpm.dmn.engine.DmnDecisionRuleResult evaluate(DelegateTask task, String decision,
			org.camunda.bpm.engine.variable.VariableMap inputs) {
		// the decision tables may be the county's (shared): read as the system
		return AsSystem.call(() -> cn.zhifa.models.ModelVersions.evaluate(task.getProcessEngineServices(), decision,
						task.getProcessDefinitionId(), task.getTenantId(), inputs).getFirstResult());
	}

	private Date now(DelegateTask task) {
		return Date.from(clock.instant());
	}

	private static String str(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		return v == null ? null : v.toString();
	}

	private static void text(DelegateTask task, String name, String message) {
		if (!StringUtils.hasText(str(task, name))) {
			throw invalid(name, message);
		}
	}

	private static boolean bool(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		if (!(v instanceof Boolean b)) {
			throw invalid(name, "请选择是或否");
		}
		return b;
	}

	private static String choice(DelegateTask task, String name, Set<String> allowed) {
		String v = str(task, name);
		if (v == null || !allowed.contains(v)) {
			throw invalid(name, "须为 " + allowed + " 之一");
		}
		return v;
	}

	private static LocalDate date(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		try {
			if (v instanceof Date d) {
				return LocalDate.ofInstant(d.toInstant(), CaseService.CHINA);
			}
			return LocalDate.parse(String.valueOf(v).substring(0, 10));
		}
		catch (RuntimeException e) {
			throw invalid(name, "日期格式应为 yyyy-MM-dd");
		}
	}
}

package cn.zhifa.platform;

import static cn.zhifa.platform.CaseVariable.system;
import static cn.zhifa.platform.CaseVariable.Type.BOOLEAN;
import static cn.zhifa.platform.CaseVariable.Type.DAY;
import static cn.zhifa.platform.CaseVariable.Type.INSTANT;
import static cn.zhifa.platform.CaseVariable.Type.LIST;
import static cn.zhifa.platform.CaseVariable.Type.NUMBER;
import static cn.zhifa.platform.CaseVariable.Type.RESULT;
import static cn.zhifa.platform.CaseVariable.Type.TEXT;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case contract (ADR-0015): the variables the processes share whose values belong to the
 * system — who the case is (case number, agency, business key), who handles it, the gates a person
 * decides through their own task's form (filing, review result, head ruling, …), and what the
 * engine and our services compute (numbers, documents, deadlines, results). One list, named once:
 * the processes, forms, services and the guard of the engine's REST API
 * ({@link EngineRestGuard}) use it.
 * <p>
 * From outside (the engine's REST API, Tasklist, Cockpit) a declared variable is set only as
 * {@link CaseVariable} says: through the forms that declare it, by the messages that carry it, or
 * ({@code agencyCode}) by an administrator's start. Every other field of a deployed form belongs to
 * its form in the same way. Java inside the application (delegates, listeners, {@code /api}) sets
 * them freely.
 */
public final class CaseVariables {

	// --- who the case is
	/** 案号: the case number, also the business key of every process of the case. */
	public static final String CASE_ID = "caseId";
	/** 执法机构: the agency (= tenant) the instance belongs to, set from the tenant at start. */
	public static final String AGENCY_CODE = "agencyCode";
	/** 承办人: the handling officer (initiator, then named by the head at filing). */
	public static final String HANDLER_ID = "handlerId";
	/** 登记人: who registered the case (the start's login). */
	public static final String REGISTERED_BY = "registeredBy";
	/** The instance that started this one ({@code ${startProcess}}), for idempotent starts. */
	public static final String STARTED_BY = "startedByProcessInstanceId";
	/** The case-transfer instance that a transferred-in case answers. */
	public static final String TRANSFER_PROCESS_INSTANCE_ID = "transferProcessInstanceId";
	public static final String TRANSFERRED_FROM_CASE_NO = "transferredFromCaseNo";
	/** 当事人住所（地址）: named in every decision (行政处罚法 arts. 52, 59), the default place of service. */
	public static final String PARTY_ADDRESS = "partyAddress";
	public static final String LEGAL_REVIEW_ID = "legalReviewId";
	public static final String DISCLOSURE_ITEM_NO = "disclosureItemNo";

	// --- numbers and documents
	public static final String DECISION_NUMBER = "decisionNumber";
	public static final String RECEIVING_CASE_NO = "receivingCaseNo";

	// --- gates decided through a form
	public static final String FILING_DECISION = "filingDecision";
	public static final String LEGAL_REVIEW_RESULT = "legalReviewResult";
	public static final String HEAD_RULING = "headRuling";

	private static final String REVOKED = "disclosure.decisionRevoked";
	private static final String CORRECTED = "disclosure.decisionCorrected";
	/** Standalone starts (no case process in Zhifa) name the case they concern in their start form. */
	private static final String[] STANDALONE_STARTS = { "legal-review-start", "disclosure-start", "case-transfer-start",
			"criminal-transfer-start", "discipline-transfer-start", "case-appraisal-start", "case-recusal-start",
			"guiding-case-start", "assistance-request-start", "disclosure-withdrawal-start", "interference-report-start" };

	private static final Map<String, CaseVariable> DECLARED = index(withDeadlineBases(List.of(
			// who the case is, who handles it
			system(CASE_ID, "案号", TEXT).forms(STANDALONE_STARTS),
			system(AGENCY_CODE, "执法机构", TEXT).orAdministratorAtStart(),
			system(HANDLER_ID, "承办人", TEXT).forms("enforcement-case-approve-filing"),
			system(REGISTERED_BY, "登记人", TEXT),
			system(STARTED_BY, "发起流程", TEXT),
			system(TRANSFER_PROCESS_INSTANCE_ID, "移送流程", TEXT),
			system(TRANSFERRED_FROM_CASE_NO, "移送机关案号", TEXT),
			system(LEGAL_REVIEW_ID, "法制审核编号", TEXT),
			system(DISCLOSURE_ITEM_NO, "公示编号", TEXT),
			system("agencyName", "执法机构名称", TEXT),
			system("caseOfficers", "办案人员", LIST),
			system("evidenceList", "证据清单", LIST),
			system("answeredBy", "答复登记人", TEXT),
			system("reviewerId", "审核人员", TEXT),
			system("approverId", "审批人", TEXT),
			system("signerId", "签发人", TEXT),
			system("disclosureReviewedBy", "公示审核人（党政办）", TEXT),
			system("disclosureJusticeReviewedBy", "公示审核人（司法所）", TEXT),
			system("disclosurePreparedBy", "公示整理人", TEXT),
			system("hearingRequestedBy", "听证申请登记人", TEXT),
			system("hearingEligible", "享有听证权利", BOOLEAN),
			system("hearingGround", "听证事由", TEXT),
			system("hearingNotice", "事先告知书中的听证告知语", TEXT),
			system("extensionRequestReason", "申请延长办案期限的理由", TEXT),
			system("appraisalKind", "委托检测鉴定事项种类", TEXT).forms("case-appraisal-start"),
			system("appraisalMatter", "委托检测鉴定的物品和事项", TEXT).forms("case-appraisal-start"),
			system("appraisalInstitution", "受托检测鉴定机构", TEXT).forms("case-appraisal-start"),
			// 行政强制法 art. 25(3): the period is stated and told in writing (检测、检验、检疫、鉴定期间告知书)
			system("appraisalPeriodEndsOn", "检测、检验、检疫、鉴定期间届满日期", DAY).forms("case-appraisal-start"),
			system("appraisalPeriodDays", "检测、检验、检疫、鉴定期间天数", NUMBER),
			system("appraisalRequestedBy", "委托检测鉴定登记人", TEXT),
			// complaints and reports (R-COORD-4, cn.zhifa.complaint): the receipt and its routing belong to the system
			system("complaintNo", "投诉举报编号", TEXT),
			system("complaintQueryCode", "投诉举报查询码", TEXT),
			system("complaintChannel", "投诉举报渠道", TEXT),
			system("complaintTransferred", "投诉举报已移送", BOOLEAN),
			system("complaintRouting", "投诉举报分办规则", RESULT),
			system("complaintRoutingBasis", "分办依据", TEXT),
			system("complaintCaseNo", "投诉举报立案案号", TEXT),
			// the referring agency's feedback (seed 002 (十五)二): what the register says, never the starter's
			system("feedbackHandlingBody", "办理机关", TEXT),
			system("feedbackReply", "答复内容", TEXT),
			system("feedbackRepliedOn", "答复时间", TEXT),
			system("feedbackRepliedOnTime", "在承诺期限内答复", BOOLEAN),
			system("feedbackCaseNo", "立案查处的案号", TEXT),
			system("complaintAttachments", "投诉举报附件", TEXT),
			system("complaintAcceptance", "受理意见", TEXT).forms("complaint-handling-accept"),
			system("openCase", "立案查处", BOOLEAN).forms("complaint-handling-handle"),
			// supervision notices (R-COORD-8, cn.zhifa.supervision, ADR-0025): the notice and its deadlines belong to the system
			system("supervisionNoticeNo", "监督通知书编号", TEXT),
			system("supervisedAgencyName", "被监督的执法机关名称", TEXT),
			system("supervisionSourceLabel", "监督事项来源", TEXT),
			system("issuedBy", "制发人", TEXT),
			system("supervisingBody", "监督机关", TEXT),
			system("supervisionIssuedOn", "通知书发出日期", TEXT),
			system("supervisionNoticeDocId", "行政执法监督通知书", TEXT),
			system("supervisionRectificationDueAt", "整改期限", INSTANT),
			system("supervisionCheckDueAt", "审查整改报告期限", INSTANT),
			system("supervisionOutcome", "审查结论", TEXT).forms("supervision-notice-check"),
			// case-file reviews (评查, R-REC-7, cn.zhifa.supervision, ADR-0026): the draw, the case shown, the results
			system("caseFileReviewNo", "评查编号", TEXT),
			system("reviewYear", "评查年度", NUMBER).forms("case-file-review-start"),
			system("reviewSeed", "抽取随机数种子", TEXT),
			system("reviewPopulationSize", "结案案卷数", NUMBER),
			system("reviewPopulationHash", "结案案卷清单摘要", TEXT),
			system("reviewSampleSize", "抽取案卷数", NUMBER),
			system("reviewCases", "抽取的案卷", TEXT),
			system("reviewCaseNo", "评查的案号", TEXT),
			system("reviewCaseSummary", "评查案卷概况", TEXT),
			system("reviewCaseFileUrl", "案卷（ZIP）", TEXT),
			system("reviewCaseRecordUrl", "全过程记录", TEXT),
			system("reviewInterference", "干预执法活动记录", TEXT),
			system("reviewDeductionOptions", "评查扣分项", LIST),
			system("reviewChecklistText", "评查标准", TEXT),
			system("reviewResultsText", "评查结果", TEXT),
			system("reviewResults", "评查结果明细", LIST),
			system("reviewAverageScore", "平均得分", NUMBER),
			system("reviewFailedCount", "不合格案卷数", NUMBER),
			system("reviewFollowUp", "评查结果处理", TEXT).forms("case-file-review-conclude"),
			system("reviewReportDocId", "案卷评查报告", TEXT),
			system("reviewNoticeNo", "评查后制发的监督通知书编号", TEXT),
			// disputes between agencies (R-COORD-5, cn.zhifa.dispute, ADR-0027): the dispute, its parties, deadlines,
			// documents and the other agency's answers belong to the system; each gate to the form that decides it
			system("disputeNo", "争议编号", TEXT),
			system("applicantAgencyName", "申请机关", TEXT),
			system("counterpartAgencyName", "被申请机关", TEXT),
			system("disputeSubjectLabel", "争议事项类别", TEXT),
			system("disputeRaisedBy", "申请人", TEXT),
			system("disputeRaisedOn", "申请日期", TEXT),
			system("coordinatingBody", "协调机关", TEXT),
			system("countyGovernment", "裁决机关", TEXT),
			system("disputeProcessInstanceId", "争议协调流程", TEXT),
			system("replyStage", "答复事项", TEXT),
			system("counterpartReply", "被申请机关协商意见", TEXT).forms("agency-dispute-reply-negotiate"),
			system("counterpartReplyLabel", "被申请机关协商意见", TEXT),
			system("counterpartOpinionAnswer", "被申请机关是否接受协调意见", TEXT).forms("agency-dispute-reply-opinion"),
			system("negotiationOutcome", "协商结果", TEXT).forms("agency-dispute-negotiate"),
			system("disputeAcceptance", "受理意见", TEXT).forms("agency-dispute-accept"),
			system("coordinationOutcome", "协调结果", TEXT).forms("agency-dispute-coordinate"),
			system("applicantOpinionAnswer", "申请机关是否接受协调意见", TEXT).forms("agency-dispute-answer"),
			system("opinionAccepted", "双方接受协调意见", BOOLEAN),
			system("opinionAnswers", "双方对协调意见的答复", TEXT),
			system("disputeOutcome", "争议处理结果", TEXT),
			system("disputeOpinionIssuedOn", "协调意见书出具日期", TEXT),
			system("disputeOpinionDocId", "行政执法争议协调意见书", TEXT),
			system("disputeReportedOn", "报请裁决日期", TEXT),
			system("disputeReportDocId", "行政执法争议协调书面建议", TEXT),
			system("disputeNegotiationDueAt", "协商答复期限", INSTANT),
			system("disputeApplicationDueAt", "确认协商结果期限", INSTANT),
			system("disputeAcceptanceDueAt", "受理协调申请期限", INSTANT),
			system("disputeCoordinationDueAt", "协调并出具意见期限", INSTANT),
			system("disputeOpinionReplyDueAt", "答复协调意见期限", INSTANT),
			system("disputeReportDueAt", "报请政府裁决期限", INSTANT),
			system("disputeRulingDueAt", "登记政府裁决期限", INSTANT),
			// guiding cases (seed 002 (十一), cn.zhifa.guidingcase, ADR-0028): the number, the redacted texts' record and deadlines
			system("guidingCaseNo", "指导案例编号", TEXT),
			system("guidingCategoryLabel", "案例类别", TEXT),
			system("guidingRedactionSummary", "脱敏情况", TEXT),
			system("guidingTitleShown", "案例标题（显示）", TEXT),
			system("guidingSummaryShown", "基本案情（显示）", TEXT),
			system("guidingKeyPointsShown", "案例要点（显示）", TEXT),
			system("guidingLegalBasisShown", "法律依据（显示）", TEXT),
			system("guidingProposedBy", "报送人", TEXT),
			system("guidingReviewDueAt", "审查指导案例期限", INSTANT),
			system("guidingRevisionDueAt", "修改指导案例期限", INSTANT),
			system("guidingReviewOutcome", "指导案例审查结论", TEXT).forms("guiding-case-review"),
			// requests for enforcement assistance (seed 002 (十五) 五, cn.zhifa.assistance, ADR-0028)
			system("assistanceRequestNo", "协助函编号", TEXT),
			system("assistanceRequestDocId", "行政执法协助函", TEXT),
			system("assistanceRequestedAgencyName", "被请求协助的机关名称", TEXT),
			system("assistanceKindLabel", "协助事项类别", TEXT),
			system("assistanceRequestedBy", "请求人", TEXT),
			system("assistanceRequestedOn", "协助函发出日期", TEXT),
			system("assistanceRequestProcessInstanceId", "请求协助的流程", TEXT),
			system("assistanceRequesterName", "请求协助的机关名称", TEXT),
			system("assistanceRequesterAgency", "请求协助的机关", TEXT),
			system("assistanceCaseNo", "请求机关案号", TEXT),
			system("assistanceReplyDueAt", "答复协助请求期限", INSTANT),
			system("assistanceCompletionDueAt", "完成协助期限", INSTANT),
			system("assistanceAnswer", "是否协助", TEXT).forms("assistance-reply-answer"),
			system("assistanceAnsweredBy", "答复人", TEXT),
			system("assistanceResult", "协助结果", TEXT),
			// annual statistics (R-DISC-7, cn.zhifa.statistics): the year, the figures and the deadlines belong to the system
			system("statisticsYear", "统计年度", NUMBER),
			system("statisticsYearEnd", "统计期间截止日", TEXT),
			system("statisticsPeriod", "统计期间", TEXT),
			system("startedAgencies", "已发起年度统计的执法主体", TEXT),
			system("annualStatisticsSubmitDueAt", "年度统计报送期限", INSTANT),
			system("annualStatisticsPublishDueAt", "年度统计公开期限", INSTANT),
			system("annualStatisticsSummary", "年度统计主要数据", TEXT),
			system("annualStatisticsWorkbook", "年度统计表", TEXT),
			system("annualStatisticsOfficeSignedBy", "党政办签署人", TEXT),
			system("annualStatisticsJusticeSignedBy", "司法所签署人", TEXT),
			system("annualStatisticsPublishedBy", "年度统计公开人", TEXT),
			system("annualStatisticsOutcome", "年度统计核对结论", TEXT).forms("annual-statistics-sign-off"),
			// enforcement item lists (R-QUAL-4, cn.zhifa.itemlist, ADR-0032): the change's number, what the review shows
			system("itemChangeNo", "清单变更编号", TEXT),
			system("itemProposedBy", "清单变更提出人", TEXT),
			system("itemActionLabel", "变更类型", TEXT),
			system("itemKindLabel", "事项类别", TEXT),
			system("itemCurrentEntry", "清单中的现行事项", TEXT),
			system("itemListBaseVersion", "变更所依据的清单版本", NUMBER),
			system("itemListPublishedVersion", "发布的清单版本", NUMBER),
			system("itemListReviewOutcome", "清单变更审核结论", TEXT).forms("item-list-change-review"),
			// random inspections (双随机、一公开, R-DISC-1, cn.zhifa.inspection, ADR-0033): the plan, its draw, each
			// inspection, its result, the case it opened and the publication deadline belong to the system
			system("inspectionPlanNo", "抽查计划编号", TEXT),
			system("inspectionItemName", "抽查事项", TEXT),
			system("inspectionSeed", "抽取随机数种子", TEXT),
			system("inspectionDrawnCount", "抽中的检查对象数", NUMBER),
			system("inspectionNos", "检查编号清单", TEXT),
			system("inspectionDrawText", "抽取结果", TEXT),
			system("inspectionNo", "检查编号", TEXT),
			system("inspectionTargetName", "检查对象", TEXT),
			system("inspectionTargetCode", "检查对象统一社会信用代码", TEXT),
			system("inspectionTargetAddress", "检查对象地址", TEXT),
			system("inspectionInspectors", "检查人员", TEXT),
			system("inspectionInspector", "主办检查人员", TEXT),
			system("inspectionCoInspector", "协办检查人员", TEXT),
			system("inspectionResultLabel", "检查结果", TEXT),
			system("inspectionViolation", "发现违法行为", BOOLEAN),
			system("inspectionCaseNo", "随机抽查立案案号", TEXT),
			system("inspectionPublicationDueAt", "检查结果公示期限", INSTANT),
			system("inspectionId", "随机抽查检查编号", TEXT),
			system("appraisalRequestedAt", "委托检测鉴定时间", INSTANT),
			system("appraisalNoticeDocId", "检测、检验、检疫、鉴定期间告知书", TEXT),
			system("appraisalNoticeNumber", "检测、检验、检疫、鉴定期间告知书文号", TEXT),
			system("seizureExtensionNoticeDocId", "延长查封（扣押）期限通知书", TEXT),
			system("seizureExtensionNoticeNumber", "延长查封（扣押）期限通知书文号", TEXT),
			// recusal (行政处罚法 arts. 43, 64(4)): registered from Tasklist (case-recusal) or /api, decided by the head
			system("recusedOfficer", "申请回避的执法人员", TEXT).forms("case-recusal-start"),
			system("recusalGrounds", "申请回避的理由", TEXT).forms("case-recusal-start"),
			system("recusedOfficerName", "申请回避的执法人员姓名", TEXT),
			system("recusedOfficerRoles", "申请回避人员在本案中的职责", TEXT),
			system("recusalRequestedBy", "回避申请登记人", TEXT),
			system("recusalRequestedByName", "回避申请登记人姓名", TEXT),
			system("recusalDecidedBy", "回避决定人", TEXT),
			system("recusedOfficers", "已回避的执法人员", LIST),
			system("inquiryOfficers", "询问人及执法证号", TEXT),
			system("inspectionOfficers", "检查人员及执法证号", TEXT),
			system("recorderId", "记录人", TEXT),
			system("inquiryRecordDocId", "询问笔录", TEXT),
			system("inspectionRecordDocId", "现场检查（勘验）笔录", TEXT),
			system("priorNoticeNumber", "事先告知书文号", TEXT),
			system("priorNoticeReceiptDocId", "送达回证（事先告知书）", TEXT),
			system("decisionReceiptDocId", "送达回证（决定书）", TEXT),
			system("demandReceiptDocId", "送达回证（催告书）", TEXT),
			system("demandNoticeNumber", "催告书文号", TEXT),
			// the options a form offers (task listeners): choosing outside them is no choice
			system("certifiedOfficers", "可选的执法人员", LIST),
			system("otherAgencies", "可选的机关", LIST),
			// numbers and documents (document service)
			system(DECISION_NUMBER, "决定书文号", TEXT).forms("disclosure-start", "discipline-transfer-start")
				.messages(CORRECTED),
			system(RECEIVING_CASE_NO, "接收机关案号", TEXT).forms("case-transfer-external-feedback"),
			system("caseTransferLetterNo", "案件移送书文号", TEXT),
			system("criminalTransferLetterNo", "涉嫌犯罪案件移送书文号", TEXT),
			system("disciplineTransferLetterNo", "纪检监察移送函文号", TEXT),
			system("decisionDocId", "决定书", TEXT),
			system("priorNoticeDocId", "事先告知书", TEXT),
			system("reviewSubmissionDocId", "法制审核送审表", TEXT),
			system("legalReviewOpinionDocId", "法制审核意见书", TEXT),
			system("caseTransferLetterDocId", "案件移送书", TEXT),
			system("criminalTransferLetterDocId", "涉嫌犯罪案件移送书", TEXT),
			system("disciplineTransferLetterDocId", "纪检监察移送函", TEXT),
			system("investigationReportDocId", "调查报告", TEXT).forms("criminal-transfer-start"),
			// the case as registered (start form of the case, or a standalone start)
			system("summaryProcedure", "适用简易程序", BOOLEAN).forms("enforcement-case-register"),
			system("proposedFine", "当场罚款数额", NUMBER).forms("enforcement-case-register"),
			system("violationCode", "违法行为", TEXT).forms("enforcement-case-register", "case-transfer-start",
					"complaint-handling-handle"),
			system("discoveredOn", "发现日期", DAY).forms("enforcement-case-register", "case-transfer-start"),
			system("violationDate", "违法行为发生（终了）日期", DAY).forms("enforcement-case-register"),
			system("limitationHarm", "涉及生命健康安全、金融安全且有危害后果", BOOLEAN).forms("enforcement-case-register"),
			system("partyIsOfficial", "当事人为党员或公职人员", BOOLEAN).forms("enforcement-case-register",
					"case-transfer-start", "discipline-transfer-start"),
			system("decisionType", "执法决定类别", TEXT).forms("legal-review-start", "disclosure-start").messages(CORRECTED),
			system("decisionDate", "决定日期", DAY).forms("disclosure-start").messages(CORRECTED),
			system("majorReasons", "重大执法决定的理由", TEXT).forms("legal-review-start"),
			system("materials", "送审材料", LIST).forms("legal-review-start"),
			system("targetAgencyCode", "有管辖权的机关", TEXT).forms("enforcement-case-approve-filing", "case-transfer-start",
					"enforcement-case-conclude-investigation"),
			system("targetAgencyName", "有管辖权的机关名称", TEXT).forms("enforcement-case-approve-filing",
					"enforcement-case-conclude-investigation",
					"case-transfer-start"),
			// gates: decided by a person through the form of their own task
			system(FILING_DECISION, "立案审批意见", TEXT).forms("enforcement-case-approve-filing"),
			system("investigatingOfficers", "调查人员", LIST).forms("enforcement-case-investigate"),
			system("seizureNeeded", "需要查封扣押", BOOLEAN).forms("enforcement-case-investigate"),
			system("violationConfirmed", "违法事实成立", BOOLEAN).forms("enforcement-case-conclude-investigation"),
			system("suspectedCrime", "涉嫌犯罪", BOOLEAN).forms("enforcement-case-conclude-investigation"),
			system("outsideCompetence", "不属本机关管辖，应当移送", BOOLEAN).forms("enforcement-case-conclude-investigation"),
			system("reviewNotPassedAction", "对未通过的法制审核意见的处理方式", TEXT).forms("enforcement-case-study-review-opinion"),
			system("seizureValue", "查封、扣押财物估价合计", NUMBER).forms("enforcement-case-request-seizure"),
			system("fineAmount", "罚款数额", NUMBER).forms("enforcement-case-propose-penalty",
					"enforcement-case-decide-on-the-spot"),
			system("confiscationValue", "没收违法所得、非法财物价值", NUMBER).forms("enforcement-case-propose-penalty"),
			system("revokesLicence", "吊销许可证件", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("ordersSuspension", "责令停产停业", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("downgradesQualification", "降低资质等级", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("restrictsOccupation", "限制从业、禁止从业", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("requiredByLaw", "法律法规规定应当法制审核", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("publicInterest", "涉及重大公共利益", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("socialRisk", "可能造成重大社会影响", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("complexCase", "案情疑难复杂", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("flaggedMajor", "承办人认定为重大执法决定", BOOLEAN).forms("enforcement-case-propose-penalty"),
			system("partyReply", "当事人意见", TEXT).forms("enforcement-case-record-party-reply"),
			system("decisionKind", "决定类型", TEXT).forms("enforcement-case-decide", "enforcement-case-decide-on-the-spot"),
			system("servedOn", "送达日期", DAY).forms("enforcement-case-serve"),
			// coercive execution (行政强制法 arts. 35–37, 53–55; 行政处罚法 art. 72)
			system("demandServedOn", "催告书送达日期", DAY).forms("enforcement-case-serve-demand-notice"),
			system("demandOutcome", "催告后履行情况", TEXT).forms("enforcement-case-record-demand-outcome"),
			system("courtAppliedOn", "申请人民法院强制执行日期", DAY).forms("enforcement-case-apply-to-court"),
			system("courtRuling", "人民法院裁定及执行结果", TEXT).forms("enforcement-case-record-court-ruling"),
			system("overdueDays", "逾期缴纳天数", NUMBER),
			system("surchargeAmount", "加处罚款数额", NUMBER),
			system("surchargeBasis", "加处罚款依据", TEXT),
			system("amountDue", "应缴纳金额合计", NUMBER),
			system("surchargeUntil", "加处罚款计至", INSTANT),
			system("demandDueAt", "催告履行期限", INSTANT),
			system("litigationEndsAt", "起诉期限届满", INSTANT),
			system("courtApplicationDueAt", "申请人民法院强制执行期限", INSTANT),
			system("litigationPeriodEndsOn", "起诉期限届满日", DAY),
			system("courtApplicationDueOn", "申请强制执行截止日", DAY),
			system("demandNoticeDocId", "催告书", TEXT),
			system("paymentMethod", "缴纳方式", TEXT),
			system("extensionApproved", "批准延长办案期限", BOOLEAN).forms("enforcement-case-approve-extension"),
			system("seizureExtensionApproved", "批准延长查封扣押", BOOLEAN).forms("enforcement-case-seizure-extension"),
			system("materialsComplete", "送审材料齐全", BOOLEAN).forms("legal-review-check-materials"),
			system("reviewAction", "审核处理", TEXT).forms("legal-review-decision"),
			system("reviewOutcome", "审核结论", TEXT).forms("legal-review-decision"),
			system("revisionAction", "补正纠正处理", TEXT).forms("legal-review-revise"),
			system("handlerResponse", "对审核意见的答复", TEXT).forms("legal-review-respond"),
			system("negotiationResult", "协商结果", TEXT).forms("review-disagreement-negotiate"),
			system(HEAD_RULING, "主要负责人裁决", TEXT).forms("review-disagreement-head-ruling"),
			system("headDecision", "负责人审批意见", TEXT).forms("criminal-transfer-approve"),
			system("followUp", "后续处理", TEXT).forms("criminal-transfer-follow-up"),
			system("supervisionAfterReconsideration", "复议维持后的处理", TEXT).forms("criminal-transfer-supervision"),
			system("transferSigned", "已签发案件移送书", BOOLEAN).forms("case-transfer-sign"),
			system("jurisdictionNegotiation", "管辖争议协商结果", TEXT).forms("case-transfer-negotiate"),
			system("coordinationResult", "协调结果", TEXT).forms("case-transfer-coordination"),
			system("transferAnswer", "接收机关答复", TEXT).forms("case-transfer-external-feedback"),
			system("disclosureReviewOutcome", "公示审核结论", TEXT).forms("disclosure-review"),
			// decision tables and results the system derives
			system("summaryEligible", "符合当场处罚条件", BOOLEAN),
			system("discretion", "裁量基准", RESULT),
			system("handling", "裁量基准处理方式", TEXT),
			system("fineMin", "罚款下限", NUMBER),
			system("fineMax", "罚款上限", NUMBER),
			system("fineUnit", "罚款计算方式", TEXT),
			system("discretionBasis", "裁量依据", TEXT),
			system("discretionStatement", "裁量基准适用说明", TEXT),
			system("counselStatement", "公职律师、法律顾问参与审核情况", TEXT),
			system("counselRequired", "应当组织公职律师或者法律顾问参与审核", BOOLEAN),
			system("counselBasis", "公职律师、法律顾问参与审核要求的依据", TEXT),
			system("majorCatalogue", "重大执法决定目录", LIST),
			system("isMajor", "重大执法决定", BOOLEAN),
			system(LEGAL_REVIEW_RESULT, "法制审核结果", TEXT),
			system("reviewRound", "审核轮次", NUMBER),
			system("reviewExtended", "审核期限已延长", BOOLEAN),
			system("previousReviewOpinion", "上一轮审核意见", TEXT),
			system("materialsText", "送审材料", TEXT),
			system("disagreementOutcome", "分歧处理结果", TEXT),
			system("hearingHeld", "已举行听证", BOOLEAN),
			system("seizureExtended", "查封扣押已延长", BOOLEAN),
			system("seizureApproved", "负责人批准查封扣押", BOOLEAN).forms("enforcement-case-approve-seizure"),
			system("seizureApprovedBy", "查封扣押审批人", TEXT),
			system("seizedItems", "查封扣押清单", LIST),
			system("seizedItemsSummary", "查封扣押的财物", TEXT),
			system("seizureDecisionDocId", "查封（扣押）决定书", TEXT),
			system("seizureDecisionNumber", "查封（扣押）决定书文号", TEXT),
			system("seizureInventoryDocId", "查封（扣押）清单", TEXT),
			system("seizureExtensionNotice", "延长查封扣押期限通知书", TEXT),
			system("policeDecision", "公安机关立案决定", TEXT),
			system("reconsiderationResult", "复议或立案监督结果", TEXT),
			system("judicialOutcome", "司法处理结果", TEXT),
			system("criminalTransferOutcome", "涉嫌犯罪案件移送结果", TEXT),
			system("mayDecideAdministratively", "可依法作出行政处理", BOOLEAN),
			system("afterConviction", "判处刑罚后给予刑罚以外的行政处罚", BOOLEAN),
			system("caseTransferOutcome", "案件移送结果", TEXT),
			system("targetInZhifa", "接收机关在本平台", BOOLEAN),
			system("caseTransferMaterials", "案件移送材料清单", TEXT),
			system("policeDecisionNotes", "公安机关决定情况", TEXT),
			system("reconsiderationNotes", "复议或立案监督情况", TEXT),
			system("judicialNotes", "司法处理情况", TEXT),
			system("coercionKind", "行政强制措施种类", TEXT),
			system("disclosureStatus", "公示状态", TEXT),
			system("disclosureVersion", "公示版本", NUMBER),
			system("disclosureDeadlineRule", "公示期限规则", RESULT),
			system("disclosureWorkingDays", "公示期限（工作日）", NUMBER),
			system("disclosureBasis", "公示期限依据", TEXT),
			system("disclosurePublicPeriod", "公示期", TEXT),
			system("disclosureDelayWorkingDays", "公示超期工作日", NUMBER),
			system("decisionTypeLabel", "执法决定类别名称", TEXT),
			system("publicPartyName", "公开的当事人名称", TEXT),
			system("publicPartyCreditCode", "公开的统一社会信用代码", TEXT),
			system("publicLegalBasis", "公开的执法依据", TEXT),
			system("redactionSummary", "脱敏说明", TEXT),
			system("withheldNote", "不予公开说明", TEXT),
			// deadlines and moments the engine or a service computed
			system("filedAt", "立案时间", INSTANT),
			system("decisionDueAt", "作出决定期限", INSTANT),
			system("decisionAt", "作出决定时间", INSTANT),
			system("decisionExtensions", "办案期限已延长次数", NUMBER),
			system("decisionSuspendedDays", "不计入办案期限的天数", NUMBER),
			system("priorNoticePostedAt", "事先告知书公告发出时间", INSTANT),
			system("closedAt", "结案时间", DAY).forms("discipline-transfer-start"),
			system("seizedAt", "查封扣押时间", INSTANT),
			system("seizureDueAt", "查封扣押期限", INSTANT),
			system("seizureLiftedAt", "解除查封扣押时间", INSTANT),
			system("seizureClosedAt", "查封扣押物品处理时间", INSTANT),
			system("seizureExtensions", "查封扣押期限已延长次数", NUMBER),
			system("seizureSuspendedDays", "不计入查封扣押期限的天数", NUMBER),
			system("priorNoticeServedAt", "事先告知送达时间", INSTANT),
			system("materialsReceivedAt", "收到送审材料时间", INSTANT),
			system("reviewDueAt", "审核期限", INSTANT),
			system("negotiationStartedAt", "协商开始时间", INSTANT),
			system("reportedAt", "报告时间", INSTANT),
			system("approvalDueAt", "审批期限", INSTANT),
			system("approvedAt", "批准时间", INSTANT),
			system("handoverDueAt", "移送期限", INSTANT),
			system("handedOverAt", "移送时间", INSTANT),
			system("policeDecisionDueAt", "公安机关决定期限", INSTANT),
			system("policeFiledAt", "接到立案通知书日期", INSTANT),
			system("reconsiderationDueAt", "复议期限", INSTANT),
			system("supervisionDueAt", "建议立案监督期限", INSTANT),
			system("noticeReceivedOn", "接到公安机关通知书日期", DAY),
			system("transferStartedAt", "移送开始时间", INSTANT),
			system("outsideCompetenceFoundOn", "发现不属本机关管辖的时间", INSTANT),
			system("transferDueAt", "移送期限", INSTANT),
			system("disciplineDueAt", "纪检监察移送期限", INSTANT),
			system("disciplineSentAt", "纪检监察移送时间", INSTANT),
			system("disclosureDueAt", "公示期限", INSTANT),
			system("disclosurePublishedAt", "公示时间", INSTANT),
			system("disclosurePublicUntilAt", "公示截止时间", INSTANT),
			system("withdrawalDueAt", "撤回期限", INSTANT),
			system("complaintRoutingDueAt", "投诉举报分办期限", INSTANT),
			system("complaintAcceptanceDueAt", "投诉举报受理期限", INSTANT),
			system("complaintHandlingDueAt", "投诉举报办理答复期限", INSTANT),
			// on a task whose due date lies in a year without a calendar file (cn.zhifa.calendar.ProvisionalTaskMark)
			system("deadlineProvisional", "期限暂定说明", TEXT),
			system("disclosureWithdrawnAt", "撤回时间", INSTANT),
			// what an external body sends (R-DISC-5): a revocation or a correction of a published decision
			system("revocationKind", "撤回原因类别", TEXT).forms("disclosure-withdrawal-start").messages(REVOKED),
			system("revocationReason", "撤回理由", TEXT).forms("disclosure-withdrawal-start").messages(REVOKED),
			system("revokedOn", "原决定被撤销（变更）的日期", DAY).forms("disclosure-withdrawal-start").messages(REVOKED),
			system("disclosureWithdrawnOnTime", "按期撤回", BOOLEAN),
			system("correctionNote", "更正说明", TEXT).messages(CORRECTED),
			system("partyType", "当事人类型", TEXT).forms("enforcement-case-register", "case-transfer-start",
					"disclosure-start", "complaint-handling-handle").messages(CORRECTED),
			system("partyName", "当事人名称", TEXT).forms("enforcement-case-register", "case-transfer-start",
					"disclosure-start", "criminal-transfer-start", "discipline-transfer-start", "complaint-handling-handle").messages(CORRECTED),
			system("partyIdNumber", "当事人证件号码", TEXT).forms("enforcement-case-register", "case-transfer-start",
					"disclosure-start", "complaint-handling-handle").messages(CORRECTED),
			system(PARTY_ADDRESS, "当事人住所（地址）", TEXT).forms("enforcement-case-register", "case-transfer-start",
					"complaint-handling-handle"),
			system("category", "执法类别", TEXT).forms("disclosure-start").messages(CORRECTED),
			system("conclusion", "执法结论", TEXT).forms("disclosure-start").messages(CORRECTED),
			system("legalBasis", "执法依据", TEXT).forms("disclosure-start", "enforcement-case-decide",
					"enforcement-case-decide-on-the-spot").messages(CORRECTED))));

	private CaseVariables() {
	}

	/** The declaration of a variable of the contract, if it is one. */
	public static Optional<CaseVariable> find(String name) {
		return Optional.ofNullable(name == null ? null : DECLARED.get(name));
	}

	public static boolean isDeclared(String name) {
		return name != null && DECLARED.containsKey(name);
	}

	public static Collection<CaseVariable> all() {
		return DECLARED.values();
	}

	/** How a refusal names a variable: its label and name when declared (案号（caseId）), else the name. */
	public static String display(String name) {
		return find(name).map(CaseVariable::display).orElse("“" + name + "”");
	}

	/**
	 * Every deadline ({@code …DueAt}) has beside it how it was computed, {@code …DueAtBasis}
	 * ({@code cn.zhifa.calendar.DeadlineBasis}), set by the system only: it is what the deadline is
	 * recomputed from when a missing year's calendar arrives.
	 */
	private static List<CaseVariable> withDeadlineBases(List<CaseVariable> variables) {
		List<CaseVariable> all = new java.util.ArrayList<>(variables);
		for (CaseVariable v : variables) {
			if (v.type() == INSTANT && v.name().endsWith("DueAt")) {
				all.add(system(v.name() + "Basis", v.label() + "的计算依据", TEXT));
			}
		}
		return all;
	}

	private static Map<String, CaseVariable> index(List<CaseVariable> variables) {
		Map<String, CaseVariable> byName = new LinkedHashMap<>();
		for (CaseVariable v : variables) {
			if (byName.put(v.name(), v) != null) {
				throw new IllegalStateException("case variable declared twice: " + v.name());
			}
		}
		return java.util.Collections.unmodifiableMap(byName);
	}
}

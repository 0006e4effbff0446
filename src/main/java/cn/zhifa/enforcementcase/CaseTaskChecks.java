package cn.zhifa.enforcementcase;

import static cn.zhifa.platform.CaseVariables.HANDLER_ID;
import static cn.zhifa.platform.CaseVariables.FILING_DECISION;
import static cn.zhifa.platform.FormFields.invalid;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.zhifa.document.DisplayLabels;
import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;
import cn.zhifa.qualification.QualificationService;

/**
 * Task listener {@code ${caseTaskChecks}} (complete) on the user tasks of {@code enforcement-case}:
 * refuses a submission that breaks a rule, naming the field and the rule (HTTP 400, nothing
 * stored); records the moments the process needs (service of the prior notice, hearing held).
 * It maps the task's fields: the rules are {@link CaseChecks}' (ADR-0038).
 */
@Component("caseTaskChecks")
class CaseTaskChecks extends FormChecks {

	static final Set<String> FILING = Set.of("FILE", "NOT_FILE", "TRANSFER_OUT");
	static final Set<String> CIRCUMSTANCES = Set.of("MINOR", "ORDINARY", "SERIOUS", "VERY_SERIOUS");
	static final Set<String> SEIZURE_MEASURES = Set.of("SEAL", "DETAIN");
	static final Set<String> EXECUTION = Set.of("PAID", "NOT_PAID_OVERDUE");
	static final Set<String> DEMAND_SERVICE = Set.of("DIRECT", "POST", "LEFT_AT_RESIDENCE");
	static final Set<String> COURT_RULINGS = Set.of("ENFORCED", "NOT_ENFORCED");
	static final Set<String> PARTY_REPLIES = Set.of("HEARING_REQUESTED", "WAIVED");
	static final Set<String> HEARING_PUBLICITY = Set.of("PUBLIC", "CLOSED");
	static final Set<String> HEARING_ATTENDANCE = Set.of("ATTENDED", "ABSENT");
	static final Set<String> RECORD_SIGNATURES = Set.of("SIGNED", "REFUSED");
	static final Set<String> REVIEW_NOT_PASSED_ACTIONS = Set.of("REINVESTIGATE", "RECONCLUDE");

	CaseTaskChecks(CaseChecks rules, EvidenceConfirmation confirmation, DisplayLabels labels, DecisionGate gate) {
		super("caseTaskChecks");
		onComplete("enforcement-case-approve-filing", task -> approveFiling(rules, task));
		onComplete("enforcement-case-investigate", task -> {
			text(task, EvidenceLines.FIELD, "请填写取得的证据，每行一项：证据种类：内容（确认方式）");
			EvidenceLines.parse(task.getVariable(EvidenceLines.FIELD), confirmation);
			bool(task, "seizureNeeded");
			CaseChecks.refuseRecused(task.getVariable(RecusalService.RECUSED_OFFICERS), "investigatingOfficers",
					QualificationService.userIds(task.getVariable("investigatingOfficers")));
			records(task);
		});
		onComplete("enforcement-case-decide-recusal", task -> {
			String replacement = rules.decideRecusal(new CaseChecks.RecusalDecision(task.getVariable("recusalGranted"),
					str(task, "recusalDecisionReason"), str(task, "replacementOfficer"), str(task, "recusedOfficer"),
					Steps.agency(task), task.getVariable("investigatingOfficers"), str(task, "hearingChair"), str(task, HANDLER_ID),
					task.getVariable(RecusalService.RECUSED_OFFICERS)));
			if (replacement != null) {
				task.setVariable("replacementOfficer", replacement);
			}
		});
		onComplete("enforcement-case-request-seizure", CaseTaskChecks::requestSeizure);
		onComplete("enforcement-case-approve-seizure", task -> {
			boolean approved = bool(task, "seizureApproved");
			text(task, "seizureApprovalOpinion", "请填写审批意见；不批准的，写明理由（行政强制法第十八条、第十九条）");
			if (approved) {
				gate.checkSeizure(task, task.getProcessEngine(), task.getProcessDefinitionId(), task.getTenantId(),
						"seizureApproved");
			}
			task.setVariable("seizureApprovedBy", task.getAssignee());
		});
		onComplete("enforcement-case-handle-seizure", task -> task.setVariable("seizureClosedAt",
				rules.seizureOutcome(str(task, "seizureOutcome"), str(task, "seizureOutcomeBasis"),
						task.getVariable("seizedGoodsReturned"))));
		onComplete("enforcement-case-conclude-investigation", CaseTaskChecks::conclude);
		onComplete("enforcement-case-propose-penalty", task -> {
			rules.proposePenalty(new CaseChecks.Proposal(task.getVariable("fineAmount"), task.getVariable("afterConviction"),
					str(task, "penaltyKinds"), task.getVariable("fineUnit"), task.getVariable("fineMin"),
					task.getVariable("fineMax"), task.getVariable("goodsValue"), str(task, "discretionReason"),
					task.getVariable("flaggedMajor"), str(task, "flaggedMajorReason")));
			task.setVariable(DiscretionStatement.FIELD, DiscretionStatement.of(new DiscretionStatement.Applied(
					task.getVariable("circumstance"), task.getVariable("handling"), task.getVariable("fineMin"),
					task.getVariable("fineMax"), task.getVariable("fineUnit"), task.getVariable("fineAmount"), task.getVariable("goodsValue"), str(task, "discretionReason"),
					Boolean.TRUE.equals(task.getVariable("afterConviction"))), labels));
		});
		onComplete("enforcement-case-serve-prior-notice", task -> set(task,
				rules.priorNoticeServed(str(task, "priorNoticeMethod"), electronicService(task))));
		onComplete("enforcement-case-record-party-reply", task -> {
			if ("HEARING_REQUESTED".equals(choice(task, "partyReply", PARTY_REPLIES))) {
				refuseHearingOutsideArticle63(task, "partyReply");
				task.setVariable("hearingRequestedBy", task.getAssignee());
			}
		});
		onComplete("enforcement-case-schedule-hearing", task -> {
			rules.scheduleHearing(new CaseChecks.Hearing(task.getVariable("hearingDate"), str(task, "hearingTime"),
					str(task, "hearingPlace"), str(task, "hearingChair"), task.getVariable("investigatingOfficers"),
					str(task, HANDLER_ID), task.getVariable(RecusalService.RECUSED_OFFICERS)));
			if ("CLOSED".equals(choice(task, "hearingPublic", HEARING_PUBLICITY))) {
				text(task, "hearingClosedReason", "不公开举行听证的，请写明涉及的国家秘密、商业秘密或者个人隐私（《中华人民共和国行政处罚法》第六十四条第三项）");
			}
		});
		onComplete("enforcement-case-hold-hearing", task -> {
			text(task, "hearingClerk", "请填写听证笔录的记录人");
			boolean attended = "ATTENDED".equals(choice(task, "hearingAttendance", HEARING_ATTENDANCE));
			text(task, "hearingRecord", "决定须以听证笔录为根据，请填写听证笔录要点(R-PROC-1)");
			if (attended) {
				CaseChecks.hearingAgents(str(task, "hearingAgents"));
				text(task, "investigatorStatement", "请记录调查人员提出的违法事实、证据和行政处罚建议（《中华人民共和国行政处罚法》第六十四条第七项）");
				text(task, "partyDefence", "请记录当事人的申辩和质证意见（《中华人民共和国行政处罚法》第六十四条第七项）");
				if ("REFUSED".equals(choice(task, "recordSignature", RECORD_SIGNATURES))) {
					text(task, "signatureRefusalNote", "当事人或者其代理人拒绝签字或者盖章的，由听证主持人在笔录中注明（《中华人民共和国行政处罚法》第六十四条第八项）");
				}
			}
			// art. 64(6): an absent party has waived the hearing, which is ended — no hearing was held
			task.setVariable("hearingHeld", attended);
		});
		onComplete("enforcement-case-educate", task -> text(task, "educationRecord", "请记录批评教育、责令改正的情况(R-DISCR-2)"));
		onComplete("enforcement-case-study-review-opinion", task -> {
			// R-REV-5: the handling unit studies the opinion, corrects and goes on — never a decision the review did not pass
			choice(task, "reviewNotPassedAction", REVIEW_NOT_PASSED_ACTIONS);
			text(task, "reviewNotPassedStudy", "请写明对法制审核意见的研究处理情况，逐项说明如何纠正(R-REV-5)");
		});
		onComplete("enforcement-case-collective-discussion", task -> text(task, "discussionMinutes", "重大执法决定须经集体讨论，请填写讨论记录"));
		onComplete("enforcement-case-decide", task -> rules.decide(decision(task)));
		onComplete("enforcement-case-decide-on-the-spot", task -> {
			Object kind = task.getVariable("summaryPenaltyKind");
			rules.decideOnTheSpot(decision(task), kind == null ? null : kind.toString(), str(task, "partyType"),
					task.getProcessDefinitionId(), task.getTenantId());
		});
		onComplete("enforcement-case-serve", task -> rules.decisionServed(str(task, "serviceMethod"), electronicService(task),
				task.getVariable("servedOn")));
		onComplete("enforcement-case-record-execution", task -> choice(task, "executionResult", EXECUTION));
		onComplete("enforcement-case-approve-extension", task -> {
			if (bool(task, "extensionApproved")) {
				Object granted = task.getVariable("decisionExtensions");
				rules.extensionAllowed(granted instanceof Number n ? n.intValue() : 0, task.getProcessDefinitionId(),
						task.getTenantId());
			}
			text(task, "extensionReason", "请写明批准或不批准延长的理由");
		});
		onComplete("enforcement-case-seizure-extension", task -> {
			bool(task, "seizureExtensionApproved");
			text(task, "seizureExtensionReason", "请写明理由(行政强制法 第二十五条)");
		});
		onComplete("enforcement-case-file-summary", task -> text(task, "summaryFilingNote", "请填写备案意见"));
		onComplete("enforcement-case-serve-demand-notice", task -> {
			choice(task, "demandServiceMethod", DEMAND_SERVICE);
			task.getExecution().getProcessInstance()
				.setVariables(rules.demandNoticeServed(task.getVariable("demandServedOn")).variables());
		});
		onComplete("enforcement-case-record-demand-outcome", task -> rules.demandOutcome(str(task, "demandOutcome"),
				str(task, "demandStatement"), str(task, "demandStatementReview"), task.getVariable("demandDueAt")));
		onComplete("enforcement-case-apply-to-court", task -> rules.applyToCourt(str(task, "enforcementCourt"),
				str(task, "courtApplicationMaterials"), task.getVariable("courtAppliedOn"), task.getVariable("litigationEndsAt"),
				task.getVariable("courtApplicationDueAt")));
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
	private static void requestSeizure(DelegateTask task) {
		bool(task, "seizureUrgent");
		choice(task, "seizureMeasure", SEIZURE_MEASURES);
		if (!(task.getVariable("seizureValue") instanceof Number value) || value.doubleValue() < 0) {
			throw EnforcementCaseService.invalid("seizureValue", "请填写查封、扣押财物的估价合计（元）：对照重大执法决定目录，"
					+ "查封扣押较大价值财物的须经法制审核（R-REV-2）");
		}
		text(task, "seizureReason", "请写明查封、扣押的理由（行政强制法第二十四条第二款第二项）");
		text(task, "seizureBasis", "请写明查封、扣押的依据（行政强制法第二十四条第二款第二项）");
		SeizedItems.parse(task.getVariable(SeizedItems.FIELD));
		text(task, "seizurePlace", "请填写查封、扣押地点");
		text(task, "seizureStoragePlace", "请填写查封、扣押财物的存放地点");
	}

	private static CaseChecks.ElectronicService electronicService(DelegateTask task) {
		return new CaseChecks.ElectronicService(task.getVariable("electronicConsent"), str(task, "electronicAddress"),
				task.getVariable("electronicReceiptConfirmed"));
	}

	private static CaseChecks.Decision decision(DelegateTask task) {
		return new CaseChecks.Decision(str(task, "decisionKind"), str(task, "partyStatement"), str(task, "statementReview"),
				str(task, "decisionContent"), str(task, "legalBasis"), str(task, "discretionBasis"), task.getVariable("fineAmount"));
	}

	private static void approveFiling(CaseChecks rules, DelegateTask task) {
		String decision = choice(task, FILING_DECISION, FILING);
		switch (decision) {
			case "FILE" -> task.setVariable(HANDLER_ID, rules.handler(str(task, HANDLER_ID), Steps.agency(task)));
			case "NOT_FILE" -> text(task, "notFilingReasons", "不予立案须写明理由");
			default -> transferOut(task);
		}
	}

	/** R-COORD-1: a case outside the agency's competence goes to the competent body, named, with the reason. */
	private static void transferOut(DelegateTask task) {
		if (!StringUtils.hasText(str(task, "targetAgencyCode")) && !StringUtils.hasText(str(task, "targetAgencyName"))) {
			throw invalid("targetAgencyCode", "移送须写明有管辖权的机关(R-COORD-1)");
		}
		String target = str(task, "targetAgencyCode");
		if (target != null && target.equals(Steps.agency(task))) {
			throw invalid("targetAgencyCode", "不能移送给本机关，请选择有管辖权的其他机关(R-COORD-1)");
		}
		text(task, "transferReason", "请写明移送理由");
		if (!(task.getVariable("urgent") instanceof Boolean)) {
			task.setVariable("urgent", false);
		}
	}

	private static void conclude(DelegateTask task) {
		text(task, "investigationReport", "请填写调查终结报告");
		if (Boolean.TRUE.equals(task.getVariable("outsideCompetence"))) {
			// found after filing (R-COORD-1): transferred with the report, no finding on the violation
			transferOut(task);
			return;
		}
		task.setVariable("outsideCompetence", false);
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

	/**
	 * A hearing only for the penalties 行政处罚法 art. 63 lists (dmn/hearing-eligibility.dmn, evaluated before the
	 * prior notice): outside them the party states and defends (arts. 44, 45), which the reply records.
	 */
	static void refuseHearingOutsideArticle63(VariableScope scope, String field) {
		CaseChecks.refuseHearingOutsideArticle63(scope.getVariable("hearingEligible"), field);
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

	private static void set(DelegateTask task, Map<String, Object> variables) {
		task.setVariables(variables);
	}

	private static String str(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		return v == null ? null : v.toString();
	}

	private static void text(DelegateTask task, String name, String message) {
		CaseChecks.requireText(str(task, name), name, message);
	}

	private static boolean bool(DelegateTask task, String name) {
		return CaseChecks.bool(task.getVariable(name), name);
	}

	private static String choice(DelegateTask task, String name, Set<String> allowed) {
		return CaseChecks.choice(str(task, name), name, allowed);
	}
}

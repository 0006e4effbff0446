package cn.zhifa.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Wrote the templates in {@code templates/}. The committed {@code .docx} files are the source of truth: the legal
 * office edits them in Word or WPS, and this program refuses to overwrite them unless run with
 * {@code --overwrite} (issue 16 re-wrote all of them with it: the contents of 行政处罚法 arts. 52 and 59, the
 * named reconsideration body and court, seal and date kept with the text before them, font fallbacks, and the
 * 笔录, 送达回证, 查封扣押 and 催告 documents).
 * <p>
 * The layout: A4 with the margins of GB/T 9704, 宋体 titles, 仿宋 text, 黑体 section headings; every run names
 * its font for all scripts, the document's font table gives each font its Windows alternate name, character set
 * and PANOSE class (Word and WPS substitute a missing font from them), and the default language is zh-CN (so a
 * Linux LibreOffice falls back to a Simplified Chinese face; {@code templates/fonts.conf} maps the three fonts to
 * Noto CJK). The seal line and the date are "kept with next" together with the paragraph before them, so they
 * never stand alone on a page.
 * <p>
 * Run: {@code java -cp target/test-classes:<classpath> cn.zhifa.document.TemplateAuthoring [dir] [--overwrite]}
 */
public final class TemplateAuthoring {

	static final String TITLE_FONT = "宋体";
	static final String BODY_FONT = "仿宋";
	static final String HEADING_FONT = "黑体";

	/** Font table entries: name, Windows alternate name, PANOSE-1, pitch, family. Character set 86 = GB2312. */
	static final List<String[]> FONTS = List.of(
			new String[] { "仿宋", "FangSong", "02010609060101010101", "fixed", "modern" },
			new String[] { "宋体", "SimSun", "02010600030101010101", "variable", "auto" },
			new String[] { "黑体", "SimHei", "02010609060101010101", "fixed", "modern" });

	private static final String REMEDIES = "如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，"
			+ "也可以在收到本决定书之日起六个月内直接向${litigationCourt}提起行政诉讼。";

	private TemplateAuthoring() {
	}

	/** Every template this program writes, by file name. */
	static Map<String, Supplier<XWPFDocument>> templates() {
		Map<String, Supplier<XWPFDocument>> all = new LinkedHashMap<>();
		all.put("review-submission.docx", TemplateAuthoring::reviewSubmission);
		all.put("review-opinion.docx", TemplateAuthoring::reviewOpinion);
		all.put("criminal-transfer-letter.docx", TemplateAuthoring::criminalTransferLetter);
		all.put("case-transfer-letter.docx", TemplateAuthoring::caseTransferLetter);
		all.put("discipline-transfer-letter.docx", TemplateAuthoring::disciplineTransferLetter);
		all.put("prior-notice.docx", TemplateAuthoring::priorNotice);
		all.put("penalty-decision.docx", TemplateAuthoring::penaltyDecision);
		all.put("no-penalty-decision.docx", TemplateAuthoring::noPenaltyDecision);
		all.put("summary-penalty-decision.docx", TemplateAuthoring::summaryPenaltyDecision);
		all.put("inquiry-record.docx", TemplateAuthoring::inquiryRecord);
		all.put("hearing-notice.docx", TemplateAuthoring::hearingNotice);
		all.put("hearing-record.docx", TemplateAuthoring::hearingRecord);
		all.put("inspection-record.docx", TemplateAuthoring::inspectionRecord);
		all.put("service-receipt.docx", TemplateAuthoring::serviceReceipt);
		all.put("seizure-decision.docx", TemplateAuthoring::seizureDecision);
		all.put("seizure-inventory.docx", TemplateAuthoring::seizureInventory);
		all.put("demand-notice.docx", TemplateAuthoring::demandNotice);
		all.put("seizure-extension-notice.docx", TemplateAuthoring::seizureExtensionNotice);
		all.put("appraisal-period-notice.docx", TemplateAuthoring::appraisalPeriodNotice);
		all.put("supervision-notice.docx", TemplateAuthoring::supervisionNotice);
		all.put("case-file-review-report.docx", TemplateAuthoring::caseFileReviewReport);
		all.put("agency-dispute-opinion.docx", TemplateAuthoring::agencyDisputeOpinion);
		all.put("agency-dispute-report.docx", TemplateAuthoring::agencyDisputeReport);
		all.put("assistance-request-letter.docx", TemplateAuthoring::assistanceRequestLetter);
		return all;
	}

	public static void main(String[] args) throws IOException {
		boolean overwrite = List.of(args).contains("--overwrite");
		Path dir = Path.of(List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().orElse("templates"));
		for (Map.Entry<String, Supplier<XWPFDocument>> template : templates().entrySet()) {
			write(dir.resolve(template.getKey()), template.getValue().get(), overwrite);
		}
	}

	private static void write(Path file, XWPFDocument doc, boolean overwrite) throws IOException {
		if (Files.exists(file) && !overwrite) {
			System.out.println("kept " + file + " (edited by the legal office; --overwrite to replace)");
			return;
		}
		try (doc; OutputStream out = Files.newOutputStream(file)) {
			doc.write(out);
		}
		System.out.println("wrote " + file);
	}

	static byte[] bytes(XWPFDocument doc) {
		try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ------------------------------------------------------------------------------------------------ legal review

	/** 重大执法决定法制审核送审表 (R-REV-2, R-REV-3, R-REV-7: the handling unit answers for its materials). */
	static XWPFDocument reviewSubmission() {
		XWPFDocument doc = document("${agencyName}", "重大执法决定法制审核送审表");
		numberLine(doc, "编号：${documentNumber}");
		fieldTable(doc, """
				案件编号 | ${caseId}
				重大执法决定类别 | ${decisionTypeLabel}
				属于重大执法决定的情形 | ${majorReasons}
				承办人 | ${handlerName}
				法制审核机构收到材料日期 | ${materialsReceivedAt}
				审核期限 | ${reviewDueAt}前出具书面审核意见
				""");
		section(doc, "送审材料清单");
		materialsTable(doc, "materials");
		section(doc, "承办单位意见");
		XWPFTable sign = table(doc, 1, new int[] { 100 });
		XWPFTableCell cell = sign.getRow(0).getCell(0);
		text(cell.getParagraphs().get(0), "承办单位对送审材料的真实性、完整性、合法性负责。", 14, false);
		text(cell.addParagraph(), "", 14, false);
		XWPFParagraph signature = cell.addParagraph();
		signature.setAlignment(ParagraphAlignment.RIGHT);
		text(signature, "承办人（签名）：　　　　　　负责人（签名）：　　　　　　", 14, false);
		XWPFParagraph date = cell.addParagraph();
		date.setAlignment(ParagraphAlignment.RIGHT);
		text(date, "${today}", 14, false);
		sign.getRow(0).setCantSplitRow(true);
		footer(doc, NUMBERED);
		return doc;
	}

	/** 法制审核意见书 (R-REV-3, R-REV-4, R-REV-5). */
	static XWPFDocument reviewOpinion() {
		XWPFDocument doc = document("${agencyName}", "法制审核意见书");
		numberLine(doc, "${documentNumber}");
		fieldTable(doc, """
				案件编号 | ${caseId}
				重大执法决定类别 | ${decisionTypeLabel}
				承办人 | ${handlerName}
				法制审核人员 | ${reviewerName}
				审核次数 | 第${reviewRound}次审核
				收到送审材料日期 | ${materialsReceivedAt}
				审核期限 | ${reviewDueAt}
				是否延长审核期限 | ${reviewExtendedLabel}
				延长理由 | ${extensionReason?}
				""");
		section(doc, "一、审核内容");
		listTable(doc, new int[] { 12, 58, 30 }, "序号 | 审核事项 | 审核情况",
				"${checklist[]#} | ${checklist[].item} | ${checklist[].value}");
		section(doc, "二、审核意见", "${reviewOpinion}");
		section(doc, "三、公职律师、法律顾问参与审核情况", "${counselStatement?}");
		section(doc, "四、审核结论");
		XWPFParagraph outcome = body(doc, "${reviewOutcomeLabel}");
		outcome.getRuns().get(0).setBold(true);
		closing(doc, "法制审核人员（签名）：　　　　　　　　", "${agencyName}（法制审核机构盖章）", "${today}");
		footer(doc, NUMBERED);
		return doc;
	}

	// ---------------------------------------------------------------------------------------------------- transfers

	/** 涉嫌犯罪案件移送书 (国务院令第310号 arts. 3, 6). */
	static XWPFDocument criminalTransferLetter() {
		XWPFDocument doc = letter("${agencyName}", "涉嫌犯罪案件移送书", "${documentNumber}", "${policeOrgan}：");
		body(doc, "我机关在查处${partyName}违法一案（案号：${caseId}）中，发现其行为涉嫌犯罪。经本机关正职负责人批准，依据"
				+ "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条、第六条的规定，现将该案移送你局，请依法审查，"
				+ "自接受移送之日起3日内作出立案或者不予立案的决定，并书面告知我机关。");
		fieldTable(doc, """
				涉嫌犯罪的事实和罪名 | ${crimeSuspicion}
				承办人 | ${handlerName}
				批准人 | ${approverName}
				批准时间 | ${approvedAt}
				""");
		section(doc, "随附材料");
		materialsTable(doc, "transferAttachments");
		body(doc, "抄送：同级人民检察院、同级司法行政部门；并报上一级行政执法机关。");
		return sealed(doc, "${agencyName}（盖章）", NUMBERED);
	}

	/** 案件移送书 (R-COORD-1): a case outside the agency's competence goes to the competent one. */
	static XWPFDocument caseTransferLetter() {
		XWPFDocument doc = letter("${agencyName}", "案件移送书", "${documentNumber}", "${targetAgencyName}：");
		body(doc, "我机关在执法中发现的下列案件，经审查不属于本机关管辖。依据《中华人民共和国行政处罚法》第二十二条的规定，"
				+ "现将该案移送你单位处理，请予接收，并将处理情况告知我机关。");
		fieldTable(doc, """
				本机关案号 | ${caseId}
				当事人 | ${partyName}
				证件号码 | ${partyIdNumber}
				联系方式 | ${partyContact?}
				违法行为 | ${violationCodeLabel}
				发现日期 | ${discoveredOn}
				违法事实 | ${facts}
				移送理由 | ${transferReason}
				是否紧急 | ${urgentLabel}
				""");
		section(doc, "随附材料");
		materialsTable(doc, "caseTransferMaterials");
		body(doc, "承办人：${handlerName}");
		return sealed(doc, "${agencyName}（盖章）", NUMBERED);
	}

	/** 纪检监察移送函 (R-COORD-3): clues and the penalty decision of a party who is a Party member or official. */
	static XWPFDocument disciplineTransferLetter() {
		XWPFDocument doc = letter("${agencyName}", "关于移送违纪违法问题线索的函", "${documentNumber}", "${disciplineOrgan}：");
		body(doc, "我机关办理的${caseId}案件已于${closedAt}办结。该案当事人${partyName}系中共党员或者公职人员，依据行政执法与"
				+ "纪检监察衔接的有关规定，现将其违纪违法问题线索及行政处罚决定书移送你单位，请依规依纪依法处理。");
		fieldTable(doc, """
				问题线索 | ${disciplineClues}
				行政处罚决定书 | ${decisionNumber}（复印件随函附送）
				移送期限 | ${disciplineDueAt}前
				""");
		body(doc, "单位负责人（签字）：${signerName}");
		return sealed(doc, "${agencyName}（盖章）", NUMBERED);
	}

	// --------------------------------------------------------------------------------------------- enforcement case

	/** 行政处罚事先告知书 (行政处罚法 arts. 44, 45, 63, 64). */
	static XWPFDocument priorNotice() {
		XWPFDocument doc = letter("${agencyName}", "行政处罚事先告知书", "${documentNumber}", "${partyName}：");
		fieldTable(doc, """
				案号 | ${caseId}
				当事人 | ${partyName}
				住所（地址） | ${partyAddress}
				违法事实 | ${facts}
				证据 | ${evidenceSummary}
				拟作出的行政处罚 | ${penaltyKinds?}（拟罚款人民币${fineAmount}元）
				裁量依据 | ${discretionBasis}
				裁量说明 | ${discretionStatement?}
				""");
		// the hearing sentence depends on the proposed penalty (行政处罚法 art. 63, dmn/hearing-eligibility.dmn)
		body(doc, "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。${hearingNotice}"
				+ "本机关不因你（单位）的陈述、申辩而给予更重的处罚。");
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 行政处罚决定书: what 行政处罚法 art. 59 requires, (一) to (六). */
	static XWPFDocument penaltyDecision() {
		XWPFDocument doc = decision("行政处罚决定书");
		fieldTable(doc, PARTY_AND_CASE + """
				违法事实 | ${facts}
				证据 | ${evidenceSummary}
				法律依据 | ${legalBasis}
				裁量基准 | ${discretionBasis}
				裁量说明 | ${discretionStatement?}
				处罚种类和数额 | ${decisionContent}
				罚款数额 | 人民币${fineAmount}元
				""");
		body(doc, "履行方式和期限：当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款"
				+ "（《中华人民共和国行政处罚法》第六十七条）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额"
				+ "不超过罚款数额（第七十二条第一款第一项）。");
		body(doc, "当事人" + REMEDIES + "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。逾期不申请行政复议、"
				+ "不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。");
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 不予行政处罚决定书 (行政处罚法 arts. 33, 57(二)(三), 59). */
	static XWPFDocument noPenaltyDecision() {
		XWPFDocument doc = decision("不予行政处罚决定书");
		fieldTable(doc, PARTY_AND_CASE + """
				违法事实 | ${facts}
				证据 | ${evidenceSummary}
				法律依据 | ${legalBasis}
				决定 | ${decisionContent}
				教育及改正情况 | ${educationRecord?}
				""");
		body(doc, "当事人" + REMEDIES);
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 当场行政处罚决定书: what 行政处罚法 art. 52 requires. */
	static XWPFDocument summaryPenaltyDecision() {
		XWPFDocument doc = decision("当场行政处罚决定书");
		fieldTable(doc, PARTY_AND_CASE + """
				违法行为 | ${facts}
				处罚种类 | ${decisionContent}
				法律依据 | ${legalBasis}
				罚款数额 | 人民币${fineAmount}元
				处罚时间 | ${issuedAtTime}
				处罚地点 | ${violationPlace}
				执法人员 | ${registeredByName}
				""");
		body(doc, "执法人员已向当事人出示执法证件。当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统"
				+ "缴纳罚款；依法当场收缴罚款的，执法人员出具专用票据。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。");
		body(doc, "当事人" + REMEDIES);
		body(doc, "执法人员（签名）：　　　　　　　　当事人（签名）：　　　　　　　　");
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 询问笔录 (行政处罚法 arts. 42, 43, 55): officers show certificates, the person may ask for recusal. */
	static XWPFDocument inquiryRecord() {
		XWPFDocument doc = document("${agencyName}", "询问笔录");
		fieldTable(doc, """
				案号 | ${caseId}
				询问时间 | ${inquiryPeriod}
				询问地点 | ${inquiryPlace}
				询问人及执法证号 | ${inquiryOfficers}
				记录人 | ${recorderName}
				被询问人 | ${intervieweeName}（${intervieweeRelation}）
				身份证件号码 | ${intervieweeIdNumber}
				住址 | ${intervieweeAddress?}
				联系电话 | ${intervieweeContact?}
				""");
		body(doc, "问：我们是${agencyName}的执法人员，这是我们的执法证件，请你过目。现依法就有关情况向你调查询问，"
				+ "你应当如实回答，作伪证要承担法律责任。你有权申请执法人员回避，是否申请回避？本次询问全程音像记录，听清楚了吗？");
		body(doc, "答：${recusalAnswer}");
		lines(doc, "${inquiryTranscript}");
		body(doc, "以上笔录已经本人阅读（已向本人宣读），与本人所述一致。");
		closing(doc, "被询问人（签名）：　　　　　　　　年　　月　　日",
				"询问人（签名）：　　　　　　　　　记录人（签名）：　　　　　　　　");
		footer(doc, BY_CASE);
		return doc;
	}

	/**
	 * 行政处罚听证通知书 (行政处罚法 art. 64(二)–(七)): the time and place, at least seven working days ahead (art. 85),
	 * public or not and why, the chair and the right to ask for their recusal, representation, what absence means.
	 */
	static XWPFDocument hearingNotice() {
		XWPFDocument doc = letter("${agencyName}", "行政处罚听证通知书", "${documentNumber}", "${partyName}：");
		body(doc, "根据你（单位）的要求，本机关决定就下列案件拟作出的行政处罚举行听证，现将有关事项通知如下：");
		fieldTable(doc, """
				案号 | ${caseId}
				拟作出的行政处罚 | ${penaltyKinds?}（拟罚款人民币${fineAmount}元）
				听证时间 | ${hearingDate}　${hearingTime}
				听证地点 | ${hearingPlace}
				听证方式 | ${hearingPublicLabel}　${hearingClosedReason?}
				听证主持人 | ${hearingChairName}
				案件承办人 | ${handlerName}
				""");
		body(doc, "一、你（单位）认为听证主持人与本案有直接利害关系的，有权申请回避（《中华人民共和国行政处罚法》第六十四条第四项）。");
		body(doc, "二、你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当提交载明委托事项和权限的授权委托书"
				+ "（第六十四条第五项）。");
		body(doc, "三、你（单位）及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证"
				+ "（第六十四条第六项）。");
		body(doc, "四、听证时，案件调查人员提出你（单位）违法的事实、证据和行政处罚建议，你（单位）可以进行申辩和质证"
				+ "（第六十四条第七项）。请携带身份证明和有关证据材料按时出席。");
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/**
	 * 听证笔录 (行政处罚法 art. 64(七)(八)): who took part, the investigators' case and the party's defence, checked and
	 * signed by the party or noted by the chair; the decision is made on it (art. 65).
	 */
	static XWPFDocument hearingRecord() {
		XWPFDocument doc = document("${agencyName}", "听证笔录");
		fieldTable(doc, """
				案号 | ${caseId}
				听证时间 | ${hearingDate}　${hearingTime}
				听证地点 | ${hearingPlace}
				听证方式 | ${hearingPublicLabel}　${hearingClosedReason?}
				听证主持人 | ${hearingChairName}
				记录人 | ${hearingClerk}
				当事人 | ${partyName}
				委托代理人 | ${hearingAgents?}
				案件承办人 | ${handlerName}
				出席情况 | ${hearingAttendanceLabel}
				""");
		section(doc, "调查人员提出的违法事实、证据和行政处罚建议");
		lines(doc, "${investigatorStatement?}");
		section(doc, "当事人的申辩和质证意见");
		lines(doc, "${partyDefence?}");
		section(doc, "听证笔录要点");
		lines(doc, "${hearingRecord}");
		body(doc, "笔录核对：${recordSignatureLabel?}。${signatureRefusalNote?}");
		closing(doc, "当事人或其代理人（签名或盖章）：　　　　　　　　",
				"听证主持人（签名）：　　　　　　　　　记录人（签名）：　　　　　　　　",
				"　　　　　　　　　　　　　　　　　　　　年　　月　　日");
		footer(doc, BY_CASE);
		return doc;
	}

	/** 现场检查（勘验）笔录 (行政处罚法 arts. 42, 55; 行政强制法 art. 18; R-REC-3 recording announced). */
	static XWPFDocument inspectionRecord() {
		XWPFDocument doc = document("${agencyName}", "现场检查（勘验）笔录");
		fieldTable(doc, """
				案号 | ${caseId}
				检查（勘验）时间 | ${inspectionPeriod}
				检查（勘验）地点 | ${inspectionPlace}
				当事人 | ${partyName}
				住所（地址） | ${partyAddress?}
				现场负责人 | ${onSitePerson}
				检查人员及执法证号 | ${inspectionOfficers}
				记录人 | ${recorderName}
				见证人 | ${witnessName?}
				""");
		body(doc, "执法人员已向当事人（现场负责人）出示执法证件，说明检查（勘验）的依据和事项，告知其有权申请执法人员回避，"
				+ "并告知本次检查（勘验）全程音像记录。当事人（现场负责人）是否申请回避：${recusalRequestedLabel}。");
		section(doc, "现场检查（勘验）情况");
		lines(doc, "${inspectionFindings}");
		body(doc, "音像记录情况：${avRecordingNote?}");
		body(doc, "以上笔录已经当事人（现场负责人）核对无误。");
		closing(doc, "当事人或现场负责人（签名）：　　　　　　　　年　　月　　日",
				"检查人员（签名）：　　　　　　　　　记录人（签名）：　　　　　　　　",
				"见证人（签名）：　　　　　　　　年　　月　　日");
		footer(doc, BY_CASE);
		return doc;
	}

	/** 送达回证 (行政处罚法 art. 61; 民事诉讼法 arts. 87-95 as it refers to them). */
	static XWPFDocument serviceReceipt() {
		XWPFDocument doc = document("${agencyName}", "送达回证");
		XWPFTable table = fieldTable(doc, """
				案号 | ${caseId}
				送达文书名称及文号 | ${servedDocumentName}（${servedDocumentNumber}）
				受送达人 | ${partyName}
				送达地点 | ${serviceAddress}
				送达方式 | ${serviceMethodLabel}
				送达时间 | ${servedOn}
				送达人 | ${serverName}
				受送达人签名或者盖章 |
				代收人及代收理由 |
				见证人（留置送达时） |
				备注 | ${serviceNote?}
				""");
		for (int r = 7; r <= 9; r++) {
			table.getRow(r).setHeight(900);
		}
		body(doc, "受送达人签收时，应当注明签收日期；受送达人拒绝签收的，送达人应当在本回证上注明拒收事由和日期，由送达人、"
				+ "见证人签名或者盖章，把文书留在受送达人的住所，并采用拍照、录像等方式记录送达过程。");
		return sealed(doc, "${agencyName}（印章）", BY_CASE);
	}

	/** 查封（扣押）决定书: what 行政强制法 art. 24 requires, period of art. 25. */
	static XWPFDocument seizureDecision() {
		XWPFDocument doc = decision("查封（扣押）决定书");
		fieldTable(doc, PARTY_AND_CASE + """
				行政强制措施 | ${seizureMeasureLabel}
				理由 | ${seizureReason}
				依据 | ${seizureBasis}
				期限 | 自${seizedAt}起至${seizureDueAt}止
				场所、设施或者财物 | ${seizedItemsSummary}（详见查封（扣押）清单）
				存放地点 | ${seizureStoragePlace}
				""");
		body(doc, "查封、扣押的期限不超过三十日；情况复杂的，经本机关负责人批准可以延长，但延长期限不得超过三十日。检测、检验、"
				+ "检疫或者技术鉴定的期间不计入查封、扣押期限（《中华人民共和国行政强制法》第二十五条）。对查封的场所、设施或者财物，"
				+ "当事人不得擅自转移、隐匿、损毁。你（单位）享有陈述、申辩的权利。");
		body(doc, "当事人" + REMEDIES);
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 查封（扣押）清单 (行政强制法 art. 24: in two copies, one for the party, one for the agency). */
	static XWPFDocument seizureInventory() {
		XWPFDocument doc = document("${agencyName}", "查封（扣押）清单");
		fieldTable(doc, """
				查封（扣押）决定书文号 | ${seizureDecisionNumber}
				当事人 | ${partyName}
				查封（扣押）地点 | ${seizurePlace}
				查封（扣押）时间 | ${seizedAtTime}
				""");
		section(doc, "查封（扣押）的场所、设施或者财物");
		listTable(doc, new int[] { 8, 28, 20, 12, 10, 22 }, "序号 | 名称 | 规格型号 | 数量 | 单位 | 状况",
				"${seizedItems[]#} | ${seizedItems[].name} | ${seizedItems[].spec} | ${seizedItems[].quantity}"
						+ " | ${seizedItems[].unit} | ${seizedItems[].condition}");
		body(doc, "本清单一式两份，当事人和本机关各执一份。以上财物经当事人当场清点核对无误。");
		closing(doc, "当事人（签名）：　　　　　　　　执法人员（签名）：　　　　　　　　",
				"见证人（签名）：　　　　　　　　", "${agencyName}（印章）", "${today}");
		footer(doc, BY_CASE);
		return doc;
	}

	/** 延长查封（扣押）期限通知书 (行政强制法 art. 25(2): the extension decision told to the party in writing, with the reason). */
	static XWPFDocument seizureExtensionNotice() {
		XWPFDocument doc = letter("${agencyName}", "延长查封（扣押）期限通知书", "${documentNumber}", "${partyName}：");
		body(doc, "本机关于${seizedAt}以《查封（扣押）决定书》（${seizureDecisionNumber}）对你（单位）的${seizedItemsSummary}"
				+ "采取了${seizureMeasureLabel}措施。因${seizureExtensionReason}，经本机关负责人批准，依据《中华人民共和国行政强制法》"
				+ "第二十五条第一款、第二款的规定，决定延长${seizureMeasureLabel}期限。");
		fieldTable(doc, """
				身份证件号码/统一社会信用代码 | ${partyIdNumber}
				住所（地址） | ${partyAddress}
				案号 | ${caseId}
				原查封（扣押）决定书 | ${seizureDecisionNumber}
				延长理由 | ${seizureExtensionReason}
				延长后的期限 | 至${seizureDueAt}止（延长期限不超过三十日）
				""");
		body(doc, "检测、检验、检疫或者技术鉴定的期间不计入查封、扣押期限（《中华人民共和国行政强制法》第二十五条第三款）。");
		body(doc, "当事人" + REMEDIES);
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 检测（检验、检疫、鉴定）期间告知书 (行政强制法 art. 25(3): the period is stated and told to the party in writing). */
	static XWPFDocument appraisalPeriodNotice() {
		XWPFDocument doc = letter("${agencyName}", "检测、检验、检疫、鉴定期间告知书", "${documentNumber}", "${partyName}：");
		body(doc, "本机关在办理${caseId}案件中，依法对下列物品或者事项委托${appraisalKindLabel}，现将有关事项告知如下：");
		fieldTable(doc, """
				身份证件号码/统一社会信用代码 | ${partyIdNumber}
				住所（地址） | ${partyAddress}
				委托事项 | ${appraisalKindLabel}
				物品和事项 | ${appraisalMatter}
				受托机构 | ${appraisalInstitution}
				期间 | 自${appraisalRequestedAt}起至${appraisalPeriodEndsOn}止，共${appraisalPeriodDays}日
				""");
		body(doc, "依据《中华人民共和国行政强制法》第二十五条第三款，检测、检验、检疫或者技术鉴定的期间应当明确并书面告知当事人，"
				+ "该期间不计入查封、扣押期限；依据《中华人民共和国行政处罚法》第六十条及有关规定，该期间不计入作出行政处罚决定的期限。"
				+ "受托机构提前出具结果的，期间至收到结果之日止；需要延长的，本机关将另行书面告知。结果出具后，本机关将及时告知你（单位）。");
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	/** 催告书 (行政强制法 arts. 35-37, 45, 54; 行政处罚法 art. 72). */
	static XWPFDocument demandNotice() {
		XWPFDocument doc = letter("${agencyName}", "催告书", "${documentNumber}", "${partyName}：");
		body(doc, "本机关于${servedOn}向你（单位）送达了《行政处罚决定书》（${decisionNumber}），决定：${decisionContent}。"
				+ "你（单位）在法定期限内未申请行政复议或者提起行政诉讼，又未履行该决定。依据《中华人民共和国行政强制法》"
				+ "第三十五条、第五十四条的规定，现催告你（单位）履行下列义务：");
		fieldTable(doc, """
				住所（地址） | ${partyAddress}
				罚款 | 人民币${fineAmount}元
				加处罚款 | 人民币${surchargeAmount}元（计至${surchargeUntil}，不超过罚款数额）
				应缴纳金额合计 | 人民币${amountDue}元
				履行期限 | 收到本催告书之日起十个工作日内，即${demandDueAt}前（《中华人民共和国行政强制法》第六十九条）
				履行方式 | ${paymentMethod}
				""");
		body(doc, "你（单位）有权进行陈述和申辩，可以在收到本催告书之日起三个工作日内向本机关提出；本机关将充分听取你（单位）的意见，"
				+ "对提出的事实、理由和证据进行记录、复核（《中华人民共和国行政强制法》第三十六条）。逾期仍不履行的，本机关将依法"
				+ "申请人民法院强制执行。");
		return sealed(doc, "${agencyName}（印章）", NUMBERED);
	}

	// ------------------------------------------------------------------------------------------------- supervision

	/** 行政执法监督通知书 (R-COORD-8; seed 002 (七)): the justice bureau to an agency, with the period to rectify and report. */
	static XWPFDocument supervisionNotice() {
		XWPFDocument doc = letter("${supervisingBody}", "行政执法监督通知书", "${supervisionNoticeNo}", "${supervisedAgencyName}：");
		body(doc, "根据行政执法监督工作的有关规定，本机关在${supervisionSourceLabel}中发现你单位在行政执法中存在下列问题"
				+ "（关联编号：${supervisionSourceRef}）：");
		body(doc, "${supervisionProblem}");
		section(doc, "整改要求", "${rectificationRequirement}");
		body(doc, "请你单位主要负责人组织整改，于${rectificationWorkingDays}个工作日内，即${supervisionRectificationDueAt}前，"
				+ "将整改情况书面报送本机关。逾期不报送或者整改不到位的，本机关将予以通报，或者报请本级人民政府依法处理。");
		return sealed(doc, "${supervisingBody}（印章）", "${supervisingBody}　${documentName}　${supervisionNoticeNo}");
	}

	/**
	 * 案卷评查报告 (R-REC-7; seed 003 四(二)): the bureau's report on an agency's case files of a year — the draw as
	 * recorded (so it can be redone), each drawn file's score, deficiencies and interference reports, the opinion and
	 * the requirement.
	 */
	static XWPFDocument caseFileReviewReport() {
		XWPFDocument doc = letter("${supervisingBody}", "案卷评查报告", "${caseFileReviewNo}", "${supervisedAgencyName}：");
		body(doc, "根据行政执法案卷评查制度，本机关对你单位${reviewYear}年度办结的行政执法案卷进行了评查。该年度办结案卷"
				+ "${reviewPopulationSize}卷，随机抽取${reviewSampleSize}卷，平均得分${reviewAverageScore}分，不合格${reviewFailedCount}卷。"
				+ "抽取所用随机数种子为${reviewSeed}，结案案卷清单的散列值（SHA256）为${reviewPopulationHash}，据此可以复核抽取结果。");
		section(doc, "评查结果");
		listTable(doc, new int[] { 8, 22, 10, 10, 36, 14 }, "序号 | 案号 | 得分 | 等次 | 发现的问题 | 干预记录",
				"${reviewResults[]#} | ${reviewResults[].caseNo} | ${reviewResults[].score} | ${reviewResults[].grade}"
						+ " | ${reviewResults[].deficiencies} | ${reviewResults[].interference}");
		section(doc, "评查意见", "${reviewConclusion}");
		section(doc, "整改要求", "${rectificationRequirement}");
		return sealed(doc, "${supervisingBody}（印章）", "${supervisingBody}　${documentName}　${caseFileReviewNo}");
	}

	// ------------------------------------------------------------------------------------------------ agency disputes

	/** 行政执法争议协调意见书 (R-COORD-5; seed 002 (二)): the justice bureau's written opinion to both agencies. */
	static XWPFDocument agencyDisputeOpinion() {
		XWPFDocument doc = letter("${coordinatingBody}", "行政执法争议协调意见书", "${disputeNo}", "${applicantAgencyName}、${counterpartAgencyName}：");
		body(doc, "${applicantAgencyName}于${disputeRaisedOn}就与${counterpartAgencyName}之间的行政执法争议（${disputeSubjectLabel}；"
				+ "关联案号：${relatedCaseNo}）先行协商，未能达成一致，向本机关申请协调。本机关依照行政执法争议协调机制受理后组织了协调，情况如下：");
		body(doc, "${coordinationNotes}");
		section(doc, "争议事项", "${disputeMatter}");
		section(doc, "协调意见", "${disputeOpinion}");
		body(doc, "请你们于${disputeOpinionReplyDueAt}前书面答复是否接受本协调意见。任何一方不接受的，本机关将提出书面建议，报请${countyGovernment}裁决。");
		return sealed(doc, "${coordinatingBody}（印章）", "${coordinatingBody}　${documentName}　${disputeNo}");
	}

	/** 行政执法争议协调书面建议 (R-COORD-5; seed 002 (二)): the bureau reports the dispute to the county government for a ruling. */
	static XWPFDocument agencyDisputeReport() {
		XWPFDocument doc = letter("${coordinatingBody}", "关于提请裁决行政执法争议的书面建议", "${disputeNo}", "${countyGovernment}：");
		body(doc, "${applicantAgencyName}与${counterpartAgencyName}之间的行政执法争议（${disputeSubjectLabel}），经双方协商和本机关协调，"
				+ "仍无法达成一致意见。本机关于${disputeOpinionIssuedOn}出具了协调意见，双方答复如下：");
		body(doc, "${opinionAnswers}");
		section(doc, "争议事项", "${disputeMatter}");
		section(doc, "本机关的协调意见", "${disputeOpinion}");
		section(doc, "书面建议", "${governmentReport}");
		body(doc, "以上建议，请予裁决。");
		return sealed(doc, "${coordinatingBody}（印章）", "${coordinatingBody}　${documentName}　${disputeNo}");
	}

	// ------------------------------------------------------------------------------------------------- assistance

	/** 行政执法协助函 (seed 002 (十五) 五: 书面函告): one agency asks another for assistance, with the reply deadline. */
	static XWPFDocument assistanceRequestLetter() {
		XWPFDocument doc = letter("${agencyName}", "行政执法协助函", "${assistanceRequestNo}", "${assistanceRequestedAgencyName}：");
		body(doc, "本机关在行使行政执法职权中（关联案号：${assistanceCaseNo}），需要你单位协助，事项类别：${assistanceKindLabel}。"
				+ "根据行政执法协作机制中的执法协助制度，现函请你单位协助办理下列事项：");
		body(doc, "${assistanceMatter}");
		section(doc, "请求协助的理由和依据", "${assistanceReason}");
		body(doc, "请于${assistanceReplyDueAt}前答复是否协助；不予协助的，请说明理由。同意协助的，请在完成后将协助结果书面告知本机关。");
		return sealed(doc, "${agencyName}（印章）", "${agencyName}　${documentName}　${assistanceRequestNo}");
	}

	// ------------------------------------------------------------------------------------------------------ layout

	/** The footer of a numbered document, and of a record filed under its case number. */
	private static final String NUMBERED = "${agencyName}　${documentName}　${documentNumber}";
	private static final String BY_CASE = "${agencyName}　${documentName}　案号：${caseId}";

	/** The party and the case number, the first fields of a decision. */
	private static final String PARTY_AND_CASE = """
			当事人 | ${partyName}
			身份证件号码/统一社会信用代码 | ${partyIdNumber}
			住所（地址） | ${partyAddress}
			案号 | ${caseId}
			""";

	/** A decision of the agency: its {@link #document}, numbered. */
	private static XWPFDocument decision(String title) {
		XWPFDocument doc = document("${agencyName}", title);
		numberLine(doc, "${documentNumber}");
		return doc;
	}

	/** A letter: its {@link #document}, its number and the body it is addressed to. */
	private static XWPFDocument letter(String issuer, String title, String number, String to) {
		XWPFDocument doc = document(issuer, title);
		numberLine(doc, number);
		addressee(doc, to);
		return doc;
	}

	/** A {@link #page()} headed by the issuing body (宋体 18) and the document's title (宋体 22, bold). */
	private static XWPFDocument document(String issuer, String title) {
		XWPFDocument doc = page();
		heading(doc, issuer, 18, false);
		heading(doc, title, 22, true);
		return doc;
	}

	/** The end of a document sealed by {@code seal} on the date of issue ({@code ${today}}), with its footer. */
	private static XWPFDocument sealed(XWPFDocument doc, String seal, String footer) {
		closing(doc, seal, "${today}");
		footer(doc, footer);
		return doc;
	}

	/**
	 * A4 portrait with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), default text
	 * 仿宋 in Simplified Chinese, and the font table with each font's substitutes.
	 */
	private static XWPFDocument page() {
		XWPFDocument doc = new XWPFDocument();
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(twips(37)));
		margins.setBottom(BigInteger.valueOf(twips(35)));
		margins.setLeft(BigInteger.valueOf(twips(28)));
		margins.setRight(BigInteger.valueOf(twips(26)));
		margins.setHeader(BigInteger.valueOf(twips(15)));
		margins.setFooter(BigInteger.valueOf(twips(15)));
		XWPFStyles styles = doc.createStyles();
		styles.setSpellingLanguage("zh-CN");
		styles.setEastAsia("zh-CN");
		CTFonts defaults = CTFonts.Factory.newInstance();
		defaults.setAscii(BODY_FONT);
		defaults.setHAnsi(BODY_FONT);
		defaults.setEastAsia(BODY_FONT);
		defaults.setCs(BODY_FONT);
		styles.setDefaultFonts(defaults);
		fontTable(doc);
		return doc;
	}

	/** {@code word/fontTable.xml}: for each font its Windows alternate name, GB2312 character set, PANOSE class. */
	private static void fontTable(XWPFDocument doc) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
		for (String[] font : FONTS) {
			xml.append("<w:font w:name=\"").append(font[0]).append("\"><w:altName w:val=\"").append(font[1])
				.append("\"/><w:panose1 w:val=\"").append(font[2]).append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
				.append(font[4]).append("\"/><w:pitch w:val=\"").append(font[3]).append("\"/></w:font>");
		}
		xml.append("</w:fonts>");
		try {
			PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
			PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
			try (OutputStream out = part.getOutputStream()) {
				out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
			}
			doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
		}
		catch (InvalidFormatException | IOException e) {
			throw new IllegalStateException("cannot add the font table", e);
		}
	}

	private static long twips(int mm) {
		return Math.round(mm * 1440 / 25.4);
	}

	private static void heading(XWPFDocument doc, String text, int size, boolean bold) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setSpacingAfter(120);
		keepNext(p, true);
		XWPFRun run = p.createRun();
		font(run, TITLE_FONT);
		run.setBold(bold);
		run.setFontSize(size);
		run.setText(text);
	}

	private static void numberLine(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		p.setSpacingAfter(200);
		text(p, text, 16, false);
	}

	private static void addressee(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBefore(120);
		text(p, text, 16, false);
	}

	private static XWPFParagraph body(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setIndentationFirstLine(640);
		p.setSpacingBefore(120);
		text(p, text, 16, false);
		return p;
	}

	/** A text of several lines (a transcript): left-aligned, so a line break does not stretch the line before it. */
	private static XWPFParagraph lines(XWPFDocument doc, String text) {
		XWPFParagraph p = body(doc, text);
		p.setAlignment(ParagraphAlignment.LEFT);
		p.setIndentationFirstLine(0);
		return p;
	}

	private static void section(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBefore(240);
		p.setSpacingAfter(120);
		keepNext(p, true);
		XWPFRun run = p.createRun();
		font(run, HEADING_FONT);
		run.setFontSize(16);
		run.setText(text);
	}

	/** A section of one paragraph under its heading. */
	private static void section(XWPFDocument doc, String heading, String text) {
		section(doc, heading);
		body(doc, text);
	}

	/**
	 * The signature block at the end: right-aligned lines (seal, date …), kept on one page with each other and with
	 * the paragraph before them, so the seal and the date never stand alone on a page.
	 */
	private static void closing(XWPFDocument doc, String... lines) {
		List<XWPFParagraph> paragraphs = doc.getParagraphs();
		if (!paragraphs.isEmpty()) {
			keepNext(paragraphs.get(paragraphs.size() - 1), true);
		}
		XWPFParagraph space = doc.createParagraph();
		keepNext(space, true);
		for (int i = 0; i < lines.length; i++) {
			XWPFParagraph p = doc.createParagraph();
			p.setAlignment(ParagraphAlignment.RIGHT);
			p.setSpacingBefore(i == 0 ? 240 : 60);
			keepNext(p, i < lines.length - 1);
			keepLines(p);
			text(p, lines[i], 16, false);
		}
	}

	/** Keep with next (POI's own setter fails on a paragraph without properties). */
	private static void keepNext(XWPFParagraph p, boolean keep) {
		if (!p.getCTP().isSetPPr()) {
			p.getCTP().addNewPPr();
		}
		p.setKeepNext(keep);
	}

	private static void keepLines(XWPFParagraph p) {
		if (!p.getCTP().isSetPPr()) {
			p.getCTP().addNewPPr();
		}
		p.getCTP().getPPr().addNewKeepLines();
	}

	/** A two-column table of fields, one a line as {@code label | value} (the value may be empty). */
	private static XWPFTable fieldTable(XWPFDocument doc, String fields) {
		List<String> rows = fields.lines().toList();
		XWPFTable table = table(doc, 2, new int[] { 30, 70 });
		for (int i = 0; i < rows.size(); i++) {
			row(table, i, false, cells(rows.get(i)));
			center(table.getRow(i).getCell(0));
		}
		return table;
	}

	/**
	 * A table of a list: the header row and the row the filler repeats for each item, each given as its cells
	 * separated by {@code |}; the item's number (first column) centred.
	 */
	private static void listTable(XWPFDocument doc, int[] percent, String header, String item) {
		XWPFTable table = table(doc, percent.length, percent);
		row(table, 0, true, cells(header));
		row(table, 1, false, cells(item));
		center(table.getRow(1).getCell(0));
	}

	/** The numbered list of materials {@code ${list[]}} with an empty remarks column. */
	private static void materialsTable(XWPFDocument doc, String list) {
		listTable(doc, new int[] { 12, 68, 20 }, "序号 | 材料名称 | 备注", "${" + list + "[]#} | ${" + list + "[]} | ");
	}

	private static String[] cells(String line) {
		return java.util.Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
	}

	/** Text width of the page: A4 (210 mm) less the left and right margins, in twips. */
	private static final int TEXT_WIDTH = (int) (twips(210) - twips(28) - twips(26));

	/** A table over the text width with fixed columns (in twips: Word, WPS and LibreOffice all keep them). */
	private static XWPFTable table(XWPFDocument doc, int columns, int[] percent) {
		XWPFTable table = doc.createTable(1, columns);
		table.setWidth(String.valueOf(TEXT_WIDTH));
		table.getCTTbl().getTblPr().addNewTblLayout().setType(
				org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
		var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int c = 0; c < columns; c++) {
			grid.addNewGridCol().setW(BigInteger.valueOf(columnWidth(percent[c])));
			table.getRow(0).getCell(c).setWidth(String.valueOf(columnWidth(percent[c])));
		}
		return table;
	}

	private static int columnWidth(int percent) {
		return TEXT_WIDTH * percent / 100;
	}

	/** A row of plain cells; in a header row, and in the first (label) column of a two-column field table, bold. */
	private static void row(XWPFTable table, int index, boolean header, String... cells) {
		XWPFTableRow row = index < table.getNumberOfRows() ? table.getRow(index) : table.createRow();
		row.setHeight(520);
		for (int c = 0; c < cells.length; c++) {
			XWPFTableCell cell = row.getCell(c);
			cell.setWidth(String.valueOf(table.getRow(0).getCell(c).getWidth()));
			cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
			XWPFParagraph p = cell.getParagraphs().get(0);
			if (header) {
				p.setAlignment(ParagraphAlignment.CENTER);
			}
			text(p, cells[c], 14, header || (cells.length == 2 && c == 0));
		}
		if (header) {
			row.setRepeatHeader(true);
		}
	}

	private static void center(XWPFTableCell cell) {
		cell.getParagraphs().forEach(p -> p.setAlignment(ParagraphAlignment.CENTER));
	}

	private static void text(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun run = p.createRun();
		font(run, BODY_FONT);
		run.setBold(bold);
		run.setFontSize(size);
		run.setText(text);
	}

	/** The font for every script (Latin, Chinese, complex), so no part of a line falls to another font. */
	private static void font(XWPFRun run, String font) {
		run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily(font, XWPFRun.FontCharRange.cs);
	}

	private static void footer(XWPFDocument doc, String text) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun run = p.createRun();
		font(run, BODY_FONT);
		run.setFontSize(9);
		run.setText(text);
	}
}

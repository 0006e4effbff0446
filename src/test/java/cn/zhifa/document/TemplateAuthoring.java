package cn.zhifa.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Wrote the first version of the templates in {@code templates/}. The committed {@code .docx} files
 * are the source of truth from then on: the legal office edits them in Word or WPS, and this program
 * refuses to overwrite them unless run with {@code --overwrite}. Kept to show how the layout was
 * built (A4, GB/T 9704 margins, 宋体 titles, 仿宋 text, bordered field tables).
 * <p>
 * Run: {@code java -cp target/test-classes:<classpath> cn.zhifa.document.TemplateAuthoring [dir] [--overwrite]}
 */
public final class TemplateAuthoring {

	private static final String TITLE_FONT = "宋体";
	private static final String BODY_FONT = "仿宋";

	private TemplateAuthoring() {
	}

	public static void main(String[] args) throws IOException {
		boolean overwrite = List.of(args).contains("--overwrite");
		Path dir = Path.of(List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().orElse("templates"));
		write(dir.resolve("review-submission.docx"), reviewSubmission(), overwrite);
		write(dir.resolve("review-opinion.docx"), reviewOpinion(), overwrite);
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

	/** 重大执法决定法制审核送审表 (R-REV-2, R-REV-3, R-REV-7: the handling unit answers for its materials). */
	static XWPFDocument reviewSubmission() {
		XWPFDocument doc = page();
		heading(doc, "${agencyName}", 18, false);
		heading(doc, "重大执法决定法制审核送审表", 22, true);
		numberLine(doc, "编号：${documentNumber}");

		fieldTable(doc, List.of(
				new String[] { "案件编号", "${caseId}" },
				new String[] { "重大执法决定类别", "${decisionTypeLabel}" },
				new String[] { "属于重大执法决定的情形", "${majorReasons}" },
				new String[] { "承办人", "${handlerName}" },
				new String[] { "法制审核机构收到材料日期", "${materialsReceivedAt}" },
				new String[] { "审核期限", "${reviewDueAt}前出具书面审核意见" }));

		section(doc, "送审材料清单");
		XWPFTable materials = table(doc, 3, new int[] { 12, 68, 20 });
		row(materials, 0, true, "序号", "材料名称", "备注");
		row(materials, 1, false, "${materials[]#}", "${materials[]}", "");
		center(materials.getRow(1).getCell(0));

		section(doc, "承办单位意见");
		XWPFTable sign = table(doc, 1, new int[] { 100 });
		XWPFTableCell cell = sign.getRow(0).getCell(0);
		text(cell.getParagraphs().get(0), "承办单位对送审材料的真实性、完整性负责。", 14, false);
		paragraph(cell, "", 14);
		XWPFParagraph signature = cell.addParagraph();
		signature.setAlignment(ParagraphAlignment.RIGHT);
		text(signature, "承办人（签名）：　　　　　　　负责人（签名）：　　　　　　　", 14, false);
		XWPFParagraph date = cell.addParagraph();
		date.setAlignment(ParagraphAlignment.RIGHT);
		text(date, "${today}", 14, false);

		footer(doc);
		return doc;
	}

	/** 法制审核意见书 (R-REV-3, R-REV-4, R-REV-5). */
	static XWPFDocument reviewOpinion() {
		XWPFDocument doc = page();
		heading(doc, "${agencyName}", 18, false);
		heading(doc, "法制审核意见书", 22, true);
		numberLine(doc, "${documentNumber}");

		fieldTable(doc, List.of(
				new String[] { "案件编号", "${caseId}" },
				new String[] { "重大执法决定类别", "${decisionTypeLabel}" },
				new String[] { "承办人", "${handlerName}" },
				new String[] { "法制审核人员", "${reviewerName}" },
				new String[] { "审核次数", "第${reviewRound}次审核" },
				new String[] { "收到送审材料日期", "${materialsReceivedAt}" },
				new String[] { "审核期限", "${reviewDueAt}" },
				new String[] { "是否延长审核期限", "${reviewExtendedLabel}" },
				new String[] { "延长理由", "${extensionReason?}" }));

		section(doc, "一、审核内容");
		XWPFTable checklist = table(doc, 3, new int[] { 12, 58, 30 });
		row(checklist, 0, true, "序号", "审核事项", "审核情况");
		row(checklist, 1, false, "${checklist[]#}", "${checklist[].item}", "${checklist[].value}");
		center(checklist.getRow(1).getCell(0));

		section(doc, "二、审核意见");
		XWPFParagraph opinion = doc.createParagraph();
		opinion.setIndentationFirstLine(640);
		text(opinion, "${reviewOpinion}", 16, false);

		section(doc, "三、审核结论");
		XWPFParagraph outcome = doc.createParagraph();
		outcome.setIndentationFirstLine(640);
		text(outcome, "${reviewOutcomeLabel}", 16, true);

		doc.createParagraph();
		XWPFParagraph reviewer = doc.createParagraph();
		reviewer.setAlignment(ParagraphAlignment.RIGHT);
		text(reviewer, "法制审核人员（签名）：　　　　　　　　", 16, false);
		XWPFParagraph seal = doc.createParagraph();
		seal.setAlignment(ParagraphAlignment.RIGHT);
		text(seal, "${agencyName}（法制审核机构盖章）", 16, false);
		XWPFParagraph date = doc.createParagraph();
		date.setAlignment(ParagraphAlignment.RIGHT);
		text(date, "${today}", 16, false);

		footer(doc);
		return doc;
	}

	/** A4 portrait with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
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
		return doc;
	}

	private static long twips(int mm) {
		return Math.round(mm * 1440 / 25.4);
	}

	private static void heading(XWPFDocument doc, String text, int size, boolean bold) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setSpacingAfter(120);
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

	private static void section(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setSpacingBefore(240);
		p.setSpacingAfter(120);
		XWPFRun run = p.createRun();
		font(run, "黑体");
		run.setBold(true);
		run.setFontSize(16);
		run.setText(text);
	}

	private static XWPFTable fieldTable(XWPFDocument doc, List<String[]> rows) {
		XWPFTable table = table(doc, 2, new int[] { 30, 70 });
		for (int i = 0; i < rows.size(); i++) {
			row(table, i, false, rows.get(i));
			center(table.getRow(i).getCell(0));
		}
		return table;
	}

	private static XWPFTable table(XWPFDocument doc, int columns, int[] percent) {
		XWPFTable table = doc.createTable(1, columns);
		table.setWidth("100%");
		for (int c = 0; c < columns; c++) {
			table.getRow(0).getCell(c).setWidth(percent[c] + "%");
		}
		return table;
	}

	/** A row of plain cells; in a header row, and in the first (label) column of a two-column field table, bold. */
	private static void row(XWPFTable table, int index, boolean header, String... cells) {
		XWPFTableRow row = index < table.getNumberOfRows() ? table.getRow(index) : table.createRow();
		row.setHeight(520);
		for (int c = 0; c < cells.length; c++) {
			XWPFTableCell cell = row.getCell(c);
			cell.setWidth(table.getRow(0).getCell(c).getWidthDecimal() + "%");
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

	private static void paragraph(XWPFTableCell cell, String text, int size) {
		text(cell.addParagraph(), text, size, false);
	}

	private static void text(XWPFParagraph p, String text, int size, boolean bold) {
		XWPFRun run = p.createRun();
		font(run, BODY_FONT);
		run.setBold(bold);
		run.setFontSize(size);
		run.setText(text);
	}

	private static void font(XWPFRun run, String font) {
		run.setFontFamily(font);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
	}

	private static void footer(XWPFDocument doc) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun run = p.createRun();
		font(run, BODY_FONT);
		run.setFontSize(9);
		run.setText("${agencyName}　${documentName}　${documentNumber}");
	}
}

package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The template filler on documents built here with POI, re-read with POI after filling. */
class DocxTemplateFillerTest {

	private final DocxTemplateFiller filler = new DocxTemplateFiller(Labels.none());
	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
	private final Logger fillerLog = (Logger) LoggerFactory.getLogger(DocxTemplateFiller.class);

	@BeforeEach
	void captureLog() {
		logs.start();
		fillerLog.addAppender(logs);
	}

	@AfterEach
	void releaseLog() {
		fillerLog.detachAppender(logs);
	}

	@Test
	void placeholderSplitAcrossRunsIsReplacedKeepingTheFirstRunsFormatting() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		XWPFParagraph p = doc.createParagraph();
		run(p, "当事人：", false);
		run(p, "${par", true);
		run(p, "tyN", false);
		run(p, "ame}，案号 $", false);
		run(p, "{caseId}", false);

		XWPFDocument filled = reopen(fill(doc, Map.of("partyName", "张三", "caseId", "寥街罚〔2026〕1号")));

		XWPFParagraph result = filled.getParagraphs().get(0);
		assertThat(result.getText()).isEqualTo("当事人：张三，案号 寥街罚〔2026〕1号");
		// the label keeps its own (plain) run; the value takes the formatting of the run where ${ started
		assertThat(result.getRuns().get(0).text()).isEqualTo("当事人：");
		assertThat(result.getRuns().get(0).isBold()).isFalse();
		// "${par" "tyN" "ame}，案号 $" merged into the bold run, then "{caseId}" joined it to complete "${caseId}"
		assertThat(result.getRuns()).hasSize(2);
		assertThat(result.getRuns().get(1).text()).isEqualTo("张三，案号 寥街罚〔2026〕1号");
		assertThat(result.getRuns().get(1).isBold()).isTrue();
	}

	@Test
	void tableCellsHeadersAndFootersAreFilled() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createHeaderFooterPolicy();
		doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("页眉 ${agencyName}");
		doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${documentNumber}");
		table(doc, "案件编号|${caseId}");

		XWPFDocument filled = reopen(fill(doc, Map.of("agencyName", "寥廓街道综合行政执法队", "documentNumber", "寥街法审〔2026〕7号",
				"caseId", "CASE-1")));

		assertThat(filled.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo("CASE-1");
		assertThat(filled.getHeaderList().get(0).getText()).contains("页眉 寥廓街道综合行政执法队");
		assertThat(filled.getFooterList().get(0).getText()).contains("寥街法审〔2026〕7号");
	}

	@Test
	void rowWithListPlaceholdersRepeatsOncePerElement() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		XWPFTable table = table(doc, "序号|材料名称", "${materials[]#}|", "合计|${materialCount}");
		// split the way Word does it
		XWPFParagraph cell = table.getRow(1).getCell(1).getParagraphs().get(0);
		run(cell, "${mater", false);
		run(cell, "ials[]}（共${materialCount}项）", false);

		XWPFDocument filled = reopen(fill(doc, Map.of("materials", List.of("调查终结报告", "证据清单", "听证笔录"),
				"materialCount", 3)));

		List<XWPFTableRow> rows = filled.getTables().get(0).getRows();
		assertThat(rows).hasSize(5);
		assertThat(rows.stream().map(r -> r.getCell(0).getText() + "|" + r.getCell(1).getText()).toList()).containsExactly(
				"序号|材料名称", "1|调查终结报告（共3项）", "2|证据清单（共3项）", "3|听证笔录（共3项）", "合计|3");
	}

	@Test
	void repeatedRowReadsPropertiesOfMapsAndRecords() throws IOException {
		record Item(String item, boolean ok) {
		}
		XWPFDocument doc = new XWPFDocument();
		table(doc, "${checks[].item}|${checks[].ok}");
		table(doc, "${rows[].name}");

		XWPFDocument filled = reopen(fill(doc, Map.of("checks", List.of(new Item("主体合法", true), new Item("证据充分", false)),
				"rows", List.of(Map.of("name", "甲"), Map.of("name", "乙")))));

		assertThat(text(filled.getTables().get(0))).isEqualTo("主体合法|是;证据充分|否");
		assertThat(text(filled.getTables().get(1))).isEqualTo("甲;乙");
	}

	@Test
	void textWithOneItemPerLineRepeatsPerLine() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		table(doc, "${materials[]#}|${materials[]}");

		XWPFDocument filled = reopen(fill(doc, Map.of("materials", "调查终结报告\n\n 证据材料清单 \n")));

		assertThat(text(filled.getTables().get(0))).isEqualTo("1|调查终结报告;2|证据材料清单");
	}

	@Test
	void emptyOrMissingListLeavesOneBlankRow() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		table(doc, "序号|", "${materials[]#}|${materials[]}");
		table(doc, "${attachments[]}");

		DocxTemplateFiller.Filled result = filler.fill(bytes(doc), Map.of("materials", List.of()));
		XWPFDocument filled = reopen(result.content());

		assertThat(text(filled.getTables().get(0))).isEqualTo("序号|;|");
		assertThat(text(filled.getTables().get(1))).isEmpty();
		assertThat(result.missingFields()).containsExactly("attachments[]");
	}

	@Test
	void missingFieldBecomesEmptyTextWithAWarning() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("延长理由：${extensionReason}；备注：${note}。${materials[]}");

		DocxTemplateFiller.Filled result = filler.fill(bytes(doc), Map.of("note", "无"));

		String text = reopen(result.content()).getParagraphs().get(0).getText();
		assertThat(text).isEqualTo("延长理由：；备注：无。").doesNotContain("${");
		assertThat(result.missingFields()).containsExactlyInAnyOrder("extensionReason", "materials[]");
		assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy(m -> assertThat(m).contains("extensionReason"));
	}

	@Test
	void optionalPlaceholderIsEmptyWithoutWarning() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("延长理由：${extensionReason?}；${note ?}");

		DocxTemplateFiller.Filled result = filler.fill(bytes(doc), Map.of("note", "无"));

		assertThat(reopen(result.content()).getParagraphs().get(0).getText()).isEqualTo("延长理由：；无");
		assertThat(result.missingFields()).isEmpty();
		assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.WARN);
	}

	@Test
	void nullValueIsEmptyWithoutWarning() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("[${extensionReason}]");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("extensionReason", null);

		DocxTemplateFiller.Filled result = filler.fill(bytes(doc), fields);

		assertThat(reopen(result.content()).getParagraphs().get(0).getText()).isEqualTo("[]");
		assertThat(result.missingFields()).isEmpty();
	}

	@Test
	void datesAreChineseDatesInChinaTimeAndBooleansAreYesNo() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("${date}/${localDate}/${offset}/${yes}/${no}/${count}/${list}/${party.name}");
		Map<String, Object> fields = new LinkedHashMap<>();
		// 2026-11-20 17:00 UTC is already 21 November in Beijing (surefire runs with user.timezone=UTC)
		fields.put("date", Date.from(OffsetDateTime.of(2026, 11, 20, 17, 0, 0, 0, ZoneOffset.UTC).toInstant()));
		fields.put("localDate", LocalDate.of(2026, 1, 5));
		fields.put("offset", OffsetDateTime.of(2026, 3, 31, 23, 30, 0, 0, ZoneOffset.ofHours(-5)));
		fields.put("yes", true);
		fields.put("no", Boolean.FALSE);
		fields.put("count", 2);
		fields.put("list", List.of("甲", "乙"));
		fields.put("party", Map.of("name", "某某公司"));

		String text = reopen(fill(doc, fields)).getParagraphs().get(0).getText();

		assertThat(text).isEqualTo("2026年11月21日/2026年1月5日/2026年4月1日/是/否/2/甲、乙/某某公司");
	}

	@Test
	void multiLineValueBecomesLineBreaks() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("意见：${opinion}");

		XWPFDocument filled = reopen(fill(doc, Map.of("opinion", "一、事实清楚。\n二、证据充分。")));

		XWPFRun run = filled.getParagraphs().get(0).getRuns().get(0);
		assertThat(run.getCTR().sizeOfBrArray()).isEqualTo(1);
		assertThat(run.text()).isEqualTo("意见：一、事实清楚。\n二、证据充分。");
	}

	@Test
	void valueThatLooksLikeAPlaceholderIsNotExpandedAgain() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("${a}${b}");

		String text = reopen(fill(doc, Map.of("a", "${b}", "b", "B"))).getParagraphs().get(0).getText();

		assertThat(text).isEqualTo("${b}B");
	}

	@Test
	void resultIsAValidDocxThatWordExtractorsRead() throws IOException {
		XWPFDocument doc = TemplateAuthoring.reviewOpinion();
		byte[] filled = fill(doc, Map.of("agencyName", "寥廓街道综合行政执法队", "reviewOpinion", "同意"));

		try (XWPFWordExtractor extractor = new XWPFWordExtractor(reopen(filled))) {
			assertThat(extractor.getText()).contains("寥廓街道综合行政执法队", "法制审核意见书", "同意");
		}
	}

	private byte[] fill(XWPFDocument doc, Map<String, Object> fields) throws IOException {
		return filler.fill(bytes(doc), fields).content();
	}

	/** A table of {@code rows}, each its cells' texts separated by {@code |} (an empty cell stays as created). */
	private static XWPFTable table(XWPFDocument doc, String... rows) {
		String[][] cells = Arrays.stream(rows).map(r -> r.split("\\|", -1)).toArray(String[][]::new);
		XWPFTable table = doc.createTable(cells.length, cells[0].length);
		for (int r = 0; r < cells.length; r++) {
			for (int c = 0; c < cells[r].length; c++) {
				if (!cells[r][c].isEmpty()) {
					table.getRow(r).getCell(c).setText(cells[r][c]);
				}
			}
		}
		return table;
	}

	private static void run(XWPFParagraph p, String text, boolean bold) {
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setBold(bold);
	}

	private static byte[] bytes(XWPFDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.write(out);
		return out.toByteArray();
	}

	static XWPFDocument reopen(byte[] bytes) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(bytes));
	}

	private static String text(XWPFTable table) {
		return table.getRows().stream()
			.map(r -> r.getTableCells().stream().map(c -> c.getText()).collect(Collectors.joining("|")))
			.collect(Collectors.joining(";"));
	}
}

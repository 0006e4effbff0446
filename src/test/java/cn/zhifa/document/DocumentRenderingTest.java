package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.zhifa.support.LibreOffice;

/**
 * Every template of {@code templates/}, filled with a full case ({@code document/full-case.yml}), is a document a
 * clerk can serve (issue 16 points 20, 21): no placeholder, no blank where the template asks for a value, no code
 * (CM-…, PENALTY, true), no ISO date, no "5000.0"; the decisions carry what 行政处罚法 arts. 52 and 59 and 行政强制法
 * art. 24 require; seal and date stay with the text before them; every font has its fallbacks. When LibreOffice is
 * installed, the documents are also converted to PDF as a clerk would open them, and no last page holds only the
 * seal and the date.
 */
class DocumentRenderingTest {

	/** Kinds issue 16 requires besides those of the processes. */
	static final List<String> REQUIRED_KINDS = List.of("REVIEW_SUBMISSION", "REVIEW_OPINION", "CRIMINAL_TRANSFER_LETTER",
			"CASE_TRANSFER_LETTER", "DISCIPLINE_TRANSFER_LETTER", "PRIOR_NOTICE", "PENALTY_DECISION", "NO_PENALTY_DECISION",
			"SUMMARY_PENALTY_DECISION", "INQUIRY_RECORD", "INSPECTION_RECORD", "SERVICE_RECEIPT", "SEIZURE_DECISION",
			"SEIZURE_INVENTORY", "DEMAND_NOTICE");

	/** What must never reach a document: a code, an ISO date, a raw number or yes/no, a placeholder. */
	static final Map<String, Pattern> RAW = Map.of(
			"placeholder", Pattern.compile("\\$\\{"),
			"code (CM-ILLEGAL-BUILD, REVIEW_OPINION, PENALTY)", Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2,}(?:[-_][A-Z0-9]+)*(?![A-Za-z0-9])"),
			"ISO date", Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}"),
			"yes/no or null", Pattern.compile("(?<![A-Za-z])(true|false|null)(?![A-Za-z])"),
			"number with .0", Pattern.compile("\\d\\.0(?!\\d)"));

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");

	private final DocumentTemplates templates = new DocumentTemplates("templates");

	@Test
	void everyTemplateFilledWithAFullCaseHasNoPlaceholderBlankOrCodeLeft() throws IOException {
		assertThat(templates.kinds()).containsKeys(REQUIRED_KINDS.toArray(String[]::new));
		List<String> problems = new ArrayList<>();
		for (Rendered doc : renderAll()) {
			if (!doc.filled().missingFields().isEmpty()) {
				problems.add(doc.kind() + ": no value for " + doc.filled().missingFields());
			}
			if (!doc.filled().blankFields().isEmpty()) {
				problems.add(doc.kind() + ": blank where the template asks for " + doc.filled().blankFields());
			}
			for (Map.Entry<String, Pattern> raw : RAW.entrySet()) {
				Matcher m = raw.getValue().matcher(doc.text());
				while (m.find()) {
					problems.add(doc.kind() + ": " + raw.getKey() + " \"" + m.group() + "\" in …"
							+ doc.text().substring(Math.max(0, m.start() - 20), Math.min(doc.text().length(), m.end() + 10)) + "…");
				}
			}
			for (String cell : emptyValueCells(doc.content())) {
				problems.add(doc.kind() + ": empty cell " + cell);
			}
		}
		assertThat(problems).isEmpty();
	}

	/** 行政处罚法 art. 59 (decision), art. 52 (on the spot), 行政强制法 art. 24 (seizure): what the decision states. */
	@Test
	void decisionsCarryWhatTheStatutesRequire() throws IOException {
		Map<String, String> text = new LinkedHashMap<>();
		renderAll().forEach(d -> text.put(d.kind(), d.text()));
		List<String> remedies = List.of("六十日内向曲靖市麒麟区人民政府申请行政复议", "六个月内直接向曲靖市麒麟区人民法院提起行政诉讼");
		List<String> party = List.of("曲靖市麒麟区某某建材经营部", "92530302MA6K7X8Y9Q", "曲靖市麒麟区寥廓街道北关路58号");
		List<String> sealAndDate = List.of("寥廓街道综合行政执法队（印章）", "2026年12月1日");
		// art. 59: party and address, facts, evidence, basis, kind and amount, manner and deadline, remedies, seal and date
		assertThat(text.get("PENALTY_DECISION")).contains(party).contains(remedies).contains(sealAndDate)
			.contains("未取得建设工程规划许可证搭建彩钢瓦房", "现场照片6张", "《中华人民共和国城乡规划法》第四十条第一款",
					"责令当事人于2026年12月15日前自行拆除违法建设", "人民币5000元", "十五日内", "到指定银行或者通过电子支付系统缴纳罚款")
			// R-DISCR-1: how the benchmark was applied, beside its basis (also in the prior notice)
			.contains("裁量说明", "基准罚款幅度为建设工程造价的5%至7%");
		assertThat(text.get("PRIOR_NOTICE")).contains("裁量说明", "基准罚款幅度为建设工程造价的5%至7%");
		// R-REV-8: the counsel's part and its adoption in the review opinion
		assertThat(text.get("REVIEW_OPINION")).contains("三、公职律师、法律顾问参与审核情况", "法律顾问云南某律师事务所赵律师参与审核",
				"四、审核结论");
		assertThat(text.get("NO_PENALTY_DECISION")).contains(party).contains(remedies).contains(sealAndDate)
			.contains("现场照片6张", "《中华人民共和国城乡规划法》第四十条第一款");
		// art. 52: also the time and place of the decision and the officer
		assertThat(text.get("SUMMARY_PENALTY_DECISION")).contains(party).contains(remedies).contains(sealAndDate)
			.contains("2026年12月1日10时00分", "北关路58号院内", "李明", "人民币5000元");
		// 行政强制法 art. 24: reason, basis, period, goods, remedies
		assertThat(text.get("SEIZURE_DECISION")).contains(party).contains(remedies).contains(sealAndDate)
			.contains("扣押", "为防止证据损毁", "第二十二条", "自2026年11月5日起至2026年12月5日止", "电焊机2台");
		assertThat(text.get("SEIZURE_INVENTORY")).contains("电焊机", "ZX7-250", "寥街强制〔2026〕3号");
		// 行政强制法 art. 35: deadline, manner, amount, statement and defence
		assertThat(text.get("DEMAND_NOTICE")).contains("人民币10000元", "2027年1月25日前", "陈述和申辩", "寥街罚决〔2026〕8号");
		// 行政处罚法 art. 85 and 行政强制法 art. 69: the short periods a party is told are working days
		assertThat(text.get("PRIOR_NOTICE")).contains("五个工作日内提出听证申请").doesNotContain("五日内");
		assertThat(text.get("DEMAND_NOTICE")).contains("十个工作日内", "三个工作日内").doesNotContain("十日内", "三日内");
		// defects seen in LibreOffice (point 21)
		// R-COORD-3: the letter names the organ, the clues, the case and the penalty decision (was
		// DisciplineTransferProcessTests.headSignsInTimeAndTheLetterGoesToTheDisciplineOrgan)
		assertThat(text.get("DISCIPLINE_TRANSFER_LETTER")).contains("寥街罚决〔2026〕8号", "寥街罚〔2026〕12号",
				"中共曲靖市麒麟区纪律检查委员会", "当事人系区属事业单位工作人员");
		assertThat(text.get("CASE_TRANSFER_LETTER")).contains("违法建设", "2026年11月2日").doesNotContain("管辖。该建设");
		assertThat(text.get("INQUIRY_RECORD")).contains("2026年11月3日9时30分至10时15分", "王芳");
		// 行政处罚法 art. 64: the notice (time, place, closed and why, chair, rights) and the record (art. 64(7)(8))
		assertThat(text.get("HEARING_NOTICE")).contains(sealAndDate).contains("2026年11月20日", "9:30", "第一会议室",
				"不公开举行", "建材配方等商业秘密", "刘洋", "申请回避", "一至二人代理", "视为放弃听证权利");
		assertThat(text.get("HEARING_RECORD")).contains("刘洋", "赵敏", "张律师", "建议罚款5000元", "请求从轻处罚",
				"拒绝签字", "主持人已在笔录中注明");
		assertThat(text.get("SEIZURE_EXTENSION_NOTICE")).contains(party).contains(remedies).contains(sealAndDate)
			.contains("寥街强制〔2026〕3号", "涉案电焊机的来源情况复杂", "至2026年12月5日止", "第二十五条");
		assertThat(text.get("APPRAISAL_PERIOD_NOTICE")).contains(party).contains(sealAndDate)
			.contains("鉴定", "扣押的电焊机2台的价值", "曲靖市价格认证中心", "第二十五条第三款")
			// art. 25(3): the period is stated (明确), not "until the result"
			.contains("自2026年11月12日起至2026年11月27日止，共15日").doesNotContain("起至受托机构出具");
	}

	/** Seal and date are kept with the text before them: they never stand alone on a page. */
	@Test
	void sealAndDateAreKeptWithTheTextBeforeThem() throws IOException {
		for (DocumentKind kind : templates.kinds().values()) {
			try (XWPFDocument doc = DocxTemplateFillerTest.reopen(templates.template(kind))) {
				List<XWPFParagraph> paragraphs = doc.getParagraphs();
				int seal = -1;
				for (int i = 0; i < paragraphs.size(); i++) {
					if (paragraphs.get(i).getText().matches(".*（(印章|盖章|法制审核机构盖章)）.*")) {
						seal = i;
					}
				}
				if (seal < 0) {
					continue;
				}
				int last = paragraphs.size() - 1;
				int before = seal - 1;
				while (before >= 0 && paragraphs.get(before).getText().isBlank()) {
					before--;
				}
				assertThat(before).as(kind.kind() + ": text before the seal").isGreaterThanOrEqualTo(0);
				for (int i = before; i < last; i++) {
					assertThat(paragraphs.get(i).isKeepNext()).as(kind.kind() + ": \"" + paragraphs.get(i).getText()
							+ "\" is kept with the next paragraph").isTrue();
				}
				assertThat(paragraphs.get(last).getText()).as(kind.kind() + ": the date ends the document").contains("${today}");
			}
		}
	}

	/** Fonts come with fallbacks: the font table names each one's substitutes; fonts.conf maps them on Linux. */
	@Test
	void everyFontHasItsFallbacks() throws IOException {
		String fontsConf = Files.readString(Path.of("templates/fonts.conf"));
		for (DocumentKind kind : templates.kinds().values()) {
			try (XWPFDocument doc = DocxTemplateFillerTest.reopen(templates.template(kind))) {
				List<String> fonts = new ArrayList<>();
				forEachRun(doc, run -> {
					CTFonts f = run.getCTR().getRPr() == null ? null
							: run.getCTR().getRPr().getRFontsList().stream().findFirst().orElse(null);
					if (f != null) {
						for (String name : new String[] { f.getAscii(), f.getHAnsi(), f.getEastAsia(), f.getCs() }) {
							fonts.add(name);
						}
					}
				});
				assertThat(fonts).as(kind.kind() + ": every run names its font for every script").doesNotContainNull()
					.isNotEmpty();
				String fontTable = fontTable(doc);
				try (InputStream styles = doc.getStyles().getPackagePart().getInputStream()) {
					assertThat(new String(styles.readAllBytes(), StandardCharsets.UTF_8))
						.as(kind.kind() + ": Simplified Chinese by default (a Linux fallback picks an SC face)")
						.contains("w:eastAsia=\"zh-CN\"");
				}
				for (String font : fonts.stream().distinct().toList()) {
					String[] entry = TemplateAuthoring.FONTS.stream().filter(e -> e[0].equals(font)).findFirst()
						.orElseThrow(() -> new AssertionError(kind.kind() + ": font " + font + " has no fallbacks"));
					assertThat(fontTable).as(kind.kind() + ": font table entry of " + font)
						.contains("w:name=\"" + font + "\"", "w:altName w:val=\"" + entry[1] + "\"", "w:charset w:val=\"86\"");
					assertThat(fontsConf).as("templates/fonts.conf maps " + font).contains("<family>" + font + "</family>");
				}
			}
		}
	}

	/**
	 * R-DISC-8: the blank form of every kind (文书示范文本, the service window's download) shows the agency where the
	 * template names it, a blank line for every other field, never a placeholder, and the template's fixed text.
	 */
	@Test
	void blankFormsShowTheAgencyAndABlankLineForEveryOtherField() throws IOException {
		for (DocumentKind kind : templates.kinds().values()) {
			String text = allText(blankForm(kind));
			assertThat(text).as(kind.kind()).doesNotContain("${").contains(DocxTemplateFiller.BLANK_LINE)
				.doesNotContain("李明", "张三");
			if (templateText(kind).contains("${agencyName}")) {
				assertThat(text).as(kind.kind()).contains("寥廓街道综合行政执法队");
			}
		}
		assertThat(allText(blankForm(templates.kind("PRIOR_NOTICE")))).contains("行政处罚事先告知书", "陈述", "申辩");
	}

	private byte[] blankForm(DocumentKind kind) {
		return DocxTemplateFiller.blankForm(templates.template(kind),
				Map.of("agencyName", "寥廓街道综合行政执法队", "agencyShortName", "寥街", "documentName", kind.name()));
	}

	private String templateText(DocumentKind kind) {
		return allText(templates.template(kind));
	}

	/** Optional: as a clerk opens them, in LibreOffice (runs only where {@code soffice} is installed). */
	@Test
	void inLibreOfficeNoPageHoldsOnlyTheSealAndTheDate() throws Exception {
		LibreOffice.require();
		Path dir = Path.of(System.getProperty("zhifa.rendered.dir", "target/rendered-documents"));
		Files.createDirectories(dir);
		List<Path> files = new ArrayList<>();
		for (Rendered doc : renderAll()) {
			Path file = dir.resolve(doc.kind() + ".docx");
			Files.write(file, doc.content());
			files.add(file);
		}
		// a blank form as the service window hands it out (R-DISC-8), printed in the same run
		Path blank = dir.resolve("blank-PRIOR_NOTICE.docx");
		Files.write(blank, blankForm(templates.kind("PRIOR_NOTICE")));
		List<Path> converted = new ArrayList<>(files);
		converted.add(blank);
		LibreOffice.convert(converted, "pdf", dir);
		String blankText = LibreOffice.pdfText(dir.resolve("blank-PRIOR_NOTICE.pdf"));
		assertThat(blankText).as("the blank form as LibreOffice prints it").contains("行政处罚事先告知书", "寥廓街道综合行政执法队",
				DocxTemplateFiller.BLANK_LINE).doesNotContain("${");
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			Path pdf = dir.resolve(file.getFileName().toString().replace(".docx", ".pdf"));
			assertThat(pdf).as("PDF of " + file).exists();
			String[] pages = LibreOffice.pdfText(pdf).split("\f");
			String lastPage = pages.length == 0 ? "" : pages[pages.length - 1];
			// what the last page holds besides the footer, the seal line and the date
			String rest = lastPage.lines().map(String::strip).filter(l -> !l.isEmpty())
				.filter(l -> !l.matches(".*（(印章|盖章|法制审核机构盖章)）") && !l.matches("\\d{4}年\\d{1,2}月\\d{1,2}日")
						&& !l.startsWith("寥廓街道综合行政执法队　"))
				.reduce("", String::concat);
			if (rest.isBlank()) {
				problems.add(file.getFileName() + ": its last page (" + pages.length + ") holds only the seal and the date");
			}
		}
		assertThat(problems).isEmpty();
	}

	// --------------------------------------------------------------------------------------------------------------

	record Rendered(String kind, DocxTemplateFiller.Filled filled, byte[] content, String text) {
	}

	/** Every template filled once for the class: the tests only read the results. */
	private static List<Rendered> rendered;

	List<Rendered> renderAll() throws IOException {
		synchronized (DocumentRenderingTest.class) {
			if (rendered == null) {
				rendered = List.copyOf(render());
			}
			return rendered;
		}
	}

	private List<Rendered> render() throws IOException {
		Map<String, Object> fixture = fullCase();
		@SuppressWarnings("unchecked")
		Map<String, Object> agency = (Map<String, Object>) fixture.get("agency");
		@SuppressWarnings("unchecked")
		Map<String, String> officers = (Map<String, String>) fixture.get("officers");
		@SuppressWarnings("unchecked")
		Map<String, Object> variables = (Map<String, Object>) fixture.get("variables");
		DocumentFields.Issuer issuer = new DocumentFields.Issuer((String) agency.get("name"), (String) agency.get("shortName"),
				(String) agency.get("address"), (String) agency.get("reconsiderationBody"), (String) agency.get("litigationCourt"));
		Labels labels = templates.labels();
		List<Rendered> rendered = new ArrayList<>();
		for (DocumentKind kind : templates.kinds().values()) {
			String number = kind.numbered() ? DocumentNumbers.format(issuer.shortName(), kind.abbreviation(), NOW.getYear(), 9) : null;
			Map<String, Object> fields = DocumentFields.build(kind, issuer, (String) variables.get("caseId"), number,
					NOW.toInstant(), labels, variables, officers::get);
			DocxTemplateFiller.Filled filled = new DocxTemplateFiller(labels).fill(templates.template(kind), fields, kind.kind());
			rendered.add(new Rendered(kind.kind(), filled, filled.content(), allText(filled.content())));
		}
		return rendered;
	}

	static Map<String, Object> fullCase() {
		try (InputStream in = DocumentRenderingTest.class.getResourceAsStream("/document/full-case.yml")) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Body, tables, headers and footers. */
	static String allText(byte[] docx) {
		try (XWPFWordExtractor extractor = new XWPFWordExtractor(DocxTemplateFillerTest.reopen(docx))) {
			return extractor.getText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Cells right of a label cell of a two-column field table that are empty (a signature blank is not a value cell: its label says 签名). */
	static List<String> emptyValueCells(byte[] docx) {
		List<String> empty = new ArrayList<>();
		try (XWPFDocument doc = DocxTemplateFillerTest.reopen(docx)) {
			for (XWPFTable table : doc.getTables()) {
				for (XWPFTableRow row : table.getRows()) {
					List<XWPFTableCell> cells = row.getTableCells();
					if (cells.size() == 2 && !cells.get(0).getText().isBlank() && cells.get(1).getText().isBlank()
							&& !cells.get(0).getText().matches(".*(签名|盖章|代收|见证人).*")) {
						empty.add("\"" + cells.get(0).getText() + "\"");
					}
					for (XWPFTableCell cell : cells) {
						if (cell.getText().matches(".*（\\s*）.*")) {
							empty.add("with empty brackets: \"" + cell.getText() + "\"");
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return empty;
	}

	private static void forEachRun(XWPFDocument doc, java.util.function.Consumer<XWPFRun> action) {
		doc.getParagraphs().forEach(p -> p.getRuns().forEach(action));
		doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
			.forEach(c -> c.getParagraphs().forEach(p -> p.getRuns().forEach(action)))));
		doc.getFooterList().forEach(f -> f.getParagraphs().forEach(p -> p.getRuns().forEach(action)));
	}

	private static String fontTable(XWPFDocument doc) throws IOException {
		try {
			for (var rel : doc.getPackagePart().getRelationshipsByType(XWPFRelation.FONT_TABLE.getRelation())) {
				PackagePart part = doc.getPackagePart().getRelatedPart(rel);
				try (InputStream in = part.getInputStream()) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
			throw new IOException(e);
		}
		return "";
	}


}

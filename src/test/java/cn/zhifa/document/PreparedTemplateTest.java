package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * ADR-0048 and ADR-0060: a filled document is the template's own files, with the document, headers and footers exactly
 * as POI writes them when it fills the whole package in its own model (placeholders replaced run by run, repeated rows
 * copied: {@link #fillModel}) — for every template of the product, for templates built here with headers, footers,
 * repeated and nested rows, and for values XML must escape.
 */
class PreparedTemplateTest {

	private final DocxTemplateFiller filler = new DocxTemplateFiller(Labels.none());

	private static final Map<String, Object> FIELDS = Map.of("caseId", "寥街罚〔2026〕12号", "partyName", "张晓明",
			"agencyName", "寥廓街道综合行政执法队", "documentNumber", "寥街罚决〔2026〕3号", "facts", "占道经营\n拒不改正",
			"materials", List.of("调查终结报告", "证据清单"));

	static Stream<Path> templates() throws IOException {
		return Files.list(Path.of("templates")).filter(p -> p.toString().endsWith(".docx")).sorted();
	}

	@ParameterizedTest
	@MethodSource("templates")
	void theTemplatesFilesWithTheFilledPartsAsPoiWritesThem(Path file) throws IOException {
		byte[] template = Files.readAllBytes(file);
		assertSameAsPoisOwnFill(template);
	}

	@Test
	void aTemplateSavedByAnotherEditorFillsTheSame() throws IOException {
		// the penalty decision opened and saved again by LibreOffice Writer: its own runs, styles and part order
		// ([Content_Types].xml last), as a legal office's edit in another editor would leave it
		byte[] template = Files.readAllBytes(Path.of("src/test/resources/document/penalty-decision-saved-by-libreoffice.docx"));
		byte[] filled = assertSameAsPoisOwnFill(template);
		try (XWPFDocument reopened = new XWPFDocument(new ByteArrayInputStream(filled));
				XWPFWordExtractor text = new XWPFWordExtractor(reopened)) {
			assertThat(text.getText()).contains("行政处罚决定书", "张晓明").doesNotContain("${");
		}
	}

	@Test
	void headersAndFootersAreFilledAndTheRestIsTheTemplatesOwn() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("当事人：${partyName}");
		doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${agencyName}");
		doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("案号 ${caseId}");
		doc.createStyles();
		doc.getProperties().getCoreProperties().setTitle("模板");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.write(out);
		byte[] template = out.toByteArray();

		byte[] filled = assertSameAsPoisOwnFill(template);
		try (XWPFDocument reopened = new XWPFDocument(new ByteArrayInputStream(filled));
				XWPFWordExtractor text = new XWPFWordExtractor(reopened)) {
			assertThat(text.getText()).contains("当事人：张晓明", "寥廓街道综合行政执法队", "案号 寥街罚〔2026〕12号")
				.doesNotContain("${");
			assertThat(reopened.getProperties().getCoreProperties().getTitle()).isEqualTo("模板");
			assertThat(reopened.getStyles()).isNotNull();
		}
	}

	@Test
	void preparedOncePerContent() throws IOException {
		byte[] template = Files.readAllBytes(Path.of("templates/penalty-decision.docx"));
		assertThat(PreparedTemplate.of(template.clone())).isSameAs(PreparedTemplate.of(template.clone()));
		byte[] edited = Files.readAllBytes(Path.of("templates/prior-notice.docx"));
		assertThat(PreparedTemplate.of(edited)).isNotSameAs(PreparedTemplate.of(template));
	}

	@Test
	void notADocxIsRefused() {
		assertThatThrownBy(() -> PreparedTemplate.of("不是 Word 文件".getBytes()))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("not a readable .docx");
	}

	@ParameterizedTest
	@MethodSource("awkwardValues")
	void valuesXmlMustEscapeAreWrittenAsPoiWritesThem(String value) throws IOException {
		byte[] template = Files.readAllBytes(Path.of("templates/penalty-decision.docx"));
		Map<String, Object> fields = new LinkedHashMap<>(FIELDS);
		fields.put("partyName", value);
		fields.put("facts", value + "\n" + value);
		byte[] filled = assertSameAsPoisOwnFill(template, fields);
		try (XWPFDocument reopened = new XWPFDocument(new ByteArrayInputStream(filled));
				XWPFWordExtractor text = new XWPFWordExtractor(reopened)) {
			assertThat(text.getText()).doesNotContain("${");
		}
	}

	static Stream<String> awkwardValues() {
		return Stream.of("<张三> & 李四", "A&B&C&D&E&F&G 某某有限责任公司（第一分公司）与其他当事人", "]]>", "x]]>y<![CDATA[z",
				" 前后有空格 ", "\u3000全角空格开头", "制表\t分隔\t\t两次", "行一\r\n行二\r行三\n", "控制\u0001字符\u001f",
				"表情😀与生僻字𠀀", "\"引号\"与'撇号'", "");
	}

	@Test
	void repeatedRowsNestedTablesHeadersAndFootersFillAsPoiDoes() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("${materials[]}在表外；${missing}");
		XWPFTable table = doc.createTable(4, 2);
		table.getRow(0).getCell(0).setText("序号");
		table.getRow(0).getCell(1).setText("材料");
		table.getRow(1).getCell(0).setText("${materials[]#}");
		XWPFParagraph split = table.getRow(1).getCell(1).getParagraphs().get(0);
		split.createRun().setText("${mater");
		split.createRun().setText("ials[]}（${partyName}）");
		table.getRow(2).getCell(0).setText("${none[]}");
		// a nested table inside a row: its own list row repeats; inside a repeated row it does not
		XWPFTable nested = table.getRow(3).getCell(1).insertNewTbl(
				table.getRow(3).getCell(1).getParagraphs().get(0).getCTP().newCursor());
		nested.createRow().createCell().setText("${materials[]}");
		XWPFTable inRepeated = doc.createTable(1, 1);
		inRepeated.getRow(0).getCell(0).setText("${materials[]#}");
		inRepeated.getRow(0).getCell(0).insertNewTbl(inRepeated.getRow(0).getCell(0).getParagraphs().get(0).getCTP()
			.newCursor()).createRow().createCell().setText("${materials[]}");
		doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${agencyName}");
		doc.createFooter(HeaderFooterType.FIRST).createTable(1, 1).getRow(0).getCell(0).setText("${materials[]}");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.write(out);

		for (Object materials : List.of(List.of(), List.of("调查终结报告"), List.of("甲", "乙", "丙"))) {
			Map<String, Object> fields = new LinkedHashMap<>(FIELDS);
			fields.put("materials", materials);
			assertSameAsPoisOwnFill(out.toByteArray(), fields);
		}
	}

	@Test
	void aTemplateHoldingReservedCharactersIsRefused() throws IOException {
		XWPFDocument doc = new XWPFDocument();
		doc.createParagraph().createRun().setText("当事人\uFDD1${partyName}");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.write(out);

		assertThatThrownBy(() -> PreparedTemplate.of(out.toByteArray())).isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("not a readable .docx").hasStackTraceContaining("reserved");
	}

	private byte[] assertSameAsPoisOwnFill(byte[] template) throws IOException {
		return assertSameAsPoisOwnFill(template, FIELDS);
	}

	/** Fills through the prepared template and through POI's model of the whole package; returns the former. */
	private byte[] assertSameAsPoisOwnFill(byte[] template, Map<String, Object> fields) throws IOException {
		byte[] filled = filler.fill(template, fields).content();
		Map<String, byte[]> expected;
		List<String> changed = new ArrayList<>();
		try (XWPFDocument whole = new XWPFDocument(new ByteArrayInputStream(template))) {
			fillModel(whole, filler.new Fill(fields, "whole package"));
			changed.add(whole.getPackagePart().getPartName().getName().substring(1));
			whole.getHeaderList().forEach(h -> changed.add(h.getPackagePart().getPartName().getName().substring(1)));
			whole.getFooterList().forEach(f -> changed.add(f.getPackagePart().getPartName().getName().substring(1)));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			whole.write(out);
			expected = unzip(out.toByteArray());
		}
		Map<String, byte[]> original = unzip(template);
		Map<String, byte[]> actual = unzip(filled);
		assertThat(new ArrayList<>(actual.keySet())).containsExactlyElementsOf(original.keySet());
		for (String name : actual.keySet()) {
			byte[] want = changed.contains(name) ? expected.get(name) : original.get(name);
			assertThat(new String(actual.get(name), java.nio.charset.StandardCharsets.UTF_8)).as(name)
				.isEqualTo(new String(want, java.nio.charset.StandardCharsets.UTF_8));
		}
		return filled;
	}

	/** The fill in POI's model of the whole package: each placeholder replaced in its run, repeated rows copied. */
	static void fillModel(XWPFDocument doc, PreparedTemplate.Values values) {
		body(doc, values);
		doc.getHeaderList().forEach(header -> body(header, values));
		doc.getFooterList().forEach(footer -> body(footer, values));
	}

	private static void body(IBody body, PreparedTemplate.Values values) {
		for (IBodyElement element : List.copyOf(body.getBodyElements())) {
			if (element instanceof XWPFParagraph paragraph) {
				PreparedTemplate.replacePlaceholders(paragraph, placeholder -> values.text(placeholder, null));
			}
			else if (element instanceof XWPFTable table) {
				table(table, values, null);
			}
		}
	}

	private static void table(XWPFTable table, PreparedTemplate.Values values, PreparedTemplate.Row outer) {
		int pos = 0;
		while (pos < table.getRows().size()) {
			XWPFTableRow row = table.getRow(pos);
			String list = outer == null ? PreparedTemplate.repeatedList(row) : null;
			if (list == null) {
				row(row, values, outer);
				pos++;
				continue;
			}
			List<?> elements = values.elements(list);
			int count = Math.max(1, elements.size());
			for (int i = 0; i < count; i++) {
				XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
				row(copy, values, new PreparedTemplate.Row(list, i, elements.isEmpty() ? null : elements.get(i)));
				table.addRow(copy, pos + 1 + i);
			}
			table.removeRow(pos);
			pos += count;
		}
	}

	private static void row(XWPFTableRow row, PreparedTemplate.Values values, PreparedTemplate.Row element) {
		for (XWPFTableCell cell : row.getTableCells()) {
			for (IBodyElement inCell : List.copyOf(cell.getBodyElements())) {
				if (inCell instanceof XWPFParagraph paragraph) {
					PreparedTemplate.replacePlaceholders(paragraph, placeholder -> values.text(placeholder, element));
				}
				else if (inCell instanceof XWPFTable nested) {
					table(nested, values, element);
				}
			}
		}
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				files.put(e.getName(), in.readAllBytes());
			}
		}
		return files;
	}
}

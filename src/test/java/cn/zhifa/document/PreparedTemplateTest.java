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
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * ADR-0048: a filled document is the template's own files, with the document, headers and footers exactly as POI's
 * own fill of the whole package writes them — for every template of the product and for one with a header and a
 * footer built here.
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

	/** Fills through the prepared template and through POI's whole package; returns the former. */
	private byte[] assertSameAsPoisOwnFill(byte[] template) throws IOException {
		byte[] filled = filler.fill(template, FIELDS).content();
		Map<String, byte[]> expected;
		List<String> changed = new ArrayList<>();
		try (XWPFDocument whole = new XWPFDocument(new ByteArrayInputStream(template))) {
			filler.fill(whole, FIELDS, "whole package");
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

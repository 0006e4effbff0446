package cn.zhifa.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates folder as the legal office keeps it: every kind has a readable template, and the
 * two legal-review templates (issue 4) use only fields the legal-review process provides.
 */
class DocumentTemplatesTest {

	private final DocumentTemplates templates = new DocumentTemplates("templates");

	@Test
	void everyKindHasATemplateThatWordCanOpen() throws IOException {
		Map<String, DocumentKind> kinds = templates.kinds();
		assertThat(kinds).containsKeys("REVIEW_SUBMISSION", "REVIEW_OPINION");
		for (DocumentKind kind : kinds.values()) {
			try (XWPFDocument doc = DocxTemplateFillerTest.reopen(templates.template(kind))) {
				assertThat(doc.getParagraphs()).as(kind.kind()).isNotEmpty();
			}
		}
		assertThat(kinds.get("REVIEW_OPINION").abbreviation()).isEqualTo("法审");
		assertThat(kinds.get("REVIEW_OPINION").lists().get("checklist")).hasSize(9); // R-REV-4
	}

	@Test
	void labelsGiveChineseTextsForEnumsAndYesNo() {
		Labels labels = templates.labels();
		assertThat(labels.label("decisionType", "PENALTY")).isEqualTo("行政处罚");
		assertThat(labels.label("decisionType", "EXPROPRIATION")).isEqualTo("行政征收征用");
		assertThat(labels.label("reviewOutcome", "SUSPECTED_CRIME")).isEqualTo("涉嫌犯罪，应移送司法机关");
		assertThat(labels.label("reviewOutcome", "NEEDS_CORRECTION")).isEqualTo("需补正、纠正");
		assertThat(labels.label("someFlag", true)).isEqualTo("是");
		assertThat(labels.bool(false)).isEqualTo("否");
		assertThat(labels.label("checkCrime", true)).isEqualTo("未发现涉嫌犯罪");
		assertThat(labels.label("decisionType", "UNLISTED")).isNull();
	}

	@Test
	void reviewTemplatesUseOnlyTheLegalReviewVariables() throws IOException {
		for (String kind : List.of("REVIEW_SUBMISSION", "REVIEW_OPINION")) {
			DocumentKind documentKind = templates.kind(kind);
			Labels labels = templates.labels();
			Map<String, Object> fields = DocumentFields.build(documentKind, "寥廓街道综合行政执法队", "寥街", "CASE-T-1",
					"寥街法审〔2026〕7号", LocalDate.of(2026, 11, 21), labels, legalReviewVariables(),
					id -> "officer1".equals(id) ? "李明" : null);

			DocxTemplateFiller.Filled filled = new DocxTemplateFiller(labels).fill(templates.template(documentKind), fields);

			assertThat(filled.missingFields()).as(kind).isEmpty();
			try (XWPFWordExtractor text = new XWPFWordExtractor(DocxTemplateFillerTest.reopen(filled.content()))) {
				assertThat(text.getText()).as(kind).doesNotContain("${")
					.contains("寥廓街道综合行政执法队", documentKind.name(), "寥街法审〔2026〕7号", "CASE-T-1", "行政处罚", "李明",
							"2026年11月10日", "2026年11月17日");
				if (kind.equals("REVIEW_SUBMISSION")) {
					assertThat(text.getText()).contains("调查终结报告", "听证笔录", "拟处罚款金额较大");
				}
				else {
					assertThat(text.getText()).contains("执法人员是否具备执法资格", "具备", "未发现涉嫌犯罪", "同意",
							"事实清楚，证据确凿", "第2次审核", "2026年11月21日");
				}
			}
		}
	}

	@Test
	void unknownKindNamesTheKindsFile() {
		assertThatThrownBy(() -> templates.kind("NO_SUCH_KIND")).isInstanceOf(UnknownDocumentKindException.class)
			.hasMessageContaining("NO_SUCH_KIND").hasMessageContaining("templates/document-kinds.yml")
			.hasMessageContaining("REVIEW_OPINION");
	}

	@Test
	void withoutTheFolderTheCopiesInTheJarAreUsed(@TempDir Path empty) {
		DocumentTemplates packaged = new DocumentTemplates(empty.resolve("missing").toString());
		assertThat(packaged.origin()).isEqualTo("classpath:templates/");
		assertThat(packaged.kinds()).containsKey("REVIEW_OPINION");
		assertThat(packaged.template(packaged.kind("REVIEW_OPINION"))).isNotEmpty();
	}

	@Test
	void malformedKindsFileIsReportedWithItsName(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("document-kinds.yml"), "kinds:\n  - kind: X\n    name: 某文书\n");
		DocumentTemplates broken = new DocumentTemplates(dir.toString());
		assertThatThrownBy(broken::kinds).isInstanceOf(TemplateConfigurationException.class)
			.hasMessageContaining("document-kinds.yml").hasMessageContaining("'template' missing");
	}

	/** The variables of the legal-review process (issue 4) as it calls the delegate after a review decision. */
	static Map<String, Object> legalReviewVariables() {
		Map<String, Object> v = new HashMap<>();
		v.put("caseId", "CASE-T-1");
		v.put("agencyCode", "LIAOKUO");
		v.put("decisionType", "PENALTY");
		v.put("majorReasons", "拟处罚款金额较大（R-REV-2）\n经过听证程序");
		v.put("materials", List.of("调查终结报告", "证据材料", "听证笔录"));
		v.put("handlerId", "officer1");
		v.put("materialsReceivedAt", Date.from(OffsetDateTime.of(2026, 11, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant()));
		v.put("reviewDueAt", Date.from(OffsetDateTime.of(2026, 11, 17, 17, 30, 0, 0, ZoneOffset.ofHours(8)).toInstant()));
		v.put("reviewRound", 2);
		v.put("reviewerId", "reviewer1");
		for (String check : List.of("checkCompetence", "checkQualification", "checkProcedure", "checkFacts", "checkEvidence",
				"checkLegalBasis", "checkDiscretion", "checkDocuments", "checkCrime")) {
			v.put(check, true);
		}
		v.put("reviewOpinion", "事实清楚，证据确凿，程序合法，适用法律正确。");
		v.put("reviewOutcome", "APPROVED");
		v.put("reviewExtended", false);
		// extensionReason is set only when the review is extended
		return v;
	}
}
